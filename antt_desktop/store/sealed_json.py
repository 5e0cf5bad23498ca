"""Sealed copies of sensitive values kept in JSON columns: an unsaved editor's texts (drafts),
the two values of a sync conflict over a sealed field, and a received row waiting for its
parent. Each is sealed with the fields key in the ``{"antt-sealed": base64}`` form (the
cipher, its format and the sealed columns of the records are in :mod:`field_crypto`), opened
where it is read, and resealed by :func:`recipher` with every rotation of the key.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from antt_desktop.store.field_crypto import (
    SEALED,
    FieldCipher,
    FieldsLocked,
    FieldUnreadable,
    seals,
)


def recipher(conn: Any, old: FieldCipher | None, new: FieldCipher, *, only_plain: bool) -> int:
    """Reseal every sealed copy from ``old`` to ``new`` (``only_plain``: seal the plain ones
    an upgrade left, for the first key holder); how many were written."""
    changed = _recipher_drafts(conn, old, new, only_plain=only_plain)
    changed += _recipher_conflicts(conn, old, new, only_plain=only_plain)
    changed += _recipher_pending(conn, old, new, only_plain=only_plain)
    return changed


#: The key of a draft's texts sealed whole (``{SEALED_DRAFT: base64}``): not a field name.
SEALED_DRAFT = "antt-sealed"


def seal_draft(cipher: FieldCipher, draft_id: str, texts: dict[str, str]) -> dict[str, str]:
    """A draft's typed texts sealed whole (a risk note being typed is as sensitive as the
    saved one): what the ``drafts.fields`` column keeps."""
    sealed = cipher.seal_bytes(json.dumps(texts).encode("utf-8"), "drafts", "fields", draft_id)
    return {SEALED_DRAFT: base64.b64encode(sealed).decode("ascii")}


def open_draft(cipher: FieldCipher | None, draft_id: str, stored: dict[str, Any]) -> dict[str, str]:
    """A draft's texts as typed (a plain draft passes through).

    Raises:
        FieldsLocked: sealed, and this login holds no fields key.
        FieldUnreadable: sealed under a key this one is not.
    """
    if SEALED_DRAFT not in stored:
        return {str(k): str(v) for k, v in stored.items()}
    if cipher is None:
        raise FieldsLocked(table="drafts", column="fields")
    data = base64.b64decode(str(stored[SEALED_DRAFT]))
    texts = json.loads(cipher.open_bytes(data, "drafts", "fields", draft_id))
    return {str(k): str(v) for k, v in texts.items()}


def _recipher_drafts(
    conn: Any, old: FieldCipher | None, new: FieldCipher, *, only_plain: bool
) -> int:
    changed = 0
    for ident, stored in conn.exec_driver_sql("SELECT id, fields FROM drafts").fetchall():
        texts = json.loads(stored) if isinstance(stored, str) else dict(stored or {})
        sealed = SEALED_DRAFT in texts
        if only_plain and sealed:
            continue
        try:
            plain = open_draft(old, ident, texts)
        except (FieldsLocked, FieldUnreadable):
            continue  # not this key's to open: left as it is (a draft, not a record)
        conn.exec_driver_sql(
            "UPDATE drafts SET fields = ? WHERE id = ?",
            (json.dumps(seal_draft(new, ident, plain)), ident),
        )
        changed += 1
    return changed


# --- JSON copies of sealed values: sync conflicts and received rows waiting ---------------


def seal_json(cipher: FieldCipher, value: Any, table: str, column: str, row_id: str) -> Any:
    """A JSON value sealed whole, in the drafts' form ``{SEALED_DRAFT: base64}``."""
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return {SEALED_DRAFT: base64.b64encode(cipher.seal_bytes(data, table, column, row_id)).decode()}


def is_sealed_json(stored: Any) -> bool:
    return isinstance(stored, dict) and len(stored) == 1 and SEALED_DRAFT in stored


def open_json(cipher: FieldCipher | None, stored: Any, table: str, column: str, row_id: str) -> Any:
    """The value :func:`seal_json` sealed (a plain value passes through).

    Raises:
        FieldsLocked: sealed, and this login holds no fields key.
        FieldUnreadable: sealed under another key, or for another row or column.
    """
    if not is_sealed_json(stored):
        return stored
    if cipher is None:
        raise FieldsLocked(table=table, column=column)
    data = base64.b64decode(str(stored[SEALED_DRAFT]))
    return json.loads(cipher.open_bytes(data, table, column, row_id))


