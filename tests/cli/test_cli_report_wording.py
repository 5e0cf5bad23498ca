"""One wording of the periodic report: ``antt stats``, the window's Reports page and the
printed report state the same sections, labels and values in the same order, in Vietnamese
and in English (the presenter decides them; each only lays them out).

A small post: seven released persons (two re-offend), two residential areas with pledges,
crime tips recorded for 2025 and 2026; the report of the year 2026, judged on 22/11/2026.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.reports.page import ReportsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.report import Report
from antt_desktop.printing import jobs
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import post_rows
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.dossier_records import ViolationInput, add_violation
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.indicators import record_indicator
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.pledges import record_pledge
from antt_desktop.services.units import add_area
from tests.cli.conftest import CHIEF

TODAY = date(2026, 11, 22)
YEAR = Period("year", 2026, 1)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def small_post(post: Any) -> Any:
    with post.open_db() as db, db.write() as session:
        ctx = Ctx(session, Actor(CHIEF, "chief"), TODAY)
        for i, cls in enumerate(["A", "A", "A", "B", "B", "C", "D"]):
            who = add_person(ctx, PersonInput(full_name=f"Lê Văn Hải {i}", born="1985")).person
            data = DossierInput(who.id, "RELEASED", date(2026, 2, 1), classification=cls)
            dossier = open_dossier(ctx, data)
            if i < 2:
                add_violation(
                    ctx,
                    ViolationInput(
                        person_id=who.id,
                        dossier_id=dossier.id,
                        occurred_on=date(2026, 9, 12),
                        kind="criminal",
                        description="Trộm cắp tài sản",
                        is_reoffence=True,
                    ),
                )
        for area_name, count, signed in (("Thôn Đoài", 4, 3), ("Thôn Đông", 2, 1)):
            area = add_area(ctx, name=area_name)
            for i in range(count):
                h = add_household(
                    ctx, HouseholdInput(number=f"{area_name[-4:]}-{i}", area_id=area.id)
                )
                if i < signed:
                    record_pledge(ctx, h.id, 2026, signed_on=date(2026, 2, 20),
                                  signer_name="Nguyễn Văn Hộ", officer_name="Lê Hùng")  # fmt: skip
        record_indicator(ctx, None, "2025", "crime_tips", 7)
        record_indicator(ctx, None, "2026", "crime_tips", 4)
    return post


@pytest.fixture
def window(qtbot: Any, small_post: Any) -> Callable[[str], tuple[Report, str]]:
    """``window(lang)``: the Reports page's report of 2026 and the text it shows (the
    database closed again, so that ``antt print`` may record its print)."""

    def show(lang: str) -> tuple[Report, str]:
        with small_post.open_db() as db:
            app = AppContext(db, Actor(CHIEF, "chief"), Translator(lang), today=lambda: TODAY)
            page = ReportsPage(app)
            qtbot.addWidget(page)
            with app.read() as ctx:
                unit_id = post_rows.this_post(ctx).id
            page.show_report(YEAR, unit_id)
            qtbot.waitUntil(lambda: page.report is not None and not page.loader.busy)
            assert page.report is not None
            return page.report, page.browser.toPlainText()

    return show


def _flat(text: str) -> str:
    """Text without spaces, line breaks or the command line's ": " (wrapping ignored)."""
    return "".join(text.replace(": ", "").split())


def _needles(report: Report, *, printed: bool = False) -> list[str]:
    """What every rendering states, in order: each heading, each line's label and value,
    each table's header and rows. The printed report numbers the sections 1., 2., … under
    its part "II. Kết quả công tác"."""
    out: list[str] = []
    for number, section in enumerate(report.sections, start=1):
        out.append(f"{number}. {section.title}" if printed else section.heading)
        out += [line.label + line.value.text for line in section.lines]
        if section.table is not None:
            out.append("".join(section.table.headers))
            out += ["".join(cell.text for cell in row) for row in section.table.rows]
    return [_flat(n) for n in out]


def _missing_in_order(text: str, needles: list[str]) -> list[str]:
    """The needles not found in ``text`` after the one before them."""
    flat, at, missing = _flat(text), 0, []
    for needle in needles:
        found = flat.find(needle, at)
        if found < 0:
            missing.append(needle)
        else:
            at = found + len(needle)
    return missing


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_stats_the_reports_page_and_the_printed_report_say_the_same(
    small_post: Any, window: Callable[[str], tuple[Report, str]], tmp_path: Path, lang: str
) -> None:
    report, shown = window(lang)
    cli = small_post("--lang", lang, "stats", "--period", "2026", "--unit", "05611")
    assert cli.code == 0, cli.err
    if lang == "vi":  # official papers: `antt print` prints Vietnamese whatever --lang says
        out = tmp_path / "bao-cao.pdf"
        assert small_post("print", "report", "--period", "2026", "--out", str(out)).code == 0
        printed = _pdf_text(out.read_bytes())
    else:
        with small_post.open_db() as db, db.read() as session:
            ctx = Ctx(session, Actor(CHIEF, "chief"), TODAY)
            job = jobs.report(ctx, Translator(lang), YEAR, post_rows.this_post(ctx).id)
            printed = _pdf_text(job.render(ctx, PrintOptions(lang=lang), None).pdf)

    needles = _needles(report)
    assert len(report.sections) == 11 and len(needles) > 50
    assert _missing_in_order(cli.out, needles) == []
    # the page shows the outline the paper prints: the figures numbered under part II
    assert _missing_in_order(shown, _needles(report, printed=True)) == []
    assert _missing_in_order(printed, _needles(report, printed=True)) == []
    for text in (cli.out, shown):  # the heading of the figures (the paper has its own)
        assert _missing_in_order(text, [_flat(f) for f in (report.title, *report.facts)]) == []
    assert _flat(report.phrase) in _flat(printed)  # "năm 2026" in the subject line

    words = {
        "vi": ["CAM KẾT CỦA HỘ GIA ĐÌNH", "Thôn Đông", "4/6 = 66,7%", "giảm 42,9% (4/7)"],
        "en": ["HOUSEHOLD PLEDGES", "Thôn Đông", "4/6 = 66.7%", "down 42.9% (4/7)"],
    }[lang]
    for text in (cli.out, shown, printed.upper()):  # the paper: "5. Cam kết của hộ gia đình"
        assert all(_flat(w).upper() in _flat(text).upper() for w in words)
    assert {"vi": "V. CAM KẾT CỦA HỘ GIA ĐÌNH", "en": "V. HOUSEHOLD PLEDGES"}[lang] in cli.out
