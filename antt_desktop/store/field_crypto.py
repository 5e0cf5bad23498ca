"""Sensitive fields sealed under the fields key (AES-256-GCM), with a keyed blind index.

The database file is encrypted whole by SQLCipher under the database key, which every
account's key slot unwraps. The values below are sealed again, one by one, under the
*fields key*, which only accounts whose role may read sensitive data unwrap
(docs/FIELD_ENCRYPTION.md): a viewer's password and the files give the names and addresses,
never an ID number, an ethnicity, a religion, a risk note, a violation text or a photo.

A sealed value is bytes (stored as a BLOB in the column that held the plain text)::

    version (1 byte) | key id (4 bytes) | nonce (12 bytes) | ciphertext + GCM tag (16 bytes)

Its associated data names the table, the column and the row id, so a sealed value copied to
another row or column does not open. ID numbers also get a blind index: HMAC-SHA256 under a
sub-key derived from the fields key (HKDF), the first 16 bytes in hex: exact search and the
uniqueness of an ID number without the number.

Every connection gets three SQL functions (see :func:`install_functions`), so queries over
the ORM's ``Person.id_number`` and the sync layer's driver-level SQL open values in place:
``antt_open(value, table, column, id, fallback)``, ``antt_seal(value, table, column, id)``
and ``antt_bidx(value)``. Without the key ``antt_open`` gives ``fallback`` (the masked ID
number, or NULL) and ``antt_bidx`` NULL.
"""

from __future__ import annotations

import functools
import hmac
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql_text import sealed_text, stored_value

VERSION = 1
KEY_BYTES = 32
_NONCE = 12
_KEY_ID = 4
_HEADER = 1 + _KEY_ID + _NONCE
#: Hex characters kept of a blind index (64 bits of HMAC: no collision among millions).
BIDX_CHARS = 32
#: The fields that are sealed, by table.
SEALED: dict[str, tuple[str, ...]] = {
    "persons": ("id_number", "legacy_id", "ethnic_code", "religion_code"),
    "dossiers": ("risk_notes",),
    "violations": ("description",),
    # the history of a corrected sensitive field holds its old and new values
    "person_corrections": ("old_value", "new_value"),
}
#: Rows of a table whose values are sealed when only some are (SQL over the table).
SEALED_WHERE: dict[str, str] = {
    "person_corrections": "field IN ('id_number', 'legacy_id', 'ethnic_code', 'religion_code')"
}
#: The person fields whose corrections are sealed.
CORRECTED = frozenset(SEALED["persons"])
#: Blind-indexed fields and the plain column holding their index.
BLIND: dict[tuple[str, str], str] = {
    ("persons", "id_number"): "id_number_bidx",
    ("persons", "legacy_id"): "legacy_id_bidx",
}
#: The last three digits of an ID number, kept plain on purpose (the mask of a list).
LAST3 = "id_last3"
#: Columns derived on this node from sealed values: never sent, recomputed on receipt.
LOCAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "persons": ("id_number_bidx", "legacy_id_bidx", LAST3),
}
#: The mask of a 12-digit ID number without its last three digits.
ID_MASK = "•" * 9
SESSION_KEY = "fields"


class FieldUnreadable(KnownError):
    """A sealed value does not open: damaged, sealed under another key, or copied from
    another record or field."""

    code = "fields.unreadable"
    exit_code = 3

    def __init__(self, **params: object) -> None:
        super().__init__(**params)
        column = params.get("column")
        self.code = f"fields.unreadable.{column}" if column in LABELLED else "fields.unreadable"


class FieldsLocked(KnownError):
    """A sensitive value would be written by a session that does not hold the fields key."""

    code = "fields.locked"
    exit_code = 6


#: Columns whose refusal names the field (``fields.unreadable.<column>``).
LABELLED = frozenset(
    {"id_number", "legacy_id", "ethnic_code", "religion_code", "risk_notes", "description"}
    | {"data", "old_value", "new_value"}
)


