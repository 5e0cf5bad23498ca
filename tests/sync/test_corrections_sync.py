"""A person's correction history travels with the person to the upper unit (an append-only
table, merged as a union by id)."""

from __future__ import annotations

from antt_desktop.services import corrections
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.store.models import Person
from tests.sync.nodes import Network


def test_the_history_of_a_correction_reaches_the_upper_unit(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Lò Văn Páo", phone="0912000111")).person.id
    net.send(post, upper)
    with post.write() as ctx:
        edit_person(ctx, pid, {"phone": "0912000222"}, reason="Đổi số điện thoại")
    [report] = net.send(post, upper)
    assert report.table("person_corrections").new == 1
    with upper.read(Actor("capTren", "upper")) as ctx:
        person = ctx.session.get(Person, pid)
        assert person is not None and person.phone == "0912000222"
        [line] = corrections.history(ctx, pid)
    assert (line.field, line.old_value, line.new_value) == ("phone", "0912000111", "0912000222")
    assert line.reason == "Đổi số điện thoại" and line.corrected_by == "canbo1"
    net.send(upper, post)
    net.send(post, upper)
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])
