"""The list of teams (tổ ANTT, tổ hòa giải...): name, kind, areas, members and leader.

The ids and rows come from :mod:`antt_desktop.services.team_rows`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from antt_desktop.domain.enums import TeamRole
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.texts.teams import TEAM_ROLES
from antt_desktop.i18n.translator import N_
from antt_desktop.services import team_rows

ROLE_LABELS = dict(zip((r.value for r in TeamRole), TEAM_ROLES, strict=True))


class TeamListModel(RecordListModel):
    """Teams of the chosen post and kind, active ones by default, by name."""

    COL_NAME, COL_KIND, COL_AREAS, COL_MEMBERS, COL_LEADER = range(5)
    COLUMNS = (
        N_("Team name"),
        N_("Kind of team"),
        N_("Residential areas"),
        N_("Team members"),
        N_("Team leader"),
    )
    WIDTHS = (330, 280, 300, 90, 220)
    STRETCH = COL_AREAS

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.kind: str | None = None
        self.active: bool | None = True

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() == self.COL_MEMBERS
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def fetch_ids(self) -> list[str]:
        query = team_rows.TeamFilter(
            unit_id=self.unit_id,
            kind=self.kind,
            active=self.active,
            search=self.search_text,
            sort=team_rows.SORTS[self.sort_column],
            descending=self.descending,
            lang=self.app.tr.lang,
        )
        with self.app.read() as ctx:
            return list(team_rows.team_ids(ctx, query))

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        with self.app.read() as ctx:
            rows = team_rows.team_rows(ctx, ids, tr.lang)
        return {
            r.id: (r.name, r.kind_name, ", ".join(r.areas), fmt_int(r.members, tr), r.leader or "")
            for r in rows
        }
