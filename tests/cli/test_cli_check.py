"""``antt check``: quick by default (the schema, the small tables, a sample of the search
index, the head of the audit log), everything on ``--full`` with its progress on stderr.

What each finds: a damaged or missing search index entry, a removed audit entry, a dropped
index or append-only trigger and a trigger nobody wrote are found by both; an audit entry
edited further back than the newest :data:`audit.HEAD_ENTRIES`, or a broken row of a large
table, only by ``--full``.
"""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

from antt_desktop.cli.cmd_setup import _Progress
from antt_desktop.store import audit
from tests.cli.conftest import CHIEF
from tests.conftest import connect_unlocked

NAME = "Nguyễn Văn Đức"
GUARD = (
    "CREATE TRIGGER {name} BEFORE {event} ON audit_entries"
    " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
)


def _people(post: Any, *names: str) -> list[str]:
    ids = []
    for name in names:
        r = post("person", "add", "--name", name, "--born", "1985", "--json")
        assert r.code == 0, r.err
        ids.append(str(r.json["id"]))
    return ids


def _damage(post: Any, *statements: str) -> None:
    with connect_unlocked(post.data_dir / "antt.sqlite3") as conn:
        for sql in statements:
            conn.execute(sql)
        conn.commit()


def _unguarded(*statements: str) -> tuple[str, ...]:
    """What a tamperer runs: the guards off, the change, the guards back (unseen)."""
    return (
        "DROP TRIGGER audit_entries_no_update",
        "DROP TRIGGER audit_entries_no_delete",
        *statements,
        GUARD.format(name="audit_entries_no_update", event="UPDATE"),
        GUARD.format(name="audit_entries_no_delete", event="DELETE"),
    )


def test_the_quick_check_says_what_it_read_and_how_to_read_everything(post: Any) -> None:
    _people(post, NAME)

    said = post("check")
    as_json = post("--json", "check")

    assert said.code == 0 and as_json.code == 0
    assert said.out.splitlines() == [
        "Kiểm tra nhanh: cấu trúc cơ sở dữ liệu, các bảng nhỏ, một phần chỉ mục tìm kiếm"
        " và các dòng nhật ký mới nhất đều bình thường.",
        "Để kiểm tra toàn bộ từng trang dữ liệu, chỉ mục và nhật ký (có thể mất vài phút"
        " với cơ sở dữ liệu lớn), chạy: antt check --full",
    ]
    assert said.err == ""  # no progress for a check of a few seconds
    assert as_json.json == {"ok": True, "full": False, "problems": []}


def test_the_full_check_shows_each_step_on_stderr_and_keeps_stdout_json(post: Any) -> None:
    _people(post, NAME, "Trần Thị Hòa")

    said = post("check", "--full")
    as_json = post("--json", "check", "--full")

    assert said.code == 0
    assert said.out.splitlines() == [
        "Cơ sở dữ liệu toàn vẹn: đã kiểm tra cấu trúc, khóa ngoại, chỉ mục tìm kiếm và nhật ký."
    ]
    # each step on its line, then (not on a terminal: a log) a plain line per tenth reached
    assert "\r" not in said.err
    assert [line.strip() for line in said.err.splitlines()] == [
        "Cấu trúc cơ sở dữ liệu ...",
        "Chỉ mục tìm kiếm ...",
        "Chỉ mục tìm kiếm: 100%",
        "Chuỗi nhật ký hệ thống ...",
        "Chuỗi nhật ký hệ thống: 100%",
        "Tính toàn vẹn và khóa ngoại (SQLite) ...",
        "Tính toàn vẹn và khóa ngoại (SQLite): 100%",  # begun first, on its own thread
    ]
    assert as_json.json == {"ok": True, "full": True, "problems": []}
    assert "Chỉ mục tìm kiếm" in as_json.err  # progress still shown, beside the JSON


def test_a_damaged_search_index_entry_is_found_by_the_quick_check(post: Any) -> None:
    mai, hoa = _people(post, "Trần Thị Mai", "Lê Thị Hoa")
    _damage(
        post,
        "UPDATE search_fts SET name = 'ai do' WHERE rowid ="
        f" (SELECT docid FROM search_docs WHERE ref = '{mai}')",
        f"DELETE FROM search_docs WHERE ref = '{hoa}'",
    )

    quick = post("--json", "check")
    said = post("check")

    assert quick.code == 1 and said.code == 1
    assert f"person {mai} is out of date in the search index" in quick.json["problems"]
    assert f"person {hoa} is missing from the search index" in quick.json["problems"]
    assert "search index: 1 person entries for 2 live person records" in quick.json["problems"]
    assert said.out.splitlines()[0] == "Phát hiện lỗi:"
    assert said.out.splitlines()[-1] == (
        "Đây là kiểm tra nhanh; để kiểm tra toàn bộ, chạy: antt check --full"
    )
    full = post("--json", "check", "--full")
    assert full.code == 1
    assert f"person {mai} is out of date in the search index" in full.json["problems"]


