"""The fast bulk path of the demo generator writes what the slow one wrote: the same seeded
records, stamped and sealed as a service's write would be, with the figures the triggers
keep and a search index in step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from antt_desktop.demo.common import DemoCancelled
from antt_desktop.demo.generate import generate
from antt_desktop.domain.enums import UnitKind
from antt_desktop.services.units import initialise
from antt_desktop.store import post_figures
from antt_desktop.store.base import Base, Synced
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.field_crypto import SEALED
from antt_desktop.store.models import Dossier, Household, LocalNode, Person
from antt_desktop.store.stamping import NodeClock
from tests.conftest import FakeWall
from tests.demo.test_demo import FIELDS_KEY, SMALL, TODAY
from tests.demo.test_demo import small as small  # the fixture

#: What seed 7 at the tests' size gave before the generator was made fast (each value is
#: drawn from the seeded random source: a change here means the demo data changed).
SEED_7_COUNTS = {
    "activities": 30,
    "areas": 11,
    "assessments": 106,
    "commendations": 5,
    "commitments": 11,
    "dossiers": 11,
    "evaluations": 27,
    "household_year_status": 2,
    "households": 80,
    "indicator_snapshots": 18,
    "initiative_funding": 1,
    "initiatives": 1,
    "persons": 300,
    "pledges": 240,
    "supports": 7,
    "team_areas": 1,
    "team_members": 6,
    "teams": 1,
    "violations": 2,
}


def _generated_models() -> list[Any]:
    """The models of the tables the generator fills in bulk."""
    return [
        m.class_
        for m in Base.registry.mappers
        if issubclass(m.class_, Synced) and getattr(m.class_, "__tablename__", "") in SEED_7_COUNTS
    ]


def test_seed_7_gives_the_records_it_always_gave(small: Database) -> None:
    with small.read() as session:
        counts = {
            t: n
            for t in SEED_7_COUNTS
            if (n := session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
        }
        first = session.execute(select(Person).order_by(Person.id).limit(1)).scalar_one()
        household = session.execute(select(Household).order_by(Household.id).limit(1)).scalar_one()
        dossier = session.execute(select(Dossier).order_by(Dossier.id).limit(1)).scalar_one()
        person = (
            first.id,
            first.full_name,
            first.born,
            first.sex,
            first.id_number,
            first.ethnic_code,
            first.permanent_address,
            first.occupation,
        )
        house = (household.id, household.number, household.address)
        kept = (dossier.id, dossier.category_code, str(dossier.opened_on))
    assert counts == SEED_7_COUNTS
    assert person == (
        "009d85c9-b111-48ce-a0e3-8abb9a621ae8",
        "Lý Văn Duy",
        "2017-12-07",
        "M",
        "001217930160",
        "01",
        "Số 94, phố Phạm Ngũ Lão, tổ dân phố Thượng, phường Hoàn Kiếm, thành phố Hà Nội",
        "Học sinh",
    )
    assert house == (
        "038b442c-bd72-48f0-9da4-f5469730b4e8",
        "0042",
        "Số 85, ngõ 42, phố Hùng Vương, tổ dân phố Đông Thịnh, phường Hoàn Kiếm, thành phố Hà Nội",
    )
    assert kept == ("036ad914-488d-43e5-84a1-15e5ddebe0b8", "RELEASED", "2023-08-17")


def test_bulk_rows_carry_the_stamps_a_service_write_gives(small: Database) -> None:
    """Each row: one stamp of this replica, no field stamps, owned by this node, its own
    local sequence number, and the node's clock left past every one of them."""
    seqs: list[int] = []
    with small.read() as session:
        node = session.get(LocalNode, 1)
        assert node is not None
        for model in _generated_models():
            for row in session.execute(select(model)).scalars():
                assert row.owner_node == node.node_id
                hlc, replica, counter = row.created_stamp
                assert (replica, row.hlc) == (node.replica_id, hlc)
                assert row.version_vector == {replica: counter}
                assert row.field_stamps == {}
                assert row.deleted is False
                seqs.append(row.local_seq)
        stored = session.execute(text("SELECT version_vector, created_stamp FROM persons")).first()
        assert stored is not None
        for value in stored:  # written as the database's own JSON serializer writes it
            assert value == json.dumps(json.loads(value), ensure_ascii=False, separators=(",", ":"))
        assert len(seqs) == len(set(seqs)) > 300
        assert node.seq >= max(seqs)


