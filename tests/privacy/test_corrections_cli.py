"""``antt person edit --reason`` and ``antt person history``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def test_history_lists_each_correction_in_the_officers_words(post: Callable[..., Any]) -> None:
    person = post(
        "person", "add", "--name", "Lò Văn Páo", "--born", "1990", "--phone", "0912000111",
        "--json",
    ).json  # fmt: skip
    refused = post("person", "edit", person["id"], "--phone", "0912000222")
    assert refused.code != 0
    assert "Lý do đính chính: phải ghi khi sửa thông tin đã có (đính chính)" in refused.err
    saved = post(
        "person", "edit", person["id"], "--phone", "0912000222", "--reason", "Đổi số điện thoại"
    )
    assert saved.code == 0, saved.err
    shown = post("person", "history", person["id"])
    assert "Lịch sử đính chính: Lò Văn Páo" in shown.out
    assert "Số điện thoại: 0912000111 → 0912000222" in shown.out
    assert "Lý do đính chính: Đổi số điện thoại" in shown.out
    [line] = post("person", "history", person["id"], "--json").json
    assert (line["old_value"], line["new_value"]) == ("0912000111", "0912000222")
