"""The list of commendation decisions (quyết định khen thưởng): number, date, form, issuer
and how many recipients each commends.

A row is one decision: the commendations of a unit that share a decision number and date
(numbers such as "28/QĐ-UBND" start again every year). A post records a few decisions a
year, so they are grouped and searched in Python from one query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from antt_desktop.domain.text import fold
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import KIND_LABELS
from antt_desktop.gui.common.records_list import RecordListModel
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.translator import N_
from antt_desktop.store.models import Commendation

SEP = "|"


def decision_key(unit_id: str, day: date, number: str) -> str:
    """The list's id of a decision."""
    return SEP.join((unit_id, day.isoformat(), number))


def parse_key(key: str) -> tuple[str, date, str]:
    unit_id, day, number = key.split(SEP, 2)
    return unit_id, date.fromisoformat(day), number


@dataclass
class Decision:
    """One decision as the list shows it."""

    number: str
    day: date
    kind: str
    issuer: str
    recipients: int = 0
    words: list[str] = field(default_factory=list)  # folded text the search looks in


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
        self._decisions: dict[str, Decision] = {}

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
            days = ctx.session.execute(
                select(Commendation.decision_date).where(Commendation.deleted.is_(False)).distinct()
            ).scalars()
            return sorted({d.year for d in days}, reverse=True)

    def _load(self) -> dict[str, Decision]:
        query = select(
            Commendation.unit_id,
            Commendation.decision_number,
            Commendation.decision_date,
            Commendation.kind,
            Commendation.issuer,
            Commendation.recipient_name,
        ).where(Commendation.deleted.is_(False))
        if self.unit_id:
            query = query.where(Commendation.unit_id == self.unit_id)
        if self.kind:
            query = query.where(Commendation.kind == self.kind)
        if self.year:
            query = query.where(
                Commendation.decision_date >= date(self.year, 1, 1),
                Commendation.decision_date <= date(self.year, 12, 31),
            )
        decisions: dict[str, Decision] = {}
        with self.app.read() as ctx:
            for unit_id, number, day, kind, issuer, name in ctx.session.execute(query):
                key = decision_key(unit_id, day, number)
                found = decisions.get(key)
                if found is None:
                    found = decisions[key] = Decision(number, day, kind, issuer)
                    found.words.append(fold(f"{number} {issuer}"))
                found.recipients += 1
                found.words.append(fold(name))
        return decisions

    def fetch_ids(self) -> list[str]:
        self._decisions = self._load()
        words = fold(self.search_text).split()
        rows = [
            (key, d)
            for key, d in self._decisions.items()
            if all(any(w in text for text in d.words) for w in words)
        ]
        sorters: dict[int, Any] = {
            self.COL_NUMBER: lambda r: fold(r[1].number),
            self.COL_KIND: lambda r: r[1].kind,
            self.COL_ISSUER: lambda r: fold(r[1].issuer),
            self.COL_RECIPIENTS: lambda r: r[1].recipients,
        }
        rows.sort(key=lambda r: (r[1].day, fold(r[1].number)))
        if self.sort_column in sorters:
            rows.sort(key=sorters[self.sort_column])
        if self.descending:
            rows.reverse()
        return [key for key, _d in rows]

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        return {
            key: (
                d.number,
                fmt_date(d.day, tr),
                tr(KIND_LABELS.get(d.kind, d.kind)),
                d.issuer,
                fmt_int(d.recipients, tr),
            )
            for key in ids
            if (d := self._decisions.get(key)) is not None
        }
