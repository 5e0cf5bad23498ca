"""Several desks on one server's database: each write tells the others it happened.

Every write transaction of a desk that changed rows sends ``pg_notify('antt_changes', …)``
just before it commits (:func:`install`). NOTIFY is transactional: the others hear it only
once the write has committed, never for one rolled back. The payload is the desk's own name
(a random one per open database, so two logins in one process are two desks) and the
tables the write changed, which is what the desk's own change bus announces after the same
write (store/changes.py): the other desks refresh what their own would have.

A :class:`Listener` (one extra connection, in autocommit, ``LISTEN antt_changes``) waits on
a daemon thread and calls back for the other desks' writes; it reconnects after a pause
when the connection drops, and then calls back once for "anything may have changed" (what
was said while it was away is lost).
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from antt_desktop.store.changes import Changes

log = logging.getLogger(__name__)

#: The channel every desk of a post's database speaks on.
CHANNEL = "antt_changes"
#: The longest payload sent (the server refuses 8000 bytes and more); a longer list of
#: tables is sent as the desk's name alone: "anything may have changed".
MAX_PAYLOAD = 7000

#: What a :class:`Listener` calls: the tables another desk's write changed (None: unknown,
#: anything may have changed).
Callback = Callable[[Changes | None], None]


def payload(desk: str, changes: Changes) -> str:
    """The notification of a write by ``desk`` that made ``changes``."""
    tables = ",".join(sorted(changes.tables))
    said = f"{desk} {tables}"
    return said if len(said.encode()) <= MAX_PAYLOAD else desk


def parse(said: str) -> tuple[str, Changes | None]:
    """The desk that wrote and what it changed (None: not told, anything)."""
    desk, _, tables = said.partition(" ")
    names = frozenset(t for t in tables.split(",") if t)
    return desk, Changes(whole_tables=names) if names else None


def install(writer: sessionmaker[Session]) -> str:
    """Make every write of ``writer``'s sessions that changed rows tell the other desks,
    before it commits; returns this desk's name (what its own :class:`Listener` skips)."""
    desk = secrets.token_hex(8)
    statement = text(f"SELECT pg_notify('{CHANNEL}', :said)")

    def before_commit(session: Session) -> None:
        session.flush()  # the last rows too: the record is whole only after it
        written = Changes.of(session)
        if written:
            session.execute(statement, {"said": payload(desk, written)})

    event.listen(writer, "before_commit", before_commit)
    return desk


class Listener:
    """Calls ``callback`` (on its own thread) for every write another desk commits on the
    database of ``engine``; ``desk`` is this desk's name (:func:`install`). Never raises
    into the program: a dropped connection is reopened after ``pause`` seconds.
    :meth:`close` stops it and joins the thread (within ``wait`` seconds)."""

    def __init__(
        self,
        engine: Engine,
        desk: str,
        callback: Callback,
        *,
        pause: float = 2.0,
        wait: float = 0.2,
    ) -> None:
        self._engine = engine
        self._desk = desk
        self._callback = callback
        self._pause = pause
        self._wait = wait
        self._stop = threading.Event()
        #: set once the first LISTEN is in place (tests wait for it)
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="antt-listener", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join()

    def _connect(self) -> Any:
        """A connection of the engine's own making (its URL, TLS), taken out of its pool."""
        fairy = self._engine.raw_connection()
        conn = fairy.driver_connection
        fairy.detach()  # ours for good: the pool makes another in its place
        assert conn is not None
        conn.rollback()  # the pool's ping may have opened a transaction
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        missed = False  # after a dropped connection: what was said meanwhile is lost
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                self.listening.set()
                if missed:
                    self._tell(None)
                    missed = False
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=self._wait):
                        desk, changes = parse(note.payload)
                        if desk != self._desk:
                            self._tell(changes)
            except Exception as exc:  # the program goes on without it
                if self._stop.is_set():
                    break
                log.warning("the other desks' changes are not heard: %r", exc)
                missed = True
                self._stop.wait(self._pause)
            finally:
                if conn is not None:
                    with contextlib.suppress(Exception):  # closing a dropped connection
                        conn.close()

    def _tell(self, changes: Changes | None) -> None:
        try:
            self._callback(changes)
        except Exception:  # a callback's failure stops nothing here
            log.exception("a refresh after another desk's change failed")
