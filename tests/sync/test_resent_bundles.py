"""The same rows sent again under a new bundle (an acknowledgement that never came back):
what the upper unit holds already is counted unchanged and left exactly as it is, and
whatever changed since is merged as usual. A table whose rows were all merged before is
known by its count and digest and not read again; one with a row refused is read again and
refused again."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from antt_desktop.services.catalogue_specs import CATEGORY
from antt_desktop.store.models import CatalogueVersion, Person, SyncTableDigest
from antt_desktop.sync import payload
from tests.sync.helpers import add, edit
from tests.sync.nodes import Network


def _seqs(node_people: list[Person]) -> dict[str, int]:
    return {p.id: p.local_seq for p in node_people}


def test_rows_sent_again_are_counted_unchanged_and_left_as_they_are(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ids = [add(post, name) for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
    [first] = post.export_to(upper)
    report = upper.import_file(first)
    assert report.totals().new > len(ids)
    before = upper.dump_hash()
    with upper.read() as ctx:
        seqs = _seqs(ctx.session.query(Person).all())

    [again] = post.export_to(upper)  # the district's acknowledgement never reached the post
    assert again.name != first.name
    report = upper.import_file(again)

    totals = report.totals()
    assert (totals.new, totals.updated, totals.refused, totals.pending) == (0, 0, 0, 0)
    assert totals.unchanged == totals.total > len(ids)
    assert report.table("persons").unchanged == len(ids)
    assert upper.dump_hash() == before
    with upper.read() as ctx:
        assert _seqs(ctx.session.query(Person).all()) == seqs
    assert upper.import_file(again).already_imported


def test_a_row_changed_since_is_merged_beside_the_rows_sent_again(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ids = [add(post, name) for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
    for path in post.export_to(upper):
        upper.import_file(path)
    edit(post, ids[1], phone="0912345678")

    [again] = post.export_to(upper)
    report = upper.import_file(again)

    persons = report.table("persons")
    assert (persons.new, persons.updated, persons.unchanged) == (0, 1, 2)
    with upper.read() as ctx:
        changed = ctx.session.get(Person, ids[1])
        assert changed is not None and changed.phone == "0912345678"


def test_tables_merged_whole_before_are_not_read_again(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper = net.upper()
    post = net.post(upper)
    ids = [add(post, name) for name in ("Nguyễn Văn An", "Trần Thị Bình")]
    for path in post.export_to(upper):
        upper.import_file(path)
    edit(post, ids[0], phone="0987654321")
    inflated: list[str] = []
    measure = payload.measure

    def counted(data: bytes, limit: int, name: str, keep: list[bytes] | None = None) -> int:
        inflated.append(name)
        return measure(data, limit, name, keep)

    monkeypatch.setattr(payload, "measure", counted)
    [again] = post.export_to(upper)  # every table as before, but the edited person
    report = upper.import_file(again)

    assert report.table("persons").updated == 1
    assert report.table("person_corrections").new == 1  # the edit's correction record
    assert report.table("units").unchanged == 1  # counted, as the officer is told...
    assert len(inflated) == len(report.tables) - 1  # ...but not read: only what changed was
    with upper.read() as ctx:
        person = ctx.session.get(Person, ids[0])
        assert person is not None and person.phone == "0987654321"


def test_a_table_with_a_refused_row_is_read_and_refused_again(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.db.write() as session:  # a catalogue version written behind the services' back
        session.add(
            CatalogueVersion(
                catalogue=CATEGORY, number=9, issued_on=date(2026, 11, 1), issuer="Tự đặt"
            )
        )
    [first] = net.send(post, upper)
    assert [r.table for r in first.refusals] == ["catalogue_versions"]

    [again] = post.export_to(upper)  # the same rows sent again
    report = upper.import_file(again)

    assert [r.table for r in report.refusals] == ["catalogue_versions"]
    with upper.read() as ctx:
        kept = ctx.session.scalars(select(SyncTableDigest.table_name)).all()
    assert "catalogue_versions" not in kept and "units" in kept
