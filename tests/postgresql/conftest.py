"""The post on a PostgreSQL server: ``db`` (and what builds on it: ``write``, ``read``,
``db_state``) here is a commune post on the test server, a copy of one made once per
session (``CREATE DATABASE … TEMPLATE``: a fresh database per test, in a few ms).

The same post as the SQLite fixtures make (unit 00070 under CAT-HN, the chief ``admin``),
without a key file (on a server the accounts' login is to come): the chief's session holds
a fields key, as the SQLite fixtures' does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from antt_desktop.services.units import initialise
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.models import User
from tests.conftest import FakeWall
from tests.postgresql import server

SAMPLE_CHECK = (
    "the search index's quick check on PostgreSQL (store/search_index_check.py verify_sample: rowid"
    " picks)"
)
#: a test that breaks the index with SQLite's own statement: its setup, not the program
SQLITE_SETUP = "the test turns SQLite's foreign keys off (PRAGMA) to break the index"
_CHECK = "test_store_search_index_check"
#: the full check's comparison in SQL walks the records a stretch of SQLite rowids at a time
FULL_CHECK = (
    "full search index check on PostgreSQL (store/search_index_check.py verify: rowid stretches)"
)
_AS_THEY_TYPE = "test_officers_find_people_as_they_type"

#: The store's tests that need a piece not ported yet ((module, test name or its prefix) ->
#: the piece). Expected to fail, strictly: the list of what remains (docs/POSTGRESQL.md).
NOT_YET: dict[tuple[str, str], str] = {
    (_CHECK, "test_a_sound_index_passes[sample"): SAMPLE_CHECK,
    (_CHECK, "test_a_stale_and_a_missing_entry[sample"): SAMPLE_CHECK,
    (_CHECK, "test_the_sample_sees_beyond_itself_only_through_the_counts"): SAMPLE_CHECK,
    (_CHECK, "test_an_entry_whose_record_is_gone"): SQLITE_SETUP,
    (_CHECK, "test_a_sound_index_passes[full"): FULL_CHECK,
    (_CHECK, "test_a_stale_and_a_missing_entry[full"): FULL_CHECK,
    (_CHECK, "test_an_entry_without_its_text_is_named_by_the_full_check"): FULL_CHECK,
    (_CHECK, "test_a_full_text_index_out_of_step_with_its_text_is_named"): FULL_CHECK,
    (_CHECK, "test_the_full_check_finds_what_a_field_by_field_comparison_finds"): FULL_CHECK,
    ("test_store_search", "test_verify_finds_an_index_out_of_step"): FULL_CHECK,
    ("test_store_search", "test_index_follows_edits"): FULL_CHECK,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.parent != here:
            continue
        for (module, prefix), piece in NOT_YET.items():
            if item.path.stem == module and item.name.startswith(prefix):
                item.add_marker(pytest.mark.xfail(strict=True, reason=f"not yet: {piece}"))


#: The fields key of the posts on the server (the SQLite fixtures' chief holds one too).
FIELDS_KEY = bytes(range(32))


@pytest.fixture(scope="session")
def postgresql_post(postgresql_server: str) -> Iterator[tuple[str, int]]:
    """The template post's database name and where its wall clock stopped."""
    url = server.create_database(postgresql_server)
    wall = FakeWall()
    db = open_database(url, create=True, wall=wall, fields_key=FIELDS_KEY)
    try:
        with db.write() as session:
            unit = initialise(
                session,
                unit_code="00070",
                unit_name="Công an phường Hoàn Kiếm",
                admin="admin",
                upper_code="CAT-HN",
                upper_name="Công an thành phố Hà Nội",
            )
            admin = session.execute(select(User).where(User.unit_id == unit.id)).scalar_one()
            admin.role = "chief"
            admin.full_name = "admin"
    finally:
        db.close()
    name = url.partition("?")[0].rsplit("/", 1)[1]
    yield name, wall.now
    server.drop_database(postgresql_server, url)


@pytest.fixture
def db(
    postgresql_server: str, postgresql_post: tuple[str, int], tmp_path: Path
) -> Iterator[Database]:
    """A commune post on the PostgreSQL test server, logged in as its chief 'admin'."""
    template, stopped = postgresql_post
    url = server.create_database(postgresql_server, template=template)
    database = open_database(url, wall=FakeWall(stopped), local_dir=tmp_path, fields_key=FIELDS_KEY)
    yield database
    database.close()
    server.drop_database(postgresql_server, url)
