"""The audit log's head (entries and last hash) in every bundle's signed header
(SECURITY.md, "Audit"): the upper unit keeps each post's latest head and warns when a post's
log went backwards (fewer entries than before) or diverged (as many entries, another last
hash) — what cutting off the tail of a log, or rewriting it with the key, looks like from
outside. The upper unit's bundles carry back the head it holds, so the post knows what was
acknowledged and ``antt check`` can compare (:func:`antt_desktop.store.audit.acked_problems`).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from antt_desktop.store import audit
from antt_desktop.store.models import SyncPeer
from antt_desktop.sync import container
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.report import ImportReport

#: Header fields: this node's head, and the head of the recipient's log this node holds.
HEAD, ACK = "audit_head", "audit_ack"
SHORTENED, DIVERGED = "shortened", "diverged"
_HASH = re.compile(r"[0-9a-f]{64}")


def header_fields(session: Session, peer: SyncPeer) -> dict[str, Any]:
    """What an export adds to the signed header for ``peer``."""
    fields: dict[str, Any] = {HEAD: audit.head(session).to_dict()}
    if peer.audit_count is not None and peer.audit_hash is not None:
        fields[ACK] = {"count": peer.audit_count, "hash": peer.audit_hash}
    return fields


def _head(value: Any) -> audit.Head | None:
    """A head from a header, or None when absent or malformed (an older sender)."""
    if not isinstance(value, dict):
        return None
    count, digest = value.get("count"), value.get("hash")
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        return None
    if not isinstance(digest, str) or not _HASH.fullmatch(digest):
        return None
    return audit.Head(count, digest)


def take(
    session: Session,
    peer: SyncPeer,
    header: container.Header,
    report: ImportReport,
    *,
    newer: bool,
) -> None:
    """Compare the sender's head with the last one kept, warn, keep the new one; keep the
    head of our log the sender acknowledged. Only a ``newer`` bundle than every one imported
    from the sender moves anything (an old copy carries an old head)."""
    if not newer:
        return
    head = _head(header.fields.get(HEAD))
    if head is not None:
        kind = None
        if peer.audit_count is not None and head.count < peer.audit_count:
            kind = SHORTENED
        elif head.count == peer.audit_count and head.hash != peer.audit_hash:
            kind = DIVERGED
        if kind is not None:
            report.warn(
                f"sync.warning.audit_{kind}",
                unit=peer.unit_name,
                before=peer.audit_count,
                now=head.count,
            )
            peer.audit_alert = f"{kind} {peer.audit_count} {head.count} {now_iso()}"
        peer.audit_count, peer.audit_hash = head.count, head.hash
    ack = _head(header.fields.get(ACK))
    if ack is not None:
        peer.audit_acked_count, peer.audit_acked_hash = ack.count, ack.hash


def alert(peer: SyncPeer) -> dict[str, Any] | None:
    """The kept warning as ``{"kind", "before", "now", "at"}`` (None: none)."""
    parts = (peer.audit_alert or "").split(" ")
    if len(parts) != 4 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    return {"kind": parts[0], "before": int(parts[1]), "now": int(parts[2]), "at": parts[3]}
