"""A post's records reach its upper unit, and the upper unit's acknowledgement comes back."""

from __future__ import annotations

from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.photos import photo_of, remove_photo, set_photo
from antt_desktop.store.models import Person, StoredPhoto
from tests.pictures import portrait
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


def test_a_photo_set_at_the_post_arrives_at_the_upper_unit(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Lò Thị Ảnh", born="1992")).person.id
        photo = set_photo(ctx, pid, portrait(1200, 1600, "PNG"))
    [report] = net.send(post, upper)
    assert report.attachments == 1
    with upper.read() as ctx:
        assert ctx.session.get(Person, pid).photo_sha256 == photo.sha256  # type: ignore[union-attr]
        assert photo_of(ctx, pid) == photo.data
    # replaced at the post: the new one travels; removed: the record at the upper says so
    with post.write() as ctx:
        second = set_photo(ctx, pid, portrait(colour="#aa0000"))
    [report] = net.send(post, upper)
    assert report.attachments == 1
    with upper.read() as ctx:
        assert photo_of(ctx, pid) == second.data
        kept = {p.sha256 for p in ctx.session.query(StoredPhoto)}
    assert kept == {second.sha256}  # the replaced photo is not kept at the upper unit either
    with post.write() as ctx:
        remove_photo(ctx, pid)
    [report] = net.send(post, upper)
    assert report.attachments == 0
    with upper.read() as ctx:
        assert ctx.session.get(Person, pid).photo_sha256 is None  # type: ignore[union-attr]
        assert photo_of(ctx, pid) is None
    for node in (post, upper):
        with node.read() as ctx:
            assert ctx.session.query(StoredPhoto).count() == 0
    assert not (post.folder / "attachments").exists()
    assert not (upper.folder / "attachments").exists()
