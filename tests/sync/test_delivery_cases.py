"""The failure cases of SYNC.md about delivery: volumes, parents that come late, restores,
full disks, pulled sticks, versions, photos, two paths, two instances."""

from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import event, text

from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.photos import set_photo
from antt_desktop.services.units import add_area
from antt_desktop.store import photos
from antt_desktop.store.database import open_database
from antt_desktop.store.errors import DatabaseLocked
from antt_desktop.store.models import Person
from antt_desktop.sync import attachments, bundle, stick
from antt_desktop.sync.errors import BundleRefused, SyncProblem
from tests.pictures import portrait
from tests.sync.helpers import add, edit, person
from tests.sync.nodes import Network


def _area_and_people(net: Network) -> tuple[Network, object, object, list[str]]:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        area = add_area(ctx, name="Thôn Đồng Tâm").id
    people = [add(post, f"Nông Văn Phúc {i}", current_area_id=area) for i in range(3)]
    return net, upper, post, people


def test_a_child_before_its_parent_waits_then_lands(net: Network) -> None:
    _, upper, post, people = _area_and_people(net)
    files = post.export_to(upper, volume_bytes=1500)  # small volumes: the area comes first
    assert len(files) >= 2
    last = upper.import_file(files[-1])
    assert last.table("persons").pending >= 1
    assert [w.code for w in last.warnings] == ["sync.warning.volumes_missing"]
    for path in files[:-1]:
        upper.import_file(path)
    for ident in people:
        assert person(upper, ident) is not None
    with upper.read() as ctx:
        assert (
            ctx.session.execute(
                __import__("sqlalchemy").text("SELECT count(*) FROM sync_pending")
            ).scalar_one()
            == 0
        )
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id]) or True


def test_volumes_in_any_order_with_one_missing_keep_what_came(net: Network) -> None:
    _, upper, post, people = _area_and_people(net)
    files = post.export_to(upper, volume_bytes=1500)
    missing, rest = files[0], files[1:]
    for path in reversed(rest):
        upper.import_file(path)
    missing.unlink()
    # nothing is acknowledged until every volume is in: the next export carries it all again
    again = post.export_to(upper, volume_bytes=10**9)
    assert len(again) == 1
    report = upper.import_file(again[0])
    assert report.warnings == []
    for ident in people:
        assert person(upper, ident) is not None


def test_an_upper_unit_restored_from_backup_gets_everything_again(
    net: Network, tmp_path: Path
) -> None:
    upper = net.upper()
    post = net.post(upper)
    kept = upper.backup(tmp_path / "huyen.bak")
    late = add(post, "Sầm Văn Quang")
    net.send(post, upper)
    net.send(upper, post)  # the post now holds the upper unit's acknowledgement
    upper.restore(kept)
    assert person(upper, late) is None  # the backup predates it
    net.send(upper, post)  # tells the post it has less than it acknowledged
    net.send(post, upper)
    assert person(upper, late) is not None
    net.send(upper, post)
    net.send(post, upper)
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])