def _hkdf(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(key)


@functools.cache
def _aad_head(table: str, column: str) -> bytes:
    return b"antt-field\0" + f"{table}\0{column}\0".encode()


def _aad(table: str, column: str, row_id: str) -> bytes:
    return _aad_head(table, column) + row_id.encode()


@dataclass
class FieldCipher:
    """Seals and opens sensitive values under one fields key.

    ``broken`` collects (table, column, row id) of values that failed to open through the
    SQL function (which answers NULL), so a service can report them by name.
    """

    key: bytes
    broken: list[tuple[str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES:
            raise ValueError("the fields key is 32 bytes")
        self._aead = AESGCM(_hkdf(self.key, b"antt fields aes-gcm v1"))
        self._bidx_key = _hkdf(self.key, b"antt fields blind index v1")
        self.key_id = hmac.digest(self.key, b"antt fields key id", "sha256")[:_KEY_ID]

    # --- values ----------------------------------------------------------------------
    def seal_bytes(self, data: bytes, table: str, column: str, row_id: str) -> bytes:
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, data, _aad(table, column, row_id))
        return bytes([VERSION]) + self.key_id + nonce + sealed

    def open_bytes(self, sealed: bytes, table: str, column: str, row_id: str) -> bytes:
        """Raises FieldUnreadable (naming the field and the record) when it does not open."""
        if len(sealed) < _HEADER + 16 or sealed[0] != VERSION:
            raise FieldUnreadable(table=table, column=column, row=row_id)
        if sealed[1 : _HEADER - _NONCE] != self.key_id:
            raise FieldUnreadable(table=table, column=column, row=row_id)
        nonce = sealed[1 + _KEY_ID : _HEADER]
        try:
            return self._aead.decrypt(nonce, sealed[_HEADER:], _aad(table, column, row_id))
        except InvalidTag as exc:
            raise FieldUnreadable(table=table, column=column, row=row_id) from exc

    def seal(self, value: str | None, table: str, column: str, row_id: str) -> bytes | None:
        if value is None:
            return None
        return self.seal_bytes(value.encode("utf-8"), table, column, row_id)

    def open(self, value: Any, table: str, column: str, row_id: str) -> str | None:
        """The plain text of a stored value (a plain text not sealed yet passes through)."""
        if value is None or isinstance(value, str):
            return value
        return self.open_bytes(bytes(value), table, column, row_id).decode("utf-8")

    def blind(self, value: str | None) -> str | None:
        """The blind index of an ID number (the same for a new and an old ID number, so
        one person's old number met as another's new number is found)."""
        if not value:
            return None
        return hmac.digest(self._bidx_key, value.encode(), "sha256").hex()[:BIDX_CHARS]

    # --- SQL functions ---------------------------------------------------------------
    def sql_open(self, value: Any, table: str, column: str, row_id: str, _fallback: Any) -> Any:
        try:
            return self.open(value, table, column, row_id)
        except FieldUnreadable:
            if len(self.broken) < 100:  # enough to name them; a list read again stays bounded
                self.broken.append((table, column, row_id))
            return None

    def sql_seal(self, value: Any, table: str, column: str, row_id: str) -> Any:
        if value is None or isinstance(value, bytes):
            return value
        return self.seal(str(value), table, column, row_id)

    def take_broken(self) -> list[tuple[str, str, str]]:
        found, self.broken = self.broken, []
        return found


class FieldsHolder:
    """The fields cipher of one open database, or None (a role without the key). The SQL
    functions of every connection ask it, so unlocking after the first connect works."""

    def __init__(self, cipher: FieldCipher | None = None) -> None:
        self.cipher = cipher


def _open_locked(value: Any, table: str, _c: str, _i: str, fallback: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str) and table in SEALED_WHERE:
        return value  # a table sealed in part: a plain value is not a sensitive one
    return fallback  # a value sealed, or plain until the first key holder seals it


def _seal_locked(value: Any, table: str, column: str, _i: str) -> Any:
    if value is None or isinstance(value, bytes):
        return value
    raise FieldsLocked(table=table, column=column)


def install_functions(dbapi_conn: Any, holder: FieldsHolder) -> None:
    """Register ``antt_open``, ``antt_seal`` and ``antt_bidx`` on a DB-API connection."""

    def sql_open(value: Any, table: str, column: str, row_id: str, fallback: Any) -> Any:
        cipher = holder.cipher
        if cipher is None:
            return _open_locked(value, table, column, row_id, fallback)
        return cipher.sql_open(value, table, column, row_id, fallback)

    def sql_seal(value: Any, table: str, column: str, row_id: str) -> Any:
        cipher = holder.cipher
        if cipher is None:
            return _seal_locked(value, table, column, row_id)
        return cipher.sql_seal(value, table, column, row_id)

    def sql_bidx(value: Any) -> Any:
        cipher = holder.cipher
        return cipher.blind(value) if cipher is not None and isinstance(value, str) else None

    dbapi_conn.create_function("antt_open", 5, sql_open)
    dbapi_conn.create_function("antt_seal", 4, sql_seal)
    dbapi_conn.create_function("antt_bidx", 1, sql_bidx, deterministic=True)


def open_sql(table: str, column: str, alias: str | None = None) -> str:
    """The SQL reading ``column`` of ``table`` in plain (itself when it is not sealed)."""
    if column not in SEALED.get(table, ()):
        return column
    prefix = f"{alias}." if alias else ""
    return f"antt_open({prefix}{column}, '{table}', '{column}', {prefix}id, NULL)"


def unique_of(table: str, column: str) -> str:
    """The column a unique constraint stands for: a blind index stands for its number."""
    for (t, plain), blind in BLIND.items():
        if t == table and blind == column:
            return plain
    return column


def lookup_sql(table: str, column: str, count: int) -> str | None:
    """``SELECT <plain value>, id`` of the rows holding one of ``count`` plain values of a
    blind-indexed ``column`` (found by the index), or None for any other column."""
    blind = BLIND.get((table, column))
    if blind is None:
        return None
    marks = ",".join("antt_bidx(?)" for _ in range(count))
    return f"SELECT {open_sql(table, column)}, id FROM {table} WHERE {blind} IN ({marks})"


def cipher_of(conn: Any) -> FieldCipher | None:
    """The fields cipher of a SQLAlchemy connection or session, if it holds the key."""
    holder = conn.info.get(SESSION_KEY)
    return holder.cipher if isinstance(holder, FieldsHolder) else None


def require_cipher(conn: Any) -> FieldCipher:
    """The fields cipher; FieldsLocked when this login does not hold the fields key (a sync
    or a bulk write must not carry or store blanks in place of sealed values)."""
    cipher = cipher_of(conn)
    if cipher is None:
        raise FieldsLocked(table="persons", column="id_number")
    return cipher


def refuse_broken(session: Any) -> None:
    """Raise FieldUnreadable for the first sealed value that failed to open in ``session``
    since the last call (the SQL function answers NULL for it and notes it)."""
    cipher = cipher_of(session)
    broken = cipher.take_broken() if cipher is not None else []
    if broken:
        table, column, row = broken[0]
        raise FieldUnreadable(table=table, column=column, row=row)


def forget_broken(session: Any) -> None:
    cipher = cipher_of(session)
    if cipher is not None:
        cipher.take_broken()


def masked(last: str | None) -> str:
    """The masked ID number of a list, from its plain last three digits."""
    return ID_MASK + last if last else ""


def last3(id_number: str | None) -> str | None:
    return id_number[-3:] if id_number else None


def seals(table: str, row: Any) -> bool:
    """Whether ``row`` (a mapping or a model object) of ``table`` has its values sealed."""
    if table not in SEALED:
        return False
    if table == "person_corrections":
        field_name = row.get("field") if isinstance(row, dict) else row.field
        return field_name in CORRECTED
    return True


def sealed_row(cipher: FieldCipher, table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A copy of a plain row with its sensitive values sealed and its local columns set."""
    names = SEALED.get(table)
    if not names or not seals(table, row):
        return row
    out = dict(row)
    ident = str(row["id"])
    for name in names:
        if name in out and not isinstance(out[name], bytes):  # bytes: sealed already
            plain = out[name]
            out[name] = cipher.seal(plain, table, name, ident) if plain is not None else None
            blind = BLIND.get((table, name))
            if blind:
                out[blind] = cipher.blind(plain)
    if table == "persons" and "id_number" in row and not isinstance(row["id_number"], bytes):
        out[LAST3] = last3(row["id_number"])
    return out


# --- reseal and first sealing, in the caller's transaction ------------------------------


def _rows(conn: Any, table: str) -> Iterable[tuple[Any, ...]]:
    columns = ", ".join(("id", *SEALED[table]))
    where = " OR ".join(f"{c} IS NOT NULL" for c in SEALED[table])
    if table in SEALED_WHERE:
        where = f"({where}) AND {SEALED_WHERE[table]}"
    found: list[tuple[Any, ...]] = conn.exec_driver_sql(
        f"SELECT {columns} FROM {table} WHERE {where}"
    ).fetchall()
    if conn.dialect.name == "postgresql":  # the server keeps sealed bytes as marked text
        return [tuple(stored_value(v) if isinstance(v, str) else v for v in r) for r in found]
    return found


def _write_rows(conn: Any, table: str, rows: list[dict[str, Any]]) -> None:
    by_names: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for r in rows:
        names = tuple(n for n in r if n != "id")
        by_names.setdefault(names, []).append((*(r[n] for n in names), r["id"]))
    if conn.dialect.name == "postgresql":  # sealed bytes written as the server's text
        by_names = {
            names: [
                tuple(sealed_text(v) if isinstance(v, bytes) else v for v in row) for row in rows_
            ]
            for names, rows_ in by_names.items()
        }
    for names, values in by_names.items():
        assignments = ", ".join(f"{n} = ?" for n in names)
        conn.exec_driver_sql(f"UPDATE {table} SET {assignments} WHERE id = ?", values)


def recipher_records(
    conn: Any, old: FieldCipher | None, new: FieldCipher, *, only_plain: bool
) -> int:
    """Reseal the sealed columns of the records and the photos from ``old`` to ``new``
    (``only_plain``: seal what an upgrade left plain); how many rows were written. The
    whole database's resealing, copies included, is :mod:`resealing`'s."""
    changed = 0
    for table, names in SEALED.items():
        batch: list[dict[str, Any]] = []
        for ident, *values in _rows(conn, table):
            if only_plain and not any(isinstance(v, str) for v in values):
                continue
            plain: dict[str, Any] = {"id": ident}
            for name, value in zip(names, values, strict=True):
                if isinstance(value, str) or value is None:
                    plain[name] = value
                elif old is None:
                    plain[name] = value  # already sealed: kept
                else:
                    plain[name] = old.open(value, table, name, ident)
            if table == "person_corrections":
                plain["field"] = "id_number"  # any sealed field: _rows chose only those
                row = sealed_row(new, table, plain)
                del row["field"]
                batch.append(row)
                continue
            batch.append(sealed_row(new, table, plain))
        _write_rows(conn, table, batch)
        changed += len(batch)
    changed += _recipher_photos(conn, old, new, only_plain=only_plain)
    return changed


def _recipher_photos(
    conn: Any, old: FieldCipher | None, new: FieldCipher, *, only_plain: bool
) -> int:
    changed = 0
    for sha, data in conn.exec_driver_sql("SELECT sha256, data FROM photos").fetchall():
        data = bytes(data)
        sealed = is_sealed_photo(data)
        if only_plain and sealed:
            continue
        plain = old.open_bytes(data, "photos", "data", sha) if sealed and old else data
        conn.exec_driver_sql(
            "UPDATE photos SET data = ? WHERE sha256 = ?",
            (new.seal_bytes(plain, "photos", "data", sha), sha),
        )
        changed += 1
    return changed


def is_sealed_photo(data: bytes) -> bool:
    """A sealed photo starts with the version byte; a JPEG (0xFF) or PNG (0x89) never does."""
    return bool(data) and data[0] == VERSION
