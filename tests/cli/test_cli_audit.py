"""``antt audit list|print``: the chief reads and prints the audit log, filtered; a tampered
entry is named; an officer is refused (exit 5) and nothing is printed."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from antt_desktop.i18n.formatting import POST_TIME_ZONE
from tests.cli.conftest import CHIEF, DROP_DELETE_GUARD, DROP_UPDATE_GUARD

NAME = "Nguyễn Văn Đức"


def _person(post: Any) -> str:
    r = post("person", "add", "--name", NAME, "--born", "02/03/1985", "--json")
    assert r.code == 0, r.err
    return str(r.json["id"])


def test_the_chief_lists_the_log_in_a_vietnamese_table(post: Any) -> None:
    person = _person(post)
    assert post("person", "show", person).code == 0

    r = post("audit", "list")

    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0].split()[:4] == ["STT", "Thời", "gian", "Tài"]
    assert any("Tạo mới" in line and f"Nhân khẩu: {NAME}" in line for line in lines)
    assert any("Mở xem hồ sơ, thông tin" in line and CHIEF in line for line in lines)
    assert "02/03/1985" not in r.out  # names of fields, never their values
    assert lines[-1] == "Nhật ký nguyên vẹn: không có dòng nào bị sửa hoặc bị xóa."


def test_filters_by_action_account_record_and_days(post: Any) -> None:
    person = _person(post)
    other = _person(post)
    post("person", "show", person)
    post("person", "show", other)

    views = post("--json", "audit", "list", "--action", "view", "--user", CHIEF)
    assert views.code == 0, views.err
    assert [(e["action"], e["entity_id"]) for e in views.json["entries"]] == [
        ("view", person),
        ("view", other),
    ]
    assert views.json["chain"]["intact"] is True and views.json["chain"]["broken"] == []

    one = post("--json", "audit", "list", "--record", person[:8])
    assert {e["action"] for e in one.json["entries"]} == {"create", "view"}
    assert {e["entity_id"] for e in one.json["entries"]} == {person}

    nobody = post("--json", "audit", "list", "--user", "canbo9")
    assert nobody.json["entries"] == []

    today = datetime.now(POST_TIME_ZONE).date()  # the post's day (UTC+7), not the machine's
    since = post("--json", "audit", "list", "--since", today.strftime("%d/%m/%Y"))
    assert len(since.json["entries"]) == since.json["chain"]["entries"]  # all made today
    tomorrow = (today + timedelta(days=1)).isoformat()
    later = post("--json", "audit", "list", "--since", tomorrow)
    assert later.json["entries"] == []
    before = post("--json", "audit", "list", "--until", (today - timedelta(days=1)).isoformat())
    assert before.json["entries"] == []


def test_bad_dates_are_refused_naming_the_filter(post: Any) -> None:
    r = post("audit", "list", "--since", "31/02/2026")
    assert r.code == 3
    assert "Từ ngày" in r.err
    wrong_way = post("audit", "list", "--since", "10/11/2026", "--until", "01/11/2026")
    assert wrong_way.code == 3
    assert "ngày bắt đầu 10/11/2026 sau ngày kết thúc 01/11/2026" in wrong_way.err


def test_a_changed_entry_is_named(post: Any) -> None:
    _person(post)
    with post.connect() as conn:
        conn.execute(DROP_UPDATE_GUARD[post.on_server])  # what a tamperer does first
        conn.execute("UPDATE audit_entries SET actor = 'ai-do' WHERE seq = 3")
        conn.commit()

    r = post("audit", "list")

    assert r.code == 0
    assert r.out.splitlines()[-1].startswith(
        "Nhật ký đã bị can thiệp: dòng số 3 bị sửa hoặc có dòng trước nó bị xóa"
    )


def test_an_officer_may_not_read_the_log(post: Any, tmp_path: Path) -> None:
    assert post("user", "add", "canbo1", "--role", "officer").code == 0

    listed = post("--user", "canbo1", "audit", "list")
    out = tmp_path / "nk.pdf"
    printed = post("--user", "canbo1", "audit", "print", "--out", str(out))

    assert listed.code == printed.code == 5
    assert "canbo1 (officer) không có quyền" in listed.err
    assert listed.out == ""
    assert not out.exists()


def test_print_writes_the_filtered_log_and_records_the_print(post: Any, tmp_path: Path) -> None:
    person = _person(post)
    post("person", "show", person)
    out = tmp_path / "nhat-ky.pdf"

    r = post("--json", "audit", "print", "--action", "view", "--out", str(out))

    assert r.code == 0, r.err
    assert r.json["path"] == str(out)
    assert "không còn được phần mềm bảo vệ" in r.err  # the file leaves the protection
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "NHẬT KÝ HỆ THỐNG" in text
    assert "thao tác: Mở xem hồ sơ, thông tin" in text
    assert NAME in " ".join(text.split())  # whose record (the chief may read it)
    assert "Nhật ký nguyên vẹn" in text
    listed = post("--json", "audit", "list", "--action", "print")
    [entry] = listed.json["entries"]
    assert (entry["actor"], entry["entity"]) == (CHIEF, "unit")
    assert entry["detail"] == f"audit log: {r.json['pages']} pages, nhat-ky.pdf"


def test_the_database_refuses_to_change_or_remove_an_entry(post: Any) -> None:
    _person(post)
    with post.connect() as conn:
        for sql in (
            "UPDATE audit_entries SET actor = 'ai-do' WHERE seq = 1",
            "DELETE FROM audit_entries WHERE seq = (SELECT max(seq) FROM audit_entries)",
        ):
            with pytest.raises(Exception, match="the audit log is append-only"):
                conn.execute(sql)
        count = conn.execute("SELECT count(*) FROM audit_entries").fetchone()[0]
    assert count >= 3 and post("check").code == 0


def _remove_the_delete_guard(post: Any) -> str:
    """Drop the guard against a DELETE, then the last entry goes; the check's line for it."""
    drop, named = DROP_DELETE_GUARD[post.on_server]
    with post.connect() as conn:
        conn.execute(drop)
        conn.execute("DELETE FROM audit_entries WHERE seq = (SELECT max(seq) FROM audit_entries)")
        conn.commit()
    return named


