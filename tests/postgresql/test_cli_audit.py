"""tests/cli/test_cli_audit.py on a PostgreSQL server (tests/postgresql/conftest.py:
``antt`` and ``post`` run there; what is not ported yet is under its NOT_YET)."""

from tests.cli.test_cli_audit import *  # noqa: F403


def test_a_disabled_guard_is_named_as_a_removed_one(post: Any) -> None:  # noqa: F405
    """On a server the owner may switch the trigger off rather than drop it: it guards
    nothing then, and the list says so as for a dropped one."""
    assert post("person", "add", "--name", "Lê Văn Tám").code == 0
    with post.connect() as conn:
        conn.execute("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only")
        conn.execute("DELETE FROM audit_entries WHERE seq = (SELECT max(seq) FROM audit_entries)")

    listed = post("audit", "list")

    assert listed.code == 0, listed.err
    assert listed.out.splitlines()[-1].startswith(
        "Cơ chế chống sửa, xóa nhật ký trong cơ sở dữ liệu đã bị gỡ bỏ"
    )
