"""``antt check`` on a post kept on a PostgreSQL server: quick by default, everything on
``--full``, as on SQLite (tests/cli/test_cli_check.py), with what a server checks its own
way — the structure read from its catalogue, the foreign keys as constraints it enforces
(every reference read by ``--full``), the pages by the amcheck extension where it is
installed, else said not checked."""

from __future__ import annotations

import json
from collections.abc import Callable

import psycopg
import pytest

from antt_desktop.store import postgresql_check
from antt_desktop.store.database import SCHEMA_HEAD, open_database
from tests.postgresql.test_login import INIT, Run
from tests.postgresql.test_login import antt as antt
from tests.postgresql.test_login import url as url

QUICK_SOUND = (
    "Kiểm tra nhanh trên máy chủ: cấu trúc cơ sở dữ liệu, các ràng buộc khóa ngoại, một phần"
    " chỉ mục tìm kiếm và các dòng nhật ký mới nhất đều bình thường."
)
FULL_SOUND = (
    "Cơ sở dữ liệu trên máy chủ toàn vẹn: đã kiểm tra cấu trúc, khóa ngoại (mọi tham chiếu),"
    " chỉ mục tìm kiếm và nhật ký."
)
TO_FULL = (
    "Để kiểm tra toàn bộ từng tham chiếu, chỉ mục và nhật ký (có thể mất vài phút với cơ sở"
    " dữ liệu lớn), chạy: antt check --full"
)
NO_AMCHECK = (
    "Chưa kiểm tra các trang dữ liệu: PostgreSQL không có phép kiểm tra tương đương integrity"
    " check của SQLite, trừ khi chủ sở hữu máy chủ cài tiện ích amcheck vào cơ sở dữ liệu này"
    " (CREATE EXTENSION amcheck)."
)
STEPS = [
    "Cấu trúc cơ sở dữ liệu ...",
    "Chỉ mục tìm kiếm ...",
    "Chỉ mục tìm kiếm: 100%",
    "Chuỗi nhật ký hệ thống ...",
    "Chuỗi nhật ký hệ thống: 100%",
    "Khóa ngoại và trang dữ liệu trên máy chủ ...",
    *(f"Khóa ngoại và trang dữ liệu trên máy chủ: {tenth}%" for tenth in range(10, 101, 10)),
]


@pytest.fixture
def post(antt: Callable[..., Run]) -> Callable[..., Run]:
    """A commune post on the server with two people in a household headed by one of them."""
    assert antt(*INIT).code == 0
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        added = antt("person", "add", "--name", name, "--born", "1985")
        assert added.code == 0, added.err
    return antt


def _sql(url: str, *statements: str) -> None:
    """What someone with the server's owner account runs behind the program's back."""
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


def _one(url: str, sql: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql).fetchone()  # type: ignore[arg-type]
    assert row is not None
    return str(row[0])


def test_the_quick_check_says_what_it_read_and_that_the_pages_were_not(
    post: Callable[..., Run],
) -> None:
    said = post("check")
    as_json = post("--json", "check")

    assert said.code == 0 and as_json.code == 0
    assert said.out.splitlines() == [QUICK_SOUND, NO_AMCHECK, TO_FULL]
    assert said.err == ""
    assert json.loads(as_json.out) == {
        "ok": True,
        "full": False,
        "problems": [],
        "pages": "no_amcheck",
    }


def test_the_full_check_shows_each_step_and_says_what_it_read(
    post: Callable[..., Run],
) -> None:
    said = post("check", "--full")
    in_english = post("--lang", "en", "check", "--full")

    assert said.code == 0 and in_english.code == 0
    assert said.out.splitlines() == [FULL_SOUND, NO_AMCHECK]
    assert [line.strip() for line in said.err.splitlines()] == STEPS
    assert in_english.out.splitlines() == [
        "The database on the server is sound: structure, foreign keys (every reference),"
        " search index and audit chain checked.",
        "Pages not checked: PostgreSQL has no counterpart of SQLite's integrity check unless"
        " the server's owner installs the amcheck extension in this database"
        " (CREATE EXTENSION amcheck).",
    ]


