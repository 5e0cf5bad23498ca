"""The household pledge form (bản cam kết của hộ gia đình) for a year, one household or a
whole residential area (one PDF, one form per page, each numbered on its own).

The pledge is the household's own paper, not a document the post issues: it carries the
national motto only (no letterhead), names the household and lists its members, then the
pledge items, and ends with the head's signature beside the confirmation of the head of the
residential area (trưởng thôn, tổ trưởng tổ dân phố). A form of up to eight members fits
on one A4 page; a larger household runs on, its signatures kept with the closing lines.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from sqlalchemy.orm import Session

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.text import fold
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.document import Printed, Progress, build, check
from antt_desktop.printing.layout import PORTRAIT, Styles, fit_size, styles
from antt_desktop.printing.pages import DocumentStart
from antt_desktop.printing.person_facts import household_address
from antt_desktop.printing.records import (
    HouseholdLine,
    households_of_area,
    live,
    pledges_for,
    unit_of,
)
from antt_desktop.printing.signature import Signer, sign_hint, signature
from antt_desktop.printing.tables import BARE, Cell, grid, table
from antt_desktop.printing.text import PrintOptions, esc, place_date, upper
from antt_desktop.services import catalogues, memberships
from antt_desktop.services.memberships import HEAD_RELATION
from antt_desktop.store.models import Area, Household, Person, Pledge, Unit

W = PORTRAIT.frame_width
ROOM = 15 * mm  # room for a signature: a little less than usual, so a form fits a page
BLANK_ROWS = 3  # rows left to fill by hand when no member is recorded
DOTS = "…" * 12  # a value left to fill by hand

#: The word of each kind of residential area, put before a name that does not start with it
#: ("Đồng Tâm" of kind thôn is "Thôn Đồng Tâm"); the Vietnamese word is what a recorded
#: name starts with, whatever the language of the print.
_KIND_WORDS = {
    "thon": ("thôn", N_("village {name}")),
    "xom": ("xóm", N_("hamlet {name}")),
    "ban": ("bản", N_("mountain village {name}")),
    "ap": ("ấp", N_("hamlet (ấp) {name}")),
    "to_dan_pho": ("tổ dân phố", N_("residential group {name}")),
    "khu_pho": ("khu phố", N_("quarter {name}")),
}


@lru_cache(maxsize=4)
def _item_style(st: Styles) -> ParagraphStyle:
    """The form's text: 13 pt (the low end of Decree 30's body sizes) and tight, so a form
    fits on one page."""
    return ParagraphStyle("item", parent=st.body, fontSize=13, leading=15, spaceAfter=1)


@lru_cache(maxsize=4)
def _compact(st: Styles) -> Styles:
    """The styles with the title closer to the motto and tighter table cells (12 pt on
    14 pt lines), so eight members, the items and the signatures share one page."""
    return replace(
        st,
        doc_type=ParagraphStyle("pledge_type", parent=st.doc_type, spaceBefore=4),
        subject=ParagraphStyle("pledge_subject", parent=st.subject, spaceAfter=5),
        cell=ParagraphStyle("pledge_cell", parent=st.cell, leading=14),
        cell_centre=ParagraphStyle("pledge_cell_centre", parent=st.cell_centre, leading=14),
        cell_head=ParagraphStyle("pledge_cell_head", parent=st.cell_head, leading=14),
        # three signatures share the width: titles and names 11.5 pt, hints 11 pt
        sign_title=ParagraphStyle("pledge_sign", parent=st.sign_title, fontSize=11.5, leading=13.5),
        sign_name=ParagraphStyle("pledge_name", parent=st.sign_name, fontSize=11.5, leading=13.5),
        sign_note=ParagraphStyle("pledge_note", parent=st.sign_note, fontSize=11, leading=13),
    )


@lru_cache(maxsize=4)
def _line_style(st: Styles) -> ParagraphStyle:
    """A "label: value" line of the household's particulars."""
    return ParagraphStyle("line", parent=st.plain, fontSize=13, leading=16, spaceAfter=1)


def _motto(tr: Translator, st: Styles) -> list[Flowable]:
    """The national title and motto centred with the rule under the motto, and no issuing
    body beside them: the household, not the post, makes this pledge."""
    bold = st.fonts.bold
    national = tr(N_("SOCIALIST REPUBLIC OF VIET NAM"))
    motto = tr(N_("Independence - Freedom - Happiness"))
    motto_size = fit_size(motto, bold, 14, W, 12)

    def centred(name: str, size: float) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=bold, fontSize=size, leading=size * 1.2, alignment=TA_CENTER
        )

    return [
        Paragraph(esc(national), centred("national", fit_size(national, bold, 13, W, 11))),
        Paragraph(esc(motto), centred("motto", motto_size)),
        HRFlowable(
            width=stringWidth(motto, bold, motto_size),
            thickness=0.6,
            color=colors.black,
            hAlign="CENTER",
            spaceBefore=3,
            spaceAfter=2,
        ),
    ]


