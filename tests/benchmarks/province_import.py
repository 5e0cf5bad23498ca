"""The province's import on a PostgreSQL server beside raw COPY (issue #16, deliverable 6:
"import of 100 commune bundles <= 3x raw COPY of the same rows").

Run on demand (never part of the test suite), with the URL of a server on which this
account may make databases (the tests' throwaway cluster does: tests/postgresql/server.py):

    .venv/bin/python -m tests.benchmarks.province_import --server postgresql://…/postgres \\
        --dir DIR [--communes 100] [--factor 0.1]

The data set is built once and reused: the province's upper unit in the server database
``antt_bench_province`` (kept as the template of every run), and ``--communes`` commune
posts as SQLite files in ``DIR/data``, each filled by the demo generator with its own seed,
unit code and block of ID numbers, and enrolled with the upper unit by card and roster, as
tests/benchmarks/sync.py builds its district.

Each run exports every post's whole bundle, then, post after post in order, imports it into
a fresh copy of the upper unit (``antt_bench_run``) and right after loads the same rows with
raw ``COPY`` into another fresh copy (``antt_bench_raw``): the rows as the import writes
them (sealed under the upper unit's fields key, outside the clock), table by table, the
foreign keys deferred to the commit as the import defers them, one transaction per post.
Printed: each post's ratio, wall and CPU time, the first posts against the last, and the
whole: the budget is 3x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

import psycopg

from antt_desktop.domain.enums import UnitKind
from antt_desktop.store import field_crypto
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.postgresql import driver_parameters
from antt_desktop.sync.export import export
from antt_desktop.sync.importer import import_bundle
from tests.benchmarks.sync import DB, build_posts, ends, key_of, opened, rows_of, set_up
from tests.postgresql import server

UPPER_CODE, UPPER_NAME = "CAT-TH", "Công an tỉnh Thanh Hóa"
#: The server's databases: the upper unit as built (the template), and each run's copies.
DATA, RUN, RAW = "antt_bench_province", "antt_bench_run", "antt_bench_raw"
BUDGET = 3.0


def upper(url: str, data: Path, *, create: bool = False) -> Database:
    """The upper unit's database on the server, holding its fields key (kept in ``data``)."""
    return open_database(
        url,
        create=create,
        fields_key=key_of(data / "upper" / DB),
        local_dir=data / "upper-desk",
    )


def build(server_url: str, data: Path, communes: int, factor: float) -> float:
    """The upper unit on the server and its posts with demo data, enrolled: seconds taken."""
    start = time.perf_counter()
    server.drop_database(server_url, server.database_url(server_url, DATA))
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DATA}")  # type: ignore[arg-type]
    data.mkdir(parents=True, exist_ok=True)
    top = upper(server.database_url(server_url, DATA), data, create=True)
    set_up(top, UPPER_CODE, UPPER_NAME, kind=UnitKind.UPPER_UNIT)
    build_posts(top, data, communes, factor, upper_code=UPPER_CODE, upper_name=UPPER_NAME, digits=3)
    top.close()
    (data / "ready").write_text(f"{communes} {factor}\n")
    return time.perf_counter() - start


def fresh(server_url: str, name: str) -> str:
    """A new copy of the upper unit as built, named ``name``: its URL."""
    server.drop_database(server_url, server.database_url(server_url, name))
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {DATA}")  # type: ignore[arg-type]
    return server.database_url(server_url, name)


def not_held(conn: psycopg.Connection[Any], batches: list[Any]) -> list[Any]:
    """The rows of ``batches`` the database does not hold yet (outside the clock: the
    catalogues the upper unit issued come back from every post; the import passes over
    them, and COPY has no ``OR IGNORE``)."""
    kept = []
    for table, names, batch in batches:
        at = names.index("id")
        held = {r[0] for r in conn.execute(f"SELECT id FROM {table}")}  # type: ignore[arg-type]
        fresh = [values for values in batch if values[at] not in held]
        if fresh:
            kept.append((table, names, fresh))
    return kept


