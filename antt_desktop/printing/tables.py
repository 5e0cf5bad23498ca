"""Ruled tables whose header row repeats on every page and whose rows are never cut.

A row moves whole to the next page when it does not fit. A single row taller than most of a
page (a very long assessment) is cut beforehand into continuation rows, each short enough
to fit, so the layout never fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus.paragraph import Paragraph as AnyParagraph

from antt_desktop.printing.laid import Paragraph, Table
from antt_desktop.printing.layout import PORTRAIT, Styles, styles
from antt_desktop.printing.text import esc

#: What a cell of :func:`grid` holds: text, a flowable, flowables stacked, or nothing.
Cell: TypeAlias = str | Flowable | list[Flowable] | None
#: A cell laid out for reportlab's Table.
Laid: TypeAlias = Flowable | str | list[Flowable]
PAD = 3  # cell padding, points
DATE_W = 25 * mm  # a column of dates such as 31/12/2026 at 12 pt
#: The tallest row kept whole; a taller one is cut into continuation rows.
MAX_ROW = PORTRAIT.frame_height * 0.8


def table(
    data: Sequence[Sequence[object]],
    widths: Sequence[float],
    commands: Sequence[tuple[object, ...]] = (),
    **options: object,
) -> Table:
    """A reportlab Table in the document's serif (even the font its cells set before any
    text, so no unembedded Helvetica slips into the PDF), laid out by ``commands``."""
    font = styles().fonts.regular
    options.setdefault("hAlign", "LEFT")
    result = Table([list(r) for r in data], colWidths=list(widths), **options)
    result.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 12), *commands]))
    return result


#: Style commands of a layout table: no padding, top aligned.
BARE = (
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
)


def _cell(value: Cell, style: object) -> Laid:
    if value is None:
        return ""
    if isinstance(value, Flowable | list):  # a list: flowables stacked in the cell
        return value
    return Paragraph(esc(value), style)


def _split_tall(
    row: list[Laid],
    widths: Sequence[float],
    carried: Sequence[Cell] = (),
    styles: Sequence[object] = (),
) -> list[list[Laid]]:
    """``row`` as it is, or cut into rows no taller than :data:`MAX_ROW`; a continuation
    row shows ``carried[j]`` (when given, in ``styles[j]``) in column ``j`` instead of
    leaving it empty (laid out only then: most rows are never cut)."""
    parts: list[list[Flowable]] = []
    tall = False
    for cell, width in zip(row, widths, strict=True):
        inner = width - 2 * PAD
        if isinstance(cell, AnyParagraph):
            _w, h = cell.wrap(inner, MAX_ROW * 4)
            if h > MAX_ROW:
                tall = True
                pieces: list[Flowable] = []
                rest: Flowable | None = cell
                while rest is not None:
                    split = rest.split(inner, MAX_ROW)
                    if len(split) < 2:
                        pieces.append(rest)
                        break
                    pieces.append(split[0])
                    rest = split[1]
                parts.append(pieces)
                continue
        parts.append([cell] if isinstance(cell, Flowable) else [])
    if not tall:
        return [row]
    count = max(len(p) for p in parts)
    rows: list[list[Laid]] = []
    for i in range(count):
        rows.append(
            [
                (p[i] if i < len(p) else "")
                if len(p) > 1
                else (row[j] if i == 0 else _carried(carried, styles, j))
                for j, p in enumerate(parts)
            ]
        )
    return rows


def _carried(carried: Sequence[Cell], styles: Sequence[object], column: int) -> Laid:
    cell = carried[column] if column < len(carried) else None
    return "" if cell is None else _cell(cell, styles[column])


def grid(
    head: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    st: Styles,
    *,
    aligns: Sequence[str] | None = None,
    bold_last: bool = False,
    continuation: Sequence[Sequence[Cell]] | None = None,
) -> Table:
    """A ruled table: a bold header row repeated on each page, then ``rows``.

    Args:
        head: the column titles.
        rows: cells as text (escaped here) or flowables.
        widths: column widths in points (they should add up to the frame width).
        st: the styles.
        aligns: per column "left", "centre" or "right" (default: left).
        bold_last: print the last row in bold (a total).
        continuation: per row, what its continuation rows show in the columns that are
            not cut (None: nothing) when a row too tall for a page is cut, such as
            "Tháng 07/2026 (tiếp)", so a reader of the next page still sees which period
            the text belongs to.
    """
    styles = {"left": st.cell, "centre": st.cell_centre, "right": st.cell_right}
    col_styles = [styles[a] for a in (aligns or ["left"] * len(head))]
    data: list[list[Laid]] = [[Paragraph(esc(h), st.cell_head) for h in head]]
    for n, row in enumerate(rows):
        last = bold_last and n == len(rows) - 1
        cells = [
            Paragraph(f"<b>{esc(v)}</b>", s) if last and isinstance(v, str) else _cell(v, s)
            for v, s in zip(row, col_styles, strict=True)
        ]
        carried = continuation[n] if continuation else ()
        data.extend(_split_tall(cells, widths, carried, col_styles))
    return table(
        data,
        widths,
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD + 1),
        ],
        repeatRows=1,
        splitByRow=1,
    )


def facts(rows: Sequence[tuple[str, str | None]], st: Styles, widths: Sequence[float]) -> Table:
    """Borderless "label: value" lines (value in bold), for identity and dossier details."""
    data = [
        [Paragraph(esc(f"{label}:"), st.plain), Paragraph(f"<b>{esc(value)}</b>", st.plain)]
        for label, value in rows
    ]
    return table(
        data,
        widths,
        [*BARE, ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)],
    )