def area_title(area: Area | None, tr: Translator) -> str | None:
    """The area as its head's title names it: its name, after the word of its kind when
    the name does not already start with it ("Thôn Đồng Tâm", "Tổ dân phố số 5")."""
    if area is None or area.deleted:
        return None
    word, pattern = _KIND_WORDS.get(area.kind, ("", ""))
    if not pattern or fold(area.name).startswith(fold(word)):
        return area.name
    return tr(pattern).format(name=area.name)


def _particulars(
    h: Household, head_name: str | None, address: str, members: int, tr: Translator, st: Styles
) -> Table:
    """The head and the household number on a line, the address with its area and the
    number of members under them; what is not recorded is dotted, to fill by hand."""

    def line(label: str, value: str | None, blank: str = DOTS) -> Paragraph:
        shown = f"<b>{esc(value)}</b>" if value else blank
        return Paragraph(f"{esc(label)}: {shown}", _line_style(st))

    head = upper(head_name) if head_name else None
    count = str(members) if members else None
    rows = [
        [
            line(tr(N_("Full name of the head of household")), head),
            line(tr(N_("Household number")), h.number),
        ],
        [
            line(tr(N_("Address")), address or None),
            line(tr(N_("Number of household members")), count, DOTS[:4]),
        ],
    ]
    return table(
        rows,
        [W * 0.7, W * 0.3],
        [*BARE, ("BOTTOMPADDING", (0, 0), (-1, -1), 1)],
    )


