"""Fast checks of what the release build is made from (the build itself, makensis over the
full program and the smoke test are `python packaging/build.py`, run on demand): the folder
keeps what the program needs, the installer script compiles with both languages complete,
the version comes from the package, both programs start as their names say."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import antt_desktop

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
NSI = PACKAGING / "windows" / "antt-desktop.nsi"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trim = load(PACKAGING / "pyinstaller" / "trim.py")
build = load(PACKAGING / "build.py")


def test_the_folder_keeps_the_locales_the_program_formats_with() -> None:
    used = set()
    for source in (ROOT / "antt_desktop").rglob("*.py"):
        used |= set(re.findall(r"locale=['\"](\w+)['\"]", source.read_text(encoding="utf-8")))

    assert used, "the program formats numbers for some locale"
    assert {loc for loc in used if not trim.kept(f"babel/locale-data/{loc}.dat")} == set()
    assert trim.kept("babel/locale-data/root.dat")
    assert not trim.kept("babel/locale-data/fr.dat")
    assert trim.kept("babel/global.dat")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt/lib/libQt6Charts.so.6", True),
        ("PySide6\\Qt6Pdf.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", False),
        ("PySide6/Qt/translations/qtbase_vi.qm", False),
        ("PySide6\\translations\\qtbase_vi.qm", False),
        ("PySide6\\opengl32sw.dll", False),
    ],
)
def test_the_folder_keeps_qt_widgets_and_leaves_out_quick_and_translations(
    dest: str, kept: bool
) -> None:
    assert trim.kept(dest) is kept


def test_no_module_the_program_imports_is_left_out_of_the_build() -> None:
    imported = set()
    for source in (ROOT / "antt_desktop").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        imported |= set(re.findall(r"^\s*(?:from|import) ([\w.]+)", text, re.MULTILINE))

    assert {m for m in imported for ex in trim.EXCLUDED_MODULES if m.startswith(ex)} == set()


def test_the_qt_hook_drops_only_the_plugins_that_drag_in_quick_or_gtk() -> None:
    hook = (PACKAGING / "pyinstaller" / "hooks" / "hook-PySide6.QtGui.py").read_text("utf-8")
    pattern = re.compile(re.search(r're\.compile\(r"(.+?)"', hook).group(1), re.IGNORECASE)

    assert pattern.search("plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert pattern.search("plugins/platformthemes/libqgtk3.so")
    assert not pattern.search("plugins/platforminputcontexts/libibusplatforminputcontextplugin.so")
    assert not pattern.search("plugins/platforms/qwindows.dll")


def test_the_installer_version_is_the_package_version() -> None:
    assert build.version() == antt_desktop.__version__
    assert build.version4("0.1.0") == "0.1.0.0"
    assert build.version4("1.2.3rc1") == "1.2.3.0"
    assert build.version4("2026.12") == "2026.12.0.0"


def test_every_installer_text_is_in_vietnamese_and_english() -> None:
    script = NSI.read_text(encoding="utf-8")
    strings: dict[str, set[str]] = {}
    for name, lang in re.findall(r"^LangString (\w+) \$\{LANG_(\w+)\}", script, re.M):
        strings.setdefault(name, set()).add(lang)
    used = set(re.findall(r"\$\((\w+)\)", script))

    assert {n for n, langs in strings.items() if langs != {"VIETNAMESE", "ENGLISH"}} == set()
    assert used - strings.keys() == set()
    assert strings.keys() - used == set()


def test_the_installer_script_compiles(tmp_path: Path) -> None:
    """makensis over a tiny stand-in payload: every page, text, shortcut and uninstall step
    compiles with warnings as errors. CI installs NSIS and sets ANTT_REQUIRE_MAKENSIS."""
    makensis = shutil.which("makensis")
    if makensis is None:
        if os.environ.get("ANTT_REQUIRE_MAKENSIS"):
            pytest.fail("makensis is required here (Debian package nsis)")
        pytest.skip("makensis not installed (Debian package nsis)")
    payload = tmp_path / "antt-desktop"
    (payload / "_internal").mkdir(parents=True)
    for name in ("antt-desktop", "antt", "_internal/base_library.zip"):
        (payload / name).write_bytes(b"stand-in")
    setup = tmp_path / "antt-desktop-test-setup.exe"
    done = subprocess.run(
        [
            makensis, "-V2", "-WX",
            f"-DVERSION={build.version()}", f"-DVERSION4={build.version4(build.version())}",
            f"-DPAYLOAD={payload}", f"-DOUTFILE={setup}", "-DEXE=", str(NSI),
        ],
        capture_output=True, text=True,
    )  # fmt: skip

    assert done.returncode == 0, done.stdout + done.stderr
    assert setup.read_bytes()[:2] == b"MZ"


def test_each_program_starts_as_its_name_says(monkeypatch: pytest.MonkeyPatch) -> None:
    import antt_desktop.cli.app as cli_app
    import antt_desktop.gui.app as gui_app

    launch = load(PACKAGING / "pyinstaller" / "launch.py")
    started: list[str] = []
    monkeypatch.setattr(cli_app, "main", lambda argv: started.append("command line") or 0)
    monkeypatch.setattr(gui_app, "main", lambda argv: started.append("window") or 0)
    for executable in ("C:/Program Files/ANTT Desktop/antt.exe", "/opt/antt-desktop/antt"):
        monkeypatch.setattr(sys, "executable", executable)
        launch.main()
    for executable in ("C:/Program Files/ANTT Desktop/antt-desktop.exe", "/opt/x/antt-desktop"):
        monkeypatch.setattr(sys, "executable", executable)
        launch.main()

    assert started == ["command line", "command line", "window", "window"]


def test_the_linux_menu_entry_starts_the_window_with_its_icon() -> None:
    entry = (PACKAGING / "linux" / "antt-desktop.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)

    assert fields["Exec"] == "antt-desktop"  # install.sh makes it the installed path
    assert (ROOT / "resources" / "icons" / f"{fields['Icon']}.svg").exists()
    assert "Exec=antt-desktop" in (PACKAGING / "linux" / "install.sh").read_text("utf-8")


def test_the_windows_workflow_builds_checks_and_keeps_the_installer() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")

    assert "windows-latest" in workflow
    assert re.search(r"python-version:\s*['\"]?3\.12", workflow)
    assert "python packaging/build.py" in workflow
    assert "dist/antt-desktop-*-setup.exe" in workflow
