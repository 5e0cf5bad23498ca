"""Resealing the whole database under a fields key: every sealed column of the records and
the photos (:mod:`field_crypto`) and every sealed copy in a JSON column (:mod:`sealed_json`),
in the caller's transaction. A rotation of the key calls :func:`reseal`; the first login
holding the key after a schema upgrade calls :func:`seal_plain`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from antt_desktop.store import sealed_json
from antt_desktop.store.field_crypto import (
    SESSION_KEY,
    FieldCipher,
    FieldsHolder,
    recipher_records,
)


def _everything(conn: Any, old: FieldCipher | None, new: FieldCipher, *, only_plain: bool) -> int:
    changed = recipher_records(conn, old, new, only_plain=only_plain)
    return changed + sealed_json.recipher(conn, old, new, only_plain=only_plain)


def reseal(session: Any, old_key: bytes, new_key: bytes) -> int:
    """Open every sealed value with ``old_key`` and seal it again under ``new_key`` (the
    blind indexes recomputed), in the caller's transaction; returns the rows changed.

    Raises:
        FieldUnreadable: a value ``old_key`` does not open (nothing is changed: the
            caller's transaction rolls back).
    """
    conn = session.connection()
    changed = _everything(conn, FieldCipher(old_key), FieldCipher(new_key), only_plain=False)
    holder = conn.info.get(SESSION_KEY)
    if isinstance(holder, FieldsHolder) and holder.cipher is not None:
        before, holder.cipher = holder.cipher, FieldCipher(new_key)

        def back(_session: Any) -> None:  # the values stay sealed under the old key
            holder.cipher = before

        event.listen(session, "after_rollback", back, once=True)
    return changed


def plain_pending(conn: Any) -> bool:
    """Whether the schema upgrade left plain values for the first key holder to seal
    (``PRAGMA user_version`` 1, set by revision 0025 when it found any)."""
    return bool(conn.exec_driver_sql("PRAGMA user_version").scalar() == PENDING)


#: ``PRAGMA user_version`` of a database whose sensitive values are still plain.
PENDING = 1


def seal_plain(session: Any, cipher: FieldCipher) -> int:
    """Seal the values a schema upgrade left plain (it runs before anyone logs in, so it
    cannot hold the key), in the caller's transaction; returns the rows changed."""
    conn = session.connection()
    changed = _everything(conn, None, cipher, only_plain=True)
    conn.exec_driver_sql("PRAGMA user_version = 0")
    return changed
