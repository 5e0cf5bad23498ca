"""The team editor: kind, name, founding day, whether it still works, and its areas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import DATE_HINT, area_choices, select_data
from antt_desktop.gui.forms.ui_team_dialog import Ui_TeamDialog
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.services import team_rows, teams
from antt_desktop.services.context import Ctx


def checked_ids(items: Any) -> list[str]:
    """Ids (user data) of the checked items of a list widget."""
    return [
        items.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(items.count())
        if items.item(r).checkState() == Qt.CheckState.Checked
    ]


def fill_checklist(items: Any, choices: list[tuple[str | None, str]], chosen: set[str]) -> None:
    items.clear()
    for ident, name in choices:
        item = QListWidgetItem(name, items)
        item.setData(Qt.ItemDataRole.UserRole, ident)
        item.setCheckState(Qt.CheckState.Checked if ident in chosen else Qt.CheckState.Unchecked)


class TeamDialog(RecordDialog):
    """Set up a team (``team_id`` None) or change one."""

    def __init__(
        self,
        app: AppContext,
        team_id: str | None = None,
        *,
        unit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        self.team_id = team_id
        self.ui = ui = Ui_TeamDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.use_buttons(ui.buttonBox, ui.problemLabel, ui.formLayout)
        with app.read() as ctx:
            team = team_rows.team_page(ctx, team_id, app.tr.lang) if team_id else None
            self.guard(ctx, "team", team_id)
            kinds = team_rows.team_kind_names(ctx, app.tr.lang, schema_only=True)
        self.unit_id = team.unit_id if team else unit_id
        for kind in kinds:
            ui.kindCombo.addItem(kind.name, kind.code)
        covered = {a.id for a in team.areas} if team else set()
        fill_checklist(ui.areasList, area_choices(app, self.unit_id), covered)
        self.original: dict[str, Any] = {}
        if team is not None:
            self.original = {
                "kind": team.kind,
                "name": team.name,
                "founded_on": fmt_date(team.founded_on, app.tr),
                "active": team.active,
            }
            select_data(ui.kindCombo, team.kind)
            ui.nameEdit.setText(team.name)
            ui.foundedEdit.setText(self.original["founded_on"])
            ui.activeCheck.setChecked(team.active)
        else:
            ui.kindCombo.setCurrentIndex(-1)
            ui.activeCheck.setChecked(True)
            ui.activeCheck.setEnabled(False)  # a new team works; it is stood down by editing
        self.watch("team_kind", ui.kindCombo)
        self.watch("team_name", ui.nameEdit)
        self.watch("founded_on", ui.foundedEdit)
        self.watch("team_active", ui.activeCheck)
        self.watch("team_areas", ui.areasList)
        ui.areasList.itemChanged.connect(lambda _i: self.touch("team_areas"))
        self.retranslate()

    def retranslate(self) -> None:
        ui, t = self.ui, self.tr_
        self.setWindowTitle(t(N_("Edit team") if self.team_id else N_("New team")))
        ui.kindLabel.setText(t(N_("&Kind of team:")))
        ui.nameLabel.setText(t(N_("&Team name:")))
        ui.foundedLabel.setText(t(N_("&Founded on:")))
        ui.foundedEdit.setPlaceholderText(t(DATE_HINT))
        ui.activeLabel.setText(t(N_("Still &active:")))
        ui.areasLabel.setText(t(N_("Residential &areas covered:")))
        self.retranslate_buttons()

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "kind": ui.kindCombo.currentData(),
            "name": ui.nameEdit.text(),
            "founded_on": ui.foundedEdit.text(),
            "active": ui.activeCheck.isChecked(),
        }

    def new_team(self) -> dict[str, Any]:
        """The new team as typed, in the service's words."""
        values = self.values()
        return {
            "kind": values["kind"] or "",
            "name": values["name"],
            "founded_on": values["founded_on"],
            "area_ids": checked_ids(self.ui.areasList),
            "unit_id": self.unit_id,
        }

    def changes(self) -> dict[str, Any]:
        """What the officer changed in the team being edited."""
        return {k: v for k, v in self.values().items() if v != self.original.get(k)}

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            if self.team_id is None:
                problems = teams.check_add_team(ctx, **self.new_team())
                return _kind_required(problems, self.ui.kindCombo.currentData())
            areas = checked_ids(self.ui.areasList)
            return teams.check_edit_team(
                ctx, self.team_id, self.changes()
            ) + teams.check_set_team_areas(ctx, self.team_id, areas)

    def write(self, ctx: Ctx) -> Any:
        if self.team_id is None:
            try:
                return teams.add_team(ctx, **self.new_team())
            except ValidationFailed as exc:
                kind = self.ui.kindCombo.currentData()
                raise ValidationFailed(_kind_required(exc.problems, kind)) from exc
        team = teams.edit_team(ctx, self.team_id, self.changes())
        teams.set_team_areas(ctx, self.team_id, checked_ids(self.ui.areasList))
        return team


def _kind_required(problems: list[Problem], kind: str | None) -> list[Problem]:
    """With no kind chosen yet, say so rather than "'' is no kind of team"."""
    if kind is not None:
        return problems
    return [
        Problem("team_kind", "required") if p.field == "team_kind" and p.code == "choice" else p
        for p in problems
    ]
