"""Install, upgrade and uninstall the Windows installer as an officer's PC would, and check
each result: files, shortcuts, Programs-and-Features entry, PATH, the data kept or deleted.

    python packaging/windows/installer_check.py SETUP.exe --version 0.1.0 [--wine PREFIX]

On Windows (the build runner) it runs the installer itself; on Linux it runs it under Wine in
a prefix of its own (``--wine``), which exercises the installer's logic even when the payload
is the Linux build standing in for the Windows one (``--payload-runs no``): then the smoke
test of the installed program and the running-program refusal are skipped, and say so.
Each check prints ok/FAIL/skip; exit 1 if any failed. Standard library only.

It installs, deletes and overwrites "ANTT Desktop" folders of the Windows it runs on: run it
on a build runner or in a Wine prefix, not on a post's PC.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

APP = "ANTT Desktop"
UNINST_KEY = rf"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP}"
ENV_KEY = r"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
HERE = Path(__file__).resolve().parent


class Failed(Exception):
    pass


class Skipped(Exception):
    pass


def reg_value(reg_output: str, name: str) -> str | None:
    for line in reg_output.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0] == name:
            return parts[2].strip()
    return None


class Windows:
    """The Windows this check installs on: the real one, or Wine's (the subclass)."""

    wine = False

    def run(self, program: str, *args: str) -> int:
        return subprocess.run([program, *args], timeout=900).returncode

    def start(self, program: str, *args: str, env: dict[str, str]) -> subprocess.Popen:
        return subprocess.Popen([program, *args], env=dict(os.environ, **env))

    def stop(self, process: subprocess.Popen) -> None:
        process.kill()
        process.wait()

    def path(self, windows_path: str) -> Path:
        return Path(windows_path)

    def windows_path(self, path: Path) -> str:
        return str(path)

    def expand(self, text: str) -> str:
        return os.path.expandvars(text)

    def reg(self, key: str, name: str) -> str | None:
        done = subprocess.run(["reg", "query", key, "/v", name], capture_output=True, text=True)
        return reg_value(done.stdout, name)


class Wine(Windows):
    """Wine in a prefix of its own, told to be Windows 10 (its default, 7, is refused)."""

    wine = True

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.keeping_open = False
        self.env = dict(
            os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml="
        )
        if not (prefix / "system.reg").exists():
            self._wine("wineboot", "--init")
        self._wine("winecfg", "/v", "win10")

    def _wine(self, *args: str, settle: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["wine", *args], env=self.env, capture_output=True, text=True, timeout=900
        )
        if settle:  # a setup may hand over to a copy of itself: wait for every process
            subprocess.run(["wineserver", "-w"], env=self.env, timeout=900)
        return done

    def run(self, program: str, *args: str) -> int:
        # while a program is kept open on purpose, waiting for every process never ends
        return self._wine(program, *args, settle=not self.keeping_open).returncode

    def start(self, program: str, *args: str, env: dict[str, str]) -> subprocess.Popen:
        self.keeping_open = True
        # a pipe, never the log file this check may be writing to: a Windows program whose
        # output is a regular file dies under Wine 8 ("Invalid handle")
        return subprocess.Popen(
            ["wine", program, *args],
            env=dict(self.env, **env),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )

    def stop(self, process: subprocess.Popen) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env)
        process.wait()
        self.keeping_open = False

    def path(self, windows_path: str) -> Path:
        done = subprocess.run(["winepath", "-u", windows_path], env=self.env, capture_output=True)
        return Path(done.stdout.decode().strip())

    def windows_path(self, path: Path) -> str:
        done = subprocess.run(["winepath", "-w", str(path)], env=self.env, capture_output=True)
        return done.stdout.decode().strip()

    def expand(self, text: str) -> str:
        # cmd echoes the quotes it was given around an argument with spaces
        return self._wine("cmd", "/c", "echo", text).stdout.strip().strip('"')

    def reg(self, key: str, name: str) -> str | None:
        return reg_value(self._wine("reg", "query", key, "/v", name).stdout, name)


def ours(path: Path) -> Path:
    """``path`` if it is an absolute path naming ANTT Desktop; a check that got a wrong path
    (an empty answer from Wine, say) must never delete or write anything else."""
    if not path.is_absolute() or APP not in str(path):
        raise Failed(f"refusing to touch {path!r}: not an {APP} folder")
    return path