def _members(people: list[Person], head_id: str | None, tr: Translator, st: Styles) -> Table:
    """The table of members, the head first; blank rows to fill by hand when none is
    recorded."""
    rows: list[list[Cell]] = []
    for n, p in enumerate(people, 1):
        born = str(PartialDate.from_iso(p.born).year) if p.born else None
        relation = p.relation_to_head or (HEAD_RELATION if p.id == head_id else None)
        rows.append([str(n), p.full_name, born, relation])
    head = [
        tr(N_("No.")),
        tr(N_("Full name")),
        tr(N_("Year of birth")),
        tr(N_("Relation to the head")),
    ]
    widths = [12 * mm, W - 12 * mm - 27 * mm - 48 * mm, 27 * mm, 48 * mm]
    # a blank row as tall as a handwritten line
    blank: list[Cell] = [Spacer(1, 6 * mm), None, None, None]
    members = grid(
        head,
        rows or [blank] * BLANK_ROWS,
        widths,
        st,
        aligns=["centre", "left", "centre", "left"],
    )
    members.setStyle(
        [("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    )
    return members


def _feet(
    pledge: Pledge | None,
    head_name: str | None,
    area: str | None,
    unit: Unit,
    year: int,
    tr: Translator,
    st: Styles,
) -> Table:
    """Three signatures side by side, starting level: the confirmation of the head of the
    residential area (left, name left to the pen), the officer of the post who received the
    pledge (middle, named when the pledge records one) and the head of the household (right,
    under the date line)."""
    if area:
        village = tr(N_("HEAD OF {area}")).format(area=upper(area))
    else:
        village = tr(N_("HEAD OF THE RESIDENTIAL AREA"))
    # "XÁC NHẬN CỦA" over "TRƯỞNG THÔN ĐỒNG TÂM": the title is never cut inside the name
    left = signature(
        Signer(village, authority=tr(N_("CONFIRMATION BY")), note=sign_hint(tr)), st, room=0
    )
    officer = Signer(
        tr(N_("RECEIVING OFFICER")),
        pledge.officer_name if pledge is not None else None,
        note=sign_hint(tr),
    )
    head = Signer(
        tr(N_("HEAD OF HOUSEHOLD")),
        (pledge.signer_name if pledge is not None else None) or head_name,
        note=sign_hint(tr),
    )
    day = pledge.signed_on if pledge is not None else None
    widths = [W * 0.37, W * 0.33, W * 0.3]
    date_line = place_date(unit.place_name, day, tr, year)
    size = fit_size(date_line, st.fonts.italic, 13, W * 0.64, 10)
    dated = ParagraphStyle("date", parent=st.centred, fontName=st.fonts.italic, fontSize=size)
    rows = [
        ["", Paragraph(esc(date_line), dated), ""],
        [left, signature(officer, st, room=ROOM), signature(head, st, room=ROOM)],
    ]
    return table(
        rows,
        widths,
        [
            *BARE,
            ("SPAN", (1, 0), (2, 0)),  # the date line over the two signatures of the day
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
    )


def _form(
    session: Session,
    line: HouseholdLine,
    pledge: Pledge | None,
    year: int,
    unit: Unit,
    template: list[str],
    o: PrintOptions,
    st: Styles,
) -> list[Flowable]:
    tr = o.tr
    h = line.household
    area = area_title(session.get(Area, h.area_id) if h.area_id else None, tr)
    people = memberships.members(session, h.id)
    items = list(pledge.items) if pledge is not None and pledge.items else template
    # broken where the sense breaks: the movement, then the cultured family and the year
    subject = [
        tr(N_("Carrying out the movement All people protect national security")),
        tr(N_("and building a cultured family in {year}")).format(year=year),
    ]
    body: list[Flowable] = [
        *_motto(tr, st),
        Paragraph(esc(tr(N_("PLEDGE OF THE HOUSEHOLD"))), st.doc_type),
        Paragraph("<br/>".join(esc(part) for part in subject), st.subject),
        _particulars(h, line.head_name, household_address(session, h), len(people), tr, st),
        Spacer(1, 1.5 * mm),
        _members(people, h.head_person_id, tr, st),
        Spacer(1, 1.5 * mm),
        Paragraph(
            esc(
                tr(
                    N_(
                        "Having been informed of the policies of the Party, the laws of the"
                        " State and the rules of the locality, our household pledges to do"
                        " the following:"
                    )
                )
            ),
            _item_style(st),
        ),
    ]
    lines = [Paragraph(esc(f"{i}. {item}"), _item_style(st)) for i, item in enumerate(items, 1)]
    closing = Paragraph(
        esc(
            tr(
                N_(
                    "If we break this pledge, our household takes full responsibility"
                    " before the law and accepts the measures of the local authorities."
                )
            )
        ),
        _item_style(st),
    )
    feet = _feet(pledge, line.head_name, area, unit, year, tr, st)
    # the signatures never stand alone on a page: the last item and the closing go with them
    last = KeepTogether([*lines[-1:], closing, Spacer(1, 2 * mm), feet])
    return [*body, *lines[:-1], last]


def _render(
    session: Session,
    lines: list[HouseholdLine],
    year: int,
    unit: Unit,
    o: PrintOptions,
    title: str,
    progress: Progress | None = None,
) -> Printed:
    st = _compact(styles())
    _version, template = catalogues.pledge_template()
    pledges = pledges_for(session, (line.household.id for line in lines), year)
    story: list[Flowable] = []
    for i, line in enumerate(lines):
        check(progress, 0, len(lines))  # composing the forms: Cancel is heard here too
        if i:
            story.append(PageBreak())
        story.append(DocumentStart())
        pledge = pledges.get(line.household.id)
        story += _form(session, line, pledge, year, unit, template, o, st)
    return build(story, title=title, author=unit.name, progress=progress)


def pledge_form(
    session: Session,
    household_id: str,
    year: int,
    *,
    today: date,
    options: PrintOptions | None = None,
) -> Printed:
    """The pledge form of one household for ``year``, filled from its pledge when recorded
    (items, date, signer), else from the current template with blanks to fill.

    Raises:
        NotFound: when the household does not exist.
    """
    o = options or PrintOptions()
    h = live(session, Household, household_id, "household")
    head = session.get(Person, h.head_person_id) if h.head_person_id else None
    name = head.full_name if head is not None and not head.deleted else None
    title = _title(o.tr, year, h.number)
    return _render(session, [HouseholdLine(h, name)], year, unit_of(session, h.unit_id), o, title)


def pledge_forms_for_area(
    session: Session,
    area_id: str,
    year: int,
    *,
    today: date,
    options: PrintOptions | None = None,
    progress: Progress | None = None,
) -> Printed:
    """A pledge form for every live household of an area, by household number;
    ``progress`` hears of each form as it is laid out.

    Raises:
        PrintCancelled: ``progress`` returned False.
        NotFound: when the area does not exist.
        ValidationFailed: field ``area``, code ``print.area_empty`` when it has no household.
    """
    o = options or PrintOptions()
    area = live(session, Area, area_id, "area")
    lines = households_of_area(session, area.id)
    if not lines:
        raise ValidationFailed.single("area", "print.area_empty", value=area.name)
    title = _title(o.tr, year, area.name)
    return _render(session, lines, year, unit_of(session, area.unit_id), o, title, progress)


def _title(tr: Translator, year: int, what: str) -> str:
    return tr(N_("Household pledges {year}: {what}")).format(year=year, what=what)
