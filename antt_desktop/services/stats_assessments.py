"""Assessments (nhận xét, đánh giá) due for a report period and where they stand today.

A dossier owes one assessment for each month (monthly cadence) or quarter (quarterly and
periodic) that its life touches and that ends inside the report period: a monthly dossier
owes three in a quarter report, a quarterly one owes its quarter in the report of the
quarter's last month. A due period is *done* when a current (not superseded) assessment
exists for it; it was done *late* when the first assessment for it was written after the
due date; it is *overdue* (:func:`antt_desktop.domain.schedule.is_overdue`, the overview's
and the dossier list's definition too) when it is not done, the due date is before ``today``
and the dossier is still open today.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select, true
from sqlalchemy.orm import Session, aliased

from antt_desktop.domain.enums import DossierStatus
from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Ratio
from antt_desktop.domain.schedule import CategoryRule, assessment_periods, due_date, is_overdue
from antt_desktop.services.stats_model import AssessmentFigures, Assessments
from antt_desktop.services.stats_scope import Scope, in_order
from antt_desktop.store.models import Assessment, Dossier
from antt_desktop.store.spelling import Spelling


@dataclass
class Tally:
    """Counters for one unit and category (mutable while counting)."""

    due: int = 0
    done: int = 0
    done_late: int = 0
    overdue: int = 0

    def add(self, other: Tally) -> None:
        self.due += other.due
        self.done += other.done
        self.done_late += other.done_late
        self.overdue += other.overdue

    def figures(self) -> AssessmentFigures:
        return AssessmentFigures(
            self.due, self.done, self.done_late, self.overdue, Ratio(self.done, self.due)
        )


def plain_rows(session: Session, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` straight from the driver's cursor, in the session's transaction:
    tens of thousands of short tuples, with none of SQLAlchemy's per-row work (the
    statement still passes through the engine, its events and its logging)."""
    result = session.connection().exec_driver_sql(sql, dict(params))
    try:
        return list(result.cursor.fetchall()) if result.cursor is not None else []
    finally:
        result.close()


def scoped(scope: Scope, column: str, params: dict[str, Any]) -> str:
    """`` AND <column> IN (...)`` for a scope of units (nothing for every unit)."""
    if scope.unit_ids is None:
        return ""
    names = []
    for i, unit in enumerate(sorted(scope.unit_ids)):
        params[f"u{i}"] = unit
        names.append(f":u{i}")
    return f" AND {column} IN ({', '.join(names)})"


#: The assessments a live newer one supersedes (one small set, not a look-up per row).
_SUPERSEDED = (
    "SELECT n.supersedes_id FROM assessments n WHERE n.supersedes_id IS NOT NULL AND n.deleted = 0"
)


#: dossier id → period label → the first day (ISO text) an assessment for it was written.
Written = dict[str, dict[str, str]]
#: A dossier as the counts need it: id, unit id, category code, opened on, closed on (ISO).
AliveRow = tuple[str, str, str, str, str | None]


#: A scope of more units than this reads every dossier's assessments of the window: the rows
#: of dossiers outside it are never looked up, and testing each row's dossier against the
#: scope costs more than it saves over a district (a post, or a few, saves most rows).
_FEW_UNITS = 3


def _written(session: Session, scope: Scope, since: date, until: date) -> Written:
    """The first day an assessment was written for each period of each dossier, for the
    periods with a current (not superseded) assessment, in the window ``since``–``until``.

    The window's live assessments come from the covering ``ix_assessments_live_written``
    (the ``+`` keeps SQLite from walking every assessment of every dossier in scope, table
    rows and all), and are folded here: cheaper than SQLite sorting them to group them.
    Dates stay ISO text (``YYYY-MM-DD`` compares as the days do)."""
    params: dict[str, Any] = {"since": since.isoformat(), "until": until.isoformat()}
    sp = Spelling(session)
    in_scope = ""
    if scope.unit_ids is not None and len(scope.unit_ids) <= _FEW_UNITS:
        in_scope = f" AND {sp.unindexed('a.dossier_id')} IN (SELECT d.id FROM dossiers d"
        in_scope += f" WHERE {sp.always()}"
        in_scope += scoped(scope, "d.unit_id", params) + ")"
    rows = plain_rows(
        session,
        f"SELECT a.dossier_id, a.period, {sp.iso('a.written_on')}, a.id NOT IN ({_SUPERSEDED})"
        " FROM assessments a WHERE a.deleted = 0 AND a.period_start BETWEEN :since AND :until"
        f"{in_scope}",
        params,
    )
    written: Written = {}
    live: set[tuple[str, str]] = set()
    superseded: list[tuple[str, str]] = []
    for dossier_id, label, written_on, current in rows:
        periods = written.get(dossier_id)
        if periods is None:
            periods = written[dossier_id] = {}
        first = periods.get(label)
        if first is None or written_on < first:
            periods[label] = written_on
        if current:
            live.add((dossier_id, label))
        else:
            superseded.append((dossier_id, label))
    for dossier_id, label in superseded:  # a period whose every assessment was superseded
        if (dossier_id, label) not in live:
            written[dossier_id].pop(label, None)
    return written


