"""A crash in the middle of an import (the process killed between two tables' writes)
leaves the database exactly as before; the same bundle imports fully afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.helpers import add, person
from tests.sync.nodes import Network

KILLER = """
import os, signal, sys
from pathlib import Path
from antt_desktop.store.database import open_database
from antt_desktop.sync.importer import import_bundle

target = sys.argv[1]  # the node's SQLite file, or its database's URL on a server
server = "://" in target
db = open_database(
    target if server else Path(target),
    fields_key=bytes.fromhex(sys.argv[4]),
    local_dir=Path(sys.argv[5]) if server else None,
)
def progress(stage, done, total):
    if stage == sys.argv[3]:
        print("killing at", stage, done, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    return True
import_bundle(db, Path(sys.argv[2]), progress=progress)
print("not killed", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_killed_import_leaves_the_database_as_before(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    people = [add(post, f"Lường Văn Bảo {i}", occupation="Làm ruộng") for i in range(40)]
    [path] = post.export_to(upper)
    upper.close()
    before = upper.whole_file_hash()
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLER,
            str(upper.location),
            str(path),
            "write:persons",
            upper.fields_key.hex(),  # the node's own fields key: the rows are sealed on write
            str(upper.folder),  # on a server: the desk's own folder
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    assert "killing at write:persons" in done.stdout
    assert upper.whole_file_hash() == before
    upper.reopen()
    assert person(upper, people[0]) is None
    report = upper.import_file(path)
    assert report.table("persons").new == 40
    assert person(upper, people[-1]) is not None
