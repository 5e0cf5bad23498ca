"""Desktop benchmark: the budgets of ARCHITECTURE.md that an officer feels in the window.

Run on demand (never part of the test suite):

    .venv/bin/python -m tests.benchmarks.gui [--dir DIR]

On the district data set (30 posts, 450,000 people; built with the foundation benchmark's
generator into ``DIR/district`` when missing) it measures, in a process of its own so the
memory figure is the window's alone: opening the database and showing the first page of the
people list, scrolling to any row, each keystroke of a search typed letter by letter, and the
dashboard that compares the posts. On a commune post (encrypted, with the commune demo
data set, made in ``DIR/start-post`` on the first run) it measures the start of the
application as a separate process launched like the real program: to the login window, and
to the main window once the chief's password is typed in, which includes the memory-hard key
derivation of the login. Each figure is printed beside a raw baseline measured in the same run:

- first page: sqlite3 connect + the same ordered ids and the first screen of rows;
- scroll: sqlite3 reading the same page of rows by id, plus a plain QTableView repainting
  the same screen over a model that answers a fixed text (Qt's own painting cost);
- keystroke: a plain FTS5 MATCH for the same text plus the rows of the first screen, plus
  that plain repaint;
- start: a bare PySide6 process that shows an empty main window with a table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from tests.benchmarks.foundation import build, p95

TODAY = date(2026, 11, 22)
BUDGETS_MS = {
    "first page of people": 150,
    "scroll to any row": 30,
    "search keystroke": 50,
    "start to a usable window": 1500,
}
BUDGET_RSS_MB = 400
#: An officer typing names: accents or none, given names first or family names first.
TYPED = ("nguyen van duc", "Hoàng Thị Hoa", "ng v duc", "tran minh")
SCREEN_ROWS = 30


def _settle() -> None:
    """Let a shown window be exposed and laid out (offscreen, that takes a few events)."""
    from PySide6.QtCore import QCoreApplication

    for _ in range(5):
        QCoreApplication.processEvents()


def _wait(until: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Run the event loop until ``until()`` holds (the list loads on a worker thread).

    The loop waits inside Qt, as the application's own event loop does, so a worker thread
    gets the interpreter whenever it needs it (a Python loop polling here would starve it).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if until():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    failed: list[bool] = []

    def check() -> None:
        if until():
            loop.quit()
        elif time.perf_counter() > deadline:
            failed.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError("the list did not load in time")


# --- the district part (run in a child process) --------------------------------------------
def bare_repaints(rows: int, columns: int, times: int) -> list[float]:
    """Qt's own cost: a plain QTableView over a model that answers a fixed text."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    class Fixed(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return rows

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return columns

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            return "Nguyễn Văn Đức" if role == Qt.ItemDataRole.DisplayRole else None

    model = Fixed()
    view = QTableView()
    view.setModel(model)
    view.resize(1366, 700)
    view.show()
    _settle()
    view.viewport().repaint()
    rng = random.Random(3)
    samples = []
    for _ in range(times):
        row = rng.randrange(rows)
        t = time.perf_counter()
        view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        view.viewport().repaint()
        samples.append(time.perf_counter() - t)
    view.close()
    return samples


