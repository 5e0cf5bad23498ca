"""Relay to the province (SYNC.md "Relay to the province" and "Versions"): forwarded rows
keep their original stamps, a change reaching the province by two paths merges away, and
fields a newer minor version sent are kept and relayed unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from antt_desktop.store.models import Person, SyncConflict
from antt_desktop.sync import capture, rows
from antt_desktop.sync.tables import by_name
from tests.sync.helpers import add, edit, person
from tests.sync.nodes import Network, Node


def _row(node: Node, ident: str) -> dict[str, Any]:
    with node.db.read() as session:
        return rows.fetch(session.connection(), by_name()["persons"], [ident])[ident]


def _stamps(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["created_stamp"], row["field_stamps"], row["version_vector"]


def _extra(node: Node, ident: str) -> Any:
    with node.db.read() as session:
        found = session.execute(
            text("SELECT fields FROM sync_extra WHERE row_id = :i"), {"i": ident}
        ).scalar()
    if isinstance(found, str):  # SQLite's driver gives the JSON text, a server's it parsed
        return __import__("json").loads(found)
    return found or None


def test_forwarded_rows_keep_their_original_stamps(net: Network) -> None:
    province = net.province()
    upper = net.upper(above=province)
    post = net.post(upper)
    ident = add(post, "Nông Thị Lan", born="1988")
    edit(post, ident, occupation="Dệt thổ cẩm")
    net.send(post, upper)
    [report] = net.send(upper, province)
    assert report.table("persons").new == 1 and report.refusals == []
    assert _stamps(_row(province, ident)) == _stamps(_row(post, ident))
    net.send(province, upper)  # the catalogues of the province, which the upper unit takes
    assert province.dump_hash([post.unit_id]) == upper.dump_hash([post.unit_id])
    # a change made at the upper unit travels on with its own stamp, the post's kept
    edit(upper, ident, phone="0912000111")
    net.send(upper, province)
    at_province, at_upper = _row(province, ident), _row(upper, ident)
    assert _stamps(at_province) == _stamps(at_upper)
    assert (
        at_province["field_stamps"]["occupation"] == _row(post, ident)["field_stamps"]["occupation"]
    )


def test_one_change_reaching_the_province_by_two_paths_merges_away(net: Network) -> None:
    province = net.province()
    east = net.upper("huyen", above=province)
    west = net.upper("huyen2", above=province, code="CAT-DH", unit_name="Công an huyện Đại Từ")
    post = net.post(east)
    ident = add(post, "Chu Văn Yên", born="1975")
    net.send(post, east)
    net.send(east, province)
    net.send(province, west)
    edit(post, ident, occupation="Thợ xây")  # the change that takes two paths
    net.send(post, east)
    [first] = net.send(east, province)
    assert first.table("persons").updated == 1
    net.send(province, west)
    edit(west, ident, notes="Đã xác minh nơi làm việc")  # west's version carries it too
    [second] = net.send(west, province)
    assert second.table("persons").updated == 1 and second.table("persons").conflicts == 0
    # east's acknowledgement was lost: its next bundle carries the change a second time
    with east.db.write() as session:
        session.execute(text("UPDATE sync_peers SET acked_seq = 0"))
    [third] = net.send(east, province)
    assert third.table("persons").updated == 0 and third.table("persons").conflicts == 0
    stored = person(province, ident)
    assert stored is not None
    assert (stored.occupation, stored.notes) == ("Thợ xây", "Đã xác minh nơi làm việc")
    with province.read() as ctx:
        assert ctx.session.query(SyncConflict).count() == 0
    net.send(province, east)
    net.send(east, post)
    assert person(post, ident).notes == "Đã xác minh nơi làm việc"  # type: ignore[union-attr]
    assert len({n.dump_hash([post.unit_id]) for n in (province, east, west, post)}) == 1


def test_fields_of_a_newer_version_are_kept_and_relayed_unchanged(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    province = net.province()
    upper = net.upper(above=province)
    post = net.post(upper)
    ident = add(post, "Bế Văn Xuân", occupation="Làm ruộng")
    real = capture.capture

    def newer(*args: Any, **kwargs: Any) -> Any:  # a newer minor version: one more field
        out = real(*args, **kwargs)
        for row in out.get("persons", []):
            row["nickname"] = "Xuân Bế"
            row["field_stamps"] = {**row["field_stamps"], "nickname": row["created_stamp"]}
        return out

    monkeypatch.setattr(capture, "capture", newer)
    net.send(post, upper)
    monkeypatch.undo()
    assert _extra(upper, ident) == {"nickname": "Xuân Bế"}
    sent_stamp = _row(upper, ident)["field_stamps"]["nickname"]
    edit(upper, ident, phone="0977777777")  # this version's own write keeps the field
    net.send(upper, province)
    net.send(province, upper)
    assert _extra(province, ident) == {"nickname": "Xuân Bế"}
    assert _row(province, ident)["field_stamps"]["nickname"] == sent_stamp
    with province.read() as ctx:
        stored = ctx.session.get(Person, ident)
        assert stored is not None and stored.phone == "0977777777"
    assert province.dump_hash([post.unit_id]) == upper.dump_hash([post.unit_id])