def test_two_instances_never_import_at_once(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    add(post, "Lục Văn Sơn")
    [path] = post.export_to(upper)
    with pytest.raises(DatabaseLocked):
        open_database(upper.db.path)  # a second window on the same database
    before = upper.whole_file_hash()
    assert upper.import_file(path).table("persons").new == 1
    assert upper.whole_file_hash() != before


def test_a_full_disk_during_import_writes_nothing(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    for i in range(200):
        add(post, f"Triệu Văn Tài {i}", notes="ghi chú " * 40)
    [path] = post.export_to(upper)

    def tiny_disk(dbapi_conn: object, _record: object) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 5}")  # type: ignore[attr-defined]

    event.listen(upper.db.engine, "connect", tiny_disk)
    upper.db.engine.dispose()
    before = upper.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        upper.import_file(path)
    assert caught.value.reason == "disk_full"
    event.remove(upper.db.engine, "connect", tiny_disk)
    upper.db.engine.dispose()
    assert upper.whole_file_hash() == before
    assert upper.import_file(path).table("persons").new == 200


def test_a_stick_pulled_mid_export_leaves_only_a_part_file(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Hoàng Văn Út")

    def pulled(src, dst):  # type: ignore[no-untyped-def]
        dst.write(src.read(100))
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(stick, "_copy", pulled)
    before = post.whole_file_hash()
    with pytest.raises(SyncProblem) as caught:
        post.export_to(upper)
    assert caught.value.code == "sync.stick.unwritable"
    assert post.whole_file_hash() == before  # nothing advanced
    assert not list((post.stick / "to-huyen").glob("*.anttsync"))
    monkeypatch.undo()
    net.send(post, upper)
    assert person(upper, ident) is not None


def test_a_full_stick_is_reported(net: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    upper = net.upper()
    post = net.post(upper)

    def full(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(stick, "_copy", full)
    with pytest.raises(SyncProblem) as caught:
        post.export_to(upper)
    assert caught.value.code == "sync.stick.full"


def test_a_bundle_needing_a_newer_program_is_refused_and_left_in_place(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper = net.upper()
    post = net.post(upper)
    add(post, "Ma Văn Vinh")
    monkeypatch.setattr(bundle, "MIN_READER_SCHEMA", "9999")
    [path] = post.export_to(upper)
    monkeypatch.undo()
    before = upper.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        upper.import_file(path)
    assert caught.value.reason == "newer_schema"
    assert path.exists() and upper.whole_file_hash() == before


def test_a_bundle_from_an_older_program_keeps_what_it_does_not_know(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    from antt_desktop.sync import capture

    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Bế Văn Xuân", occupation="Làm ruộng")
    net.send(post, upper)
    edit(post, ident, phone="0977777777")
    real = capture.capture

    def older(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = real(*args, **kwargs)
        for row in out.get("persons", []):
            row.pop("occupation")  # an older program had no such column
        return out

    monkeypatch.setattr(capture, "capture", older)
    net.send(post, upper)
    stored = person(upper, ident)
    assert stored is not None and (stored.phone, stored.occupation) == ("0977777777", "Làm ruộng")


def test_a_photo_that_does_not_match_its_hash_is_refused(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Nguyễn Văn Ảnh")
    with post.write() as ctx:
        sha = set_photo(ctx, ident, portrait()).sha256
    monkeypatch.setattr(attachments, "read_all", lambda _s, hashes: {h: b"another" for h in hashes})
    [path] = post.export_to(upper)
    before = upper.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        upper.import_file(path)
    assert caught.value.reason == "attachment"
    assert upper.whole_file_hash() == before
    monkeypatch.undo()
    net.send(post, upper)
    with post.read() as here, upper.read() as there:
        assert photos.get(there.session, sha) == photos.get(here.session, sha) is not None


def test_a_photo_that_is_not_a_picture_is_refused_though_its_hash_matches(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Nguyễn Văn Ảnh")
    junk = b"MZ\x90\x00 a program, not a photo"
    sha = hashlib.sha256(junk).hexdigest()
    with post.write() as ctx:
        ctx.session.get(Person, ident).photo_sha256 = sha  # type: ignore[union-attr]
    monkeypatch.setattr(attachments, "read_all", lambda _s, hashes: {sha: junk})
    [path] = post.export_to(upper)
    before = upper.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        upper.import_file(path)
    assert caught.value.reason == "attachment_picture"
    said = sentence(caught.value.code, caught.value.params, Translator("vi"))
    assert "không phải là ảnh mở được" in said
    assert upper.whole_file_hash() == before


def test_one_change_reaching_the_province_by_two_paths_merges_away(net: Network) -> None:
    province = net.province()
    upper = net.upper(above=province)
    post = net.post(upper)
    ident = add(post, "Chu Văn Yên")
    net.send(post, upper)
    [first] = net.send(upper, province)
    assert first.table("persons").new == 1
    # the upper unit's acknowledgement was lost: its next bundle carries the row again
    with upper.db.write() as session:
        session.execute(text("UPDATE sync_peers SET acked_seq = 0"))
    [second] = net.send(upper, province)
    assert second.table("persons").new == 0 and second.table("persons").updated == 0
    assert person(province, ident) is not None
    net.send(province, upper)  # the upper unit takes the province's catalogues
    assert province.dump_hash([post.unit_id]) == upper.dump_hash([post.unit_id])
    shutil.rmtree(post.stick, ignore_errors=True)
