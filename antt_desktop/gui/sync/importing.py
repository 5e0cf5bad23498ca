"""Import sync files from the window: chosen files imported one by one on a worker thread,
then the per-table report (new, updated, unchanged, conflicts, refused, waiting) shown in a
dialog; a refused file is named with its reason, and nothing of it was written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import named, setup_table
from antt_desktop.gui.common.worker import Operation, Progress, start_operation
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.changes import EVERYTHING
from antt_desktop.store.errors import KnownError
from antt_desktop.sync.errors import BundleRefused
from antt_desktop.sync.importer import import_bundle
from antt_desktop.sync.report import ImportReport
from antt_desktop.sync.report_text import COLUMNS, phrase, report_lines, table_name

FILTER = N_("Sync files (*.anttsync)")
#: What an import may change, for the pages to refresh.
# a bundle may carry any kind of record, written at the driver level: reload everything


def problem_text(exc: BaseException, tr: Translator) -> str | None:
    """The officer's sentence for an expected failure; None for a bug."""
    if isinstance(exc, ValidationFailed):
        return "; ".join(describe(p, tr) for p in exc.problems)
    if isinstance(exc, KnownError):
        return phrase(getattr(exc, "code", ""), exc.params, tr)
    return None


class ImportOutcome:
    """What importing a list of files gave: a report per imported file, a refusal per
    refused one (files after a refusal are still tried: each stands alone)."""

    def __init__(self) -> None:
        self.reports: list[ImportReport] = []
        self.refused: list[tuple[str, BundleRefused]] = []


def start_import(
    parent: QWidget, app: AppContext, paths: Sequence[Path], *, dry_run: bool = False
) -> Operation:
    """Import ``paths`` on a worker thread; the operation's result is an ImportOutcome."""
    db, actor, tr = app.db, app.actor.username, app.tr
    files = [Path(p) for p in paths]

    def work(progress: Progress) -> ImportOutcome:
        outcome = ImportOutcome()
        for number, path in enumerate(files, start=1):
            label = tr(N_("Importing {file} ({number} of {count})…")).format(
                file=path.name, number=number, count=len(files)
            )

            def step(_text: str, done: int, total: int, label: str = label) -> bool:
                return progress(label, done, total)

            if not progress(label, 0, 0):
                break
            try:
                outcome.reports.append(
                    import_bundle(db, path, dry_run=dry_run, actor=actor, progress=step)
                )
            except BundleRefused as exc:
                outcome.refused.append((path.name, exc))
        return outcome

    return start_operation(
        parent,
        tr(N_("Importing sync files…")),
        work,
        app=app,
        changed=None if dry_run else EVERYTHING,
    )


class ImportReportDialog(QDialog):
    """The report of one or more imported files, per table, with refusals and warnings."""

    def __init__(self, tr: Translator, outcome: ImportOutcome, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_import_report")
        self.setWindowTitle(tr(N_("Sync files imported")))
        layout = QVBoxLayout(self)
        self.summary = named(QLabel(), "sync_import_summary", wordWrap=True)
        layout.addWidget(self.summary)
        self.table = named(QTableWidget(0, 1 + len(COLUMNS)), "sync_import_tables")
        setup_table(self.table, stretch=0)
        layout.addWidget(self.table, 1)
        self.details = named(QLabel(), "sync_import_details", wordWrap=True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.show_outcome(tr, outcome)
        self.resize(860, 520)

    def show_outcome(self, tr: Translator, outcome: ImportOutcome) -> None:
        lines: list[str] = []
        for report in outcome.reports:
            lines.append(report_lines(report, tr)[0])
        for name, exc in outcome.refused:
            lines.append(
                tr(N_("{file} was refused:")).format(file=name)
                + " "
                + phrase(exc.code, exc.params, tr)
            )
        self.summary.setText("\n".join(lines))
        totals: dict[str, dict[str, int]] = {}
        for report in outcome.reports:
            for table, counts in report.tables.items():
                into = totals.setdefault(table, dict.fromkeys(counts.to_dict(), 0))
                for key, value in counts.to_dict().items():
                    into[key] += value
        rows = sorted(
            ((table_name(t, tr), n) for t, n in totals.items() if any(n.values())),
            key=lambda r: r[0],
        )
        self.table.setHorizontalHeaderLabels(
            [tr(N_("Kind of record"))] + [_capital(tr(label)) for _key, label in COLUMNS]
        )
        self.table.setRowCount(len(rows))
        for r, (label, numbers) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(_capital(label)))
            for c, (key, _label) in enumerate(COLUMNS, start=1):
                self.table.setItem(r, c, QTableWidgetItem(str(numbers[key])))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        notes: list[str] = []
        for report in outcome.reports:
            notes += [
                line.strip()
                for line in report_lines(report, tr)[1:]
                if line.startswith(("  -", tr(N_("Warning"))))
            ]
        self.details.setText("\n".join(notes[:40]))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def outcome_lines(outcome: Any, tr: Translator) -> list[str]:
    """One line per file, for the page's result area."""
    assert isinstance(outcome, ImportOutcome)
    lines = [report_lines(r, tr)[0] for r in outcome.reports]
    lines += [
        tr(N_("{file} was refused:")).format(file=name) + " " + phrase(exc.code, exc.params, tr)
        for name, exc in outcome.refused
    ]
    return lines
