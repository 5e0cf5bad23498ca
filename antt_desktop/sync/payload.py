"""The decrypted payload: a tar read as a stream, never extracted by member name.

Members: ``manifest.json`` first, then ``records/<table>.jsonl.gz`` (one JSON object per
line) and ``attachments/<sha256>`` (photos, named by their hash). Every member's name, type
and size is checked, and so is each table's row count and hash against the manifest.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import tarfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from antt_desktop.store.models.photos import MAX_STORED_BYTES
from antt_desktop.sync.canonical import canonical, loads_array, loads_object
from antt_desktop.sync.errors import BundleRefused

MANIFEST = "manifest.json"
_RECORDS = re.compile(r"^records/([a-z_]{1,40})\.jsonl\.gz$")
_ATTACHMENT = re.compile(r"^attachments/([0-9a-f]{64})$")
MAX_MANIFEST = 16 * 1024 * 1024
MAX_MEMBER = 1024**3
MAX_LINE = 4 * 1024 * 1024
#: Decompressed records of one volume, all tables together: what an export puts in a volume
#: at most (export.DEFAULT_VOLUME_BYTES) and one more record. The sender declares the size in
#: the signed header; either way the stream is measured before anything is kept in memory.
MAX_VOLUME_RECORDS = 512 * 1024 * 1024 + MAX_LINE
#: How much is inflated at a time while a table's size is measured
_INFLATE_STEP = 1024 * 1024
#: A table inflating to no more than this is kept from its measuring, not inflated again.
KEEP_INFLATED = 32 * 1024 * 1024
#: One photo (what the photos table may hold), checked before it is read.
MAX_ATTACHMENT = MAX_STORED_BYTES
#: Fast compression: level 3 writes a commune in a third of the time level 6 takes, for a
#: file about a fifth larger.
GZIP_LEVEL = 3
#: ``held(table, lines)``: the indexes of the lines that are, byte for byte, the line this
#: node would export for a row it holds (rows.held_lines); those are not parsed at all.
Held = Callable[[str, list[bytes]], set[int]]
#: ``known(table, rows, sha256)``: whether this node merged that table's rows, exactly as
#: the manifest names them, from the same sender before (every one of them); they are not
#: read again.
Known = Callable[[str, int, str], bool]


@dataclass
class Payload:
    """What a bundle carries once decrypted and checked."""

    manifest: dict[str, Any]
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    attachments: dict[str, bytes] = field(default_factory=dict)
    #: table -> the lines left unparsed because this node holds exactly those rows
    held: dict[str, list[bytes]] = field(default_factory=dict)
    #: table -> its row count, for the tables not read: merged here as they are before
    known: dict[str, int] = field(default_factory=dict)

    def parse_held(self) -> None:
        """Parse the held lines after all (what was held changed since they were compared)."""
        for table, lines in self.held.items():
            self.records.setdefault(table, []).extend(loads_object(line) for line in lines)
        self.held = {}


def line_of(row: dict[str, Any]) -> bytes:
    """The row's JSON line: the one SQLite wrote when it was read for export, if unchanged."""
    line = getattr(row, "line", None)
    return line if isinstance(line, bytes) else canonical(row)


def encode_rows(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(line_of(r) + b"\n" for r in rows)


def table_digest(lines: bytes) -> str:
    return hashlib.sha256(lines).hexdigest()


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = 0
    tar.addfile(info, io.BytesIO(data))


def write(
    out: IO[bytes],
    manifest: dict[str, Any],
    records: dict[str, bytes],
    attachments: dict[str, bytes],
) -> None:
    """Write the tar stream: the manifest, each table's lines gzip-compressed, attachments."""
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, MANIFEST, canonical(manifest))
        for table, lines in records.items():
            _add(tar, f"records/{table}.jsonl.gz", gzip.compress(lines, GZIP_LEVEL, mtime=0))
        for sha, data in attachments.items():
            _add(tar, f"attachments/{sha}", data)


def _read_limited(fh: IO[bytes], limit: int, name: str) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise BundleRefused("too_large", file=name, member="?")
    return data


