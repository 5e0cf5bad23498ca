"""``antt dossier purge-due`` and ``antt dossier purge ID... --confirm``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _closed(post: Callable[..., Any]) -> str:
    person = post("person", "add", "--name", "Hà Văn Lợi", "--born", "1990", "--json").json
    dossier = post(
        "dossier", "open", "--person", person["id"], "--category", "DRUG_USER",
        "--opened", "05/01/2021", "--json",
    ).json  # fmt: skip
    closed = post(
        "dossier", "close", dossier["id"], "--closed", "10/01/2022", "--reason", "term_completed"
    )
    assert closed.code == 0, closed.err
    return str(dossier["id"])


def test_the_chief_lists_confirms_and_purges(post: Callable[..., Any]) -> None:
    dossier_id = _closed(post)
    listed = post("dossier", "purge-due")
    assert "Hồ sơ đề xuất hủy (đã hết thời hạn lưu) tính đến ngày 22/11/2026: 1" in listed.out
    assert "Hà Văn Lợi — Người sử dụng trái phép chất ma túy" in listed.out
    assert "kết thúc ngày 10/01/2022, lưu 3 năm, được hủy từ ngày 10/01/2025" in listed.out
    assert "Hủy cả thông tin nhân khẩu" in listed.out

    preview = post("dossier", "purge", dossier_id)
    assert preview.code == 0, preview.err
    assert "Sẽ hủy vĩnh viễn (không khôi phục được):" in preview.out
    assert "Chưa hủy hồ sơ nào. Muốn hủy, chạy lại lệnh với --confirm." in preview.out
    assert "Hà Văn Lợi" in post("dossier", "list").out  # nothing went

    done = post("dossier", "purge", dossier_id, "--confirm")
    assert done.code == 0, done.err
    assert "Đã hủy 1 hồ sơ" in done.out
    assert "Hà Văn Lợi" not in post("dossier", "list").out
    assert "Chưa có hồ sơ đã kết thúc nào hết thời hạn lưu." in post("dossier", "purge-due").out


def test_an_officer_may_list_but_not_purge(post: Callable[..., Any]) -> None:
    dossier_id = _closed(post)
    assert post("user", "add", "canbo1", "--role", "officer").code == 0
    assert post("--user", "canbo1", "dossier", "purge-due").code == 0
    refused = post("--user", "canbo1", "dossier", "purge", dossier_id, "--confirm")
    assert refused.code == 5
    assert "Hà Văn Lợi" in post("dossier", "list").out


def test_categories_say_how_long_they_are_kept(post: Callable[..., Any]) -> None:
    out = post("dossier", "categories").out
    assert "lưu 3 năm sau khi kết thúc, sau đó đề xuất hủy" in out
