"""The post on a PostgreSQL server: ``db`` (and what builds on it: ``write``, ``read``,
``db_state``) here is a commune post on the test server, a copy of one made once per
session (``CREATE DATABASE … TEMPLATE``: a fresh database per test, in a few ms).

The same post as the SQLite fixtures make (unit 00070 under CAT-HN, the chief ``admin``),
without a key file: on a server the accounts log in through it (to come), and the sealed
fields stay locked (store/postgresql.py).
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

SEALED = "sealed fields on PostgreSQL (store/field_crypto.py, store/sealed.py: antt_open)"
FIGURES_REBUILD = "post_figures.rebuild on PostgreSQL (postgresql_schema.rebuild_figures)"

#: The store's tests that need a piece not ported yet (module, test name or its prefix ->
#: the piece). Expected to fail, strictly: the list of what remains (docs/POSTGRESQL.md).
NOT_YET: dict[tuple[str, str], str] = {
    ("test_store_changes", "test_a_new_person_is_reported_with_its_id"): SEALED,
    ("test_store_changes", "test_an_edit_reports_the_row"): SEALED,
    ("test_store_database", "test_a_failed_change_writes_nothing"): SEALED,
    ("test_store_database", "test_backup_and_restore_round_trip"): SEALED,
    ("test_store_post_figures", "test_the_figures_are_counted_again_on_demand"): FIGURES_REBUILD,
    ("test_store_search", ""): SEALED,  # every test writes people with ID numbers
    ("test_store_search_index_check", ""): SEALED,
    ("test_store_search_roles", ""): SEALED,
    ("test_store_stamping", "test_new_row_gets_a_full_stamp"): SEALED,
    ("test_store_stamping", "test_edit_stamps_only_the_changed_fields"): SEALED,
    ("test_store_stamping", "test_no_change_no_stamp"): SEALED,
    ("test_store_stamping", "test_hard_delete_is_refused"): SEALED,
    ("test_store_stamping", "test_append_only_rows_cannot_change"): SEALED,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.parent != here:
            continue
        for (module, prefix), piece in NOT_YET.items():
            if item.path.stem == module and item.name.startswith(prefix):
                item.add_marker(pytest.mark.xfail(strict=True, reason=f"not yet: {piece}"))


@pytest.fixture(scope="session")
def postgresql_post(postgresql_server: str) -> Iterator[tuple[str, int]]:
    """The template post's database name and where its wall clock stopped."""
    url = server.create_database(postgresql_server)
    wall = FakeWall()
    db = open_database(url, create=True, wall=wall)
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
    database = open_database(url, wall=FakeWall(stopped), local_dir=tmp_path)
    yield database
    database.close()
    server.drop_database(postgresql_server, url)
