"""A post's records reach its upper unit, and the upper unit's acknowledgement comes back."""

from __future__ import annotations

from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Person
from tests.sync.nodes import Network


def test_a_person_added_at_the_post_reaches_the_upper_unit(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Nguyễn Văn Đức", born="1985")).person
    [report] = net.send(post, upper)
    assert report.table("persons").new == 1
    with upper.read() as ctx:
        stored = ctx.session.get(Person, person.id)
        assert stored is not None and stored.full_name == "Nguyễn Văn Đức"
    net.send(upper, post)
    net.send(post, upper)
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])
