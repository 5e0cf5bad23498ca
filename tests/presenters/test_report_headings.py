"""The report's items stand under their own heading: the equipment of the initiatives
(cameras, loudspeakers) under "Trang bị, phương tiện", not under "Tổng kinh phí"; the
funding sources under the funding; the weapons collected under theirs."""

from __future__ import annotations

from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.report import build_report
from antt_desktop.services.report_rows import catalogue_names
from tests.services.test_stats import OCT, compute, movement  # noqa: F401 - the fixture

VI = Translator("vi")


def _groups(report, key: str) -> dict[str, list[str]]:
    """Level-1 label → the labels of the details under it, in the section ``key``."""
    [section] = [s for s in report.sections if s.key == key]
    groups: dict[str, list[str]] = {}
    for line in section.lines:
        if line.level == 1:
            groups[line.label] = []
        else:
            groups[line.group].append(line.label)
    return groups


def test_equipment_stands_under_its_own_heading(movement, read) -> None:  # noqa: F811
    st = compute(read, OCT)
    with read() as ctx:
        names = catalogue_names(ctx)
    report = build_report(st, names, VI)
    groups = _groups(report, "initiatives")
    assert groups["Trang bị, phương tiện"] == ["Camera"]
    assert "Camera" not in groups["Tổng kinh phí"]
    assert set(groups["Tổng kinh phí"]) == {"Ngân sách nhà nước", "Xã hội hóa"}
    [heading] = [
        line for s in report.sections for line in s.lines if line.label == "Trang bị, phương tiện"
    ]
    assert heading.value.text == ""  # unlike things: no sum
