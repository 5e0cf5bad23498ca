"""The audit chain is keyed with a secret from the key slots (SECURITY.md, "Audit").

A tamperer here holds the database file with its triggers removable (as anyone with the key
can) but not the audit key: they rewrite entries and recompute the hashes the only way open
to them. A log begun before the chain was keyed keeps verifying after the upgrade.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from antt_desktop.store import audit
from antt_desktop.store.models import AuditEntry
from tests.conftest import connect_unlocked, make_post, open_post

GUARDS_SQL = {
    "audit_entries_no_update": "UPDATE",
    "audit_entries_no_delete": "DELETE",
}


def tamper(path: Path, change: Callable[[Any], None]) -> None:
    """Drop the append-only triggers, ``change`` the log, put the triggers back."""
    with connect_unlocked(path) as conn:
        for name in GUARDS_SQL:
            conn.execute(f"DROP TRIGGER {name}")
        change(conn)
        for name, event in GUARDS_SQL.items():
            conn.execute(
                f"CREATE TRIGGER {name} BEFORE {event} ON audit_entries"
                " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )
        conn.commit()


def rehash(conn: Any, hasher: Callable[[bytes], str]) -> None:
    """Recompute every entry's hash and link with ``hasher`` (what a rewrite must do)."""
    prev = audit.GENESIS
    rows = conn.execute(
        "SELECT seq, at, actor, action, entity, entity_id, fields, detail"
        " FROM audit_entries ORDER BY seq"
    ).fetchall()
    for seq, at, actor, action, entity, entity_id, fields, detail in rows:
        payload = json.dumps(
            [prev, at, actor, action, entity, entity_id, json.loads(fields), detail],
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        digest = hasher(payload)
        conn.execute(
            "UPDATE audit_entries SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
        )
        prev = digest


def sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def problems_after_login(path: Path) -> tuple[list[str], list[str]]:
    """What the check finds once someone logs in again, and the log's actions."""
    with open_post(path) as db, db.read() as session:
        actions = list(
            session.execute(select(AuditEntry.action).order_by(AuditEntry.seq)).scalars()
        )
        return audit.verify_chain(session), actions


def test_a_new_post_keeps_a_keyed_chain(tmp_path: Path) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path)

    problems, actions = problems_after_login(path)

    assert problems == []
    assert audit.KEYED_FROM_HERE not in actions  # a new log is keyed from its first entry
    with connect_unlocked(path) as conn:
        at, actor, action, prev, stored = conn.execute(
            "SELECT at, actor, action, prev_hash, hash FROM audit_entries ORDER BY seq LIMIT 1"
        ).fetchone()
    plain = audit.entry_hash(prev, at, actor, action, None, None, [], None)
    assert stored != plain  # not the plain SHA-256 anyone could recompute


def test_a_rewritten_entry_with_recomputed_hashes_is_found(tmp_path: Path) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path)
    open_post(path).close()  # a second entry

    def rewrite(conn: Any) -> None:
        conn.execute("UPDATE audit_entries SET actor = 'ai-do' WHERE seq = 1")
        rehash(conn, sha256)

    tamper(path, rewrite)
    problems, _ = problems_after_login(path)

    assert problems[0] == "audit entry 1: is not sealed with the post's key (the log was rewritten)"


def test_rehashing_with_a_guessed_key_is_found(tmp_path: Path) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path)
    guessed = audit.derive_audit_key(b"\x00" * 32)

    def rewrite(conn: Any) -> None:
        conn.execute("UPDATE audit_entries SET detail = 'chief' WHERE seq = 1")
        rehash(conn, lambda p: audit.hmac.new(guessed, p, hashlib.sha256).hexdigest())

    tamper(path, rewrite)
    problems, _ = problems_after_login(path)

    assert problems[0] == "audit entry 1: content was changed"


def written_before_the_key(path: Path) -> None:
    """The log as a version before the keyed chain wrote it, upgraded by revision 0024."""

    def old(conn: Any) -> None:
        rehash(conn, sha256)
        conn.execute(
            "UPDATE local_node SET audit_legacy_entries = (SELECT count(*) FROM audit_entries)"
        )

    tamper(path, old)


def test_a_log_from_before_the_key_keeps_verifying_and_says_where_the_key_starts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path)
    written_before_the_key(path)
    with connect_unlocked(path) as conn:
        old = conn.execute("SELECT count(*) FROM audit_entries").fetchone()[0]

    problems, actions = problems_after_login(path)

    assert problems == []
    assert actions[old:] == [audit.KEYED_FROM_HERE, "login"]


def test_an_old_entry_edited_after_the_upgrade_is_found(tmp_path: Path) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path)
    written_before_the_key(path)
    open_post(path).close()  # upgraded: the keyed part begins

    def rewrite(conn: Any) -> None:  # the old part rewritten, the keyed part left alone
        conn.execute("UPDATE audit_entries SET actor = 'ai-do' WHERE seq = 1")
        marker = conn.execute(
            "SELECT seq FROM audit_entries WHERE action = ?", (audit.KEYED_FROM_HERE,)
        ).fetchone()[0]
        prev = audit.GENESIS
        for seq, at, actor, action, entity, entity_id, fields, detail in conn.execute(
            "SELECT seq, at, actor, action, entity, entity_id, fields, detail"
            " FROM audit_entries WHERE seq < ? ORDER BY seq",
            (marker,),
        ).fetchall():
            digest = audit.entry_hash(
                prev, at, actor, action, entity, entity_id, json.loads(fields), detail
            )
            conn.execute(
                "UPDATE audit_entries SET prev_hash=?, hash=? WHERE seq=?", (prev, digest, seq)
            )
            prev = digest

    tamper(path, rewrite)
    problems, _ = problems_after_login(path)

    assert any(p.endswith("does not follow the previous entry") for p in problems)