def _megabytes(size: int) -> int:
    return max(1, size // 2**20)


def measure(data: bytes, limit: int, name: str, keep: list[bytes] | None = None) -> int:
    """The size ``data`` inflates to, found by inflating it a step at a time: refused as
    soon as it passes ``limit`` or holds a line longer than :data:`MAX_LINE` (a small file
    may unpack to gigabytes). Up to :data:`KEEP_INFLATED` bytes of what was inflated are
    kept in ``keep`` (so a table of ordinary size is not inflated twice); beyond, nothing."""
    inflater = zlib.decompressobj(wbits=31)
    size = line = 0  # line: the length of the line not finished yet
    pending = data
    try:
        while not inflater.eof:
            chunk = inflater.decompress(pending, _INFLATE_STEP)
            pending = inflater.unconsumed_tail
            if not chunk and not pending:
                break  # the input ended before the compressed stream did
            size += len(chunk)
            if size > limit:
                raise BundleRefused("unpacks_too_large", file=name, max=_megabytes(limit))
            # the longest line: the one going on from the last chunk, or one within this
            # chunk (no longer than the chunk: only a chunk over MAX_LINE is split to see)
            first = chunk.find(b"\n")
            longest = line + (len(chunk) if first < 0 else first)
            if first >= 0 and len(chunk) > MAX_LINE:
                longest = max(longest, *(len(p) for p in chunk.split(b"\n")[1:]))
            if longest > MAX_LINE:
                raise BundleRefused("line_too_long", file=name, max=_megabytes(MAX_LINE))
            line = longest if first < 0 else len(chunk) - chunk.rfind(b"\n") - 1
            if keep is not None:
                if size <= KEEP_INFLATED:
                    keep.append(chunk)
                else:
                    keep.clear()
                    keep = None
    except zlib.error as exc:
        raise BundleRefused("invalid", file=name, detail="compressed records are damaged") from exc
    if not inflater.eof:
        raise BundleRefused("invalid", file=name, detail="compressed records are cut short")
    return size


def _decompress(data: bytes, size: int, name: str) -> bytes:
    """Inflate ``data``, already measured at ``size`` bytes."""
    try:
        out = zlib.decompressobj(wbits=31).decompress(data, size + 1)
    except zlib.error as exc:
        raise BundleRefused("invalid", file=name, detail="compressed records are damaged") from exc
    if len(out) != size:
        raise BundleRefused("invalid", file=name, detail="compressed records are damaged")
    return out


def _parsed(split: list[bytes]) -> list[dict[str, Any]] | None:
    """The lines as JSON objects, or None when one is not."""
    if not split:
        return []
    try:
        found = loads_array(b"[" + b",".join(split) + b"]")
    except (ValueError, UnicodeDecodeError):
        return None
    if len(found) == len(split) and all(type(r) is dict for r in found):
        return found
    return None


def _rows(
    lines: bytes, name: str, table: str, held: Held | None = None
) -> tuple[list[dict[str, Any]], list[bytes], int]:
    """Every line as a JSON object: parsed in one go, line by line only to name a bad one.

    Returns the parsed rows, the lines left unparsed (``held``) and the number of lines.
    """
    split = lines.splitlines()
    if any(len(line) > MAX_LINE for line in split):
        raise BundleRefused("too_large", file=name, member=table)
    skip = held(table, split) if held is not None and split else set()
    kept = [line for i, line in enumerate(split) if i not in skip] if skip else split
    found = _parsed(kept)
    if found is not None:
        return found, [split[i] for i in sorted(skip)], len(split)
    for number, line in enumerate(split, start=1):
        try:
            loads_object(line)
        except (ValueError, UnicodeDecodeError) as exc:
            raise BundleRefused(
                "invalid", file=name, detail=f"{table} line {number} is not a record"
            ) from exc
    raise BundleRefused("invalid", file=name, detail=f"{table} holds something else")


def read(
    stream: IO[bytes],
    name: str,
    declared: int | None = None,
    held: Held | None = None,
    known: Known | None = None,
) -> Payload:
    """Read and check the whole payload (nothing is written anywhere).

    Args:
        declared: the decompressed size of the records that the signed header declares
            (bundles of older versions declare none): no more is inflated.
        held: says which lines this node already holds exactly (a bundle sent again):
            they are kept aside in ``Payload.held``, unparsed.
        known: says which tables, by the manifest's row count and digest, this node has
            merged exactly so before: they are not inflated (``Payload.known``). The payload
            is authenticated whole (its signed hash); nothing is written from them.
    """
    payload: Payload | None = None
    room = MAX_VOLUME_RECORDS if declared is None else min(declared, MAX_VOLUME_RECORDS)
    digests: dict[str, tuple[int, str]] = {}
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            for member in tar:
                if not member.isreg():
                    raise BundleRefused("invalid", file=name, detail="unexpected archive entry")
                if member.size > MAX_MEMBER:
                    raise BundleRefused("too_large", file=name, member=member.name[:80])
                fh = tar.extractfile(member)
                assert fh is not None
                if payload is None:
                    if member.name != MANIFEST:
                        raise BundleRefused("invalid", file=name, detail="no manifest")
                    manifest = loads_object(_read_limited(fh, MAX_MANIFEST, name))
                    payload = Payload(manifest)
                    continue
                limit = MAX_ATTACHMENT if _ATTACHMENT.match(member.name) else MAX_MEMBER
                if member.size > limit:
                    raise BundleRefused("too_large", file=name, member=member.name[:80])
                data = _read_limited(fh, limit, name)
                if (m := _RECORDS.match(member.name)) is not None:
                    table = m.group(1)
                    if table in payload.records or table in payload.known:
                        raise BundleRefused("invalid", file=name, detail=f"{table} twice")
                    named = _named(payload.manifest, table)
                    if known is not None and named is not None and known(table, *named):
                        payload.known[table] = named[0]
                        digests[table] = named
                        continue
                    kept: list[bytes] = []
                    size = measure(data, room, name, kept)
                    room -= size
                    lines = b"".join(kept) if kept else b""
                    if len(lines) != size:
                        lines = _decompress(data, size, name)
                    parsed, kept, count = _rows(lines, name, table, held)
                    payload.records[table] = parsed
                    if kept:
                        payload.held[table] = kept
                    digests[table] = (count, table_digest(lines))
                elif (m := _ATTACHMENT.match(member.name)) is not None:
                    sha = m.group(1)
                    if hashlib.sha256(data).hexdigest() != sha:
                        raise BundleRefused("attachment", file=name, name=sha[:12])
                    payload.attachments[sha] = data
                else:
                    raise BundleRefused("invalid", file=name, detail="unexpected archive entry")
    except (tarfile.TarError, EOFError, ValueError, json.JSONDecodeError) as exc:
        raise BundleRefused("invalid", file=name, detail="the archive is damaged") from exc
    if payload is None:
        raise BundleRefused("invalid", file=name, detail="no manifest")
    _check_manifest(payload, digests, name)
    return payload


def _named(manifest: dict[str, Any], table: str) -> tuple[int, str] | None:
    """The row count and digest the manifest gives ``table``, when it gives them."""
    tables = manifest.get("tables")
    entry = tables.get(table) if isinstance(tables, dict) else None
    if not isinstance(entry, dict):
        return None
    count, digest = entry.get("count"), entry.get("sha256")
    if type(count) is not int or not isinstance(digest, str):
        return None
    return count, digest


def _check_manifest(payload: Payload, digests: dict[str, tuple[int, str]], name: str) -> None:
    tables = payload.manifest.get("tables")
    if not isinstance(tables, dict):
        raise BundleRefused("invalid", file=name, detail="the manifest lists no tables")
    if set(tables) != set(digests):
        raise BundleRefused("invalid", file=name, detail="tables differ from the manifest")
    for table, (count, digest) in digests.items():
        entry = tables[table]
        if not isinstance(entry, dict) or entry.get("count") != count:
            raise BundleRefused("invalid", file=name, detail=f"{table}: row count differs")
        if entry.get("sha256") != digest:
            raise BundleRefused("invalid", file=name, detail=f"{table}: content differs")
    listed = payload.manifest.get("attachments", [])
    if not isinstance(listed, list) or set(listed) != set(payload.attachments):
        raise BundleRefused("attachment", file=name, name="?")
