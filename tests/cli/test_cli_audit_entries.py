"""What the command line writes to the audit log besides changes: each opening of a person or
a dossier (field names, never values) and each file of residents' data saved outside."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl

from tests.cli.conftest import CHIEF

NAME = "Nguyễn Văn Đức"
ID_NUMBER = "019085012345"


def entries(antt: Any, action: str) -> list[tuple[Any, ...]]:
    with antt.connect() as conn:
        return conn.execute(
            "SELECT actor, entity, entity_id, fields, detail FROM audit_entries"
            " WHERE action = ? ORDER BY seq",
            (action,),
        ).fetchall()


def _person(post: Any) -> str:
    r = post(
        "person", "add", "--name", NAME, "--born", "02/03/1985", "--id-number", ID_NUMBER, "--json"
    )
    assert r.code == 0, r.err
    return str(r.json["id"])


def test_person_show_records_one_view_naming_fields_not_values(post: Any) -> None:
    person = _person(post)
    assert entries(post, "view") == []  # adding is a change, not a view

    shown = post("person", "show", person)
    assert shown.code == 0, shown.err
    again = post("person", "show", person)
    assert again.code == 0

    views = entries(post, "view")
    assert len(views) == 2  # one per opening
    actor, entity, entity_id, fields, detail = views[0]
    assert (actor, entity, entity_id) == (CHIEF, "person", person)
    assert {"full_name", "born", "id_number"} <= set(json.loads(fields))
    assert NAME not in str(views) and ID_NUMBER not in str(views)
    assert detail is None


def test_dossier_show_records_a_view_of_the_dossier(post: Any) -> None:
    person = _person(post)
    opened = post(
        "dossier",
        "open",
        "--person",
        person,
        "--category",
        "SUSPENDED",
        "--opened",
        "10/06/2026",
        "--json",
    )
    assert opened.code == 0, opened.err
    dossier = str(opened.json["id"])
    assert entries(post, "view") == []  # opening a dossier shows what was written

    assert post("dossier", "show", dossier).code == 0

    [(actor, entity, entity_id, fields, _detail)] = entries(post, "view")
    assert (actor, entity, entity_id) == (CHIEF, "dossier", dossier)
    assert "category_code" in json.loads(fields)
    assert NAME not in fields


def test_refused_rows_saved_to_a_workbook_are_an_audited_export(post: Any, tmp_path: Path) -> None:
    sheet = tmp_path / "ds.xlsx"
    wb = openpyxl.Workbook()
    for row in (["Họ và tên", "Số CCCD"], [NAME, ID_NUMBER], ["Trần Thị Hòa", "12345"]):
        wb.active.append(row)
    wb.save(sheet)
    out = tmp_path / "loi.xlsx"

    r = post("import", str(sheet), "--kind", "persons", "--refused-out", str(out))

    assert r.code == 0, r.err
    assert out.exists()
    assert "Lưu ý: Tệp đã lưu ra ngoài không còn được phần mềm bảo vệ" in r.err
    [(actor, entity, _id, _fields, detail)] = entries(post, "export")
    assert (actor, entity) == (CHIEF, "persons")
    assert detail == "refused rows of ds.xlsx: loi.xlsx, 1 rows"
    [(_actor, imported, *_rest)] = entries(post, "import")
    assert imported == "persons"
