"""Setting up a post on a PostgreSQL server (``antt --database postgresql://… init``): what
``accounts.create_post`` does for a SQLite file, with the key file kept in the server's
database (security/server_keys.py) and written in the same transaction as the post, so a
refused setup leaves neither.

The owner role runs it (the schema is made then); the desks' role logs in afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed, raise_if_errors
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import PostLabel, new_database_key
from antt_desktop.security.login import Unlocked
from antt_desktop.security.passwords import password_problems
from antt_desktop.security.server_keys import ServerKeys
from antt_desktop.services.accounts import first_chief
from antt_desktop.services.context import max_length
from antt_desktop.services.units import AlreadyInitialised, initialise
from antt_desktop.services.values import clean_text
from antt_desktop.store import postgresql_keys
from antt_desktop.store.clock import WallClock, wall_ms
from antt_desktop.store.database import open_database
from antt_desktop.store.errors import DatabaseNotInitialised
from antt_desktop.store.models import Unit
from antt_desktop.store.postgresql_keys import ServerKeysMissing


def create_server_post(
    url: str,
    *,
    password: str,
    kdf: KdfParams = PRODUCTION,
    wall: WallClock = wall_ms,
    demo: bool = False,
    on_setup: Callable[[Session], object] | None = None,
    admin_name: str | None = None,
    admin_title: str | None = None,
    local_dir: Path | None = None,
    **setup: Any,
) -> Unlocked:
    """Make the post in the (empty) database at ``url`` with its first (chief) account, as
    ``accounts.create_post`` does for a file. Returns the post, logged in as that account.

    Raises:
        AlreadyInitialised: the database holds a post already; ValidationFailed.
    """
    problems = password_problems(password, str(setup.get("admin") or ""))
    name, title = clean_text(admin_name), clean_text(admin_title)
    problems += max_length("admin_name", name, 120) + max_length("admin_title", title, 120)
    post_key, fields_key = new_database_key(), new_database_key()
    db = open_database(url, create=True, wall=wall, fields_key=fields_key, local_dir=local_dir)
    try:
        place = ServerKeys(db.engine, db.url or url)
        if place.exists():
            raise AlreadyInitialised(code=place.read().post.unit_code or "?")
        try:
            with db.write() as session:
                if session.execute(select(Unit.id).limit(1)).first() is not None:
                    raise AlreadyInitialised(code="?")  # a post made before its keys were kept
                unit: Unit = initialise(session, **setup)
                raise_if_errors(problems)
                if on_setup is not None:
                    on_setup(session)
                first, actor = first_chief(
                    session, unit, password, kdf, (name, title), demo, (post_key, fields_key)
                )
                # in the post's own transaction: both are there, or neither
                postgresql_keys.write(session.connection(), first.to_json())
        except ValidationFailed as exc:
            merged = problems + [p for p in exc.problems if p not in problems]
            raise ValidationFailed(merged) from None
    except BaseException:
        db.close()
        raise
    ring = KeyRing(place, post_key, kdf, fields_key=fields_key, fields_key_id=1)
    return Unlocked(db, actor, ring)


def post_on_server(url: str) -> PostLabel | None:
    """The post the server's database at ``url`` holds (its label), or None when it holds
    none yet: an empty database, ready to be set up there.

    Raises:
        what ``open_database`` raises for a server (ServerUnreachable, ServerNeedsTls…).
    """
    try:
        db = open_database(url, write=False)
    except DatabaseNotInitialised:
        return None
    try:
        return ServerKeys(db.engine, url).read().post
    except ServerKeysMissing:
        return None
    finally:
        db.close()