def raw_copy(conn: psycopg.Connection[Any], batches: list[Any]) -> tuple[float, float]:
    """COPY of one post's rows, table by table, in one transaction: (wall, CPU) seconds."""
    cpu, start = time.process_time(), time.perf_counter()
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, names, batch in batches:
            with cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:  # type: ignore[arg-type]
                for values in driver_parameters(batch, True):
                    copy.write_row(values)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--server", required=True, help="a server URL that may make databases")
    parser.add_argument("--dir", type=Path, required=True, help="keep (or reuse) the posts here")
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--factor", type=float, default=0.1, help="demo size (1.0 = commune)")
    args = parser.parse_args()
    data, run = args.dir / "data", args.dir / "run"
    print(f"load average at the start: {os.getloadavg()}", flush=True)
    if not (data / "ready").exists():
        shutil.rmtree(data, ignore_errors=True)
        print(f"building {args.communes} communes in {data} ...", flush=True)
        print(f"built in {build(args.server, data, args.communes, args.factor):.0f} s", flush=True)
    posts = sorted(data.glob("post*/" + DB))
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    into = upper(fresh(args.server, RUN), data)
    raw_url = fresh(args.server, RAW)
    cipher = field_crypto.FieldCipher(key_of(data / "upper" / DB))
    with into.read() as session:
        upper_node = session.connection().exec_driver_sql("SELECT node_id FROM local_node")
        node = upper_node.scalar_one()

    files = []
    for number, path in enumerate(posts, start=1):
        db = opened(path)
        files.append(export(db, node, run / "bundles" / f"{number:03d}").files)
        db.close()
    size = sum(f.stat().st_size for group in files for f in group)
    print(f"{len(posts)} communes, {size / 2**20:.1f} MB of bundles", flush=True)

    walls, cpus, raw_walls, raw_cpus, rows_in = [], [], [], [], 0
    with psycopg.connect(raw_url) as raw:
        for number, (group, path) in enumerate(zip(files, posts, strict=True), start=1):
            batches = rows_of(path, cipher)
            rows_in += sum(len(b) for _t, _n, b in batches)
            wall, cpu = 0.0, 0.0
            for bundle_path in group:
                spent, used = time.perf_counter(), time.process_time()
                report = import_bundle(into, bundle_path)
                wall += time.perf_counter() - spent
                cpu += time.process_time() - used
                assert not report.refusals, report.refusals[:3]
            raw_wall, raw_cpu = raw_copy(raw, not_held(raw, batches))
            walls.append(wall)
            cpus.append(cpu)
            raw_walls.append(raw_wall)
            raw_cpus.append(raw_cpu)
            print(
                f"  post {number:3d}: {wall:6.2f} s wall ({wall / raw_wall:4.2f}x raw COPY"
                f" {raw_wall:5.2f} s), {cpu:6.2f} s CPU here",
                flush=True,
            )
    into.close()
    imported, baseline = sum(walls), sum(raw_walls)
    (first, last), (raw_first, raw_last) = ends(walls, 5), ends(raw_walls, 5)
    ratio = imported / baseline
    print(
        f"\nimport of {len(posts)} commune bundles ({rows_in:,} rows): {imported:.1f} s wall"
        f" ({sum(cpus):.1f} s CPU here) vs raw COPY {baseline:.1f} s wall"
        f" ({sum(raw_cpus):.1f} s CPU here): {ratio:.2f}x, budget <= {BUDGET:.0f}x"
        + (" ✓" if ratio <= BUDGET else " ✗")
    )
    print(
        f"the first 5 posts {first:.2f} s ({first / raw_first:.2f}x raw), the last 5"
        f" {last:.2f} s ({last / raw_last:.2f}x raw); per post median"
        f" {statistics.median(walls):.2f} s"
    )
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
