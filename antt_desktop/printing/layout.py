"""Page geometry and paragraph styles of the administrative format (Decree 30/2020/NĐ-CP).

A4 portrait with margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman
(or its stand-in, see :mod:`fonts`); body 14 pt, justified, first line indented 1 cm.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable

from antt_desktop.printing.fonts import FontFamily, serif
from antt_desktop.printing.laid import Paragraph


@dataclass(frozen=True)
class Geometry:
    """A page size and its margins, in points."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


PORTRAIT = Geometry(A4[0], A4[1], top=20 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)
#: Landscape A4 for certificates: the text stays inside the decorative frame.
LANDSCAPE = Geometry(A4[1], A4[0], top=32 * mm, bottom=26 * mm, left=36 * mm, right=36 * mm)

BODY_SIZE = 14
TABLE_SIZE = 12


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every document, in the chosen serif."""

    fonts: FontFamily
    body: ParagraphStyle  # 14, justified, first line indented
    plain: ParagraphStyle  # 14, left, no indent
    doc_type: ParagraphStyle  # "BÁO CÁO": 14, bold, centred
    subject: ParagraphStyle  # subject line: 14, bold, centred
    title: ParagraphStyle  # a cover's big title
    heading: ParagraphStyle  # "I. ..." section headings: 14 bold
    centred: ParagraphStyle
    cell: ParagraphStyle  # table cells: 12
    cell_centre: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle  # table header row: 12 bold centred
    sign_title: ParagraphStyle  # signature authority and title: 14 bold upper case
    sign_name: ParagraphStyle  # signer's name: 14 bold
    sign_note: ParagraphStyle  # "(Ký, ghi rõ họ tên)": 13 italic
    recipients_title: ParagraphStyle  # "Nơi nhận:": 12 bold italic
    recipients: ParagraphStyle  # its entries: 11
    note: ParagraphStyle  # small italic remarks: 12


def _style(name: str, font: str, size: float, **kw: object) -> ParagraphStyle:
    kw.setdefault("leading", round(size * 1.25, 1))
    return ParagraphStyle(name, fontName=font, fontSize=size, **kw)


@lru_cache(maxsize=4)
def _styles_for(fonts: FontFamily) -> Styles:
    r, b, i, bi = fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic
    return Styles(
        fonts=fonts,
        body=_style(
            "body", r, BODY_SIZE, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6
        ),
        plain=_style("plain", r, BODY_SIZE, alignment=TA_LEFT, spaceAfter=3),
        doc_type=_style("doc_type", b, BODY_SIZE, alignment=TA_CENTER, spaceBefore=12),
        subject=_style("subject", b, BODY_SIZE, alignment=TA_CENTER, spaceAfter=12),
        title=_style("title", b, 22, alignment=TA_CENTER, leading=30, spaceAfter=8),
        heading=_style("heading", b, BODY_SIZE, alignment=TA_LEFT, spaceBefore=10, spaceAfter=6),
        centred=_style("centred", r, BODY_SIZE, alignment=TA_CENTER),
        cell=_style("cell", r, TABLE_SIZE, alignment=TA_LEFT),
        cell_centre=_style("cell_centre", r, TABLE_SIZE, alignment=TA_CENTER),
        cell_right=_style("cell_right", r, TABLE_SIZE, alignment=TA_RIGHT),
        cell_head=_style("cell_head", b, TABLE_SIZE, alignment=TA_CENTER),
        sign_title=_style("sign_title", b, BODY_SIZE, alignment=TA_CENTER),
        sign_name=_style("sign_name", b, BODY_SIZE, alignment=TA_CENTER),
        sign_note=_style("sign_note", i, 13, alignment=TA_CENTER),
        recipients_title=_style("recipients_title", bi, 12, alignment=TA_LEFT, leading=14),
        recipients=_style("recipients", r, 11, alignment=TA_LEFT, leading=13),
        note=_style("note", i, TABLE_SIZE, alignment=TA_LEFT),
    )


def styles() -> Styles:
    """The styles in the serif found on this computer (registering it on first use)."""
    return _styles_for(serif())


#: A section starts on the next page when less than this is left on the current one.
MIN_START: float = 45 * mm


class SectionStart(CondPageBreak):  # type: ignore[misc]
    """Starts a new page when less than ``height`` is left on this one. The document sets
    ``height`` to what the heading and the start of its section need (see
    :func:`fit_section_starts`)."""


def heading(text: str, st: Styles) -> list[Flowable]:
    """A section heading that never ends a page alone: it moves to the next page, with its
    section, unless the heading and the start of the section (a table's header row and
    first row) fit on this one; the section's table then breaks between rows."""
    return [SectionStart(MIN_START), Paragraph(escape(nfc(text)), st.heading)]


