"""What every command gets: where the data lives, who acts, today's date, the output.

Every command that opens the post logs in first, through the one login path
(:func:`antt_desktop.security.login.login`): the account from ``--user`` (or
``$ANTT_USER``), the password from ``$ANTT_PASSWORD`` or asked for without echo. A command
that opens the database several times logs in once and keeps the key for the others.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from antt_desktop.cli.early import NEW_PASSWORD_VAR, PASSWORD_VAR, USER_VAR
from antt_desktop.cli.output import Output
from antt_desktop.i18n.translator import N_
from antt_desktop.security.demo_account import DEMO_PASSWORD, DEMO_USER
from antt_desktop.security.errors import CredentialsMissing, PasswordsDiffer
from antt_desktop.security.kdf import PRODUCTION, Derive, KdfParams, derive_key
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import key_file_path, read_key_file
from antt_desktop.security.login import login
from antt_desktop.security.server_keys import guard_writes
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.database import DB_FILENAME, Database, open_database
from antt_desktop.store.errors import KnownError


def _interactive() -> bool:
    """Whether someone can answer a prompt. On Windows the NUL device (``antt … < NUL``, a
    scheduled task) also says it is a terminal, and getpass would wait on it for ever: there
    the console itself is asked."""
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    if sys.platform != "win32":
        return True
    import ctypes
    import msvcrt

    mode = ctypes.c_uint32()
    handle = msvcrt.get_osfhandle(sys.stdin.fileno())
    return bool(ctypes.windll.kernel32.GetConsoleMode(handle, ctypes.byref(mode)))


@dataclass
class Env:
    data_dir: Path
    out: Output
    today: date
    username: str | None = None
    #: Argon2 cost of slots written by this run (tests lower it; the default is memory-hard)
    kdf: KdfParams = PRODUCTION
    #: a database on a PostgreSQL server (``--database``/``$ANTT_DATABASE_URL``), else the
    #: post's file in ``data_dir``
    database_url: str | None = None
    #: asks for a password (None: ``getpass`` on a terminal, refused without one)
    ask: Callable[[str], str] | None = None
    #: the login's key derivation (begun ahead by :func:`~antt_desktop.cli.early.begin_derivation`)
    derive: Derive = derive_key
    _password: str | None = field(default=None, repr=False)
    _keys: KeyRing | None = field(default=None, repr=False)
    _actor: Actor | None = None

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def where(self) -> str:
        """Where the post is, as a message shows it: the server's address (no password)
        or the file's path."""
        if self.database_url:
            from antt_desktop.store.postgresql_url import shown_url

            return shown_url(self.database_url)
        return str(self.db_path)

    def has_post(self) -> bool:
        """Whether there is a post already: the file, or on a server a post its database
        keeps (an empty database holds none)."""
        if self.database_url:
            from antt_desktop.services.server_post import post_on_server

            return post_on_server(self.database_url) is not None
        return self.db_path.exists()

    # --- credentials ------------------------------------------------------------------
    def password(self, prompt: str = N_("Password for {user}: ")) -> str:
        """The password of the account named: ``$ANTT_PASSWORD``, else asked for once."""
        if self._password is None:
            self._password = os.environ.get(PASSWORD_VAR) or self._ask(prompt, user=self.account())
        return self._password

    def new_password(self, user: str) -> str:
        """A new password for ``user``: ``$ANTT_NEW_PASSWORD``, else asked for twice."""
        given = os.environ.get(NEW_PASSWORD_VAR)
        if given:
            return given
        first = self._ask(N_("New password for {user}: "), user=user)
        if first != self._ask(N_("Repeat the new password: "), user=user):
            raise PasswordsDiffer()
        return first

    def account(self) -> str:
        if self.username is None and not os.environ.get(USER_VAR) and self._is_demo():
            self.use(DEMO_USER, DEMO_PASSWORD)  # the demo post's public account
        name = self.username or os.environ.get(USER_VAR)
        if not name and _interactive():
            name = input(self.out._(N_("Account name: "))).strip()
        if not name:
            raise CredentialsMissing()
        self.username = name
        return name

    def _is_demo(self) -> bool:
        try:
            if self.database_url:  # the post's label is in the server's database
                from antt_desktop.services.server_post import post_on_server

                label = post_on_server(self.database_url)
                return label is not None and label.demo
            return read_key_file(key_file_path(self.db_path)).post.demo
        except KnownError:
            return False

    def _ask(self, prompt: str, **values: str) -> str:
        text = self.out._(prompt).format(**values)
        if self.ask is not None:
            return self.ask(text)
        if not _interactive():
            raise CredentialsMissing()
        return getpass.getpass(text)

    def use(self, username: str, password: str) -> None:
        """Log in as this account (the demo post's known account, a just-created chief)."""
        self.username, self._password = username, password

    def remember(self, actor: Actor, keys: KeyRing) -> None:
        """A login made elsewhere (``init``): later opens in this run reuse its key."""
        self._actor, self._keys = actor, keys.with_kdf(self.kdf)

    # --- the post ---------------------------------------------------------------------
    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("no login yet: open the database first")
        return self._actor

    @property
    def keys(self) -> KeyRing:
        if self._keys is None:
            raise RuntimeError("no login yet: open the database first")
        return self._keys

    def open(self, *, write: bool = True) -> Database:
        """The post database, logged in (on the first open of this run)."""
        if self.database_url and self._keys is not None:  # the server: no database key
            db = open_database(
                self.database_url,
                write=write,
                fields_key=self._keys.fields_key,
                local_dir=self.data_dir,
            )
            guard_writes(db, self._keys)
            return db
        if self._keys is not None:
            # the ring's keys: a rotation made by this run's command updates them in place
            return open_database(
                self.db_path, key=self._keys.db_key, write=write, fields_key=self._keys.fields_key
            )
        session = login(
            self.database_url or self.db_path,  # a server: its database keeps the keys
            self.account(),
            self.password(),
            write=write,
            kdf=self.kdf,
            derive=self.derive,
            local_dir=self.data_dir if self.database_url else None,
        )
        self._actor, self._keys = session.actor, session.keys
        return session.db

    @contextmanager
    def writing(self) -> Iterator[Ctx]:
        """One change: open, one transaction, close."""
        with self.open() as db, db.write() as session:
            yield Ctx(session, self.actor, self.today)

    @contextmanager
    def reading(self) -> Iterator[Ctx]:
        """A read; what it records (views of sensitive records) is appended after it."""
        with self.open(write=False) as db:
            with db.read() as session:
                ctx = Ctx(session, self.actor, self.today, deferred_audit=[])
                try:
                    yield ctx
                finally:
                    pending = list(ctx.deferred_audit or ())
            if pending:
                ctx.deferred_audit = pending
                with db.journal() as session:
                    ctx.flush_deferred_audit(session)