def test_sensitive_values_are_sealed_in_the_file(small: Database) -> None:
    with small.read() as session:
        for table, columns in SEALED.items():
            if table == "person_corrections":
                continue
            for column in columns:
                kinds = session.execute(
                    text(f"SELECT DISTINCT typeof({column}) FROM {table}")
                ).scalars()
                assert set(kinds) <= {"blob", "null"}, (table, column)


def test_kept_figures_equal_a_fresh_count(small: Database) -> None:
    query = text("SELECT * FROM post_pledge_figures WHERE n != 0 ORDER BY 1, 2, 3, 4, 5")
    with small.write() as session:
        conn = session.connection()
        kept = conn.execute(query).all()
        post_figures.rebuild(conn)
        counted = conn.execute(query).all()
        session.rollback()
    assert kept == counted
    assert len(kept) > 10


def _indexes(db: Database) -> set[tuple[str, str]]:
    with db.read() as session:
        rows = session.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        ).all()
    return {(name, sql) for name, sql in rows}


def test_the_indexes_built_after_the_load_are_the_schemas_own(db: Database) -> None:
    before = _indexes(db)
    generate(db, scale="commune", seed=7, today=TODAY, factor=SMALL)
    assert _indexes(db) == before
    with db.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar_one() == -32768  # set back


@pytest.mark.slow
def test_a_district_cancelled_keeps_the_communes_done_with_every_index(tmp_path: Path) -> None:
    db = open_database(
        tmp_path / "upper.sqlite3", create=True, wall=FakeWall(), fields_key=FIELDS_KEY
    )
    with db.write() as session:
        initialise(
            session,
            unit_code="CAT-TN",
            unit_name="Công an tỉnh Thái Nguyên",
            admin="admin",
            kind=UnitKind.UPPER_UNIT,
        )
    before = _indexes(db)
    seen: list[str] = []

    def progress(stage: str, _done: int, _total: int) -> bool:
        seen.append(stage)
        return seen.count("dossiers") < 2  # stop in the second commune

    with pytest.raises(DemoCancelled):
        generate(db, scale="district", seed=2, today=TODAY, factor=0.002, progress=progress)
    with db.read() as session:
        posts = session.execute(text("SELECT count(*) FROM units WHERE kind = 'commune_post'"))
        people = session.execute(text("SELECT count(DISTINCT unit_id) FROM persons"))
        assert (posts.scalar_one(), people.scalar_one()) == (1, 1)
        audited = session.execute(
            text("SELECT count(*) FROM audit_entries WHERE action = 'demo_data'")
        ).scalar_one()
    assert audited == 1
    assert _indexes(db) == before
    db.close()


def test_a_run_of_stamps_is_the_run_of_single_stamps() -> None:
    """``NodeClock.next_many`` (the bulk path) hands out what as many ``next`` calls would."""

    def clock() -> NodeClock:
        node = LocalNode(node_id="n", replica_id="r", hlc=5 << 16, counter=7, seq=11)
        return NodeClock(node, FakeWall())

    one, many = clock(), clock()
    singles = [one.next() for _ in range(5)]
    assert [((hlc, "r", counter), seq) for hlc, counter, seq in many.next_many(5)] == [
        (tuple(stamp), seq) for stamp, seq in singles
    ]
    assert (many.node.hlc, many.node.counter, many.node.seq) == (
        one.node.hlc,
        one.node.counter,
        one.node.seq,
    )
