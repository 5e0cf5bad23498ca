"""A :class:`~antt_desktop.presenters.report.Report` as the HTML a ``QTextBrowser`` shows:
the heading of an administrative report, then numbered sections of ruled tables. The words
and their order are the presenter's; only the layout is decided here.

Only the HTML subset Qt's rich text engine understands (tables with cell padding, inline
styles, no CSS layout).
"""

from __future__ import annotations

from html import escape

from antt_desktop.presenters.report import Line, Report, Section, Table
from antt_desktop.presenters.report_document import ReportDocument

INK = "#1f2a37"
RULE = "#9aa5b1"
HEAD_BG = "#e8eef5"
SECTION_INK = "#0b3d6e"

_TABLE = (
    f'<table width="100%" cellspacing="0" cellpadding="5" border="1" '
    f'style="border-collapse: collapse; border-color: {RULE}; margin-bottom: 10px;">'
)


def _head_row(cells: tuple[str, ...], first_width: str = "") -> str:
    parts = []
    for i, text in enumerate(cells):
        width = f' width="{first_width}"' if i == 0 and first_width else ""
        align = "left" if i == 0 else "right"
        parts.append(
            f'<th{width} align="{align}" bgcolor="{HEAD_BG}" style="font-weight: 600;">'
            f"{escape(text)}</th>"
        )
    return "<tr>" + "".join(parts) + "</tr>"


def _line_row(line: Line) -> str:
    if line.level > 1:
        name = (
            f'<span style="color: #3e4c59;">&nbsp;&nbsp;&nbsp;&nbsp;– {escape(line.label)}</span>'
        )
        value = f'<span style="color: #3e4c59;">{escape(line.value.text)}</span>'
    elif not line.value.text:  # a heading of the lines below it (equipment)
        name, value = f"<b>{escape(line.label)}</b>", ""
    else:
        name, value = escape(line.label), f"<b>{escape(line.value.text)}</b>"
    return f'<tr><td>{name}</td><td align="right">{value}</td></tr>'


def _lines(section: Section, headers: tuple[str, str]) -> str:
    rows = [_head_row(headers, "68%")]
    rows.extend(_line_row(line) for line in section.lines)
    return _TABLE + "".join(rows) + "</table>"


def _table(table: Table) -> str:
    rows = [_head_row(table.headers)]
    for cells in table.rows:
        tds = [
            f'<td align="{"left" if i == 0 else "right"}">{escape(cell.text)}</td>'
            for i, cell in enumerate(cells)
        ]
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return _TABLE + "".join(rows) + "</table>"


def _title(report: Report) -> list[str]:
    return [
        f'<html><body style="color: {INK};">',
        f'<p align="center" style="font-size: 15pt; font-weight: 700; margin-bottom: 2px;">'
        f"{escape(report.title)}</p>",
        '<p align="center" style="font-size: 11pt; margin-top: 0px;">'
        + " &nbsp;·&nbsp; ".join(escape(fact) for fact in report.facts[:2])
        + "</p>",
        '<p align="center" style="font-style: italic; color: #52606d; margin-top: 0px;">'
        + escape(report.facts[2])
        + "</p>",
    ]


def _figures(section: Section, report: Report) -> list[str]:
    out = []
    if section.lines:
        out.append(_lines(section, report.line_headers))
    if section.table is not None:
        out.append(_table(section.table))
    return out


def _part_heading(text: str) -> str:
    return (
        f'<p style="font-size: 11pt; font-weight: 700; color: {SECTION_INK}; '
        f'margin-top: 14px; margin-bottom: 4px;">{escape(text)}</p>'
    )


def render_document_html(doc: ReportDocument, blank: str) -> str:
    """The report as it prints (the heading and the signature aside): the opening sentence,
    parts I–V with the chief's texts and the figures numbered under part II, the closing
    sentence. A part not written shows ``blank`` (the printed report leaves dotted lines)."""
    report = doc.report
    out = [f'<html><body style="color: {INK};">', *_title(report)]
    out.append(f'<p style="margin-top: 10px;">{escape(doc.intro)}</p>')
    for part in doc.parts:
        out.append(_part_heading(part.heading))
        out += [f'<p style="margin-top: 2px;">{escape(p)}</p>' for p in part.paragraphs]
        if part.blank:
            out.append(f'<p style="color: #7b8794; font-style: italic;">{escape(blank)}</p>')
        for title, section in part.figures:
            out.append(
                f'<p style="font-weight: 600; margin-top: 8px; margin-bottom: 4px;">'
                f"{escape(title)}</p>"
            )
            out += _figures(section, report)
    out.append(f'<p style="margin-top: 12px;">{escape(doc.closing)}</p>')
    out.append("</body></html>")
    return "\n".join(out)
