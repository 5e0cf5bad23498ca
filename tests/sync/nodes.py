"""Sync nodes for tests: each a database in its own folder with its own clock, set up and
enrolled through the same functions the ``antt sync`` commands call. A node's set-up (its
schema, unit and sync keys) is made once per session and copied (:mod:`tests.helpers.prepared`);
the enrolment is done for each test.

A node is a SQLite file by default; a network given a PostgreSQL server (:class:`OnServer`)
puts the nodes of the roles it names there instead, each in a database of its own (copied
from a template database made once, ``CREATE DATABASE … TEMPLATE``), its folder keeping
the desk's own files — so the same tests exchange bundles between a post or an upper unit
on a server and SQLite nodes (tests/postgresql/test_sync_*.py)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from antt_desktop.domain.enums import UnitKind
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.units import initialise
from antt_desktop.store import backup, postgresql_backup
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.models import LocalNode
from antt_desktop.sync import card, documents, identity, roster
from antt_desktop.sync.dump import dump_hash
from antt_desktop.sync.export import export
from antt_desktop.sync.importer import import_bundle
from antt_desktop.sync.report import ImportReport
from tests.conftest import FakeWall
from tests.helpers.prepared import PREPARED
from tests.postgresql import server

TODAY = date(2026, 11, 22)
OFFICER = Actor("canbo1", "officer")
UPPER = Actor("canbotinh", "upper")
CHIEF = Actor("truongcong", "chief")


#: Each node's own fields key (store/field_crypto.py), kept beside its database.
FIELDS_KEY = "fields.key"


def fields_key(folder: Path) -> bytes:
    path = folder / FIELDS_KEY
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(32))
    return path.read_bytes()


#: In a server node's folder: the name of its database on the server.
SERVER_DATABASE = "server-database"
#: In a server node's prepared folder: the name of the template database it is copied from.
SERVER_TEMPLATE = "server-template"


@dataclass(frozen=True)
class OnServer:
    """The nodes of ``roles`` ("post", "upper", "province") in databases of the PostgreSQL
    server at ``url`` (its maintenance database's URL)."""

    url: str
    roles: Collection[str]


class Node:
    """One installation: its folder, database, clock and identity (``server``: its database
    is on that PostgreSQL server, named in its folder)."""

    def __init__(
        self, root: Path, name: str, wall: FakeWall, server_url: str | None = None
    ) -> None:
        self.name = name
        self.folder = root / name
        self.wall = wall
        self.server_url = server_url
        self.fields_key = fields_key(self.folder)
        self.db: Database = self._open(create=True)
        self.clones: list[Node] = []
        self.stick = root / "sticks" / name

    @property
    def location(self) -> str | Path:
        """The SQLite file, or the URL of the node's database on the server."""
        if self.server_url is None:
            return self.folder / "antt.sqlite3"
        name = (self.folder / SERVER_DATABASE).read_text()
        return server.database_url(self.server_url, name)

    @property
    def on_server(self) -> bool:
        return self.server_url is not None

    def _open(self, create: bool = False) -> Database:
        if self.server_url is None:
            return open_database(
                self.location, create=create, wall=self.wall, fields_key=self.fields_key
            )
        return open_database(
            self.location, wall=self.wall, fields_key=self.fields_key, local_dir=self.folder
        )

    def reopen(self) -> None:
        self.db.close()
        self.db = self._open()

    def close(self) -> None:
        self.db.close()

    def drop(self) -> None:
        """Close the node and drop its database on the server (a SQLite file stays)."""
        self.close()
        if self.server_url is not None:
            server.drop_database(self.server_url, str(self.location))

    def backup(self, target: Path) -> Path:
        """A backup of the node as it is now: a copy of its file, or on a server a dump in
        ``pg_dump``'s custom format (store/postgresql_backup.py) with what its restore
        checks."""
        if self.server_url is None:
            return backup.backup(self.db, target)
        with self.db.write() as session:  # a server's restore wants a chief in the copy (the
            # chief who restores it): the network's admin is one (accounts are not synced)
            session.execute(text("UPDATE users SET role = 'chief' WHERE username = 'admin'"))
        with postgresql_backup.snapshot(self.db.engine) as snap:
            facts = postgresql_backup.post_facts(snap.conn)
            assert facts is not None
            with target.open("wb") as fh:
                tool = postgresql_backup.dump(str(self.location), snap, fh.write)
        made = {"facts": facts[:3], "major": tool.major, "made_on": snap.server_version}
        target.with_suffix(".json").write_text(json.dumps(made))
        return target

    def restore(self, kept: Path) -> None:
        """Put the node back as ``kept`` holds it: the file replaced, or on a server the
        dump restored into a new database that the node then uses (the old one dropped);
        either way a new replica epoch."""
        self.db.close()
        if self.server_url is None:
            backup.restore(self.db.path, kept)
        else:
            made = json.loads(kept.with_suffix(".json").read_text())
            unit_code, _name, node_id = made["facts"]
            old, new = str(self.location), server.create_database(self.server_url)
            postgresql_backup.restore(
                new,
                [kept.read_bytes()],
                postgresql_backup.Expected(unit_code, node_id, "admin"),
                dump_major=made["major"],
                made_on=made["made_on"],
            )
            (self.folder / SERVER_DATABASE).write_text(_database_name(new))
            server.drop_database(self.server_url, old)
        self.db = self._open()

    def clone(self, name: str) -> Node:
        """A copy of this installation (same keys): to try other import orders on it."""
        self.db.close()
        target = self.folder.parent / name
        target.mkdir(parents=True)
        if self.server_url is None:
            shutil.copy2(self.folder / "antt.sqlite3", target / "antt.sqlite3")
        else:
            made = server.create_database(self.server_url, template=_database_name(self.location))
            (target / SERVER_DATABASE).write_text(_database_name(made))
        shutil.copy2(self.folder / FIELDS_KEY, target / FIELDS_KEY)
        self.reopen()
        twin = Node(self.folder.parent, name, FakeWall(self.wall.now), self.server_url)
        self.clones.append(twin)
        return twin

    @contextmanager
    def write(self, actor: Actor = OFFICER) -> Iterator[Ctx]:
        with self.db.write() as session:
            yield Ctx(session, actor, TODAY)

    @contextmanager
    def read(self, actor: Actor = OFFICER) -> Iterator[Ctx]:
        with self.db.read() as session:
            yield Ctx(session, actor, TODAY)

    @property
    def node_id(self) -> str:
        with self.read() as ctx:
            node = ctx.session.get(LocalNode, 1)
            assert node is not None
            return node.node_id

    @property
    def unit_id(self) -> str:
        with self.read() as ctx:
            return ctx.local_unit().id

    def export_to(self, other: Node, **kwargs: Any) -> list[Path]:
        out = self.stick / f"to-{other.name}"
        return export(self.db, other.node_id, out, **kwargs).files

    def import_file(self, path: Path, **kwargs: Any) -> ImportReport:
        return import_bundle(self.db, path, **kwargs)

    def dump_hash(self, units: list[str] | None = None) -> str:
        with self.db.read() as session:
            return dump_hash(session.connection(), units)

    def whole_file_hash(self) -> str:
        """Every table, sync state included: proof that nothing at all was written."""
        if self.server_url is not None:
            return self._whole_database_hash()
        conn = sqlite3.connect(f"file:{self.db.path}?mode=ro", uri=True)
        try:
            lines = "\n".join(conn.iterdump())
        finally:
            conn.close()
        return hashlib.sha256(lines.encode("utf-8")).hexdigest()

    def _whole_database_hash(self) -> str:
        """On a server: every table's rows (as the server writes them, sorted). Not its
        sequences: a rolled-back write keeps the numbers it drew (nothing written)."""
        digest = hashlib.sha256()
        with self.db.engine.connect() as conn:
            tables = conn.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    " ORDER BY tablename"
                )
            ).scalars()
            for table in list(tables):
                rows = conn.execute(
                    text(f'SELECT t::text FROM "{table}" AS t ORDER BY 1')
                ).scalars()
                digest.update(f"{table}\n".encode())
                for row in rows:
                    digest.update(f"{row}\n".encode())
        return digest.hexdigest()