def district_part(path: Path) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractItemView, QApplication
    from sqlalchemy.orm import configure_mappers

    from antt_desktop.gui.common.context import AppContext
    from antt_desktop.gui.dossiers.page import DossiersPage
    from antt_desktop.gui.reports.dashboard_page import DashboardPage
    from antt_desktop.i18n.translator import Translator
    from antt_desktop.services.context import Actor
    from antt_desktop.store.database import open_database

    qapp = QApplication.instance() or QApplication([])
    configure_mappers()  # once per process, at start-up (measured by the start figure)
    # The window has painted its overview before the officer opens a list: Qt's font and
    # style set-up happens once per process and belongs to the start figure too.
    warm = bare_repaints(10, 6, 1)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    results: dict[str, Any] = {}

    def open_people_list() -> tuple[float, Any, Any, Any]:
        start = time.perf_counter()
        db = open_database(path)
        app = AppContext(db, Actor("admin", "admin"), Translator("vi"), today=lambda: TODAY)
        page = DossiersPage(app, settings=settings)
        page.tabs.setCurrentWidget(page.people)
        page.resize(1366, 768)
        page.show()
        model = page.people_model
        _wait(lambda: model.rowCount() > 0)
        page.people.view.viewport().repaint()  # the first screen, its rows read from the db
        return time.perf_counter() - start, db, app, page

    # The first opening in a process also pays one-time costs (babel's locale data, the
    # SQL dialect's modules, statement compilation) that the real window has paid while
    # showing its overview; it is reported apart from the usual openings.
    opens: list[float] = []
    for _ in range(4):
        elapsed, db, app, page = open_people_list()
        opens.append(elapsed)
        _wait(lambda page=page: not page.people_model.loading)
        if len(opens) < 4:
            page.close()
            page.deleteLater()
            _settle()
            db.close()
    results["first_page_cold"] = opens[0]
    results["first_page"] = statistics.median(opens[1:])
    model, view = page.people_model, page.people.view

    _wait(lambda: not model.loading)
    results["people"] = model.rowCount()
    rng = random.Random(3)
    scrolls: list[float] = []
    for _ in range(60):
        row = rng.randrange(model.rowCount())
        t = time.perf_counter()
        view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        view.viewport().repaint()
        scrolls.append(time.perf_counter() - t)
    t = time.perf_counter()
    view.scrollToBottom()
    view.viewport().repaint()
    scrolls.append(time.perf_counter() - t)
    results["scroll"] = scrolls

    keystrokes: list[float] = []
    for text in TYPED:
        for n in range(1, len(text) + 1):
            t = time.perf_counter()
            page.people.search.setText(text[:n])
            page.people._apply_search()  # what the typing pause triggers, without the pause
            _wait(lambda: not model.loading)
            view.viewport().repaint()
            keystrokes.append(time.perf_counter() - t)
        page.people.search.clear()
    results["keystrokes"] = keystrokes
    page.people._apply_search()
    _wait(lambda: not model.loading)
    results["bare_repaint"] = bare_repaints(model.rowCount(), model.columnCount(), 60)
    results["warm_up"] = warm

    t = time.perf_counter()
    dashboard = DashboardPage(app)  # starts reading its figures on its worker
    dashboard.resize(1366, 768)
    dashboard.show()
    _wait(lambda: not dashboard.loader.busy, timeout_s=300)
    dashboard.repaint()
    results["dashboard"] = time.perf_counter() - t
    results["posts"] = len(getattr(dashboard.data, "comparison", None) or [])
    results["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    page.close()
    dashboard.close()
    qapp.processEvents()
    db.close()
    return results


def district_raw(path: Path, queries: list[str]) -> dict[str, Any]:
    """The same reads through plain sqlite3, in this process."""
    from antt_desktop.store import search_index

    rows_sql = (
        "SELECT p.id, p.full_name, p.born, p.sex, p.id_number, a.name, p.current_address"
        " FROM persons p LEFT JOIN areas a ON a.id = p.current_area_id WHERE p.id IN ({})"
    )
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM persons WHERE deleted = 0 ORDER BY sort_key LIMIT 200"
        ).fetchall()
    ]
    screen = ids[:SCREEN_ROWS]
    conn.execute(rows_sql.format(",".join("?" * len(screen))), screen).fetchall()
    first = time.perf_counter() - start

    all_ids = [r[0] for r in conn.execute("SELECT id FROM persons ORDER BY sort_key")]
    rng = random.Random(3)
    scrolls = []
    for _ in range(60):
        row = rng.randrange(len(all_ids) - 200)
        page = all_ids[row : row + 200]
        t = time.perf_counter()
        conn.execute(rows_sql.format(",".join("?" * len(page))), page).fetchall()
        scrolls.append(time.perf_counter() - t)

    fts = (
        "SELECT d.ref FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid"
        f" WHERE search_fts MATCH ? AND d.kind = 'person' ORDER BY"
        f" bm25(search_fts, {search_index.WEIGHTS}) LIMIT 1000"
    )
    keystrokes = []
    for text in queries:
        for n in range(1, len(text) + 1):
            expr = search_index.match_expression(text[:n])
            t = time.perf_counter()
            hits = [r[0] for r in conn.execute(fts, (expr,)).fetchall()] if expr else []
            screen = hits[:SCREEN_ROWS]
            if screen:
                conn.execute(rows_sql.format(",".join("?" * len(screen))), screen).fetchall()
            keystrokes.append(time.perf_counter() - t)
    conn.close()
    return {"first_page": first, "scroll": scrolls, "keystrokes": keystrokes}


