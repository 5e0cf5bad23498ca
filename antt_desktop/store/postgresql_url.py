"""A PostgreSQL server's address, read without loading the server's driver or dialect (the
SQLite desk's start does not pay for them): what names a server, the URL SQLAlchemy takes,
and the URL a message may show."""

from __future__ import annotations

import os
import re

from antt_desktop.store.errors import KnownError

#: The URL schemes that name a PostgreSQL server (``--database``, ``ANTT_DATABASE_URL``).
SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
#: The environment variable naming the server, when no ``--database`` is given.
URL_VARIABLE = "ANTT_DATABASE_URL"


def is_url(target: object) -> bool:
    """Whether ``target`` (a path or a string) names a PostgreSQL server."""
    return isinstance(target, str) and target.startswith(SCHEMES)


def engine_url(url: str) -> str:
    """``url`` for SQLAlchemy, with the psycopg 3 driver named."""
    for scheme in SCHEMES:
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme) :]
    raise ValueError(url)


def shown_url(url: str) -> str:
    """``url`` without its password (what a message or a log may show)."""
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


class ServerNeedsTls(KnownError):
    """An unencrypted connection asked for to a server off this computer."""

    code = "db.server_needs_tls"
    exit_code = 1


#: Hosts reached without the network: a plain connection is allowed there.
LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})
#: ``sslmode`` values that encrypt the connection.
TLS_MODES = frozenset({"require", "verify-ca", "verify-full"})


def libpq_params(url: str) -> dict[str, str]:
    """The connection parameters of ``url`` as libpq reads them (psycopg's reading of the
    URL: hosts, port, account, password, database, the options after ``?``)."""
    from psycopg.conninfo import conninfo_to_dict

    plain = "postgresql://" + engine_url(url).split("://", 1)[1]
    return {k: str(v) for k, v in conninfo_to_dict(plain).items() if v is not None}


def tls_args(url: str) -> dict[str, str]:
    """What the connection to ``url`` must add: TLS (``sslmode=require``) to any server off
    this computer, unless the URL asks for a stricter check; a URL turning TLS off there is
    refused (ServerNeedsTls). A Unix socket (``host=/run/…``) is local; every host of a
    list must be local for a plain connection, and with no host in the URL, libpq's
    ``$PGHOST`` is the one it reaches."""
    params = libpq_params(url)
    named = params.get("host", "") or os.environ.get("PGHOST", "")
    hosts = [*named.split(","), *filter(None, params.get("hostaddr", "").split(","))]
    if all(h in LOCAL_HOSTS or h.startswith("/") for h in hosts):
        return {}
    mode = params.get("sslmode")
    if mode is None:
        return {"sslmode": "require"}
    if mode not in TLS_MODES:
        raise ServerNeedsTls(path=shown_url(url))
    return {}
