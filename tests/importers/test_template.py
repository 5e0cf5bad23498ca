"""The template workbook (Tải mẫu .xlsx): exactly the accepted columns, an example row,
and it imports as it is — with its example row or with the officer's own rows instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from antt_desktop.i18n.translator import Translator
from antt_desktop.importers import import_file
from antt_desktop.importers.columns import COLUMNS, REQUIRED, match_header
from antt_desktop.importers.template import TEMPLATES, write_template
from tests.conftest import OFFICER, TODAY
from tests.importers.conftest import cccd

KINDS = ("persons", "households")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_header_of_the_template_names_its_column_exactly(kind: Any, lang: str) -> None:
    tr = Translator(lang)
    for column in TEMPLATES[kind]:
        assert match_header(tr(column.header), COLUMNS[kind]) == (column.field, True)
    assert {c.field for c in TEMPLATES[kind]} == set(COLUMNS[kind])
    assert [c.field for c in TEMPLATES[kind] if c.required(kind)] == [REQUIRED[kind]]


@pytest.mark.parametrize("kind", KINDS)
def test_the_template_with_its_example_row_imports_without_a_problem(
    db: Any, tmp_path: Path, kind: Any
) -> None:
    path = write_template(kind, tmp_path / f"mau-{kind}", Translator("vi"))
    assert path.suffix == ".xlsx"
    book = load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    book.close()
    assert headers[0] == ("Họ và tên" if kind == "persons" else "Số hộ")
    assert sheet.freeze_panes == "A2"
    report = import_file(db, path, kind=kind, actor=OFFICER, today=TODAY, dry_run=False)
    assert (report.total, report.imported) == (1, 1)
    assert (report.refused, report.warnings, report.duplicates) == ([], [], [])
    assert report.ignored_columns == ()


def test_the_template_filled_by_the_officer_imports_without_a_problem(
    db: Any, tmp_path: Path
) -> None:
    path = write_template("persons", tmp_path / "mau.xlsx", Translator("en"), example=False)
    book = load_workbook(path)
    sheet = book.active
    assert sheet.max_row == 1  # the header alone
    values = {"full_name": "Lò Thị Mai", "born": "1992", "sex": "Nữ", "id_number": cccd(1992, "F")}
    fields = [c.field for c in TEMPLATES["persons"]]
    sheet.append([values.get(f) for f in fields])
    book.save(path)
    book.close()
    report = import_file(db, path, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    assert (report.imported, report.refused, report.warnings) == (1, [], [])