def _alive(
    session: Session, scope: Scope, period: Period, window: date, codes: Sequence[str]
) -> list[AliveRow]:
    """The dossiers whose assessments ``period`` counts, as plain rows from the covering
    ``ix_dossiers_figures``."""
    if not codes:
        return []
    params: dict[str, Any] = {
        "transferred": DossierStatus.TRANSFERRED.value,
        "end": period.end.isoformat(),
        "window": window.isoformat(),
    }
    params.update((f"c{i}", code) for i, code in enumerate(codes))
    sp = Spelling(session)
    return plain_rows(
        session,
        f"SELECT d.id, d.unit_id, d.category_code, {sp.iso('d.opened_on')},"
        f" {sp.iso('d.closed_on')} FROM dossiers d"
        " WHERE d.deleted = 0 AND d.status != :transferred AND d.opened_on <= :end"
        " AND (d.closed_on IS NULL OR d.closed_on >= :window)"
        # unindexed: read through the covering index of units, not the one of categories
        f" AND {sp.unindexed('d.category_code')}"
        f" IN ({', '.join(f':c{i}' for i in range(len(codes)))})"
        + scoped(scope, "d.unit_id", params),
        params,
    )


def tallies(
    session: Session, scope: Scope, period: Period, today: date, rules: Mapping[str, CategoryRule]
) -> dict[tuple[str, str], Tally]:
    """(unit id, category code) → assessment counts for ``period`` as of ``today``.

    Two queries over covering indexes (the dossiers alive in the window, the written
    assessments in it), read as plain rows and counted on ISO text; :func:`tallies_counted`
    is the straightforward count through the ORM, which these must always equal.
    """
    # The earliest assessment period that can end inside ``period`` starts with its quarter.
    window = Period.quarter_of(period.start).start
    kinds = {code: rule.period_kind for code, rule in rules.items() if rule.period_kind}
    dossiers = _alive(session, scope, period, window, sorted(kinds))
    written = _written(session, scope, window, period.end)
    return _count(dossiers, written, period, today, rules)


def _count(
    dossiers: Iterable[AliveRow],
    written: Written,
    period: Period,
    today: date,
    rules: Mapping[str, CategoryRule],
) -> dict[tuple[str, str], Tally]:
    # A dossier owes a run of the periods (of its category's kind) that start in the report
    # period's first one and end inside it: from the one it opened in (or the first) to the
    # one it closed in (or the last). Each category's periods are worked out once, with
    # their due days, and a dossier's are a slice of them found from two month numbers.
    plans: dict[str, tuple[int, int, int, list[tuple[str, str, bool]], list[int]]] = {}
    for code, rule in rules.items():
        kind = rule.period_kind
        if kind is None:
            continue
        due = Period.of(kind, period.start)
        owed: list[tuple[str, str, bool]] = []
        overdue_before = [0]  # how many of the first i periods are past their due day
        while due.end <= period.end:
            due_on = due_date(rule, due)
            owed.append((due.label(), due_on.isoformat(), due_on < today))
            overdue_before.append(overdue_before[-1] + (due_on < today))
            due = due.next()
        begin = Period.of(kind, period.start).start
        month0 = begin.year * 12 + begin.month - 1
        plans[code] = (month0, 1 if kind == "month" else 3, len(owed), owed, overdue_before)
    firsts = {
        code: Period.of(r.period_kind, period.start).start.isoformat()
        for code, r in rules.items()
        if r.period_kind
    }
    end_of_period, today_text = period.end.isoformat(), today.isoformat()
    result: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for dossier_id, unit_id, code, opened_on, closed_on in dossiers:
        first_day = firsts[code]
        if closed_on is not None and closed_on < first_day:
            continue
        month0, months, count, periods, overdue_before = plans[code]
        start = opened_on if opened_on > first_day else first_day
        lo = (int(start[:4]) * 12 + int(start[5:7]) - 1 - month0) // months
        hi = count
        if closed_on is not None and closed_on <= end_of_period:
            hi = min(
                count, (int(closed_on[:4]) * 12 + int(closed_on[5:7]) - 1 - month0) // months + 1
            )
        tally = result[(unit_id, code)]
        if hi <= lo:
            continue
        tally.due += hi - lo
        open_today = closed_on is None or closed_on > today_text
        done = written.get(dossier_id)
        if done is None:
            if open_today:
                tally.overdue += overdue_before[hi] - overdue_before[lo]
            continue
        for label, due_day, late in periods[lo:hi]:
            first_written = done.get(label)
            if first_written is not None:
                tally.done += 1
                if first_written > due_day:
                    tally.done_late += 1
            elif late and open_today:
                tally.overdue += 1
    return dict(result)


