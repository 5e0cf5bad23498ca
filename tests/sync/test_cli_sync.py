"""``antt sync`` end to end: enrolment by card and roster, export to a folder standing for
the USB stick, import with its report, status; a refused bundle exits 4."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Any


def _node(antt: Callable[..., Run], folder: Path, *init: str) -> Callable[..., Run]:
    def run(*args: str) -> Run:
        return antt("--data-dir", str(folder), *args)

    result = run("init", *init, "--admin", "truongcong")
    assert result.code == 0, result.err
    return run


@pytest.mark.slow
def test_enrolment_export_and_import_by_command(antt: Callable[..., Run], tmp_path: Path) -> None:
    upper = _node(
        antt,
        tmp_path / "huyen",
        "--unit-code",
        "CAT-TN",
        "--unit-name",
        "Công an huyện Phú Lương",
        "--kind",
        "upper_unit",
    )
    post = _node(
        antt,
        tmp_path / "xa",
        "--unit-code",
        "05611",
        "--unit-name",
        "Công an xã Phú Lương",
        "--upper-code",
        "CAT-TN",
        "--upper-name",
        "Công an huyện Phú Lương",
    )
    card = post("--json", "sync", "enroll", "--export-card", str(tmp_path / "the.card"))
    assert card.code == 0, card.err
    wrong = upper(
        "sync", "enroll", "--import-card", str(tmp_path / "the.card"), "--fingerprint", "1"
    )
    assert wrong.code == 3
    assert "không khớp với phiếu đăng ký" in wrong.err
    ok = upper(
        "sync",
        "enroll",
        "--import-card",
        str(tmp_path / "the.card"),
        "--fingerprint",
        card.json["fingerprint"],
    )
    assert ok.code == 0, ok.err
    issued = upper("--json", "sync", "roster", "--out", str(tmp_path / "roster.json"))
    assert issued.code == 0, issued.err
    unconfirmed = post("sync", "roster", "--import", str(tmp_path / "roster.json"))
    assert unconfirmed.code == 3 and "--fingerprint" in unconfirmed.err
    accepted = post(
        "sync",
        "roster",
        "--import",
        str(tmp_path / "roster.json"),
        "--fingerprint",
        issued.json["fingerprint"],
    )
    assert accepted.code == 0, accepted.err
    added = post("--json", "person", "add", "--name", "Hoàng Thị Mai", "--born", "1992")
    assert added.code == 0, added.err
    stick = tmp_path / "usb"
    sent = post("--json", "sync", "export", "--to", "CAT-TN", "--out", str(stick))
    assert sent.code == 0, sent.err
    [bundle] = sent.json["files"]
    assert Path(bundle).parent == stick and not list(stick.glob("*.part"))
    dry = upper("sync", "import", bundle, "--dry-run")
    assert dry.code == 0, dry.err
    assert "chưa ghi dữ liệu" in dry.out
    assert upper("--json", "search", "hoang thi mai").json == []
    imported = upper("--json", "sync", "import", bundle)
    assert imported.code == 0, imported.err
    [report] = imported.json["reports"]
    assert report["tables"]["persons"]["new"] == 1
    [hit] = upper("--json", "search", "hoang thi mai").json
    assert hit["id"] == added.json["id"]
    again = upper("sync", "import", bundle)
    assert again.code == 0 and "đã được nhập trên máy này" in again.out
    status = upper("--json", "sync", "status")
    [peer] = status.json["peers"]
    assert peer["unit_code"] == "05611" and peer["last_import_at"]
    assert upper("check").code == 0


def test_a_refused_bundle_exits_4(post: Callable[..., Run], tmp_path: Path) -> None:
    junk = tmp_path / "x.anttsync"
    junk.write_bytes(b"ANTTSYNC\x01\x00\x00")
    result = post("sync", "import", str(junk))
    assert result.code == 4
    assert "bị hỏng" in result.err


def _pair(antt: Callable[..., Run], tmp_path: Path) -> tuple[Callable[..., Run], ...]:
    upper = _node(
        antt,
        tmp_path / "huyen",
        "--unit-code",
        "CAT-TN",
        "--unit-name",
        "Công an huyện Phú Lương",
        "--kind",
        "upper_unit",
    )
    post = _node(
        antt,
        tmp_path / "xa",
        "--unit-code",
        "05611",
        "--unit-name",
        "Công an xã Phú Lương",
        "--upper-code",
        "CAT-TN",
        "--upper-name",
        "Công an huyện Phú Lương",
    )
    card = post("--json", "sync", "enroll", "--export-card", str(tmp_path / "the.card"))
    fp = card.json["fingerprint"]
    assert (
        upper(
            "sync", "enroll", "--import-card", str(tmp_path / "the.card"), "--fingerprint", fp
        ).code
        == 0
    )
    issued = upper("--json", "sync", "roster", "--out", str(tmp_path / "roster.json"))
    roster = ("sync", "roster", "--import", str(tmp_path / "roster.json"))
    assert post(*roster, "--fingerprint", issued.json["fingerprint"]).code == 0
    return upper, post


def _exchange(
    sender: Callable[..., Run], to: str, recipient: Callable[..., Run], stick: Path
) -> None:
    sent = sender("--json", "sync", "export", "--to", to, "--out", str(stick))
    assert sent.code == 0, sent.err
    for path in sent.json["files"]:
        assert recipient("sync", "import", path).code == 0


@pytest.mark.slow
def test_conflicts_listed_and_settled_by_command(antt: Callable[..., Run], tmp_path: Path) -> None:
    upper, post = _pair(antt, tmp_path)
    added = post("--json", "person", "add", "--name", "Hoàng Thị Mai", "--phone", "0911111111")
    pid = added.json["id"]
    stick = tmp_path / "usb"
    node_of_upper = upper("--json", "sync", "status").json["node_id"]
    _exchange(post, "CAT-TN", upper, stick)
    _exchange(upper, "05611", post, stick)
    assert post("person", "edit", pid, "--phone", "0922222222", "--reason", "Số mới").code == 0
    assert upper("person", "edit", pid, "--phone", "0933333333", "--reason", "Số mới").code == 0
    _exchange(post, "CAT-TN", upper, stick)
    _exchange(upper, "05611", post, stick)
    listed = post("sync", "conflicts")
    assert listed.code == 0, listed.err
    assert "Hoàng Thị Mai" in listed.out and "Số điện thoại" in listed.out
    assert "0922222222" in listed.out and "0933333333" in listed.out
    assert "đang lưu:" in listed.out and "giá trị bị gác lại:" in listed.out
    [conflict] = post("--json", "sync", "conflicts").json["conflicts"]
    refused = post("sync", "conflicts", "--resolve", conflict["id"][:8])
    assert refused.code == 3 and "kept" in refused.err
    done = post("sync", "conflicts", "--resolve", conflict["id"][:8], "--choose", "other")
    assert done.code == 0, done.err
    assert "tệp đồng bộ tiếp theo" in done.out
    assert post("--json", "person", "show", pid).json["phone"] == conflict["other_value"]
    _exchange(post, "CAT-TN", upper, stick)
    assert upper("--json", "sync", "conflicts").json["conflicts"] == []
    assert "Không có xung đột nào" in upper("sync", "conflicts").out
    assert node_of_upper
    listing = upper("sync", "transfer", "list")
    assert listing.code == 0 and "Chưa có việc chuyển hồ sơ nào" in listing.out
    at_post = post("sync", "transfer", "request", "--dossier", "x", "--to", "CAT-TN")
    assert at_post.code == 3 and "chỉ đơn vị cấp trên" in at_post.err
