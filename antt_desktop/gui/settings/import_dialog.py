"""Tệp > Nhập danh sách: residents or households from an Excel (.xlsx) or CSV list.

The officer picks the file and the kind of list, and the file is always checked first (a
dry run on a worker thread): the dialog shows how many rows can be imported, who is already
registered, and each refused row with its line, column and reason. Only then can the valid
rows be imported, in one transaction, with a progress dialog whose Cancel keeps nothing.
The refused rows can be saved to a workbook to correct and import again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import named, setup_table
from antt_desktop.gui.common.worker import OperationCancelled, Progress, start_operation
from antt_desktop.i18n.messages import describe, field_label, sentence
from antt_desktop.i18n.texts.audit import LEAVES_PROTECTION
from antt_desktop.i18n.translator import N_
from antt_desktop.importers import ImportCancelled, ImportReport, import_file, save_refused
from antt_desktop.importers.template import TEMPLATES, write_template
from antt_desktop.services.audit_events import record_export, require_export
from antt_desktop.services.changes import Kind, of_kinds
from antt_desktop.store.errors import KnownError

KINDS = (("persons", N_("A list of residents")), ("households", N_("A list of households")))
#: What each kind of list changes, for the views to refresh.
#: What an import writes, by kind of list (its rows go in by the bulk path, not app.write()).
WRITES = {
    "persons": of_kinds(Kind.PERSON, Kind.AREA),
    "households": of_kinds(Kind.HOUSEHOLD, Kind.PERSON, Kind.AREA),
}
SECTIONS = (
    ("duplicate", N_("already registered")),
    ("refused", N_("row refused")),
    ("warning", N_("to check")),
)
FILTER = N_("Lists (*.xlsx *.csv)")
COLUMNS_INTRO = N_(
    "Columns read (* required; other columns are left aside, names may be written without"
    " accents). The template has exactly these columns and an example row:"
)
TEMPLATE_NAMES = {"persons": N_("template-residents"), "households": N_("template-households")}


def report_lines(report: ImportReport) -> list[tuple[int, str, Problem]]:
    """(line, section, problem) for every row the officer should look at, by line."""
    lines = [(d.line, "duplicate", d.problem) for d in report.duplicates]
    lines += [(r.line, "refused", p) for r in report.refused for p in r.problems]
    lines += [(w.line, "warning", w.problem) for w in report.warnings]
    return sorted(lines, key=lambda item: item[0])


class ImportDialog(QDialog):
    """Check, then import, one list. ``imported(report)`` after a real import."""

    imported = Signal(object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("import_dialog")
        self.report: ImportReport | None = None
        self.operation: Any = None
        self.path_edit = named(QLineEdit(), "import_path")
        self.browse_button = named(QPushButton(), "import_browse")
        self.kind_box = named(QComboBox(), "import_kind")
        for code, _label in KINDS:
            self.kind_box.addItem("", code)
        self.check_button = named(QPushButton(), "import_check")
        self.template_button = named(QPushButton(), "import_template")
        self.columns_intro = named(QLabel(), "import_columns_intro", wordWrap=True)
        self.columns = named(QTableWidget(0, 2), "import_columns")
        setup_table(self.columns, stretch=1)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.setMaximumHeight(150)
        self.summary = named(QLabel(), "import_summary", wordWrap=True)
        self.table = named(QTableWidget(0, 3), "import_rows")
        setup_table(self.table, stretch=2)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.save_button = named(QPushButton(), "import_save_refused")
        self.import_button = named(QPushButton(), "import_run")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        self.path_label, self.kind_label = QLabel(), QLabel()
        self.path_label.setBuddy(self.path_edit)
        self.kind_label.setBuddy(self.kind_box)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.path_label, file_row)
        form.addRow(self.kind_label, self.kind_box)
        layout = QVBoxLayout(self)
        self.intro = QLabel(wordWrap=True)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.columns_intro)
        layout.addWidget(self.columns)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        check_row.addWidget(self.template_button)
        layout.addLayout(check_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self.browse)
        self.check_button.clicked.connect(self.check)
        self.template_button.clicked.connect(self.save_template)
        self.kind_box.currentIndexChanged.connect(self._show_columns)
        self.import_button.clicked.connect(self.run_import)
        self.save_button.clicked.connect(self.save_refused)
        self.path_edit.textChanged.connect(self._forget)
        self.kind_box.currentIndexChanged.connect(self._forget)
        app.changes.language_changed.connect(self.retranslate)
        self.resize(820, 560)
        self.retranslate()
        self._update_buttons()

    # --- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        tr = self.app.tr
        self.setWindowTitle(tr(N_("Import a list")))
        self.intro.setText(
            tr(
                N_(
                    "Residents or households kept in Excel (.xlsx) or CSV can be imported. "
                    "The file is checked first and nothing is saved until you press Import."
                )
            )
        )
        self.path_label.setText(tr(N_("&File:")))
        self.kind_label.setText(tr(N_("&Kind of list:")))
        self.browse_button.setText(tr(N_("&Choose a file…")))
        self.check_button.setText(tr(N_("Chec&k the file")))
        self.save_button.setText(tr(N_("&Save refused rows…")))
        for row, (_code, label) in enumerate(KINDS):
            self.kind_box.setItemText(row, tr(label))
        self.table.setHorizontalHeaderLabels(
            [tr(N_("Line")), tr(N_("Result")), tr(N_("What to correct"))]
        )
        self.template_button.setText(tr(N_("Download the .xlsx &template…")))
        self.columns_intro.setText(tr(COLUMNS_INTRO))
        self.columns.setHorizontalHeaderLabels([tr(N_("Column")), tr(N_("Meaning"))])
        self._show_columns()
        self._show_report()

    def _show_columns(self) -> None:
        """The columns the chosen kind of list may have, required ones first marked."""
        tr, kind = self.app.tr, self.kind
        columns = TEMPLATES[kind]  # type: ignore[index]
        self.columns.setRowCount(len(columns))
        for row, column in enumerate(columns):
            required = column.required(kind)  # type: ignore[arg-type]
            name = QTableWidgetItem(tr(column.header) + (" *" if required else ""))
            meaning = QTableWidgetItem(tr(column.meaning) if column.meaning else "")
            if required:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            meaning.setToolTip(meaning.text())
            self.columns.setItem(row, 0, name)
            self.columns.setItem(row, 1, meaning)
        self.columns.resizeColumnToContents(0)

    # --- actions ------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.app.tr(N_("Choose the list to import")), "", self.app.tr(FILTER)
        )
        if name:
            self.path_edit.setText(name)

    def save_template(self) -> Path | None:
        """Tải mẫu .xlsx: a workbook with exactly the accepted columns and an example row,
        which imports as it is (no personal data in it: nothing to audit)."""
        tr = self.app.tr
        suggested = Path.home() / f"{tr(TEMPLATE_NAMES[self.kind])}.xlsx"
        name, _ = QFileDialog.getSaveFileName(
            self, tr(N_("Save the template")), str(suggested), "Excel (*.xlsx)"
        )
        if not name:
            return None
        try:
            saved = write_template(self.kind, Path(name), tr)  # type: ignore[arg-type]
        except OSError as exc:
            text = tr(N_("The file could not be written: {error}")).format(error=exc)
            self.summary.setText(text)
            return None
        text = N_(
            "The template was saved to {path}: fill in your rows (replace the example row),"
            " then choose it here and check it."
        )
        self.summary.setText(tr(text).format(path=saved))
        self.summary.setProperty("error", False)
        return saved

    def check(self) -> None:
        """Read and check the whole file on a worker thread; nothing is written."""
        self._run(dry_run=True)

    def run_import(self) -> None:
        """Import the rows the check found valid (the file is read and checked again)."""
        if self.report is None or not self.report.dry_run or not self.report.imported:
            return
        self._run(dry_run=False)

    def save_refused(self) -> None:
        if self.report is None or not self.report.refused:
            return
        suggested = self.path.with_name(f"{self.path.stem}-{self.app.tr(N_('to-correct'))}.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, self.app.tr(N_("Save the refused rows")), str(suggested), "Excel (*.xlsx)"
        )
        if not name:
            return
        try:
            self.write_refused(Path(name))
        except ValidationFailed as exc:  # the account may not save residents' data
            self.summary.setText("\n".join(describe(p, self.app.tr) for p in exc.problems))
        except (KnownError, OSError) as exc:
            reason = (
                sentence(exc.code, exc.params, self.app.tr) if isinstance(exc, KnownError) else exc
            )
            text = self.app.tr(N_("The file could not be written: {error}")).format(error=reason)
            self.summary.setText(text)

    def write_refused(self, target: Path) -> Path:
        assert self.report is not None
        report = self.report
        with self.app.read() as ctx:
            require_export(ctx)  # the rows hold residents' data: before a byte is written
        saved = save_refused(report, target, self.app.tr)
        with self.app.write() as ctx:
            what = f"refused rows of {self.path.name}"
            record_export(
                ctx, what=what, where=saved.name, entity=self.kind, rows=len(report.refused)
            )
        text = N_("The refused rows were saved to {path}: correct them there and import that file.")
        done = self.app.tr(text).format(path=saved)
        self.summary.setText(f"{done} {self.app.tr(LEAVES_PROTECTION)}")
        return saved

    # --- running ------------------------------------------------------------------------------
    def _run(self, *, dry_run: bool) -> None:
        tr, db, actor, today = self.app.tr, self.app.db, self.app.actor, self.app.today()
        path, kind = self.path, self.kind
        if not self.path_edit.text().strip():
            self._refused([Problem("file", "required")])
            return
        label = tr(N_("Importing the rows…"))

        def work(progress: Progress) -> ImportReport:
            def rows(done: int, total: int) -> bool:
                return progress(label, done, total)

            return import_file(
                db,
                path,
                kind=kind,  # type: ignore[arg-type]
                actor=actor,
                today=today,
                dry_run=dry_run,
                progress=None if dry_run else rows,
            )

        title = tr(N_("Checking the file…") if dry_run else N_("Importing the list…"))
        self.operation = start_operation(
            self,
            title,
            work,
            cancellable=not dry_run,
            app=self.app,
            changed=None if dry_run else WRITES[kind],
        )
        self.operation.succeeded.connect(self._finished)
        self.operation.failed.connect(self._failed)
        self.operation.ended.connect(self._update_buttons)
        self._update_buttons()

    def _finished(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.report = report
        self._show_report()
        if not report.dry_run:
            self.imported.emit(report)

    def _failed(self, exc: object) -> None:
        if isinstance(exc, ValidationFailed):
            self._refused(list(exc.problems))
        elif isinstance(exc, OperationCancelled | ImportCancelled):
            self.summary.setText(self.app.tr(N_("The import was stopped; no row was saved.")))
        elif isinstance(exc, BaseException):
            raise exc  # a bug: the application's crash reporter logs it and tells the officer

    def _refused(self, problems: list[Problem]) -> None:
        self.report = None
        self.table.setRowCount(0)
        tr = self.app.tr
        self.summary.setText(
            tr(N_("The file cannot be imported:"))
            + " "
            + "; ".join(describe(p, tr) for p in problems)
        )
        self.summary.setProperty("error", True)
        self._update_buttons()

    def _forget(self) -> None:
        """Another file or kind: the last check says nothing about it."""
        self.report = None
        self.summary.setText("")
        self.table.setRowCount(0)
        self._update_buttons()

    # --- showing ------------------------------------------------------------------------------
    def _show_report(self) -> None:
        report, tr = self.report, self.app.tr
        if report is None:
            return
        counts = {
            "file": report.file_name,
            "total": report.total,
            "imported": report.imported,
            "duplicates": len(report.duplicates),
            "refused": len(report.refused),
        }
        summary = "import.report.summary_dry" if report.dry_run else "import.report.summary"
        lines = [sentence(summary, counts, tr) + "."]
        if report.dry_run:
            lines.append(sentence("import.report.dry_run", {}, tr))
        if report.ignored_columns:
            columns = {"columns": list(report.ignored_columns)}
            lines.append(sentence("import.report.ignored", columns, tr) + ".")
        self.summary.setText("\n".join(lines))
        self.summary.setProperty("error", False)
        labels = dict(SECTIONS)
        rows = report_lines(report)
        self.table.setRowCount(len(rows))
        for r, (line, section, problem) in enumerate(rows):
            cells = (str(line), tr(labels[section]), describe(problem, tr))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(field_label(problem.field, tr) if c == 1 else value)
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.operation is not None and self.operation.running
        report = self.report
        ready = report is not None and report.dry_run and report.imported > 0
        self.import_button.setEnabled(ready and not busy)
        self.save_button.setEnabled(report is not None and bool(report.refused) and not busy)
        self.check_button.setEnabled(not busy)
        n = report.imported if ready and report is not None else 0
        self.import_button.setText(self.app.tr(N_("&Import {count} rows")).format(count=n))
