"""The list of teams (tổ ANTT, tổ hòa giải...): name, kind, areas, members and leader.

A post has tens of teams, so names are matched against the search text and ordered the
Vietnamese way in Python; the kind, activity and post filters run in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from antt_desktop.domain.enums import TeamRole
from antt_desktop.domain.text import fold
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.gui.common.records_widgets import catalogue_names, title_key
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.texts.teams import TEAM_ROLES
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues
from antt_desktop.store.models import Area, Team, TeamArea, TeamMember

ROLE_LABELS = dict(zip((r.value for r in TeamRole), TEAM_ROLES, strict=True))


def _live_members() -> Any:
    return (
        select(TeamMember.team_id, func.count(TeamMember.id).label("n"))
        .where(TeamMember.deleted.is_(False), TeamMember.left_on.is_(None))
        .group_by(TeamMember.team_id)
        .subquery()
    )


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
        members = _live_members()
        query = (
            select(Team.id, Team.name, Team.kind, func.coalesce(members.c.n, 0))
            .outerjoin(members, members.c.team_id == Team.id)
            .where(Team.deleted.is_(False))
        )
        if self.unit_id:
            query = query.where(Team.unit_id == self.unit_id)
        if self.kind:
            query = query.where(Team.kind == self.kind)
        if self.active is not None:
            query = query.where(Team.active.is_(self.active))
        with self.app.read() as ctx:
            rows = list(ctx.session.execute(query).all())
        words = fold(self.search_text).split()
        if words:
            rows = [r for r in rows if all(w in fold(r[1]) for w in words)]
        kinds = catalogue_names(self.app, catalogues.TEAM_KIND)
        rows.sort(key=lambda r: title_key(r[1]))
        if self.sort_column == self.COL_KIND:
            rows.sort(key=lambda r: title_key(kinds.get(r[2], r[2])))
        elif self.sort_column == self.COL_MEMBERS:
            rows.sort(key=lambda r: r[3])
        if self.descending:
            rows.reverse()
        return [r[0] for r in rows]

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        kinds = catalogue_names(self.app, catalogues.TEAM_KIND)
        members = _live_members()
        with self.app.read() as ctx:
            s = ctx.session
            areas: dict[str, list[str]] = {}
            for team_id, name in s.execute(
                select(TeamArea.team_id, Area.name)
                .join(Area, Area.id == TeamArea.area_id)
                .where(
                    TeamArea.team_id.in_(ids),
                    TeamArea.deleted.is_(False),
                    Area.deleted.is_(False),
                )
            ):
                areas.setdefault(team_id, []).append(name)
            leaders: dict[str, str] = {
                team_id: name
                for team_id, name in s.execute(
                    select(TeamMember.team_id, TeamMember.name).where(
                        TeamMember.team_id.in_(ids),
                        TeamMember.role == TeamRole.LEADER.value,
                        TeamMember.left_on.is_(None),
                        TeamMember.deleted.is_(False),
                    )
                )
            }
            rows = s.execute(
                select(Team.id, Team.name, Team.kind, func.coalesce(members.c.n, 0))
                .outerjoin(members, members.c.team_id == Team.id)
                .where(Team.id.in_(ids))
            ).all()
        return {
            ident: (
                name,
                kinds.get(kind, kind),
                ", ".join(sorted(areas.get(ident, []), key=title_key)),
                fmt_int(count, tr),
                leaders.get(ident, ""),
            )
            for ident, name, kind, count in rows
        }