def _start_height(flowable: Flowable, width: float, height: float) -> float:
    """The height of the first part of ``flowable`` that must follow its heading: the
    header row and first row of a table, or the flowable itself (at most MIN_START)."""
    _w, h = flowable.wrap(width, height)
    rows = getattr(flowable, "_rowHeights", None)
    if rows:
        return float(sum(rows[:2]))
    return min(float(h), MIN_START)


def fit_section_starts(story: list[Flowable], geometry: Geometry) -> None:
    """Size each :class:`SectionStart` of ``story`` to its heading and the start of the
    flowable after it, so the heading is never left at the foot of a page."""
    width, height = geometry.frame_width, geometry.frame_height
    for i, item in enumerate(story[:-2]):
        if isinstance(item, SectionStart):
            head, first = story[i + 1], story[i + 2]
            _w, h = head.wrap(width, height)
            need = h + head.getSpaceBefore() + head.getSpaceAfter()
            need += _start_height(first, width, height)
            item.height = min(max(MIN_START, need), height)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fit_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """The largest size from ``size`` down to ``smallest`` (by half points) at which
    ``text`` fits on one line of ``width`` points; ``smallest`` when none does."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return max(size, smallest)


NBSP = "\u00a0"
#: Words that belong together on a title's line (any case): never "trật / tự".
FIXED_PHRASES = (
    "an ninh, trật tự",
    "an ninh trật tự",
    "trật tự, an toàn xã hội",
    "trật tự an toàn xã hội",
    "an ninh Tổ quốc",
    "Công an xã",
    "Công an phường",
    "Công an tỉnh",
    "Công an thành phố",
    "Công an đặc khu",
    "Công an thị trấn",
    "Bộ Công an",
    "Ủy ban nhân dân",
    "hộ gia đình",
    "khu dân cư",
    "bảo đảm",
    "nhật ký",
)
_FIXED = re.compile(
    "|".join(
        [r"\b(?:quý|tháng|năm)\s+(?:[IVX]+/\d{4}|\d{1,2}/\d{4}|\d{4})\b"]
        + [r"\b" + re.escape(p).replace(r"\ ", r"\s+") + r"\b" for p in FIXED_PHRASES]
    ),
    re.IGNORECASE,
)


def keep_phrases(text: str) -> str:
    """``text`` with non-breaking spaces inside the phrases that belong together
    (:data:`FIXED_PHRASES`, "quý IV/2025"), so no line of a title ends inside one."""
    return _FIXED.sub(lambda m: re.sub(r"\s+", NBSP, m.group(0)), nfc(text))


def balanced(text: str, font: str, size: float, width: float) -> str:
    """``text`` as markup on one line when it fits ``width``, else broken into two lines
    of near equal length ("CÔNG AN PHƯỜNG / HOÀN KIẾM", not "... HOÀN / KIẾM"), never
    inside a phrase that belongs together ("an ninh, trật tự")."""
    text = keep_phrases(text)
    if stringWidth(text, font, size) <= width:
        return escape(text)
    words = text.split(" ")
    best: tuple[float, int] | None = None
    for i in range(1, len(words)):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        widths = stringWidth(first, font, size), stringWidth(second, font, size)
        if max(widths) <= width and (best is None or max(widths) < best[0]):
            best = (max(widths), i)
    if best is None:
        return escape(text)  # longer than two lines: let the paragraph wrap it
    i = best[1]
    return f"{escape(' '.join(words[:i]))}<br/>{escape(' '.join(words[i:]))}"


#: The rule under a subject line: a third of its longest line, 0.6 pt, this far below.
SUBJECT_RULE = 0.6
SUBJECT_GAP = 7.0


class Subject(Paragraph):
    """A subject line with the short rule under it that Decree 30 draws (a solid line a
    third of the text's width, centred)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = super().wrap(availWidth, availHeight)
        return w, h + SUBJECT_GAP + SUBJECT_RULE

    def rule_width(self) -> float:
        """A third of the widest line of the subject."""
        spare = [
            float(getattr(line, "extraSpace", None) or (line[0] if isinstance(line, tuple) else 0))
            for line in getattr(self.blPara, "lines", [])
        ]
        return float(max(self.width - min(spare, default=0.0), 0.0) / 3)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canvas, x, y + SUBJECT_GAP + SUBJECT_RULE, _sW)
        half = self.rule_width() / 2
        middle = x + self.width / 2
        canvas.saveState()
        canvas.setLineWidth(SUBJECT_RULE)
        canvas.line(middle - half, y + SUBJECT_RULE / 2, middle + half, y + SUBJECT_RULE / 2)
        canvas.restoreState()


def subject(text: str, st: Styles, width: float) -> Paragraph:
    """A subject line (trích yếu) in bold, centred, broken into two lines of near equal
    length when it does not fit on one, with a short rule under it."""
    return Subject(balanced(text, st.subject.fontName, st.subject.fontSize, width), st.subject)
