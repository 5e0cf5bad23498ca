"""The personal data sheet (phiếu thông tin cá nhân): everything held about one person —
identity, residence, household, dossiers, violations, pledges signed as head, commendations.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy.orm import Session

from antt_desktop.i18n.texts.dossiers import DOSSIER_STATUSES
from antt_desktop.i18n.texts.privacy import HISTORY_TITLE
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.booklet import violations_table
from antt_desktop.printing.corrections_table import corrections_table
from antt_desktop.printing.document import Printed, build
from antt_desktop.printing.header import header, heading_of
from antt_desktop.printing.layout import PORTRAIT, Styles, heading, styles
from antt_desktop.printing.person_facts import (
    PHOTO_W,
    household_address,
    identity_rows,
    photo_box,
)
from antt_desktop.printing.pledge_register import status_word
from antt_desktop.printing.records import (
    dossiers_of,
    live,
    pledges_signed_as_head,
    unit_of,
    violations_of,
)
from antt_desktop.printing.signature import (
    Signer,
    chief_signer,
    seal_hint,
    sign_hint,
    sign_off,
    signature,
    signature_row,
)
from antt_desktop.printing.tables import BARE, DATE_W, facts, grid, table
from antt_desktop.printing.text import (
    ROMAN,
    PrintOptions,
    esc,
    fmt_born,
    fmt_day,
)
from antt_desktop.services import catalogues
from antt_desktop.services.commendations import commendations_of
from antt_desktop.services.memberships import members
from antt_desktop.store.models import Household, Person

W = PORTRAIT.frame_width
KINDS = {
    "giay_khen": N_("Certificate of merit"),
    "bang_khen": N_("Diploma of merit"),
    "giay_chung_nhan": N_("Certificate"),
}


def _none(tr: Translator, st: Styles) -> Paragraph:
    return Paragraph(esc(tr(N_("None recorded."))), st.note)


def _household(session: Session, p: Person, tr: Translator, st: Styles) -> list[Flowable]:
    h = session.get(Household, p.household_id) if p.household_id else None
    if h is None or h.deleted:
        return [_none(tr, st)]
    people = members(session, h.id)
    head = next((m for m in people if m.id == h.head_person_id), None)
    where = household_address(session, h)
    rows = [
        (tr(N_("Household number")), h.number),
        (tr(N_("Head of household")), head.full_name if head else None),
        (tr(N_("Relation to the head")), None if head is p else p.relation_to_head),
        (tr(N_("Address")), where or None),
    ]
    out: list[Flowable] = [
        facts([(k, v) for k, v in rows if v], st, [54 * mm, W - 54 * mm]),
        Spacer(1, 2 * mm),
    ]
    member_rows = [
        [
            str(i),
            m.full_name,
            fmt_born(m.born),
            tr(N_("Head of household")) if m.id == h.head_person_id else m.relation_to_head,
        ]
        for i, m in enumerate(people, 1)
    ]
    head_row = [tr(N_("No.")), tr(N_("Full name")), tr(N_("Born")), tr(N_("Relation to the head"))]
    widths = [12 * mm, 0.0, 28 * mm, 45 * mm]
    widths[1] = W - sum(widths)
    out.append(grid(head_row, member_rows, widths, st, aligns=["centre", "left", "centre", "left"]))
    return out


def _dossiers(session: Session, p: Person, tr: Translator, st: Styles) -> Flowable:
    rows = dossiers_of(session, p.id)
    if not rows:
        return _none(tr, st)
    english = tr.lang == "en"
    names = {c.code: (c.name_en if english else c.name_vi) for c in catalogues.categories(session)}
    data = [
        [
            names.get(d.category_code, d.category_code),
            fmt_day(d.opened_on),
            tr(DOSSIER_STATUSES.get(d.status, d.status)),
            fmt_day(d.closed_on),
            d.officer_name,
        ]
        for d in rows
    ]
    head = [
        tr(N_("Category")),
        tr(N_("Opened on")),
        tr(N_("Dossier status")),
        tr(N_("Closed on")),
        tr(N_("Officer in charge")),
    ]
    widths = [0.0, DATE_W, 30 * mm, DATE_W, 36 * mm]
    widths[0] = W - sum(widths)
    return grid(head, data, widths, st, aligns=["left", "centre", "left", "centre", "left"])


def _yes_no(value: bool | None, tr: Translator) -> str:
    if value is None:
        return ""
    return tr(N_("Yes")) if value else tr(N_("No"))


def _pledges(session: Session, p: Person, tr: Translator, st: Styles) -> Flowable:
    rows = pledges_signed_as_head(session, p.id)
    if not rows:
        return _none(tr, st)
    data = [
        [
            str(pl.year),
            h.number,
            fmt_day(pl.signed_on),
            status_word(pl, tr),
            _yes_no(pl.cultured_family, tr),
        ]
        for h, pl in rows
    ]
    head = [
        tr(N_("Year")),
        tr(N_("Household number")),
        tr(N_("Signed on")),
        tr(N_("Standing")),
        tr(N_("Cultured family")),
    ]
    widths = [18 * mm, 26 * mm, DATE_W, 0.0, 34 * mm]
    widths[3] = W - sum(widths)
    return grid(head, data, widths, st, aligns=["centre", "centre", "centre", "left", "centre"])


def _commendations(session: Session, p: Person, tr: Translator, st: Styles) -> Flowable:
    rows = commendations_of(session, "person", p.id)
    if not rows:
        return _none(tr, st)
    data = [
        [
            tr(KINDS.get(c.kind, c.kind)),
            f"{c.decision_number} ({fmt_day(c.decision_date)})",
            c.issuer,
            c.achievement,
        ]
        for c in rows
    ]
    head = [tr(N_("Form")), tr(N_("Decision")), tr(N_("Awarded by")), tr(N_("Achievement"))]
    widths = [28 * mm, 36 * mm, 40 * mm, 0.0]
    widths[3] = W - sum(widths)
    return grid(head, data, widths, st)


def person_sheet(
    session: Session, person_id: str, *, today: date, options: PrintOptions | None = None
) -> Printed:
    """Everything held about one person, on A4 pages.

    Raises:
        NotFound: when the person does not exist.
    """
    o = options or PrintOptions()
    tr, st = o.tr, styles()
    p = live(session, Person, person_id, "person")
    unit = unit_of(session, p.unit_id)
    gap = 6 * mm
    who = facts(identity_rows(session, p, tr), st, [54 * mm, W - PHOTO_W - gap - 54 * mm])
    identity = table([[who, photo_box(session, p, tr)]], [W - PHOTO_W, PHOTO_W], BARE)
    parts = [
        (N_("Identity"), [identity]),
        (N_("Household"), _household(session, p, tr, st)),
        (N_("Management dossiers"), [_dossiers(session, p, tr, st)]),
        (
            N_("Violations and re-offences"),
            [violations_table(v, tr, st) if (v := violations_of(session, p.id)) else _none(tr, st)],
        ),
        (N_("Household pledges signed as head"), [_pledges(session, p, tr, st)]),
        (N_("Commendations"), [_commendations(session, p, tr, st)]),
        (HISTORY_TITLE, [corrections_table(session, p.id, tr, st)]),
    ]
    story: list[Flowable] = [
        header(heading_of(unit, number=o.number, day=today), tr, st, W),
        Paragraph(esc(tr(N_("PERSONAL DATA SHEET"))), st.doc_type),
        Spacer(1, 4 * mm),
    ]
    for i, (title, flowables) in enumerate(parts):
        story.extend(heading(f"{ROMAN[i]}. {tr(title).upper()}", st))
        story.extend(flowables)
    maker = Signer(tr(N_("PREPARED BY")), note=sign_hint(tr))
    chief = chief_signer(session, unit, o, tr, note=seal_hint(tr))
    foot = [
        Spacer(1, 8 * mm),
        signature_row(signature(maker, st), signature(chief, st), W, left_share=0.5),
    ]
    story = sign_off(story, foot)
    title = tr(N_("Personal data sheet: {name}")).format(name=p.full_name)
    return build(story, title=title, author=unit.name)
