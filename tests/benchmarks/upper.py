"""The upper unit's screens: the overview comparing its posts, each report and drill-down.

Run on demand (never part of the test suite), on a copy of the district data set (opening a
database with the program migrates it; the shared file is never written):

    .venv/bin/python -m tests.benchmarks.upper --source /work/district/antt.sqlite3 \\
        --dir /tmp/upper [--repeat 5]

Each figure is the median of ``--repeat`` reads after one warm-up read (the page cache then
holds the file, as it does in a window that has shown its first page), with its CPU time and
the time it spent waiting for a CPU (a loaded machine's wall time beyond CPU time is that
wait, not disk reads: "not waiting" is the wall time less the wait, ours / raw), beside a raw
baseline measured in the same run: the same figures' rows by hand-written SQL
through ``sqlite3`` (the database's own work, with no program around it), and their ratio.
The budget of every screen is 1 s (issue #15).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from antt_desktop.domain.periods import Period
from antt_desktop.services import assessments, household_rows, listing, report_rows
from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.services.stats_scope import load_tree
from antt_desktop.store.database import DB_FILENAME, Database, open_database

TODAY = date(2026, 11, 22)
BUDGET = 1.0


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float
    waited: float | None = None  # waiting for a CPU (run queue), when the system tells


def _waited() -> float | None:
    """Seconds this thread has spent ready to run but waiting for a CPU (Linux)."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def measure(fn: Callable[[], object], repeat: int) -> Timing:
    """The median wall and CPU time of ``repeat`` calls after a warm-up call, and the
    median time spent waiting for a CPU: on a loaded machine that is where wall time beyond
    CPU time goes (wall minus wait is the wall time a quiet machine would see)."""
    fn()
    walls, cpus, waits = [], [], []
    for _ in range(repeat):
        w, c, q = time.perf_counter(), time.process_time(), _waited()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
        after = _waited()
        waits.append(after - q if after is not None and q is not None else None)
    known = [x for x in waits if x is not None]
    waited = statistics.median(known) if len(known) == len(waits) else None
    return Timing(statistics.median(walls), statistics.median(cpus), waited)


# --- the raw baselines: the same rows by hand-written SQL ------------------------------
def _in(ids: list[str]) -> str:
    return "(" + ",".join(f":u{i}" for i in range(len(ids))) + ")"


def raw_statistics(
    conn: sqlite3.Connection, units: list[str], period: Period, *, pledges: bool = True
) -> int:
    """The rows one period's figures are built from, for ``units``; returns the row count.

    ``pledges`` False leaves out the pledges of the year (a month's report states the
    year's, read once for the overview's month and year)."""
    s, e = period.start.isoformat(), period.end.isoformat()
    q = Period.quarter_of(period.start).start.isoformat()
    u = _in(units)
    queries: list[str] = [
        f"SELECT unit_id, category_code, close_reason,"
        f" sum(opened_on <= :e AND status != 'transferred' AND (closed_on IS NULL OR"
        f" closed_on > :e)), sum(opened_on BETWEEN :s AND :e), sum(closed_on BETWEEN :s AND"
        f" :e) FROM dossiers WHERE deleted = 0 AND unit_id IN {u} AND opened_on <= :e AND"
        f" (closed_on IS NULL OR closed_on >= :s) GROUP BY 1, 2, 3",
        f"SELECT count(DISTINCT person_id) FROM dossiers WHERE deleted = 0 AND unit_id IN"
        f" {u} AND opened_on <= :e AND status != 'transferred' AND (closed_on IS NULL OR"
        f" closed_on > :e)",
        f"SELECT id, unit_id, category_code, opened_on, closed_on FROM dossiers WHERE"
        f" deleted = 0 AND unit_id IN {u} AND status != 'transferred' AND opened_on <= :e"
        f" AND (closed_on IS NULL OR closed_on >= :q)",
        "SELECT a.dossier_id, a.period, min(a.written_on), max(n.id IS NULL) FROM"
        " assessments a LEFT JOIN assessments n ON n.supersedes_id = a.id AND n.deleted = 0"
        " WHERE a.deleted = 0 AND a.period_start BETWEEN :q AND :e GROUP BY 1, 2",
        f"SELECT d.classification, count(*) FROM dossiers d JOIN dossier_categories c ON"
        f" c.code = d.category_code WHERE c.uses_classification = 1 AND d.deleted = 0 AND"
        f" d.unit_id IN {u} AND d.opened_on <= :e AND d.status != 'transferred' AND"
        f" (d.closed_on IS NULL OR d.closed_on > :e) GROUP BY 1",
        f"SELECT h.unit_id, h.area_id, count(h.id), sum(p.status = 'signed'),"
        f" sum(p.status = 'refused'), sum(p.status = 'violated'), sum(p.cultured_family = 1)"
        f" FROM households h LEFT JOIN pledges p ON p.household_id = h.id AND p.year = :y"
        f" AND p.deleted = 0 WHERE h.deleted = 0 AND h.unit_id IN {u} GROUP BY 1, 2",
        f"SELECT unit_id, type_code, count(*) FROM initiatives WHERE deleted = 0 AND unit_id"
        f" IN {u} GROUP BY 1, 2",
        f"SELECT i.unit_id, a.kind, count(a.id), sum(a.participants), sum(a.tips_of_value),"
        f" sum(a.cases_mediated), sum(a.surrendered), sum(a.guns) FROM activities a JOIN"
        f" initiatives i ON i.id = a.initiative_id WHERE i.deleted = 0 AND i.unit_id IN {u}"
        f" AND a.deleted = 0 AND a.held_on BETWEEN :s AND :e GROUP BY 1, 2",
        f"SELECT kind, count(id) FROM commendations WHERE deleted = 0 AND unit_id IN {u} AND"
        f" decision_date BETWEEN :s AND :e GROUP BY 1",
    ]
    params: dict[str, Any] = {"s": s, "e": e, "q": q, "y": period.year}
    params.update((f"u{i}", unit) for i, unit in enumerate(units))
    if not pledges:
        queries = [sql for sql in queries if "pledges" not in sql]
    return sum(len(conn.execute(sql, params).fetchall()) for sql in queries)


