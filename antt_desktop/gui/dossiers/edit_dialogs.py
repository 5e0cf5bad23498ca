"""Editors of the dossier itself, from its window: its fields and its A–D class."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QWidget,
)

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.dialogs import (
    BLANK_END,
    RecordFormDialog,
    fill_combo,
    line_field,
    text_field,
)
from antt_desktop.i18n.translator import N_
from antt_desktop.services import accounts, dossier_rows, dossiers
from antt_desktop.services.context import Ctx
from antt_desktop.services.dossier_rows import DossierPage

EDIT_TITLE = N_("Edit the dossier: {name}")
CLASSIFY_TITLE = N_("Classify: {name}")
OFFICER_HINT = N_("choose from the post's officers, or type a name")


def _day(day: Any) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def officer_combo(app: AppContext, current: str | None) -> QComboBox:
    """An editable list of the post's officers by full name (a name typed is kept too)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    with app.read() as ctx:
        names = [o.full_name for o in accounts.officers(ctx)]
    for name in names:
        combo.addItem(name)
    if current and current not in names:
        combo.addItem(current)
    combo.setCurrentText(current or "")
    line = combo.lineEdit()
    assert line is not None
    line.setPlaceholderText(app.tr(OFFICER_HINT))
    return combo


class EditDossierDialog(RecordFormDialog):
    """Change a dossier (sửa hồ sơ): its category and opening date (until the first
    assessment), the legal basis, the officer in charge, the helper, the planned end and the
    risk notes; only what the officer changed is sent to the service."""

    def __init__(self, app: AppContext, page: DossierPage, parent: QWidget | None = None) -> None:
        self.dossier_id = page.id
        with app.read() as ctx:
            categories = dossier_rows.dossier_categories(ctx)
        category = QComboBox()
        fill_combo(category, {c.code: c.name(app.tr.lang) for c in categories}, blank=False)
        category.setCurrentIndex(max(0, category.findData(page.category_code)))
        short = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        category.setSizeAdjustPolicy(short)
        category.setMinimumContentsLength(24)
        legal_summary, risk_notes = text_field(), text_field()
        legal_summary.setPlainText(page.legal_summary or "")
        risk_notes.setPlainText(page.risk_notes or "")
        risk_notes.setEnabled("risk_notes" not in page.withheld)  # withheld: not theirs to change
        planned_end = line_field(_day(page.planned_end))
        planned_end.setPlaceholderText(app.tr(BLANK_END))
        fields: list[tuple[str, QWidget]] = [
            ("category_code", category),
            ("opened_on", line_field(_day(page.opened_on))),
            ("officer_name", officer_combo(app, page.officer_name)),
            ("helper_name", line_field(page.helper_name or "")),
            ("legal_doc_number", line_field(page.legal_doc_number or "")),
            ("legal_doc_date", line_field(_day(page.legal_doc_date))),
            ("legal_issuer", line_field(page.legal_issuer or "")),
            ("legal_summary", legal_summary),
            ("planned_end", planned_end),
            ("risk_notes", risk_notes),
        ]
        super().__init__(app, app.tr(EDIT_TITLE).format(name=page.full_name), fields, parent)
        self.setObjectName("edit_dossier_dialog")
        self._original = self.values()
        with app.read() as ctx:
            self.guard(ctx, "dossier", self.dossier_id)

    def changes(self) -> dict[str, Any]:
        """The fields the officer changed (a withheld field is never among them)."""
        return {k: v for k, v in self.values().items() if v != self._original[k]}

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return dossiers.check_edit_dossier(ctx, self.dossier_id, self.changes())

    def write(self, ctx: Ctx) -> Any:
        return dossiers.edit_dossier(ctx, self.dossier_id, self.changes())


class ClassifyDialog(RecordFormDialog):
    """Classify a released person A/B/C/D (phân loại), with the reason kept in the audit log."""

    def __init__(self, app: AppContext, page: DossierPage, parent: QWidget | None = None) -> None:
        self.dossier_id = page.id
        choice = QComboBox()
        fill_combo(choice, {c: c for c in dossiers.CLASSES})  # blank clears it
        choice.setCurrentIndex(max(0, choice.findData(page.classification)))
        fields: list[tuple[str, QWidget]] = [
            ("classification", choice),
            ("classification_note", text_field()),
        ]
        super().__init__(app, app.tr(CLASSIFY_TITLE).format(name=page.full_name), fields, parent)
        self.setObjectName("classify_dialog")
        with app.read() as ctx:
            self.guard(ctx, "dossier", self.dossier_id)

    def check(self) -> list[Problem]:
        v = self.values()
        with self.app.read() as ctx:
            return dossiers.check_set_classification(
                ctx, self.dossier_id, v["classification"], v["classification_note"]
            )

    def write(self, ctx: Ctx) -> Any:
        v = self.values()
        return dossiers.set_classification(
            ctx, self.dossier_id, v["classification"], v["classification_note"]
        )
