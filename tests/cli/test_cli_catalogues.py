"""``antt catalogue list|show|edit|import|export`` at a province's installation (which
issues catalogues) and at a post (which only reads them)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import CHIEF, Run
from tests.helpers.prepared import PREPARED

PROVINCE = (
    "init",
    "--unit-code",
    "CA-T19",
    "--unit-name",
    "Công an tỉnh Thái Nguyên",
    "--kind",
    "province",
    "--admin",
    CHIEF,
)


@pytest.fixture
def province(antt: Callable[..., Run]) -> Callable[..., Run]:
    def init(folder: Path) -> None:
        result = antt.run_in(folder, *PROVINCE)  # type: ignore[attr-defined]
        assert result.code == 0, result.err

    PREPARED.copy(("antt init", *PROVINCE), antt.data_dir, init)  # type: ignore[attr-defined]
    return antt


def test_list_names_each_catalogue_with_its_version(province: Callable[..., Run]) -> None:
    result = province("catalogue", "list")
    assert result.code == 0, result.err
    assert "Nhóm đối tượng (dossier_category)" in result.out
    assert "Phiên bản 1 — 01/07/2026 — ban hành kèm phần mềm" in result.out
    data = province("--json", "catalogue", "list").json
    assert [c["catalogue"] for c in data] == [
        "dossier_category",
        "rubric",
        "initiative_type",
        "activity_kind",
    ]
    assert data[0]["to_check"] == 2


def test_show_marks_entries_still_to_be_checked(province: Callable[..., Run]) -> None:
    result = province("catalogue", "show", "dossier_category", "--to-check")
    assert result.code == 0, result.err
    assert "RELEASED  Người chấp hành xong án phạt tù" in result.out
    assert "[cần kiểm tra]" in result.out
    assert "SUSPENDED" not in result.out
    everything = province("catalogue", "show", "dossier_category").out
    assert "127/2025/QH15" in everything and "hằng tháng" in everything


def test_edit_sets_a_field_and_raises_the_version(province: Callable[..., Run]) -> None:
    result = province(
        "catalogue", "edit", "dossier_category", "RELEASED", "--set", "to_check=0",
        "--set", "retention_years=7",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Phiên bản 2 — 22/11/2026 — Công an tỉnh Thái Nguyên" in result.out
    shown = province("--json", "catalogue", "show", "dossier_category").json
    released = next(e for e in shown["entries"] if e["code"] == "RELEASED")
    assert (released["retention_years"], released["to_check"]) == (7, False)


def test_edit_refuses_a_bad_value_with_exit_3(province: Callable[..., Run]) -> None:
    result = province("catalogue", "edit", "dossier_category", "MINOR", "--set", "cadence=weekly")
    assert result.code == 3
    assert "'weekly'" in result.err
    assert province("--json", "catalogue", "list").json[0]["version"]["number"] == 1


def test_edit_adds_retires_and_refuses_to_delete_what_is_in_use(
    province: Callable[..., Run],
) -> None:
    added = province(
        "catalogue", "edit", "activity_kind", "drill", "--add", "--set", "name_vi=Diễn tập"
    )
    assert added.code == 0, added.err
    assert province("catalogue", "edit", "activity_kind", "drill", "--retire").code == 0
    shown = province("catalogue", "show", "activity_kind").out
    assert "drill  Diễn tập  [thôi áp dụng]" in shown
    assert province("catalogue", "edit", "activity_kind", "drill", "--delete").code == 0
    assert "drill" not in province("catalogue", "show", "activity_kind").out


def test_a_post_cannot_edit_its_catalogues(post: Callable[..., Run]) -> None:
    result = post("catalogue", "edit", "initiative_type", "CAMERA", "--set", "name_vi=X")
    assert result.code == 3
    assert "Danh mục do cấp trên ban hành (Công an tỉnh Thái Nguyên)" in result.err
    assert "Phiên bản 1" in post("catalogue", "list").out


def test_export_and_import_round_trip_through_csv(
    province: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / "kinds.csv"
    assert province("catalogue", "export", "activity_kind", "--out", str(out)).code == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["code"] == "propaganda"
    rows[1]["name_vi"] = '=HYPERLINK("http://x")'  # a formula typed into a name
    rows.append({"code": "drill", "name_vi": "Diễn tập", "name_en": "", "to_check": "1"})
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = province("catalogue", "import", "activity_kind", str(out))
    assert result.code == 0, result.err
    assert "1 mục được thêm, 1 mục được sửa" in result.out
    again = tmp_path / "again.csv"
    province("catalogue", "export", "activity_kind", "--out", str(again))
    text = again.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text  # a spreadsheet shows it, never runs it
    assert "drill,Diễn tập,,1" in text


def test_import_with_a_bad_line_writes_nothing_and_names_it(
    province: Callable[..., Run], tmp_path: Path
) -> None:
    path = tmp_path / "cats.json"
    entries = [
        {"code": "NEW_ONE", "name_vi": "Nhóm mới", "name_en": "New", "cadence": "monthly",
         "due_day": 5, "retention_years": 5},
        {"code": "MINOR", "due_day": 40},
    ]  # fmt: skip
    path.write_text(json.dumps({"entries": entries}), encoding="utf-8")
    result = province("catalogue", "import", "dossier_category", str(path))
    assert result.code == 3
    assert "Mục thứ 2: Hạn nhận xét (ngày trong tháng): 40 nằm ngoài khoảng" in result.err
    shown = province("catalogue", "show", "dossier_category").out
    assert "NEW_ONE" not in shown
    entries[1]["due_day"] = 10
    path.write_text(json.dumps(entries), encoding="utf-8")
    assert province("catalogue", "import", "dossier_category", str(path)).code == 0
    assert "NEW_ONE  Nhóm mới" in province("catalogue", "show", "dossier_category").out


def test_import_of_an_unreadable_file_exits_3(province: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    result = province("catalogue", "import", "rubric", str(path))
    assert result.code == 3
    assert "không đọc được broken.json như một tệp danh mục" in result.err


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_an_exported_catalogue_imports_back_unchanged(
    province: Callable[..., Run], tmp_path: Path, suffix: str
) -> None:
    for key in ("dossier_category", "rubric"):
        out = tmp_path / f"{key}.{suffix}"
        assert province("catalogue", "export", key, "--out", str(out)).code == 0
        result = province("catalogue", "import", key, str(out))
        assert result.code == 0, result.err
        assert "0 mục được thêm, 0 mục được sửa" in result.out
    assert {c["version"]["number"] for c in province("--json", "catalogue", "list").json} == {1}
