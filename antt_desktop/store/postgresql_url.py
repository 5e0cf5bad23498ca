"""A PostgreSQL server's address, read without loading the server's driver or dialect (the
SQLite desk's start does not pay for them): what names a server, the URL SQLAlchemy takes,
and the URL a message may show."""

from __future__ import annotations

import re

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
