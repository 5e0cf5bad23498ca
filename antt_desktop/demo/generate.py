"""``antt demo-data``: fill a fresh database with realistic, reproducible synthetic records.

Commune scale fills this post's own unit (15,000 people...). District scale fills 30 real
commune-level units of one real province under this (upper) unit, each of commune size;
province scale 100 of them (the province benchmark of a server, issue #16).

One transaction fills them all, each commune under its own savepoint: a cancel takes back
only the commune in hand and keeps the others, while a crash or an error leaves the
database as it was (never half made). Rows go in by prepared ``executemany``
(:class:`~antt_desktop.demo.common.BulkWriter`), the big tables' plain indexes are built
once at the end (:func:`~antt_desktop.demo.common.bulk_load`), and memory stays bounded:
the rows of one commune at a time in Python, a fixed page cache in SQLite (what does not
fit goes into the file: a rollback journal, not the write-ahead log, while the generator
holds the file alone, :func:`~antt_desktop.demo.common.file_journal`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.demo import names
from antt_desktop.demo.activities import generate_activities
from antt_desktop.demo.areas import plan_areas
from antt_desktop.demo.awards import generate_commendations
from antt_desktop.demo.common import (
    BulkWriter,
    DemoCancelled,
    DemoTargetNotEmpty,
    Progress,
    Rand,
    bulk_load,
    file_journal,
)
from antt_desktop.demo.commune import Commune
from antt_desktop.demo.dossiers import generate_dossiers
from antt_desktop.demo.initiatives import generate_initiatives
from antt_desktop.demo.people import PERSONS, generate_people
from antt_desktop.demo.places import (
    Province,
    WardInfo,
    all_province_codes,
    find_province,
    province,
    province_of_ward,
    ward_by_code,
    ward_info,
    wards,
)
from antt_desktop.demo.pledges import generate_pledges
from antt_desktop.demo.results import generate_evaluations, generate_indicators
from antt_desktop.demo.teams import generate_teams
from antt_desktop.services.units import ward_details
from antt_desktop.store import audit
from antt_desktop.store.database import Database
from antt_desktop.store.errors import DatabaseNotInitialised
from antt_desktop.store.models import Area, LocalNode, Person, Unit, User
from antt_desktop.store.stamping import bulk_stamper

Scale = Literal["commune", "district", "province"]
DISTRICT_COMMUNES = 30
#: Communes the province scale fills (issue #16's province: 100 posts, 1.5 million people).
PROVINCE_COMMUNES = 100
STAGES = ("areas", "people", "pledges", "teams", "dossiers", "initiatives")
ACTOR = "demo"


@dataclass
class DemoSummary:
    """What was generated: rows per table (committed ones only) and the time it took."""

    scale: str
    seed: int
    units: list[str] = field(default_factory=list)  # codes of the units filled
    counts: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def to_dict(self) -> dict[str, object]:
        """Flat figures for the CLI: scale, seed, units filled, rows per table, seconds."""
        return {
            "scale": self.scale,
            "seed": self.seed,
            "units": len(self.units),
            **dict(sorted(self.counts.items())),
            "elapsed_seconds": round(self.elapsed, 1),
        }


@dataclass(frozen=True)
class _Target:
    ward: WardInfo
    unit_id: str | None  # None: the unit is created (district scale)
    unit_code: str
    unit_name: str


def _local_unit(session: Session) -> Unit:
    node = session.get(LocalNode, 1)
    unit = session.get(Unit, node.unit_id) if node and node.unit_id else None
    if unit is None:
        raise DatabaseNotInitialised()
    return unit


def _unit_ward(unit: Unit) -> WardInfo:
    """The unit's official ward, or one made up from its name ("Công an xã Động Đạt")."""
    official = ward_by_code(unit.ward_code)
    if official is not None:
        return official
    name = unit.name.removeprefix("Công an ").strip()
    kind = "Phường" if name.lower().startswith("phường") else "Xã"
    place = unit.place_name or name.split(" ", 1)[-1]
    return ward_info(unit.code, f"{kind} {place}")


