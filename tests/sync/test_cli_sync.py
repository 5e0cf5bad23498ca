"""``antt sync`` end to end: enrolment by card and roster, export to a folder standing for
the USB stick, import with its report, status; a refused bundle exits 4."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Any


def _node(antt: Callable[..., Run], folder: Path, *init: str) -> Callable[..., Run]:
    def run(*args: str) -> Run:
        return antt("--data-dir", str(folder), *args)

    result = run("init", *init, "--admin", "truongcong")
    assert result.code == 0, result.err
    return run


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
