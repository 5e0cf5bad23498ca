"""The figures of a report as one CSV table (section, figure, value) that Excel opens.

UTF-8 with a byte order mark, so Excel on Windows reads the Vietnamese letters; counts are
written as plain whole numbers (no thousands separator, whatever Excel's locale), rates and
changes as the report words them (``2/21 = 9,5%``, ``giảm 42,9% (4/7)``). A text that a
spreadsheet would run as a formula (a unit named ``=HYPERLINK(...)``) is written with a
leading apostrophe (``domain.formula_guard``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from antt_desktop.domain.formula_guard import neutralise
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report import Report, Value

HEADERS = (N_("Section"), N_("Figure"), N_("Value"))


def _cell(value: Value) -> str | int:
    return value.number if value.number is not None else value.text


def rows(report: Report, tr: Translator) -> Iterator[tuple[str, str, str | int]]:
    """Every figure of ``report`` as (section, figure, value), in the report's order."""
    for section in report.sections:
        for line in section.lines:
            name = f"{line.group} — {line.label}" if line.group else line.label
            yield section.title, name, _cell(line.value)
        if section.table is not None:
            headers = section.table.headers
            for cells in section.table.rows:
                for header, cell in zip(headers[1:], cells[1:], strict=True):
                    yield section.title, f"{cells[0].text} — {header}", _cell(cell)


def write_csv(path: Path | str, report: Report, tr: Translator) -> int:
    """Write the figures table to ``path``; returns the number of figures written."""
    general = tr(N_("General information"))
    head: list[tuple[object, ...]] = [
        tuple(tr(h) for h in HEADERS),
        (general, tr(N_("Unit")), report.unit),
        (general, tr(N_("Reporting period")), report.period),
        (general, tr(N_("Figures as of")), report.as_of),
    ]
    figures = list(rows(report, tr))
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        for row in [*head, *figures]:
            writer.writerow([neutralise(v) for v in row])
    return len(figures)
