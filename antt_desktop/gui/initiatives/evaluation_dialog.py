"""Scoring an initiative against a rubric (chấm điểm): a spin box per criterion, the running
total ("98/110") and whether it meets the pass mark, updated as the officer types."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import DATE_HINT, named
from antt_desktop.gui.forms.ui_evaluation_dialog import Ui_EvaluationDialog
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogue_rows, evaluations, initiative_rows
from antt_desktop.services.context import Ctx
from antt_desktop.services.initiative_rows import CriterionRow, RubricRow

PASS_STYLE = "color: #1b5e20; font-weight: bold;"
FAIL_STYLE = "color: #b3261e; font-weight: bold;"


class EvaluationDialog(RecordDialog):
    """Score ``initiative_id`` on the chosen rubric and record the recognition decision."""

    def __init__(self, app: AppContext, initiative_id: str, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.initiative_id = initiative_id
        self.ui = ui = Ui_EvaluationDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout, ui.decisionForm)
        with app.read() as ctx:
            self.initiative_name = initiative_rows.initiative_name(ctx, initiative_id)
            retired = catalogue_rows.retired_codes(ctx, "rubric")  # scores no new evaluation
            self.rubrics: dict[str, RubricRow] = {
                r.code: r for r in initiative_rows.rubrics(ctx) if r.code not in retired
            }
        english = app.tr.lang == "en"
        for code, rubric in self.rubrics.items():
            ui.rubricCombo.addItem(rubric.name(english), code)
        self.spins: dict[str, QSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        ui.evaluatedOnEdit.setText(fmt_date(app.today(), app.tr))
        ui.totalLabel.setObjectName("totalLabel")
        ui.totalLabel.setStyleSheet("font-size: 14pt; font-weight: bold;")
        ui.rubricCombo.currentIndexChanged.connect(self._rubric_changed)
        self.watch("rubric_code", ui.rubricCombo)
        self.watch("evaluated_on", ui.evaluatedOnEdit)
        self.watch("decision_number", ui.decisionNumberEdit)
        self.watch("decision_date", ui.decisionDateEdit)
        self.watch("decision_issuer", ui.decisionIssuerEdit)
        self._rubric_changed()
        self.dirty = False
        self.retranslate()

    @property
    def rubric_code(self) -> str | None:
        data = self.ui.rubricCombo.currentData()
        return str(data) if data is not None else None

    def _criteria(self) -> tuple[CriterionRow, ...]:
        code = self.rubric_code
        return self.rubrics[code].criteria if code in self.rubrics else ()

    def _rubric_changed(self) -> None:
        """Put a spin box 0..max for each criterion of the chosen rubric."""
        layout = self.ui.criteriaLayout
        while layout.rowCount():
            layout.removeRow(0)
        self.spins.clear()
        self.labels.clear()
        for criterion in self._criteria():
            code = criterion.code
            spin = named(QSpinBox(), f"score_{code}")
            spin.setRange(0, criterion.max)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMinimumWidth(90)
            label = QLabel()
            label.setBuddy(spin)
            layout.addRow(label, spin)
            self.spins[code] = spin
            self.labels[code] = label
            spin.valueChanged.connect(self.update_total)
            self.watch(f"scores.{code}", spin)
        self._label_criteria()
        self.update_total()

    def _label_criteria(self) -> None:
        english = self.app.tr.lang == "en"
        for criterion in self._criteria():
            text = self.tr_(N_("{criterion} (at most {max})")).format(
                criterion=criterion.name(english), max=criterion.max
            )
            self.labels[criterion.code].setText(text)

    def totals(self) -> tuple[int, int, int]:
        """(points, maximum, pass mark) of the scores as typed."""
        code = self.rubric_code
        mark = self.rubrics[code].pass_mark if code in self.rubrics else 0
        top = sum(c.max for c in self._criteria())
        return sum(spin.value() for spin in self.spins.values()), top, mark

    def update_total(self) -> None:
        """The running total and the result, at once (no waiting for validation)."""
        points, top, mark = self.totals()
        self.ui.totalLabel.setText(f"{points}/{top}")
        met = points >= mark
        text = (
            N_("Meets the standard (pass mark {mark})")
            if met
            else N_("Does not meet the standard (pass mark {mark})")
        )
        self.ui.resultLabel.setText(self.tr_(text).format(mark=mark))
        self.ui.resultLabel.setStyleSheet(PASS_STYLE if met else FAIL_STYLE)

    def retranslate(self) -> None:
        ui, t = self.ui, self.tr_
        self.setWindowTitle(t(N_("Score the initiative")))
        ui.introLabel.setText(t(N_("Initiative: {name}")).format(name=self.initiative_name))
        ui.rubricLabel.setText(t(N_("Scoring &rubric:")))
        ui.evaluatedOnLabel.setText(t(N_("E&valuated on:")))
        ui.evaluatedOnEdit.setPlaceholderText(t(DATE_HINT))
        ui.criteriaBox.setTitle(t(N_("Points for each criterion")))
        ui.totalCaption.setText(t(N_("Total:")))
        ui.decisionNumberLabel.setText(t(N_("Recognition &decision number:")))
        ui.decisionDateLabel.setText(t(N_("Decision da&te:")))
        ui.decisionDateEdit.setPlaceholderText(t(DATE_HINT))
        ui.decisionIssuerLabel.setText(t(N_("Decision &issued by:")))
        self._label_criteria()
        self.update_total()
        self.retranslate_buttons()

    def data(self) -> evaluations.EvaluationInput:
        ui = self.ui
        return evaluations.EvaluationInput(
            initiative_id=self.initiative_id,
            evaluated_on=ui.evaluatedOnEdit.text(),
            rubric_code=self.rubric_code,
            scores={code: spin.value() for code, spin in self.spins.items()},
            decision_number=ui.decisionNumberEdit.text(),
            decision_date=ui.decisionDateEdit.text(),
            decision_issuer=ui.decisionIssuerEdit.text(),
        )

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return evaluations.check_evaluate(ctx, self.data())

    def write(self, ctx: Ctx) -> str:
        return evaluations.evaluate(ctx, self.data()).id
