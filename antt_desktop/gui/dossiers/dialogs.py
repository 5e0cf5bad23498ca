"""Dialogs that write a dossier's records: open a dossier (choosing the person by search),
write or correct an assessment, and record a commitment, support, a violation or the close.

Every one writes through its service in one transaction, shows the refused fields' problems
under the fields, and tells the views what changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from antt_desktop.domain.cccd import CardData
from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import (
    SAVE,
    debounced,
    label_fields,
    mnemonic_of,
    widget_value,
)
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.forms.ui_assessment_dialog import Ui_AssessmentDialog
from antt_desktop.gui.forms.ui_dossier_open import Ui_DossierOpen
from antt_desktop.gui.people.cccd_lookup import CardLookup
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.formatting import fmt_date, fmt_period
from antt_desktop.i18n.texts.dossiers import (
    CLOSE_REASONS,
    DUE_STATUSES,
    SUPPORT_KINDS,
    VIOLATION_KINDS,
)
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogue_rows, dossier_records, dossier_rows, dossiers, search
from antt_desktop.services.cccd_rows import CardHolder
from antt_desktop.services.context import Ctx
from antt_desktop.services.dossier_rows import PeriodRow

OPEN_TITLE = N_("Open a management dossier")
OPEN_HINT = N_(
    "Type part of the name or ID number to find the person, then choose them in the list."
)
CHOSEN = N_("Chosen: {name}")
NOBODY = N_("No person chosen yet.")
BLANK_END = N_("blank: the category's usual duration")
COMMITMENT_TITLE = N_("Record a commitment")
SUPPORT_TITLE = N_("Record support given")
VIOLATION_TITLE = N_("Record a violation")
CLOSE_TITLE = N_("Close the dossier")
ASSESS_TITLE = N_("Write an assessment")
CORRECT_TITLE = N_("Correct an assessment")
HISTORY = N_("Earlier versions (kept, superseded)")
WAITING = N_("Periods still waiting for an assessment: {periods}")
FLAGS = ("has_stable_work", "complied", "reported_on_time")
#: Where a period box item keeps the period's key (``2026-09``) beside its words.
PERIOD_KEY = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150


def officer_name(app: AppContext) -> str:
    """The full name of the officer at the keyboard (their account name if unknown)."""
    with app.read() as ctx:
        return dossier_rows.author_name(ctx)


def today_text(app: AppContext) -> str:
    return fmt_date(app.today(), app.tr)


def fill_combo(combo: QComboBox, items: Mapping[str, str], blank: bool = True) -> None:
    combo.clear()
    if blank:
        combo.addItem("", None)
    for code, text in items.items():
        combo.addItem(text, code)


class OpenDossierDialog(RecordDialog):
    """Open a dossier: find the person by search, choose the category, date and basis."""

    saved = Signal(str)
    FIELDS = (
        "category_code",
        "opened_on",
        "officer_name",
        "helper_name",
        "classification",
        "risk_notes",
        "legal_doc_number",
        "legal_doc_date",
        "legal_issuer",
        "legal_summary",
        "planned_end",
    )

    def __init__(
        self, app: AppContext, person_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, parent)
        self.person_id = person_id
        self.ui = Ui_DossierOpen()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setObjectName("open_dossier_dialog")
        self.widgets: dict[str, QWidget] = {f: getattr(self.ui, f) for f in self.FIELDS}
        self.use_buttons(
            self.ui.buttons,
            self.ui.general_problem,
            self.ui.person_form,
            self.ui.dossier_form,
            self.ui.legal_form,
        )
        self._search_timer = debounced(self, self._search, SEARCH_DELAY_MS)
        self.ui.person_search.textEdited.connect(lambda _t: self._search_timer.start())
        self.ui.person_results.currentItemChanged.connect(self._chosen)
        # a citizen ID card scanned into the person search chooses its holder, or offers
        # to add them (the person form, filled from the card)
        self.card_lookup = CardLookup(app, self, self._choose_holder, self._add_from_card)
        self.card_lookup.watch(self.ui.person_search)
        self.person_editor: PersonEditor | None = None
        with app.read() as ctx:
            self._categories = {c.code: c for c in dossier_rows.dossier_categories(ctx)}
            retired = catalogue_rows.retired_codes(ctx, "dossier_category")  # not opened anew
            self._person_name = dossier_rows.person_name(ctx, person_id) if person_id else ""
        fill_combo(
            self.ui.category_code,
            {
                code: c.name(app.tr.lang)
                for code, c in self._categories.items()
                if code not in retired
            },
        )
        fill_combo(self.ui.classification, {c: c for c in dossiers.CLASSES})
        short = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.ui.category_code.setSizeAdjustPolicy(short)  # the long names would widen it
        self.ui.category_code.setMinimumContentsLength(24)
        self.ui.category_code.currentIndexChanged.connect(self._category_changed)
        self.ui.opened_on.setText(today_text(app))
        self.ui.officer_name.setText(officer_name(app))
        self._category_changed()
        self.watch("person_id", self.ui.person_results, self.ui.person_box)
        for name, widget in self.widgets.items():
            self.watch(name, widget)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.tr_
        self.setWindowTitle(tr(OPEN_TITLE))
        self.retranslate_buttons()
        labels = {"person_id": self.ui.person_id_label}
        labels |= {f: getattr(self.ui, f"{f}_label") for f in self.FIELDS}
        label_fields(tr, labels, extra=mnemonic_of(tr(SAVE)))
        self.ui.hint_label.setText(tr(OPEN_HINT))
        self.ui.planned_end.setPlaceholderText(tr(BLANK_END))
        self._show_person()

    def _show_person(self) -> None:
        tr = self.tr_
        text = tr(CHOSEN).format(name=self._person_name) if self.person_id else tr(NOBODY)
        self.ui.person_chosen.setText(text)

    def _search(self) -> None:
        self._search_timer.stop()
        text = self.ui.person_search.text()
        with self.app.read() as ctx:
            hits = search.search(ctx, text, limit=30, kind="person") if text else []
        self.ui.person_results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.name} — {hit.detail}" if hit.detail else hit.name)
            item.setData(Qt.ItemDataRole.UserRole, (hit.id, hit.name))
            self.ui.person_results.addItem(item)

    def _chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        self.person_id, self._person_name = item.data(Qt.ItemDataRole.UserRole)
        self._show_person()
        self.touch("person_id")

    def choose_person(self, person_id: str, name: str) -> None:
        """Make ``person_id`` the dossier's person, shown alone in the results list."""
        self.ui.person_results.clear()
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, (person_id, name))
        self.ui.person_results.addItem(item)
        self.ui.person_results.setCurrentItem(item)  # _chosen does the rest

    def _choose_holder(self, holder: CardHolder) -> None:
        self.ui.person_search.clear()
        self.choose_person(holder.person_id, holder.full_name)

    def _add_from_card(self, card: CardData) -> PersonEditor:
        editor = PersonEditor(self.app, None, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.fill_from_card(card.person_values())
        editor.saved.connect(lambda pid: self.choose_person(pid, card.full_name))
        self.person_editor = editor
        editor.open()
        return editor

    def _category_changed(self) -> None:
        cat = self._categories.get(self.ui.category_code.currentData() or "")
        uses = bool(cat and cat.uses_classification)
        self.ui.classification.setEnabled(uses)
        if not uses:
            self.ui.classification.setCurrentIndex(0)

    def typed(self) -> dossiers.DossierInput:
        values = {f: widget_value(w) for f, w in self.widgets.items()}
        return dossiers.DossierInput(person_id=self.person_id, **values)

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return dossiers.check_open_dossier(ctx, self.typed())

    def write(self, ctx: Ctx) -> Any:
        return dossiers.open_dossier(ctx, self.typed())

    def save(self) -> bool:
        if not super().save():
            return False
        self.saved.emit(self.result_record.id)
        return True


# --- the smaller records: plain forms of a few fields ------------------------------------


def line_field(text: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setText(text)
    return edit


def text_field() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(110)
    return edit


def choice_field(app: AppContext, labels: Mapping[str, str]) -> QComboBox:
    combo = QComboBox()
    fill_combo(combo, {k: app.tr(v) for k, v in labels.items()})
    return combo


class RecordFormDialog(RecordDialog):
    """A record of a dossier typed in a plain form (``fields``: ``(field, widget)`` pairs);
    subclasses say what the typed values make with :meth:`check` and :meth:`write`."""

    def __init__(
        self,
        app: AppContext,
        title: str,
        fields: list[tuple[str, QWidget]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.lay_out(app.tr(title), fields)
        self.setMinimumWidth(560)

    def values(self) -> dict[str, Any]:
        return {field: widget_value(w) for field, w in self.widgets.items()}


class CommitmentDialog(RecordFormDialog):
    """Record a commitment the person signed (bản cam kết)."""

    def __init__(self, app: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        self.dossier_id = dossier_id
        fields: list[tuple[str, QWidget]] = [
            ("signed_on", line_field(today_text(app))),
            ("form_code", line_field()),
            ("text", text_field()),
            ("witnesses", line_field()),
        ]
        super().__init__(app, COMMITMENT_TITLE, fields, parent)

    def typed(self) -> dossier_records.CommitmentInput:
        return dossier_records.CommitmentInput(dossier_id=self.dossier_id, **self.values())

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return dossier_records.check_add_commitment(ctx, self.typed())

    def write(self, ctx: Ctx) -> Any:
        return dossier_records.add_commitment(ctx, self.typed())


class SupportDialog(RecordFormDialog):
    """Record support given to the person (giúp đỡ)."""

    def __init__(self, app: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        self.dossier_id = dossier_id
        fields: list[tuple[str, QWidget]] = [
            ("given_on", line_field(today_text(app))),
            ("kind", choice_field(app, SUPPORT_KINDS)),
            ("amount_vnd", line_field()),
            ("provider", line_field()),
            ("outcome", text_field()),
        ]
        super().__init__(app, SUPPORT_TITLE, fields, parent)

    def typed(self) -> dossier_records.SupportInput:
        return dossier_records.SupportInput(dossier_id=self.dossier_id, **self.values())

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return dossier_records.check_add_support(ctx, self.typed())

    def write(self, ctx: Ctx) -> Any:
        return dossier_records.add_support(ctx, self.typed())


class ViolationDialog(RecordFormDialog):
    """Record a violation or re-offence of the person (vi phạm, tái phạm)."""

    def __init__(
        self, app: AppContext, dossier_id: str, person_id: str, parent: QWidget | None = None
    ) -> None:
        self.dossier_id, self.person_id = dossier_id, person_id
        fields: list[tuple[str, QWidget]] = [
            ("occurred_on", line_field(today_text(app))),
            ("kind", choice_field(app, VIOLATION_KINDS)),
            ("description", text_field()),
            ("decision_ref", line_field()),
            ("is_reoffence", QCheckBox()),
            ("dangerous", QCheckBox()),
        ]
        super().__init__(app, VIOLATION_TITLE, fields, parent)

    def typed(self) -> dossier_records.ViolationInput:
        return dossier_records.ViolationInput(
            person_id=self.person_id, dossier_id=self.dossier_id, **self.values()
        )

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return dossier_records.check_add_violation(ctx, self.typed())

    def write(self, ctx: Ctx) -> Any:
        return dossier_records.add_violation(ctx, self.typed())


class CloseDialog(RecordFormDialog):
    """Close the dossier (kết thúc hồ sơ): the date, the reason and a note."""

    def __init__(self, app: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        self.dossier_id = dossier_id
        fields: list[tuple[str, QWidget]] = [
            ("closed_on", line_field(today_text(app))),
            ("close_reason", choice_field(app, CLOSE_REASONS)),
            ("close_note", text_field()),
        ]
        super().__init__(app, CLOSE_TITLE, fields, parent)

    def check(self) -> list[Problem]:
        v = self.values()
        with self.app.read() as ctx:
            return dossiers.check_close_dossier(
                ctx, self.dossier_id, v["closed_on"], v["close_reason"], v["close_note"]
            )

    def write(self, ctx: Ctx) -> Any:
        v = self.values()
        return dossiers.close_dossier(
            ctx, self.dossier_id, v["closed_on"], v["close_reason"], v["close_note"]
        )


def commitment_dialog(
    app: AppContext, dossier_id: str, parent: QWidget | None = None
) -> CommitmentDialog:
    return CommitmentDialog(app, dossier_id, parent)


def support_dialog(
    app: AppContext, dossier_id: str, parent: QWidget | None = None
) -> SupportDialog:
    return SupportDialog(app, dossier_id, parent)


def violation_dialog(
    app: AppContext, dossier_id: str, person_id: str, parent: QWidget | None = None
) -> ViolationDialog:
    return ViolationDialog(app, dossier_id, person_id, parent)


def close_dialog(app: AppContext, dossier_id: str, parent: QWidget | None = None) -> CloseDialog:
    return CloseDialog(app, dossier_id, parent)


def first_open_period(entries: Sequence[PeriodRow]) -> str | None:
    """The first period of a timeline still needing its assessment (due or overdue first)."""
    for wanted in (("overdue", "due"), ("upcoming",)):
        for entry in entries:
            if entry.status in wanted and entry.current is None:
                return entry.period.label()
    return None


class AssessmentDialog(RecordDialog):
    """Write the assessment of a period, or correct one (``replacing``: its id) — the
    correction supersedes it; the old version stays in the history."""

    saved = Signal(str)
    FIELDS = (
        "period",
        "written_on",
        "author",
        "rating",
        "has_stable_work",
        "complied",
        "reported_on_time",
        "content",
        "next_steps",
    )

    def __init__(
        self,
        app: AppContext,
        dossier_id: str,
        replacing: str | None = None,
        *,
        period: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.dossier_id = dossier_id
        self.replacing = replacing
        self._period = period
        self.ui = Ui_AssessmentDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setObjectName("assessment_dialog")
        self.widgets: dict[str, QWidget] = {f: getattr(self.ui, f) for f in self.FIELDS}
        self.use_buttons(
            self.ui.buttons, self.ui.general_problem, self.ui.period_form, self.ui.text_form
        )
        self._load()
        self._snapshot = self.values()
        for name, widget in self.widgets.items():
            self.watch(name, widget)
        self.ui.period.editTextChanged.connect(lambda _t: self.touch("period"))
        self.retranslate()

    def _load(self) -> None:
        with self.app.read() as ctx:
            form = dossier_rows.assessment_form(ctx, self.dossier_id, self.replacing)
            self.guard(ctx, "assessment", self.replacing)
        self._entries, old, cat = form.timeline, form.replacing, form.category
        self._subject = (form.person_name, cat.name(self.tr_.lang))
        for entry in self._entries:
            if entry.current is None and entry.status != "done":
                self._add_period(entry.period.label(), entry.status)
        fill_combo(self.ui.rating, {r: r for r in cat.ratings})
        yes, no = self.tr_("yes").capitalize(), self.tr_("no").capitalize()
        for flag in FLAGS:
            combo = self.widgets[flag]
            assert isinstance(combo, QComboBox)
            combo.addItem("", None)
            combo.addItem(yes, True)
            combo.addItem(no, False)
        self.ui.written_on.setText(today_text(self.app))
        self.ui.author.setText(officer_name(self.app))
        self.ui.history_box.setVisible(old is not None)
        if old is None:
            self._choose_period(self._period or first_open_period(self._entries) or "")
            return
        self._choose_period(old.period, "done")
        self.ui.rating.setCurrentIndex(max(0, self.ui.rating.findData(old.rating)))
        self.ui.content.setPlainText(old.content)
        self.ui.next_steps.setPlainText(old.next_steps or "")
        for flag in FLAGS:
            combo = self.widgets[flag]
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex({None: 0, True: 1, False: 2}[getattr(old, flag)])
        found = next((e for e in self._entries if e.current and e.current.id == old.id), None)
        versions = [*(found.history if found else ()), old]
        self.ui.history_text.setPlainText(
            "\n\n".join(
                f"{fmt_date(a.written_on, self.tr_)} — {a.author} — {a.rating or ''}\n{a.content}"
                for a in reversed(versions)
            )
        )

    def _period_text(self, key: str) -> str:
        """``Tháng 09/2026`` for the key ``2026-09``, as every other screen writes it."""
        try:
            return fmt_period(Period.parse(key), self.tr_)
        except ValidationFailed:
            return key

    def _add_period(self, key: str, status: str, row: int | None = None) -> None:
        """List a period in words, keeping its key (what the service takes) and its status."""
        at = self.ui.period.count() if row is None else row
        self.ui.period.insertItem(at, self._period_text(key), status)
        self.ui.period.setItemData(at, key, PERIOD_KEY)

    def _choose_period(self, key: str, status: str = "upcoming") -> None:
        """Select the period ``key`` in the period box (added to it when it is not listed)."""
        index = self.ui.period.findData(key, PERIOD_KEY)
        if index < 0 and key:
            self._add_period(key, status, 0)
            index = 0
        self.ui.period.setCurrentIndex(index)

    def _period_value(self) -> str:
        """The chosen period's key, or what the officer typed (the service names a wrong one)."""
        box = self.ui.period
        index = box.currentIndex()
        if index >= 0 and box.currentText() == box.itemText(index):
            return str(box.itemData(index, PERIOD_KEY))
        return box.currentText()

    def retranslate(self) -> None:
        tr = self.tr_
        self.setWindowTitle(tr(CORRECT_TITLE if self.replacing else ASSESS_TITLE))
        self.retranslate_buttons()
        labels = {f: getattr(self.ui, f"{f}_label") for f in self.FIELDS}
        label_fields(tr, labels, extra=mnemonic_of(tr(SAVE)))
        name, category = self._subject
        self.ui.subject_label.setText(f"{name} — {category}")
        self.ui.history_box.setTitle(tr(HISTORY))
        waiting = [
            f"{fmt_period(e.period, tr, in_sentence=True)} ({tr(DUE_STATUSES[e.status]).lower()})"
            for e in self._entries
            if e.current is None and e.status != "done"
        ]
        self.ui.hint_label.setText(tr(WAITING).format(periods=", ".join(waiting) or "—"))
        for i in range(self.ui.period.count()):
            status = self.ui.period.itemData(i)
            self.ui.period.setItemData(i, tr(DUE_STATUSES[status]), Qt.ItemDataRole.ToolTipRole)

    def values(self) -> dict[str, Any]:
        found = {f: widget_value(w) for f, w in self.widgets.items()}
        return {**found, "period": self._period_value()} if "period" in found else found

    def _changes(self) -> dict[str, Any]:
        """What a correction changes: the fields whose value differs from the old version."""
        return {k: v for k, v in self.values().items() if v != self._snapshot[k]}

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            if self.replacing:
                return dossier_records.check_correct_assessment(
                    ctx, self.replacing, self._changes()
                )
            data = dossier_records.AssessmentInput(dossier_id=self.dossier_id, **self.values())
            return dossier_records.check_assess(ctx, data)

    def write(self, ctx: Ctx) -> Any:
        if self.replacing:
            return dossier_records.correct_assessment(ctx, self.replacing, self._changes())
        data = dossier_records.AssessmentInput(dossier_id=self.dossier_id, **self.values())
        return dossier_records.assess(ctx, data)

    def save(self) -> bool:
        if not super().save():
            return False
        self.saved.emit(self.result_record.id)
        return True
