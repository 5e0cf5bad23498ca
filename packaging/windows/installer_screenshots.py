"""Pictures of the installer's pages for the README, taken on Linux under Wine on a virtual
screen (Debian packages wine, xvfb, xdotool, imagemagick, fonts-dejavu-core; fontTools from
PyPI):

    python packaging/windows/installer_screenshots.py SETUP.exe [--out resources/screenshots]

Walks the installer as an officer would (language, welcome, components, folder, copying,
finish) and then the uninstaller (confirmation, the page about the data), saving each page
as installer-NN-name.png. Wine draws Windows' controls in its own plain style; the pages,
texts and layout are the installer's. It waits for each page by its window, then lets the
page paint: a documentation tool, run by hand, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fontTools.ttLib import TTFont  # pip install fonttools

ROOT = Path(__file__).resolve().parents[2]
DISPLAY = ":77"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core


class Screen:
    def __init__(self, prefix: Path) -> None:
        self.xvfb = subprocess.Popen(
            ["Xvfb", DISPLAY, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        self.env = dict(
            os.environ,
            DISPLAY=DISPLAY,
            WINEPREFIX=str(prefix),
            WINEDEBUG="-all",
            WINEDLLOVERRIDES="mscoree,mshtml=",
            LANG="vi_VN.UTF-8",
        )
        subprocess.run(["wine", "wineboot", "--init"], env=self.env, capture_output=True)
        subprocess.run(["wine", "winecfg", "/v", "win10"], env=self.env, capture_output=True)
        # Wine's own stand-in for Tahoma, the dialog font, has no letters like ư, ặ or ờ
        # (Windows' Tahoma has them): give the prefix a Tahoma made from DejaVu Sans
        fonts = prefix / "drive_c" / "windows" / "Fonts"
        for source, name in (("DejaVuSans", "tahoma"), ("DejaVuSans-Bold", "tahomabd")):
            font = TTFont(DEJAVU / f"{source}.ttf")
            for record in font["name"].names:
                if record.nameID in (1, 4, 6, 16):
                    family = "Tahoma" if name == "tahoma" else "Tahoma Bold"
                    record.string = family if record.nameID != 6 else family.replace(" ", "-")
            font.save(fonts / f"{name}.ttf")
        substitutes = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes"
        for name in ("MS Shell Dlg", "MS Shell Dlg 2"):  # Wine maps the first to MS Sans Serif
            subprocess.run(
                ["wine", "reg", "add", substitutes, "/v", name, "/d", "Tahoma", "/f"],
                env=self.env, capture_output=True,
            )  # fmt: skip
        subprocess.run(["wineserver", "-w"], env=self.env)

    def window(self, title: str, other_than: str = "", timeout: float = 120) -> str:
        """The newest visible window with ``title`` in its name (not ``other_than``, the
        dialog just closed)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", title],
                env=self.env,
                capture_output=True,
                text=True,
            ).stdout.split()
            found = [w for w in found if w != other_than]
            if found:
                time.sleep(1.5)  # let the page paint
                return found[-1]
            time.sleep(0.3)
        raise SystemExit(f"no window named {title!r} appeared")

    def shot(self, window: str, path: Path) -> None:
        subprocess.run(["import", "-window", window, str(path)], env=self.env, check=True)
        print(f"  {path.name}")

    def keys(self, window: str, *keys: str) -> None:
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=self.env)
        for key in keys:
            subprocess.run(["xdotool", "key", key], env=self.env)
            time.sleep(1.5)

    def close(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env)
        self.xvfb.terminate()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("setup", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    prefix = Path(tempfile.mkdtemp(prefix="antt-wine-screens-"))
    screen = Screen(prefix)
    try:
        setup = prefix / "drive_c" / "antt-desktop-setup.exe"
        shutil.copy(args.setup, setup)
        running = subprocess.Popen(["wine", r"C:\antt-desktop-setup.exe"], env=screen.env)
        w = screen.window("ANTT Desktop")  # the language dialog
        screen.shot(w, args.out / "installer-01-language.png")
        screen.keys(w, "Return")
        w = screen.window("ANTT Desktop", other_than=w)
        screen.shot(w, args.out / "installer-02-welcome.png")
        screen.keys(w, "Return")
        screen.shot(w, args.out / "installer-03-components.png")
        screen.keys(w, "Return")
        screen.shot(w, args.out / "installer-04-folder.png")
        screen.keys(w, "Return")
        done = prefix / "drive_c" / "Program Files" / "ANTT Desktop" / "Uninstall.exe"
        deadline = time.monotonic() + 300
        while not done.exists() and time.monotonic() < deadline:  # copying
            time.sleep(1)
        w = screen.window("ANTT Desktop")
        time.sleep(3)  # the last steps (shortcuts, entry), then the finish page
        screen.shot(w, args.out / "installer-05-finished.png")
        subprocess.run(["wineserver", "-k"], env=screen.env)
        running.wait()

        subprocess.Popen(["wine", r"C:\Program Files\ANTT Desktop\Uninstall.exe"], env=screen.env)
        w = screen.window("ANTT Desktop")
        screen.shot(w, args.out / "installer-06-uninstall.png")
        screen.keys(w, "Return")
        screen.shot(w, args.out / "installer-07-uninstall-data.png")
    finally:
        screen.close()
        shutil.rmtree(prefix, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
