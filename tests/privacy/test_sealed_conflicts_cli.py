"""``antt sync conflicts`` over an ID number: the officer reads both numbers from the sealed
conflict; a viewer is told they are protected and reads neither."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from antt_desktop.sync import conflict_store
from antt_desktop.sync.merge import Conflict

POST_NUMBER = "001090000222"
UPPER_NUMBER = "001090000333"


def _conflict(post: Callable[..., Any]) -> str:
    person = post(
        "person", "add", "--name", "Nguyễn Văn Đức", "--born", "12/03/1990", "--sex", "M",
        "--id-number", POST_NUMBER, "--json",
    ).json  # fmt: skip
    assert post("user", "add", "xem1", "--role", "viewer").code == 0
    db = post.open_db()  # type: ignore[attr-defined]
    try:
        with db.write() as session:  # what an import records when both sides changed it
            conflict = Conflict(
                "id_number", "field", POST_NUMBER, [1, "a", 0], UPPER_NUMBER, [2, "b", 0]
            )
            conflict_store.record(session.connection(), [("persons", person["id"], conflict)], "x")
        with db.read() as session:
            raw = session.execute(text("SELECT kept_value, other_value FROM sync_conflicts"))
            stored = " ".join(str(v) for row in raw for v in row)
    finally:
        db.close()
    assert POST_NUMBER not in stored and UPPER_NUMBER not in stored
    return str(person["id"])


@pytest.mark.slow
def test_the_officer_reads_both_numbers_and_a_viewer_neither(post: Callable[..., Any]) -> None:
    _conflict(post)
    listed = post("sync", "conflicts")
    assert listed.code == 0, listed.err
    assert POST_NUMBER in listed.out and UPPER_NUMBER in listed.out
    seen = post("--user", "xem1", "sync", "conflicts")
    assert seen.code == 0, seen.err
    assert "Nguyễn Văn Đức" in seen.out and seen.out.count("(thông tin được bảo vệ)") == 2
    assert POST_NUMBER not in seen.out and UPPER_NUMBER not in seen.out
    as_data = post("--user", "xem1", "--json", "sync", "conflicts").json["conflicts"]
    assert [c["protected"] for c in as_data] == [True]
    assert POST_NUMBER not in str(as_data) and UPPER_NUMBER not in str(as_data)