# --- the straightforward count, through the ORM (what the fast reads must equal) --------
def _written_counted(
    session: Session, scope: Scope, since: date, until: date
) -> dict[tuple[str, str], date]:
    newer = aliased(Assessment)
    in_scope: ColumnElement[bool] = true()
    if scope.unit_ids is not None:
        in_scope = Assessment.dossier_id.in_(select(Dossier.id).where(scope.where(Dossier.unit_id)))
    superseded = (
        select(newer.id)
        .where(newer.supersedes_id == Assessment.id, newer.deleted.is_(False))
        .exists()
    )
    query = (
        select(
            Assessment.dossier_id,
            Assessment.period,
            func.min(Assessment.written_on),
            func.max(case((~superseded, 1), else_=0)),
        )
        .where(
            Assessment.deleted.is_(False),
            Assessment.period_start.between(since, until),
            in_scope,
        )
        .group_by(Assessment.dossier_id, Assessment.period)
    )
    return {(d, p): first for d, p, first, current in session.execute(query) if current}


def _count_plain(
    dossiers: Iterable[tuple[str, str, str, date, date | None]],
    written: Mapping[tuple[str, str], date],
    period: Period,
    today: date,
    rules: Mapping[str, CategoryRule],
) -> dict[tuple[str, str], Tally]:
    kinds = {code: rule.period_kind for code, rule in rules.items() if rule.period_kind}
    result: dict[tuple[str, str], Tally] = defaultdict(Tally)
    firsts = {code: Period.of(kind, period.start).start for code, kind in kinds.items()}
    for dossier_id, unit_id, code, opened_on, closed_on in dossiers:
        first = firsts[code]
        if closed_on is not None and closed_on < first:
            continue
        start = max(opened_on, first)
        end = closed_on if closed_on is not None and closed_on <= period.end else None
        tally = result[(unit_id, code)]
        for due in assessment_periods(rules[code], start, period.end, end):
            due_on = due_date(rules[code], due)
            tally.due += 1
            first_written = written.get((dossier_id, due.label()))
            if first_written is not None:
                tally.done += 1
                if first_written > due_on:
                    tally.done_late += 1
            elif is_overdue(due_on, today, done=False, closed_on=closed_on):
                tally.overdue += 1
    return dict(result)


def tallies_counted(
    session: Session, scope: Scope, period: Period, today: date, rules: Mapping[str, CategoryRule]
) -> dict[tuple[str, str], Tally]:
    """:func:`tallies` counted the straightforward way: typed rows through the ORM, each
    dossier's periods worked out one by one."""
    window = Period.quarter_of(period.start).start
    codes = sorted(code for code, rule in rules.items() if rule.period_kind)
    dossiers = session.execute(
        select(
            Dossier.id, Dossier.unit_id, Dossier.category_code, Dossier.opened_on, Dossier.closed_on
        ).where(
            Dossier.deleted.is_(False),
            scope.where(Dossier.unit_id),
            Dossier.status != DossierStatus.TRANSFERRED.value,
            Dossier.category_code.in_(codes),
            Dossier.opened_on <= period.end,
            (Dossier.closed_on.is_(None)) | (Dossier.closed_on >= window),
        )
    ).tuples()
    written = _written_counted(session, scope, window, period.end)
    return _count_plain(dossiers, written, period, today, rules)


def build(counts: Mapping[tuple[str, str], Tally], categories: Sequence[str]) -> Assessments:
    """Figures per category (catalogue order, categories with assessments) and in total."""
    by_code: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for (_unit, code), tally in counts.items():
        by_code[code].add(tally)
        total.add(tally)
    figures = {code: tally.figures() for code, tally in by_code.items()}
    return Assessments(in_order(figures, categories, AssessmentFigures()), total.figures())


def per_unit(
    counts: Mapping[tuple[str, str], Tally], owners: Mapping[str, str]
) -> dict[str, Tally]:
    """Fold the counts onto head units (``owners``: unit id → head unit id)."""
    folded: dict[str, Tally] = defaultdict(Tally)
    for (unit_id, _code), tally in counts.items():
        if unit_id in owners:
            folded[owners[unit_id]].add(tally)
    return dict(folded)


def categories_with_cadence(rules: Mapping[str, CategoryRule], order: Iterable[str]) -> list[str]:
    """Category codes (in ``order``) that need assessments at all."""
    return [code for code in order if code in rules and rules[code].period_kind is not None]
