"""The whole check suite, as CI runs it: lint, format, types, layer contracts, then pytest.

Run with ``python -m tests`` from the project folder (the README's test command does the
set-up first). Exits non-zero if any step fails; every step runs so one report shows all.

pytest runs on every CPU (pytest-xdist, ``-n auto``) unless the arguments say how
(``-n 0`` runs in one process). ``--fast`` leaves out the tests marked ``slow`` (the
suite for work in progress); any other argument goes to pytest as it is, e.g.
``python -m tests --fast tests/services -k pledge``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FAST = "--fast"


def pytest_args(argv: list[str]) -> list[str]:
    """pytest's arguments for the arguments given to ``python -m tests``."""
    args = [a for a in argv if a != FAST]
    if FAST in argv:
        args = ["-m", "not slow", *args]
    chosen = any(a.startswith(("-n", "--numprocesses")) for a in args)
    serial = any(a in ("no:xdist", "-pno:xdist", "--pdb", "--trace") for a in args)
    if not (chosen or serial):
        args = ["-n", "auto", *args]
    return args


def steps(argv: list[str]) -> list[tuple[str, list[str]]]:
    return [
        ("ruff lint", [str(BIN / "ruff"), "check", "antt_desktop", "tests", "packaging"]),
        (
            "ruff format",
            [str(BIN / "ruff"), "format", "--check", "antt_desktop", "tests", "packaging"],
        ),
        ("mypy", [str(BIN / "mypy"), "antt_desktop"]),
        ("import contracts", [str(BIN / "lint-imports")]),
        ("pytest", [sys.executable, "-m", "pytest", *pytest_args(argv)]),
    ]


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    failed = []
    for name, cmd in steps(sys.argv[1:]):
        print(
            f"== {name}: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}",
            flush=True,
        )
        if subprocess.call(cmd, cwd=ROOT, env=env) != 0:
            failed.append(name)
    if failed:
        print(f"FAILED: {', '.join(failed)}")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
