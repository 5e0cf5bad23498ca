"""The correction history on the personal data sheet (mục "Lịch sử đính chính")."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from sqlalchemy.orm import Session

from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.privacy import NO_CORRECTIONS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.layout import PORTRAIT, Styles
from antt_desktop.printing.tables import DATE_W, grid
from antt_desktop.printing.text import esc, fmt_day
from antt_desktop.services import corrections
from antt_desktop.services.disclosure import Disclosure

#: Only roles that may read sensitive values print the sheet (``printing.audit``).
FULL = Disclosure(sensitive=True, opened=True)


def corrections_table(session: Session, person_id: str, tr: Translator, st: Styles) -> Flowable:
    """Date, field, old and new value, reason and who corrected, oldest first."""
    lines = corrections.lines_of(session, person_id, FULL)
    if not lines:
        return Paragraph(esc(tr(NO_CORRECTIONS)), st.note)

    def text(name: str, value: str | None) -> str:
        return corrections.value_text(session, name, value, tr)

    data = [
        [
            fmt_day(c.corrected_on),
            field_label(c.field, tr),
            text(c.field, c.old_value),
            text(c.field, c.new_value),
            c.reason or "",
            c.corrected_by,
        ]
        for c in lines
    ]
    head = [
        tr(N_("Date")),
        tr(N_("Field")),
        tr(N_("Old value")),
        tr(N_("New value")),
        tr(N_("Reason for correcting the data")),
        tr(N_("Corrected by")),
    ]
    widths = [DATE_W, 32 * mm, 30 * mm, 30 * mm, 0.0, 24 * mm]
    widths[4] = PORTRAIT.frame_width - sum(widths)
    return grid(head, data, widths, st)