def test_with_amcheck_installed_the_pages_are_checked(post: Callable[..., Run], url: str) -> None:
    _sql(url, "CREATE EXTENSION amcheck")

    quick = post("--lang", "en", "check")
    full = post("--lang", "en", "check", "--full")

    assert quick.code == 0 and full.code == 0
    assert quick.out.splitlines()[1] == (
        "The pages of the small tables and of their indexes were checked by the server's"
        " amcheck extension."
    )
    assert full.out.splitlines()[1] == (
        "The pages of every table and B-tree index were checked by the server's amcheck extension."
    )


def test_an_account_that_may_not_run_amcheck_is_told_so(post: Callable[..., Run], url: str) -> None:
    _sql(url, "CREATE EXTENSION amcheck", "CREATE ROLE antt_check_desk")
    db = open_database(url, write=False)
    try:
        with db.engine.connect() as conn:
            owner = postgresql_check.page_check(conn)
            conn.exec_driver_sql("SET ROLE antt_check_desk")
            desk = postgresql_check.page_check(conn)
            conn.exec_driver_sql("RESET ROLE")
    finally:
        db.close()
        _sql(url, "DROP ROLE antt_check_desk")
    assert (owner, desk) == (postgresql_check.PAGES_CHECKED, postgresql_check.PAGES_NO_RIGHTS)


def test_a_dropped_index_a_disabled_guard_and_a_foreign_trigger_are_found_quickly(
    post: Callable[..., Run], url: str
) -> None:
    _sql(
        url,
        "DROP INDEX ix_persons_list_order",
        "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only",
        "CREATE FUNCTION quiet() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "CREATE TRIGGER quiet AFTER INSERT ON persons FOR EACH ROW EXECUTE FUNCTION quiet()",
    )

    quick = post("--lang", "en", "check")

    assert quick.code == 1
    assert quick.out.splitlines() == [
        "Problems found:",
        "  - schema: the index ix_persons_list_order on persons is missing",
        "  - schema: the trigger audit_entries_append_only is disabled",
        "  - schema: an unknown trigger quiet was added",
        "Pages not checked: PostgreSQL has no counterpart of SQLite's integrity check unless"
        " the server's owner installs the amcheck extension in this database"
        " (CREATE EXTENSION amcheck).",
        "This was the quick check; to check everything: antt check --full",
    ]


def test_references_written_while_the_checks_were_off_are_found_by_the_full_check(
    post: Callable[..., Run], url: str
) -> None:
    person = _one(url, "SELECT id FROM persons ORDER BY id LIMIT 1")
    # the owner switches the foreign keys' triggers off, breaks a reference, switches back
    _sql(
        url,
        "SET session_replication_role = replica",
        f"UPDATE persons SET current_area_id = 'no-such-area' WHERE id = '{person}'",
    )

    quick = post("--lang", "en", "check")
    full = post("--lang", "en", "check", "--full")

    assert quick.code == 0  # the constraints are there and validated: the quick check trusts them
    assert full.code == 1
    assert full.out.splitlines()[:2] == [
        "Problems found:",
        f"  - foreign key: persons row {person} -> areas",
    ]


def test_a_constraint_not_validated_or_switched_off_is_found_quickly(
    post: Callable[..., Run], url: str
) -> None:
    _sql(
        url,
        "ALTER TABLE persons DROP CONSTRAINT fk_persons_current_area_id_areas",
        "ALTER TABLE persons ADD CONSTRAINT fk_persons_current_area_id_areas"
        " FOREIGN KEY (current_area_id) REFERENCES areas (id) NOT VALID",
        "ALTER TABLE households DROP CONSTRAINT fk_households_head_person_id_persons",
        "ALTER TABLE pledges DISABLE TRIGGER ALL",
    )

    quick = post("--lang", "en", "check")

    assert quick.code == 1
    assert quick.out.splitlines()[1:5] == [
        "  - schema: the trigger trg_figures_pledge_write is disabled",
        "  - schema: the trigger trg_figures_pledge_update is disabled",
        "  - foreign key: the constraint households(head_person_id) -> persons is missing",
        "  - foreign key: the constraint fk_persons_current_area_id_areas on persons is not"
        " validated",
    ]
    assert quick.out.splitlines()[5] == (
        "  - foreign key: the checks on the table pledges are switched off"
    )


