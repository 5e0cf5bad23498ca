"""One dossier (hồ sơ đối tượng) in its own window: identity, the assessment booklet with
its due periods and corrections, commitments, support, violations and the audit history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.enums import DossierStatus
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import WARNING_COLOUR
from antt_desktop.gui.dossiers import dialogs, edit_dialogs
from antt_desktop.gui.dossiers.model import colour_of
from antt_desktop.gui.people.correction_history import CorrectionTable
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.people.photo_panel import PhotoPanel
from antt_desktop.gui.printing import jobs as print_jobs
from antt_desktop.gui.printing.launch import PrintLauncher
from antt_desktop.i18n.formatting import fmt_date, fmt_money, fmt_period
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.catalogue_edits import TO_CHECK_BADGE
from antt_desktop.i18n.texts.dossiers import (
    CLOSE_REASONS,
    DOSSIER_STATUSES,
    DUE_STATUSES,
    SUPPORT_KINDS,
    VIOLATION_KINDS,
)
from antt_desktop.i18n.texts.privacy import WITHHELD_VALUE as HIDDEN
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services.audit_events import record_view
from antt_desktop.services.changes import Changes, Kind
from antt_desktop.services.disclosure import VIOLATION_WITHHELD
from antt_desktop.services.dossier_rows import (
    AssessmentRow,
    DossierPage,
    PeriodRow,
    ViolationRow,
    dossier_page,
)

GREY = QColor("#6b6b6b")
TABS = (
    N_("&Information"),
    N_("&Assessments"),
    N_("Co&mmitments"),
    N_("&Support"),
    N_("&Violations"),
    N_("&History"),
    N_("Correction histor&y"),
)
TITLE = N_("Dossier: {name}")
TIMELINE = (
    N_("Assessment period"),
    N_("Due on"),
    N_("State"),
    N_("Rating"),
    N_("Written on"),
    N_("Written by"),
    N_("Assessment text"),
)
SUPERSEDED = N_("Superseded")
#: two corrections of one assessment made at two units, neither chosen yet: the one not in use
NOT_CHOSEN = N_("Not chosen: the other correction")
NOT_CHOSEN_TIP = N_(
    "This assessment was corrected at two units. Choose one version under Sync, Conflicts;"
    " until then the one above is in use and printed."
)
AUDIT = (N_("When"), N_("Who"), N_("Action"), N_("Record"), N_("Fields"))
ACTIONS = {
    "create": N_("Created"),
    "edit": N_("Edited"),
    "correct": N_("Corrected (superseding)"),
    "classify": N_("Classified"),
    "close": N_("Closed the dossier"),
}
#: The kinds of records the window shows: a change to one reloads it.
SHOWS = (
    *(Kind.DOSSIER, Kind.ASSESSMENT, Kind.COMMITMENT, Kind.SUPPORT, Kind.VIOLATION),
    *(Kind.PERSON, Kind.PHOTO, Kind.CORRECTION, Kind.CATEGORY, Kind.AUDIT),
)
#: How the History tab names the kind of record an audit entry is about.
ENTITY_LABELS = {
    "dossier": N_("Dossier"),
    "assessment": N_("Assessment"),
    "commitment": N_("Commitment"),
    "support": N_("Support"),
    "violation": N_("Violation"),
}
ADD_ASSESSMENT, CORRECT = N_("Add &assessment"), N_("&Correct")
ADD_COMMITMENT, ADD_SUPPORT = N_("Add co&mmitment"), N_("Add &support")
ADD_VIOLATION, CLOSE_DOSSIER = N_("Add &violation"), N_("Close the &dossier…")
CLOSE_WINDOW = N_("Close window")
PRINT_BOOKLET = N_("&Print the assessment booklet")
PRINT_SHEET = N_("Print the personal data sh&eet")
EDIT_DOSSIER = N_("Edit the dossie&r…")
CLASSIFY = N_("C&lassify A–D…")
EDIT_PERSON = N_("Edi&t the person's details…")
INFO_FIELDS = (
    "full_name",
    "born",
    "id_number",
    "current_address",
    "category_code",
    "opened_on",
    "status",
    "planned_end",
    "legal_doc_number",
    "legal_doc_date",
    "legal_issuer",
    "legal_summary",
    "officer_name",
    "helper_name",
    "classification",
    "risk_notes",
)
RECORDS = {
    "commitments": ("signed_on", "form_code", "text", "witnesses"),
    "supports": ("given_on", "kind", "amount_vnd", "provider", "outcome"),
    "violations": ("occurred_on", "kind", "description", "decision_ref", "is_reoffence"),
}


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


class DossierView(QDialog):
    """A dossier's window; it reloads itself when its records change."""

    def __init__(self, app: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.dossier_id = dossier_id
        self.setObjectName("dossier_view")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1180, 680)
        self.summary: DossierPage | None = None
        self.timeline: tuple[PeriodRow, ...] = ()
        self.tabs = QTabWidget()
        self.info = QFormLayout()
        self.info_values: dict[str, QLabel] = {}
        self.info_labels: dict[str, QLabel] = {}
        self.photo = PhotoPanel(app)
        self.assessments = QTreeWidget()
        self.records = {name: _table(len(cols)) for name, cols in RECORDS.items()}
        self.audit = _table(len(AUDIT))
        self.corrections = CorrectionTable(app)
        self.buttons: dict[str, QPushButton] = {}
        self.printing = PrintLauncher(app, self)
        #: the fields the window shows with a value (the audit entry of the opening)
        self.shown: list[str] = []
        self._build()
        app.changes.changed.connect(self._on_changed)
        app.changes.language_changed.connect(self.retranslate)
        self.reload()
        with app.read() as ctx:  # one entry per opening, not per reload
            record_view(ctx, "dossier", dossier_id, self.shown)

    def tr_(self, message: str) -> str:
        return self.app.tr(message)

    # --- building ---------------------------------------------------------------------------
    def _button(self, key: str, slot: Any) -> QPushButton:
        button = QPushButton()
        button.setObjectName(f"{key}_button")
        button.clicked.connect(slot)
        self.buttons[key] = button
        return button

    def _tab(self, body: QWidget, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(body)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _build(self) -> None:
        info_row = QHBoxLayout()
        info_row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        info_row.addLayout(self.info, 1)
        info_body = QWidget()
        info_body.setLayout(info_row)
        info_scroll = QScrollArea()  # a long legal summary on a small screen scrolls, uncut
        info_scroll.setWidgetResizable(True)
        info_scroll.setFrameShape(QFrame.Shape.NoFrame)
        info_scroll.setWidget(info_body)
        info_page = self._tab(
            info_scroll,
            self._button("edit_dossier", self.edit_dossier),
            self._button("classify", self.classify),
            self._button("edit_person", self.edit_person),
        )
        for name in INFO_FIELDS:
            label, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"info_{name}")
            self.info_labels[name], self.info_values[name] = label, value
            self.info.addRow(label, value)
        self.assessments.setColumnCount(len(TIMELINE))
        self.assessments.setObjectName("assessment_timeline")
        self.assessments.setAlternatingRowColors(True)
        self.assessments.currentItemChanged.connect(self._enable)
        self.assessments.itemActivated.connect(self._activated)
        self.tabs.addTab(info_page, "")
        self.tabs.addTab(
            self._tab(
                self.assessments,
                self._button("assess", self.write_assessment),
                self._button("correct", self.correct_assessment),
            ),
            "",
        )
        adders = {"commitments": self.add_commitment, "supports": self.add_support}
        adders["violations"] = self.add_violation
        for name, table in self.records.items():
            self.tabs.addTab(self._tab(table, self._button(name, adders[name])), "")
        self.audit_tab = self._tab(self.audit)
        self.tabs.addTab(self.audit_tab, "")
        self.tabs.addTab(self._tab(self.corrections), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        bottom = QHBoxLayout()
        bottom.addWidget(self._button("close_dossier", self.close_dossier))
        bottom.addStretch(1)
        bottom.addWidget(self._button("print_booklet", self.print_booklet))
        bottom.addWidget(self._button("print_sheet", self.print_person_sheet))
        bottom.addWidget(self._button("close_window", self.close))
        layout.addLayout(bottom)

    # --- filling ----------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWS):
            self.reload()

    def reload(self) -> None:
        with self.app.read() as ctx:
            self.summary = dossier_page(ctx, self.dossier_id)
        self.timeline = self.summary.timeline
        # the history is the audit log's: only its readers get the tab
        self.tabs.setTabVisible(self.tabs.indexOf(self.audit_tab), self.summary.history_shown)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.app.tr
        for i, text in enumerate(TABS):
            self.tabs.setTabText(i, tr(text))
        for key, text in (
            ("assess", ADD_ASSESSMENT),
            ("correct", CORRECT),
            ("commitments", ADD_COMMITMENT),
            ("supports", ADD_SUPPORT),
            ("violations", ADD_VIOLATION),
            ("close_dossier", CLOSE_DOSSIER),
            ("close_window", CLOSE_WINDOW),
            ("print_booklet", PRINT_BOOKLET),
            ("print_sheet", PRINT_SHEET),
            ("edit_dossier", EDIT_DOSSIER),
            ("classify", CLASSIFY),
            ("edit_person", EDIT_PERSON),
        ):
            self.buttons[key].setText(tr(text))
        self.photo.retranslate()
        self.assessments.setHeaderLabels([tr(t) for t in TIMELINE])
        self.audit.setHorizontalHeaderLabels([tr(t) for t in AUDIT])
        for name, cols in RECORDS.items():
            self.records[name].setHorizontalHeaderLabels([field_label(c, tr) for c in cols])
        if self.summary is None:
            return
        self.setWindowTitle(tr(TITLE).format(name=self.summary.full_name))
        self._fill_info()
        self._fill_timeline()
        self._fill_records()
        self._fill_audit()
        self.corrections.load(self.summary.person_id)
        self._enable()

    def _fill_info(self) -> None:
        tr, d = self.app.tr, self.summary
        assert d is not None
        withheld = d.has_photo and d.photo_sha256 is None
        self.photo.show_person(d.person_id, d.photo_sha256, withheld=withheld)
        status = tr(DOSSIER_STATUSES.get(d.status, d.status))
        if d.closed_on:
            reason = tr(CLOSE_REASONS.get(d.close_reason or "", d.close_reason or ""))
            status = f"{status} ({fmt_date(d.closed_on, tr)}: {reason})"
        values = {
            "full_name": d.full_name,
            "born": d.born,
            "id_number": d.id_number,
            "current_address": d.current_address or "",
            "category_code": d.category_vi if tr.lang == "vi" else d.category_en,
            "opened_on": fmt_date(d.opened_on, tr),
            "status": status,
            "planned_end": fmt_date(d.planned_end, tr),
            "legal_doc_number": d.legal_doc_number or "",
            "legal_doc_date": fmt_date(d.legal_doc_date, tr),
            "legal_issuer": d.legal_issuer or "",
            "legal_summary": d.legal_summary or self._category_basis(d),
            "officer_name": d.officer_name or "",
            "helper_name": d.helper_name or "",
            "classification": d.classification or "",
            "risk_notes": self._withheld("risk_notes", d.risk_notes, d.withheld),
        }
        hidden = self.app.tr(HIDDEN)
        self.shown = [name for name, value in values.items() if value and value != hidden]
        self.shown += [name for name in RECORDS if getattr(d, name)]
        self.shown += ["assessments"] if self.timeline else []
        for name, value in values.items():
            label = N_("Dossier status") if name == "status" else None
            self.info_labels[name].setText(tr(label) if label else field_label(name, tr))
            self.info_values[name].setText(value or "—")

    def _fill_timeline(self) -> None:
        tr = self.app.tr
        current = self.assessments.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        self.assessments.clear()
        for entry in reversed(self.timeline):  # newest period first
            a = entry.current
            item = QTreeWidgetItem(self._cells(entry.period, entry.due_on, entry.status, a))
            item.setData(0, Qt.ItemDataRole.UserRole, entry.period.label())
            if a is not None:
                item.setToolTip(len(TIMELINE) - 1, a.content)
            colour = colour_of(entry.status)
            if colour is not None:
                item.setForeground(2, QBrush(colour))
            for old in reversed(entry.history):
                child = QTreeWidgetItem(self._cells(None, None, None, old))
                if old.id == entry.fork_id:  # awaiting a choice, not replaced
                    child.setText(2, tr(NOT_CHOSEN))
                    child.setToolTip(2, tr(NOT_CHOSEN_TIP))
                    child.setForeground(2, QBrush(QColor(WARNING_COLOUR)))
                    item.setToolTip(2, tr(NOT_CHOSEN_TIP))
                else:
                    child.setText(2, tr(SUPERSEDED))
                    for col in range(len(TIMELINE)):
                        child.setForeground(col, QBrush(GREY))
                item.addChild(child)
            self.assessments.addTopLevelItem(item)
            item.setExpanded(entry.fork_id is not None)  # the choice to make, in sight
            if keep == entry.period.label():
                self.assessments.setCurrentItem(item)
        if self.assessments.currentItem() is None:
            self._select_period(dialogs.first_open_period(self.timeline))
        header = self.assessments.header()
        for col in range(len(TIMELINE) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

    def _cells(
        self, period: Any, due_on: Any, status: str | None, a: AssessmentRow | None
    ) -> list[str]:
        tr = self.app.tr
        return [
            fmt_period(period, tr) if period else "",  # a column: Tháng 10/2026
            fmt_date(due_on, tr) if due_on else "",
            tr(DUE_STATUSES[status]) if status else "",
            (a.rating or "") if a else "",
            fmt_date(a.written_on, tr) if a else "",
            a.author if a else "",
            " ".join(a.content.split())[:200] if a else "",
        ]

    def _category_basis(self, d: DossierPage) -> str:
        """The category's legal basis, saying so when the catalogue still has it to check."""
        basis = d.legal_basis or ""
        if basis and d.legal_basis_to_check:
            basis += f" ({self.app.tr(TO_CHECK_BADGE)})"
        return basis

    def _withheld(self, name: str, value: str | None, withheld: tuple[str, ...]) -> str:
        """``value``, or "(không hiển thị)" when it is withheld from this reader."""
        return self.app.tr(HIDDEN) if name in withheld else value or ""

    def _fill_records(self) -> None:
        tr, s = self.app.tr, self.summary
        assert s is not None
        labels = {"supports": SUPPORT_KINDS, "violations": VIOLATION_KINDS}
        for name, rows in (
            ("commitments", s.commitments),
            ("supports", s.supports),
            ("violations", s.violations),
        ):
            table = self.records[name]
            table.setRowCount(len(rows))
            for r, record in enumerate(rows):
                for c, col in enumerate(RECORDS[name]):
                    value = getattr(record, col)
                    if isinstance(record, ViolationRow) and col in VIOLATION_WITHHELD:
                        value = self._withheld(col, value, record.withheld)
                    elif col == "kind":
                        value = tr(labels[name].get(value, value))
                    elif col == "amount_vnd":
                        value = fmt_money(value, tr) if value is not None else ""
                    elif isinstance(value, bool):
                        value = tr("yes") if value else tr("no")
                    elif hasattr(value, "strftime"):
                        value = fmt_date(value, tr)
                    table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
            table.resizeColumnsToContents()

    def _fill_audit(self) -> None:
        tr = self.app.tr
        assert self.summary is not None
        rows = self.summary.history
        self.audit.setRowCount(len(rows))
        for r, e in enumerate(rows):
            cells = [
                e.at.strftime("%d/%m/%Y %H:%M"),
                e.actor,
                tr(ACTIONS[e.action]) if e.action in ACTIONS else e.action,
                tr(ENTITY_LABELS[e.entity]) if e.entity in ENTITY_LABELS else (e.entity or ""),
                ", ".join(label for f in e.fields if (label := field_label(f, tr)) != f),
            ]
            for c, text in enumerate(cells):
                self.audit.setItem(r, c, QTableWidgetItem(text))
        self.audit.resizeColumnsToContents()

    def _select_period(self, label: str | None) -> None:
        """Make ``label``'s row current (the newest period when None or not listed)."""
        tree = self.assessments
        rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        chosen = next((r for r in rows if r and r.data(0, Qt.ItemDataRole.UserRole) == label), None)
        chosen = chosen or (rows[0] if rows else None)
        if chosen is not None:
            tree.setCurrentItem(chosen)

    # --- actions ------------------------------------------------------------------------------
    def _selected(self) -> PeriodRow | None:
        item = self.assessments.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        label = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return next((e for e in self.timeline if e.period.label() == label), None)

    def _enable(self, *_args: object) -> None:
        is_open = self.summary is not None and self.summary.status == DossierStatus.OPEN
        entry = self._selected()
        writer = self.app.may(Permission.WRITE)  # greyed out for roles that may not (the
        self.buttons["assess"].setEnabled(is_open and writer)  # services refuse them too)
        current = entry is not None and entry.current is not None
        self.buttons["correct"].setEnabled(current and writer)
        closed = self.summary is not None and self.summary.closed_on is not None
        closer = self.app.may(Permission.CLOSE_DOSSIER)
        self.buttons["close_dossier"].setEnabled(not closed and closer)
        # changing the dossier or the person: hidden from roles that may only read
        for key in ("edit_dossier", "classify", "edit_person"):
            self.buttons[key].setVisible(writer)
        classifies = self.summary is not None and self.summary.uses_classification
        self.buttons["classify"].setVisible(writer and classifies)
        self.buttons["classify"].setEnabled(not closed)

    def _run(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _activated(self, *_args: object) -> None:
        """Enter or double-click on a period: correct its assessment, or write it."""
        entry = self._selected()
        if entry is not None and entry.current is not None:
            self.correct_assessment()
        elif self.buttons["assess"].isEnabled():
            self.write_assessment()

    def write_assessment(self) -> QDialog:
        """A new assessment, for the chosen period when it still needs one."""
        entry = self._selected()
        period = entry.period.label() if entry and entry.current is None else None
        dialog = dialogs.AssessmentDialog(self.app, self.dossier_id, period=period, parent=self)
        return self._run(dialog)

    def correct_assessment(self) -> QDialog:
        entry = self._selected()
        replacing = entry.current.id if entry and entry.current else None
        dialog = dialogs.AssessmentDialog(self.app, self.dossier_id, replacing, parent=self)
        return self._run(dialog)

    def add_commitment(self) -> QDialog:
        return self._run(dialogs.commitment_dialog(self.app, self.dossier_id, self))

    def add_support(self) -> QDialog:
        return self._run(dialogs.support_dialog(self.app, self.dossier_id, self))

    def add_violation(self) -> QDialog:
        assert self.summary is not None
        person_id = self.summary.person_id
        return self._run(dialogs.violation_dialog(self.app, self.dossier_id, person_id, self))

    def edit_dossier(self) -> QDialog:
        """Category, dates, legal basis, officer, helper and notes, in an editor."""
        assert self.summary is not None
        return self._run(edit_dialogs.EditDossierDialog(self.app, self.summary, self))

    def classify(self) -> QDialog:
        """The A–D classification of a released person, with its reason."""
        assert self.summary is not None
        return self._run(edit_dialogs.ClassifyDialog(self.app, self.summary, self))

    def edit_person(self) -> QDialog:
        """The person's own record, in the resident editor."""
        assert self.summary is not None
        return self._run(PersonEditor(self.app, self.summary.person_id, self))

    def print_booklet(self) -> None:
        """The assessment booklet, made in the background, in the print preview."""
        self.printing.preview(lambda: print_jobs.booklet_job(self.app, self.dossier_id))

    def print_person_sheet(self) -> None:
        """Everything held about the person (phiếu thông tin cá nhân), in the preview."""
        assert self.summary is not None
        person_id = self.summary.person_id
        self.printing.preview(lambda: print_jobs.person_sheet_job(self.app, person_id))

    def close_dossier(self) -> QDialog:
        return self._run(dialogs.close_dialog(self.app, self.dossier_id, self))
