"""The list of commendation decisions (quyết định khen thưởng): number, date, form, issuer
and how many recipients each commends.

A row is one decision: the commendations of a unit that share a decision number and date
(numbers such as "28/QĐ-UBND" start again every year). The keys and each page of rows come
from :mod:`antt_desktop.services.commendation_rows`; the model puts them in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import KIND_LABELS
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.translator import N_
from antt_desktop.services import commendation_rows
from antt_desktop.services.commendation_rows import DecisionFilter, decision_key, parse_key

__all__ = ["CommendationListModel", "decision_key", "parse_key"]


class CommendationListModel(RecordListModel):
    """Decisions of the chosen post, form and year, the latest first."""

    COL_NUMBER, COL_DATE, COL_KIND, COL_ISSUER, COL_RECIPIENTS = range(5)
    COLUMNS = (
        N_("Decision number"),
        N_("Decision date"),
        N_("Form of commendation"),
        N_("Issued by"),
        N_("Recipients"),
    )
    WIDTHS = (170, 150, 200, 520, 170)
    STRETCH = COL_ISSUER

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.kind: str | None = None
        self.year: int | None = None
        self.sort_column = self.COL_DATE
        self.sort_order = Qt.SortOrder.DescendingOrder

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() == self.COL_RECIPIENTS
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def years(self) -> list[int]:
        """The years that have decisions, the latest first."""
        with self.app.read() as ctx:
            return list(commendation_rows.decision_years(ctx))

    def _filter(self) -> DecisionFilter:
        return DecisionFilter(self.unit_id, self.kind, self.year, self.search_text)

    def fetch_ids(self) -> list[str]:
        order = commendation_rows.ORDERS[self.sort_column]  # the orders are in column order
        with self.app.read() as ctx:
            keys = commendation_rows.decision_keys(
                ctx, self._filter(), order=order, descending=self.descending
            )
        return list(keys)

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        with self.app.read() as ctx:
            rows = commendation_rows.decision_rows(ctx, self._filter(), ids)
        return {
            d.key: (
                d.number,
                fmt_date(d.day, tr),
                tr(KIND_LABELS.get(d.kind, d.kind)),
                d.issuer,
                fmt_int(d.recipients, tr),
            )
            for d in rows
        }
