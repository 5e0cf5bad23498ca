"""Two desks of an upper unit on one server importing the same bundle at once (the server's
counterpart of tests/sync/test_delivery_cases.py's "two instances never import at once",
where a SQLite file's lock refuses the second window): one desk imports it, the other
waits for it — writes take turns — and then finds it imported; nothing is written twice."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from antt_desktop.store.database import open_database
from antt_desktop.sync.importer import import_bundle
from antt_desktop.sync.report import ImportReport
from tests.postgresql.at_once import at_once
from tests.postgresql.test_desks import _waiting_on_a_lock
from tests.sync.helpers import add
from tests.sync.nodes import Network, OnServer


@pytest.fixture
def network(postgresql_server: str, tmp_path: Path) -> Iterator[Network]:
    made = Network(tmp_path / "net", OnServer(postgresql_server, ("upper",)))
    yield made
    made.close()


def test_two_desks_importing_one_bundle_at_once_import_it_once(
    network: Network, tmp_path: Path
) -> None:
    upper = network.upper()
    post = network.post(upper)
    for i in range(20):
        add(post, f"Lục Văn Sơn {i}")
    [path] = post.export_to(upper)
    other = open_database(
        str(upper.location),
        wall=upper.wall,
        fields_key=upper.fields_key,
        local_dir=tmp_path / "desk-b",
    )
    a_writing, b_waited = threading.Event(), threading.Event()
    reports: dict[str, ImportReport] = {}

    def hold(stage: str, _done: int, _total: int) -> bool:
        """Desk A, inside its write: held until desk B waits for it (at most 30 s)."""
        if stage.startswith("write:") and not a_writing.is_set():
            a_writing.set()
            for _ in range(600):
                if _waiting_on_a_lock(upper.db):
                    b_waited.set()
                    break
                b_waited.wait(0.05)
        return True

    def desk_a() -> None:
        reports["A"] = import_bundle(upper.db, path, progress=hold)

    def desk_b() -> None:
        a_writing.wait(timeout=60)
        reports["B"] = import_bundle(other, path)

    failures = at_once(desk_a, desk_b)
    other.close()

    assert failures == []
    assert b_waited.is_set(), "desk B never waited for desk A's import"
    assert reports["A"].table("persons").new == 20 and not reports["A"].already_imported
    assert reports["B"].already_imported and reports["B"].totals().new == 0
    with upper.db.read() as session:
        persons = session.execute(
            text("SELECT count(*) FROM persons WHERE full_name LIKE 'Lục Văn Sơn %'")
        ).scalar_one()
        imports = session.execute(
            text("SELECT count(*) FROM audit_entries WHERE action = 'sync_import'")
        ).scalar_one()
    assert (persons, imports) == (20, 1)
