"""The booklet is laid out faster (issue #12, item 6) and prints the same: the paragraphs and
tables that keep their layout (:mod:`antt_desktop.printing.laid`) put every piece of text
where reportlab's own would, and a wrap at another width is never answered from the old one.
The figures come from ``python -m tests.benchmarks.printing``."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as PlainParagraph
from reportlab.platypus import Table as PlainTable

from antt_desktop.printing import laid
from antt_desktop.printing.booklet import booklet
from antt_desktop.printing.layout import styles
from antt_desktop.printing.text import PrintOptions
from tests.conftest import TODAY

TEXTS = [
    "Chấp hành tốt nghĩa vụ, có mặt đầy đủ khi được triệu tập, làm việc ổn định tại xưởng.",
    "30/11/2025",
    "  hai  khoảng trắng\nvà xuống dòng  ",  # the parser folds these: so must we
    "<i>Biện pháp tiếp theo:</i> tiếp tục theo dõi &amp; giúp đỡ",
    "Thượng úy Lê Văn Công",
]


def _drawn(paragraph: Any, widths: list[float]) -> list[object]:
    """What the paragraph draws at the last of ``widths`` after wrapping at each in turn."""
    canvas = Canvas("unused.pdf")
    for width in widths:
        size = paragraph.wrap(width, 800)
    paragraph.drawOn(canvas, 10, 10)
    return [size, *canvas._code]


@pytest.mark.parametrize("text", TEXTS)
def test_a_kept_paragraph_draws_as_reportlabs_own(text: str) -> None:
    st = styles()
    for style in (st.cell, st.cell_centre, st.body):
        plain = _drawn(PlainParagraph(text, style), [120])
        assert _drawn(laid.Paragraph(text, style), [120]) == plain
        # a wrap at another width in between: laid out again, then for 120 again
        assert _drawn(laid.Paragraph(text, style), [120, 300, 120]) == plain
        assert _drawn(laid.Paragraph(text, style), [120, 300]) == _drawn(
            PlainParagraph(text, style), [300]
        )


def test_a_kept_table_measures_again_after_a_new_style_or_width() -> None:
    st = styles()
    rows = [[laid.Paragraph(t, st.cell) for t in TEXTS[:2]], [TEXTS[4], TEXTS[1]]]
    table = laid.Table(rows, colWidths=[90, 60])
    plain = PlainTable(rows, colWidths=[90, 60])
    assert table.wrap(400, 800) == plain.wrap(400, 800)
    assert table.wrap(400, 100) == plain.wrap(400, 100)  # rows do not depend on the height
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 20)])
    plain.setStyle([("TOPPADDING", (0, 0), (-1, -1), 20)])
    assert table.wrap(400, 800) == plain.wrap(400, 800)
    assert table._rowHeights == plain._rowHeights


def _runs(data: bytes, pdf: Any) -> list[list[tuple[str, float, float, str]]]:
    printed = pdf(data)
    return [
        [(r.text, round(r.x, 2), round(r.y, 2), r.font) for r in printed.runs(page)]
        for page in range(printed.pages)
    ]


def test_the_booklet_prints_every_text_where_reportlab_alone_would(
    post: dict[str, str], read: Any, pdf: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = PrintOptions(signer_name="Đại úy Hoàng Minh Tuấn")
    with read() as ctx:
        fast = booklet(ctx.session, post["dossier"], today=TODAY, options=options)
        for name in ("__init__", "wrap"):  # the kept layouts turned off
            monkeypatch.setattr(laid.Paragraph, name, getattr(PlainParagraph, name))
        for name in ("_calc", "setStyle"):
            monkeypatch.setattr(laid.Table, name, getattr(PlainTable, name))
        slow = booklet(ctx.session, post["dossier"], today=TODAY, options=options)
    assert fast.pages == slow.pages
    assert _runs(fast.pdf, pdf) == _runs(slow.pdf, pdf)
