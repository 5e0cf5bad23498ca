"""Search benchmark per role: the foundation benchmark's 60 queries, typed by every role.

Run on demand (never part of the test suite), on a copy of the district data set (opening
it migrates and writes it):

    .venv/bin/python -m tests.benchmarks.search_roles --dir /tmp/search-district [--repeat 3]

Roles that may read ID numbers (officer, chief, upper) and roles that may not (viewer,
admin) take different paths through the search. For each role the search box's service
call (``services.search.search``, 20 best hits) is timed per query, best of ``--repeat``
runs, after one warm-up pass; the raw baseline is a plain FTS5 ``MATCH`` of the same
folded words ranked by bm25 through sqlite3, in the same run. The people list's own search
(``people_rows.search_refs``, unranked, 300 hits) is reported beside it. CPU time is given
beside wall time: the machine may be shared.

District (30 posts, 450,000 residents), 2 CPUs shared with four other runs, same 60 queries
(search box p95 / p50, ms; raw FTS5 p95 339 and 223 ms in the two runs):

    role      before (a839521^)     after
    officer   10.5 / 2.6            5.4 / 2.5
    chief     10.6 / 2.3            4.9 / 2.2
    upper      9.8 / 2.8            5.1 / 2.3
    viewer   257.0 / 48.8           8.5 / 2.6
    admin    273.2 / 42.5           8.4 / 2.8

"nguyen" and "thai nguyen" as a viewer: 561 and 873 ms before, 2.0 and 2.2 ms after.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from antt_desktop.security.roles import ACCOUNT_ROLES, Actor
from antt_desktop.services.context import Ctx
from antt_desktop.services.people_rows import search_refs
from antt_desktop.services.search import search
from antt_desktop.store import search_index
from antt_desktop.store.database import DB_FILENAME, connect_raw, open_database
from tests.benchmarks.foundation import BUDGETS, p95, typical_queries

TODAY = date(2026, 11, 22)
#: Queries issue #15 named as the slowest for viewer and admin, timed beside the 60.
NAMED = ("nguyen", "thai nguyen", "Nguyễn Thị")


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(wall, cpu) seconds of the fastest of ``repeat`` calls."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def raw_times(path: Path, queries: list[str], repeat: int) -> list[float]:
    sql = (
        "SELECT d.kind, d.ref FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid"
        f" WHERE search_fts MATCH ? ORDER BY bm25(search_fts, {search_index.WEIGHTS}) LIMIT 20"
    )
    conn = connect_raw(path, None)
    try:
        exprs = [search_index.match_expression(q) for q in queries]
        for e in exprs:
            conn.execute(sql, (e,)).fetchall()
        return [best_of(lambda e=e: conn.execute(sql, (e,)).fetchall(), repeat)[0] for e in exprs]
    finally:
        conn.close()


def role_times(
    path: Path, queries: list[str], role: str, repeat: int, fn: Callable[[Ctx, str], object]
) -> tuple[list[float], list[float]]:
    db = open_database(path, write=False)
    try:
        with db.read() as s:
            ctx = Ctx(s, Actor(f"bench-{role}", role), TODAY)
            for q in queries:  # warm the page cache and the statement cache
                fn(ctx, q)
            timings = [best_of(lambda q=q: fn(ctx, q), repeat) for q in queries]
    finally:
        db.close()
    return [w for w, _c in timings], [c for _w, c in timings]


def result_ids(path: Path, queries: list[str]) -> dict[str, list[list[str]]]:
    """Per role, per query: the search box's hit ids and the people list's."""
    db = open_database(path, write=False)
    found: dict[str, list[list[str]]] = {}
    try:
        with db.read() as s:
            for role in ACCOUNT_ROLES:
                ctx = Ctx(s, Actor(f"bench-{role}", role.value), TODAY)
                found[role.value] = [
                    [h.id for h in search(ctx, q)] + ["|"] + (search_refs(ctx, q, limit=300) or [])
                    for q in queries
                ]
    finally:
        db.close()
    return found


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def summary(label: str, wall: list[float], cpu: list[float], raw: list[float]) -> str:
    ratio = p95(wall) / p95(raw) if p95(raw) > 0 else float("inf")
    verdict = "within budget" if p95(wall) < BUDGETS["search p95"] else "OVER BUDGET"
    return (
        f"{label:<22} {ms(statistics.median(wall))} {ms(p95(wall))} {ms(max(wall))}"
        f"   {ms(p95(cpu))}  {ratio:6.1f}x  {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, required=True, help="the copy of the data set")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worst", type=int, default=5, help="slowest queries shown per role")
    parser.add_argument(
        "--ids", type=Path, help="write every role's result ids here (to compare two versions)"
    )
    parser.add_argument(
        "--queries",
        type=Path,
        help="read the queries from this file, or keep them there when it does not exist"
        " (foundation's list draws random names: two versions compare on the same list)",
    )
    args = parser.parse_args()
    path = args.dir / DB_FILENAME
    open_database(path).close()  # migrate the copy once, before anything is timed
    if args.queries and args.queries.exists():
        queries = json.loads(args.queries.read_text())
    else:
        queries = typical_queries(path)
        if args.queries:
            args.queries.write_text(json.dumps(queries, ensure_ascii=False, indent=1))
    raw = raw_times(path, queries, args.repeat)
    header = f"{'':<22} {'p50':>7} {'p95':>7} {'max':>7}   {'cpu p95':>7}  {'p95/raw':>7}"
    lines = [f"{len(queries)} queries, best of {args.repeat}, ms", header]
    lines.append(
        f"{'raw FTS5 bm25':<22} {ms(statistics.median(raw))} {ms(p95(raw))} {ms(max(raw))}"
    )
    worst: list[str] = []

    def people_list(ctx: Ctx, q: str) -> object:
        return search_refs(ctx, q, limit=300)

    named_raw = raw_times(path, list(NAMED), args.repeat)
    named = [f"{'raw FTS5 bm25':<22} " + " ".join(ms(t) for t in named_raw)]
    for role in ACCOUNT_ROLES:
        for label, fn in ((role.value, search), (f"{role.value} people list", people_list)):
            wall, cpu = role_times(path, queries, role.value, args.repeat, fn)
            lines.append(summary(label, wall, cpu, raw))
            slow = sorted(zip(wall, queries, raw, strict=True), reverse=True)[: args.worst]
            worst += [f"{label:<22} {ms(w)} (raw {ms(r)})  {q!r}" for w, q, r in slow]
            some, _cpu = role_times(path, list(NAMED), role.value, args.repeat, fn)
            named.append(f"{label:<22} " + " ".join(ms(t) for t in some))
    if args.ids:
        found = result_ids(path, [*queries, *NAMED])
        args.ids.write_text(json.dumps({"queries": [*queries, *NAMED], **found}, indent=1))
    print(
        "\n".join([*lines, "", f"named queries {NAMED!r}:", *named, "", "slowest queries:", *worst])
    )


if __name__ == "__main__":
    main()
