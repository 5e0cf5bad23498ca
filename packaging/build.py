"""Build ANTT Desktop for the system it runs on, then check what was built.

    python packaging/build.py [--no-installer] [--no-checks]

One command, the same on a Windows build runner and on a Linux PC:

1. a build environment in ``build/package-venv`` with the project installed normally
   (PyInstaller cannot follow an editable install) and PyInstaller;
2. the one-folder program in ``dist/antt-desktop`` (``packaging/pyinstaller``); the build
   fails if PyInstaller's log says anything was not found;
3. on Linux, ``dist/antt-desktop-VERSION-linux-x86_64.tar.xz`` with ``install.sh``, the menu
   entry and the icon; its install script run for a throwaway home and checked;
4. the installer (``packaging/windows/antt-desktop.nsi``, NSIS's ``makensis``): on Windows
   ``dist/antt-desktop-VERSION-setup.exe``; on Linux the same script over the Linux build as
   a stand-in payload, ``build/antt-desktop-VERSION-setup-linux-standin.exe``, so that its
   pages, texts and logic are compiled and, under Wine, installed and removed (never ship it);
5. the smoke test (``packaging/smoke_test.py``) of the built program, and the installer
   check (``packaging/windows/installer_check.py``) on Windows, or under Wine on Linux.

On Linux, ``--windows`` also builds the Windows program under Wine
(``packaging/windows/wine_build.py``, in ``build/wine``) and from it the real installer
``dist/antt-desktop-VERSION-setup.exe``, then smoke-tests the program and checks the installer
under Wine with that program in it.

Prints each stage's time and a summary of sizes; exit 1 at the first failure.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD, DIST = ROOT / "build", ROOT / "dist"
PROGRAM = DIST / "antt-desktop"
WINDOWS = sys.platform == "win32"
# PyInstaller ignores Windows system DLLs named by ctypes when building elsewhere, but its
# list lacks ntdll, which filelock's Windows half names: nothing is missing from a Linux build.
HARMLESS = re.compile(r"Library ntdll required via ctypes not found") if not WINDOWS else None


class BuildFailed(Exception):
    pass


def version() -> str:
    tree = ast.parse((ROOT / "antt_desktop" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__version__":
            return str(ast.literal_eval(node.value))
    raise BuildFailed("antt_desktop/__init__.py has no __version__")


def version4(text: str) -> str:
    """The four numbers Windows wants in a file version: '0.1.0' → '0.1.0.0'."""
    release = re.match(r"\d+(\.\d+)*", text)
    numbers = [int(n) for n in release.group(0).split(".")[:4]] if release else []
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, text=True, **kwargs)
    if done.returncode != 0:
        out = (done.stdout or "") + (done.stderr or "") if kwargs.get("capture_output") else ""
        raise BuildFailed(f"{Path(cmd[0]).name} exited {done.returncode}\n{out[-3000:]}")
    return done


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


# ---------------------------------------------------------------- stages
def build_env() -> Path:
    venv = BUILD / "package-venv"
    python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(python), "-m", "pip", "install", "--quiet"]
    run([*pip, f"{ROOT}[package]"], capture_output=True)
    run([*pip, "--no-deps", "--force-reinstall", str(ROOT)], capture_output=True)  # this code
    return python


def pyinstaller(python: Path) -> str:
    log = BUILD / "pyinstaller.log"
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [
                str(python), "-m", "PyInstaller", "--noconfirm",
                "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                str(PACKAGING / "pyinstaller" / "antt-desktop.spec"),
            ],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    text = log.read_text(encoding="utf-8", errors="replace")
    if done.returncode != 0:
        raise BuildFailed(f"PyInstaller exited {done.returncode}; see {log}\n{text[-3000:]}")
    missing = [
        line
        for line in text.splitlines()
        if "not found" in line.lower() and not (HARMLESS and HARMLESS.search(line))
    ]
    if missing:
        raise BuildFailed("PyInstaller could not find:\n" + "\n".join(missing))
    size, count = folder_size(PROGRAM)
    return f"{PROGRAM.relative_to(ROOT)}: {mb(size)} in {count} files (log {log.name})"


def linux_archive(ver: str) -> Path:
    archive = DIST / f"antt-desktop-{ver}-linux-x86_64.tar.xz"
    staging = BUILD / "linux-archive"
    top = staging / f"antt-desktop-{ver}"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(PROGRAM, top, symlinks=True)
    shutil.copy2(PACKAGING / "linux" / "install.sh", top / "install.sh")
    shutil.copy2(PACKAGING / "linux" / "antt-desktop.desktop", top / "antt-desktop.desktop")
    shutil.copy2(ROOT / "resources" / "icons" / "antt-desktop.svg", top / "antt-desktop.svg")
    if shutil.which("tar") and shutil.which("xz"):  # xz compresses on every core
        env = dict(os.environ, XZ_OPT="-6 -T0")
        run(["tar", "-C", str(staging), "-cJf", str(archive), top.name], env=env)
    else:
        with tarfile.open(archive, "w:xz", preset=6) as tar:
            tar.add(top, arcname=top.name)
    shutil.rmtree(staging)
    return archive


def linux_install_check(archive: Path) -> str:
    """Unpack the archive and run its install.sh for a throwaway home, then uninstall."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="tar")
        script = next(Path(tmp).glob("antt-desktop-*/install.sh"))
        env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"))
        run(["sh", str(script)], env=env, capture_output=True)
        entry = home / ".local/share/applications/antt-desktop.desktop"
        antt = home / ".local/bin/antt"
        out = run([str(antt), "--version"], capture_output=True).stdout.strip()
        if not entry.exists() or f"Exec={home}/.local/opt/antt-desktop/antt-desktop" not in (
            entry.read_text(encoding="utf-8")
        ):
            raise BuildFailed(f"install.sh wrote no usable menu entry at {entry}")
        if shutil.which("desktop-file-validate"):
            run(["desktop-file-validate", str(entry)], capture_output=True)
        installed = home / ".local/opt/antt-desktop/install.sh"
        run(["sh", str(installed), "--uninstall"], env=env, capture_output=True)
        if entry.exists() or antt.exists():
            raise BuildFailed("install.sh --uninstall left the menu entry or the command")
    return f"install.sh for a user: menu entry, icon, '{out}' on PATH; --uninstall clean"


