"""Append an audit entry in the caller's transaction, chained to the previous one by hash.

Each entry's hash is an HMAC-SHA256 keyed with the *audit key*, derived (HKDF) from the
database key the account slots unwrap: rewriting an entry and recomputing the hashes after it
needs that key, not only write access to the table. Logs written before the chain was keyed
keep their plain SHA-256 entries (how many is pinned when the database is upgraded,
``local_node.audit_legacy_entries``); the first keyed append after them writes a
:data:`KEYED_FROM_HERE` entry, and every entry after those must be keyed, so a log rewritten
wholesale the old way does not pass.

The database session carries the audit key in ``session.info`` (``store.database`` puts it
there); no key, no entry.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from antt_desktop.store.models import AuditEntry

GENESIS = "0" * 64
#: The triggers that make the table append-only in the database (revision 0009): removing
#: one is how an entry would be edited or removed, so the check looks for them too.
GUARDS = ("audit_entries_no_update", "audit_entries_no_delete")
#: The action of the entry that starts the keyed part of a log begun before it was keyed.
KEYED_FROM_HERE = "audit_keyed"
#: The action of the entry saying the key file's failed-login record was changed outside
#: the program (``security/keyfile_seal.py``); ``antt check`` names each one.
KEY_FILE_EDITED = "keyfile_edited"
#: Where a session keeps the audit key (``Session.info``).
SESSION_KEY = "antt_audit_key"
_INFO = b"antt audit chain"


def derive_audit_key(db_key: bytes | None) -> bytes:
    """The audit chain's HMAC key from the database key (a plain, unencrypted file — tests
    and tools only — has no secret to derive from: its chain is keyed with a fixed key)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO)
    return hkdf.derive(db_key if db_key is not None else b"")


def session_audit_key(session: Session) -> bytes:
    key = session.info.get(SESSION_KEY)
    if not isinstance(key, bytes):
        raise RuntimeError("this session carries no audit key (open it through Database)")
    return key


def session_info(session: Session) -> dict[str, bytes]:
    """What another session on the same database needs to append to the chain (its key)."""
    return {SESSION_KEY: session_audit_key(session)}


def _payload(
    prev_hash: str,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    fields: Sequence[str],
    detail: str | None,
) -> bytes:
    return json.dumps(
        [prev_hash, at, actor, action, entity, entity_id, list(fields), detail],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def entry_hash(
    prev_hash: str,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    fields: Sequence[str],
    detail: str | None,
) -> str:
    """The unkeyed hash of entries written before the chain was keyed."""
    payload = _payload(prev_hash, at, actor, action, entity, entity_id, fields, detail)
    return hashlib.sha256(payload).hexdigest()


def keyed_hash(
    key: bytes,
    prev_hash: str,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    fields: Sequence[str],
    detail: str | None,
) -> str:
    payload = _payload(prev_hash, at, actor, action, entity, entity_id, fields, detail)
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def _keyed(key: bytes, e: AuditEntry) -> bool:
    expected = keyed_hash(
        key, e.prev_hash, e.at, e.actor, e.action, e.entity, e.entity_id, e.fields, e.detail
    )
    return hmac.compare_digest(expected, e.hash)


def _add(
    session: Session,
    key: bytes,
    prev_hash: str,
    actor: str,
    action: str,
    entity: str | None,
    entity_id: str | None,
    fields: Sequence[str],
    detail: str | None,
) -> AuditEntry:
    at = datetime.now(UTC).isoformat(timespec="seconds")
    fields = sorted(fields)
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        fields=fields,
        detail=detail,
        prev_hash=prev_hash,
        hash=keyed_hash(key, prev_hash, at, actor, action, entity, entity_id, fields, detail),
    )
    session.add(entry)
    return entry


def append(
    session: Session,
    actor: str,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    fields: Sequence[str] = (),
    detail: str | None = None,
) -> AuditEntry:
    """Record who did what to which record (field names only, never values)."""
    key = session_audit_key(session)
    last = session.execute(
        select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev_hash = GENESIS if last is None else last.hash
    if last is not None and not _keyed(key, last):
        # a log begun before the chain was keyed: say where the keyed part starts
        marker = _add(session, key, prev_hash, actor, KEYED_FROM_HERE, None, None, (), None)
        prev_hash = marker.hash
    return _add(session, key, prev_hash, actor, action, entity, entity_id, fields, detail)


@dataclass(frozen=True)
class Head:
    """The end of the log: how many entries it holds and the hash of the last one."""

    count: int
    hash: str

    def to_dict(self) -> dict[str, object]:
        return {"count": self.count, "hash": self.hash}


def head(session: Session) -> Head:
    count = int(session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())
    last = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).scalar_one_or_none()
    return Head(count, last or GENESIS)


