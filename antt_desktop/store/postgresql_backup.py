"""The post's database on a PostgreSQL server, dumped and restored with the server's own tools.

``pg_dump --format=custom`` writes the dump to a pipe read here in chunks (the security
layer encrypts each chunk before it reaches the disk: no plain dump is ever written); the
facts the backup's header states (the unit and node, the schema revision, the accounts'
keys) are read in the snapshot the dump is made from (``pg_export_snapshot``), so they are
those of the dumped data. A restore goes into an empty database (one made here when the
address names none yet): ``pg_restore`` turns the dump into SQL, which ``psql`` runs in one
transaction with the checks of what the copy holds (its unit and node, the chief restoring
it) and the new replica epoch after it, so a refused or broken restore leaves nothing.

The tools are found as the tests find ``initdb``: on ``PATH``, then in Debian's
``/usr/lib/postgresql/<version>/bin``; each must be at least the server's version (an older
``pg_dump`` refuses a newer server, an older ``pg_restore`` a newer dump).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine

from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql_url import libpq_params, shown_url, tls_args

#: What the pipes carry at a time.
CHUNK = 1024 * 1024
#: The folders Debian's ``postgresql-client-<version>`` packages install the tools in.
DEBIAN_BINS = "/usr/lib/postgresql/*/bin"
#: The last lines of a tool's error output a message quotes.
ERROR_LINES = 3


class ServerToolMissing(KnownError):
    """``pg_dump``, ``pg_restore`` or ``psql`` is not installed on this computer."""

    code = "backup.server_tool_missing"
    exit_code = 1


class ServerToolTooOld(KnownError):
    """The tool found is older than the server (or than the dump): it would refuse it."""

    code = "backup.server_tool_too_old"
    exit_code = 1


class ServerDumpFailed(KnownError):
    code = "backup.server_dump_failed"
    exit_code = 3


class ServerRestoreFailed(KnownError):
    """``pg_restore`` or ``psql`` stopped: the restore's transaction was rolled back."""

    code = "backup.server_restore_failed"
    exit_code = 3


class RestoreTargetNotEmpty(KnownError):
    """A backup is restored into an empty database only: this one holds tables already."""

    code = "backup.server_target_not_empty"
    exit_code = 4


class RestoreServerOlder(KnownError):
    """The backup was made on a newer PostgreSQL than the server it is restored to."""

    code = "backup.server_older_than_backup"
    exit_code = 3


class CopyRefused(KnownError):
    """The restored copy failed a check made inside the restore's transaction (``check``:
    ``post`` another post than its header names, ``chief`` no active chief of that name)."""

    code = "backup.server_copy_refused"
    exit_code = 3


@dataclass(frozen=True)
class Tool:
    path: Path
    major: int
    version: str


def _tool_version(path: str) -> tuple[int, str] | None:
    try:
        done = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)", done.stdout)
    return (int(found.group(2)), found.group(1)) if found else None


def _candidates(name: str) -> Iterator[str]:
    on_path = shutil.which(name)
    if on_path:
        yield on_path
    folders = sorted(glob.glob(DEBIAN_BINS), key=_folder_version, reverse=True)
    for folder in folders:
        path = os.path.join(folder, name)
        if os.access(path, os.X_OK):
            yield path


def _folder_version(folder: str) -> int:
    part = Path(folder).parent.name
    return int(part) if part.isdigit() else 0


def find_tool(name: str, at_least: int) -> Tool:
    """``name`` (``pg_dump``, ``pg_restore``, ``psql``) of version ``at_least`` or newer:
    the one on PATH if it is, else Debian's newest.

    Raises:
        ServerToolMissing, ServerToolTooOld (the newest found is older).
    """
    newest: Tool | None = None
    for path in _candidates(name):
        known = _tool_version(path)
        if known is None:
            continue
        tool = Tool(Path(path), known[0], known[1])
        if tool.major >= at_least:
            return tool
        if newest is None or tool.major > newest.major:
            newest = tool
    if newest is None:
        raise ServerToolMissing(tool=name, version=at_least)
    raise ServerToolTooOld(tool=name, path=str(newest.path), found=newest.version, version=at_least)


