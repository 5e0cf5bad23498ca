"""Security teams of a demo commune (tổ bảo vệ ANTT, tổ hòa giải, tổ công tác...)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from antt_desktop.demo.common import Rand, scaled
from antt_desktop.demo.commune import Commune, Resident, TeamRec
from antt_desktop.store.models import Team, TeamArea, TeamMember

TEAMS = 30
#: The law on forces protecting security and order at the grassroots took effect then.
GRASSROOTS_LAW = date(2024, 7, 1)


def _plan(c: Commune, count: int) -> list[tuple[str, str, int | None]]:
    """(kind, name, area) of each team: one security and one mediation team per area, two
    working groups of the post, then fire-safety, self-managed and people's security teams."""
    plans: list[tuple[str, str, int | None]] = []
    for i, area in enumerate(c.areas):
        plans.append(("grassroots_security", f"Tổ bảo vệ ANTT {area.phrase}", i))
    for i, area in enumerate(c.areas):
        plans.append(("mediation", f"Tổ hòa giải {area.phrase}", i))
    plans += [
        ("working_group", "Tổ công tác số 1", None),
        ("working_group", "Tổ công tác số 2", None),
    ]
    n = 0
    while len(plans) < count:
        i = n % len(c.areas)
        kind = ("fire_watch", "self_managed", "people_security")[(n // len(c.areas)) % 3]
        name = {
            "fire_watch": f"Tổ liên gia an toàn PCCC {c.areas[i].phrase}",
            "self_managed": f"Tổ tự quản về ANTT {c.areas[i].phrase}",
            "people_security": f"Tổ an ninh nhân dân số {n + 1}",
        }[kind]
        plans.append((kind, name, i))
        n += 1
    return plans[:count]


def _founded(rng: Rand, c: Commune, kind: str) -> date:
    latest = c.today - timedelta(days=30)
    grassroots = kind == "grassroots_security"
    first = GRASSROOTS_LAW if grassroots else date(c.today.year - 8, 1, 1)
    return rng.day(
        min(first, latest),
        min(first + timedelta(days=90 if grassroots else 2500), latest),
    )


def generate_teams(c: Commune) -> None:
    """Teams with 5-9 members each (leader, deputies, members) and the areas they cover."""
    rng = c.rng("teams")
    adults: dict[int, list[Resident]] = {i: [] for i in range(len(c.areas))}
    for r in c.residents:
        if 25 <= r.age(c.today) <= 68:
            adults[r.area].append(r)
    teams: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    covers: list[dict[str, Any]] = []
    for kind, name, area in _plan(c, scaled(TEAMS, c.factor)):
        founded = _founded(rng, c, kind)
        team_id = rng.uid()
        teams.append(
            {
                "id": team_id,
                "unit_id": c.unit_id,
                "kind": kind,
                "name": name,
                "founded_on": founded,
                "active": rng.chance(0.96),
            }
        )
        size = rng.randint(5, 9)
        people: list[tuple[str | None, str, str | None]]  # (person id, name, phone)
        if area is None:  # a working group of officers and commune officials
            people = [(None, n, None) for n in rng.sample(c.officers, min(3, len(c.officers)))]
            people += [
                (None, f"{role} {c.place}", None)
                for role in (
                    "Phó Chủ tịch UBND",
                    "Chủ tịch Ủy ban MTTQ",
                    "Bí thư Đoàn Thanh niên",
                    "Chủ tịch Hội Phụ nữ",
                )
            ][: size - len(people)]
            covers += [
                {"id": rng.uid(), "team_id": team_id, "area_id": c.area_ids[i]}
                for i in sorted(rng.sample(range(len(c.areas)), min(2, len(c.areas))))
            ]
        else:
            pool = adults[area] or [r for rows in adults.values() for r in rows]
            picked = rng.sample(pool, min(size, len(pool)))
            picked.sort(key=lambda r: (r.sex != "M", -r.age(c.today)))  # elders lead, mostly
            people = [(r.id, r.name, r.phone) for r in picked]
            covers.append({"id": rng.uid(), "team_id": team_id, "area_id": c.area_ids[area]})
        for j, (person_id, person_name, phone) in enumerate(people):
            role = "leader" if j == 0 else "deputy" if j <= (1 if size < 8 else 2) else "member"
            left = None
            if role == "member" and rng.chance(0.05):
                left = rng.day(founded, c.today)
            members.append(
                {
                    "id": rng.uid(),
                    "team_id": team_id,
                    "role": role,
                    "person_id": person_id,
                    "name": person_name,
                    "phone": phone,
                    "joined_on": founded,
                    "left_on": left,
                }
            )
        c.teams.append(TeamRec(team_id, kind, name, area, founded, people[0][1], people[0][0]))
    c.writer.insert(Team, teams)
    c.writer.insert(TeamMember, members)
    c.writer.insert(TeamArea, covers)
