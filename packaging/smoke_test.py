"""The smoke test of a built or installed ANTT Desktop: does the program an officer gets work?

    python packaging/smoke_test.py PROGRAM_FOLDER [--version 0.1.0] [--keep] [--wine PREFIX]

PROGRAM_FOLDER holds ``antt`` and ``antt-desktop`` (``.exe`` on Windows): the one-folder
build in ``dist/antt-desktop`` or the folder the installer wrote. In a fresh data folder it
runs, as an officer would, each step below and prints its result and time; it stops at the
first failure and exits 1. Standard library only, so it runs on any machine with Python
(the Windows build runner, a Linux PC) against the program, never against the source.
With ``--wine PREFIX`` it runs the Windows programs (``.exe``) under Wine on Linux.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PASSWORD = "smoke-test-2026"  # a throwaway post, deleted at the end
ADMIN = "truongcong"
POST = [
    "--unit-code", "05611",
    "--unit-name", "Công an xã Phú Lương",
    "--upper-code", "CAT-TN",
    "--upper-name", "Công an tỉnh Thái Nguyên",
    "--admin", ADMIN,
]  # fmt: skip
TIMEOUT = 600  # seconds a step may take on a slow runner


class StepFailed(Exception):
    pass


@dataclass
class Program:
    folder: Path
    data: Path
    wine: Path | None = None  # the Wine prefix the Windows programs run in

    def path(self, path: Path) -> str:
        """``path`` as the program sees it (under Wine, a Windows path such as Z:\\tmp\\…)."""
        if self.wine is None:
            return str(path)
        done = subprocess.run(["winepath", "-w", str(path)], env=self.wine_env(), text=True,
                              capture_output=True)  # fmt: skip
        return done.stdout.strip()

    def wine_env(self) -> dict[str, str]:
        return {"WINEPREFIX": str(self.wine), "WINEDEBUG": "-all", **os.environ}

    def run(self, name: str, *args: str, env: dict[str, str] | None = None) -> str:
        """Run ``name`` (antt or antt-desktop) with ``args``; its output, or StepFailed."""
        windows = self.wine is not None or sys.platform == "win32"
        exe = self.folder / f"{name}{'.exe' if windows else ''}"
        if not exe.is_file():
            raise StepFailed(f"{exe} is missing")
        full_env = {
            **(self.wine_env() if self.wine else os.environ),
            "ANTT_DATA_DIR": self.path(self.data),
            "ANTT_PASSWORD": PASSWORD,
            "ANTT_NEW_PASSWORD": PASSWORD,
            "PYTHONIOENCODING": "utf-8",
            **(env or {}),
        }
        done = subprocess.run(
            ["wine", str(exe), *args] if self.wine else [str(exe), *args],
            env=full_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        out = (done.stdout + done.stderr).strip()
        if done.returncode != 0:
            raise StepFailed(f"exit code {done.returncode}: {out[-1500:]}")
        return out

    def antt(self, *args: str) -> str:
        return self.run("antt", "--user", ADMIN, *args)


def steps(program: Program, version: str | None, workdir: Path) -> list[tuple[str, Callable]]:
    def show_version() -> str:
        out = program.run("antt", "--version")
        if version and out.split()[-1] != version:
            raise StepFailed(f"'{out}', expected version {version}")
        return out

    def init() -> str:
        program.run("antt", "init", *POST)
        keys = list(program.data.glob("*.keys"))
        if not keys:
            raise StepFailed("no key file was written beside the database")
        return f"post 05611 made in {program.data} (encrypted, key file {keys[0].name})"

    def demo_data() -> str:
        program.antt("demo-data", "--scale", "commune")
        found = json.loads(program.antt("--json", "dossier", "list"))
        if not found:
            raise StepFailed("no dossier after demo-data")
        return f"{len(found)} dossiers"

    def check() -> str:
        return program.antt("check").splitlines()[-1]

    def no_password_no_wait() -> str:
        """A scheduled task has no console and no password: refused at once (exit 5),
        never a prompt that waits for ever."""
        try:
            program.run("antt", "--user", ADMIN, "dossier", "list", env={"ANTT_PASSWORD": ""})
        except StepFailed as refused:
            if str(refused).startswith("exit code 5"):
                return "refused with exit code 5"
            raise
        raise StepFailed("listed dossiers without a password")

    def booklet() -> str:
        first = json.loads(program.antt("--json", "dossier", "list"))[0]
        pdf = workdir / "booklet.pdf"
        program.antt("print", "booklet", str(first["id"]), "--out", program.path(pdf))
        data = pdf.read_bytes() if pdf.exists() else b""
        if not data.startswith(b"%PDF"):
            raise StepFailed(f"{pdf} is not a PDF")
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
        return f"{pdf.name}: {len(data) // 1024} kB, {pages} page(s)"

    def self_test() -> str:
        out = program.run(
            "antt-desktop",
            "--self-test",
            env={"QT_QPA_PLATFORM": "offscreen", "ANTT_DATA_DIR": program.path(workdir / "window")},
        )
        lines = [line for line in out.splitlines() if line.startswith("self-test:")]
        # a windowed program on Windows has no console to print to: its exit code speaks
        return lines[-1] if lines else "exit code 0"

    return [
        ("antt --version", show_version),
        ("antt init (password from ANTT_NEW_PASSWORD)", init),
        ("antt demo-data --scale commune", demo_data),
        ("antt check", check),
        ("antt without a password or console", no_password_no_wait),
        ("antt print booklet", booklet),
        ("antt-desktop --self-test (offscreen)", self_test),
    ]


def serif_font_for_wine(prefix: Path) -> str | None:
    """Every Windows has Times New Roman, which documents print in; a Wine prefix has no
    serif font with Vietnamese letters, so give it DejaVu Serif (Debian's fonts-dejavu-core)
    as a PC would have Times. Returns what was done, for the log."""
    fonts = prefix / "drive_c" / "windows" / "Fonts"
    source = Path("/usr/share/fonts/truetype/dejavu")
    if (fonts / "times.ttf").exists() or (fonts / "DejaVuSerif.ttf").exists():
        return None
    if not (source / "DejaVuSerif.ttf").exists():
        return "no serif font to give the Wine prefix: printing will be refused"
    faces = ("", "-Bold", "-Italic", "-BoldItalic")  # the four faces a document uses
    for name in (f"DejaVuSerif{face}.ttf" for face in faces):
        if (source / name).exists():
            shutil.copy(source / name, fonts / name)
    return "the Wine prefix got DejaVu Serif to print with (Windows has Times New Roman)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder holding antt and antt-desktop")
    parser.add_argument("--version", help="the version antt must report")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway data folder")
    parser.add_argument("--wine", type=Path, help="run the Windows programs in this Wine prefix")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="antt-smoke-"))
    wine = args.wine.resolve() if args.wine else None
    program = Program(args.folder.resolve(), workdir / "post", wine)
    print(f"smoke test of {program.folder}", flush=True)
    if args.wine and (note := serif_font_for_wine(args.wine)):
        print(f"  note  {note}")
    started, failed = time.perf_counter(), False
    for title, step in steps(program, args.version, workdir):
        t0 = time.perf_counter()
        try:
            result, ok = step(), True
        except (StepFailed, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
            result, ok = str(exc), False
        took = time.perf_counter() - t0
        print(f"  {'ok  ' if ok else 'FAIL'}  {title:<46} {took:6.1f} s  {result}")
        sys.stdout.flush()
        if not ok:
            failed = True
            break
    total = time.perf_counter() - started
    print(f"{'FAILED' if failed else 'passed'} in {total:.0f} s")
    if args.keep:
        print(f"data kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
