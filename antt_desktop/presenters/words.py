"""Words the presenters share: figure labels, period phrases, section numerals, amounts.

One wording for each: ``quý III/2026`` in a sentence, ``Quý III/2026`` as a heading, months
with two digits (``tháng 03/2026``) as the administrative format writes dates, and amounts
in ``đồng`` spelled out (every serif font has those letters, not every one has ₫).
"""

from __future__ import annotations

import unicodedata

from antt_desktop.domain.periods import ROMAN, Period
from antt_desktop.i18n.formatting import fmt_int, fmt_period
from antt_desktop.i18n.texts.stats import LABELS
from antt_desktop.i18n.translator import N_, Translator


def numeral(index: int) -> str:
    """The Roman numeral of the ``index``-th section (0-based); past XIII, the number."""
    return ROMAN[index] if index < len(ROMAN) else str(index + 1)


def label(key: str, tr: Translator) -> str:
    """The label of a figure of ``Statistics.to_dict()`` (or of a code it is keyed by)."""
    return tr(LABELS[key]) if key in LABELS else key


def capitalised(text: str) -> str:
    """The first letter in upper case (``Quý III/2026`` as a heading)."""
    return text[:1].upper() + text[1:]


def upper(text: str) -> str:
    """``text`` in capitals, composed first (decomposed tone marks would not upper-case)."""
    return unicodedata.normalize("NFC", text).upper()


def period_phrase(period: Period, tr: Translator) -> str:
    """The period inside a sentence: ``tháng 03/2026``, ``quý III/2026`` or ``năm 2026``."""
    return fmt_period(period, tr, in_sentence=True)


def period_name(period: Period, tr: Translator) -> str:
    """The period as a heading or a column names it: ``Quý III/2026``."""
    return fmt_period(period, tr)


def money(amount: int, tr: Translator) -> str:
    """``15.000.000 đồng`` (``15,000,000 dong`` in English)."""
    return tr(N_("{amount} dong")).format(amount=fmt_int(amount, tr))
