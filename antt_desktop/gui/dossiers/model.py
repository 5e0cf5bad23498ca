"""The managed-persons list (đối tượng quản lý): one row per dossier, with the next
assessment due or overdue marked in colour AND words.

Ids and rows come from :mod:`antt_desktop.services.listing` (filters and ordering in SQL);
the due state of every open dossier is computed with the ids on the loading thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from antt_desktop.domain.enums import DossierStatus
from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import ERROR_COLOUR, WARNING_COLOUR
from antt_desktop.gui.people.model import SqlListModel
from antt_desktop.i18n.formatting import fmt_date, fmt_period
from antt_desktop.i18n.texts.dossiers import DOSSIER_STATUSES, DUE_STATUSES
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services import listing
from antt_desktop.services.context import Ctx
from antt_desktop.services.listing import DUE_ANY, DUE_OR_OVERDUE, OVERDUE_ONLY, NextDue

__all__ = ["DUE_ANY", "DUE_OR_OVERDUE", "OVERDUE_ONLY", "DossierModel", "colour_of", "period_text"]

NEXT_DUE = N_("{state}: {period} (due {due_on})")


def period_text(period: Period, tr: Translator) -> str:
    """``tháng 10/2026``, ``quý III/2026``: the one wording of a period, in a sentence."""
    return fmt_period(period, tr, in_sentence=True)


def next_due_text(due: NextDue, tr: Translator) -> str:
    """``Quá hạn: tháng 9/2026 (hạn 05/10/2026)``."""
    return tr(NEXT_DUE).format(
        state=tr(DUE_STATUSES[due.status]),
        period=period_text(due.period, tr),
        due_on=fmt_date(due.due_on, tr),
    )


def colour_of(status: str) -> QColor | None:
    if status == "overdue":
        return QColor(ERROR_COLOUR)
    if status == "due":
        return QColor(WARNING_COLOUR)
    return None


class DossierModel(SqlListModel):
    """Dossiers: person, born, category, opened, status, officer, next assessment."""

    COLUMNS = (
        N_("Person"),
        N_("Date of birth"),
        N_("Dossier category"),
        N_("Opened on"),
        N_("Dossier status"),
        N_("Responsible officer"),
        N_("Next assessment"),
    )
    COL_PERSON, COL_BORN, COL_CATEGORY, COL_OPENED, COL_STATUS, COL_OFFICER, COL_NEXT = range(7)
    WIDTHS = (170, 88, 200, 100, 105, 150)

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.category_code: str | None = None
        self.status: str | None = DossierStatus.OPEN.value
        self.area_id: str | None = None
        self.officer: str | None = None
        self.due: str = DUE_ANY
        self.year: int | None = None
        self._due: dict[str, NextDue] = {}

    def in_natural_order(self) -> bool:
        return False  # a few thousand rows at most: always loaded in the background

    def _filter(self) -> listing.DossierFilter:
        return listing.DossierFilter(
            unit_id=self.unit_id,
            category_code=self.category_code,
            status=self.status,
            area_id=self.area_id,
            officer=self.officer,
            year=self.year,
            due=self.due,
            sort=listing.DOSSIER_SORTS[self.sort_column],
            descending=self.descending,
        )

    def stream_ids(
        self, ctx: Ctx, refs: list[str] | None, skip: int
    ) -> Iterator[tuple[list[str], object]]:
        found = listing.dossier_ids(ctx, self._filter(), refs)
        yield list(found.ids), {d.dossier_id: d for d in found.due}

    def adopt(self, extra: object) -> None:
        if isinstance(extra, dict):
            self._due = extra

    def next_due(self, dossier_id: str) -> NextDue | None:
        return self._due.get(dossier_id)

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        if not ids:
            return {}
        tr = self.app.tr
        with self.app.read() as ctx:
            rows = listing.dossier_rows(ctx, ids, self._due)
        return {
            r.id: (
                r.person_name,
                r.born,
                r.category_name(tr.lang),
                fmt_date(r.opened_on, tr),
                tr(DOSSIER_STATUSES.get(r.status, r.status)),
                r.officer_name,
                next_due_text(r.next_due, tr) if r.next_due else "—",
                r.next_due.status if r.next_due else "",
            )
            for r in rows
        }

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if index.column() == self.COL_NEXT and 0 <= index.row() < len(self._ids):
                row = self._row(index.row())
                return colour_of(row[-1]) if len(row) > len(self.COLUMNS) else None
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (
            self.COL_CATEGORY,
            self.COL_NEXT,
        ):
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)