def test_an_entry_cut_out_of_the_audit_log_is_found_by_the_quick_check(post: Any) -> None:
    _people(post, NAME, "Trần Thị Mai", "Lê Thị Hoa")
    with connect_unlocked(post.data_dir / "antt.sqlite3") as conn:
        middle = conn.execute("SELECT seq FROM audit_entries ORDER BY seq LIMIT 1 OFFSET 2")
        seq = middle.fetchone()[0]
    _damage(post, *_unguarded(f"DELETE FROM audit_entries WHERE seq = {seq}"))

    quick = post("--json", "check")

    assert quick.code == 1
    assert quick.json["problems"] == [f"audit entry {seq + 1}: does not follow the previous entry"]


def test_an_old_entry_rewritten_is_found_by_the_full_check_only(post: Any) -> None:
    _people(post, NAME)
    with post.open_db(CHIEF) as db, db.journal() as session:
        for n in range(audit.HEAD_ENTRIES):
            audit.append(session, CHIEF, "view", "person", detail=f"xem lần {n}")
    _damage(post, *_unguarded("UPDATE audit_entries SET actor = 'ai-do' WHERE seq = 1"))

    quick = post("--json", "check")
    full = post("--json", "check", "--full")

    assert quick.code == 0 and quick.json["full"] is False
    assert full.code == 1
    assert full.json["problems"] == ["audit entry 1: content was changed"]


def test_a_dropped_index_or_trigger_and_a_foreign_trigger_are_found_quickly(post: Any) -> None:
    _people(post, NAME)
    _damage(
        post,
        "DROP INDEX ix_persons_list_order",
        "DROP TRIGGER audit_entries_no_update",
        "CREATE TRIGGER quiet AFTER INSERT ON persons BEGIN SELECT 1; END",
    )

    quick = post("--json", "check")

    assert quick.code == 1
    assert quick.json["problems"] == [
        "schema: the index ix_persons_list_order on persons is missing",
        "schema: the trigger audit_entries_no_update is missing",
        "schema: an unknown trigger quiet was added",
        "audit log: the guard audit_entries_no_update was removed",
    ]


def test_a_broken_foreign_key_in_a_table_the_quick_check_leaves_to_full(
    post: Any, monkeypatch: Any
) -> None:
    from antt_desktop.store import integrity

    [person] = _people(post, NAME)
    _damage(
        post,
        "PRAGMA foreign_keys = OFF",
        f"UPDATE persons SET current_area_id = 'no-such-area' WHERE id = '{person}'",
    )
    assert post("--json", "check").code == 1  # the commune's tables are all small

    monkeypatch.setattr(integrity, "SMALL_TABLE_ROWS", 0)  # as large as the district's
    quick = post("--json", "check")
    full = post("--json", "check", "--full")

    assert quick.code == 0
    assert full.code == 1
    assert [p for p in full.json["problems"] if p.startswith("foreign key: persons row")]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _shown(err: io.StringIO) -> str:
    """What the steps' 200 progress calls print on ``err``."""
    progress = _Progress(SimpleNamespace(out=SimpleNamespace(err=err, _=lambda s: s)))  # type: ignore[arg-type]
    progress("structure", 0, 0)
    for done in range(201):
        progress("search", done, 200)
    progress("audit", 0, 0)
    progress("audit", 3, 3)
    progress.end()
    return err.getvalue()


def test_the_full_check_rewrites_its_percentage_on_a_terminal_and_logs_tenths() -> None:
    on_terminal = _shown(_Terminal())
    in_log = _shown(io.StringIO())

    assert on_terminal.count("\n") == 3  # one line per step
    last = [line.split("\r")[-1].strip() for line in on_terminal.split("\n") if line]
    assert last == ["Database structure ...", "Search index: 100%", "Audit log chain: 100%"]
    assert "\r  Search index: 57%" in on_terminal
    assert in_log.splitlines() == [
        "  Database structure ...",
        "  Search index ...",
        *(f"  Search index: {tenth}%" for tenth in range(10, 101, 10)),
        "  Audit log chain ...",
        "  Audit log chain: 100%",
    ]


def test_a_full_text_index_out_of_step_with_its_text_is_found_by_the_full_check(
    post: Any,
) -> None:
    (mai,) = _people(post, "Trần Thị Mai")
    # the record and the entry's text changed alike, the words FTS5 indexed left as they were
    _damage(
        post,
        f"UPDATE persons SET full_name = 'Trần Thị Lan' WHERE id = '{mai}'",
        "UPDATE search_fts_content SET c0 = 'tran thi lan'"
        f" WHERE id = (SELECT docid FROM search_docs WHERE ref = '{mai}')",
    )

    full = post("--json", "check", "--full")

    assert full.code == 1
    # SQLCipher's SQLite runs FTS5's own check inside PRAGMA integrity_check
    assert full.json["problems"] == ['integrity: fts5: checksum mismatch for table "search_fts"']