def raw_overdue(conn: sqlite3.Connection, units: list[str] | None) -> int:
    """The open dossiers owing assessments, with names, and their current assessments."""
    where, params = "", {}
    if units is not None:
        where = f" AND d.unit_id IN {_in(units)}"
        params = {f"u{i}": unit for i, unit in enumerate(units)}
    rows = conn.execute(
        "SELECT d.id, d.person_id, d.opened_on, p.full_name, p.sort_key, c.code, c.name_vi,"
        " c.cadence, c.due_day FROM dossiers d JOIN persons p ON p.id = d.person_id JOIN"
        " dossier_categories c ON c.code = d.category_code WHERE d.status = 'open' AND"
        f" d.deleted = 0 AND c.cadence != 'none'{where}",
        params,
    ).fetchall()
    done = conn.execute(
        "SELECT a.dossier_id, a.period FROM assessments a JOIN dossiers d ON d.id ="
        " a.dossier_id WHERE d.status = 'open' AND d.deleted = 0 AND a.deleted = 0 AND NOT"
        " EXISTS (SELECT 1 FROM assessments n WHERE n.supersedes_id = a.id AND n.deleted = 0)"
        f"{where}",
        params,
    ).fetchall()
    return len(rows) + len(done)


def raw_households(conn: sqlite3.Connection, area_id: str, year: int) -> int:
    return len(
        conn.execute(
            "SELECT h.id FROM households h LEFT JOIN pledges p ON p.household_id = h.id AND"
            " p.year = ? AND p.deleted = 0 WHERE h.deleted = 0 AND h.area_id = ? ORDER BY"
            " h.number",
            (year, area_id),
        ).fetchall()
    )


# --- the program's reads --------------------------------------------------------------
def program(db: Database, fn: Callable[[Ctx], object]) -> Callable[[], object]:
    def run() -> object:
        with db.read() as session:
            return fn(Ctx(session, SYSTEM, TODAY))

    return run


