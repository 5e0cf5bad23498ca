"""The register of household pledges of one residential area for a year (danh sách hộ gia
đình ký cam kết): a column where each head signs, then the area's coverage and whether it
meets the 100 % standard (every household signed)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy.orm import Session

from antt_desktop.domain.rates import Ratio
from antt_desktop.i18n.formatting import fmt_int, fmt_percent
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.household import pledge_status
from antt_desktop.presenters.words import capitalised
from antt_desktop.printing.document import Printed, build
from antt_desktop.printing.header import header, heading_of
from antt_desktop.printing.layout import PORTRAIT, styles, subject
from antt_desktop.printing.records import households_of_area, live, pledges_for, unit_of
from antt_desktop.printing.signature import (
    Signer,
    chief_signer,
    seal_hint,
    sign_hint,
    sign_off,
    signature,
    signature_row,
)
from antt_desktop.printing.tables import DATE_W, grid
from antt_desktop.printing.text import PrintOptions, esc, fmt_day, nfc
from antt_desktop.services.pledges import pledge_coverage
from antt_desktop.store.models import Area, Pledge

W = PORTRAIT.frame_width


def status_word(pledge: Pledge | None, tr: Translator) -> str:
    """How a household stands for the year, as a column cell: ``Đã ký``, ``Chưa ký``
    (the words of ``antt household`` and the window, capitalised)."""
    return capitalised(pledge_status(pledge.status if pledge else None, tr))


def within_area(address: str | None, area: str) -> str:
    """What an address says below the area the register is about: "Số nhà 112" of
    "Số nhà 112, Thôn Đông Thịnh, xã Phú Lương"; the whole address when it does not name
    the area; "" when it names nothing but the area and what lies above it."""
    text, name = nfc(address), nfc(area)
    at = text.casefold().find(name.casefold()) if name else -1
    return text if at < 0 else text[:at].strip(" ,;-")


def percent(ratio: Ratio, tr: Translator) -> str:
    """``95,3%`` (or ``-`` when there is nothing to count)."""
    return "-" if ratio.percent is None else fmt_percent(ratio.percent, tr)


def pledge_register(
    session: Session,
    area_id: str,
    year: int,
    *,
    today: date,
    options: PrintOptions | None = None,
) -> Printed:
    """Every live household of an area with its pledge for ``year``, then the coverage.

    Raises:
        NotFound: when the area does not exist.
    """
    o = options or PrintOptions()
    tr, st = o.tr, styles()
    area = live(session, Area, area_id, "area")
    unit = unit_of(session, area.unit_id)
    lines = households_of_area(session, area.id)
    pledges = pledges_for(session, (line.household.id for line in lines), year)
    rows = []
    for n, line in enumerate(lines, 1):
        h = line.household
        pledge = pledges.get(h.id)
        rows.append(
            [
                str(n),
                h.number,
                line.head_name,
                within_area(h.address, area.name),
                fmt_day(pledge.signed_on if pledge else None),
                status_word(pledge, tr),
                Paragraph("&nbsp;<br/>&nbsp;", st.cell),  # room for the head's signature
            ]
        )
    head = [
        tr(N_("No.")),
        tr(N_("Household number")),
        tr(N_("Head of household")),
        tr(N_("Address")),
        tr(N_("Signed on")),
        tr(N_("Standing")),
        tr(N_("Head of household signs")),
    ]
    widths = [11 * mm, 14 * mm, 0.0, 0.0, DATE_W, 23 * mm, 26 * mm]
    rest = W - sum(widths)
    widths[2], widths[3] = rest * 0.55, rest * 0.45  # the area is in the subject line
    cover = next(c for c in pledge_coverage(session, year, unit.id) if c.area_id == area.id)
    summary = tr(
        N_(
            "Households: {households}; signed and kept: {pledged}; refused: {refused};"
            " broke the pledge: {violated}. Share of households that signed: {percent}"
            " ({signed}/{households})."
        )
    ).format(
        households=fmt_int(cover.households, tr),
        pledged=fmt_int(cover.pledged, tr),
        refused=fmt_int(cover.refused, tr),
        violated=fmt_int(cover.violated, tr),
        percent=percent(cover.ratio, tr),
        signed=fmt_int(cover.ratio.numerator, tr),
    )
    standard = tr(
        N_("{area}: {signed}/{households} households signed the pledge - {verdict}")
    ).format(
        area=area.name,
        signed=fmt_int(cover.ratio.numerator, tr),
        households=fmt_int(cover.households, tr),
        verdict=tr(N_("meets the 100% standard"))
        if cover.households and cover.ratio.numerator == cover.households
        else tr(N_("does not yet meet the 100% standard")),
    )
    maker = Signer(tr(N_("PREPARED BY")), note=sign_hint(tr))
    chief = chief_signer(session, unit, o, tr, note=seal_hint(tr))
    story: list[Flowable] = [
        header(heading_of(unit, number=o.number, day=today), tr, st, W),
        Paragraph(esc(tr(N_("REGISTER OF HOUSEHOLD PLEDGES"))), st.doc_type),
        subject(
            tr(N_("On ensuring security and order in {year} - {area}")).format(
                year=year, area=area.name
            ),
            st,
            W,
        ),
        grid(
            head,
            rows,
            widths,
            st,
            aligns=["centre", "centre", "left", "left", "centre", "left", "left"],
        ),
        Spacer(1, 4 * mm),
        Paragraph(esc(summary), st.body),
        Paragraph(f"<b>{esc(standard)}</b>", st.body),
    ]
    story = sign_off(
        story,
        [
            Spacer(1, 6 * mm),
            signature_row(signature(maker, st), signature(chief, st), W, left_share=0.5),
        ],
    )
    title = tr(N_("Register of household pledges {year}: {area}")).format(year=year, area=area.name)
    return build(story, title=title, author=unit.name)
