"""``antt check`` benchmark: quick and ``--full`` beside the raw SQLite checks, wall and CPU.

Run on demand (never part of the test suite), on a copy of a database (it is opened
read-only, but opening an old one migrates it):

    .venv/bin/python -m tests.benchmarks.check --db /tmp/copy/antt.sqlite3 [--rounds 2] \
        [--encrypted]

With ``--encrypted`` both sides run on an encrypted (SQLCipher) copy made once beside the
file (``…-encrypted.sqlite3``, a fixed benchmark key), as every real post's file is.

The raw baseline is ``PRAGMA integrity_check`` + ``PRAGMA foreign_key_check`` through
sqlite3 on the same file in the same run (the best of the rounds, each side); CPU is the
process's, every thread's together (the full check's SQLite part runs on a worker thread:
on a busy machine the CPU sum is what the wall time becomes). The full check's steps are
timed from its progress calls.

District copy (plain file, SQLite 3.40.1; 450,000 people, 570,000 index entries), 2 CPUs:
before (the index compared record by record in Python, 13.5 s CPU alone) the full check
took 1.7-2.9x raw wall, 1.8-2.0x CPU. After (compared in SQL, 4-5 s CPU quiet): quiet
machine raw 16.2 s CPU / 16.5 s wall, full 28.4 s CPU (1.75x) / 27.5 s wall (1.67x); loaded
(load 7-9) raw 22.3 s CPU, full 35.4-39.0 s CPU (1.59-1.75x), best wall 1.29-1.37x. The rest
above raw is FTS5's own integrity-check (5-8 s CPU), which SQLite 3.44+ (SQLCipher's build,
every real post) runs inside PRAGMA integrity_check, so there the check no longer runs it a
second time. Quick check 0.4-2.2 s.

The same district encrypted (``--encrypted``, SQLCipher 4 / SQLite 3.44+, loaded machine,
load 5): raw 81.4 s wall / 72.1 s CPU, raw under the program's 32 MB page cache 84.5 s /
49.3 s, full check 106.0 s / 58.5 s = 1.30x / 0.81x raw, 1.25x / 1.19x the cached raw;
quick check 2.5 s.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from antt_desktop.services import post_rows
from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.store.database import connect_raw, open_database, sqlcipher_module

TODAY = date(2026, 11, 22)
Times = tuple[float, float]  # wall, cpu


def _measure(fn: Callable[[], object]) -> tuple[Times, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return (time.perf_counter() - wall, time.process_time() - cpu), result


#: The page cache of the program's connections (``store/database.py``), in KiB.
PROGRAM_CACHE_KIB = 32768
#: The encrypted copy's key (a benchmark's, never a post's).
BENCH_KEY = bytes(range(32))


def encrypted_copy(plain: Path) -> Path:
    """``plain`` exported once into an encrypted file beside it (SQLCipher's own export)."""
    path = plain.with_name(plain.stem + "-encrypted.sqlite3")
    if not path.exists():
        print(f"encrypting a copy into {path} ...", flush=True)
        conn = sqlcipher_module().connect(str(plain))
        try:
            conn.execute(f"ATTACH DATABASE '{path}' AS enc KEY \"x'{BENCH_KEY.hex()}'\"")
            conn.execute("SELECT sqlcipher_export('enc')")
            conn.execute("DETACH DATABASE enc")
        finally:
            conn.close()
    return path


def raw(path: Path, key: bytes | None = None, cache_kib: int | None = None) -> Times:
    """The raw checks; with ``cache_kib`` under the page cache the program's connections
    have (SQLite's default is 2 MB: on an encrypted file each page read again is decrypted
    again)."""
    conn = connect_raw(path, key)
    if cache_kib is not None:
        conn.execute(f"PRAGMA cache_size = -{cache_kib}")
    try:
        times, _ = _measure(
            lambda: (
                conn.execute("PRAGMA integrity_check").fetchall(),
                conn.execute("PRAGMA foreign_key_check").fetchall(),
            )
        )
        return times
    finally:
        conn.close()


def ours(path: Path, full: bool, key: bytes | None = None) -> tuple[Times, dict[str, float]]:
    """The check's wall and CPU, and (full) each step's wall time from its progress calls."""
    steps: dict[str, float] = {}
    current: list[object] = [None, 0.0]

    def progress(step: str, _done: int, _total: int) -> None:
        now = time.perf_counter()
        if step != current[0]:
            if current[0] is not None:
                steps[str(current[0])] = now - float(current[1])  # type: ignore[arg-type]
            current[:] = [step, now]

    db = open_database(path, key, write=False)
    try:
        with db.read() as s:
            times, problems = _measure(
                lambda: post_rows.database_problems(
                    Ctx(s, SYSTEM, TODAY), full=full, progress=progress if full else None
                )
            )
            if current[0] is not None:
                steps[str(current[0])] = time.perf_counter() - float(current[1])  # type: ignore[arg-type]
    finally:
        db.close()
    # the audit chain of a copy encrypted outside the program is sealed under the plain
    # file's key, so each entry is named as changed there: the same work, checked all the same
    changed = [p for p in problems if "audit entry" in p and "content was changed" in p]
    assert len(changed) == len(problems) if key is not None else problems == (), problems[:3]
    return times, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a copy of a post database")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--encrypted", action="store_true", help="on an encrypted copy, as a post's file is"
    )
    args = parser.parse_args()
    path, key = (encrypted_copy(args.db), BENCH_KEY) if args.encrypted else (args.db, None)
    raw(path, key)  # the OS page cache is warm for every run after this
    raws: list[Times] = []
    raws_cached: list[Times] = []
    quicks: list[Times] = []
    fulls: list[tuple[Times, dict[str, float]]] = []
    for _ in range(args.rounds):
        raws.append(raw(path, key))
        raws_cached.append(raw(path, key, PROGRAM_CACHE_KIB))
        quicks.append(ours(path, False, key)[0])
        fulls.append(ours(path, True, key))
    base_wall = min(w for w, _c in raws)
    base_cpu = min(c for _w, c in raws)
    print(f"{'':<22} {'wall':>9} {'cpu':>9} {'wall/raw':>9} {'cpu/raw':>8}")
    for name, (wall, cpu) in (
        *((f"raw {i + 1}", t) for i, t in enumerate(raws)),
        *((f"raw, 32 MB cache {i + 1}", t) for i, t in enumerate(raws_cached)),
        *((f"quick {i + 1}", t) for i, t in enumerate(quicks)),
        *((f"full {i + 1}", t) for i, (t, _s) in enumerate(fulls)),
    ):
        print(
            f"{name:<22} {wall:>8.2f}s {cpu:>8.2f}s {wall / base_wall:>8.2f}x"
            f" {cpu / base_cpu:>7.2f}x"
        )
    for i, (_t, steps) in enumerate(fulls):
        told = ", ".join(f"{step} {secs:.1f} s" for step, secs in steps.items())
        print(f"full {i + 1} steps (wall, this thread): {told}")
    best = min(t for t, _s in fulls)
    print(
        f"full check (best) {best[0]:.1f} s wall, {best[1]:.1f} s CPU = "
        f"{best[0] / base_wall:.2f}x / {best[1] / base_cpu:.2f}x raw (budget 1.5x);"
        f" quick (best) {min(quicks)[0]:.2f} s (budget 5 s)"
    )
    cached_wall = min(w for w, _c in raws_cached)
    cached_cpu = min(c for _w, c in raws_cached)
    print(
        f"  beside raw under the program's 32 MB page cache: {best[0] / cached_wall:.2f}x wall"
        f" / {best[1] / cached_cpu:.2f}x CPU"
    )


if __name__ == "__main__":
    main()
