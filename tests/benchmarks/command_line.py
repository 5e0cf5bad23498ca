"""Command-line benchmark: ``antt`` as a script or an officer at a terminal waits for it.

Run on demand (never part of the test suite):

    .venv/bin/python -m tests.benchmarks.command_line --dir DIR [--runs 7]

On a commune post (encrypted, the commune demo data set, made by the desktop benchmark's
``ensure_post`` in ``DIR/start-post`` on the first run, or reused) each command runs in a
fresh process launched as the installed program runs (modules compiled once, the bytecode
kept in ``DIR/pycache``), the runs of the different commands in turn so that a change in the
machine's load falls on all of them alike. Each figure is the median of ``--runs`` with the
process's CPU time (its own and its threads') beside the wall time:

- ``antt --version`` and ``antt --help`` (budget 0.15 s) beside ``python -c pass``;
- commands on the post, each logging in with the production Argon2 cost: a search and the
  list of dossiers; beside the same key derivation alone in a process
  (``python`` + Argon2, nothing else). Budget: the command < 0.5 s plus the key derivation,
  so what is printed against 0.5 s is the command minus the key derivation alone.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.gui import PASSWORD, ensure_post

BUDGET_BARE = 0.150
BUDGET_COMMAND = 0.500
ACCOUNT = "truongcong"

KDF_ALONE = (
    "from antt_desktop.security.kdf import PRODUCTION, derive_key;"
    f"derive_key({PASSWORD!r}, bytes(16), PRODUCTION)"
)


def _env(work: Path, post: Path) -> dict[str, str]:
    env = dict(os.environ, ANTT_DATA_DIR=str(post), ANTT_USER=ACCOUNT, ANTT_PASSWORD=PASSWORD)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process (CPU from the OS's accounting of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, required=True, help="keep (or reuse) the post here")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    work: Path = args.dir
    post = ensure_post(work)
    env = _env(work, post)
    antt = [str(Path(sys.executable).with_name("antt"))]  # the console script, as installed
    commands: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "key derivation alone": [sys.executable, "-c", KDF_ALONE],
        "antt --version": [*antt, "--version"],
        "antt --help": [*antt, "--help"],
        'antt search "nguyen van"': [*antt, "search", "nguyen van"],
        "antt dossier list": [*antt, "dossier", "list"],
    }
    for argv in commands.values():  # compiles the modules once, settles the files
        _run(argv, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(_run(argv, env))

    def median(name: str) -> tuple[float, float]:
        return (
            statistics.median(w for w, _ in times[name]),
            statistics.median(c for _, c in times[name]),
        )

    bare_wall, bare_cpu = median("python -c pass")
    kdf_wall, kdf_cpu = median("key derivation alone")
    print(f"commune post in {post}; median of {args.runs} fresh processes, wall (CPU)")
    print(f"{'work':<28} {'wall':>9} {'CPU':>9}   beside its baseline                budget")
    for name in commands:
        wall, cpu = median(name)
        if name in ("antt --version", "antt --help"):
            verdict = "met" if wall < BUDGET_BARE else "NOT MET"
            extra = f"{wall / bare_wall:5.1f}x python -c pass (CPU {cpu / bare_cpu:4.1f}x)"
            extra += f"   < {BUDGET_BARE:.2f} s {verdict}"
        elif name.startswith("antt "):
            beyond, beyond_cpu = wall - kdf_wall, cpu - kdf_cpu
            verdict = "met" if beyond < BUDGET_COMMAND else "NOT MET"
            extra = f"minus the key derivation: {beyond:5.3f} s (CPU {beyond_cpu:5.3f} s)"
            extra += f"   < {BUDGET_COMMAND:.1f} s {verdict}"
        else:
            extra = "(baseline)"
        print(f"{name:<28} {wall:>8.3f}s {cpu:>8.3f}s   {extra}")
    print(f"key derivation alone: {kdf_wall - bare_wall:.3f} s beyond starting Python")


if __name__ == "__main__":
    main()
