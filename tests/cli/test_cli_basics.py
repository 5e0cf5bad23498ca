"""The ``antt`` contract: commands, JSON output and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.cli.conftest import DROP_UPDATE_GUARD


def _count(antt: Any, table: str) -> int:
    with antt.connect() as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_init_then_refuses_a_second_init(antt) -> None:  # type: ignore[no-untyped-def]
    first = antt(
        "init",
        "--unit-code",
        "05611",
        "--unit-name",
        "Công an xã Phú Lương",
        "--admin",
        "admin",
        "--json",
    )
    assert first.code == 0
    assert first.json["code"] == "05611"
    again = antt("init", "--unit-code", "05611", "--unit-name", "X", "--admin", "admin")
    assert again.code == 3
    assert "đã được thiết lập cho đơn vị 05611" in again.err


def test_person_add_prints_the_record_with_json(post) -> None:  # type: ignore[no-untyped-def]
    r = post(
        "person",
        "add",
        "--name",
        " Nguyễn  Văn Đức",
        "--born",
        "02/03/1985",
        "--sex",
        "M",
        "--id-number",
        "019085012345",
        "--json",
    )
    assert r.code == 0, r.err
    assert r.json["full_name"] == "Nguyễn Văn Đức"
    shown = post("person", "show", r.json["id"], "--json")
    assert shown.json["id_number"] == "019085012345"
    assert shown.json["born"] == "02/03/1985"


def test_refusal_names_field_and_rule_and_writes_nothing(post) -> None:  # type: ignore[no-untyped-def]
    before = _count(post, "persons")
    r = post(
        "person",
        "add",
        "--name",
        "Trần Thị Hoà",
        "--born",
        "1990",
        "--sex",
        "M",
        "--id-number",
        "019190012345",
    )
    assert r.code == 3
    assert "Số định danh cá nhân" in r.err
    assert "giới tính" in r.err
    assert _count(post, "persons") == before


def test_refusal_in_english(post) -> None:  # type: ignore[no-untyped-def]
    r = post("--lang", "en", "person", "add", "--name", "A", "--born", "31/02/2020")
    assert r.code == 3
    assert "Date of birth: '31/02/2020' is not a real calendar date" in r.err


def test_refusal_as_json(post) -> None:  # type: ignore[no-untyped-def]
    r = post("person", "add", "--name", "A", "--id-number", "12345", "--json")
    assert r.code == 3
    error = r.json["errors"][0]
    assert (error["field"], error["code"]) == ("id_number", "id_number.length")


def test_usage_error_exits_2(post) -> None:  # type: ignore[no-untyped-def]
    assert post("person", "add").code == 2
    assert post("no-such-command").code == 2


def test_unknown_record_exits_3(post) -> None:  # type: ignore[no-untyped-def]
    r = post("person", "show", "00000000-0000-0000-0000-000000000000")
    assert r.code == 3


def test_locked_database_exits_5(post) -> None:  # type: ignore[no-untyped-def]
    holder = post.open_db()
    try:
        r = post("person", "add", "--name", "Lê Văn Tám")
    finally:
        holder.close()
    assert r.code == 5
    assert "đang được mở" in r.err


def test_search_json_best_first(post) -> None:  # type: ignore[no-untyped-def]
    for name in ("Nguyễn Văn Đức", "Nguyễn Thị Hòa", "Trần Đức Anh"):
        assert post("person", "add", "--name", name).code == 0
    r = post("search", "ng v duc", "--json")
    assert r.code == 0
    assert r.json[0]["name"] == "Nguyễn Văn Đức"
    assert {"id", "kind", "name"} <= set(r.json[0])
    assert r.json[0]["kind"] == "person"
    assert post("search", "Hoà", "--json").json[0]["name"] == "Nguyễn Thị Hòa"


def test_check_reports_a_sound_database_then_a_damaged_one(post) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    ok = post("check", "--json")
    assert ok.code == 0 and ok.json["ok"] is True
    with post.connect() as conn:
        conn.execute(DROP_UPDATE_GUARD[post.on_server])  # what a tamperer does first
        conn.execute("UPDATE audit_entries SET actor = 'someone else' WHERE seq = 1")
    bad = post("check", "--json")
    assert bad.code == 1
    assert any("audit entry 1" in p for p in bad.json["problems"])


def test_backup_and_restore(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    assert post("backup", "--out", str(tmp_path / "copy.sqlite3")).code == 0
    post("person", "add", "--name", "Phạm Thị Bảy")
    assert _count(post, "persons") == 2
    r = post("restore", str(tmp_path / "copy.sqlite3"), "--json")
    assert r.code == 0, r.err
    assert _count(post, "persons") == 1
    assert Path(r.json["previous"]).exists()


def test_restore_of_junk_exits_3_and_keeps_the_database(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    junk = tmp_path / "junk.bak"
    junk.write_text("hello")
    r = post("restore", str(junk))
    assert r.code == 3
    assert _count(post, "persons") == 1


def test_unknown_record_is_named_in_vietnamese(post) -> None:  # type: ignore[no-untyped-def]
    r = post("person", "show", "00000000-0000-0000-0000-000000000000")
    assert "không tìm thấy nhân khẩu '00000000-0000-0000-0000-000000000000'" in r.err


def test_vietnamese_reaches_a_windows_pipe_or_file_whole(tmp_path: Path) -> None:
    """On Windows a pipe or a redirect (antt … > baocao.txt) gets the ANSI code page, which
    has no 'ầ' or 'đ': the message must still arrive as written (UTF-8), not as \\u escapes
    or a crash."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252", ANTT_DATA_DIR=str(tmp_path))
    env.pop("ANTT_USER", None)
    done = subprocess.run(
        [sys.executable, "-c", "from antt_desktop.cli.app import run; run()", "dossier", "list"],
        env=env,
        capture_output=True,
    )

    assert done.returncode == 5
    assert "cần đăng nhập trước" in done.stderr.decode("utf-8")
