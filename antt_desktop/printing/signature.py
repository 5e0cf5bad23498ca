"""Signature blocks and the "Nơi nhận:" list at the foot of a document.

A signature block is the authority and title in bold capitals, room for the signature and the
seal, then the signer's name in bold. "Nơi nhận:" (12, bold italic) with its entries (11)
sits on the left, level with the signature on the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)
from sqlalchemy.orm import Session

from antt_desktop.domain.text import fold
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.laid import Paragraph
from antt_desktop.printing.layout import Styles, fit_size, styles
from antt_desktop.printing.pages import DocumentStart
from antt_desktop.printing.tables import BARE, table
from antt_desktop.printing.text import PrintOptions, chief_title, deputy_title, esc, upper
from antt_desktop.services import accounts
from antt_desktop.store.models import Unit

ROOM = 26 * mm  # room for a signature and the round seal


@dataclass(frozen=True)
class Signer:
    """One signature block.

    Attributes:
        title: the signing title ("TRƯỞNG CÔNG AN XÃ", "CHỦ HỘ").
        name: the signer's name, printed in bold under the room; None leaves it to the pen.
        authority: a line above the title ("TM. ỦY BAN NHÂN DÂN", "KT. TRƯỞNG CÔNG AN").
        date_line: a place and date line in italics above everything.
        note: a hint under the title, e.g. "(Ký, ghi rõ họ tên)".
    """

    title: str
    name: str | None = None
    authority: str | None = None
    date_line: str | None = None
    note: str | None = None


def signature(signer: Signer, st: Styles, *, room: float = ROOM) -> list[Flowable]:
    """The flowables of one signature block, centred in its column, with ``room`` points
    between the title and the name."""
    out: list[Flowable] = []
    if signer.date_line:
        out.append(Paragraph(f"<i>{esc(signer.date_line)}</i>", st.centred))
    if signer.authority:
        out.append(Paragraph(esc(upper(signer.authority)), st.sign_title))
    out.append(Paragraph(esc(upper(signer.title)), st.sign_title))
    if signer.note:
        out.append(Paragraph(esc(signer.note), st.sign_note))
    out.append(Spacer(1, room))
    if signer.name:
        out.append(Paragraph(esc(signer.name), st.sign_name))
    return out


#: Ranks of the People's Public Security (cấp bậc): printed before the name, not as the
#: signing title ("TRƯỞNG CÔNG AN XÃ" / … / "Thượng úy Hoàng Minh Tuấn").
RANKS = tuple(
    fold(f"{grade} {level}")
    for level in ("úy", "tá", "tướng")
    for grade in ("thiếu", "trung", "thượng", "đại")
)


def is_rank(title: str) -> bool:
    """ "Thượng úy", "đại tá" (any case, accents optional) are ranks; "Trưởng Công an xã"
    is a position."""
    return fold(title).strip() in RANKS


def chief_signer(
    session: Session, unit: Unit, options: PrintOptions, tr: Translator, note: str | None = None
) -> Signer:
    """The signature block of ``unit``'s chief: the title by the unit's kind ("TRƯỞNG CÔNG
    AN XÃ", "GIÁM ĐỐC" of a provincial police), under "KT. …" for a deputy (an account
    whose title is "Phó …"), then the full name, after the rank when the title is one. A
    name typed when printing wins; with no full name recorded the name is left to the pen
    (an account name is never printed)."""
    chief = accounts.chief(session, unit.id)
    title, authority = chief_title(unit, tr), None
    name = options.signer_name
    if chief is not None and chief.title and is_deputy(chief.title):
        authority, title = deputy_title(unit, tr)
    if not name and chief is not None and chief.named:
        rank = chief.title if chief.title and is_rank(chief.title) else None
        name = f"{rank} {chief.full_name}" if rank else chief.full_name
    return Signer(title, name, authority=authority, note=note)


def is_deputy(title: str) -> bool:
    """ "Phó Trưởng Công an xã", "phó giám đốc": a deputy, who signs for the chief
    ("KT. TRƯỞNG CÔNG AN XÃ" over "PHÓ TRƯỞNG CÔNG AN XÃ")."""
    return fold(title).strip().startswith("pho ")


def sign_hint(tr: Translator) -> str:
    """``(Ký, ghi rõ họ tên)``."""
    return tr(N_("(Sign and write the full name)"))


def seal_hint(tr: Translator) -> str:
    """``(Ký tên, đóng dấu)``, under the title of a chief who seals."""
    return tr(N_("(Sign and seal)"))


def recipients(entries: Sequence[str], tr: Translator, st: Styles) -> list[Flowable]:
    """ "Nơi nhận:" and its entries, each "- entry;" and the last "- Lưu: VT."."""
    out: list[Flowable] = [Paragraph(esc(tr(N_("Recipients:"))), st.recipients_title)]
    lines = [*entries, tr(N_("Archive: office records"))]
    for i, entry in enumerate(lines):
        end = "." if i == len(lines) - 1 else ";"
        out.append(Paragraph(esc(f"- {entry.rstrip(';.')}{end}"), st.recipients))
    return out


def signature_row(
    left: list[Flowable] | None,
    right: list[Flowable],
    width: float,
    *,
    left_share: float = 0.45,
    date_line: str | None = None,
) -> Table:
    """Two columns at the foot of a document: ``left`` (recipients, or a second signature)
    and ``right`` (the signature of the issuer), kept on one page. A ``date_line`` goes in
    italics above the right column, so two signatures still start level."""
    st = styles()
    left_w = width * left_share
    rows: list[list[object]] = [[left or [], right]]
    if date_line:
        size = fit_size(date_line, st.fonts.italic, 14, width - left_w, 11)
        style = ParagraphStyle("date", parent=st.centred, fontName=st.fonts.italic, fontSize=size)
        rows.insert(0, ["", Paragraph(esc(date_line), style)])
    return table(
        rows,
        [left_w, width - left_w],
        [*BARE, ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)],
    )


#: How much of the body's end goes over to the page of the signature: about two lines of
#: text, or the last rows of a table.
CARRY = 36.0


def _is_heading(flowable: Flowable) -> bool:
    style = getattr(flowable, "style", None)
    return isinstance(flowable, CondPageBreak) or getattr(style, "name", "") == "heading"


class SignOff(KeepTogether):  # type: ignore[misc]
    """The end of the body, then "Nơi nhận:" and the signature: laid out as they come when
    they fit, else the body is split so that its last lines (at least :data:`CARRY`) go to
    the next page with the signature, which is never alone on a page (nor a heading left
    at the foot of the page before it)."""

    def __init__(self, tail: list[Flowable], foot: list[Flowable]) -> None:
        super().__init__([*tail, *foot])
        self._tail, self._foot = list(tail), list(foot)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if aH >= self._H:
            return list(self._content)
        tail_h = sum(f.wrapOn(self.canv, aW, 0xFFFFFF)[1] for f in self._tail)
        room = min(aH, tail_h - CARRY)
        first: list[Flowable] = []
        rest = list(self._tail)
        used = 0.0
        while rest and room > used:
            f = rest[0]
            space = f.getSpaceBefore() if first else 0.0
            _w, h = f.wrapOn(self.canv, aW, room - used - space)
            if used + space + h <= room:
                first.append(rest.pop(0))
                used += space + h + f.getSpaceAfter()
                continue
            parts = f.splitOn(self.canv, aW, room - used - space)
            if len(parts) >= 2:
                first.append(parts[0])
                rest[0:1] = parts[1:]
            break
        while first and _is_heading(first[-1]):
            rest.insert(0, first.pop())
        if not first:
            frame = getattr(self, "_frame", None)
            if frame is not None and not getattr(frame, "_atTop", False):
                return [self.FrameBreak(), self]  # all of it to the next page, still kept
            return list(super().split(aW, aH))
        return [*first, SignOff(rest, self._foot)]


def sign_off(story: list[Flowable], foot: list[Flowable], *, keep: int = 3) -> list[Flowable]:
    """``story`` and its ``foot`` (the signature row, "Nơi nhận:") with the end of the
    story kept with the foot: the flowables after its last section heading (at most
    ``keep`` of them when it has none) travel with the signature."""
    start = max(len(story) - keep, 0)
    for i in range(len(story) - 1, -1, -1):
        if isinstance(story[i], (CondPageBreak, PageBreak, DocumentStart)):
            start = i + 1
            break
    return [*story[:start], SignOff(story[start:], foot)]