def _params(url: str) -> dict[str, str]:
    """libpq's parameters of ``url`` (the password too), with the TLS the program asks of a
    server off this computer (:func:`postgresql_url.tls_args`)."""
    return {**libpq_params(url), **tls_args(url)}


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The connection string for the tools (no password: it goes in their environment, never
    on a command line another user may list) and their environment."""
    from psycopg.conninfo import make_conninfo

    params = _params(url)
    env = dict(os.environ)
    password = params.pop("password", None)
    if password is not None:
        env["PGPASSWORD"] = password
    return make_conninfo("", **params), env


def _tail(log: IO[bytes]) -> str:
    log.seek(0)
    lines = [ln.strip() for ln in log.read().decode("utf-8", "replace").splitlines()]
    return " / ".join(ln for ln in lines if ln)[-600:] or "?"


# --- what the backup states, read in the dump's snapshot -------------------------------


@dataclass(frozen=True)
class Snapshot:
    """The snapshot a dump is made from, and the facts read in it."""

    name: str
    server_version: int
    conn: Connection


@contextmanager
def snapshot(engine: Engine) -> Iterator[Snapshot]:
    """A read-only REPEATABLE READ transaction whose snapshot is exported (``pg_dump
    --snapshot``): what is read on ``conn`` is what the dump holds. Held to the block's end."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            name = str(conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one())
            version = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())
            yield Snapshot(name, version, conn)


def post_facts(conn: Connection) -> tuple[str, str, str, str] | None:
    """The unit's code and name, the node and the schema revision (None: no post)."""
    row = conn.exec_driver_sql(
        "SELECT u.code, u.name, n.node_id, (SELECT version_num FROM alembic_version)"
        " FROM local_node n JOIN units u ON u.id = n.unit_id"
    ).first()
    if row is None:
        return None
    return str(row[0]), str(row[1]), str(row[2]), str(row[3])


def dump(url: str, snap: Snapshot, write: Callable[[bytes], None]) -> Tool:
    """Stream the database at ``url``, as of ``snap``, in ``pg_dump``'s custom format to
    ``write`` (chunks of up to :data:`CHUNK`); returns the ``pg_dump`` that made it."""
    tool = find_tool("pg_dump", snap.server_version // 10000)
    conninfo, env = _libpq(url)
    args = [
        str(tool.path),
        "--format=custom",
        "--no-password",
        f"--snapshot={snap.name}",
        f"--dbname={conninfo}",
    ]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, env=env)
        assert proc.stdout is not None
        try:
            while chunk := proc.stdout.read(CHUNK):
                write(chunk)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            proc.stdout.close()
        if proc.wait() != 0:
            raise ServerDumpFailed(path=shown_url(url), reason=_tail(log))
    return tool


# --- the database a backup is restored into ------------------------------------------


def _connect(url: str, dbname: str | None = None) -> Any:
    import psycopg
    from psycopg.conninfo import make_conninfo

    params = _params(url)
    if dbname:
        params["dbname"] = dbname
    return psycopg.connect(make_conninfo("", **params), autocommit=True)


def _dbname(url: str) -> str:
    return libpq_params(url).get("dbname", "")


#: A database holds something when any schema but the system's has a relation.
_HOLDS = (
    "SELECT 1 FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace"
    " WHERE s.nspname NOT IN ('pg_catalog', 'information_schema')"
    " AND s.nspname NOT LIKE 'pg_toast%' AND s.nspname NOT LIKE 'pg_temp%' LIMIT 1"
)


def target_state(url: str) -> str:
    """``missing`` (the server has no database of that name), ``empty`` or ``holds``.

    Raises:
        ServerUnreachable: no server, the account refused.
    """
    import psycopg

    from antt_desktop.store.postgresql import ServerUnreachable

    try:
        with _connect(url) as conn:
            return "holds" if conn.execute(_HOLDS).fetchone() else "empty"
    except psycopg.OperationalError as first:
        try:  # the server's own database says whether the one named exists
            with _connect(url, "postgres") as conn:
                row = conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", (_dbname(url),)
                ).fetchone()
        except psycopg.Error as exc:
            raise ServerUnreachable(path=shown_url(url)) from exc
        if row is None:
            return "missing"
        raise ServerUnreachable(path=shown_url(url)) from first


def create_database(url: str) -> None:
    """Make the database ``url`` names (UTF-8, the folded names ordered byte by byte: the
    ``C`` collation, docs/POSTGRESQL.md), owned by the account of ``url``."""
    from psycopg import sql

    with _connect(url, "postgres") as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'").format(
                sql.Identifier(_dbname(url))
            )
        )


def drop_database(url: str) -> None:
    """Drop the database ``url`` names (one this module made for a restore that failed)."""
    from psycopg import sql

    with _connect(url, "postgres") as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(_dbname(url)))
        )


def server_version(url: str) -> int:
    with _connect(url) as conn:
        return int(conn.execute("SHOW server_version_num").fetchone()[0])