# --- the start part ---------------------------------------------------------------------------
START_CHILD = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow
qapp = QApplication(sys.argv[:1])
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if isinstance(obj, QDialog) and type(obj).__name__ == "LoginDialog":
                if not hasattr(self, "login"):
                    self.login = time.time()
                    print(f"LOGIN {self.login!r}", flush=True)
                    obj.ui.userEdit.setText("truongcong")
                    obj.ui.passwordEdit.setText(os.environ["BENCH_PASSWORD"])
                    QTimer.singleShot(0, obj.try_login)
            elif isinstance(obj, QMainWindow) and not hasattr(self, "painted"):
                self.painted = time.time()
                print(f"PAINTED {self.painted!r}", flush=True)
                QTimer.singleShot(0, qapp.quit)
        return False
watch = Watch()
qapp.installEventFilter(watch)
if sys.argv[1] == "raw":
    from PySide6.QtWidgets import QTableView
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1366, 768)
    window.show()
    sys.exit(qapp.exec())
from antt_desktop.gui.app import main
sys.exit(main(["--data-dir", sys.argv[1], "--today", "2026-11-22"]))
"""


def start_times(argument: str) -> tuple[float, float]:
    """Seconds from launching the process to the login window, and to the main window
    (the chief's password is typed in at once; for "raw", both are the window)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_PASSWORD=PASSWORD)
    launched = time.time()
    done = subprocess.run(
        [sys.executable, "-c", START_CHILD, argument],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=600,
    )
    marks = dict(
        line.split() for line in done.stdout.splitlines() if line.startswith(("LOGIN ", "PAINTED "))
    )
    if "PAINTED" not in marks:
        raise RuntimeError(f"the window never painted:\n{done.stdout}\n{done.stderr}")
    painted = float(marks["PAINTED"]) - launched
    return float(marks.get("LOGIN", marks["PAINTED"])) - launched, painted


# --- report -------------------------------------------------------------------------------------
def row(work: str, ours: float, raw: float, budget_ms: float | None = None) -> str:
    ratio = ours / raw if raw > 0 else float("inf")
    verdict = ""
    if budget_ms is not None:
        verdict = f"< {budget_ms:.0f} ms  " + (
            "within budget" if ours * 1000 < budget_ms else "OVER BUDGET"
        )
    return f"{work:<40} {ours * 1000:>10.1f} ms {raw * 1000:>10.1f} ms {ratio:>8.1f}x  {verdict}"


PASSWORD = "mat-khau-do-dai-du"


def ensure_post(work: Path) -> Path:
    """A commune post made as the first-run assistant makes one (encrypted, with its chief's
    account), filled with the commune demo data set."""
    from antt_desktop.demo.generate import generate
    from antt_desktop.services.accounts import create_post
    from antt_desktop.store.files import DB_FILENAME

    folder = work / "start-post"
    path = folder / DB_FILENAME
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building the commune post in {path} ...", flush=True)
        post = create_post(
            path,
            password=PASSWORD,
            unit_code="05611",
            unit_name="Công an xã Phú Lương",
            upper_code="CAT-TN",
            upper_name="Công an tỉnh Thái Nguyên",
            admin="truongcong",
        )
        try:
            generate(post.db, scale="commune", seed=1, today=TODAY)
        finally:
            post.close()
    return folder


def ensure(work: Path, scale: str) -> Path:
    from antt_desktop.store.database import DB_FILENAME, open_database

    folder = work / scale
    path = folder / DB_FILENAME
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building the {scale} data set in {path} ...", flush=True)
        build(path, scale)
    open_database(path).close()  # a schema upgrade (and its backup) is not a measured opening
    for backup in folder.glob("*.before-upgrade-*"):
        backup.unlink()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, help="keep (or reuse) the data sets here")
    parser.add_argument("--part", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "district":
        print("RESULT " + json.dumps(district_part(args.db)), flush=True)
        return
    work = args.dir or Path(tempfile.mkdtemp(prefix="antt-bench-gui-"))
    district = ensure(work, "district")

    child = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.gui", "--part", "district", "--db", district],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    found = [ln for ln in child.stdout.splitlines() if ln.startswith("RESULT ")]
    if not found:
        raise SystemExit(f"the district part failed:\n{child.stdout}\n{child.stderr}")
    ours = json.loads(found[0][len("RESULT ") :])
    raw = district_raw(district, list(TYPED))
    # what a screen costs anyway: the rows read by sqlite3 plus Qt painting a plain table
    bare = ours["bare_repaint"]
    raw["scroll"] = [a + b for a, b in zip(raw["scroll"], bare, strict=False)]
    paint = statistics.median(bare)
    raw["keystrokes"] = [k + paint for k in raw["keystrokes"]]

    start_dir = ensure_post(work)
    start_times(str(start_dir))  # a first start upgrades or settles the files: not measured
    starts = [start_times(str(start_dir)) for _ in range(5)]
    raw_starts = [start_times("raw")[1] for _ in range(5)]

    lines = [
        f"district: {ours['people']:,} people, {ours['posts']} posts compared;"
        " start: a commune post (encrypted, 15,000 residents) in " + str(work / "start-post"),
        f"{'work':<40} {'measured':>13} {'raw baseline':>13} {'ratio':>9}  budget",
        row(
            "open + first page of people (median)",
            ours["first_page"],
            raw["first_page"],
            BUDGETS_MS["first page of people"],
        ),
        row("  the first opening in the process", ours["first_page_cold"], raw["first_page"]),
        row(
            f"scroll to any row, p95 of {len(ours['scroll'])}",
            p95(ours["scroll"]),
            p95(raw["scroll"]),
            BUDGETS_MS["scroll to any row"],
        ),
        row("scroll to any row, worst", max(ours["scroll"]), max(raw["scroll"])),
        row(
            f"search keystroke, p95 of {len(ours['keystrokes'])}",
            p95(ours["keystrokes"]),
            p95(raw["keystrokes"]),
            BUDGETS_MS["search keystroke"],
        ),
        row(
            "search keystroke, median",
            *map(statistics.median, (ours["keystrokes"], raw["keystrokes"])),
        ),
        row(
            "start to the login window, median of 5",
            statistics.median(s[0] for s in starts),
            statistics.median(raw_starts),
            BUDGETS_MS["start to a usable window"],
        ),
        row(
            "start to the window after login (commune)",
            statistics.median(s[1] for s in starts),
            statistics.median(raw_starts),
        ),
        f"{'dashboard comparing the posts':<40} {ours['dashboard'] * 1000:>10.1f} ms",
        f"{'peak memory, district list + dashboard':<40} {ours['rss_mb']:>10.1f} MB"
        f"  < {BUDGET_RSS_MB} MB  "
        + ("within budget" if ours["rss_mb"] < BUDGET_RSS_MB else "OVER BUDGET"),
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
