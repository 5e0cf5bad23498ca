"""The report's CSV: a unit named like a formula is written as text, counts as numbers."""

from __future__ import annotations

import csv

from antt_desktop.gui.reports.csv_export import write_csv
from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.report_model import Line, Report, Section, Value


def test_a_formula_in_a_unit_name_is_written_as_text(tmp_path) -> None:
    report = Report(
        title="Báo cáo",
        period="Năm 2026",
        phrase="năm 2026",
        unit='=HYPERLINK("http://x.example","Công an xã")',
        as_of="22/11/2026",
        facts=(),
        line_headers=("Chỉ tiêu", "Giá trị"),
        sections=(
            Section(
                "people",
                "I",
                "@Dân cư",
                (
                    Line("Số hộ", Value("12", 12)),
                    Line("Thay đổi", Value("-3", -3)),
                    Line("+Ghi chú", Value("-1+1")),
                ),
            ),
        ),
    )
    target = tmp_path / "bao-cao.csv"
    assert write_csv(target, report, Translator("vi")) == 3
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][2] == '\'=HYPERLINK("http://x.example","Công an xã")'
    assert rows[4:] == [
        ["'@Dân cư", "Số hộ", "12"],
        ["'@Dân cư", "Thay đổi", "-3"],  # a negative number stays a number
        ["'@Dân cư", "'+Ghi chú", "'-1+1"],
    ]