def run(path: Path, repeat: int) -> list[tuple[str, Timing, Timing | None]]:
    db = open_database(path)
    with db.read() as session:
        ctx = Ctx(session, SYSTEM, TODAY)
        found = report_rows.posts(ctx)
        assert found.parent is not None, "not an upper unit's database"
        parent = found.parent.id
        post_ids = [p.id for p in found.posts]
        every = sorted(load_tree(session).subtree(parent))
    conn = sqlite3.connect(path)
    area = conn.execute(
        "SELECT area_id FROM households WHERE unit_id = ? AND area_id IS NOT NULL LIMIT 1",
        (post_ids[0],),
    ).fetchone()[0]
    year, quarter, month = Period.year_of(TODAY), Period.quarter_of(TODAY), Period.month_of(TODAY)
    chosen = post_ids[:: max(1, len(post_ids) // 5)][:5]
    results: list[tuple[str, Timing, Timing | None]] = []

    def add(name: str, ours: Callable[[], object], raw: Callable[[], object] | None) -> None:
        mine = measure(ours, repeat)
        base = measure(raw, repeat) if raw is not None else None
        results.append((name, mine, base))
        print(_line(name, mine, base), flush=True)

    add(
        "overview comparing the posts",
        program(db, lambda c: report_rows.dashboard(c)),
        lambda: (
            raw_statistics(conn, every, month, pledges=False),
            raw_statistics(conn, every, year),
            raw_overdue(conn, None),
        ),
    )
    add(
        "overview of one post",
        program(db, lambda c: report_rows.dashboard(c, chosen[0], with_comparison=False)),
        lambda: (
            raw_statistics(conn, [chosen[0]], month, pledges=False),
            raw_statistics(conn, [chosen[0]], year),
            raw_overdue(conn, [chosen[0]]),
        ),
    )
    for period in (year, quarter, month):
        add(
            f"report {period.label()}, every post",
            program(db, lambda c, p=period: report_rows.period_report(c, p, parent)),
            lambda p=period: raw_statistics(conn, every, p),
        )
    # one post's report, for five posts: the slowest of the five (each report < 1 s)
    per_post = [
        (
            measure(program(db, lambda c, p=p: report_rows.period_report(c, year, p)), repeat),
            measure(lambda p=p: raw_statistics(conn, [p], year), repeat),
        )
        for p in chosen
    ]
    mine, base = max(per_post, key=lambda t: t[0].wall)
    name = f"report {year.label()}, one post (slowest of {len(chosen)})"
    results.append((name, mine, base))
    print(_line(name, mine, base), flush=True)
    add(
        "overdue list, every post",
        program(db, lambda c: assessments.due_assessments(c.session, TODAY, None)),
        lambda: raw_overdue(conn, None),
    )
    add(
        "drill-down: overdue dossiers, every post",
        program(
            db,
            lambda c: listing.dossier_ids(c, listing.DossierFilter(due=listing.OVERDUE_ONLY)),
        ),
        lambda: raw_overdue(conn, None),
    )
    add(
        "drill-down: open dossiers of one post",
        program(
            db,
            lambda c: listing.dossier_ids(
                c, listing.DossierFilter(unit_id=chosen[0], status="open")
            ),
        ),
        lambda: raw_overdue(conn, [chosen[0]]),
    )
    add(
        "drill-down: households of one area",
        program(
            db,
            lambda c: household_rows.household_ids(
                c, household_rows.HouseholdFilter(year=year.year, area_id=area)
            ),
        ),
        lambda: raw_households(conn, area, year.year),
    )
    conn.close()
    db.close()
    return results


def window(path: Path, repeat: int) -> Timing:
    """Show the overview page at 1366×768 and wait for its figures, painted: the window's
    figure (the page reads on its worker; the officer sees "Loading…" meanwhile)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from antt_desktop.gui.common.context import AppContext
    from antt_desktop.gui.reports.dashboard_page import DashboardPage
    from antt_desktop.i18n.translator import Translator
    from antt_desktop.services.context import Actor
    from tests.benchmarks.gui import _settle, _wait

    qapp = QApplication.instance() or QApplication([])
    db = open_database(path)
    app = AppContext(db, Actor("admin", "admin"), Translator("vi"), today=lambda: TODAY)
    walls, cpus = [], []
    for _ in range(repeat + 1):  # the first opening pays Qt's one-time costs
        w, c = time.perf_counter(), time.process_time()
        page = DashboardPage(app)
        page.resize(1366, 768)
        page.show()
        _wait(lambda page=page: page.data is not None and not page.loader.busy, timeout_s=120)
        page.repaint()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
        page.close()
        page.deleteLater()
        _settle()
    qapp.processEvents()
    db.close()
    return Timing(statistics.median(walls[1:]), statistics.median(cpus[1:]))


def _line(name: str, mine: Timing, base: Timing | None) -> str:
    text = f"{name:<44} {mine.wall * 1000:>8.0f} ms (cpu {mine.cpu * 1000:>6.0f}"
    if mine.waited is not None:
        text += f", waiting for a CPU {mine.waited * 1000:>5.0f}"
    text += ")"
    if base is not None:
        ratio = mine.wall / base.wall if base.wall else float("inf")
        text += f"   raw {base.wall * 1000:>7.0f} ms (cpu {base.cpu * 1000:>5.0f})  {ratio:>5.1f}×"
        if mine.waited is not None and base.waited is not None:
            quiet, raw_quiet = mine.wall - mine.waited, base.wall - base.waited
            text += f"   not waiting {quiet * 1000:>5.0f} / {raw_quiet * 1000:>5.0f} ms"
    if mine.wall > BUDGET:
        text += "   OVER 1 s"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("/work/district") / DB_FILENAME)
    parser.add_argument("--dir", type=Path, required=True, help="a folder of your own")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    import os

    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} CPUs (wall ≈ CPU when quiet)", flush=True)
    path = args.dir / DB_FILENAME
    if not path.exists():
        print(f"copying {args.source} to {path} ...", flush=True)
        shutil.copyfile(args.source, path)
    results = run(path, args.repeat)
    shown = window(path, args.repeat)
    print(_line("overview page shown and painted (window)", shown, results[0][2]), flush=True)


if __name__ == "__main__":
    main()
