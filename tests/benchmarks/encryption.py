"""Cost of encryption at rest: the foundation benchmark on the same data set as a plain
SQLite file and as a SQLCipher file, and the time of a login (SECURITY.md, issue #6).

Run on demand (never part of the test suite):

    .venv/bin/python -m tests.benchmarks.encryption --dir DIR [--scale district|commune]

The plain data set is the foundation benchmark's (``DIR/<scale>/``, built on the first run);
the encrypted one is an exact copy made with ``sqlcipher_export`` under a random key, with a
key file holding the ``admin`` account's slot (production key-derivation cost), built once in
``DIR/<scale>-encrypted/``. Every figure is measured on both, in the same run, in
alternating rounds (the best of each kept), through the application's own code (open +
query, as the window and the command line do), and printed with the encrypted/plain ratio;
the raw figure (bare sqlite3 against bare SQLCipher, same SQL) is beside it.

The login is measured from the password to a usable post: the memory-hard key derivation
that unwraps the account's slot, opening the encrypted file, reading the account and writing
the login to the audit log; the key derivation alone is shown beside it.

The key rotation (docs/KEYS.md) is measured on a scratch copy of the encrypted file: the
application's ``Database.rekey`` (SQLCipher ``PRAGMA rekey`` and the WAL checkpoint that puts
every page on disk under the new key), beside two raw baselines on the same file: a file copy
(reading and writing every byte) and ``sqlcipher_export`` into a new file under a new key.
With ``--rekey-only`` only the rotation is measured.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import statistics
import time
from pathlib import Path

from antt_desktop.security.kdf import PRODUCTION, SALT_BYTES, derive_key
from antt_desktop.security.keyslots import (
    KeyFile,
    KeySlot,
    PostLabel,
    key_file_path,
    write_key_file,
)
from antt_desktop.security.login import login
from antt_desktop.store.database import DB_FILENAME, connect_raw, open_database
from tests.benchmarks import foundation

PASSWORD = "mat-khau-do-dai-du"
USER = "admin"


def plain_set(work: Path, scale: str) -> Path:
    folder = work / scale
    path = folder / DB_FILENAME
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building the {scale} data set in {path} ...", flush=True)
        foundation.build(path, scale)
    open_database(path).close()  # any schema upgrade happens before the clock
    for backup in folder.glob("*.before-upgrade-*"):
        backup.unlink()
    return path


def encrypted_copy(plain: Path, work: Path, scale: str) -> tuple[Path, bytes]:
    """The same rows in a SQLCipher file, and its key (kept beside it for reuse)."""
    folder = work / f"{scale}-encrypted"
    path = folder / DB_FILENAME
    key_hex = folder / "benchmark-key.hex"
    if path.exists() and key_hex.exists():
        key = bytes.fromhex(key_hex.read_text())
        open_database(path, key).close()
        return path, key
    folder.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    key = secrets.token_bytes(32)
    print(f"encrypting a copy into {path} ...", flush=True)
    from antt_desktop.store.database import sqlcipher_module

    conn = sqlcipher_module().connect(str(plain))
    try:
        conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(path),))
        conn.execute("SELECT sqlcipher_export('enc')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    slot = KeySlot.wrap(key, USER, PASSWORD, PRODUCTION)
    write_key_file(key_file_path(path), KeyFile(PostLabel("bench", "benchmark"), {USER: slot}))
    key_hex.write_text(key.hex())
    open_database(path, key).close()
    return path, key


def readable_by_plain_sqlite(path: Path) -> bool:
    try:
        conn = connect_raw(path, None, read_only=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
        return True
    except Exception:
        return False


def measure(path: Path, key: bytes | None, *, check: bool) -> dict[str, tuple[float, float]]:
    """work -> (ours, raw) seconds on one file."""
    f = foundation
    f.first_page(path, key)  # warm the OS page cache
    figures = {
        "first page of people (open+query)": (
            min(f.first_page(path, key) for _ in range(5)),
            min(f.first_page_raw(path, key) for _ in range(5)),
        )
    }
    queries = f.typical_queries(path, key=key)
    ours, raw = f.search_times(path, queries, key)
    figures[f"search p95 ({len(queries)} queries)"] = (f.p95(ours), f.p95(raw))
    figures["search median"] = (statistics.median(ours), statistics.median(raw))
    figures["monthly statistics (2026-10)"] = f.monthly_stats(path, key)
    if check:
        figures["antt check (once)"] = f.check_times(path, key)
    return figures


def best_of(rounds: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """The fastest of the rounds for each figure (other work on the machine only adds)."""
    return {
        work: (
            min(r[work][0] for r in rounds if work in r),
            min(r[work][1] for r in rounds if work in r),
        )
        for work in rounds[-1]
    }


def login_times(path: Path, n: int = 5) -> tuple[list[float], list[float]]:
    logins: list[float] = []
    kdf: list[float] = []
    for _ in range(n):
        start = time.perf_counter()
        with login(path, USER, PASSWORD, write=False):
            pass
        logins.append(time.perf_counter() - start)
        start = time.perf_counter()
        derive_key(PASSWORD, secrets.token_bytes(SALT_BYTES), PRODUCTION)
        kdf.append(time.perf_counter() - start)
    return logins, kdf


def _fresh(copy: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(copy) + suffix).unlink(missing_ok=True)


def rekey_times(path: Path, key: bytes, n: int = 3) -> dict[str, float]:
    """Seconds (best of ``n``) to rotate the database key of a copy of ``path``, and the
    raw baselines on the same file."""
    from antt_desktop.store.database import sqlcipher_module

    scratch = path.with_name("rekey-scratch.sqlite3")
    exported = path.with_name("rekey-export.sqlite3")
    found: dict[str, list[float]] = {"rekey": [], "copy": [], "export": []}
    for _ in range(n):
        _fresh(scratch)
        start = time.perf_counter()
        shutil.copyfile(path, scratch)
        found["copy"].append(time.perf_counter() - start)
        db = open_database(scratch, key)
        try:
            new_key = secrets.token_bytes(32)
            start = time.perf_counter()
            db.rekey(new_key)
            found["rekey"].append(time.perf_counter() - start)
        finally:
            db.close()
        open_database(scratch, new_key, write=False).close()  # it opens under the new key
        _fresh(exported)
        conn = sqlcipher_module().connect(str(scratch))
        try:
            conn.execute(f"PRAGMA key = \"x'{new_key.hex()}'\"")
            start = time.perf_counter()
            other = secrets.token_bytes(32).hex()
            conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{other}'\"", (str(exported),))
            conn.execute("SELECT sqlcipher_export('enc')")
            conn.execute("DETACH DATABASE enc")
            found["export"].append(time.perf_counter() - start)
        finally:
            conn.close()
    _fresh(scratch)
    _fresh(exported)
    return {work: min(times) for work, times in found.items()}


def password_change_time(path: Path) -> float:
    """Seconds for ``antt user passwd`` through the service on a scratch copy: Argon2id for
    the new slot, the key file written twice, the rotation's transaction and the rekey."""
    from datetime import date

    from antt_desktop.services import accounts
    from antt_desktop.services.context import Ctx

    scratch = path.with_name("rotate-scratch.sqlite3")
    _fresh(scratch)
    shutil.copyfile(path, scratch)
    shutil.copyfile(key_file_path(path), key_file_path(scratch))
    try:
        with login(scratch, USER, PASSWORD) as post:  # converts the benchmark's legacy slot
            start = time.perf_counter()
            with post.db.write() as session:
                ctx = Ctx(session, post.actor, date.today())
                accounts.set_password(ctx, post.keys, username=USER, password=PASSWORD + "-2")
            return time.perf_counter() - start
    finally:
        _fresh(scratch)
        key_file_path(scratch).unlink(missing_ok=True)


