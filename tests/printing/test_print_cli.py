"""``antt print ...``: writes the PDF, prints its path and page count, audits the print;
refusals exit 3 naming the field and leave no file and no audit entry."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from antt_desktop.cli.app import main
from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.printing import jobs as window
from antt_desktop.i18n.translator import Translator
from antt_desktop.printing.jobs import PrintJob
from antt_desktop.services import post_rows
from antt_desktop.services.commendations import CommendationInput, add_commendation
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.pledges import record_pledge
from antt_desktop.services.units import add_area
from antt_desktop.store.database import DB_FILENAME
from tests.conftest import TEST_KDF, TEST_PASSWORD, connect_unlocked, open_post


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def antt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    data = tmp_path / "post"
    for var in ("ANTT_PASSWORD", "ANTT_NEW_PASSWORD"):
        monkeypatch.setenv(var, TEST_PASSWORD)
    monkeypatch.setenv("ANTT_USER", "truongcong")

    def run(*args: str) -> Result:
        try:
            code = main(["--data-dir", str(data), "--today", "2026-11-22", *args], kdf=TEST_KDF)
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    init = run(
        "init", "--unit-code", "05611", "--unit-name", "Công an xã Phú Lương",
        "--upper-code", "CAT-TN", "--upper-name", "Công an tỉnh Thái Nguyên",
        "--admin", "truongcong",
    )  # fmt: skip
    assert init.code == 0, init.err
    run.data_dir = data  # type: ignore[attr-defined]
    return run


@pytest.fixture
def ids(antt: Any) -> dict[str, str]:
    """Records made through the services in the CLI's own database."""
    with open_post(antt.data_dir / DB_FILENAME, "truongcong") as db, db.write() as session:
        ctx = Ctx(session, Actor("truongcong", "chief"), date(2026, 11, 22))
        area = add_area(ctx, name="Xóm Đồng Tâm", kind="xom")
        person = add_person(ctx, PersonInput(full_name="Hà Thị Huệ", born="1979", sex="F"))
        dossier = open_dossier(ctx, DossierInput(person.person.id, "DRUG_USER", "05/09/2026"))
        household = add_household(
            ctx, HouseholdInput(number="7", head_person_id=person.person.id, area_id=area.id)
        )
        record_pledge(ctx, household.id, 2026, signed_on="15/03/2026", signer_name="Hà Thị Huệ",
                      officer_name="Lê Văn Công")  # fmt: skip
        add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND xã Phú Lương",
                decision_number="12/QĐ-UBND",
                decision_date="10/01/2026",
                recipient_kind="person",
                recipient_id=person.person.id,
                achievement="Có thành tích trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
            ),
        )
        return {"person": person.person.id, "dossier": dossier.id, "household": household.id}


def _audits(data_dir: Path) -> list[tuple[str, str | None, str | None]]:
    with connect_unlocked(data_dir / DB_FILENAME) as conn:
        return conn.execute(
            "SELECT action, entity, detail FROM audit_entries WHERE action = 'print' ORDER BY seq"
        ).fetchall()


@pytest.mark.parametrize(
    ("args", "entity", "pages"),
    [
        (["booklet", "{dossier}"], "dossier", 2),
        (["certificate", "--decision", "12/QĐ-UBND"], "unit", 1),
        (["pledge-form", "7", "--year", "2026"], "household", 1),
        (["pledge-form", "--area", "xom dong tam", "--year", "2026"], "area", 1),
        (["pledge-register", "--area", "Xóm Đồng Tâm", "--year", "2026"], "area", 1),
        (["report", "--period", "2026-Q3"], "unit", 3),
        (["person-sheet", "{person}", "--number", "05/BC-CAX"], "person", 1),
    ],
)
def test_print_writes_the_pdf_and_audits_it(
    antt: Any, ids: dict[str, str], tmp_path: Path, args: list[str], entity: str, pages: int
) -> None:
    out = tmp_path / "out.pdf"
    words = [a.format(**ids) for a in args]
    result = antt("print", *words, "--out", str(out), "--json")
    assert result.code == 0, result.err
    assert result.json == {"path": str(out.resolve()), "pages": result.json["pages"]}
    assert result.json["pages"] >= pages
    assert len(PdfReader(out).pages) == result.json["pages"]
    assert not list(tmp_path.glob(".out.pdf.*"))  # no temporary file left behind
    [(action, audited, detail)] = _audits(antt.data_dir)
    assert (action, audited) == ("print", entity)
    assert f"{result.json['pages']} pages" in detail


DECIDED = date(2026, 1, 10)


