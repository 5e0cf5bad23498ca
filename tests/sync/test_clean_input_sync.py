"""A bundle row holding a control character or a bidi override is refused like any other
invalid row: the whole bundle, with the recipient's database as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.sync.errors import BundleRefused
from tests.sync.nodes import Network


@pytest.mark.slow
@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("full_name", "Trần Thị\x1b[2J Hoà"),
        ("occupation", "Nông\u202edân"),
        ("full_name", "Trần\nThị Hoà"),  # a one-line field takes no line break
        ("notes", "Ghi chú\x9b nguy hiểm"),
    ],
)
def test_a_row_with_a_control_character_refuses_the_bundle(
    net: Network, column: str, value: str
) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        add_person(ctx, PersonInput(full_name="Trần Thị Hoà", born="1990"))
    with post.db.write() as s:  # as a damaged or hostile program would have stored it
        s.execute(text(f"UPDATE persons SET {column} = :v"), {"v": value})
    [path] = post.export_to(upper)
    before = upper.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        upper.import_file(path)
    assert upper.whole_file_hash() == before
    assert caught.value.reason == "invalid"
    message = sentence(caught.value.code, caught.value.params, Translator("vi"))
    assert f"persons row 1: {column}" in message


@pytest.mark.slow
def test_notes_keep_their_line_breaks_through_sync(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        add_person(ctx, PersonInput(full_name="Trần Thị Hoà", born="1990"))
    with post.db.write() as s:
        s.execute(text("UPDATE persons SET notes = :v"), {"v": "Dòng 1\r\n\tDòng 2"})
    [path] = post.export_to(upper)
    upper.import_file(path)
    with upper.db.read() as s:
        assert s.execute(text("SELECT notes FROM persons")).scalar_one() == "Dòng 1\r\n\tDòng 2"
