"""A refused spreadsheet is let go at once: the officer can delete, move or correct and save it
again straight away (Windows refuses all three while a program holds the file open)."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.importers import import_file
from tests.conftest import OFFICER, TODAY

#: An entity that expands a thousandfold (the reader refuses any entity declaration at all).
ENTITIES = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="reads the open files from /proc"
)


def _held_open(path: Path) -> list[str]:
    """This process's open file descriptors on ``path``."""
    folder = Path("/proc/self/fd")
    held = []
    for fd in os.listdir(folder):
        try:
            if os.readlink(folder / fd) == str(path):
                held.append(fd)
        except OSError:  # closed while listed
            continue
    return held


def _rewrite(path: Path, part: str, replace: Callable[[str], str]) -> Path:
    """A copy of the workbook with one part's XML changed by ``replace``."""
    out = path.with_name("refused-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = replace(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    return out


def test_a_workbook_refused_inside_a_sheet_is_closed_again(db, make_xlsx):
    path = make_xlsx(["Họ và tên"], [["Nguyễn Văn Đức"]])

    def bomb(xml: str) -> str:
        body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
        return ENTITIES + body.replace("Nguyễn Văn Đức", "&c;")

    hostile = _rewrite(path, "xl/worksheets/sheet1.xml", bomb)
    with pytest.raises(ValidationFailed) as caught:
        import_file(db, hostile, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    assert caught.value.problems  # refused, and the refusal (its traceback too) still held
    assert _held_open(hostile) == []


def test_a_workbook_refused_for_a_damaged_part_is_closed_again(db, make_xlsx):
    path = make_xlsx(["Họ và tên"], [["Nguyễn Văn Đức"]])
    damaged = _rewrite(path, "xl/workbook.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(ValidationFailed) as caught:
        import_file(db, damaged, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    assert caught.value.problems
    assert _held_open(damaged) == []
