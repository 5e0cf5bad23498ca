"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` in a temporary folder.

PostgreSQL refuses to run as root: under root the cluster belongs to an unprivileged user
(``postgres`` where the Debian package made it, else ``nobody``) and every server command
runs through ``runuser``. The server listens on 127.0.0.1 at a free port and on a socket in
its own folder, with ``trust`` authentication for the one role ``antt`` (a test server: no
password, nothing to steal, gone when the tests end).

As a command (what ``.ci/run`` does)::

    python -m tests.postgresql.server start FOLDER   # prints the URL
    python -m tests.postgresql.server stop FOLDER
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

#: The superuser role the throwaway cluster is made with.
ROLE = "antt"
#: The URL of a server to use instead of starting one (``.ci/run`` sets it for the workers).
URL_VARIABLE = "ANTT_TEST_POSTGRESQL_URL"
#: Set (to anything) to make a missing server a failure rather than a skip (``.ci/run``).
REQUIRE_VARIABLE = "ANTT_REQUIRE_POSTGRESQL"


def server_bin() -> Path | None:
    """The folder of ``initdb``/``pg_ctl`` (PATH first, then Debian's versioned folders)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(versions[-1]).parent if versions else None


def _version(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _owner() -> str | None:
    """The user the cluster runs as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("no unprivileged user to run PostgreSQL as")


def _run(args: list[str], owner: str | None) -> None:
    prefix = ["runuser", "-u", owner, "--"] if owner else []
    subprocess.run([*prefix, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: The file :func:`start` leaves in a cluster's folder: :func:`stop` removes no other folder.
MARKER = ".antt-test-cluster"


def start(folder: Path | None = None) -> tuple[Path, str]:
    """Make and start a cluster in ``folder`` (a new temporary one by default); returns the
    folder and the URL of its ``postgres`` database."""
    binaries = server_bin()
    if binaries is None:
        raise FileNotFoundError("initdb (the Debian package 'postgresql')")
    owner = _owner()
    # under root the temporary folder may be root's alone (/tmp at 0700): the owner must
    # reach its cluster, so it goes under /var/tmp (sticky, open to all) instead
    base = "/var/tmp" if owner and Path("/var/tmp").is_dir() else None
    folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="antt-pg-", dir=base))
    if not folder.is_absolute() or (folder.exists() and any(folder.iterdir())):
        # a cluster goes in an empty folder of its own: stop() removes it whole
        raise ValueError(f"not an empty folder named by its absolute path: {str(folder)!r}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).touch()
    if owner:
        entry = pwd.getpwnam(owner)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o700)
    data = folder / "data"
    port = _free_port()
    _run(
        [
            str(binaries / "initdb"),
            "-D", str(data),
            "-U", ROLE,
            "--auth=trust",
            "-E", "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        owner,
    )  # fmt: skip
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    _run(
        [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options,
         "-w", "start"],
        owner,
    )  # fmt: skip
    return folder, f"postgresql://{ROLE}@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` and remove the folder — only a folder :func:`start`
    made (it holds :data:`MARKER`): an empty or mistyped argument removes nothing."""
    folder = Path(folder)
    if not folder.is_absolute() or not (folder / MARKER).is_file():
        raise ValueError(f"not a folder made by start(): {str(folder)!r}")
    binaries = server_bin()
    data = folder / "data"
    if binaries is not None and (data / "postmaster.pid").exists():
        _run([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], _owner())
    shutil.rmtree(folder, ignore_errors=True)


def database_url(server_url: str, name: str) -> str:
    """``server_url`` naming the database ``name`` instead."""
    base, _sep, query = server_url.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + (f"?{query}" if query else "")


def create_database(server_url: str, template: str | None = None) -> str:
    """A new database on the server (a copy of ``template`` when named); returns its URL."""
    import psycopg

    name = f"antt_{uuid.uuid4().hex[:12]}"
    like = f" TEMPLATE {template}" if template else ""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}{like}")  # type: ignore[arg-type]
    return database_url(server_url, name)


def drop_database(server_url: str, url: str) -> None:
    """Drop the database ``url`` names (closing what still uses it)."""
    import psycopg

    name = url.partition("?")[0].rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]


if __name__ == "__main__":
    command, where = sys.argv[1], Path(sys.argv[2])
    if command == "start":
        print(start(where)[1])
    else:
        stop(where)
