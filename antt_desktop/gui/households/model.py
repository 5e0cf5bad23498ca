"""The list of households (hộ gia đình): number, head, area, address, members and the
pledge of the chosen year; searched, filtered and sorted in SQL by
:mod:`antt_desktop.services.household_rows`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.household import NOT_SIGNED, PLEDGE_WORDS, local_address
from antt_desktop.services import household_rows

#: Labels of pledge statuses, and of a household with no pledge for the year (the words
#: of the printed register and of ``antt household``: presenters/household.py).
PLEDGE_LABELS: dict[str | None, str] = {None: NOT_SIGNED}
PLEDGE_LABELS.update(PLEDGE_WORDS)
#: The pledge filter: any household, a status, or no pledge recorded.
NO_PLEDGE = household_rows.NO_PLEDGE


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
    WIDTHS = (70, 200, 150, 110, 90, 140)
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

    def _filter(self) -> household_rows.HouseholdFilter:
        return household_rows.HouseholdFilter(
            year=self.year,
            unit_id=self.unit_id,
            area_id=self.area_id,
            pledge=self.pledge_filter,
            search=self.search_text,
            sort=household_rows.SORTS[self.sort_column],
            descending=self.descending,
        )

    def fetch_ids(self) -> list[str]:
        with self.app.read() as ctx:
            return list(household_rows.household_ids(ctx, self._filter()))

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        with self.app.read() as ctx:
            rows = household_rows.household_rows(ctx, ids, self.year)
        return {
            r.id: (
                r.number,
                r.head or "",
                r.area or "",
                local_address(r.address, r.area),
                fmt_int(r.members, tr),
                tr(PLEDGE_LABELS.get(r.pledge, r.pledge or "")),
            )
            for r in rows
        }