def _plan(session: Session, scale: Scale, rng: Rand) -> tuple[Unit, Province, list[_Target]]:
    local = _local_unit(session)
    if session.execute(select(func.count()).select_from(Person)).scalar_one():
        raise DemoTargetNotEmpty(unit=local.code)
    code = province_of_ward(local.ward_code) or find_province(
        local.name, local.parent_body, local.upper_label, local.place_name
    )
    prov = province(code or rng.choice(all_province_codes()))
    if scale == "commune":
        ward = _unit_ward(local)
        return local, prov, [_Target(ward, local.id, local.code, local.name)]
    taken = set(session.execute(select(Unit.code)).scalars())
    free = [w for w in wards(prov.code) if w.code not in taken]
    wanted = PROVINCE_COMMUNES if scale == "province" else DISTRICT_COMMUNES
    picked = sorted(rng.sample(free, min(wanted, len(free))), key=lambda w: w.code)
    return (
        local,
        prov,
        [_Target(w, None, w.code, f"Công an {w.phrase}") for w in picked],
    )


def generate(
    db: Database,
    *,
    scale: Scale,
    seed: int = 1,
    today: date,
    progress: Progress | None = None,
    factor: float = 1.0,
    id_block: tuple[int, int] | None = None,
) -> DemoSummary:
    """Generate demo data into an initialised database that holds no people yet.

    Args:
        db: the open database (commune scale: a post; district scale: an upper unit).
        scale: "commune" fills this unit; "district" adds and fills 30 commune units of the
            unit's province, "province" 100 (the province must have that many wards).
        seed: the same seed gives the same data, ids included.
        today: the day the data is "as of" (assessments due, pledges of this year...).
        progress: called as ``progress(stage, done, total)``; returning False cancels.
        factor: scales every count (tests use 0.02).
        id_block: ``(n, of)`` when posts generated one by one will meet at one upper unit
            (a benchmark of 30 posts): this post takes the n-th of ``of`` blocks of ID-number
            serials, so no two posts give the same ID number (each is unique nationwide).

    Raises:
        DemoTargetNotEmpty: the database already holds people.
        DemoCancelled: ``progress`` returned False; the commune in hand was rolled back.
    """
    started = time.perf_counter()
    summary = DemoSummary(scale=scale, seed=seed)
    with db.read() as session:
        local, prov, targets = _plan(session, scale, Rand(f"{seed}:plan"))
        upper_id, upper_name = local.id, local.name
    block, blocks = id_block if id_block is not None else (0, 1)
    if not 0 <= block < blocks:
        raise ValueError(f"ID block {block} of {blocks}")
    # each sex has its own serials (the sex is a digit of the number): a province's 1.5
    # million people take about 750,000 of each sex's million
    stride = 1_000_000 // (len(targets) * blocks)
    if round(PERSONS * factor) > 2 * stride * 0.9:
        raise ValueError(f"factor {factor} gives more people than ID serials allow")
    # the blocks of one set of posts share the offset: their serials then never meet
    offset_seed = f"blocks-of-{blocks}" if id_block is not None else seed
    offset = Rand(f"{offset_seed}:id-serials").randrange(1_000_000)
    total = len(targets) * len(STAGES)
    done = 0

    def step(stage: str) -> None:
        nonlocal done
        if progress is not None and progress(stage, done, total) is False:
            raise DemoCancelled(stage=stage)
        done += 1

    cancelled: DemoCancelled | None = None
    with file_journal(db.engine), db.write() as session, bulk_load(session.connection()):
        for index, target in enumerate(targets):
            counts: dict[str, int] = {}
            commune = session.begin_nested()  # a cancel takes back this commune alone
            try:
                with bulk_stamper(session, db.wall) as clock:
                    writer = BulkWriter(session, clock, counts)
                    step("areas")
                    unit_id = target.unit_id or _add_unit(
                        writer, Rand(f"{seed}:{index}:unit"), target, upper_id, upper_name
                    )
                    c = Commune(
                        index=index,
                        seed=seed,
                        today=today,
                        factor=factor,
                        unit_id=unit_id,
                        unit_name=target.unit_name,
                        ward=target.ward,
                        province=prov,
                        writer=writer,
                        id_serial_base=(block * len(targets) + index) * stride,
                        id_serial_count=stride,
                        id_serial_offset=offset,
                    )
                    _areas_and_officers(c)
                    _fill(c, step)
                audit.append(
                    session,
                    ACTOR,
                    "demo_data",
                    "unit",
                    unit_id,
                    [],
                    f"seed={seed} scale={scale} persons={counts.get('persons', 0)}",
                )
            except DemoCancelled as exc:
                commune.rollback()
                cancelled = exc
                break
            commune.commit()
            summary.units.append(target.unit_code)
            for table, n in counts.items():
                summary.counts[table] = summary.counts.get(table, 0) + n
    db.refresh_statistics(summary.counts)  # a server plans with the new rows at once
    if cancelled is not None:  # the communes done before it are kept
        raise cancelled
    if progress is not None:
        progress("done", total, total)
    summary.elapsed = time.perf_counter() - started
    return summary


