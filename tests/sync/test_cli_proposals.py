"""``antt sync proposals``: the post lists the upper unit's proposed changes, shows one, and
accepts or rejects it; bad input exits 3, an account without the write right is refused
(and audited), and the upper unit sees the outcome after the next exchange."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sync.test_cli_sync import Run, _exchange, _pair


@pytest.mark.slow
def test_proposals_by_command(
    antt: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upper, post = _pair(antt, tmp_path)
    stick = tmp_path / "usb"
    pid = post("--json", "person", "add", "--name", "Hoàng Thị Mai", "--occupation", "May mặc")
    pid = pid.json["id"]
    other = post("--json", "person", "add", "--name", "Lò Văn Sáu", "--occupation", "Thợ xây")
    other = other.json["id"]
    _exchange(post, "CAT-TN", upper, stick)
    _exchange(upper, "05611", post, stick)
    for ident, job in ((pid, "Buôn bán"), (other, "Làm ruộng")):
        edited = upper("person", "edit", ident, "--occupation", job, "--reason", "Theo báo cáo")
        assert edited.code == 0, edited.err
    _exchange(upper, "05611", post, stick)

    listed = post("sync", "proposals")
    assert listed.code == 0, listed.err
    assert "Nhân khẩu Hoàng Thị Mai — Đã đề nghị" in listed.out
    assert "Nghề nghiệp: May mặc → Buôn bán" in listed.out
    assert "Công an huyện Phú Lương" in listed.out
    found = {p["row_id"]: p["id"] for p in post("--json", "sync", "proposals").json["proposals"]}
    assert set(found) == {pid, other}
    assert post("--json", "person", "show", pid).json["occupation"] == "May mặc"

    shown = post("sync", "proposals", "show", found[pid][:8])
    assert shown.code == 0 and "May mặc → Buôn bán" in shown.out
    unknown = post("sync", "proposals", "accept", "zzzzzzzz")
    assert unknown.code == 3 and "không có đề nghị" in unknown.err.lower()
    blank = post("sync", "proposals", "reject", found[other], "--reason", "   ")
    assert blank.code == 3 and "Lý do từ chối" in blank.err

    assert post("user", "add", "xem1", "--role", "viewer").code == 0
    monkeypatch.setenv("ANTT_USER", "xem1")
    refused = post("sync", "proposals", "accept", found[pid])
    monkeypatch.setenv("ANTT_USER", "truongcong")
    assert refused.code == 5
    audit = post("--json", "audit", "list").json
    entries = audit["entries"] if isinstance(audit, dict) else audit
    assert any(e["action"] == "refused" and e["actor"] == "xem1" for e in entries)

    accepted = post("sync", "proposals", "accept", found[pid][:8])
    assert accepted.code == 0, accepted.err
    assert post("--json", "person", "show", pid).json["occupation"] == "Buôn bán"
    rejected = post("sync", "proposals", "reject", found[other], "--reason", "Vẫn là thợ xây")
    assert rejected.code == 0, rejected.err
    assert post("--json", "person", "show", other).json["occupation"] == "Thợ xây"
    assert post("--json", "sync", "proposals").json["proposals"] == []

    _exchange(post, "CAT-TN", upper, stick)
    seen = upper("sync", "proposals", "list", "--all")
    assert "Đã chấp nhận" in seen.out and "Bị từ chối: Vẫn là thợ xây" in seen.out
    assert upper("--json", "person", "show", pid).json["occupation"] == "Buôn bán"
    assert upper("--json", "person", "show", other).json["occupation"] == "Thợ xây"
    _exchange(upper, "05611", post, stick)
    assert upper("--json", "sync", "digest").json == post("--json", "sync", "digest").json
