"""Demo data: reproducible, sized as asked, valid by the services' own rules, searchable."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from antt_desktop.demo.common import DemoCancelled, DemoTargetNotEmpty
from antt_desktop.demo.generate import DISTRICT_COMMUNES, generate
from antt_desktop.domain.enums import Sex, UnitKind
from antt_desktop.domain.idnumber import check_id_number
from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import assessment_status
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx
from antt_desktop.services.people import PersonInput, validate
from antt_desktop.services.units import initialise, ward_details
from antt_desktop.store import search_index, search_index_check
from antt_desktop.store.base import SYNC_COLUMNS, natural_id
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.field_crypto import SEALED
from antt_desktop.store.models import (
    Assessment,
    Dossier,
    DossierCategory,
    Household,
    Person,
    Pledge,
    Unit,
)
from tests.conftest import OFFICER, FakeWall

#: Inside the first days of December: November's monthly assessments are due, older ones
#: left unwritten are overdue.
TODAY = date(2026, 12, 3)
SMALL = 0.02

#: The demo's fields key (store/field_crypto.py): one for every post these tests make.
FIELDS_KEY = bytes(range(32))


def _post(path: Path) -> Database:
    db = open_database(path, create=True, wall=FakeWall(), fields_key=FIELDS_KEY)
    with db.write() as session:
        initialise(
            session,
            unit_code="00070",
            unit_name="Công an phường Hoàn Kiếm",
            admin="admin",
            upper_code="CAT-HN",
            upper_name="Công an thành phố Hà Nội",
        )
    return db


def _content_hash(db: Database) -> str:
    """Hash of persons, households, dossiers and assessments without the sync stamps (which
    depend on the clock and the node); unit ids are replaced by unit codes."""
    digest = hashlib.sha256()
    with db.read() as session:
        codes: dict[str, str] = {i: c for i, c in session.execute(select(Unit.id, Unit.code))}
        for model in (Person, Household, Dossier, Assessment):
            table = model.__table__
            cols = [
                getattr(model, c.name) if c.name in SEALED.get(table.name, ()) else c
                for c in table.columns
                if c.name not in SYNC_COLUMNS or c.name == "id"
            ]  # sealed values opened: each seal takes a fresh nonce
            for row in session.execute(select(*cols).order_by(table.c.id)).mappings():
                values = {k: codes.get(v, v) if k == "unit_id" else v for k, v in row.items()}
                digest.update(json.dumps(values, default=str, sort_keys=True).encode())
    return digest.hexdigest()


def _count(db: Database, model: Any) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


@pytest.fixture
def small(db: Database) -> Database:
    """The fixture post filled at 2% of commune size."""
    generate(db, scale="commune", seed=7, today=TODAY, factor=SMALL)
    return db


@pytest.mark.slow
def test_same_seed_gives_the_same_records_ids_included(tmp_path: Path) -> None:
    hashes = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        db = _post(tmp_path / f"{name}.sqlite3")
        generate(db, scale="commune", seed=seed, today=TODAY, factor=SMALL)
        hashes.append(_content_hash(db))
        db.close()
    assert hashes[0] == hashes[1]
    assert hashes[0] != hashes[2]


def test_counts_follow_the_size_factor(db: Database) -> None:
    summary = generate(db, scale="commune", seed=7, today=TODAY, factor=SMALL)

    assert summary.units == ["00070"]
    assert _count(db, Person) == summary.counts["persons"] == 300
    assert _count(db, Household) == summary.counts["households"] == 80
    # Three years of pledges, all collected by December (signed, refused or violated).
    assert _count(db, Pledge) == summary.counts["pledges"] == 3 * 80
    assert 8 <= summary.counts["areas"] <= 14
    assert summary.counts["activities"] == 30
    assert summary.counts["dossiers"] >= 11  # at least one of every category
    assert summary.to_dict()["persons"] == 300
    assert summary.elapsed > 0


def test_households_have_a_head_and_three_to_five_members(small: Database) -> None:
    with small.read() as session:
        sizes = Counter(session.execute(select(Person.household_id)).scalars())
        for hh in session.execute(select(Household)).scalars():
            head = session.get(Person, hh.head_person_id)
            assert head is not None and head.household_id == hh.id
            assert head.relation_to_head == "Chủ hộ"
            assert 3 <= sizes[hh.id] <= 5
        relations = set(session.execute(select(Person.relation_to_head)).scalars())
    assert relations <= {"Chủ hộ", "Vợ", "Chồng", "Con", "Bố", "Mẹ", "Cháu"}
    assert {"Chủ hộ", "Vợ", "Con"} <= relations


def test_id_numbers_match_sex_and_birth_year_and_are_unique(small: Database) -> None:
    with small.read() as session:
        codes = catalogues.codes(session, catalogues.ID_PROVINCE)
        people = session.execute(select(Person)).scalars().all()
    numbers = [p.id_number for p in people if p.id_number]
    assert len(numbers) >= 0.95 * len(people)
    assert len(set(numbers)) == len(numbers)
    for p in people:
        if p.id_number:
            assert p.sex is not None and p.birth_year is not None
            assert (
                check_id_number(
                    p.id_number, sex=Sex(p.sex), birth_year=p.birth_year, province_codes=codes
                )
                == []
            )
    local = sum(n.startswith("001") for n in numbers)  # Hà Nội, where the post is
    assert local >= 0.6 * len(numbers)
    assert any(p.born and len(p.born) == 4 for p in people)  # some known only by year


@pytest.mark.slow
def test_posts_generated_apart_in_blocks_share_no_id_number(tmp_path: Path) -> None:
    numbers: list[set[str]] = []
    for n in range(3):
        db = _post(tmp_path / f"post{n}.sqlite3")
        generate(db, scale="commune", seed=n + 1, today=TODAY, factor=SMALL, id_block=(n, 3))
        with db.read() as session:
            numbers.append(set(session.execute(select(Person.id_number)).scalars()) - {None})
        db.close()
    assert all(numbers)
    assert not (numbers[0] & numbers[1] or numbers[0] & numbers[2] or numbers[1] & numbers[2])


def test_people_pass_the_people_service_validation(small: Database) -> None:
    with small.read() as session:
        ctx = Ctx(session, OFFICER, TODAY)
        sample = session.execute(select(Person).order_by(Person.sort_key).limit(60)).scalars()
        for person in sample:
            problems, _born = validate(ctx, PersonInput.from_person(person), existing_id=person.id)
            assert [p for p in problems if p.is_error] == [], person.full_name


def test_family_names_follow_real_frequencies(tmp_path: Path) -> None:
    db = _post(tmp_path / "names.sqlite3")
    generate(db, scale="commune", seed=11, today=TODAY, factor=0.1)
    with db.read() as session:
        names = session.execute(select(Person.full_name)).scalars().all()
    db.close()
    share = Counter(n.split()[0] for n in names)
    assert 0.33 <= share["Nguyễn"] / len(names) <= 0.43
    assert share["Trần"] > share["Phạm"] > share["Đặng"]


def test_every_dossier_category_is_present(small: Database) -> None:
    with small.read() as session:
        used = set(session.execute(select(Dossier.category_code)).scalars())
        known = set(session.execute(select(DossierCategory.code)).scalars())
    assert used == known


def test_some_assessments_are_due_and_some_overdue(small: Database) -> None:
    states: Counter[str] = Counter()
    with small.read() as session:
        for dossier in session.execute(select(Dossier).where(Dossier.status == "open")).scalars():
            cat = catalogues.category(session, dossier.category_code)
            assert cat is not None
            done = {
                Period.parse(label)
                for label in session.execute(
                    select(Assessment.period).where(Assessment.dossier_id == dossier.id)
                ).scalars()
            }
            for state in assessment_status(
                catalogues.rule_of(cat), dossier.opened_on, None, done, TODAY
            ):
                states[state.status] += 1
    assert states["done"] > 0
    assert states["due"] > 0
    assert states["overdue"] > 0


def test_records_read_like_an_officers_and_keep_the_rules(tmp_path: Path) -> None:
    db = _post(tmp_path / "content.sqlite3")
    generate(db, scale="commune", seed=5, today=TODAY, factor=0.2)
    with db.read() as session:
        cats = {c.code: c for c in catalogues.categories(session)}
        rows = session.execute(
            select(Assessment, Dossier).join(Dossier, Dossier.id == Assessment.dossier_id)
        ).all()
        for a, d in rows:
            period = Period.parse(a.period)
            assert period.end >= d.opened_on and (
                d.closed_on is None or period.start <= d.closed_on
            )
            assert period.start <= a.written_on <= TODAY
            assert a.rating in cats[d.category_code].ratings
        contents = [a.content for a, _d in rows]
        released = (
            session.execute(select(Dossier.id).where(Dossier.category_code == "RELEASED"))
            .scalars()
            .all()
        )
        reoffences = session.execute(
            text("SELECT count(DISTINCT dossier_id) FROM violations WHERE is_reoffence = 1")
        ).scalar_one()
        pledge = session.execute(select(Pledge).limit(1)).scalar_one()
    db.close()
    assert len(set(contents)) >= 0.97 * len(contents)
    assert all(c.startswith(("Trong", "Qua")) for c in contents)
    assert 0.04 <= reoffences / len(released) <= 0.15  # seed 003: 2 of 21
    assert pledge.id == natural_id("pledges", pledge.household_id, pledge.year)


def test_search_index_is_in_step_with_the_tables(small: Database) -> None:
    with small.read() as session:
        conn = session.connection()
        assert search_index_check.verify(conn) == []
        person = session.execute(select(Person).limit(1)).scalar_one()
        hits = search_index.search(conn, person.full_name, kind="person", limit=50)
    assert person.id in {h.ref for h in hits}


def test_cancel_rolls_the_commune_back(db: Database) -> None:
    def progress(stage: str, _done: int, _total: int) -> bool:
        return stage != "dossiers"

    with pytest.raises(DemoCancelled):
        generate(db, scale="commune", seed=7, today=TODAY, factor=SMALL, progress=progress)
    assert _count(db, Person) == 0
    assert _count(db, Household) == 0


def test_a_database_with_people_is_refused_untouched(small: Database) -> None:
    before = _count(small, Person)
    with pytest.raises(DemoTargetNotEmpty):
        generate(small, scale="commune", seed=8, today=TODAY, factor=SMALL)
    assert _count(small, Person) == before


@pytest.mark.slow
def test_district_has_thirty_real_communes_of_one_province(tmp_path: Path) -> None:
    db = open_database(
        tmp_path / "upper.sqlite3", create=True, wall=FakeWall(), fields_key=FIELDS_KEY
    )
    with db.write() as session:
        upper = initialise(
            session,
            unit_code="CAT-TN",
            unit_name="Công an tỉnh Thái Nguyên",
            admin="admin",
            kind=UnitKind.UPPER_UNIT,
        )
    summary = generate(db, scale="district", seed=2, today=TODAY, factor=0.002)
    with db.read() as session:
        posts = session.execute(select(Unit).where(Unit.parent_id == upper.id)).scalars().all()
        per_unit = Counter(session.execute(select(Person.unit_id)).scalars())
        numbers = (
            session.execute(select(Person.id_number).where(Person.id_number.is_not(None)))
            .scalars()
            .all()
        )
    db.close()
    assert len(posts) == DISTRICT_COMMUNES == len(summary.units)
    assert {p.code for p in posts} == set(summary.units)
    for post in posts:
        place, parent = ward_details(post.code)
        assert place is not None and post.place_name == place
        assert parent == "CÔNG AN TỈNH THÁI NGUYÊN"
        assert post.kind == "commune_post" and per_unit[post.id] == 30
    assert set(per_unit) == {p.id for p in posts}
    assert len(set(numbers)) == len(numbers)
