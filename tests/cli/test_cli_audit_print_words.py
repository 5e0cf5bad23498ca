"""The printed audit log reads as the post's paperwork (issue #12, item 1): documents by their
names ("Sổ theo dõi, nhận xét, đánh giá: 3 trang"), roles and fields in words, who acted by
name, the post's time; never a program's identifier (``category_name``, ``chief``,
``booklet: 1 pages``)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from antt_desktop.security import keyfile_seal
from antt_desktop.services import audit_events
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store import audit
from tests.cli.conftest import CHIEF
from tests.conftest import TEST_PASSWORD

#: What a program writes and an officer should never read on the paper.
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
ROLE_CODES = re.compile(r"\b(chief|officer|viewer|upper|admin)\b")
ENGLISH = re.compile(
    r"\b(pages?|rows?|booklet|sheet|version|year|bundle|merged|node|commitments|supports)\b"
)


def _ok(post: Any, *args: str) -> Any:
    result = post(*args)
    assert result.code == 0, (args, result.err)
    return result


def _every_kind_of_entry(post: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The demo post, then what officers do: open, edit, print, save, accounts, a backup, a
    wrong password, settings, a lock; the log's other entries as the program writes them."""
    _ok(post, "demo-data", "--factor", "0.05")
    dossier = _ok(post, "dossier", "list", "--json").json[0]
    _ok(post, "dossier", "show", dossier["id"])
    _ok(post, "person", "show", dossier["person_id"])
    _ok(post, "person", "edit", dossier["person_id"], "--occupation", "Thợ hàn", "--reason", "sai")
    _ok(post, "print", "booklet", dossier["id"], "--out", "so-theo-doi.pdf")
    _ok(post, "print", "person-sheet", dossier["person_id"], "--out", "phieu.pdf")
    _ok(post, "user", "add", "xem1", "--role", "viewer", "--full-name", "Lê Thị Hằng")
    _ok(post, "user", "role", "xem1", "officer")
    _ok(post, "backup", "--out", "sao-luu.antt")
    monkeypatch.setenv("ANTT_PASSWORD", "sai mật khẩu")
    assert post("--user", "xem1", "dossier", "list").code != 0
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)
    with post.open_db() as db, db.write() as session:
        ctx = Ctx(session, Actor(CHIEF, "chief"), date(2026, 11, 22))
        audit_events.record_setting(ctx, "font_size", 14)
        audit_events.record_lock(ctx, audit_events.LOCK_IDLE)
        audit_events.record_export(ctx, what="report csv 2026-Q3", where="bc.csv", rows=1)
        audit_events.record_export(ctx, what="person photo", where="anh.jpg", entity="person")
        for action, entity, fields, detail in [
            ("print", "unit", [], "certificates of decision 12/QĐ-UBND: 1 pages, gk.pdf"),
            ("print", "area", [], "pledge register 2026: 2 pages, so-cam-ket.pdf"),
            ("sign_area", "area", ["status"], "year 2026: 12 pledges signed"),
            ("purge", "dossier", [], "RELEASED: assessments 3, commitments 1, supports 0"),
            ("merge", "person", ["category_name"], "merged 1234 into 5678"),
            ("sync_roster", None, [], "version 3"),
            ("restore_refused", None, [], "sao-luu.antt: backup.wrong_password"),
            ("create", "evaluation", ["total", "max_total", "meets_standard"], None),
            ("sync_resolve", "person", ["occupation"], "conflict 1234abcd: other"),
            ("keyfile_edited", None, [], keyfile_seal.WORDS["seal"]),
        ]:
            audit.append(session, CHIEF, action, entity, None, fields, detail)
    return dossier


@pytest.mark.slow
def test_the_printed_log_has_no_identifier_of_the_program(
    post: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # file names as an officer gives them
    dossier = _every_kind_of_entry(post, monkeypatch)
    _ok(post, "audit", "print", "--out", "nhat-ky.pdf")
    pages = PdfReader(tmp_path / "nhat-ky.pdf").pages
    text = "\n".join(page.extract_text() for page in pages)
    flat = " ".join(text.split())

    assert SNAKE.findall(text) == []  # no field or action names (category_name)
    assert ROLE_CODES.findall(text) == []  # roles in words
    assert ENGLISH.findall(text) == []  # "booklet: 3 pages", "1 pages"
    assert "{" not in text and "None" not in text
    assert "Sổ theo dõi, nhận xét, đánh giá:" in flat and "tệp so-theo-doi.pdf" in flat
    assert "Giấy khen theo quyết định số 12/QĐ-UBND: 1 trang" in flat
    assert "Vai trò: cán bộ" in flat and "Vai trò: lãnh đạo đơn vị" in flat
    assert f"Hồ sơ: {dossier['person_name']}" in flat  # whose record, by name
    assert "Báo cáo Quý III/2026 (tệp CSV): tệp bc.csv, 1 dòng" in flat
    assert "Năm 2026: 12 hộ ký cam kết" in flat
    assert "Lấy bản của đơn vị kia" in flat and "Dấu niêm phong không khớp" in flat
    assert "Không phục hồi bản sao lưu sao-luu.antt: " in flat
    assert "Đã xóa hẳn: 3 nhận xét, 1 bản cam kết của đối tượng, 0 hỗ trợ, giúp đỡ" in flat
    # who acted, by name above the account; the day above the time, in the post's time
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", flat)
    assert f"({CHIEF})" in flat
