"""``antt demo-data``, ``antt stats`` and ``antt import`` through the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from antt_desktop.services.accounts import DEMO_PASSWORD, DEMO_USER


def _scalar(antt: Any, sql: str) -> int:
    with antt.connect() as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture
def demo(antt, monkeypatch):  # type: ignore[no-untyped-def]
    r = antt("demo-data", "--scale", "commune", "--seed", "3", "--factor", "0.02", "--json")
    assert r.code == 0, r.err
    monkeypatch.setenv("ANTT_USER", DEMO_USER)  # the demo post's public account
    monkeypatch.setenv("ANTT_PASSWORD", DEMO_PASSWORD)
    return antt


def test_demo_data_creates_a_post_with_people(demo) -> None:  # type: ignore[no-untyped-def]
    assert _scalar(demo, "SELECT count(*) FROM persons") > 100
    assert demo("check").code == 0


def test_the_demo_post_logs_in_with_its_public_account_when_none_is_named(
    antt: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = antt("demo-data", "--scale", "commune", "--seed", "3", "--factor", "0.02")
    assert made.code == 0, made.err
    monkeypatch.delenv("ANTT_USER")
    monkeypatch.delenv("ANTT_PASSWORD")
    listed = antt("--json", "area", "list")
    assert listed.code == 0, listed.err  # no account named: the demo post's public one
    assert listed.json


def test_stats_figures_match_the_records(demo) -> None:  # type: ignore[no-untyped-def]
    r = demo("stats", "--period", "2026", "--json")
    assert r.code == 0, r.err
    figures = r.json
    households = _scalar(demo, "SELECT count(*) FROM households WHERE deleted = 0")
    signed = _scalar(
        demo,
        "SELECT count(*) FROM pledges WHERE year = 2026 AND status = 'signed' AND deleted = 0",
    )
    assert figures["pledges"]["total"]["households"] == households
    assert figures["pledges"]["total"]["signed"] == signed
    assert figures["period"] == "2026"


def test_stats_recount_puts_figures_edited_by_hand_right(demo) -> None:  # type: ignore[no-untyped-def]
    right = demo("stats", "--period", "2026", "--json").json["pledges"]["total"]
    with demo.connect() as conn:  # the file edited by hand
        conn.execute("UPDATE post_pledge_figures SET n = n + 7")
        conn.commit()
    assert demo("stats", "--period", "2026", "--json").json["pledges"]["total"] != right
    r = demo("stats", "--period", "2026", "--recount", "--json")
    assert r.code == 0, r.err
    assert r.json["pledges"]["total"] == right


def test_stats_text_is_vietnamese(demo) -> None:  # type: ignore[no-untyped-def]
    r = demo("stats", "--period", "2026-Q3")
    assert r.code == 0
    assert "CAM KẾT CỦA HỘ GIA ĐÌNH" in r.out
    assert "Tỷ lệ hộ ký cam kết" in r.out


def test_stats_refuses_a_bad_period(demo) -> None:  # type: ignore[no-untyped-def]
    r = demo("stats", "--period", "2026-13")
    assert r.code == 3
    assert "Kỳ báo cáo" in r.err


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_dry_run_then_for_real(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = _sheet(
        tmp_path / "ds.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"],
            ["Nguyễn Văn Đức", "02/03/1985", "Nam", "019085012345"],
            ["Trần Thị Hòa", "1990", "Nữ", "12345"],
        ],
    )
    dry = post("import", str(sheet), "--kind", "persons", "--dry-run", "--json")
    assert dry.code == 0, dry.err
    assert dry.json["imported"] == 1
    assert dry.json["refused"][0]["line"] == 3
    assert _scalar(post, "SELECT count(*) FROM persons") == 0
    real = post(
        "import", str(sheet), "--kind", "persons", "--refused-out", str(tmp_path / "loi.xlsx")
    )
    assert real.code == 0, real.err
    assert "dòng 3" in real.out.lower()
    assert _scalar(post, "SELECT count(*) FROM persons") == 1
    assert (tmp_path / "loi.xlsx").exists()