@pytest.mark.parametrize(
    ("args", "job", "name"),
    [
        (["booklet", "{dossier}"], lambda app, ids: window.booklet_job(app, ids["dossier"]),
         "so-theo-doi-ha-thi-hue.pdf"),
        (["person-sheet", "{person}"], lambda app, ids: window.person_sheet_job(app, ids["person"]),
         "phieu-thong-tin-ha-thi-hue.pdf"),
        (["certificate", "--decision", "12/QĐ-UBND"],
         lambda app, ids: window.certificates_job(app, "12/QĐ-UBND", ids["unit"], DECIDED),
         "giay-khen-12-qd-ubnd.pdf"),
        (["pledge-form", "7", "--year", "2026"],
         lambda app, ids: window.pledge_form_job(app, ids["household"], 2026),
         "cam-ket-ho-7-2026.pdf"),
        (["pledge-form", "--area", "Xóm Đồng Tâm", "--year", "2026"],
         lambda app, ids: window.pledge_forms_job(app, ids["area"], 2026),
         "cam-ket-xom-dong-tam-2026.pdf"),
        (["pledge-register", "--area", "Xóm Đồng Tâm", "--year", "2026"],
         lambda app, ids: window.pledge_register_job(app, ids["area"], 2026),
         "so-cam-ket-xom-dong-tam-2026.pdf"),
        (["report", "--period", "2026-Q3"],
         lambda app, ids: window.report_job(app, Period.parse("2026-Q3"), ids["unit"]),
         "bao-cao-quy-iii-2026-05611.pdf"),
    ],
)  # fmt: skip
def test_the_command_line_saves_under_the_name_the_window_proposes(
    antt: Any,
    ids: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    job: Callable[[AppContext, dict[str, str]], PrintJob],
    name: str,
) -> None:
    with open_post(antt.data_dir / DB_FILENAME, "truongcong") as db:
        app = AppContext(db, Actor("truongcong", "chief"), Translator("vi"))
        with app.read() as ctx:
            ids["area"] = post_rows.area_named(ctx, "Xóm Đồng Tâm").id
            ids["unit"] = post_rows.this_post(ctx).id
        proposed = job(app, ids).file_name  # what Save as PDF offers in the preview
    papers = tmp_path / "papers"
    papers.mkdir()
    monkeypatch.chdir(papers)
    result = antt("print", *[a.format(**ids) for a in args], "--json")
    assert result.code == 0, result.err
    assert (Path(result.json["path"]).name, proposed) == (name, name)
    assert [p.name for p in papers.iterdir()] == [name]


def test_print_says_where_it_wrote_in_vietnamese_and_english(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "so.pdf"
    vi = antt("print", "booklet", ids["dossier"], "--out", str(out))
    assert vi.code == 0, vi.err
    assert vi.out.strip() == f"Đã in 2 trang ra tệp {out.resolve()}"
    en = antt("--lang", "en", "print", "person-sheet", ids["person"], "--out", str(out))
    pages = len(PdfReader(out).pages)
    assert en.out.strip() == f"Printed {pages} page(s) to {out.resolve()}"
    assert "PHIẾU THÔNG TIN CÁ NHÂN" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(
    ("args", "label"),
    [
        (["pledge-form", "99", "--year", "2026"], "Hộ gia đình"),
        (["pledge-form", "7", "--year", "1800"], "Năm"),
        (["pledge-form", "--year", "2026"], "Hộ gia đình"),
        (["pledge-register", "--area", "Thôn Không Có", "--year", "2026"], "Khu dân cư"),
        (["report", "--period", "2026-Q7"], "Kỳ báo cáo"),
        (["report", "--period", "2026-Q3", "--unit", "NOPE"], "Đơn vị"),
        (["certificate", "--decision", "999/QĐ"], "Số quyết định"),
    ],
)
def test_refusals_name_the_field_and_write_nothing(
    antt: Any, ids: dict[str, str], tmp_path: Path, args: list[str], label: str
) -> None:
    out = tmp_path / "out.pdf"
    result = antt("print", *args, "--out", str(out))
    assert result.code == 3, result.err
    assert label in result.err
    assert not out.exists()
    assert _audits(antt.data_dir) == []


def test_unknown_dossier_exits_3_and_writes_nothing(antt: Any, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = antt("print", "booklet", "no-such-id", "--out", str(out))
    assert result.code == 3
    assert "no-such-id" in result.err
    assert not out.exists() and _audits(antt.data_dir) == []


def test_a_folder_that_does_not_exist_is_a_calm_error(
    antt: Any, ids: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "missing" / "out.pdf"
    result = antt("print", "person-sheet", ids["person"], "--out", str(out))
    assert result.code == 1
    assert "không lưu được tệp PDF" in result.err
    assert _audits(antt.data_dir) == []
