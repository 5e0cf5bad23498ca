"""Where a post on a PostgreSQL server keeps what a desk's key file keeps on SQLite: the
accounts' slots, the keys wrapped to them and the failed-login counters (docs/KEYS.md, "On a
server"). One row of table ``server_keys`` (revision 0029) holds the same JSON document as
the key file, so every desk logs in with the same accounts and counts the same failures.

A change reads the row ``FOR UPDATE`` and writes it in the same transaction, on a
connection of its own (not the desk's write lock): two desks changing it take turns, as two
windows take turns on the key file's lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text

from antt_desktop.store.errors import KnownError

TABLE = "CREATE TABLE server_keys ( id SMALLINT PRIMARY KEY CHECK (id = 1), doc BYTEA NOT NULL)"
DROP = "DROP TABLE IF EXISTS server_keys"


def upgrade(conn: Connection) -> None:
    """Revision 0029, on PostgreSQL only."""
    conn.exec_driver_sql(TABLE)


def downgrade(conn: Connection) -> None:
    conn.exec_driver_sql(DROP)


def read(conn: Connection) -> bytes | None:
    """The document, or None when the post has none (an empty database, or a post made
    before the login on a server)."""
    value = conn.execute(text("SELECT doc FROM server_keys WHERE id = 1")).scalar()
    return bytes(value) if value is not None else None


def write(conn: Connection, doc: bytes) -> None:
    """Keep ``doc`` (in ``conn``'s transaction: the post's creation writes it beside the
    post)."""
    conn.execute(
        text(
            "INSERT INTO server_keys (id, doc) VALUES (1, :doc)"
            " ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc"
        ),
        {"doc": doc},
    )


@contextmanager
def updating(engine: Engine) -> Iterator[tuple[bytes | None, list[bytes]]]:
    """The document as it is, held against other desks' changes until the block ends; what
    the block appends to the list is written (the last), then committed. An exception
    leaves the row as it was."""
    with engine.connect() as conn, conn.begin():
        current = conn.execute(text("SELECT doc FROM server_keys WHERE id = 1 FOR UPDATE")).scalar()
        written: list[bytes] = []
        yield (bytes(current) if current is not None else None), written
        if written:
            write(conn, written[-1])


class ServerKeysMissing(KnownError):
    """The server's database has no accounts' keys: a post not set up there with the program
    (``antt --database … init``), or one made before the login on a server."""

    code = "db.server_keys_missing"
    exit_code = 5


class KeysChanged(KnownError):
    """Another desk rotated the fields key (a password changed, an account disabled, a role
    lowered) since this desk logged in: a write sealed under the old key would be lost with
    it, so none is made until the desk logs in again."""

    code = "db.server_keys_changed"
    exit_code = 5


def fields_key_id(conn: Connection) -> int | None:
    """The fields generation the database's sensitive columns are sealed under."""
    value = conn.exec_driver_sql("SELECT fields_key_id FROM local_node").scalar()
    return int(value) if value is not None else None
