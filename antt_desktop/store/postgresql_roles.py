"""The desks' role on a PostgreSQL server, made and given its rights by the database's owner
(``antt --database postgresql://OWNER@… server grant-desks ROLE``; docs/POSTGRESQL.md).

The desks log in to the server with roles of their own that are members of this one: they
read and write the records, only add to the audit log and never change the tables
(:func:`postgresql_schema.desk_grants`). The owner runs the command again after each upgrade
of the program, so that new tables are covered too.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql import lacks_rights
from antt_desktop.store.postgresql_schema import grant_desks

#: A role name PostgreSQL keeps as typed without quotes (it folds the rest to lower case).
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class BadRoleName(KnownError):
    code = "server.role_name"
    exit_code = 3


class RoleMissing(KnownError):
    code = "server.role_missing"
    exit_code = 3


class NotOwner(KnownError):
    """The server's account in the URL may not make roles or give rights on the tables."""

    code = "server.not_owner"
    exit_code = 4


def grant(engine: Engine, role: str, *, create: bool, shown: str) -> bool:
    """Give ``role`` the desks' rights on every table (made first, unable to log in itself,
    when ``create`` and it does not exist yet): True when it was made. All or nothing.

    Raises:
        BadRoleName, RoleMissing, NotOwner.
    """
    if not ROLE_NAME.match(role):
        raise BadRoleName(role=role)
    try:
        with engine.begin() as conn:
            known = conn.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = ?", (role,)
            ).first()
            if known is None and not create:
                raise RoleMissing(role=role)
            if known is None:
                conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
            grant_desks(conn, role)
    except DBAPIError as exc:
        if lacks_rights(exc):
            raise NotOwner(url=shown, account=engine.url.username or "?") from exc
        raise
    return known is None
