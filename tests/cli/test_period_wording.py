"""One way to write a period: ``Tháng 03/2026``, ``Quý III/2026``, ``Năm 2026`` (lower case
inside a sentence), in the window, the command line, the printed report and file names."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.reports.page import ReportsPage
from antt_desktop.i18n.formatting import fmt_period, period_slug
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import post_rows
from antt_desktop.services.context import Actor
from tests.cli.conftest import CHIEF

VI, EN = Translator("vi"), Translator("en")
TODAY = date(2026, 11, 22)
#: Forms of a period the officer must not meet: ``2026-Q3``, ``2026-09``, ``quý 3/2026``,
#: ``tháng 9/2026`` (the month without its leading zero).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
OTHER_FORMS = re.compile(
    r"\b\d{4}-(?:Q[1-4]|0[1-9]|1[0-2])\b|\b[Qq]u[ýy] [1-4]\b|\b[Tt]háng [1-9]/\d{4}",
)


@pytest.mark.parametrize(
    ("period", "heading", "phrase", "english", "slug"),
    [
        ("2026-03", "Tháng 03/2026", "tháng 03/2026", "Month 03/2026", "thang-03-2026"),
        ("2026-12", "Tháng 12/2026", "tháng 12/2026", "Month 12/2026", "thang-12-2026"),
        ("2026-Q2", "Quý II/2026", "quý II/2026", "Quarter II/2026", "quy-ii-2026"),
        ("2026-Q4", "Quý IV/2026", "quý IV/2026", "Quarter IV/2026", "quy-iv-2026"),
        ("2026", "Năm 2026", "năm 2026", "Year 2026", "nam-2026"),
    ],
)
def test_a_period_is_written_one_way(
    period: str, heading: str, phrase: str, english: str, slug: str
) -> None:
    p = Period.parse(period)
    assert fmt_period(p, VI) == heading
    assert fmt_period(p, VI, in_sentence=True) == phrase
    assert fmt_period(p, EN) == english
    assert period_slug(p, VI) == slug
    assert not OTHER_FORMS.search(heading + phrase + english)


def test_the_window_the_command_line_and_the_paper_use_no_other_form(
    qtbot: Any, post: Any, tmp_path: Any
) -> None:
    quarter = Period("quarter", 2026, 3)
    cli = post("stats", "--period", "2026-Q3")
    assert cli.code == 0, cli.err
    out = tmp_path / "bao-cao.pdf"
    assert post("print", "report", "--period", "2026-Q3", "--out", str(out)).code == 0
    printed = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    with post.open_db() as db:
        app = AppContext(db, Actor(CHIEF, "chief"), VI, today=lambda: TODAY)
        page = ReportsPage(app)
        qtbot.addWidget(page)
        with app.read() as ctx:
            unit_id = post_rows.this_post(ctx).id
        page.show_report(quarter, unit_id)
        qtbot.waitUntil(lambda: page.report is not None and not page.loader.busy)
        shown = page.browser.toPlainText()
        name = page.suggested_file_name()

    for text in (cli.out, printed, shown):
        assert "quý III/2026" in text or "Quý III/2026" in text
        assert OTHER_FORMS.findall(text) == []
    assert name.startswith("bao-cao-quy-iii-2026-")