def rekey_lines(path: Path, key: bytes, scale: str) -> list[str]:
    changed = password_change_time(path)
    t = rekey_times(path, key)
    size = path.stat().st_size / 2**20
    return [
        f"key rotation on the {scale} data set ({size:,.0f} MB), best of 3:",
        f"  rekey (PRAGMA rekey + checkpoint) {t['rekey']:>8.2f} s",
        f"  raw file copy                     {t['copy']:>8.2f} s"
        f"   rekey/copy {t['rekey'] / t['copy']:>6.1f}x",
        f"  raw sqlcipher_export (new key)    {t['export']:>8.2f} s"
        f"   rekey/export {t['rekey'] / t['export']:>5.2f}x",
        f"  password change, whole (service)  {changed:>8.2f} s"
        f"   (Argon2id {PRODUCTION.time_cost}×{PRODUCTION.memory_kib // 1024} MiB + rekey)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=("commune", "district"), default="district")
    parser.add_argument("--dir", type=Path, required=True, help="keep (or reuse) the data sets")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (best kept)")
    parser.add_argument("--rekey-only", action="store_true", help="only the key rotation")
    args = parser.parse_args()
    plain = plain_set(args.dir, args.scale)
    encrypted, key = encrypted_copy(plain, args.dir, args.scale)
    if args.rekey_only:
        print("\n".join(rekey_lines(encrypted, key, args.scale)))
        return
    assert readable_by_plain_sqlite(plain) and not readable_by_plain_sqlite(encrypted)
    # Plain and encrypted alternate, so a busy moment of the machine does not favour either.
    plain_rounds, encrypted_rounds = [], []
    for n in range(args.rounds):
        last = n == args.rounds - 1
        plain_rounds.append(measure(plain, None, check=last))
        encrypted_rounds.append(measure(encrypted, key, check=last))
    without, with_key = best_of(plain_rounds), best_of(encrypted_rounds)
    logins, kdf = login_times(encrypted)
    lines = [
        f"{args.scale} data set: {plain.stat().st_size / 2**20:,.0f} MB plain,"
        f" {encrypted.stat().st_size / 2**20:,.0f} MB encrypted (plain sqlite3 reads nothing"
        " of the encrypted file)",
        f"{'work':<34} {'plain':>11} {'encrypted':>11} {'ratio':>7}"
        f"   {'raw plain':>11} {'raw SQLCipher':>13} {'ratio':>7}",
    ]
    for work, (ours_plain, raw_plain) in without.items():
        ours_enc, raw_enc = with_key[work]
        lines.append(
            f"{work:<34} {ours_plain * 1000:>8.1f} ms {ours_enc * 1000:>8.1f} ms"
            f" {ours_enc / ours_plain:>6.2f}x   {raw_plain * 1000:>8.1f} ms"
            f" {raw_enc * 1000:>10.1f} ms {raw_enc / raw_plain:>6.2f}x"
        )
    lines.append(
        f"login (password to an open post), median of {len(logins)}:"
        f" {statistics.median(logins) * 1000:,.0f} ms, of which the key derivation"
        f" (argon2id, {PRODUCTION.time_cost} passes, {PRODUCTION.memory_kib // 1024} MiB)"
        f" {statistics.median(kdf) * 1000:,.0f} ms"
    )
    lines += rekey_lines(encrypted, key, args.scale)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