def hash_at(session: Session, count: int) -> str | None:
    """The hash of the ``count``-th entry in the order written (None: the log is shorter)."""
    if count <= 0:
        return GENESIS
    query = select(AuditEntry.hash).order_by(AuditEntry.seq).offset(count - 1).limit(1)
    return session.execute(query).scalar_one_or_none()


def legacy_entries(session: Session) -> int:
    """How many entries were written before the chain was keyed (pinned by revision 0024)."""
    query = text("SELECT audit_legacy_entries FROM local_node")
    return int(session.execute(query).scalar_one_or_none() or 0)


_COLUMNS = "seq, at, actor, action, entity, entity_id, fields, detail, prev_hash, hash"
#: ``progress(done, total)`` of a long verification.
Progress = Callable[[int, int], None]
#: How many of the newest entries the quick check verifies.
HEAD_ENTRIES = 200


@dataclass
class _Walk:
    """Where a walk along the chain stands: the position and hash of the entry before."""

    key: bytes
    legacy: int
    position: int = 0
    prev_hash: str = GENESIS
    keyed_seen: bool = False

    def step(self, row: Sequence[Any], broken: list[tuple[int, str]]) -> None:
        seq, at, actor, action, entity, entity_id, fields, detail, prev, digest = row
        self.position += 1
        if prev != self.prev_hash:
            broken.append((seq, "order"))
        if isinstance(fields, str):
            fields = json.loads(fields)
        payload = _payload(prev, at, actor, action, entity, entity_id, fields, detail)
        if hmac.compare_digest(hmac.new(self.key, payload, hashlib.sha256).hexdigest(), digest):
            self.keyed_seen = True
        elif hmac.compare_digest(hashlib.sha256(payload).hexdigest(), digest):
            if self.keyed_seen or self.position > self.legacy:
                broken.append((seq, "unkeyed"))
        else:
            broken.append((seq, "content"))
        self.prev_hash = digest


def broken_entries(
    session: Session, progress: Progress | None = None, batch: int = 20_000
) -> list[tuple[int, str]]:
    """``(seq, what)`` for each entry that breaks the chain: ``what`` is ``"order"`` (it
    does not follow the entry before it: one was removed or moved), ``"content"`` (its hash
    is that of neither its content under the audit key nor, for an entry from before the
    key, its plain content) or ``"unkeyed"`` (a plain hash where only keyed ones were ever
    written: the log was rewritten without the key).

    The whole log is read as plain rows in batches (no ORM objects), ``progress`` told after
    each batch."""
    walk = _Walk(session_audit_key(session), legacy_entries(session))
    total = head(session).count if progress is not None else 0
    broken: list[tuple[int, str]] = []
    query = f"SELECT {_COLUMNS} FROM audit_entries ORDER BY seq"
    rows = session.connection().exec_driver_sql(query)
    while chunk := rows.fetchmany(batch):
        for row in chunk:
            walk.step(row, broken)
        if progress is not None:
            progress(walk.position, total)
    return broken


