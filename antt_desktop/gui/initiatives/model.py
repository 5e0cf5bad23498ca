"""The list of initiatives (mô hình): name, type, status, launch date, areas covered and the
activities recorded this year.

The ids and each page of rows come from :mod:`antt_desktop.services.initiative_rows`; the
model puts them in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.gui.common.records_widgets import catalogue_names
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.texts.initiatives import STATUSES
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogues, initiative_rows

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

    def fetch_ids(self) -> list[str]:
        order = initiative_rows.ORDERS[self.sort_column]  # the orders are in column order
        with self.app.read() as ctx:
            return list(
                initiative_rows.initiative_ids(
                    ctx,
                    unit_id=self.unit_id,
                    type_code=self.type_code,
                    status=self.status,
                    search=self.search_text,
                    order=order,
                    descending=self.descending,
                )
            )

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        types = catalogue_names(self.app, catalogues.INITIATIVE_TYPE)
        with self.app.read() as ctx:
            rows = initiative_rows.initiative_rows(ctx, ids)
        return {
            r.id: (
                r.name,
                types.get(r.type_code, r.type_code),
                tr(STATUS_LABELS.get(r.status, r.status)),
                fmt_date(r.launched_on, tr),
                ", ".join(r.areas),
                fmt_int(r.activities, tr),
            )
            for r in rows
        }
