"""Evaluations against the rubrics (e.g. 98/110, decision 844) and yearly indicator
snapshots that fall after the initiatives began, so before/after comparisons read 7 → 4."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from antt_desktop.demo.common import Rand
from antt_desktop.demo.commune import Commune
from antt_desktop.demo.initiatives import InitiativeRec
from antt_desktop.services import catalogues
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import Evaluation, IndicatorSnapshot, Rubric

INDICATOR_YEARS = 3
_UNIT_RUBRIC = "ANCS_2021"
_AREA_RUBRIC = "KDC_ANTT"


def _scores(rng: Rand, rubric: Rubric, total: int) -> dict[str, int]:
    """Points per criterion adding up to ``total`` (each within its maximum)."""
    maxima = {str(c["code"]): int(c["max"]) for c in rubric.criteria}
    total = max(0, min(total, sum(maxima.values())))
    points = dict(maxima)
    codes = list(points)
    while sum(points.values()) > total:
        code = rng.choice(codes)
        if points[code] > 0:
            points[code] -= 1
    return points


def _evaluation(
    rng: Rand,
    rubric: Rubric,
    subject: dict[str, str | None],
    day: date,
    total: int,
    decision: tuple[str, date, str] | None,
) -> dict[str, Any]:
    points = _scores(rng, rubric, total)
    got = sum(points.values())
    meets = got >= rubric.pass_mark
    number, decided, issuer = decision if decision and meets else (None, None, None)
    return {
        "id": rng.uid(),
        "initiative_id": None,
        "unit_id": None,
        "area_id": None,
        **subject,
        "evaluated_on": day,
        "rubric_code": rubric.code,
        "scores": points,
        "total": got,
        "max_total": sum(int(c["max"]) for c in rubric.criteria),
        "meets_standard": meets,
        "decision_number": number,
        "decision_date": decided,
        "decision_issuer": issuer,
        "supersedes_id": None,
    }


def generate_evaluations(c: Commune, initiatives: list[InitiativeRec]) -> None:
    """Yearly scoring of the grassroots-security initiative, the commune and its areas."""
    rng = c.rng("evaluations")
    session = c.writer.session
    unit_rubric = catalogues.rubric(session, _UNIT_RUBRIC)
    area_rubric = catalogues.rubric(session, _AREA_RUBRIC)
    rows: list[dict[str, Any]] = []
    province_body = f"UBND {c.province.phrase}"
    if unit_rubric is not None:
        for rec in initiatives:
            if rec.type_code not in ("BASE_SECURITY", "POLITICAL_SYSTEM"):
                continue
            for k, year in enumerate(range(rec.launched_on.year + 2, c.today.year + 1)):
                day = date(year, 3, rng.randint(5, 25))
                if day > c.today or (rec.ended_on and day > rec.ended_on):
                    break
                first = k == 0 and rec.type_code == "BASE_SECURITY"
                total = 98 if first else rng.randint(84, 104)  # seed 003: 98/110 points
                number = "844/QĐ-UBND" if first else f"{rng.randint(300, 990)}/QĐ-UBND"
                decided = date(year, 4, 1) if first else day + timedelta(days=rng.randint(7, 25))
                decision = (number, decided, province_body) if decided <= c.today else None
                rows.append(
                    _evaluation(rng, unit_rubric, {"initiative_id": rec.id}, day, total, decision)
                )
        for year in range(c.today.year - 2, c.today.year):
            day = date(year, 12, rng.randint(5, 20))
            rows.append(
                _evaluation(
                    rng, unit_rubric, {"unit_id": c.unit_id}, day, rng.randint(80, 102), None
                )
            )
    if area_rubric is not None:
        for year in range(c.today.year - 2, c.today.year):
            for area_id in c.area_ids:
                day = date(year, 11, rng.randint(10, 28))
                decided = day + timedelta(days=20)
                decision = (
                    (f"{rng.randint(10, 300)}/QĐ-UBND", decided, c.people_body)
                    if decided <= c.today
                    else None
                )
                rows.append(
                    _evaluation(
                        rng, area_rubric, {"area_id": area_id}, day, rng.randint(72, 98), decision
                    )
                )
    c.writer.insert(Evaluation, rows)


def generate_indicators(
    c: Commune, activities: list[dict[str, Any]], violations: list[tuple[date, bool]]
) -> None:
    """Three years of yearly counts; mediations and re-offences come from the records."""
    rng = c.rng("indicators")
    years = list(range(c.today.year - INDICATOR_YEARS, c.today.year))
    mediated: Counter[int] = Counter()
    for a in activities:
        mediated[a["held_on"].year] += a.get("cases_mediated", 0)
    reoffences = Counter(day.year for day, reoffence in violations if reoffence)
    trends = {
        "crime_tips": rng.randint(5, 12),
        "criminal_cases": rng.randint(2, 6),
        "traffic_accidents": rng.randint(8, 16),
        "social_vice_cases": rng.randint(3, 9),
    }
    rows: list[dict[str, Any]] = []
    for name, start in trends.items():
        value = start
        for k, year in enumerate(years):
            if k:  # falling by a quarter to a half over the years, as the press reports
                value = max(0, round(value * rng.uniform(0.6, 0.9)))
            rows.append(_snapshot(c, year, name, value))
    for year in years:
        rows.append(_snapshot(c, year, "reoffence_released", reoffences[year]))
        rows.append(_snapshot(c, year, "mediated_disputes", mediated[year]))
    c.writer.insert(IndicatorSnapshot, rows)


def _snapshot(c: Commune, year: int, indicator: str, value: int) -> dict[str, Any]:
    label = f"{year:04d}"
    return {
        "id": natural_id("indicator_snapshots", c.unit_id, label, indicator),
        "unit_id": c.unit_id,
        "period": label,
        "period_start": date(year, 1, 1),
        "indicator": indicator,
        "value": value,
    }
