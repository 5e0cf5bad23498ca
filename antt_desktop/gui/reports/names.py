"""Names of the codes the figures are keyed by, and of periods, in the chosen language.

The dashboard and the reports page receive catalogue names with the figures
(:class:`~antt_desktop.services.report_rows.CatalogueNames`, both languages), so switching
the language re-renders without touching the database.
"""

from __future__ import annotations

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.texts.stats import LABELS
from antt_desktop.i18n.translator import N_, Translator

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")

#: Period names as headings and tiles write them ("tháng 11/2026", "quý III/2026").
PERIOD_NAMES = {
    "month": N_("month {index}/{year}"),
    "quarter": N_("quarter {index}/{year}"),
    "year": N_("year {year}"),
}


def label(key: str, tr: Translator) -> str:
    """The label of a figure of ``Statistics.to_dict()`` (or of a code it is keyed by)."""
    return tr(LABELS[key]) if key in LABELS else key


def period_name(period: Period, tr: Translator) -> str:
    """``tháng 11/2026``, ``quý III/2026`` or ``năm 2026``."""
    index = ROMAN[period.index - 1] if period.kind == "quarter" else str(period.index)
    return tr(PERIOD_NAMES[period.kind]).format(index=index, year=period.year)


def capitalised(text: str) -> str:
    """The first letter in upper case (``Tháng 11/2026`` as a heading)."""
    return text[:1].upper() + text[1:]


def short_unit_name(name: str) -> str:
    """A post's name without the leading "Công an" (chart labels have little room)."""
    for prefix in ("Công an ", "CÔNG AN "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return capitalised(name[len(prefix) :])
    return name


def elide(text: str, limit: int = 32) -> str:
    """``text`` cut to ``limit`` characters with "…" (chart labels)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,") + "…"
