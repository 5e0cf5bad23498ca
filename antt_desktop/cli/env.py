"""What every command gets: where the data lives, who acts, today's date, the output."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import platformdirs

from antt_desktop.cli.output import Output
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.database import DB_FILENAME, Database, open_database

APP_NAME = "ANTT Desktop"


def default_data_dir() -> Path:
    env = os.environ.get("ANTT_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass
class Env:
    data_dir: Path
    out: Output
    actor: Actor
    today: date

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    def open(self, *, write: bool = True, create: bool = False) -> Database:
        return open_database(self.db_path, create=create, write=write)

    @contextmanager
    def writing(self) -> Iterator[Ctx]:
        """One change: open, one transaction, close."""
        with self.open() as db, db.write() as session:
            yield Ctx(session, self.actor, self.today)

    @contextmanager
    def reading(self) -> Iterator[Ctx]:
        with self.open(write=False) as db, db.read() as session:
            yield Ctx(session, self.actor, self.today)
