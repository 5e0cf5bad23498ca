"""The "Tổ ANTT" page: teams at the grassroots with their members and areas."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_list import RecordListPage, RecordView
from antt_desktop.gui.common.records_widgets import fill_combo, named
from antt_desktop.gui.teams.dialog import TeamDialog
from antt_desktop.gui.teams.model import TeamListModel
from antt_desktop.gui.teams.view import TeamView
from antt_desktop.i18n.translator import N_
from antt_desktop.services import team_rows
from antt_desktop.services.changes import Kind

ACTIVITY_FILTERS = (
    (True, N_("Working teams")),
    (False, N_("Teams no longer working")),
    (None, N_("All teams")),
)


class TeamsPage(RecordListPage):
    """Security teams: search by name, filter by kind, open one to manage its members."""

    title = N_("Security teams")
    SHOWS = (Kind.TEAM, Kind.TEAM_AREA, Kind.TEAM_MEMBER, Kind.AREA, Kind.PERSON, Kind.COMMENDATION)
    SETTINGS_KEY = "teams"
    SEARCH_HINT = N_("Search by name (Ctrl+F)")
    model: TeamListModel

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.dialog: RecordDialog | None = None
        self.kind_combo = named(QComboBox(), "kindFilter")
        self.kind_combo.setMinimumWidth(240)
        self.active_combo = named(QComboBox(), "activeFilter")
        for value, _label in ACTIVITY_FILTERS:
            self.active_combo.addItem("", value)
        self.filter_bar.addWidget(self.kind_combo)
        self.filter_bar.addWidget(self.active_combo)
        self._fill_kinds()
        self.kind_combo.currentIndexChanged.connect(self._filter_changed)
        self.active_combo.currentIndexChanged.connect(self._filter_changed)
        self.start()

    def make_model(self) -> TeamListModel:
        return TeamListModel(self.app, self)

    def make_view(self) -> RecordView:
        return TeamView(self.app, self)

    def _fill_kinds(self) -> None:
        with self.app.read() as ctx:
            kinds = team_rows.team_kind_names(ctx, self.app.tr.lang)
        items = [(k.code, k.name) for k in kinds]
        fill_combo(self.kind_combo, [(None, self.tr_(N_("All kinds"))), *items])

    def retranslate(self) -> None:
        super().retranslate()
        self._fill_kinds()
        for i, (_value, label) in enumerate(ACTIVITY_FILTERS):
            self.active_combo.setItemText(i, self.tr_(label))
        self.new_button.setText(self.tr_(N_("&New team")))

    def _filter_changed(self) -> None:
        self.model.kind = self.kind_combo.currentData()
        self.model.active = self.active_combo.currentData()
        self.model.reload()

    def new_record(self) -> None:
        self.dialog = TeamDialog(self.app, unit_id=self.model.unit_id, parent=self)
        self.dialog.accepted.connect(self._open_saved)
        self.dialog.open()

    def _open_saved(self) -> None:
        if self.dialog is not None and self.dialog.result_record is not None:
            self.open_record(self.dialog.result_record.id)
