"""The last plain copies of sealed fields: the two values of a sync conflict over an ID
number and a received row waiting for its parent are sealed under the node's fields key
(docs/FIELD_ENCRYPTION.md). The database key alone reads neither; the officer still sees
both numbers and settles the conflict; a viewer is told the values are protected."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import select, text

from antt_desktop.i18n.translator import Translator
from antt_desktop.security.roles import Actor
from antt_desktop.services.units import add_area
from antt_desktop.store import resealing
from antt_desktop.store.field_crypto import FieldsLocked, FieldUnreadable
from antt_desktop.store.models import SyncConflict
from antt_desktop.sync import conflict_text, conflicts
from tests.sync.helpers import add, edit, person
from tests.sync.nodes import Network, Node

FIRST = "001090000111"
AT_POST = "001090000222"
AT_UPPER = "001090000333"
VIEWER = Actor("xem1", "viewer")


def _both_ways(net: Network, a: Node, b: Node) -> None:
    for _ in range(2):
        net.send(a, b)
        net.send(b, a)


def _raw_conflicts(node: Node) -> str:
    """Every value of every conflict as the database key alone reads it."""
    with node.db.read() as session:
        found = session.execute(select(SyncConflict.kept_value, SyncConflict.other_value))
        raw = session.execute(text("SELECT kept_value, other_value FROM sync_conflicts"))
        return "\n".join(str(v) for row in [*found, *raw] for v in row)


def _open(node: Node) -> list[conflicts.ConflictView]:
    with node.read() as ctx:
        return conflicts.open_conflicts(ctx.session)


def _id_number_conflict(net: Network) -> tuple[Node, Node, str]:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lò Văn Khánh", born="1990", id_number=FIRST)
    _both_ways(net, post, upper)
    edit(post, ident, id_number=AT_POST)
    edit(upper, ident, id_number=AT_UPPER)
    _both_ways(net, post, upper)
    return upper, post, ident


@pytest.mark.parametrize("choice", ["kept", "other"])
def test_an_id_number_conflict_is_sealed_shown_and_settled_on_both_nodes(
    net: Network, choice: str
) -> None:
    upper, post, ident = _id_number_conflict(net)
    for node in (post, upper):
        raw = _raw_conflicts(node)
        assert "antt-sealed" in raw
        assert AT_POST not in raw and AT_UPPER not in raw
    [at_post], [at_upper] = _open(post), _open(upper)
    assert at_post.field == "id_number" and not at_post.protected
    assert {at_post.kept_value, at_post.other_value} == {AT_POST, AT_UPPER}
    assert (at_upper.kept_value, at_upper.other_value) == (at_post.kept_value, at_post.other_value)
    winner = at_post.kept_value if choice == "kept" else at_post.other_value
    with post.write() as ctx:
        conflicts.resolve(ctx, at_post.id, choice)
    assert person(post, ident).id_number == winner  # type: ignore[union-attr]
    assert _open(post) == []
    _both_ways(net, post, upper)
    assert _open(upper) == []
    assert person(upper, ident).id_number == winner  # type: ignore[union-attr]
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])


def test_a_viewer_is_told_the_values_are_protected_and_cannot_choose(net: Network) -> None:
    _upper, post, _ident = _id_number_conflict(net)
    key = post.db.fields_key
    post.db.unlock_fields(None)  # a viewer's login: no fields key
    try:
        with post.read(VIEWER) as ctx:
            [seen] = conflicts.open_conflicts(ctx.session)
        assert seen.protected and seen.kept_value is None and seen.other_value is None
        shown = conflict_text.value_text(seen, seen.kept_value, Translator("vi"), kept=True)
        assert shown == "(thông tin được bảo vệ)"
        assert AT_POST not in repr(seen.to_dict()) and AT_UPPER not in repr(seen.to_dict())
        with pytest.raises(FieldsLocked), post.write() as ctx:
            conflicts.resolve(ctx, seen.id, "other")
    finally:
        post.db.unlock_fields(key)
    assert len(_open(post)) == 1  # nothing was written


def test_a_new_key_reseals_the_conflict_and_it_still_opens(net: Network) -> None:
    _upper, post, _ident = _id_number_conflict(net)
    old = post.db.fields_key
    assert old is not None
    with post.db.write() as session:
        assert resealing.reseal(session, old, os.urandom(32)) >= 1
    [seen] = _open(post)
    assert {seen.kept_value, seen.other_value} == {AT_POST, AT_UPPER}
    raw = _raw_conflicts(post)
    assert AT_POST not in raw and AT_UPPER not in raw


def _waiting_person(net: Network) -> tuple[Node, Node, str, list]:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        area = add_area(ctx, name="Thôn Nà Hang").id
    ident = add(post, "Hoàng Thị Mai", born="1990", id_number=FIRST, current_area_id=area)
    files = post.export_to(upper, volume_bytes=1500)  # small volumes: the area comes first
    assert len(files) >= 2
    assert upper.import_file(files[-1]).table("persons").pending == 1
    return upper, post, ident, files


def _raw_pending(node: Node) -> str:
    with node.db.read() as session:
        rows = session.execute(text('SELECT "row" FROM sync_pending')).scalars()
        # SQLite's driver gives the JSON text, a server's it parsed: the text either way
        return "\n".join(
            r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows
        )


@pytest.mark.parametrize("rotated", [False, True])
def test_a_person_waiting_for_the_area_holds_no_readable_number_and_lands(
    net: Network, rotated: bool
) -> None:
    upper, _post, ident, files = _waiting_person(net)
    raw = _raw_pending(upper)
    assert "Hoàng Thị Mai" in raw  # the row waits plain but for its sealed values
    assert FIRST not in raw and "antt-sealed" in raw
    if rotated:
        old = upper.db.fields_key
        assert old is not None
        with upper.db.write() as session:
            assert resealing.reseal(session, old, os.urandom(32)) >= 1
        assert FIRST not in _raw_pending(upper)
    for path in files[:-1]:
        upper.import_file(path)
    assert _raw_pending(upper) == ""
    assert person(upper, ident).id_number == FIRST  # type: ignore[union-attr]


def test_the_first_key_holder_after_an_upgrade_seals_plain_copies(net: Network) -> None:
    _upper, post, _ident = _id_number_conflict(net)
    [seen] = _open(post)
    with post.db.write() as session:  # as an older version left them: plain JSON
        session.execute(
            text("UPDATE sync_conflicts SET kept_value = :k, other_value = :o WHERE id = :id"),
            {"k": f'"{seen.kept_value}"', "o": f'"{seen.other_value}"', "id": seen.id},
        )
        session.execute(
            text(
                'INSERT INTO sync_pending (table_name, row_id, "row", peer_node, reason,'
                " missing, received_at) VALUES ('persons', 'p1', :row, 'x', 'parent', '[]',"
                " '2026-11-22T00:00:00')"
            ),
            {"row": f'{{"id": "p1", "full_name": "Lý Văn Tư", "id_number": "{FIRST}"}}'},
        )
    assert AT_POST in _raw_conflicts(post) and FIRST in _raw_pending(post)
    with post.db.write() as session:
        session.execute(text(f"PRAGMA user_version = {resealing.PENDING}"))
    post.db.unlock_fields(post.db.fields_key)  # the first login holding the key
    assert AT_POST not in _raw_conflicts(post) and FIRST not in _raw_pending(post)
    [again] = _open(post)
    assert (again.kept_value, again.other_value) == (seen.kept_value, seen.other_value)


def test_values_swapped_in_the_file_do_not_open_and_the_list_stays_usable(net: Network) -> None:
    _upper, post, _ident = _id_number_conflict(net)
    with post.db.write() as session:  # each sealed value is bound to its own column
        session.execute(
            text("UPDATE sync_conflicts SET kept_value = other_value, other_value = kept_value")
        )
    [seen] = _open(post)
    assert seen.protected and AT_POST not in repr(seen.to_dict())
    with pytest.raises(FieldUnreadable), post.write() as ctx:
        conflicts.resolve(ctx, seen.id, "kept")
    assert len(_open(post)) == 1  # nothing was written
