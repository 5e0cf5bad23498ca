"""What a command reads from a PostgreSQL server before it loads its database layer
(cli/early.py): the accounts' key slots (store/postgresql_keys.py keeps them), through the
driver alone, on the same terms as every connection (TLS off this computer:
:func:`postgresql_url.tls_args`), so the login's key derivation can begin while SQLAlchemy
and the models load."""

from __future__ import annotations

from antt_desktop.store.postgresql_url import libpq_params, tls_args

#: How long the look-up waits for the server (the login then tries and says what failed).
CONNECT_TIMEOUT_S = 5


def key_document(url: str) -> bytes | None:
    """The key slots' document of the post at ``url``; None when it holds none.

    Raises:
        ServerNeedsTls, and the driver's own errors (no server, refused…).
    """
    import psycopg

    params = {**libpq_params(url), **tls_args(url), "connect_timeout": str(CONNECT_TIMEOUT_S)}
    with psycopg.connect(**params) as conn:  # type: ignore[arg-type]
        if conn.execute("SELECT to_regclass('server_keys')").fetchone() in (None, (None,)):
            return None
        row = conn.execute("SELECT doc FROM server_keys WHERE id = 1").fetchone()
    return bytes(row[0]) if row is not None else None
