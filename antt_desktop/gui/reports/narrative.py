"""Nội dung báo cáo: the chief types the written parts of the period's report — I. Tình hình,
II. Kết quả (before the figures, which the report adds by itself), III. Tồn tại, hạn chế,
IV. Phương hướng, V. Kiến nghị, đề xuất — one tab and one editor each.

A :class:`RecordDialog`: each problem under its editor (and "(!)" on its tab), Ctrl+S,
"Lưu thay đổi?" on Esc, the texts kept as a draft every few seconds and named in the
question before the program closes. Saved by ``services.report_narratives``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import Problem
from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.i18n.formatting import fmt_period
from antt_desktop.i18n.texts.report_narratives import FIELDS
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.words import numeral
from antt_desktop.services import report_narratives
from antt_desktop.services.context import Ctx
from antt_desktop.services.report_narratives import SECTIONS, NarrativeInput

TITLE = N_("Report texts")
#: What each tab tells the chief to write.
HINTS = {
    "situation": N_(
        "The situation of security and order in the commune during the period: politics,"
        " crime, social order, notable events."
    ),
    "results": N_(
        "An introduction to the results. The figures of the period (managed persons,"
        " assessments, pledges, initiatives…) are added after this text by the report itself."
    ),
    "shortcomings": N_("What was not done well, and why."),
    "direction": N_("The main tasks for the next period."),
    "recommendations": N_("What the unit asks of the upper unit and the local authorities."),
}
EMPTY_NOTE = N_("A part left empty is printed as dotted lines, to be written by hand.")


class NarrativeDialog(RecordDialog):
    """The written parts of this post's report for ``period`` (``2026-Q3``)."""

    def __init__(self, app: AppContext, period: str, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.setObjectName("narrativeDialog")
        self.period = Period.parse(period)
        with app.read() as ctx:
            saved = report_narratives.narrative(ctx, self.period)
            self.guard(ctx, "report_narrative", report_narratives.narrative_id(ctx, self.period))
            self.unit_name = ctx.local_unit().name
        self.subject = QLabel()
        self.subject.setObjectName("narrativeSubject")
        self.subject.setWordWrap(True)
        font = self.subject.font()
        font.setBold(True)
        self.subject.setFont(font)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("narrativeTabs")
        self.editors: dict[str, QPlainTextEdit] = {}
        self.hints: dict[str, QLabel] = {}
        forms: list[QFormLayout] = []
        for key in SECTIONS:
            page = QWidget()
            column = QVBoxLayout(page)
            form = QFormLayout()  # the editor and its problem line under it
            form.setContentsMargins(0, 0, 0, 0)
            hint = QLabel()
            hint.setWordWrap(True)
            hint.setObjectName(f"hint_{key}")
            editor = QPlainTextEdit()
            editor.setObjectName(f"edit_{key}")
            editor.setTabChangesFocus(True)  # Tab leaves the editor, as in every form
            editor.setPlainText(saved.text(key) or "")
            hint.setBuddy(editor)
            column.addWidget(hint)
            form.addRow(editor)
            column.addLayout(form, 1)  # the editor takes the tab's height
            self.tabs.addTab(page, "")
            self.editors[key], self.hints[key] = editor, hint
            forms.append(form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #52606d;")
        general = QLabel()
        general.setObjectName("general_problem")
        general.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addWidget(general)
        layout.addWidget(self.buttons)
        self.use_buttons(self.buttons, general, *forms)
        for key, editor in self.editors.items():
            self.watch(key, editor)
        self.retranslate()
        self._fit_screen()

    def _fit_screen(self) -> None:
        """As large as a report's texts want, never larger than the screen (1024×600)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(860, room.width() - 40), min(600, room.height() - 60))

    def retranslate(self) -> None:
        t = self.tr_
        period = fmt_period(self.period, self.app.tr)
        self.setWindowTitle(f"{t(TITLE)} — {period}")
        self.subject.setText(f"{self.unit_name} — {period}")
        self.note.setText(t(EMPTY_NOTE))
        for key in SECTIONS:
            self.hints[key].setText(t(HINTS[key]))
        self._tab_titles()
        self.retranslate_buttons()

    def _tab_titles(self) -> None:
        wrong = {p.field for p in self.shown}
        for i, key in enumerate(SECTIONS):
            mark = " (!)" if key in wrong else ""
            self.tabs.setTabText(i, f"{numeral(i)}. {self.tr_(FIELDS[key])}{mark}")

    def record_label(self) -> str:
        return self.unit_name

    def show_problems(self, problems: Any) -> None:
        super().show_problems(problems)
        self._tab_titles()
        wrong = [i for i, key in enumerate(SECTIONS) if key in {p.field for p in self.shown}]
        if wrong and self.tabs.currentIndex() not in wrong and self._saving:
            self.tabs.setCurrentIndex(wrong[0])  # Save refused: show the first problem

    _saving = False

    def save(self) -> bool:
        self._saving = True
        try:
            return super().save()
        finally:
            self._saving = False

    def values(self) -> NarrativeInput:
        return NarrativeInput(**{k: e.toPlainText() for k, e in self.editors.items()})

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return report_narratives.check_save_narrative(ctx, self.period, self.values())

    def write(self, ctx: Ctx) -> Any:
        return report_narratives.save_narrative(ctx, self.period, self.values())
