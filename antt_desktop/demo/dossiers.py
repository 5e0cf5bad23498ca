"""Management dossiers of a demo commune with commitments, support and violations.

The assessments of each dossier are written by :mod:`antt_desktop.demo.assessments`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from antt_desktop.demo import records_text
from antt_desktop.demo.assessments import write_assessments
from antt_desktop.demo.common import Rand
from antt_desktop.demo.commune import Commune
from antt_desktop.demo.dossier_plan import DossierPlan, plan_dossiers
from antt_desktop.domain.schedule import add_months
from antt_desktop.store.models import Commitment, Dossier, Support, Violation

REOFFENCE_RATE = 2 / 21  # seed 003: "02/21 = 9,5%"


def generate_dossiers(c: Commune) -> list[tuple[date, bool]]:
    """Dossiers, their commitments, support, violations and assessments; returns the
    violations as (day, is re-offence) for the indicators."""
    rng = c.rng("dossier-records")
    plans = plan_dossiers(c)
    violations = _violations(rng, c, plans)
    rows = [_dossier_row(rng, c, p) for p in plans]
    writer = c.writer
    writer.insert(Dossier, rows)
    writer.insert(Violation, violations)
    writer.insert(Commitment, _commitments(rng, c, plans))
    writer.insert(Support, _supports(rng, c, plans))
    write_assessments(c, plans)
    return [(v["occurred_on"], v["is_reoffence"]) for v in violations]


def _close_reason(rng: Rand, p: DossierPlan) -> str:
    if p.bad_days and p.category.code == "RELEASED":
        return "reoffended_detained"
    if p.category.code in ("YOUTH_RISK", "WANTED"):
        return "other" if rng.chance(0.7) else "moved_away"
    if p.category.code == "RELEASED" and rng.chance(0.6):
        return "record_expunged"
    return rng.weighted((("term_completed", 0.9), ("moved_away", 0.07), ("deceased", 0.03)))


def _dossier_row(rng: Rand, c: Commune, p: DossierPlan) -> dict[str, Any]:
    cat = p.category
    basis = records_text.legal_basis(rng, cat.code, p.opened_on.year, c.province, c.place, p.term)
    legal_date = p.opened_on - timedelta(days=rng.randint(2, 45)) if basis.number else None
    planned = add_months(p.opened_on, p.term) if p.term else None
    reason = _close_reason(rng, p) if p.closed_on else None
    classification = None
    if cat.uses_classification:
        classification = (
            "D"
            if p.bad_days
            else {"good": "A" if p.working else "B", "mixed": "B", "poor": "C"}[p.quality]
        )
    team = next(
        (t.id for t in c.teams if t.area == p.person.area and t.kind == "grassroots_security"), None
    )
    risk = None
    if p.quality != "good":
        risk = rng.choice(
            (
                "Có quan hệ với các đối tượng nghiện ma túy ngoài địa bàn",
                "Hay uống rượu, gây gổ khi say",
                "Hoàn cảnh khó khăn, dễ bị lôi kéo",
                "Thường xuyên đi khỏi địa phương không rõ lý do",
            )
        )
    return {
        "id": p.id,
        "unit_id": c.unit_id,
        "person_id": p.person.id,
        "category_code": cat.code,
        "legal_doc_number": basis.number,
        "legal_doc_date": legal_date,
        "legal_issuer": basis.issuer,
        "legal_summary": basis.summary,
        "opened_on": p.opened_on,
        "planned_end": planned,
        "status": "closed" if p.closed_on else "open",
        "closed_on": p.closed_on,
        "close_reason": reason,
        "close_note": records_text.close_note(rng, reason, p.closed_on)
        if reason and p.closed_on
        else None,
        "officer_name": p.officer,
        "team_id": team if rng.chance(0.7) else None,
        "helper_name": p.helper,
        "classification": classification,
        "risk_notes": risk,
    }


def _violations(rng: Rand, c: Commune, plans: list[DossierPlan]) -> list[dict[str, Any]]:
    """Re-offences of about 2 in 21 released persons, and administrative violations."""
    rows: list[dict[str, Any]] = []
    released = [
        p
        for p in plans
        if p.category.code == "RELEASED"
        and (p.closed_on or c.today) - p.opened_on > timedelta(days=120)
    ]
    reoffenders = rng.sample(released, min(len(released), round(len(released) * REOFFENCE_RATE)))
    reoffender_ids = {p.id for p in reoffenders}
    for p in plans:
        last = p.closed_on or c.today
        if p.id in reoffender_ids:
            day = rng.day(p.opened_on + timedelta(days=60), last - timedelta(days=10))
            p.quality, p.working = "poor", False
            p.closed_on = min(c.today, day + timedelta(days=rng.randint(3, 20)))
            kind, text, ref = records_text.violation(rng, p.category.code, reoffence=True)
            rows.append(
                _violation_row(
                    rng, p, day, kind, text, ref, reoffence=True, dangerous=rng.chance(0.3)
                )
            )
            p.bad_days.append(day)
            continue
        rate = {"DRUG_USER": 0.15, "POST_REHAB": 0.12, "YOUTH_RISK": 0.2}.get(p.category.code, 0.04)
        if (
            p.category.code != "WANTED"
            and last - p.opened_on > timedelta(days=45)
            and rng.chance(rate * (3 if p.quality == "poor" else 1))
        ):
            day = rng.day(p.opened_on + timedelta(days=30), last)
            kind, text, ref = records_text.violation(rng, p.category.code, reoffence=False)
            rows.append(
                _violation_row(rng, p, day, kind, text, ref, reoffence=False, dangerous=False)
            )
            p.bad_days.append(day)
    return rows


def _violation_row(
    rng: Rand,
    p: DossierPlan,
    day: date,
    kind: str,
    text: str,
    ref: str,
    *,
    reoffence: bool,
    dangerous: bool,
) -> dict[str, Any]:
    return {
        "id": rng.uid(),
        "person_id": p.person.id,
        "dossier_id": p.id,
        "occurred_on": day,
        "kind": kind,
        "description": text,
        "decision_ref": ref,
        "is_reoffence": reoffence,
        "dangerous": dangerous and reoffence,
    }


def _commitments(rng: Rand, c: Commune, plans: list[DossierPlan]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in plans:
        if p.category.code == "WANTED":
            continue
        last = min(c.today, p.closed_on or c.today)
        signed = min(last, p.opened_on + timedelta(days=rng.randint(0, 7)))
        area = c.areas[p.person.area].phrase
        rows.append(
            {
                "id": rng.uid(),
                "dossier_id": p.id,
                "household_id": None,
                "form_code": "HCD-05",
                "signed_on": signed,
                "text": records_text.commitment(
                    rng, p.category.code, p.person.name, f"{area}, {c.place}", c.place
                ),
                "witnesses": f"{p.officer}; {p.helper}" if p.helper else p.officer,
            }
        )
        if p.category.code == "MINOR":  # the parents answer for the child too
            hh = c.households[p.person.household]
            head = c.residents[hh.head]
            rows.append(
                {
                    "id": rng.uid(),
                    "dossier_id": None,
                    "household_id": hh.id,
                    "form_code": None,
                    "signed_on": signed,
                    "text": f"Gia đình ông (bà) {head.name} cam kết quản lý, giáo dục "
                    f"{p.person.name}, không để tái vi phạm pháp luật.",
                    "witnesses": p.officer,
                }
            )
    return rows


def _supports(rng: Rand, c: Commune, plans: list[DossierPlan]) -> list[dict[str, Any]]:
    kinds = (
        ("job", 30),
        ("loan", 25),
        ("livestock_seed", 12),
        ("training", 12),
        ("paperwork", 15),
        ("cash", 6),
    )
    eligible = {"RELEASED", "DRUG_USER", "POST_REHAB", "SUSPENDED", "NON_CUSTODIAL", "PAROLE"}
    rows: list[dict[str, Any]] = []
    for p in plans:
        if p.category.code not in eligible or not rng.chance(0.4):
            continue
        last = min(c.today, p.closed_on or c.today)
        for _ in range(rng.choice((1, 1, 2))):
            kind = rng.weighted(kinds)
            amount, provider, outcome = records_text.support(rng, kind, c.place)
            rows.append(
                {
                    "id": rng.uid(),
                    "dossier_id": p.id,
                    "kind": kind,
                    "amount_vnd": amount,
                    "provider": provider,
                    "given_on": rng.day(min(last, p.opened_on + timedelta(days=15)), last),
                    "outcome": outcome,
                }
            )
            if kind == "job":
                p.working = True
    return rows