#: Run by ``psql`` after the copy, in its transaction: the copy holds the post its header
#: names and an active chief of the restoring account's name, or nothing is kept.
CHECKS = """
RESET search_path;
SELECT set_config('antt.unit', :'antt_unit', true), set_config('antt.node', :'antt_node', true),
       set_config('antt.chief', :'antt_chief', true);
DO $antt$
BEGIN
  IF (SELECT count(*) FROM local_node) <> 1 OR NOT EXISTS (
      SELECT 1 FROM local_node n JOIN units u ON u.id = n.unit_id
      WHERE u.code = current_setting('antt.unit') AND n.node_id = current_setting('antt.node'))
  THEN
    RAISE EXCEPTION 'antt-check: post';
  END IF;
  IF NOT EXISTS (
      SELECT 1 FROM users WHERE username = current_setting('antt.chief') AND deleted = 0
      AND role = 'chief' AND active = 1)
  THEN
    RAISE EXCEPTION 'antt-check: chief';
  END IF;
END
$antt$;
UPDATE local_node SET replica_id = :'antt_replica';
"""


@dataclass(frozen=True)
class Expected:
    """What the restored copy must hold (from the backup's sealed header)."""

    unit_code: str
    node_id: str
    chief: str


def restore(
    url: str, chunks: Iterable[bytes], expected: Expected, *, dump_major: int, made_on: int
) -> None:
    """Restore the custom-format dump ``chunks`` yields (made by ``pg_dump`` ``dump_major``
    from a server of version ``made_on``) into the empty database at ``url``, in one
    transaction with :data:`CHECKS` and a new replica epoch; nothing is left of it when
    anything fails (an exception from ``chunks`` included).

    Raises:
        RestoreServerOlder, ServerToolMissing, ServerToolTooOld, ServerRestoreFailed,
        CopyRefused.
    """
    version = server_version(url)
    if version // 10000 < made_on // 10000:
        raise RestoreServerOlder(
            path=shown_url(url), version=version // 10000, made=made_on // 10000
        )
    major = version // 10000
    restorer = find_tool("pg_restore", max(major, dump_major))
    psql = find_tool("psql", major)
    conninfo, env = _libpq(url)
    values = {
        "antt_unit": expected.unit_code,
        "antt_node": expected.node_id,
        "antt_chief": expected.chief,
        "antt_replica": str(uuid.uuid4()),
    }
    with tempfile.TemporaryFile() as log:
        # pg_restore turns the archive into SQL (no connection of its own, so no commit
        # of its own); psql runs that SQL and the checks in one transaction
        unpack = subprocess.Popen(
            [str(restorer.path), "--file=-", "--no-owner", "--no-privileges", "--no-comments"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
        )
        run = subprocess.Popen(
            [
                str(psql.path),
                "--no-psqlrc",
                "--quiet",
                "--no-password",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                *(f"--set={k}={v}" for k, v in values.items()),
                "--file=-",
                f"--dbname={conninfo}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=env,
        )
        assert unpack.stdin is not None and unpack.stdout is not None and run.stdin is not None
        failed: list[BaseException] = []

        def feed() -> None:
            try:
                for chunk in chunks:
                    unpack.stdin.write(chunk)  # type: ignore[union-attr]
            except BrokenPipeError:
                pass  # pg_restore stopped: its own error says why
            except BaseException as exc:  # the backup's bytes refused: nothing may commit
                failed.append(exc)
                unpack.kill()
            finally:
                with suppress(BrokenPipeError):
                    unpack.stdin.close()  # type: ignore[union-attr]

        feeder = threading.Thread(target=feed, name="antt-restore-feed", daemon=True)
        feeder.start()
        try:
            while sql_chunk := unpack.stdout.read(CHUNK):
                run.stdin.write(sql_chunk)
            feeder.join()
            unpacked = unpack.wait()
            if failed or unpacked != 0:
                run.kill()  # the transaction is never committed
            else:
                run.stdin.write(CHECKS.encode())
            run.stdin.close()
        except BrokenPipeError:
            unpack.kill()
        except BaseException:
            unpack.kill()
            run.kill()
            raise
        finally:
            feeder.join()
            unpack.wait()
            unpack.stdout.close()
            with suppress(BrokenPipeError):
                run.stdin.close()
            ran = run.wait()
        if failed:
            raise failed[0]
        if unpack.returncode != 0 or ran != 0:
            reason = _tail(log)
            check = re.search(r"antt-check: (\w+)", reason)
            if check:
                raise CopyRefused(path=shown_url(url), check=check.group(1))
            raise ServerRestoreFailed(path=shown_url(url), reason=reason)