def broken_head(session: Session, last: int = HEAD_ENTRIES) -> list[tuple[int, str]]:
    """The quick check's part of :func:`broken_entries`: the newest ``last`` entries (each
    sealed, each following the one before), the first entry starting the chain, and every
    gap in the numbering (a removed entry) checked at its two sides."""
    conn = session.connection()
    count, low, high = conn.exec_driver_sql(
        "SELECT count(*), min(seq), max(seq) FROM audit_entries"
    ).one()
    if not count:
        return []
    broken: list[tuple[int, str]] = []
    first = conn.exec_driver_sql(
        "SELECT seq, prev_hash FROM audit_entries ORDER BY seq LIMIT 1"
    ).one()
    if first[1] != GENESIS:
        broken.append((first[0], "order"))
    if count != high - low + 1:  # a gap: the entry after it must still follow the one before
        gaps = conn.exec_driver_sql(
            "SELECT a.seq, a.prev_hash, (SELECT b.hash FROM audit_entries b WHERE b.seq < a.seq"
            " ORDER BY b.seq DESC LIMIT 1) FROM audit_entries a WHERE a.seq > ? AND NOT EXISTS"
            " (SELECT 1 FROM audit_entries c WHERE c.seq = a.seq - 1)",
            (low,),
        )
        broken += [(seq, "order") for seq, prev, before in gaps if prev != before]
    newest = f"SELECT {_COLUMNS} FROM audit_entries ORDER BY seq DESC LIMIT ?"
    tail = list(reversed(conn.exec_driver_sql(newest, (last + 1,)).all()))
    walk = _Walk(session_audit_key(session), legacy_entries(session))
    walk.position = count - len(tail)
    if len(tail) > last:  # the entry before the newest ones: only its hash is needed
        walk.prev_hash = tail.pop(0)[-1]
        walk.position += 1
    else:
        walk.prev_hash = GENESIS
    found: list[tuple[int, str]] = []
    for row in tail:
        walk.step(row, found)
    seen = {seq for seq, _what in broken}
    return sorted(broken + [b for b in found if b[0] not in seen or b[1] != "order"])


def missing_guards(session: Session) -> list[str]:
    """The append-only triggers that are not there (on a server: its own, dropped or
    disabled)."""
    if session.get_bind().dialect.name == "postgresql":
        from antt_desktop.store import postgresql_schema

        return postgresql_schema.missing_audit_guards(session.connection())
    query = text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'"
    )
    found = set(session.execute(query).scalars())
    return [name for name in GUARDS if name not in found]


def acked_problems(session: Session) -> list[str]:
    """The log against the heads the upper unit acknowledged receiving (kept on
    ``sync_peers`` by sync import): fewer entries than acknowledged means the log was cut
    short; another hash at the acknowledged entry means it was rewritten."""
    query = text(
        "SELECT unit_code, audit_acked_count, audit_acked_hash FROM sync_peers"
        " WHERE audit_acked_count IS NOT NULL AND audit_acked_hash IS NOT NULL"
    )
    problems: list[str] = []
    total = head(session).count
    for unit, count, digest in session.execute(query):
        if total < count:
            problems.append(
                f"audit log: {total} entries, fewer than the {count} {unit} acknowledged"
                " receiving (the log was shortened)"
            )
        elif hash_at(session, count) != digest:
            problems.append(
                f"audit log: entry {count} is not the one {unit} acknowledged receiving"
                " (the log was rewritten)"
            )
    return problems


#: What each kind of break is called in ``antt check``.
BROKEN_WORDS = {
    "order": "does not follow the previous entry",
    "content": "content was changed",
    "unkeyed": "is not sealed with the post's key (the log was rewritten)",
}


def verify_chain(
    session: Session, *, full: bool = True, progress: Progress | None = None
) -> list[str]:
    """Problems in the chain: an edited, removed or reordered entry breaks it; a removed
    append-only guard is named too. Not ``full``: only the head of the chain and the gaps
    in its numbering (:func:`broken_head`); an entry edited in place further back is found
    by the full check only."""
    broken = broken_entries(session, progress) if full else broken_head(session)
    problems = [f"audit entry {seq}: {BROKEN_WORDS[what]}" for seq, what in broken]
    if session.get_bind().dialect.name == "sqlite":  # a server's: its schema check names them
        problems += [f"audit log: the guard {n} was removed" for n in missing_guards(session)]
    problems += acked_problems(session)
    problems += key_file_problems(session)
    return problems


def key_file_problems(session: Session) -> list[str]:
    """Each time a login found the key file's failed-login record changed outside the
    program (an integrity failure: failed logins may have been hidden)."""
    query = select(AuditEntry.seq, AuditEntry.at, AuditEntry.detail).where(
        AuditEntry.action == KEY_FILE_EDITED
    )
    return [
        f"key file: the failed-login record was changed outside the program"
        f" (audit entry {seq}, {at}): {detail}"
        for seq, at, detail in session.execute(query.order_by(AuditEntry.seq))
    ]
