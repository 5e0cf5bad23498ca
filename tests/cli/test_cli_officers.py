"""The chief's and officers' full names and titles from the command line: ``antt init
--admin-name --admin-title``, ``antt user add --title``, ``antt user edit``."""

from __future__ import annotations

from collections.abc import Callable

from tests.cli.conftest import INIT, Run


def _listed(post: Callable[..., Run]) -> dict[str, dict[str, object]]:
    return {row["username"]: row for row in post("user", "list", "--json").json}


def test_init_records_the_chiefs_full_name_and_title(antt: Callable[..., Run]) -> None:
    r = antt(*INIT, "--admin-name", "Hoàng  Minh Tuấn", "--admin-title", "Trưởng Công an xã")
    assert r.code == 0, r.err
    assert "Cảnh báo" not in r.err
    chief = _listed(antt)["truongcong"]
    assert (chief["full_name"], chief["title"]) == ("Hoàng Minh Tuấn", "Trưởng Công an xã")
    listed = antt("user", "list").out
    assert "Trưởng Công an xã Hoàng Minh Tuấn" in listed


def test_init_without_a_name_in_a_script_warns_how_to_set_it(antt: Callable[..., Run]) -> None:
    r = antt(*INIT)
    assert r.code == 0, r.err
    assert "antt user edit truongcong --full-name" in r.err
    assert _listed(antt)["truongcong"]["full_name"] == "truongcong"


def test_user_edit_sets_and_keeps_name_and_title(post: Callable[..., Run]) -> None:
    r = post("user", "edit", "--full-name", "Hoàng Minh Tuấn", "--title", "Trưởng Công an xã")
    assert r.code == 0, r.err
    assert "Trưởng Công an xã Hoàng Minh Tuấn" in r.out
    assert post("user", "edit", "truongcong", "--title", "Thiếu tá").code == 0  # name kept
    chief = _listed(post)["truongcong"]
    assert (chief["full_name"], chief["title"]) == ("Hoàng Minh Tuấn", "Thiếu tá")
    refused = post("user", "edit", "truongcong", "--full-name", "  ")
    assert refused.code == 3
    assert "Họ và tên" in refused.err or "Họ tên" in refused.err
    assert _listed(post)["truongcong"]["full_name"] == "Hoàng Minh Tuấn"


def test_user_add_takes_a_title_and_an_officer_names_only_themselves(
    post: Callable[..., Run],
) -> None:
    added = post(
        "user", "add", "canbo1", "--role", "officer", "--full-name", "Lê Văn Công",
        "--title", "Thượng úy",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert _listed(post)["canbo1"]["title"] == "Thượng úy"
    refused = post("--user", "canbo1", "user", "edit", "truongcong", "--full-name", "Ai Đó")
    assert refused.code == 5
    own = post("--user", "canbo1", "user", "edit", "--title", "Đại úy")
    assert own.code == 0, own.err
    assert _listed(post)["canbo1"]["title"] == "Đại úy"