class Check:
    def __init__(self, host: Windows, setup: Path, version: str, payload_runs: bool) -> None:
        self.host, self.version, self.payload_runs = host, version, payload_runs
        self.setup = host.windows_path(setup)
        self.exe = ".exe" if payload_runs or not host.wine else ""
        self.folder_win = host.expand(rf"%ProgramFiles%\{APP}")
        self.folder = ours(host.path(self.folder_win))
        self.data = ours(host.path(host.expand(rf"%LOCALAPPDATA%\{APP}")))
        menu = host.expand(rf"%ProgramData%\Microsoft\Windows\Start Menu\Programs\{APP}")
        self.start_menu = ours(host.path(menu))
        self.desktop = ours(host.path(host.expand(rf"%PUBLIC%\Desktop\{APP}.lnk")))
        self.failures = 0

    def install(self, *args: str) -> int:
        return self.host.run(self.setup, "/S", *args)

    def uninstall(self, *args: str) -> int:
        # _?= keeps the uninstaller in place, so the call returns when it is done
        uninstaller = rf"{self.folder_win}\Uninstall.exe"
        return self.host.run(uninstaller, "/S", *args, f"_?={self.folder_win}")

    def installed(self) -> str:
        names = (f"antt-desktop{self.exe}", f"antt{self.exe}", "_internal", "Uninstall.exe")
        missing = [name for name in names if not (self.folder / name).exists()]
        links = [self.start_menu / f"{APP}.lnk", self.desktop]
        missing += [str(link) for link in links if not link.exists()]
        if missing:
            raise Failed(f"missing after install: {', '.join(missing)}")
        shown = self.host.reg(UNINST_KEY, "DisplayVersion")
        if shown != self.version:
            raise Failed(f"Programs and Features shows version {shown!r}, not {self.version}")
        return f"{self.folder_win}, shortcuts, Programs and Features entry {shown}"

    # ---------------------------------------------------------------- the steps
    def first_install(self) -> str:
        shutil.rmtree(self.data, ignore_errors=True)
        rc = self.install()
        if rc != 0:
            raise Failed(f"setup /S exited {rc}")
        return self.installed()

    def path_entry(self) -> str:
        if self.host.wine:
            raise Skipped("Wine has no PowerShell, which edits PATH; checked on Windows")
        path = self.host.reg(ENV_KEY, "Path") or ""
        if self.folder_win.lower() not in path.lower().split(";"):
            raise Failed(f"{self.folder_win} is not on the machine's PATH")
        return "the program folder is on the machine's PATH"

    def smoke(self) -> str:
        if not self.payload_runs:
            raise Skipped("the payload is the Linux build standing in; smoke-tested on its own")
        sys.path.insert(0, str(HERE.parent))
        import smoke_test  # beside this script's folder

        wine = ["--wine", str(self.host.prefix)] if isinstance(self.host, Wine) else []
        if smoke_test.main([str(self.folder), "--version", self.version, *wine]) != 0:
            raise Failed("the installed program failed its smoke test (output above)")
        return "the installed program passed its smoke test"

    def upgrade_keeps_data(self) -> str:
        self.data.mkdir(parents=True, exist_ok=True)
        (self.data / "marker.txt").write_text("the post's data", encoding="utf-8")
        stale = self.folder / "left-by-old-version.txt"
        stale.write_text("old", encoding="utf-8")
        rc = self.install()
        if rc != 0:
            raise Failed(f"setup /S over the installed version exited {rc}")
        self.installed()
        if stale.exists():
            raise Failed("a file of the old version is still in the program folder")
        if not (self.data / "marker.txt").exists():
            raise Failed("the data folder lost its files in the upgrade")
        return "old files replaced whole, data folder untouched"

    def exe_in_use(self) -> bool:
        """Whether Windows refuses to open the installed window program for writing, as it
        does while the program runs (the setup's own test)."""
        target = rf"{self.folder_win}\antt-desktop{self.exe}"
        return self.host.run("cmd", "/c", f'type nul >> "{target}"') != 0

    def refuses_while_running(self) -> str:
        if not self.payload_runs:
            raise Skipped("needs a payload that runs here")
        if self.host.wine:
            raise Skipped("Wine lets a running program's file be opened for writing; on Windows")
        # the window left open at its first-run assistant, as an officer may leave it
        scratch = Path(tempfile.mkdtemp(prefix="antt-installer-check-"))
        running = self.host.start(
            rf"{self.folder_win}\antt-desktop.exe",
            "--data-dir",
            self.host.windows_path(scratch),
            env={"QT_QPA_PLATFORM": "offscreen"},
        )
        try:
            deadline = time.monotonic() + 120
            while not self.exe_in_use():  # until Windows has mapped the program
                if running.poll() is not None or time.monotonic() > deadline:
                    raise Failed(f"the program did not stay open (exit code {running.poll()})")
            rc = self.install()
        finally:
            self.host.stop(running)
            shutil.rmtree(scratch, ignore_errors=True)
        if rc != 2:
            raise Failed(f"setup /S with the program open exited {rc}, expected 2")
        self.installed()
        return "refused with exit code 2, the installed version still whole"

    def write_failure_keeps_old(self) -> str:
        blocker = ours(self.host.path(self.folder_win + ".new"))
        blocker.write_text("a file where the setup unpacks", encoding="utf-8")
        try:
            rc = self.install()
        finally:
            blocker.unlink(missing_ok=True)
        if rc == 0:
            raise Failed("setup reported success though it could not write")
        self.installed()
        return f"setup stopped (exit code {rc}), the installed version still whole"

    def full_disk_refused(self) -> str:
        if not isinstance(self.host, Wine) or os.geteuid() != 0:
            raise Skipped("needs a small drive: made under Wine as root")
        mount = Path(tempfile.mkdtemp(prefix="antt-small-drive-"))
        small = ["mount", "-t", "tmpfs", "-o", "size=30m", "tmpfs", str(mount)]
        if subprocess.run(small).returncode:
            mount.rmdir()
            raise Skipped("could not mount a small drive")
        drive = self.host.prefix / "dosdevices" / "s:"
        try:
            drive.symlink_to(mount)
            # /D= must come unquoted, so a folder name without spaces
            rc = self.host.run(self.setup, "/S", r"/D=S:\ANTT")
            left = [p.name for p in mount.iterdir()]
        finally:
            drive.unlink(missing_ok=True)
            subprocess.run(["umount", str(mount)])
            mount.rmdir()
        if rc != 2 or left:
            raise Failed(f"setup on a 30 MB drive exited {rc} and left {left}")
        self.installed()
        return "refused before writing (exit code 2), the installed version still whole"

    def uninstall_keeps_data(self) -> str:
        rc = self.uninstall()
        if rc != 0:
            raise Failed(f"Uninstall.exe /S exited {rc}")
        left = [str(p) for p in (self.folder, self.start_menu, self.desktop) if p.exists()]
        if left:
            raise Failed(f"left after uninstall: {left}")
        if self.host.reg(UNINST_KEY, "DisplayVersion") is not None:
            raise Failed("Programs and Features still lists the program")
        if not (self.data / "marker.txt").exists():
            raise Failed("the data folder was deleted though 'Xóa cả dữ liệu' was not ticked")
        return "program, shortcuts and entry gone; data kept"

    def uninstall_deletes_data(self) -> str:
        rc = self.install()
        if rc != 0:
            raise Failed(f"setup /S exited {rc}")
        rc = self.uninstall("/DELETEDATA")
        if rc != 0:
            raise Failed(f"Uninstall.exe /S /DELETEDATA exited {rc}")
        if self.data.exists() or self.folder.exists():
            raise Failed("the data folder or the program folder is still there")
        return "program and data folder gone"

    def run_all(self) -> int:
        steps: list[tuple[str, Callable[[], str]]] = [
            ("silent install", self.first_install),
            ("antt on PATH", self.path_entry),
            ("smoke test of the installed program", self.smoke),
            ("upgrade in place keeps the data", self.upgrade_keeps_data),
            ("refused while the program runs", self.refuses_while_running),
            ("a failed copy leaves the old version", self.write_failure_keeps_old),
            ("a full disk is refused", self.full_disk_refused),
            ("uninstall keeps the data", self.uninstall_keeps_data),
            ("uninstall /DELETEDATA", self.uninstall_deletes_data),
        ]
        for title, step in steps:
            t0 = time.perf_counter()
            try:
                mark, result = "ok  ", step()
            except Skipped as why:
                mark, result = "skip", str(why)
            except (Failed, OSError, subprocess.SubprocessError) as exc:
                mark, result = "FAIL", str(exc)
                self.failures += 1
            print(f"  {mark}  {title:<38} {time.perf_counter() - t0:5.1f} s  {result}", flush=True)
        return 1 if self.failures else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("setup", type=Path, help="the installer to check")
    parser.add_argument("--version", required=True, help="the version it installs")
    parser.add_argument("--wine", type=Path, help="run it under Wine in this prefix")
    parser.add_argument(
        "--payload-runs",
        choices=("yes", "no"),
        default="yes",
        help="whether the installed program runs here (no: the Linux build standing in)",
    )
    args = parser.parse_args(argv)
    host = Wine(args.wine.resolve()) if args.wine else Windows()
    print(f"installer check of {args.setup.name} ({'Wine' if args.wine else 'Windows'})")
    try:
        check = Check(host, args.setup.resolve(), args.version, args.payload_runs == "yes")
    except Failed as exc:
        print(f"  FAIL  {exc}")
        return 1
    return check.run_all()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