def test_a_server_made_before_revision_0033_gets_the_households_head_key(
    post: Callable[..., Run], url: str
) -> None:
    assert post("household", "add", "--number", "HK-01").code == 0
    assert post("household", "add", "--number", "HK-02").code == 0
    # as revision 0032 left a server: no such constraint, so nothing kept a head there
    _sql(
        url,
        "ALTER TABLE households DROP CONSTRAINT fk_households_head_person_id_persons",
        "UPDATE alembic_version SET version_num = '0032'",
        "UPDATE households SET head_person_id = 'gone' WHERE number = 'HK-02'",
    )
    gone = _one(url, "SELECT id FROM households WHERE number = 'HK-02'")

    quick = post("--lang", "en", "check")  # the owner's account upgrades the schema first
    full = post("--lang", "en", "check", "--full")

    assert _one(url, "SELECT version_num FROM alembic_version") == SCHEMA_HEAD
    assert quick.code == 1 and full.code == 1
    assert quick.out.splitlines()[1:2] == [
        "  - foreign key: the constraint fk_households_head_person_id_persons on households"
        " is not validated"
    ]
    assert f"  - foreign key: households row {gone} -> persons" in full.out.splitlines()
    with pytest.raises(psycopg.errors.ForeignKeyViolation):  # enforced for every new write
        _sql(url, "UPDATE households SET head_person_id = 'gone' WHERE number = 'HK-01'")


def test_a_desk_without_the_rights_of_an_upgrade_is_told_what_it_may_not_do(
    post: Callable[..., Run], url: str
) -> None:
    """A desks' role the owner gave the rights of an older version: the check names each
    right missing and the command that gives them; the owner and a role given them all
    hear nothing."""
    from antt_desktop.store import integrity, postgresql_schema

    sequence = _one(url, "SELECT relname FROM pg_class WHERE relkind = 'S' ORDER BY 1 LIMIT 1")
    _sql(
        url,
        "CREATE ROLE antt_check_full",
        *postgresql_schema.desk_grants("antt_check_full"),
        "CREATE ROLE antt_check_old",
        *postgresql_schema.desk_grants("antt_check_old"),
        "REVOKE INSERT, UPDATE ON teams FROM antt_check_old",
        f"REVOKE USAGE ON SEQUENCE {sequence} FROM antt_check_old",
        "REVOKE EXECUTE ON FUNCTION antt_analyze(text[], bigint[]) FROM antt_check_old",
    )
    db = open_database(url, write=False)
    try:
        with db.engine.connect() as conn:
            tables = [*postgresql_check.present(conn, integrity.model_tables()), "alembic_version"]
            owner = postgresql_check.rights_problems(conn, tables)
            conn.exec_driver_sql("SET ROLE antt_check_full")
            full = postgresql_check.rights_problems(conn, tables)
            conn.exec_driver_sql("SET ROLE antt_check_old")
            old = postgresql_check.rights_problems(conn, tables)
            conn.exec_driver_sql("RESET ROLE")
    finally:
        db.close()
        _sql(
            url,
            "DROP OWNED BY antt_check_full, antt_check_old",
            "DROP ROLE antt_check_full, antt_check_old",
        )
    grant = (
        "the server's owner gives a desks' role the rights of each upgrade: antt server grant-desks"
    )
    assert (owner, full) == ([], [])
    assert old == [
        f"rights: this account may not INSERT on teams ({grant})",
        f"rights: this account may not UPDATE on teams ({grant})",
        f"rights: this account may not use the sequence {sequence} ({grant})",
        f"rights: this account may not run antt_analyze ({grant})",
    ]