CONFLICTS = "sync_conflicts"
#: The two values a sync conflict keeps.
CONFLICT_VALUES = ("kept_value", "other_value")


def conflict_seals(table: str, field_name: str, kind: str) -> bool:
    """Whether a conflict's two values are sealed: the field is a sealed one (a duplicate
    names a record, not a value)."""
    return kind != "duplicate" and field_name in SEALED.get(table, ())


def seal_conflict_value(cipher: FieldCipher, conflict_id: str, column: str, value: Any) -> Any:
    return None if value is None else seal_json(cipher, value, CONFLICTS, column, conflict_id)


def open_conflict_value(
    cipher: FieldCipher | None, conflict_id: str, column: str, stored: Any
) -> Any:
    return open_json(cipher, stored, CONFLICTS, column, conflict_id)


def _recipher_conflicts(
    conn: Any, old: FieldCipher | None, new: FieldCipher, *, only_plain: bool
) -> int:
    changed = 0
    for cid, table, name, kind, *values in conn.exec_driver_sql(
        "SELECT id, table_name, field, kind, kept_value, other_value FROM sync_conflicts"
        " WHERE kept_value IS NOT NULL OR other_value IS NOT NULL"
    ).fetchall():
        if not conflict_seals(table, name, kind):
            continue
        stored = [json.loads(v) if isinstance(v, str) else v for v in values]
        if only_plain and all(v is None or is_sealed_json(v) for v in stored):
            continue
        out = []
        for column, value in zip(CONFLICT_VALUES, stored, strict=True):
            if is_sealed_json(value) and old is None:
                out.append(value)  # sealed already (a first sealing keeps it)
                continue
            plain = open_conflict_value(old, cid, column, value)
            out.append(seal_conflict_value(new, cid, column, plain))
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET kept_value = ?, other_value = ? WHERE id = ?",
            (*(None if v is None else json.dumps(v) for v in out), cid),
        )
        changed += 1
    return changed


PENDING_ROWS = "sync_pending"


def _pending_ref(table: str, row_id: str) -> str:
    return f"{table}/{row_id}"


def seal_pending_row(cipher: FieldCipher | None, table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A received row waiting for its parent, its sensitive values sealed one by one (the
    rest stays plain JSON: the photo it names is still found by its hash).

    Raises:
        FieldsLocked: the row holds a sensitive value and this login holds no fields key.
    """
    names = [n for n in SEALED.get(table, ()) if row.get(n) is not None]
    if not names or not seals(table, row):
        return row
    if all(is_sealed_json(row[n]) for n in names):
        return row
    if cipher is None:
        raise FieldsLocked(table=table, column=names[0])
    ref = _pending_ref(table, str(row.get("id")))
    out = dict(row)
    for n in names:
        if not is_sealed_json(out[n]):
            out[n] = seal_json(cipher, out[n], PENDING_ROWS, n, ref)
    return out


def open_pending_row(cipher: FieldCipher | None, table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row :func:`seal_pending_row` sealed, in travelling form again.

    Raises:
        FieldsLocked: it holds sealed values and this login holds no fields key.
        FieldUnreadable: a value sealed under another key.
    """
    names = [n for n in SEALED.get(table, ()) if is_sealed_json(row.get(n))]
    if not names:
        return row
    ref = _pending_ref(table, str(row.get("id")))
    out = dict(row)
    for n in names:
        out[n] = open_json(cipher, out[n], PENDING_ROWS, n, ref)
    return out


def _recipher_pending(
    conn: Any, old: FieldCipher | None, new: FieldCipher, *, only_plain: bool
) -> int:
    changed = 0
    tables = tuple(SEALED)
    for table, ident, stored in conn.exec_driver_sql(
        f"SELECT table_name, row_id, row FROM sync_pending"
        f" WHERE table_name IN ({','.join('?' * len(tables))})",
        tables,
    ).fetchall():
        row = json.loads(stored) if isinstance(stored, str) else dict(stored)
        names = [n for n in SEALED[table] if row.get(n) is not None]
        sealed = [n for n in names if is_sealed_json(row[n])]
        if not names or not seals(table, row) or (only_plain and len(sealed) == len(names)):
            continue
        if sealed and old is not None:
            row = open_pending_row(old, table, row)
        row = seal_pending_row(new, table, row)
        conn.exec_driver_sql(
            'UPDATE sync_pending SET "row" = ? WHERE table_name = ? AND row_id = ?',
            (json.dumps(row, ensure_ascii=False, separators=(",", ":")), table, ident),
        )
        changed += 1
    return changed