def _database_name(url: str | Path) -> str:
    return str(url).partition("?")[0].rsplit("/", 1)[1]


class Network:
    """Nodes that sync with each other through bundle files on (folder) sticks."""

    def __init__(self, root: Path, server: OnServer | None = None) -> None:
        self.root = root
        self.server = server
        self.nodes: list[Node] = []
        self._clock = 1_790_000_000_000

    def _node(
        self, name: str, wall: FakeWall | None = None, *, role: str = "post", **unit: Any
    ) -> Node:
        """A node set up as ``initialise(**unit)`` with its sync keys (without ``unit``: a
        database with its schema only), its clock moved on as far as that set-up moved it;
        on the server when the network puts nodes of ``role`` there."""
        self._clock += 10_000_000
        clock = wall or FakeWall(self._clock)
        url = self.server.url if self.server and role in self.server.roles else None

        def make(folder: Path) -> int:
            made = FakeWall(clock.now)
            key = fields_key(folder)
            if url is None:
                where: str | Path = folder / "antt.sqlite3"
            else:
                where = server.create_database(url)
                (folder / SERVER_TEMPLATE).write_text(_database_name(where))
            with open_database(
                where, create=True, wall=made, fields_key=key, local_dir=folder if url else None
            ) as db:
                if unit:
                    with db.write() as session:
                        initialise(session, admin="admin", **unit)
                        identity.ensure(session)
            return made.now

        key = ("sync node", name, clock.now, url is not None, *sorted(unit.items()))
        folder = self.root / name
        clock.now = PREPARED.copy(key, folder, make)
        if url is not None:
            template = (folder / SERVER_TEMPLATE).read_text()
            made = server.create_database(url, template=template)
            (folder / SERVER_DATABASE).write_text(_database_name(made))
        node = Node(self.root, name, clock, url)
        self.nodes.append(node)
        return node

    def province(self, name: str = "tinh") -> Node:
        return self._node(
            name,
            role="province",
            unit_code="CA-T19",
            unit_name="Công an tỉnh Thái Nguyên",
            kind=UnitKind.PROVINCE,
        )

    def upper(
        self,
        name: str = "huyen",
        above: Node | None = None,
        code: str = "CAT-TN",
        unit_name: str = "Công an huyện Phú Lương",
    ) -> Node:
        node = self._node(
            name,
            role="upper",
            unit_code=code,
            unit_name=unit_name,
            kind=UnitKind.UPPER_UNIT,
            upper_code="CA-T19" if above else None,
            upper_name="Công an tỉnh Thái Nguyên" if above else None,
        )
        if above is not None:
            self.enrol(node, above)
        return node

    def post(
        self, upper: Node, name: str = "xa", code: str = "05611", wall: FakeWall | None = None
    ) -> Node:
        with upper.read() as ctx:
            above = ctx.local_unit()
            upper_code, upper_name = above.code, above.name
        node = self._node(
            name,
            wall,
            role="post",
            unit_code=code,
            unit_name=f"Công an xã {name.title()}",
            upper_code=upper_code,
            upper_name=upper_name,
        )
        self.enrol(node, upper)
        return node

    def enrol(self, lower: Node, upper: Node) -> None:
        """Card from ``lower``, confirmed at ``upper``; roster from ``upper``, confirmed below."""
        cards = self.root / "cards"
        with lower.db.write() as session:
            path = documents.write(cards / f"{lower.name}.json", card.make_card(session))
        doc = card.read_card(path)
        with upper.db.write() as session:
            card.import_card(session, doc, card.card_fingerprint(doc))
        with upper.db.write() as session:
            path = documents.write(
                cards / f"roster-{upper.name}.json", roster.issue(session, TODAY)
            )
        issued = roster.read_roster(path)
        with lower.db.write() as session:
            roster.import_roster(session, issued, TODAY, roster.roster_fingerprint(issued))

    def send(self, sender: Node, recipient: Node) -> list[ImportReport]:
        return [recipient.import_file(p) for p in sender.export_to(recipient)]

    def close(self) -> None:
        for node in self.nodes:
            for twin in node.clones:
                twin.drop()
            node.drop()
