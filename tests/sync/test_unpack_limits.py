"""A small bundle that unpacks to a gigabyte (a "zip bomb"), signed with the real key of an
enrolled post, is refused with a clear message and exit code 4, inflating it a step at a
time with nothing kept: the computer's memory stays low and nothing is written."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import uuid
import zlib
from pathlib import Path

import pyrage
import pytest

from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.store.models import SyncPeer
from antt_desktop.sync import bundle, container, identity, payload
from antt_desktop.sync.canonical import canonical
from antt_desktop.sync.errors import BundleRefused
from tests.sync.nodes import Network, Node

VI = Translator("vi")
GIB = 1024**3
#: one resident as a bundle carries it, repeated
ROW = canonical({"id": str(uuid.UUID(int=1)), "full_name": "Nguyễn Văn An", "born": "1990"})

CHILD = """
import resource, sys
from pathlib import Path
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.store.database import open_database
from antt_desktop.store.errors import KnownError
from antt_desktop.sync.importer import import_bundle

target = sys.argv[1]  # the node's SQLite file, or its database's URL on a server
server = "://" in target
db = open_database(
    target if server else Path(target), local_dir=Path(sys.argv[3]) if server else None
)
code = 0
try:
    import_bundle(db, Path(sys.argv[2]))
except KnownError as exc:
    print(sentence(exc.code, exc.params, Translator("vi")))
    code = exc.exit_code
finally:
    db.close()
# VmHWM is this program's own peak: ru_maxrss also keeps the peak of the process that
# started it (Linux carries it across exec), which in a test worker can be hundreds of MB
status = Path("/proc/self/status")
peak = [ln.split()[1] for ln in status.read_text().splitlines() if ln.startswith("VmHWM:")]
print("peak_kb", peak[0] if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def _bomb(lines: bytes, copies: int) -> bytes:
    """A gzip stream of ``lines`` repeated ``copies`` times, made without holding them: after
    a full flush deflate starts afresh, so one compressed block can be repeated."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(lines) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(lines) + deflate.flush(zlib.Z_FULL_FLUSH)
    assert deflate.compress(lines) + deflate.flush(zlib.Z_FULL_FLUSH) == again
    crc = 0
    for _ in range(copies):
        crc = zlib.crc32(lines, crc)
    body = first + again * (copies - 1) + deflate.flush(zlib.Z_FINISH)
    size = len(lines) * copies
    return (
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + body + struct.pack("<II", crc, size % 2**32)
    )


def test_the_bomb_is_what_it_claims_to_be() -> None:
    lines = (ROW + b"\n") * 100
    assert zlib.decompress(_bomb(lines, 7), wbits=31) == lines * 7


def _hostile(post: Node, upper: Node, records: bytes, declared: int | None, rows: int) -> Path:
    """A bundle from ``post`` to ``upper``, signed and encrypted with their real keys,
    whose persons unpack from ``records``; ``declared`` as its signed header says."""
    with post.db.write() as session:
        me = identity.load(session)
        peer = session.get(SyncPeer, upper.node_id)
        assert peer is not None
        recipient = peer.age_recipient
    header = bundle.new_header(me.node_id, upper.node_id, 1, str(uuid.uuid4()), 1, 1)
    if declared is not None:
        header["records_size"] = declared
    manifest = {
        **header,
        "epoch": me.replica_id,
        "range": [0, 1],
        "acks": {},
        "tables": {"persons": {"count": rows, "sha256": "0" * 64}},
        "attachments": [],
        "sanity": {"rows": rows},
        "min_reader_schema": bundle.MIN_READER_SCHEMA,
    }
    clear = io.BytesIO()
    with tarfile.open(fileobj=clear, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, data in (
            (payload.MANIFEST, canonical(manifest)),
            (
                "records/persons.jsonl.gz",
                records,
            ),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    clear.seek(0)
    path = post.folder / "05611_PhuLuong-PhuLuong_0001_2026-11-22.anttsync"
    with tempfile.TemporaryFile() as sealed:
        pyrage.encrypt_io(clear, sealed, [pyrage.x25519.Recipient.from_str(recipient)])
        container.write(path, header, me, sealed)
    return path


def _gigabyte(post: Node, upper: Node, declared: int | None) -> Path:
    lines = (ROW + b"\n") * (2**20 // (len(ROW) + 1))
    copies = GIB // len(lines) + 1
    return _hostile(post, upper, _bomb(lines, copies), declared, copies * 2**20 // len(lines))


def _refused(node: Node, path: Path) -> BundleRefused:
    before = node.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        node.import_file(path)
    assert node.whole_file_hash() == before
    return caught.value


@pytest.mark.slow
def test_a_bomb_from_an_older_version_is_refused_with_little_memory(
    net: Network,
) -> None:
    upper = net.upper()
    post = net.post(upper)
    path = _gigabyte(post, upper, declared=None)  # older versions declare no size
    assert path.stat().st_size < 5 * 2**20
    before = upper.whole_file_hash()
    upper.close()
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(upper.location), str(path), str(upper.folder)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    upper.reopen()
    assert done.returncode == 4, done.stderr
    message, peak = done.stdout.splitlines()
    limit = payload.MAX_VOLUME_RECORDS // 2**20
    assert message == (
        f"tệp {path.name} khi giải nén sẽ lớn hơn {limit} MB dữ liệu: tệp bị hỏng hoặc được"
        " tạo ra để gây hại cho máy tính; đề nghị đơn vị gửi cung cấp lại tệp khác"
        " (chưa nhập dữ liệu nào)"
    )
    peak_mb = int(peak.split()[1]) // 1024
    print(f"peak memory of the refused import: {peak_mb} MB")
    assert peak_mb < 300
    assert upper.whole_file_hash() == before


def test_a_declared_gigabyte_is_refused_before_it_is_opened(
    net: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper = net.upper()
    post = net.post(upper)
    path = _hostile(post, upper, _bomb(ROW + b"\n", 3), declared=GIB, rows=3)

    def never(*_args: object) -> None:
        raise AssertionError("decrypted a bundle that declares a gigabyte")

    monkeypatch.setattr(identity.Identity, "decrypt_io", never)
    refused = _refused(upper, path)
    assert refused.reason == "unpacks_too_large" and refused.exit_code == 4


def test_more_than_the_declared_size_is_refused_as_it_unpacks(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    lines = (ROW + b"\n") * 1000
    path = _hostile(post, upper, _bomb(lines, 64), declared=len(lines), rows=64_000)
    refused = _refused(upper, path)
    assert refused.reason == "unpacks_too_large"
    assert refused.params["max"] == 1  # MB: what the header declared, not the hard cap


def test_a_record_longer_than_the_limit_is_refused(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    endless = b'{"id":"' + b"x" * (payload.MAX_LINE + 1) + b'"}\n'
    path = _hostile(post, upper, _bomb(endless, 1), declared=len(endless), rows=1)
    refused = _refused(upper, path)
    assert refused.reason == "line_too_long"
    assert sentence(refused.code, refused.params, VI).startswith(
        f"tệp {path.name} có một bản ghi dài hơn 4 MB"
    )
