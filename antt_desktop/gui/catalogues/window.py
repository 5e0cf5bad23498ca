"""Danh mục: one tab per catalogue, each with the version this node holds ("Phiên bản 5 —
02/12/2026 — Công an tỉnh Thái Nguyên"), its entries with the ones still to be checked
marked (and a filter to see only those), and the buttons to add, edit, retire and delete.

At a commune post the catalogues come from the upper unit: the lists are read, the editor
opens to read an entry whole, and the buttons that change say why they are off.

Keyboard: Ctrl+Tab between catalogues, Enter opens the chosen entry, Ctrl+N adds one, Del
deletes it; Alt and the underlined letter for the rest.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.catalogues.entry_dialog import EntryDialog
from antt_desktop.gui.catalogues.model import CODE_ROLE, WIDTHS, EntriesModel
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.list_table import ListTable
from antt_desktop.i18n.messages import describe_all
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.catalogue_text import catalogue_name, version_line
from antt_desktop.services import catalogue_edits, catalogue_rows
from antt_desktop.services.catalogue_specs import KEYS
from antt_desktop.services.changes import Changes, Kind

TITLE = N_("Catalogues")
SHOWS = (Kind.CATALOGUE, Kind.CATEGORY, Kind.RUBRIC, Kind.CATALOGUE_VERSION)
ONLY_TO_CHECK = N_("Only entries &to be checked ({count})")
DELETE_QUESTION = N_("Delete entry {code} — {name}?")
NOT_DELETED = N_("Not saved")


class CatalogueTab(QWidget):
    """One catalogue: its version line, the filter, the list and its buttons."""

    def __init__(self, app: AppContext, key: str, may_edit: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.app, self.key, self.may_edit = app, key, may_edit
        self.setObjectName(f"catalogue_{key}")
        self.version = QLabel()
        self.version.setObjectName("version_line")
        font = self.version.font()
        font.setBold(True)
        self.version.setFont(font)
        self.only_to_check = QCheckBox()
        self.only_to_check.toggled.connect(lambda _on: self.reload())
        self.model = EntriesModel(key, app.tr, self)
        widths = tuple(WIDTHS[name] for name in self.model.fields)
        # the long text of the catalogue (legal basis, criteria, else the name) takes the room
        long = [n for n in ("legal_basis", "criteria") if n in self.model.fields]
        stretch = self.model.fields.index(long[0] if long else "name_vi")
        self.table = ListTable(
            app, self.model, f"catalogue_{key}", widths=widths, stretch=stretch, parent=self
        )
        self.table.doubleClicked.connect(lambda _i: self.open_entry())
        self.table.activated.connect(lambda _i: self.open_entry())
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.retire_button = QPushButton()
        self.delete_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.new_entry())
        self.edit_button.clicked.connect(lambda: self.open_entry())
        self.retire_button.clicked.connect(self.toggle_retired)
        self.delete_button.clicked.connect(self.delete_entry)
        top = QHBoxLayout()
        top.addWidget(self.version, 1)
        top.addWidget(self.only_to_check)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for button in (self.add_button, self.retire_button, self.delete_button):
            button.setEnabled(may_edit)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.reload()

    def retranslate(self, to_check: int) -> None:
        tr = self.app.tr
        self.only_to_check.setText(tr(ONLY_TO_CHECK).format(count=to_check))
        self.add_button.setText(tr(N_("&Add…")))
        self.add_button.setToolTip(tr(N_("Add an entry (Ctrl+N)")))
        self.edit_button.setText(tr(N_("&Open…") if not self.may_edit else N_("&Edit…")))
        self.edit_button.setToolTip(tr(N_("Open the chosen entry (Enter)")))
        self.delete_button.setText(tr(N_("&Delete")))
        self.delete_button.setToolTip(
            tr(N_("Delete an entry no record uses (Del); one in use can only be retired"))
        )
        self._chosen()

    def reload(self) -> None:
        with self.app.read() as ctx:
            rows = catalogue_rows.entries(
                ctx, self.key, only_to_check=self.only_to_check.isChecked()
            )
            summary = next(s for s in catalogue_rows.summaries(ctx) if s.key == self.key)
        current = self.current_code()
        self.model.set_rows(rows)
        self.version.setText(version_line(summary.version, self.app.tr))
        self.retranslate(summary.to_check)
        self.choose(current)

    def choose(self, code: str | None) -> None:
        for row, entry in enumerate(self.model.rows):
            if entry.code == code or code is None:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def _chosen(self) -> None:
        code = self.current_code()
        row = next((r for r in self.model.rows if r.code == code), None)
        tr = self.app.tr
        self.retire_button.setText(
            tr(N_("Use a&gain") if row is not None and row.retired else N_("&Retire"))
        )
        self.retire_button.setToolTip(
            tr(N_("Retired entries are kept for old records but not offered for new ones"))
        )
        self.edit_button.setEnabled(row is not None)
        for button in (self.retire_button, self.delete_button):
            button.setEnabled(self.may_edit and row is not None)

    def new_entry(self) -> EntryDialog | None:
        if not self.may_edit:
            return None
        return self._open(EntryDialog(self.app, self.key, parent=self))

    def open_entry(self) -> EntryDialog | None:
        code = self.current_code()
        if code is None:
            return None
        return self._open(EntryDialog(self.app, self.key, code, parent=self))

    def _open(self, dialog: EntryDialog) -> EntryDialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def toggle_retired(self) -> None:
        code = self.current_code()
        row = next((r for r in self.model.rows if r.code == code), None)
        if row is None:
            return
        self._run(lambda ctx: catalogue_edits.set_retired(ctx, self.key, row.code, not row.retired))

    def delete_entry(self) -> QMessageBox | None:
        code = self.current_code()
        row = next((r for r in self.model.rows if r.code == code), None)
        if row is None or not self.may_edit:
            return None
        tr = self.app.tr
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr(N_("Delete")),
            tr(DELETE_QUESTION).format(code=row.code, name=row.name_vi),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(
            lambda: self._run(lambda ctx: catalogue_edits.delete_entry(ctx, self.key, row.code))
        )
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def _run(self, change: object) -> None:
        try:
            with self.app.write() as ctx:
                change(ctx)  # type: ignore[operator]
        except ValidationFailed as exc:
            tr = self.app.tr
            text = "\n".join(describe_all(exc.problems, tr))
            box = QMessageBox(
                QMessageBox.Icon.Warning, tr(NOT_DELETED), text, QMessageBox.StandardButton.Ok, self
            )
            box.setObjectName("catalogue_refused")
            box.finished.connect(box.deleteLater)
            box.open()


class CataloguesWindow(QDialog):
    """Danh mục: the catalogues, one tab each."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("catalogues_window")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        with app.read() as ctx:
            may_edit = catalogue_rows.rights(ctx).may_edit
        self.tabs = QTabWidget()
        self.pages = {key: CatalogueTab(app, key, may_edit, self.tabs) for key in KEYS}
        for key, page in self.pages.items():
            self.tabs.addTab(page, catalogue_name(key, app.tr))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(app.tr(N_("Close")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.setWindowTitle(app.tr(TITLE))
        new, delete = (
            QShortcut(k, self) for k in (QKeySequence.StandardKey.New, Qt.Key.Key_Delete)
        )
        new.activated.connect(lambda: self.current().new_entry())
        delete.activated.connect(lambda: self.current().delete_entry())
        app.changes.changed.connect(self._changed)
        self.resize(1180, 640)

    def current(self) -> CatalogueTab:
        page = self.tabs.currentWidget()
        assert isinstance(page, CatalogueTab)
        return page

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWS):
            for page in self.pages.values():
                page.reload()

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.app.changes.changed.disconnect(self._changed)
        super().done(result)


def open_catalogues(app: AppContext, parent: QWidget | None = None) -> CataloguesWindow:
    window = CataloguesWindow(app, parent)
    window.finished.connect(window.deleteLater)
    window.open()
    return window
