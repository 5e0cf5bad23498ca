"""The managed-persons list (đối tượng quản lý): one row per dossier, with the next
assessment due or overdue marked in colour AND words.

Filters and ordering run in SQL; the due state of every open dossier comes from
:func:`antt_desktop.services.assessments.due_assessments` (two queries whatever the number
of dossiers), computed with the ids on the loading thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import Cadence, DossierStatus
from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import CategoryRule, due_date
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import ERROR_COLOUR, WARNING_COLOUR
from antt_desktop.gui.people.model import SqlListModel, born_text
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.texts.dossiers import DOSSIER_STATUSES, DUE_STATUSES
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.assessments import due_assessments
from antt_desktop.services.dossiers import is_current
from antt_desktop.store.models import Assessment, Dossier, DossierCategory, Person

MONTH = N_("month {month}/{year}")
QUARTER = N_("quarter {quarter}/{year}")
NEXT_DUE = N_("{state}: {period} (due {due_on})")
#: Due filter values.
DUE_ANY, DUE_OR_OVERDUE, OVERDUE_ONLY = "", "due", "overdue"


def period_text(period: Period, tr: Translator) -> str:
    """``tháng 10/2026``, ``quý 3/2026`` (a year is written as it is)."""
    if period.kind == "month":
        return tr(MONTH).format(month=period.index, year=period.year)
    if period.kind == "quarter":
        return tr(QUARTER).format(quarter=period.index, year=period.year)
    return str(period.year)


@dataclass(frozen=True)
class NextDue:
    """The first assessment a dossier still needs, and where it stands today."""

    period: Period
    due_on: date
    status: str  # due, overdue or upcoming

    def text(self, tr: Translator) -> str:
        return tr(NEXT_DUE).format(
            state=tr(DUE_STATUSES[self.status]),
            period=period_text(self.period, tr),
            due_on=fmt_date(self.due_on, tr),
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

    def ids_query(self, refs: list[str] | None) -> Select[Any] | None:
        if refs is not None and not refs:
            return None
        query = (
            select(Dossier.id)
            .join(Person, Person.id == Dossier.person_id)
            .where(Dossier.deleted.is_(False))
        )
        if refs is not None:
            query = query.where(Dossier.person_id.in_(refs))
        for column, value in (
            (Dossier.unit_id, self.unit_id),
            (Dossier.category_code, self.category_code),
            (Dossier.status, self.status),
            (Person.current_area_id, self.area_id),
            (Dossier.officer_name, self.officer),
        ):
            if value:
                query = query.where(column == value)
        if self.year:
            query = query.where(
                Dossier.opened_on >= date(self.year, 1, 1),
                Dossier.opened_on <= date(self.year, 12, 31),
            )
        order: Any = {
            self.COL_BORN: Person.born,
            self.COL_CATEGORY: DossierCategory.position,
            self.COL_OPENED: Dossier.opened_on,
            self.COL_STATUS: Dossier.status,
            self.COL_OFFICER: Dossier.officer_name,
        }.get(self.sort_column, Person.sort_key)
        if self.sort_column == self.COL_CATEGORY:
            query = query.join(DossierCategory, DossierCategory.code == Dossier.category_code)
        first = order.desc() if self.descending else order
        return query.order_by(first, Person.sort_key, Dossier.opened_on)

    def stream_ids(
        self, session: Session, refs: list[str] | None, skip: int
    ) -> Iterator[tuple[list[str], object]]:
        today = self.app.today()
        due: dict[str, NextDue] = {}
        for item in due_assessments(session, today, self.unit_id):
            due.setdefault(item.dossier_id, NextDue(item.period, item.due_on, item.status))
        query = self.ids_query(refs)
        ids = [] if query is None else list(session.execute(query).scalars())
        if self.due == DUE_OR_OVERDUE:
            ids = [i for i in ids if i in due]
        elif self.due == OVERDUE_ONLY:
            ids = [i for i in ids if i in due and due[i].status == "overdue"]
        if self.sort_column == self.COL_NEXT:
            ids.sort(key=lambda i: (0, due[i].due_on) if i in due else (1, date.max))
            if self.descending:
                ids.reverse()
        yield ids, due

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
            rows = ctx.session.execute(
                select(
                    Dossier.id,
                    Person.full_name,
                    Person.born,
                    DossierCategory.name_vi,
                    DossierCategory.name_en,
                    Dossier.opened_on,
                    Dossier.status,
                    Dossier.officer_name,
                    DossierCategory.cadence,
                    DossierCategory.due_day,
                )
                .join(Person, Person.id == Dossier.person_id)
                .join(DossierCategory, DossierCategory.code == Dossier.category_code)
                .where(Dossier.id.in_(list(ids)))
            ).all()
            upcoming = self._upcoming(ctx.session, rows)
        values = {}
        for r in rows:
            next_due = self._due.get(r.id) or upcoming.get(r.id)
            values[r.id] = (
                r.full_name,
                born_text(r.born),
                r.name_vi if tr.lang == "vi" else r.name_en,
                fmt_date(r.opened_on, tr),
                tr(DOSSIER_STATUSES.get(r.status, r.status)),
                r.officer_name or "",
                next_due.text(tr) if next_due else "—",
                next_due.status if next_due else "",
            )
        return values

    def _upcoming(self, session: Session, rows: Sequence[Any]) -> dict[str, NextDue]:
        """The period running today (or the next not yet assessed) of open dossiers with
        nothing due: one query for the page."""
        waiting = [
            r
            for r in rows
            if r.id not in self._due
            and r.status == DossierStatus.OPEN.value
            and r.cadence != Cadence.NONE.value
        ]
        if not waiting:
            return {}
        done: dict[str, set[str]] = {}
        for dossier_id, label in session.execute(
            select(Assessment.dossier_id, Assessment.period).where(
                Assessment.dossier_id.in_([r.id for r in waiting]), is_current()
            )
        ):
            done.setdefault(dossier_id, set()).add(label)
        today = self.app.today()
        result = {}
        for r in waiting:
            rule = CategoryRule("", Cadence(r.cadence), r.due_day)
            assert rule.period_kind is not None
            period = Period.of(rule.period_kind, max(today, r.opened_on))
            while period.label() in done.get(r.id, set()):
                period = period.next()
            result[r.id] = NextDue(period, due_date(rule, period), "upcoming")
        return result

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
