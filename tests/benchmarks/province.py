"""Province scale on a PostgreSQL server beside SQLite (issue #16, deliverable 6).

Run on demand (never part of the test suite); the server's database must be empty (or
already generated with ``--keep``), as must ``--dir``:

    .venv/bin/python -m tests.benchmarks.province --database postgresql://…/bench \\
        --dir /tmp/province [--factor 1.0] [--repeat 3] [--keep]

Both engines get the same data set, generated the same way (demo/generate.py, province
scale: 100 commune posts of one real province under the upper unit, 15,000 people each at
``--factor 1``: 1.5 million), and the same reads are timed on each, in the same run:

- generating the data set (wall and CPU of this process; the server's own CPU is not in
  it — its share shows as wall time beyond CPU);
- the first page of the residents list (every post, name order): the budget 150 ms;
- search, p95 over the foundation benchmark's queries, for every role: the budget 50 ms;
- the overview comparing the 100 posts: the budget 2 s.

- with ``--memory``: the whole window's peak memory as an officer goes through it over the
  province, in a process of its own (tests/benchmarks/gui.py's memory part): the budget
  500 MB.

Importing 100 commune bundles beside raw COPY: tests/benchmarks/province_import.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from antt_desktop.domain.enums import UnitKind
from antt_desktop.security.roles import ACCOUNT_ROLES, Actor
from antt_desktop.services import report_rows
from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.services.people_rows import PeopleFilter, first_people_ids, people_rows
from antt_desktop.services.search import search
from antt_desktop.services.units import initialise
from antt_desktop.store.database import DB_FILENAME, Database, open_database
from tests.benchmarks.foundation import FIELDS_KEY, TODAY, p95, typical_queries

#: The province whose communes are generated (it has well over 100).
UNIT_CODE, UNIT_NAME = "CAT-TH", "Công an tỉnh Thanh Hóa"
BUDGETS = {"first page": 0.150, "search p95": 0.050, "overview of 100 posts": 2.0}
MEMORY_BUDGET_MB = 500


@dataclass(frozen=True)
class Engine:
    name: str
    target: str | Path
    local_dir: Path

    def open(self, *, create: bool = False) -> Database:
        return open_database(
            self.target, create=create, fields_key=FIELDS_KEY, local_dir=self.local_dir
        )


def _cpu() -> float:
    return time.process_time()


def build(engine: Engine, factor: float) -> tuple[float, float, int]:
    """Set the upper unit up and generate the province: ``(wall, cpu, people)``."""
    from antt_desktop.demo.generate import generate

    db = engine.open(create=True)
    try:
        with db.write() as session:
            initialise(
                session,
                unit_code=UNIT_CODE,
                unit_name=UNIT_NAME,
                admin="admin",
                kind=UnitKind.UPPER_UNIT,
            )
        wall, cpu = time.perf_counter(), _cpu()
        summary = generate(db, scale="province", seed=1, today=TODAY, factor=factor)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    finally:
        db.close()
    return wall, cpu, int(summary.counts.get("persons", 0))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def reads(engine: Engine, queries: list[str], repeat: int) -> dict[str, float]:
    """Every figure of one engine, in seconds."""
    db = engine.open()
    figures: dict[str, float] = {}
    try:

        def first_page() -> object:
            with db.read() as session:
                ctx = Ctx(session, SYSTEM, TODAY)
                return people_rows(ctx, first_people_ids(ctx, PeopleFilter(), 50))

        figures["first page"] = timed(first_page, repeat)

        def overview() -> object:
            with db.read() as session:
                return report_rows.dashboard(Ctx(session, SYSTEM, TODAY))

        figures["overview of 100 posts"] = timed(overview, max(1, repeat // 2))
        for role in ACCOUNT_ROLES:
            with db.read() as session:
                ctx = Ctx(session, Actor(f"bench-{role.value}", role.value), TODAY)
                for q in queries:  # warm the caches as a window that has searched does
                    search(ctx, q)
                samples = [_best(lambda q=q, c=ctx: search(c, q), repeat) for q in queries]
            figures[f"search p95 {role.value}"] = p95(samples)
    finally:
        db.close()
    return figures


def _best(fn: Callable[[], object], repeat: int) -> float:
    """The best wall time of ``repeat`` calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _budget(name: str) -> float | None:
    return next((b for key, b in BUDGETS.items() if name.startswith(key)), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True, help="the server's empty database")
    parser.add_argument("--dir", type=Path, required=True, help="the SQLite side's folder")
    parser.add_argument("--factor", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="reuse data generated before")
    parser.add_argument("--memory", action="store_true", help="the window's peak memory too")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    engines = [
        Engine("SQLite", args.dir / DB_FILENAME, args.dir),
        Engine("PostgreSQL", args.database, args.dir / "server-desk"),
    ]
    print(f"load average at the start: {os.getloadavg()}", flush=True)
    if not args.keep:
        for engine in engines:
            wall, cpu, people = build(engine, args.factor)
            print(
                f"generate, {engine.name:<10}: {wall:8.1f} s wall, {cpu:8.1f} s CPU here,"
                f" {people:,} people",
                flush=True,
            )
    queries = typical_queries(engines[0].target)  # type: ignore[arg-type]
    figures = {e.name: reads(e, queries, args.repeat) for e in engines}
    print(f"\n{'':<28} {'SQLite':>10} {'PostgreSQL':>11} {'server/file':>11} {'budget':>8}")
    for name in figures["SQLite"]:
        lite, server = figures["SQLite"][name], figures["PostgreSQL"][name]
        budget = _budget(name)
        mark = (
            ""
            if budget is None
            else f"{budget * 1000:6.0f}ms" + (" ✓" if server < budget else " ✗")
        )
        print(
            f"{name:<28} {lite * 1000:8.1f}ms {server * 1000:9.1f}ms {server / lite:10.2f}x {mark}"
        )
    if args.memory:
        from tests.benchmarks.gui import memory_report

        for engine in engines:
            target = engine.target if engine.name == "SQLite" else str(engine.target)
            print(f"\nthe window on {engine.name}:")
            print("\n".join(memory_report(target, budget_mb=MEMORY_BUDGET_MB)))
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
