"""Comparing two computers' data (``antt sync digest``): after a full exchange the upper unit
and the post print the same checksum for every table they share; a change at one of them
shows in that table only. And a damaged copy of a bundle imported before is reported as
damaged, not as "already imported"."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.sync import digest
from antt_desktop.sync.errors import BundleRefused
from tests.sync.helpers import add, edit
from tests.sync.nodes import Network, Node


def _sums(node: Node, unit: str) -> dict[str, tuple[int, str]]:
    with node.read() as ctx:
        return {d.table: (d.rows, d.sha256) for d in digest.digests(ctx, unit_code=unit)}


def test_converged_nodes_share_every_checksum_and_a_change_shows_in_its_table(
    net: Network,
) -> None:
    upper = net.upper()
    post = net.post(upper)
    ann = add(post, "Vi Thị Ánh", phone="0912345678")
    with post.write() as ctx:
        open_dossier(ctx, DossierInput(ann, "DRUG_USER", "05/01/2026"))
    add(post, "Hứa Văn Bình")
    net.send(post, upper)
    net.send(upper, post)
    net.send(post, upper)
    code = "05611"
    before = _sums(post, code)
    assert before == _sums(upper, code)
    assert before["persons"][0] == 2 and before["dossiers"][0] == 1

    add(post, "Hứa Thị Cúc")
    after = _sums(post, code)
    assert [t for t in after if after[t] != before[t]] == ["persons"]
    assert after["persons"][0] == 3
    assert _sums(upper, code) == before
    net.send(post, upper)
    assert _sums(upper, code) == after
    edit(post, ann, phone="0987654321")  # a correction: the person and its correction record
    edited = _sums(post, code)
    assert [t for t in edited if edited[t] != after[t]] == ["persons", "person_corrections"]
    assert edited["persons"][0] == 3  # the same rows, other content


def test_a_truncated_copy_of_an_imported_bundle_is_reported_damaged(
    net: Network, tmp_path: Path
) -> None:
    upper = net.upper()
    post = net.post(upper)
    add(post, "Lường Văn Chiến")
    [path] = post.export_to(upper)
    upper.import_file(path)
    assert upper.import_file(path).already_imported
    cut = tmp_path / path.name
    cut.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(BundleRefused) as caught:
        upper.import_file(cut)
    assert caught.value.reason == "damaged"
    assert caught.value.params["detail"] == "the file is cut short or too long"


def test_digest_by_command(post: Callable[..., Any]) -> None:
    shown = post("sync", "digest")
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == "Mã kiểm tra nội dung dữ liệu đồng bộ:"
    nothing = hashlib.sha256(b"").hexdigest()  # no rows at all
    empty = " ".join(nothing[i : i + 4] for i in range(0, 16, 4))
    assert f"  nhân khẩu (persons): 0 bản ghi, mã kiểm tra {empty}" in lines
    assert (
        f"  lịch sử đính chính nhân khẩu (person_corrections): 0 bản ghi, mã kiểm tra {empty}"
        in lines
    )
    one = post("--json", "sync", "digest", "--table", "persons")
    assert one.code == 0
    [entry] = json.loads(one.out)["tables"]
    assert entry["table"] == "persons" and entry["rows"] == 0 and len(entry["sha256"]) == 64
    wrong = post("sync", "digest", "--table", "nguoi")
    assert wrong.code == 3
    assert "không có bảng dữ liệu đồng bộ nào tên là nguoi" in wrong.err