def _fill(c: Commune, step: Callable[[str], None]) -> None:
    step("people")
    generate_people(c)
    step("pledges")
    generate_pledges(c)
    step("teams")
    generate_teams(c)
    step("dossiers")
    violations = generate_dossiers(c)
    step("initiatives")
    initiatives = generate_initiatives(c)
    activities = generate_activities(c, initiatives)
    generate_evaluations(c, initiatives)
    generate_indicators(c, activities, violations)
    generate_commendations(c, initiatives)


def _add_unit(
    writer: BulkWriter, rng: Rand, target: _Target, upper_id: str, upper_name: str
) -> str:
    place, parent_body = ward_details(target.unit_code)
    unit_id = rng.uid()
    writer.insert(
        Unit,
        [
            {
                "id": unit_id,
                "code": target.unit_code,
                "name": target.unit_name,
                "kind": "commune_post",
                "parent_id": upper_id,
                "parent_body": parent_body,
                "place_name": place,
                "ward_code": target.unit_code if place else None,
                "upper_label": upper_name,
            }
        ],
    )
    audit.append(writer.session, ACTOR, "create", "unit", unit_id, ["code", "name", "kind"])
    return unit_id


def _areas_and_officers(c: Commune) -> None:
    rng = c.rng("areas")
    c.areas = plan_areas(rng, c.province, c.ward, rng.randint(8, 14))
    c.area_ids = [rng.uid() for _ in c.areas]
    c.writer.insert(
        Area,
        [
            {"id": area_id, "unit_id": c.unit_id, "name": plan.name, "kind": plan.kind}
            for area_id, plan in zip(c.area_ids, c.areas, strict=True)
        ],
    )
    for _ in range(rng.randint(6, 9)):
        sex = "M" if rng.chance(0.85) else "F"
        year = c.today.year - rng.randint(24, 50)
        family = names.family_name(rng, southern=c.province.southern)
        c.officers.append(names.full_name(rng, family, sex, year))
    _name_the_chief(c)


def _name_the_chief(c: Commune) -> None:
    """The post's chief account gets the demo chief's full name and title ("Trưởng Công an
    xã"), as a real post's would, so booklets and signatures print a person's name. A name or
    title the post gave its chief (``antt init --admin-name``, the accounts window) is kept,
    and the demo's records are written under that name instead."""
    kind = " ".join(c.unit_name.split()[:3])  # "Công an xã Phú Lương" → "Công an xã"
    chiefs = c.writer.session.execute(
        select(User).where(User.unit_id == c.unit_id, User.role == "chief", User.deleted.is_(False))
    ).scalars()
    for chief in chiefs:
        named = (chief.full_name or "").strip()
        if named and named != chief.username:  # not only the account name standing in
            c.officers[0] = named
        else:
            chief.full_name = c.officers[0]
        if not (chief.title and chief.title.strip()):
            chief.title = f"Trưởng {kind}"
