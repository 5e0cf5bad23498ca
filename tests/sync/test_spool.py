"""A bundle's clear payload never reaches the disk in clear, however big it is."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import IO, Any

import pytest

from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Person
from antt_desktop.sync import bundle, spool
from antt_desktop.sync.spool import SealedSpool
from tests.sync.nodes import Network

NAME = "Nguyễn Thị Bí Mật"


@pytest.fixture
def spilled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Spool files are made in tmp_path and kept, so the test can read what reached disk."""
    made: list[Path] = []

    def kept_file(**_options: Any) -> IO[bytes]:
        handle = tempfile.NamedTemporaryFile(dir=tmp_path, delete=False)  # noqa: SIM115
        made.append(Path(handle.name))
        return handle

    monkeypatch.setattr(spool.tempfile, "TemporaryFile", kept_file)
    return made


def test_what_spills_to_disk_is_ciphertext_and_reads_back_whole(spilled: list[Path]) -> None:
    text = (NAME + " 001090012345\n").encode() * 500
    with SealedSpool(threshold=1024) as buffer:
        for start in range(0, len(text), 700):
            buffer.write(text[start : start + 700])
        assert buffer.on_disk
        buffer.seek(0)
        back = b"".join(iter(lambda: buffer.read(4096), b""))
        [file] = spilled
        on_disk = file.read_bytes()
    assert back == text
    assert len(on_disk) == len(text)
    assert NAME.encode() not in on_disk and b"001090012345" not in on_disk


def test_a_small_payload_stays_in_memory(spilled: list[Path]) -> None:
    with SealedSpool(threshold=1024) as buffer:
        buffer.write(b"x" * 1000)
        buffer.seek(0)
        assert buffer.read() == b"x" * 1000
        assert not buffer.on_disk
    assert spilled == []


def test_a_bundle_bigger_than_memory_allows_travels_with_no_clear_file(
    net: Network, spilled: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "SPOOL", 512)  # every payload spills, both ways
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        pid = add_person(ctx, PersonInput(full_name=NAME, born="1990")).person.id
    [report] = net.send(post, upper)
    assert report.table("persons").new == 1
    with upper.read() as ctx:
        assert ctx.session.get(Person, pid).full_name == NAME  # type: ignore[union-attr]
    assert spilled  # the export's and the import's payloads went to disk
    for file in spilled:
        data = file.read_bytes()
        # a clear payload is a tar whose members (manifest, gzip-compressed rows) can be read
        assert b"manifest.json" not in data and b"ustar" not in data
        assert NAME.encode() not in data
