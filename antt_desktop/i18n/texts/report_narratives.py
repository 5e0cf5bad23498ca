"""Texts of the written parts of the periodic report (nội dung báo cáo)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "report.cannot_write": N_("the file could not be saved to {path}: {reason}"),
    "narrative.period_future": N_(
        "{period} has not begun yet: its report cannot be written before it starts"
    ),
    "narrative.not_own_unit": N_(
        "the report of {unit} is written by that unit itself; this installation may only read it"
    ),
}

#: The sections, by the field that holds them (their headings in the printed report are
#: in ``presenters.report_document``).
FIELDS = {
    "situation": N_("Situation"),
    "results": N_("Results of the work"),
    "shortcomings": N_("Shortcomings and limitations"),
    "direction": N_("Direction and tasks for the next period"),
    "recommendations": N_("Recommendations and proposals"),
}
