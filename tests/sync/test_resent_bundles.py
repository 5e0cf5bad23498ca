"""The same rows sent again under a new bundle (an acknowledgement that never came back):
what the upper unit holds already is counted unchanged and left exactly as it is, and
whatever changed since is merged as usual."""

from __future__ import annotations

from antt_desktop.store.models import Person
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
