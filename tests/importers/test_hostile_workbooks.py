"""Spreadsheets are hostile input: an XML entity bomb, a workbook that unpacks to too much or
holds too many parts, and a reader without defusedxml are refused whole, with a Vietnamese
message, and nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.importers import import_file, reading
from tests.conftest import OFFICER, TODAY

VI = Translator("vi")
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{"&lol{};".format(i - 1 if i > 1 else "") * 10}">' for i in range(1, 10)
    )
    + "]>"
)


def _refused(db, path: Path) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        import_file(db, path, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    return caught.value


def _rewrite(path: Path, part: str, replace) -> Path:
    """The workbook with one part's XML changed by ``replace``."""
    out = path.with_name("hostile-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = replace(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    return out


def test_an_entity_bomb_in_a_sheet_is_refused(db, make_xlsx, counts):
    path = make_xlsx(["Họ và tên"], [["Nguyễn Văn Đức"]])

    def bomb(xml: str) -> str:
        body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
        return LAUGHS + body.replace("Nguyễn Văn Đức", "&lol9;")

    hostile = _rewrite(path, "xl/worksheets/sheet1.xml", bomb)
    before = counts()
    refused = _refused(db, hostile)
    assert describe(refused.problems[0], VI) == (
        "Tệp: tệp có khai báo thực thể XML, điều mà danh sách Excel không bao giờ cần (tệp có"
        " thể được tạo ra để gây hại cho máy tính); chưa đọc tệp"
    )
    assert counts() == before


def test_an_external_entity_in_the_workbook_is_refused(db, make_xlsx, counts, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật", encoding="utf-8")
    path = make_xlsx(["Họ và tên"], [["Nguyễn Văn Đức"]])

    def external(xml: str) -> str:
        body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
        doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        return '<?xml version="1.0"?>' + doctype + body.replace("Sheet", "&xxe;", 1)

    hostile = _rewrite(path, "xl/workbook.xml", external)
    before = counts()
    [problem] = _refused(db, hostile).problems
    assert problem.code == "import.xml_entities"
    assert counts() == before


def test_a_workbook_with_too_many_parts_is_refused(db, make_xlsx, counts, monkeypatch):
    path = make_xlsx(["Họ và tên"], [["Nguyễn Văn Đức"]])
    monkeypatch.setattr(reading, "MAX_PARTS", 3)
    before = counts()
    [problem] = _refused(db, path).problems
    assert describe(problem, VI) == (
        "Tệp: tệp Excel khi giải nén sẽ lớn hơn 400 MB; tệp có thể bị hỏng hoặc được tạo ra"
        " để gây hại cho máy tính"
    )
    assert counts() == before


def test_a_zip_bomb_at_the_real_limit_is_refused_unread(db, tmp_path, counts):
    """A part that declares more than 400 MB, in a file of a few hundred kilobytes."""
    path = tmp_path / "bom.xlsx"
    chunk = b"\x00" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(reading.MAX_UNPACKED // len(chunk) + 1):
            part.write(chunk)
    assert path.stat().st_size < reading.MAX_BYTES
    before = counts()
    [problem] = _refused(db, path).problems
    assert problem.code == "import.unpacks_too_large"
    assert counts() == before


def test_no_workbook_is_opened_without_defusedxml(db, make_xlsx, counts, monkeypatch):
    from xml.etree import ElementTree

    from openpyxl.xml import functions

    path = make_xlsx(["Họ và tên"], [["Nguyễn Văn Đức"]])
    monkeypatch.setattr(functions, "iterparse", ElementTree.iterparse)  # as if it were off
    before = counts()
    [problem] = _refused(db, path).problems
    assert describe(problem, VI).startswith(
        "Tệp: chương trình trên máy này không đọc được tệp Excel một cách an toàn"
    )
    assert counts() == before
