"""``antt person merge`` shows what moves and merges only when told; ``antt person
duplicates`` lists the records that look like one person."""

from __future__ import annotations

from typing import Any


def _add(post: Any, *args: str) -> str:
    r = post("person", "add", *args, "--json")
    assert r.code == 0, r.err
    return str(r.json["id"])


def test_merge_shows_the_plan_then_merges_with_yes(post: Any) -> None:
    kept = _add(post, "--name", "Đinh Thị Lan", "--born", "05/06/1988", "--phone", "0912345678")
    other = _add(post, "--name", "Dinh Thi Lan", "--born", "05/06/1988", "--occupation", "Buôn bán")
    found = post("person", "duplicates", "--json")
    assert [(p["first_id"], p["second_id"]) for p in found.json] in (
        [(kept, other)],
        [(other, kept)],
    )
    asked = post("person", "merge", kept, other)
    assert asked.code == 0, asked.err
    assert "Buôn bán  (lấy từ hồ sơ trùng)" in asked.out
    assert "Chưa gộp gì." in asked.out
    assert post("person", "show", other, "--json").code == 0  # not merged yet
    done = post("person", "merge", kept, other, "--yes", "--json")
    assert done.code == 0, done.err
    assert done.json["merged"] is True and "occupation" in done.json["filled"]
    assert post("person", "show", kept, "--json").json["occupation"] == "Buôn bán"
    assert post("person", "show", other).code != 0
    assert "Không có cặp hồ sơ nào nghi trùng." in post("person", "duplicates").out


def test_merge_is_refused_in_vietnamese_and_writes_nothing(post: Any) -> None:
    kept = _add(post, "--name", "Hà Văn Tú", "--id-number", "001090000011")
    other = _add(post, "--name", "Hà Văn Tú", "--id-number", "001090000022")
    r = post("person", "merge", kept, other, "--yes")
    assert r.code == 3
    assert "hai hồ sơ có số định danh khác nhau (001090000011 và 001090000022)" in r.err
    assert post("person", "show", other, "--json").json["id_number"] == "001090000022"
