"""The audit log printed (nhật ký hệ thống): the filtered entries in a ruled register on
landscape A4, under the unit's administrative header, with the state of the hash chain and
the signatures of who printed it and the chief.

Read through :mod:`antt_desktop.services.audit_log`, so printing needs Permission.AUDIT.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.texts.audit import FIELDS_COLUMN, chain_text, filter_text, plain
from antt_desktop.i18n.texts.audit_chain import CHAIN_CUT
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.audit_entry import cells
from antt_desktop.printing.document import Printed, build
from antt_desktop.printing.header import header, heading_of
from antt_desktop.printing.layout import Geometry, Styles, styles, subject
from antt_desktop.printing.signature import (
    Signer,
    chief_signer,
    seal_hint,
    sign_hint,
    sign_off,
    signature,
    signature_row,
)
from antt_desktop.printing.tables import grid
from antt_desktop.printing.text import PrintOptions, esc
from antt_desktop.services.audit_log import AuditFilter, AuditRow, chain_status, list_entries
from antt_desktop.services.context import Ctx

#: A register is wide: landscape A4 in the administrative margins.
REGISTER = Geometry(A4[1], A4[0], top=20 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)
W = REGISTER.frame_width
#: What the audit entry of printing the log says was printed.
WHAT = "audit log"


def _day(f: AuditFilter, which: str) -> str | None:
    day = getattr(f, which)
    return day.strftime("%d/%m/%Y") if day else None


def _cut_banner(cut: tuple[str, ...], tr: Translator, st: Styles) -> list[Flowable]:
    """A red bold line above the entries while the log is shorter than, or differs from,
    what the upper unit acknowledged receiving (nothing when it is not)."""
    if not cut:
        return []
    style = ParagraphStyle(
        "audit_cut",
        parent=st.heading,
        textColor=colors.red,
        borderColor=colors.red,
        borderWidth=1,
        borderPadding=4,
        spaceBefore=4,
        spaceAfter=10,
    )
    return [Paragraph(esc(tr(CHAIN_CUT)), style)]


def _cells(row: AuditRow, tr: Translator) -> list[str]:
    """The entry's cells as every log shows them; on paper the account's holder and the
    account name on two lines (the day and the time too), so a narrow column never cuts a
    name or a date in the middle."""
    words = cells(row, tr)
    words[1] = words[1].replace(" ", "\n", 1)  # the day above the time
    if row.actor_name:
        words[2] = f"{row.actor_name}\n({row.actor})"
    return words


def describe_filter(f: AuditFilter, tr: Translator) -> str:
    """``từ ngày 01/11/2026; tài khoản canbo1`` (or ``toàn bộ nhật ký``)."""
    return filter_text(_day(f, "since"), _day(f, "until"), f.user, f.action, f.record, tr)


def audit_log_pdf(ctx: Ctx, f: AuditFilter, *, options: PrintOptions | None = None) -> Printed:
    """The entries of ``f`` in the order written, and the chain's state."""
    o = options or PrintOptions()
    tr, st = o.tr, styles()
    rows = list_entries(ctx, f)
    status = chain_status(ctx)
    unit = ctx.local_unit()
    head = [
        tr(N_("No.")),
        tr(N_("Time")),
        tr(N_("Account")),
        tr(N_("Action")),
        tr(N_("Record")),
        plain(FIELDS_COLUMN, tr),
        tr(N_("Details")),
    ]
    widths = [11 * mm, 26 * mm, 33 * mm, 35 * mm, 38 * mm, 0.0, 0.0]
    rest = W - sum(widths)
    widths[5], widths[6] = rest * 0.45, rest * 0.55
    chain = (
        tr(CHAIN_CUT)
        if status.cut and status.first_broken is None
        else chain_text(
            status.entries,
            status.first_broken,
            len(status.broken),
            tr,
            guarded=not status.unguarded,
        )
    )
    summary = tr(N_("Entries printed: {count}. {chain}")).format(
        count=fmt_int(len(rows), tr),
        chain=chain,
    )
    maker = Signer(tr(N_("PREPARED BY")), note=sign_hint(tr))
    chief = chief_signer(ctx.session, unit, o, tr, note=seal_hint(tr))
    story: list[Flowable] = [
        header(heading_of(unit, number=o.number, day=ctx.today), tr, st, W),
        Paragraph(esc(tr(N_("AUDIT LOG"))), st.doc_type),
        subject(
            tr(N_("Use of the records software - {what}")).format(what=describe_filter(f, tr)),
            st,
            W,
        ),
        *_cut_banner(status.cut, tr, st),
        grid(
            head,
            [_cells(r, tr) for r in rows],
            widths,
            st,
            aligns=["centre", "centre", "left", "left", "left", "left", "left"],
        ),
        Spacer(1, 4 * mm),
        Paragraph(esc(summary), st.body),
    ]
    story = sign_off(
        story,
        [
            Spacer(1, 6 * mm),
            signature_row(signature(maker, st), signature(chief, st), W, left_share=0.5),
        ],
    )
    title = tr(N_("Audit log: {what}")).format(what=describe_filter(f, tr))
    return build(story, title=title, geometry=REGISTER, author=unit.name)