def makensis_path() -> str | None:
    found = shutil.which("makensis")
    if found is None and WINDOWS:
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            candidate = Path(base or "") / "NSIS" / "makensis.exe"
            if base and candidate.exists():
                return str(candidate)
    return found


def installer(ver: str, makensis: str, payload: Path = PROGRAM, windows: bool = WINDOWS) -> Path:
    """The installer over ``payload``; ``windows`` False: the Linux stand-in."""
    out = (
        DIST / f"antt-desktop-{ver}-setup.exe"
        if windows
        else (BUILD / f"antt-desktop-{ver}-setup-linux-standin.exe")
    )
    defines = [
        f"-DVERSION={ver}",
        f"-DVERSION4={version4(ver)}",
        f"-DPAYLOAD={payload}",
        f"-DOUTFILE={out}",
    ]
    if not windows:
        defines.append("-DEXE=")
    script = PACKAGING / "windows" / "antt-desktop.nsi"
    run([makensis, "-V2", "-WX", *defines, str(script)], capture_output=True)
    return out


def windows_under_wine(ver: str, stage, *, checks: bool) -> None:
    work = BUILD / "wine"
    program = work / "dist" / "antt-desktop"
    build = [sys.executable, str(PACKAGING / "windows" / "wine_build.py"), "--work", str(work)]

    def freeze() -> str:
        run(build)
        size, count = folder_size(program)
        return f"{program.relative_to(ROOT)}: {mb(size)} in {count} files"

    stage("Windows program (PyInstaller under Wine)", freeze)
    makensis = makensis_path()
    if makensis is None:
        raise BuildFailed("makensis not found: install NSIS (Debian: apt install nsis)")
    setup = BUILD / "none"

    def make_installer() -> str:
        nonlocal setup
        setup = installer(ver, makensis, program, windows=True)
        return f"installer {setup.relative_to(ROOT)}: {mb(setup.stat().st_size)}"

    stage("Windows installer (makensis)", make_installer)
    if checks:
        prefix = str(work / "prefix")  # it has the DLLs Wine 8 lacks (wine_build.py)
        check = [sys.executable, str(PACKAGING / "windows" / "installer_check.py")]
        stage(
            "Windows installer check under Wine (with its smoke test)",
            lambda: run([*check, str(setup), "--version", ver, "--wine", prefix]) and "passed",
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-installer", action="store_true", help="skip makensis")
    parser.add_argument("--no-checks", action="store_true", help="skip smoke and installer checks")
    parser.add_argument(
        "--windows", action="store_true", help="on Linux: the Windows build and installer too"
    )
    args = parser.parse_args(argv)
    ver = version()
    BUILD.mkdir(exist_ok=True)
    DIST.mkdir(exist_ok=True)
    summary: list[str] = []

    def stage(title: str, action):
        t0 = time.perf_counter()
        print(f"== {title}", flush=True)
        result = action()
        took = time.perf_counter() - t0
        print(f"   {result}  ({took:.0f} s)", flush=True)
        summary.append(f"{title}: {result} ({took:.0f} s)")
        return result

    try:
        python = stage("build environment", lambda: build_env())
        stage("one-folder program (PyInstaller)", lambda: pyinstaller(python))
        if not WINDOWS:
            archive = BUILD / "none"

            def make_archive() -> str:
                nonlocal archive
                archive = linux_archive(ver)
                return f"{archive.relative_to(ROOT)}: {mb(archive.stat().st_size)}"

            stage("Linux archive (.tar.xz)", make_archive)
            stage("Linux install script", lambda: linux_install_check(archive))
        setup = None
        if not args.no_installer:
            makensis = makensis_path()
            if makensis is None:
                raise BuildFailed("makensis not found: install NSIS (Debian: apt install nsis)")

            def make_installer() -> str:
                nonlocal setup
                setup = installer(ver, makensis)
                kind = "installer" if WINDOWS else "installer over the Linux stand-in payload"
                return f"{kind} {setup.relative_to(ROOT)}: {mb(setup.stat().st_size)}"

            stage("installer (makensis)", make_installer)
        if not args.no_checks:
            smoke = [sys.executable, str(PACKAGING / "smoke_test.py"), str(PROGRAM)]
            stage("smoke test", lambda: run([*smoke, "--version", ver]) and "passed")
            check = [sys.executable, str(PACKAGING / "windows" / "installer_check.py")]
            if setup is not None and WINDOWS:
                stage(
                    "installer check",
                    lambda: run([*check, str(setup), "--version", ver]) and "passed",
                )
            elif setup is not None and shutil.which("wine"):
                prefix = BUILD / "wine-installer-check"
                shutil.rmtree(prefix, ignore_errors=True)
                stage(
                    "installer check under Wine",
                    lambda: run(
                        [*check, str(setup), "--version", ver, "--wine", str(prefix),
                         "--payload-runs", "no"]
                    ) and "passed",
                )  # fmt: skip
        if args.windows and not WINDOWS:
            windows_under_wine(ver, stage, checks=not args.no_checks)
    except BuildFailed as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    print("\n".join(["", f"ANTT Desktop {ver} built:", *(f"  {line}" for line in summary)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
