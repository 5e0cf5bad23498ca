"""Foundation benchmark: builds the demo data set and measures the budgets of ARCHITECTURE.md.

Run on demand (never part of the test suite):

    .venv/bin/python -m tests.benchmarks.foundation [--scale district|commune] [--dir DIR]
        [--generate-only] [--factor F]

Each figure is printed beside a raw SQLite baseline measured in the same run on the same rows,
and as a ratio to it. With ``--dir`` an existing benchmark database there is reused (the
generation figure is then skipped).

Generating the district data set (``--generate-only``, 2 shared CPUs, load average in
brackets), ours against the raw baseline, wall / CPU:

- one transaction through the write-ahead log, the figures' triggers firing per row:
  298 s / 121.5 s against 75.1 s / 61.3 s, 4.0x / 2.0x (a loaded machine); 108.2 s /
  105.3 s against 62.2 s / 59.2 s, 1.7x / 1.8x (load 0.8-2.3).
- the triggers out for the load and the figures counted once (no statement journal per
  row), the load written straight into the file under a rollback journal while the
  generator holds it alone (demo/common.py ``bulk_load``, ``file_journal``): 93.0 s /
  91.7 s against 58.5 s / 56.6 s, 1.6x / 1.6x (load 1.8); 110.7 s / 107.3 s against
  75.7 s / 71.3 s, 1.5x / 1.5x (load 1.0-2.8).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from antt_desktop.domain.enums import UnitKind
from antt_desktop.domain.periods import Period
from antt_desktop.services import post_rows, stats
from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.services.listing import people_page
from antt_desktop.services.search import search
from antt_desktop.services.units import initialise
from antt_desktop.store import field_crypto, search_index
from antt_desktop.store.database import DB_FILENAME, connect_raw, open_database

TODAY = date(2026, 11, 22)
#: The fields key the data set is sealed under (store/field_crypto.py), as a post's would be.
FIELDS_KEY = bytes(range(32))
BUDGETS = {
    "first page of people": 0.150,
    "search p95": 0.050,
}


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def build(path: Path, scale: str, factor: float = 1.0) -> tuple[float, float]:
    """Create the database and generate the demo data set: ``(wall, cpu)`` of the
    generation alone."""
    from antt_desktop.demo.generate import generate

    db = open_database(path, create=True, fields_key=FIELDS_KEY)
    with db.write() as session:
        if scale == "district":
            initialise(
                session,
                unit_code="CAT-TN",
                unit_name="Công an tỉnh Thái Nguyên",
                admin="admin",
                kind=UnitKind.UPPER_UNIT,
            )
        else:
            initialise(
                session,
                unit_code="05611",
                unit_name="Công an xã Phú Lương",
                admin="admin",
                upper_code="CAT-TN",
                upper_name="Công an tỉnh Thái Nguyên",
            )
    wall, cpu = time.perf_counter(), _cpu()
    generate(db, scale=scale, seed=1, today=TODAY, factor=factor)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    db.close()
    return wall, cpu


def raw_insert_baseline(source: Path, work: Path) -> tuple[float, float]:
    """Raw executemany of every row of every table into an empty copy of the schema:
    ``(wall, cpu)`` of the inserts and commits alone."""
    empty = work / "baseline.sqlite3"
    db = open_database(empty, create=True)
    db.close()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(empty)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    tables = [
        r[0]
        for r in src.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_%'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    ]
    total = cpu_total = 0.0
    dst.execute("PRAGMA foreign_keys = OFF")
    for table in tables:
        # by name: a migrated source and a freshly created schema may order columns apart
        columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
        names = ", ".join(f'"{c}"' for c in columns)
        rows = src.execute(f"SELECT {names} FROM {table}").fetchall()
        if not rows:
            continue
        marks = ",".join("?" * len(columns))
        start, cpu = time.perf_counter(), _cpu()
        dst.execute(f"DELETE FROM {table}")
        dst.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        dst.commit()
        total += time.perf_counter() - start
        cpu_total += _cpu() - cpu
    src.close()
    dst.close()
    for leftover in work.glob(f"{empty.name}*"):  # the file and its -wal/-shm
        leftover.unlink()
    return total, cpu_total


def first_page(path: Path, key: bytes | None = None) -> float:
    def run() -> object:
        db = open_database(path, key, write=False)
        try:
            with db.read() as s:
                return people_page(s, limit=50)
        finally:
            db.close()

    return timed(run)[0]


def first_page_raw(path: Path, key: bytes | None = None) -> float:
    def run() -> object:
        conn = connect_raw(path, key)
        try:
            return conn.execute(
                "SELECT p.id, p.full_name, p.born, p.sex, p.id_number, a.name,"
                " p.current_address FROM persons p LEFT JOIN areas a ON a.id ="
                " p.current_area_id WHERE p.deleted = 0 ORDER BY p.sort_key, p.id LIMIT 50"
            ).fetchall()
        finally:
            conn.close()

    return timed(run)[0]


def typical_queries(path: Path, n: int = 60, key: bytes | None = None) -> list[str]:
    """Queries officers type: full names with or without accents, initials, ID starts."""
    rng = random.Random(7)
    conn = connect_raw(path, key)
    names = [
        r[0] for r in conn.execute("SELECT full_name FROM persons ORDER BY random() LIMIT 400")
    ]
    cipher = field_crypto.FieldCipher(FIELDS_KEY)  # the numbers are sealed under it (build)
    ids = [
        cipher.open(number, "persons", "id_number", ident) or ""
        for ident, number in conn.execute(
            "SELECT id, id_number FROM persons WHERE id_number IS NOT NULL LIMIT 400"
        )
    ]
    conn.close()
    from antt_desktop.domain.text import fold

    queries: list[str] = []
    for i in range(n):
        name = rng.choice(names)
        words = name.split()
        kind = i % 5
        if kind == 0:
            queries.append(name)  # typed with accents
        elif kind == 1:
            queries.append(fold(name))  # typed without accents
        elif kind == 2:
            queries.append(" ".join(w[:2] for w in words[:-1]) + " " + fold(words[-1]))
        elif kind == 3:
            queries.append(fold(words[-1]) + " " + fold(words[0]))
        else:
            queries.append(rng.choice(ids)[:8])
    return queries


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def search_times(
    path: Path, queries: list[str], key: bytes | None = None
) -> tuple[list[float], list[float]]:
    db = open_database(path, key, write=False)
    ours: list[float] = []
    raw: list[float] = []
    conn = connect_raw(path, key)
    try:
        with db.read() as s:
            ctx = Ctx(s, SYSTEM, date.today())
            for q in queries:  # warm the page cache the same way for both
                search(ctx, q)
            for q in queries:
                ours.append(timed(lambda q=q: search(ctx, q))[0])
        for q in queries:
            expr = search_index.match_expression(q)
            sql = (
                f"SELECT d.kind, d.ref FROM search_fts JOIN search_docs d ON d.docid ="
                f" search_fts.rowid WHERE search_fts MATCH ? ORDER BY"
                f" bm25(search_fts, {search_index.WEIGHTS}) LIMIT 20"
            )
            raw.append(timed(lambda e=expr, q=sql: conn.execute(q, (e,)).fetchall())[0])
    finally:
        conn.close()
        db.close()
    return ours, raw


def monthly_stats(path: Path, key: bytes | None = None) -> tuple[float, float]:
    period = Period.parse("2026-10")
    db = open_database(path, key, write=False)
    with db.read() as s:
        ours = timed(lambda: stats.compute(s, period, today=TODAY))[0]
    db.close()
    conn = connect_raw(path, key)
    start, end = period.start.isoformat(), period.end.isoformat()
    raw_sql = [
        (
            "SELECT category_code, count(*) FROM dossiers WHERE opened_on <= ? AND (closed_on IS"
            " NULL OR closed_on >= ?) GROUP BY category_code",
            (end, start),
        ),
        ("SELECT count(*) FROM assessments WHERE period_start BETWEEN ? AND ?", (start, end)),
        (
            "SELECT h.area_id, count(*), sum(p.status = 'signed') FROM households h LEFT JOIN"
            " pledges p ON p.household_id = h.id AND p.year = 2026 GROUP BY h.area_id",
            (),
        ),
        (
            "SELECT kind, count(*), sum(participants), sum(tips_of_value) FROM activities WHERE"
            " held_on BETWEEN ? AND ? GROUP BY kind",
            (start, end),
        ),
        (
            "SELECT count(*) FROM violations WHERE is_reoffence AND occurred_on BETWEEN ? AND ?",
            (start, end),
        ),
    ]
    raw = timed(lambda: [conn.execute(q, p).fetchall() for q, p in raw_sql])[0]
    conn.close()
    return ours, raw


def _cpu() -> float:
    return time.process_time()


def check_times(path: Path, key: bytes | None = None) -> dict[str, tuple[float, float]]:
    """``antt check`` quick and ``--full`` beside the raw PRAGMA integrity_check +
    foreign_key_check on the same file: ``{what: (wall, cpu)}``."""

    def ours(full: bool) -> tuple[float, float]:
        db = open_database(path, key, write=False)
        try:
            with db.read() as s:
                wall, cpu = time.perf_counter(), _cpu()
                problems = post_rows.database_problems(Ctx(s, SYSTEM, TODAY), full=full)
                wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        finally:
            db.close()
        assert problems == (), problems
        return wall, cpu

    def raw() -> tuple[float, float]:
        conn = connect_raw(path, key)
        try:
            wall, cpu = time.perf_counter(), _cpu()
            conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("PRAGMA foreign_key_check").fetchall()
            return time.perf_counter() - wall, _cpu() - cpu
        finally:
            conn.close()

    raw()  # the OS page cache is warm for every run after this
    return {"quick": ours(False), "raw": raw(), "full": ours(True), "raw again": raw()}


def row(work: str, ours: float, raw: float, budget: float | None = None) -> str:
    ratio = ours / raw if raw > 0 else float("inf")
    verdict = "" if budget is None else ("  within budget" if ours < budget else "  OVER BUDGET")
    limit = f"< {budget * 1000:.0f} ms" if budget else ""
    return (
        f"{work:<34} {ours * 1000:>10.1f} ms {raw * 1000:>10.1f} ms {ratio:>8.1f}x"
        f"  {limit}{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=("commune", "district"), default="district")
    parser.add_argument("--dir", type=Path, help="keep (or reuse) the data set here")
    parser.add_argument("--generate-only", action="store_true", help="measure the generation alone")
    parser.add_argument(
        "--factor", type=float, default=1.0, help="a fraction of each commune (profiling)"
    )
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="antt-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / DB_FILENAME
    lines = [
        f"{'work':<34} {'measured':>13} {'raw baseline':>13} {'ratio':>9}  budget",
        "(baselines: generation = executemany of the same rows into the same schema;"
        " first page, statistics = the same SQL through sqlite3; search = a plain FTS5"
        " MATCH ranked by bm25; check = PRAGMA integrity_check + foreign_key_check)",
    ]
    if not path.exists():
        print(f"building the {args.scale} data set in {path} ...", flush=True)
        generation = build(path, args.scale, args.factor)
        baseline = raw_insert_baseline(path, work)
        lines.append(
            row(f"generate {args.scale} data set", generation[0], baseline[0], 2 * baseline[0])
        )
        lines.append(
            f"  generation CPU: {generation[1]:.1f} s, raw {baseline[1]:.1f} s,"
            f" {generation[1] / baseline[1]:.1f}x (budget 2x wall and CPU)"
        )
        print("\n".join(lines[-2:]), flush=True)  # kept should a later measure fail
    if args.generate_only:  # the generation figure alone
        print("\n".join(lines))
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
        return
    conn = sqlite3.connect(path)
    people = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
    conn.close()
    print(f"{people:,} people", flush=True)
    first_page(path)  # the OS page cache is warm for both after this
    lines.append(
        row(
            "first page of people (open+query)",
            min(first_page(path) for _ in range(5)),
            min(first_page_raw(path) for _ in range(5)),
            BUDGETS["first page of people"],
        )
    )
    queries = typical_queries(path)
    ours, raw = search_times(path, queries)
    lines.append(
        row(f"search p95 ({len(queries)} queries)", p95(ours), p95(raw), BUDGETS["search p95"])
    )
    lines.append(row("search median", statistics.median(ours), statistics.median(raw)))
    lines.append(row("monthly statistics (2026-10)", *monthly_stats(path)))
    checks = check_times(path)
    raw_check = min(checks["raw"][0], checks["raw again"][0])
    lines.append(row("antt check (quick)", checks["quick"][0], raw_check, 5.0))
    lines.append(row("antt check --full", checks["full"][0], raw_check, raw_check * 1.5))
    lines.append(
        "  check CPU: " + ", ".join(f"{what} {cpu:.1f} s" for what, (_wall, cpu) in checks.items())
    )
    print("\n".join(lines))
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
