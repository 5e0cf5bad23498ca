"""The whole check suite, as CI runs it: lint, format, types, layer contracts, then pytest.

Run with ``python -m tests`` from the project folder (the README's test command does the
set-up first). Exits non-zero if any step fails; every step runs so one report shows all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

STEPS: list[tuple[str, list[str]]] = [
    ("ruff lint", [str(BIN / "ruff"), "check", "antt_desktop", "tests", "packaging"]),
    ("ruff format", [str(BIN / "ruff"), "format", "--check", "antt_desktop", "tests", "packaging"]),
    ("mypy", [str(BIN / "mypy"), "antt_desktop"]),
    ("import contracts", [str(BIN / "lint-imports")]),
    ("pytest", [sys.executable, "-m", "pytest", *sys.argv[1:]]),
]


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    failed = []
    for name, cmd in STEPS:
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
