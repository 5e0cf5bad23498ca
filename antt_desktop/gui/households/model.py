"""The list of households (hộ gia đình): number, head, area, address, members and the
pledge of the chosen year; searched, filtered and sorted in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.gui.common.records_widgets import title_key
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.translator import N_
from antt_desktop.store import search_index
from antt_desktop.store.models import Area, Household, Person, Pledge

#: Labels of pledge statuses, and of a household with no pledge for the year.
PLEDGE_LABELS = {
    "signed": N_("signed"),
    "refused": N_("refused"),
    "violated": N_("violated"),
    None: N_("not recorded"),
}
#: The pledge filter: any household, a status, or no pledge recorded.
NO_PLEDGE = "none"
SEARCH_LIMIT = 20_000


class HouseholdListModel(RecordListModel):
    """Households of the chosen post, area and pledge status, in number order by default."""

    COL_NUMBER, COL_HEAD, COL_AREA, COL_ADDRESS, COL_MEMBERS, COL_PLEDGE = range(6)
    COLUMNS = (
        N_("Number"),
        N_("Head of household"),
        N_("Residential area"),
        N_("Address"),
        N_("Members"),
        N_("Pledge {year}"),
    )
    WIDTHS = (80, 210, 190, 420, 90, 150)
    STRETCH = COL_ADDRESS

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.year = app.today().year
        self.area_id: str | None = None
        self.pledge_filter: str | None = None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal and section == self.COL_PLEDGE and value:
            return str(value).format(year=self.year)
        return value

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() == self.COL_MEMBERS
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def _pledge_join(self) -> Any:
        return and_(
            Pledge.household_id == Household.id,
            Pledge.year == self.year,
            Pledge.deleted.is_(False),
        )

    def _filtered(self, query: Select[Any], conn: Any) -> Select[Any]:
        query = query.where(Household.deleted.is_(False))
        if self.unit_id:
            query = query.where(Household.unit_id == self.unit_id)
        if self.area_id:
            query = query.where(Household.area_id == self.area_id)
        if self.pledge_filter == NO_PLEDGE:
            query = query.where(Pledge.id.is_(None))
        elif self.pledge_filter:
            query = query.where(Pledge.status == self.pledge_filter)
        if self.search_text:
            hits = search_index.search(
                conn, self.search_text, limit=SEARCH_LIMIT, kind="household", unit_id=self.unit_id
            )
            matches: ColumnElement[bool] = Household.id.in_([h.ref for h in hits])
            if " " not in self.search_text:  # a household number, or part of one
                matches = or_(matches, Household.number.contains(self.search_text, autoescape=True))
            query = query.where(matches)
        return query

    def _order(self, session: Any) -> list[Any]:
        column = self.sort_column
        keys: list[Any] = []
        if column == self.COL_HEAD:
            keys = [Person.sort_key]
        elif column == self.COL_AREA:
            names = session.execute(select(Area.id, Area.name)).all()
            ranked = sorted(names, key=lambda r: title_key(r[1]))
            ranks = {ident: i for i, (ident, _n) in enumerate(ranked)}
            keys = [case(ranks, value=Household.area_id, else_=-1)] if ranks else []
        elif column == self.COL_ADDRESS:
            keys = [Household.address]
        elif column == self.COL_MEMBERS:
            member = aliased(Person)
            keys = [
                select(func.count(member.id))
                .where(member.household_id == Household.id, member.deleted.is_(False))
                .correlate(Household)
                .scalar_subquery()
            ]
        elif column == self.COL_PLEDGE:
            keys = [Pledge.status]
        keys += [func.length(Household.number), Household.number]
        return [k.desc() if self.descending else k.asc() for k in keys]

    def fetch_ids(self) -> list[str]:
        with self.app.read() as ctx:
            s = ctx.session
            query = (
                select(Household.id)
                .outerjoin(Pledge, self._pledge_join())
                .outerjoin(Person, Person.id == Household.head_person_id)
            )
            query = self._filtered(query, s.connection()).order_by(*self._order(s), Household.id)
            return list(s.execute(query).scalars())

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        with self.app.read() as ctx:
            s = ctx.session
            counts: dict[str | None, int] = {
                household: count
                for household, count in s.execute(
                    select(Person.household_id, func.count(Person.id))
                    .where(Person.household_id.in_(ids), Person.deleted.is_(False))
                    .group_by(Person.household_id)
                )
            }
            rows = s.execute(
                select(
                    Household.id,
                    Household.number,
                    Person.full_name,
                    Area.name,
                    Household.address,
                    Pledge.status,
                )
                .outerjoin(Person, Person.id == Household.head_person_id)
                .outerjoin(Area, Area.id == Household.area_id)
                .outerjoin(Pledge, self._pledge_join())
                .where(Household.id.in_(ids))
            ).all()
        return {
            ident: (
                number,
                head or "",
                area or "",
                address or "",
                fmt_int(counts.get(ident, 0), tr),
                tr(PLEDGE_LABELS.get(status, status or "")),
            )
            for ident, number, head, area, address, status in rows
        }
