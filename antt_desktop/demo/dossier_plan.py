"""Which residents of a demo commune have management dossiers, in which category, since
when and for how long, and how each of them is doing (what their records will say)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from antt_desktop.demo.common import Rand, scaled
from antt_desktop.demo.commune import Commune, Resident
from antt_desktop.demo.families import kinship
from antt_desktop.domain.schedule import add_months
from antt_desktop.services import catalogues
from antt_desktop.store.models import DossierCategory

DOSSIERS = 250
#: Share of each category among the dossiers (released persons, drug users and suspended
#: sentences are the most common), the ages it takes and its share of men.
MIX: dict[str, tuple[float, int, int, float]] = {
    "RELEASED": (50, 22, 62, 0.93),
    "DRUG_USER": (45, 18, 48, 0.92),
    "SUSPENDED": (50, 18, 60, 0.85),
    "NON_CUSTODIAL": (18, 18, 60, 0.85),
    "PAROLE": (14, 22, 60, 0.9),
    "PROBATION": (8, 25, 60, 0.95),
    "COMMUNE_EDUCATION": (13, 18, 50, 0.85),
    "POST_REHAB": (20, 20, 50, 0.93),
    "MINOR": (8, 14, 17, 0.85),
    "YOUTH_RISK": (19, 15, 24, 0.9),
    "WANTED": (5, 20, 55, 0.9),
}
#: How far back dossiers of a category were opened (months).
SPAN = {
    "RELEASED": 60,
    "SUSPENDED": 54,
    "PROBATION": 48,
    "YOUTH_RISK": 42,
    "WANTED": 48,
    "COMMUNE_EDUCATION": 18,
    "MINOR": 18,
}
#: Terms (months) as judgments and decisions set them; one is drawn per dossier and becomes
#: its planned end. Categories not listed use the catalogue's usual duration.
TERMS = {
    "RELEASED": (12, 24, 36, 36, 48, 60),
    "SUSPENDED": (12, 18, 24, 30, 36, 48, 60),
    "NON_CUSTODIAL": (6, 9, 12, 18, 24, 36),
    "PAROLE": (6, 9, 12, 18, 24, 30),
    "PROBATION": (12, 24, 36, 48, 60),
    "COMMUNE_EDUCATION": (3, 4, 5, 6),
    "MINOR": (3, 6, 6, 9, 12),
}


@dataclass
class DossierPlan:
    """A dossier being built and the facts its assessments must agree with."""

    id: str
    category: DossierCategory
    person: Resident
    opened_on: date
    term: int | None  # months; the planned end is this far after opening
    closed_on: date | None
    officer: str
    helper: str | None
    quality: str  # "good", "mixed" or "poor": how the person is doing
    working: bool
    bad_days: list[date] = field(default_factory=list)  # violations during the dossier


def _allocate(total: int, cats: list[DossierCategory]) -> dict[str, int]:
    """Dossiers per category: proportional to MIX, at least one of every category."""
    weights = {c.code: MIX.get(c.code, (5, 18, 60, 0.9))[0] for c in cats}
    total = max(total, len(cats))
    spare = total - len(cats)
    share = {code: spare * w / sum(weights.values()) for code, w in weights.items()}
    counts = {code: 1 + int(s) for code, s in share.items()}
    rest = sorted(share, key=lambda code: (-(share[code] - int(share[code])), code))
    for code in rest[: total - sum(counts.values())]:
        counts[code] += 1
    return counts


def _pick_people(rng: Rand, c: Commune, counts: dict[str, int]) -> dict[str, list[Resident]]:
    """Distinct residents of the right age and (mostly) sex for each category."""
    used: set[int] = set()
    chosen: dict[str, list[Resident]] = {}
    for code, n in counts.items():
        _w, low, high, men = MIX.get(code, (5, 18, 60, 0.9))
        pool = [i for i, r in enumerate(c.residents) if low <= r.age(c.today) <= high]
        rng.shuffle(pool)
        picked: list[Resident] = []
        for want_male in (rng.chance(men) for _ in range(n)):
            sex = "M" if want_male else "F"
            found = next(
                (i for i in pool if i not in used and c.residents[i].sex == sex),
                next((i for i in pool if i not in used), None),
            )
            if found is None:
                break
            used.add(found)
            picked.append(c.residents[found])
        chosen[code] = picked
    return chosen


def _helper(rng: Rand, c: Commune, person: Resident) -> str | None:
    family = [
        c.residents[i]
        for i in c.households[person.household].members
        if c.residents[i].id != person.id and c.residents[i].age(c.today) >= 25
    ]
    area = c.areas[person.area].phrase
    if family and rng.chance(0.6):
        helper = rng.choice(family)
        kin = kinship(person.relation, helper.relation, helper.sex, helper.birth < person.birth)
        return f"{helper.name} ({kin})"
    return rng.choice(
        (
            f"Hội Phụ nữ {area}",
            f"Chi hội Cựu chiến binh {area}",
            f"Chi đoàn Thanh niên {area}",
            f"Ban công tác Mặt trận {area}",
        )
    )


def _dates(rng: Rand, c: Commune, cat: DossierCategory) -> tuple[date, int | None]:
    """The opening day and the term in months (None: open-ended)."""
    first = add_months(c.today, -SPAN.get(cat.code, 36))
    # Somewhat more dossiers opened long ago than lately (their term has run for a while).
    back = round(((c.today - first).days - 3) * rng.random() ** 0.8)
    opened = c.today - timedelta(days=3 + back)
    terms = TERMS.get(cat.code)
    return opened, rng.choice(terms) if terms else cat.default_months


def plan_dossiers(c: Commune) -> list[DossierPlan]:
    """One plan per dossier: every category at least once, distinct people."""
    rng = c.rng("dossiers")
    cats = catalogues.categories(c.writer.session)
    counts = _allocate(scaled(DOSSIERS, c.factor), cats)
    people = _pick_people(rng, c, counts)
    plans: list[DossierPlan] = []
    for cat in cats:
        for person in people.get(cat.code, []):
            opened, term = _dates(rng, c, cat)
            planned_end = add_months(opened, term) if term else None
            quality = rng.weighted((("good", 0.7), ("mixed", 0.2), ("poor", 0.1)))
            closed = None
            if planned_end is not None and planned_end <= c.today:
                closed = min(c.today, planned_end + timedelta(days=rng.randint(0, 20)))
            elif cat.code in ("YOUTH_RISK", "WANTED") and rng.chance(0.3):
                closed = rng.day(opened + timedelta(days=60), c.today)
            plans.append(
                DossierPlan(
                    id=rng.uid(),
                    category=cat,
                    person=person,
                    opened_on=opened,
                    term=term,
                    closed_on=closed,
                    officer=c.officer_of_area(person.area),
                    helper=_helper(rng, c, person),
                    quality=quality,
                    working=(quality == "good" and rng.chance(0.8))
                    or (quality == "mixed" and rng.chance(0.4)),
                )
            )
    return plans
