"""The assessment booklets of the demo dossiers: one entry per month or quarter from opening
to today, with a few recent periods deliberately left unwritten (due and overdue work)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from antt_desktop.demo import assessment_text
from antt_desktop.demo.common import Rand
from antt_desktop.demo.commune import Commune
from antt_desktop.demo.dossier_plan import DossierPlan
from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import assessment_periods, due_date
from antt_desktop.services import catalogues
from antt_desktop.store.models import Assessment

#: Share of open dossiers whose last period(s) are overdue, and of due periods not yet done.
OVERDUE_SHARE = 0.08
DUE_UNDONE_SHARE = 0.5
#: Helpers that are organisations write some assessments themselves.
_BODIES = ("Hội ", "Chi hội ", "Chi đoàn ", "Ban công tác ")
_RATING_WEIGHTS: dict[int, dict[str, tuple[int, ...]]] = {
    4: {"good": (75, 22, 3, 0), "mixed": (25, 45, 25, 5), "poor": (5, 25, 45, 25)},
    2: {"good": (96, 4), "mixed": (75, 25), "poor": (40, 60)},
}


def _missing(
    rng: Rand, c: Commune, plans: list[DossierPlan], periods: dict[str, list[Period]]
) -> set[tuple[str, Period]]:
    """Periods left unwritten: some due (still in time) and some overdue."""
    missing: set[tuple[str, Period]] = set()
    due_now: list[tuple[str, Period]] = []
    overdue_candidates: list[tuple[str, list[Period]]] = []
    for p in plans:
        if p.closed_on is not None or not periods[p.id]:
            continue
        rule = catalogues.rule_of(p.category)
        late = [q for q in periods[p.id] if due_date(rule, q) < c.today]
        for q in periods[p.id]:
            if due_date(rule, q) >= c.today:
                due_now.append((p.id, q))
        if late:
            overdue_candidates.append((p.id, late[-2:]))
    for key in due_now:
        if rng.chance(DUE_UNDONE_SHARE):
            missing.add(key)
    if due_now and not missing:
        missing.add(rng.choice(due_now))
    count = max(1, round(len(overdue_candidates) * OVERDUE_SHARE)) if overdue_candidates else 0
    for dossier_id, late in rng.sample(overdue_candidates, count):
        missing.add((dossier_id, late[-1]))
        if len(late) > 1 and rng.chance(0.3):
            missing.add((dossier_id, late[0]))
    return missing


def write_assessments(c: Commune, plans: list[DossierPlan]) -> None:
    """Insert the assessments of every dossier (about 12 per dossier)."""
    rng = c.rng("assessments")
    periods = {
        p.id: assessment_periods(catalogues.rule_of(p.category), p.opened_on, c.today, p.closed_on)
        for p in plans
    }
    missing = _missing(rng, c, plans, periods)
    rows: list[dict[str, Any]] = []
    for p in plans:
        subject = assessment_text.Subject(
            name=p.person.name,
            sex=p.person.sex,
            age=p.person.age(c.today),
            area=c.areas[p.person.area].phrase,
            occupation=p.person.occupation,
            place_short=c.place,
        )
        for period in periods[p.id]:
            if (p.id, period) in missing or (p.closed_on and rng.chance(0.01)):
                continue
            rows.append(_row(rng, c, p, period, subject))
    c.writer.insert(Assessment, rows)


def _row(
    rng: Rand, c: Commune, p: DossierPlan, period: Period, subject: assessment_text.Subject
) -> dict[str, Any]:
    ratings = [str(r) for r in p.category.ratings or []]
    bad = any(period.contains(d) for d in p.bad_days)
    weights = _RATING_WEIGHTS.get(len(ratings), {}).get(p.quality)
    if not ratings:
        rating, index = None, 0
    elif bad:
        index = len(ratings) - 1
        rating = ratings[index]
    else:
        index = rng.choices(range(len(ratings)), weights=weights)[0] if weights else 0
        rating = ratings[index]
    complied = not bad and (index <= 1 if len(ratings) > 2 else index == 0)
    reported = complied or rng.chance(0.5)
    working = p.working if rng.chance(0.93) else not p.working
    content, steps = assessment_text.write(
        rng, subject, p.category.code, period, complied=complied, reported=reported, working=working
    )
    return {
        "id": rng.uid(),
        "dossier_id": p.id,
        "period": period.label(),
        "period_start": period.start,
        "written_on": _written_on(rng, c, p, period),
        "author": p.helper[:120]
        if p.helper and p.helper.startswith(_BODIES) and rng.chance(0.15)
        else p.officer,
        "content": content,
        "rating": rating,
        "has_stable_work": working,
        "complied": complied,
        "reported_on_time": reported,
        "next_steps": steps,
        "supersedes_id": None,
    }


def _written_on(rng: Rand, c: Commune, p: DossierPlan, period: Period) -> date:
    """Written in the last days of the period or the first days after it."""
    first = max(period.start, p.opened_on)
    last = min(c.today, p.closed_on or c.today)
    day = period.end + timedelta(days=rng.randint(-4, 6))
    return max(first, min(day, last))
