"""The list of initiatives (mô hình): name, type, status, launch date, areas covered and the
activities recorded this year.

A post holds tens of initiatives (a district a thousand or so), so the list reads them in
one query and matches the search text against the folded names in Python; filters by type,
status and post run in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import and_, func, select

from antt_desktop.domain.text import fold
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.gui.common.records_widgets import catalogue_names, title_key
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.texts.initiatives import STATUSES
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues
from antt_desktop.store.models import Activity, Area, Initiative, InitiativeArea

STATUS_LABELS: dict[str, str] = dict(STATUSES)


class InitiativeListModel(RecordListModel):
    """Initiatives of the chosen post, type and status, by name the Vietnamese way."""

    COL_NAME, COL_TYPE, COL_STATUS, COL_LAUNCHED, COL_AREAS, COL_ACTIVITIES = range(6)
    COLUMNS = (
        N_("Name"),
        N_("Type of initiative"),
        N_("Status"),
        N_("Launched on"),
        N_("Residential areas"),
        N_("Activities {year}"),
    )
    WIDTHS = (400, 240, 150, 110, 260, 120)
    STRETCH = COL_NAME

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.type_code: str | None = None
        self.status: str | None = None

    @property
    def year(self) -> int:
        return self.app.today().year

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal and section == self.COL_ACTIVITIES and value:
            return str(value).format(year=self.year)
        return value

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() == self.COL_ACTIVITIES
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def _activities_this_year(self) -> Any:
        return (
            select(Activity.initiative_id, func.count(Activity.id).label("n"))
            .where(
                Activity.held_on >= date(self.year, 1, 1),
                Activity.held_on <= date(self.year, 12, 31),
                Activity.deleted.is_(False),
            )
            .group_by(Activity.initiative_id)
            .subquery()
        )

    def fetch_ids(self) -> list[str]:
        counts = self._activities_this_year()
        areas = (
            select(InitiativeArea.initiative_id, func.count(InitiativeArea.id).label("n"))
            .where(InitiativeArea.deleted.is_(False))
            .group_by(InitiativeArea.initiative_id)
            .subquery()
        )
        query = (
            select(
                Initiative.id,
                Initiative.name,
                Initiative.type_code,
                Initiative.status,
                Initiative.launched_on,
                func.coalesce(areas.c.n, 0),
                func.coalesce(counts.c.n, 0),
            )
            .outerjoin(counts, counts.c.initiative_id == Initiative.id)
            .outerjoin(areas, areas.c.initiative_id == Initiative.id)
            .where(Initiative.deleted.is_(False))
        )
        if self.unit_id:
            query = query.where(Initiative.unit_id == self.unit_id)
        if self.type_code:
            query = query.where(Initiative.type_code == self.type_code)
        if self.status:
            query = query.where(Initiative.status == self.status)
        with self.app.read() as ctx:
            rows = list(ctx.session.execute(query).all())
            types = catalogues.codes(ctx.session, catalogues.INITIATIVE_TYPE)
        words = fold(self.search_text).split()
        if words:
            rows = [r for r in rows if all(w in fold(r[1]) for w in words)]
        column = self.sort_column
        keys: dict[int, Any] = {
            self.COL_TYPE: lambda r: title_key(types.get(r[2], r[2])),
            self.COL_STATUS: lambda r: r[3],
            self.COL_LAUNCHED: lambda r: r[4],
            self.COL_AREAS: lambda r: r[5],
            self.COL_ACTIVITIES: lambda r: r[6],
        }
        rows.sort(key=lambda r: title_key(r[1]))
        if column in keys:
            rows.sort(key=keys[column])
        if self.descending:
            rows.reverse()
        return [r[0] for r in rows]

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        counts = self._activities_this_year()
        types = catalogue_names(self.app, catalogues.INITIATIVE_TYPE)
        with self.app.read() as ctx:
            s = ctx.session
            covered: dict[str, list[str]] = {}
            for ident, name in s.execute(
                select(InitiativeArea.initiative_id, Area.name)
                .join(Area, Area.id == InitiativeArea.area_id)
                .where(
                    InitiativeArea.initiative_id.in_(ids),
                    and_(InitiativeArea.deleted.is_(False), Area.deleted.is_(False)),
                )
            ):
                covered.setdefault(ident, []).append(name)
            rows = s.execute(
                select(
                    Initiative.id,
                    Initiative.name,
                    Initiative.type_code,
                    Initiative.status,
                    Initiative.launched_on,
                    func.coalesce(counts.c.n, 0),
                )
                .outerjoin(counts, counts.c.initiative_id == Initiative.id)
                .where(Initiative.id.in_(ids))
            ).all()
        return {
            ident: (
                name,
                types.get(type_code, type_code),
                tr(STATUS_LABELS.get(status, status)),
                fmt_date(launched, tr),
                ", ".join(sorted(covered.get(ident, []), key=title_key)),
                fmt_int(activities, tr),
            )
            for ident, name, type_code, status, launched, activities in rows
        }
