"""The failed-login record of the key file, sealed with a key only a login yields.

The key file is read before anyone logs in, so a wrong password can only bump a counter
and add a pending entry in plain JSON: no secret the program holds at that moment is out of
reach of someone who can edit the file. What can be done is to seal the record whenever the
program *does* hold the database key (a login, an unlock, a password set or removed): an
HMAC-SHA256, keyed with HKDF(database key, ``"antt key file counters"``), over a snapshot
of the monotonic attempt counter, each account's failure count and the pending entries then
kept, with a generation number. At the next login :func:`problems` compares the file with
its seal: a seal that does not verify, a counter lower than sealed, a sealed pending entry
gone, or new counts that disagree with the new pending entries are all edits made outside
the program. The generation is mirrored inside the database at each login, so a seal
removed, or an older copy of the whole file put back, shows too (``security.login``).

What no seal can show: failures typed after the last seal and removed, consistently, before
the next login (the tail no secret could have sealed). See docs/AUDIT_CHAIN.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from antt_desktop.security.keyslots import MAX_PENDING, KeyFile
from antt_desktop.store.audit import KEY_FILE_EDITED

_INFO = b"antt key file counters"
#: The action of the audit entry (and pending entry) that says the record was edited.
EDITED = KEY_FILE_EDITED
#: What each finding is called in the entry's detail (English, for the log and ``check``).
WORDS = {
    "seal": "its seal does not match (the counters or pending failures were edited)",
    "lowered": "a failure counter is lower than when it was last sealed",
    "inconsistent": "the counters disagree with the failed logins recorded since the seal",
    "older": "the seal is missing or older than the database knows (the file was replaced)",
}


def seal_key(db_key: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO)
    return hkdf.derive(db_key)


def _sealed_body(keys: KeyFile, generation: int, pending: int) -> dict[str, Any]:
    return {
        "generation": generation,
        "attempts": keys.attempts,
        "failures": {name: f.count for name, f in sorted(keys.failures.items())},
        "pending": pending,
    }


def _mac(db_key: bytes, body: dict[str, Any], entries: list[dict[str, str]]) -> str:
    data = json.dumps([body, entries], sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hmac.new(seal_key(db_key), data, hashlib.sha256).hexdigest()


def generation(keys: KeyFile) -> int:
    value = (keys.seal or {}).get("generation", 0)
    return value if isinstance(value, int) and value >= 0 else 0


def seal(keys: KeyFile, db_key: bytes) -> int:
    """Seal the record as it is now (the caller writes the file); returns the generation."""
    keys.pending_audit = keys.pending_audit[-MAX_PENDING:]
    body = _sealed_body(keys, generation(keys) + 1, len(keys.pending_audit))
    keys.seal = {**body, "mac": _mac(db_key, body, keys.pending_audit)}
    return int(body["generation"])


def problems(keys: KeyFile, db_key: bytes) -> list[str]:
    """How the record was changed outside the program since its seal (keys of
    :data:`WORDS`); empty when it was not, or when it was never sealed."""
    s = keys.seal
    if s is None:
        return []
    body = {k: s.get(k) for k in ("generation", "attempts", "failures", "pending")}
    count, sealed_failures = body["pending"], body["failures"]
    full = len(keys.pending_audit) >= MAX_PENDING  # old entries dropped: no count to compare
    if (
        not isinstance(count, int)
        or not isinstance(sealed_failures, dict)
        or not isinstance(body["attempts"], int)
        or (count > len(keys.pending_audit) and not full)
    ):
        return ["seal"]
    if not full and not hmac.compare_digest(
        str(s.get("mac", "")), _mac(db_key, body, keys.pending_audit[:count])
    ):
        return ["seal"]
    found: list[str] = []
    rises = [f.count - int(sealed_failures.get(name, 0)) for name, f in keys.failures.items()]
    gone = set(sealed_failures) - set(keys.failures)
    if keys.attempts < body["attempts"] or any(r < 0 for r in rises) or gone:
        found.append("lowered")
    if full:
        return found
    new = [e for e in keys.pending_audit[count:] if e.get("action") == "login_failed"]
    added = keys.attempts - body["attempts"]
    if not found and not (added == len(new) == sum(rises)):
        found.append("inconsistent")
    return found


def describe(found: list[str]) -> str:
    """The detail of the audit entry: what was found, in English words."""
    return "; ".join(WORDS[f] for f in found)


def note_edits(keys: KeyFile, db_key: bytes, actor: str, at: str) -> bool:
    """Before sealing again: note an edit found since the last seal as a pending entry (it
    goes into the audit log with the login, so a later seal cannot launder it); True when
    one was found."""
    found = problems(keys, db_key)
    if found:
        keys.pending_audit.append(
            {"at": at, "actor": actor, "action": EDITED, "detail": describe(found)}
        )
    return bool(found)
