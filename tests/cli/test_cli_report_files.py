"""``antt print report --format pdf|docx|xlsx``: each format written where asked, readable by
this account only, audited; a bad period or a missing folder writes nothing."""

from __future__ import annotations

import io
import stat
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader


def _audits(antt: Any) -> list[tuple[str, str]]:
    with antt.connect() as conn:
        rows = conn.execute(
            "SELECT action, detail FROM audit_entries WHERE detail LIKE 'report %' ORDER BY seq"
        ).fetchall()
    return [(a, d) for a, d in rows]


def _text(kind: str, data: bytes) -> str:
    if kind == "pdf":
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if kind == "docx":
        return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    book = load_workbook(io.BytesIO(data))
    cells = [str(c.value) for s in book for row in s.iter_rows() for c in row]
    return "\n".join([*book.sheetnames, *cells])


@pytest.mark.parametrize(
    ("kind", "says", "action"),
    [
        ("pdf", "Đã in", "print"),
        ("docx", "Đã lưu vào", "export"),
        ("xlsx", "Đã lưu vào", "export"),
    ],
)
def test_each_format_is_saved_private_and_audited(
    post: Any, tmp_path: Path, kind: str, says: str, action: str
) -> None:
    out = tmp_path / f"bao-cao.{kind}"
    args = ["print", "report", "--period", "2026-Q3", "--out", str(out)]
    result = post(*args, *(["--format", kind] if kind != "pdf" else []))
    assert result.code == 0, result.err
    assert result.out.startswith(says) and str(out.resolve()) in result.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = _text(kind, out.read_bytes())
    assert "Đối tượng quản lý" in text
    if kind != "xlsx":  # the paper: the parts and the closing sentence
        assert "III. TỒN TẠI, HẠN CHẾ" in text and "Công an xã Phú Lương./." in text
    entries = _audits(post)
    assert len(entries) == 1 and entries[0][0] == action
    assert f"report {kind} 2026-Q3" in entries[0][1] or kind == "pdf"
    assert out.name in entries[0][1]


def test_without_out_the_file_takes_the_reports_name(
    post: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = post("--json", "print", "report", "--period", "2026-10", "--format", "docx")
    assert result.code == 0, result.err
    assert Path(result.json["path"]).name == "bao-cao-thang-10-2026-05611.docx"


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--period", "2026-Q7", "--format", "docx"], 3, "Kỳ báo cáo"),
        (["--period", "2026-Q3", "--format", "odt"], 2, "invalid choice"),
    ],
)
def test_a_refused_request_writes_nothing(
    post: Any, tmp_path: Path, args: list[str], code: int, says: str
) -> None:
    out = tmp_path / "bao-cao.docx"
    result = post("print", "report", *args, "--out", str(out))
    assert result.code == code
    assert says in result.err
    assert not out.exists() and _audits(post) == []


def test_a_folder_that_does_not_exist_is_a_calm_error(post: Any, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "bao-cao.xlsx"
    result = post("print", "report", "--period", "2026-Q3", "--format", "xlsx", "--out", str(out))
    assert result.code == 1
    assert "không lưu được tệp" in result.err and "PDF" not in result.err
    assert _audits(post) == []