def test_a_removed_guard_is_named_by_the_list(post: Any) -> None:
    _person(post)
    _remove_the_delete_guard(post)

    listed = post("audit", "list")

    assert listed.code == 0, listed.err
    assert listed.out.splitlines()[-1].startswith(
        "Cơ chế chống sửa, xóa nhật ký trong cơ sở dữ liệu đã bị gỡ bỏ"
    )


def test_a_removed_guard_is_named_by_check_and_list(post: Any) -> None:
    _person(post)
    named = _remove_the_delete_guard(post)

    check = post("--json", "check")
    listed = post("audit", "list")

    assert check.code == 1
    assert named in check.json["problems"]
    assert listed.out.splitlines()[-1].startswith(
        "Cơ chế chống sửa, xóa nhật ký trong cơ sở dữ liệu đã bị gỡ bỏ"
    )


#: The guard against a DELETE made again (SQLite's trigger; the server's, as revision 0028).
_PUT_BACK_DELETE_GUARD = {
    False: "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries"
    " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    True: "CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries"
    " FOR EACH ROW EXECUTE FUNCTION antt_audit_append_only()",
}


def test_check_fails_when_the_log_is_shorter_than_the_upper_unit_acknowledged(post: Any) -> None:
    _person(post)
    with post.connect() as conn:
        count, last = conn.execute(
            "SELECT count(*), (SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1)"
            " FROM audit_entries"
        ).fetchone()
        conn.execute(  # what a bundle from the upper unit leaves: the head it acknowledged
            "INSERT INTO sync_peers (node_id, unit_code, unit_name, role, relation, sign_public,"
            " age_recipient, fingerprint, status, enrolled_at, acked_seq, ack_bundle_seq,"
            " applied_seq, out_seq, in_seq, audit_acked_count, audit_acked_hash)"
            " VALUES ('n-upper', 'CAT-HN', 'CA TP', 'upper', 'upstream', 'k', 'age1', 'f',"
            " 'active', '2026-11-22', 0, 0, 0, 0, 0, ?, ?)",
            (count, last),
        )
        conn.commit()
    assert post("check").code == 0
    with post.connect() as conn:
        conn.execute(DROP_DELETE_GUARD[post.on_server][0])
        conn.execute("DELETE FROM audit_entries WHERE seq > ?", (count - 2,))
        conn.execute(_PUT_BACK_DELETE_GUARD[post.on_server])  # the guard is there again
        conn.commit()

    check = post("--json", "check")
    listed = post("audit", "list")

    assert check.code == 1
    assert any(
        "acknowledged receiving (the log was shortened)" in p for p in check.json["problems"]
    )
    assert listed.out.splitlines()[-1] == (
        "Nhật ký hệ thống đã bị cắt bớt hoặc ghi lại sau khi đơn vị cấp trên nhận."
        " Đề nghị báo cáo lãnh đạo đơn vị."
    )
