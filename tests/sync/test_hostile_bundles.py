"""Bundles are hostile input: a file past the size limit is refused before it is read, and
the decrypted payload's archive gives no path, link or oversize photo a way in; the
database is left as it was and nothing is written beside it."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.sync import container, payload
from antt_desktop.sync.canonical import canonical
from antt_desktop.sync.errors import BundleRefused
from tests.sync.nodes import Network

VI = Translator("vi")


def _refusal(stream: bytes) -> BundleRefused:
    with pytest.raises(BundleRefused) as caught:
        payload.read(io.BytesIO(stream), "x.anttsync")
    return caught.value


def _tar(*members: tarfile.TarInfo, data: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        manifest = canonical({"tables": {}, "attachments": []})
        info = tarfile.TarInfo(payload.MANIFEST)
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
        for member in members:
            body = (data or {}).get(member.name)
            tar.addfile(member, io.BytesIO(body) if body is not None else None)
    return out.getvalue()


def test_a_bundle_file_past_the_limit_is_refused_unread(net: Network, tmp_path: Path) -> None:
    upper = net.upper()
    big = tmp_path / "qua-lon.anttsync"
    with big.open("wb") as fh:  # sparse: the hole takes no disk
        fh.write(container.MAGIC)
        fh.truncate(container.MAX_BUNDLE_BYTES + 1)
    before = upper.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        upper.import_file(big)
    assert caught.value.reason == "file_too_large"
    assert sentence(caught.value.code, caught.value.params, VI) == (
        "tệp qua-lon.anttsync lớn hơn dung lượng tối đa của một tệp đồng bộ (4 GB)"
        " (chưa nhập dữ liệu nào)"
    )
    assert upper.whole_file_hash() == before


@pytest.mark.parametrize(
    "name", ["../../ngoai-thu-muc", "/etc/antt", "records/../../x.jsonl.gz", "attachments/abc"]
)
def test_no_name_inside_the_archive_is_taken_as_a_path(name: str, tmp_path: Path) -> None:
    info = tarfile.TarInfo(name)
    info.size = 5
    refused = _refusal(_tar(info, data={name: b"hello"}))
    assert (refused.reason, refused.params["detail"]) == ("invalid", "unexpected archive entry")
    assert not (tmp_path / "ngoai-thu-muc").exists()


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE])
def test_links_and_folders_in_the_archive_are_refused(kind: bytes) -> None:
    info = tarfile.TarInfo("attachments/" + "a" * 64)
    info.type = kind
    info.linkname = "/etc/passwd"
    refused = _refusal(_tar(info))
    assert (refused.reason, refused.params["detail"]) == ("invalid", "unexpected archive entry")


def test_an_oversize_photo_is_refused_before_it_is_read() -> None:
    photo = b"\xff\xd8" + b"\x00" * 100
    name = "attachments/" + hashlib.sha256(photo).hexdigest()
    info = tarfile.TarInfo(name)
    info.size = payload.MAX_ATTACHMENT + 1
    manifest = canonical({"tables": {}, "attachments": [name[12:]]})
    first = tarfile.TarInfo(payload.MANIFEST)
    first.size = len(manifest)
    padded = manifest + b"\0" * (-len(manifest) % tarfile.BLOCKSIZE)
    # the manifest, then the photo's header and its first bytes: the rest never comes
    stream = first.tobuf(tarfile.PAX_FORMAT) + padded + info.tobuf(tarfile.PAX_FORMAT) + photo
    refused = _refusal(stream)
    assert refused.reason == "too_large" and refused.params["member"] == name
