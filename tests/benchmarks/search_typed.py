"""Search benchmark, typed letter by letter: every prefix of names and addresses an officer
types into the residents list's search box, for every role.

Run on demand (never part of the test suite), on a copy of the district data set (opening
it migrates and writes it):

    .venv/bin/python -m tests.benchmarks.search_typed --dir /tmp/search-district [--repeat 3]

Each of :data:`PHRASES` is typed a letter at a time ("n", "ng", "ng ", "ng v", …): each
different search (the folded words; a trailing space searches what the word before it did)
is timed once per role, best of ``--repeat`` runs after a warm-up pass, through

- the people list's path (``people_rows.search_refs``, unranked, 300 hits, the whole
  district as the window's district view asks, then ``people_rows.people_ids`` putting them
  in the list's name order, as the list's loading thread does), and
- the search box (``services.search.search``, 20 best hits, both kinds).

The raw baseline beside each figure is FTS5 alone in the same run, through sqlite3: the
list's unranked ``MATCH … LIMIT 300`` beside the list, the box's ``MATCH … ORDER BY bm25
LIMIT 20`` beside the box. CPU time is given beside wall time: the machine may be shared.
Budget: p95 < 20 ms and max < 50 ms for both paths and every role.

District (30 posts, 450,000 residents), 2 CPUs shared with three or four other runs, the
185 searches of :data:`PHRASES`; p95 / max wall ms (CPU p95), best of 1 before, 3 after:

    role      list before          list after        box before             box after
    officer    69.3 / 444.6 (51)   11.7 / 19.4 (8)   719.9 / 1955.8 (384)   4.7 /  7.8 (4)
    chief      74.6 / 240.6 (55)    9.8 / 17.4 (8)   614.7 / 1520.7 (309)   4.7 / 12.2 (5)
    viewer    122.8 / 526.9 (60)   12.6 / 23.0 (9)   786.3 / 1444.5 (335)   4.4 / 16.6 (4)
    upper     102.8 / 291.3 (51)   10.6 / 24.4 (8)   748.1 / 1622.5 (351)   4.6 / 11.0 (5)
    admin     113.2 / 263.3 (58)   13.6 / 20.0 (11)  728.6 / 1980.7 (320)   4.6 / 12.6 (4)
    raw FTS5   61.1 / 115.0          76.3 / 150.7     778.0 / 2043.5         966.1 / 1377.6

(the list: raw FTS5 unranked ``LIMIT 300``; the box: raw FTS5 bm25 ``LIMIT 20``.)
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from antt_desktop.domain.text import search_terms
from antt_desktop.security.roles import ACCOUNT_ROLES, Actor
from antt_desktop.services import people_rows
from antt_desktop.services.context import Ctx
from antt_desktop.services.search import search
from antt_desktop.store import search_index
from antt_desktop.store.database import DB_FILENAME, connect_raw, open_database
from tests.benchmarks.foundation import p95

TODAY = date(2026, 11, 22)
#: Names and addresses of the district as officers type them: whole, without accents, by
#: initials, family name first or the given name alone, and the common address words.
PHRASES = (
    "nguyen van duc",
    "ng v d",
    "ng v du",
    "tran thi",
    "tran thi huyen",
    "le van quang",
    "le",
    "a",
    "hoang thi an",
    "pham van quang tin",
    "nguyen thu anh",
    "vu nhat bao",
    "dam van thinh",
    "trieu thi mui",
    "Nguyễn Minh Thành",
    "Lê Thị Phương",
    "huyen",
    "thinh",
    "n t h",
    "h v t",
    "xom",
    "xom cay thi",
    "xom khe coc",
    "xom dong xe",
    "thon dong",
    "to 5",
    "so nha 44",
    "na hien",
    "phong quang",
    "thai nguyen",
)
BUDGET_P95, BUDGET_MAX = 0.020, 0.050


def typed_queries(phrases: tuple[str, ...] = PHRASES) -> list[str]:
    """Every prefix of every phrase, one per different search (its folded words)."""
    seen: dict[tuple[str, ...], str] = {}
    for phrase in phrases:
        for end in range(1, len(phrase) + 1):
            typed = phrase[:end]
            terms = tuple(search_terms(typed))
            if terms and terms not in seen:
                seen[terms] = typed
    return list(seen.values())


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(wall, cpu) seconds of the fastest of ``repeat`` calls."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


#: The post the list and the box are narrowed to (``--unit``: the district view's unit
#: filter), or None: the whole district.
UNIT: list[str | None] = [None]


RAW = {
    "list": (
        "SELECT d.ref FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid"
        " WHERE search_fts MATCH ? AND d.kind = 'person'{unit} LIMIT 300"
    ),
    "box": (
        "SELECT d.kind, d.ref FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid"
        " WHERE search_fts MATCH ?{unit}"
        f" ORDER BY bm25(search_fts, {search_index.WEIGHTS}) LIMIT 20"
    ),
}


def raw_times(path: Path, queries: list[str], sql: str, repeat: int) -> list[float]:
    unit = UNIT[0]
    sql = sql.format(unit=" AND d.unit_id = ?" if unit else "")
    conn = connect_raw(path, None)
    try:
        exprs = [(search_index.match_expression(q), *([unit] if unit else [])) for q in queries]
        for e in exprs:
            conn.execute(sql, e).fetchall()
        return [best_of(lambda e=e: conn.execute(sql, e).fetchall(), repeat)[0] for e in exprs]
    finally:
        conn.close()


def people_list(ctx: Ctx, q: str) -> object:
    """What the list's loading thread does for a search: the hits, in the list's order."""
    refs = people_rows.search_refs(ctx, q, limit=300, unit_id=UNIT[0])
    chosen = people_rows.PeopleFilter(unit_id=UNIT[0])
    return list(people_rows.people_ids(ctx, chosen, refs, first=200))


def search_box(ctx: Ctx, q: str) -> object:
    return search(ctx, q, unit_id=UNIT[0])


PATHS = {"list": people_list, "box": search_box}


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


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def summary(label: str, wall: list[float], cpu: list[float], raw: list[float]) -> str:
    ratio = p95(wall) / p95(raw) if p95(raw) > 0 else float("inf")
    ok = p95(wall) < BUDGET_P95 and max(wall) < BUDGET_MAX
    return (
        f"{label:<16} {ms(statistics.median(wall))} {ms(p95(wall))} {ms(max(wall))}"
        f"   {ms(p95(cpu))}  {ratio:6.2f}x  {'within budget' if ok else 'OVER BUDGET'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, required=True, help="the copy of the data set")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worst", type=int, default=5, help="slowest queries shown per role")
    parser.add_argument("--roles", nargs="*", help="only these roles (default: all)")
    parser.add_argument("--paths", nargs="*", choices=list(PATHS), default=list(PATHS))
    parser.add_argument(
        "--unit", action="store_true", help="within one post (the 16th), as the unit filter"
    )
    args = parser.parse_args()
    path = args.dir / DB_FILENAME
    open_database(path).close()  # migrate the copy once, before anything is timed
    if args.unit:
        conn = connect_raw(path, None)
        UNIT[0] = conn.execute(
            "SELECT id FROM units WHERE kind = 'commune_post' ORDER BY code LIMIT 1 OFFSET 15"
        ).fetchone()[0]
        conn.close()
    queries = typed_queries()
    roles = [r.value for r in ACCOUNT_ROLES if not args.roles or r.value in args.roles]
    header = f"{'':<16} {'p50':>7} {'p95':>7} {'max':>7}   {'cpu p95':>7}  {'p95/raw':>7}"
    lines = [f"{len(queries)} typed searches, best of {args.repeat}, ms", header]
    worst: list[str] = []
    for name in args.paths:
        raw = raw_times(path, queries, RAW[name], args.repeat)
        lines.append(
            f"{'raw FTS5 ' + name:<16} {ms(statistics.median(raw))} {ms(p95(raw))} {ms(max(raw))}"
        )
        for role in roles:
            label = f"{role} {name}"
            wall, cpu = role_times(path, queries, role, args.repeat, PATHS[name])
            lines.append(summary(label, wall, cpu, raw))
            slow = sorted(zip(wall, queries, raw, strict=True), reverse=True)[: args.worst]
            worst += [f"{label:<16} {ms(w)} (raw {ms(r)})  {q!r}" for w, q, r in slow]
    print("\n".join([*lines, "", "slowest searches:", *worst]))


if __name__ == "__main__":
    main()
