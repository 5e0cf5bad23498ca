"""The household pledge form (bản cam kết của hộ gia đình) for a year, one household or a
whole residential area (one PDF, one form per page, each numbered on its own)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.document import Printed, Progress, build, check
from antt_desktop.printing.header import header, heading_of
from antt_desktop.printing.layout import PORTRAIT, Styles, styles, subject
from antt_desktop.printing.pages import DocumentStart
from antt_desktop.printing.person_facts import household_address
from antt_desktop.printing.records import (
    HouseholdLine,
    households_of_area,
    live,
    pledges_for,
    unit_of,
)
from antt_desktop.printing.signature import Signer, sign_hint, signature, signature_row
from antt_desktop.printing.tables import facts
from antt_desktop.printing.text import PrintOptions, esc, upper
from antt_desktop.services import catalogues
from antt_desktop.store.models import Area, Household, Person, Pledge, Unit

W = PORTRAIT.frame_width


@lru_cache(maxsize=4)
def _item_style(st: Styles) -> ParagraphStyle:
    """The form's text: 13 pt (the low end of Decree 30's body sizes) and tight, so a form
    fits on one page."""
    return ParagraphStyle("item", parent=st.body, fontSize=13, leading=15.6, spaceAfter=2)


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
    day = pledge.signed_on if pledge is not None else None
    items = list(pledge.items) if pledge is not None and pledge.items else template
    rows = [
        (tr(N_("Head of household")), upper(line.head_name) if line.head_name else None),
        (tr(N_("Household number")), h.number),
        (tr(N_("Address")), household_address(session, h)),
    ]
    body: list[Flowable] = [
        header(heading_of(unit, day=day, year=year), tr, st, W),
        Paragraph(esc(tr(N_("PLEDGE"))), st.doc_type),
        subject(
            tr(
                N_(
                    "Of the household on ensuring security and order and building a"
                    " cultured family in {year}"
                )
            ).format(year=year),
            st,
            W,
        ),
        Paragraph(esc(tr(N_("To: {unit}")).format(unit=unit.name)), st.centred),
        Spacer(1, 3 * mm),
        facts([(label, value or "") for label, value in rows], st, [48 * mm, W - 48 * mm]),
        Spacer(1, 2 * mm),
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
    body += [Paragraph(esc(f"{i}. {item}"), _item_style(st)) for i, item in enumerate(items, 1)]
    body.append(
        Paragraph(
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
    )
    witness = Signer(
        tr(N_("WITNESSING OFFICER")),
        pledge.officer_name if pledge is not None else None,
        note=sign_hint(tr),
    )
    head = Signer(
        tr(N_("HEAD OF HOUSEHOLD")),
        (pledge.signer_name if pledge is not None else None) or line.head_name,
        note=sign_hint(tr),
    )
    room = 22 * mm  # a little less than usual, so that a form fits on one page
    feet = signature_row(
        signature(witness, st, room=room), signature(head, st, room=room), W, left_share=0.5
    )
    return [*body, Spacer(1, 3 * mm), KeepTogether([feet])]


def _render(
    session: Session,
    lines: list[HouseholdLine],
    year: int,
    unit: Unit,
    o: PrintOptions,
    title: str,
    progress: Progress | None = None,
) -> Printed:
    st = styles()
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
    (items, date, signer, witness), else from the current template with blanks to fill.

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
