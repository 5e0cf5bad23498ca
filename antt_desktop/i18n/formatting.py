"""Numbers, money, dates and percentages the way the chosen language writes them.

Vietnamese: ``22/11/2026``, ``1.270``, ``15.000.000 ₫``, ``42,9%``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from babel.numbers import format_decimal

from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Change, Ratio, round_half_up
from antt_desktop.domain.text import fold
from antt_desktop.i18n.translator import N_, Translator


def fmt_int(n: int, tr: Translator) -> str:
    return format_decimal(n, locale=tr.locale)


def fmt_money(amount: int, tr: Translator) -> str:
    if tr.lang == "vi":
        return f"{format_decimal(amount, locale='vi_VN')} ₫"
    return f"{format_decimal(amount, locale='en_US')} VND"


def fmt_percent(value: float, tr: Translator, digits: int = 1) -> str:
    rounded = round_half_up(value, digits)
    text = format_decimal(rounded, format=f"#,##0.{'0' * digits}", locale=tr.locale)
    return f"{text}%"


def fmt_date(d: date | None, tr: Translator) -> str:
    if d is None:
        return ""
    return d.strftime("%d/%m/%Y")


#: Every post is in Vietnam: UTC+7 all year (no summer time), whatever the computer's clock
#: is set to. Times stored in UTC are shown in it.
POST_TIME_ZONE = timezone(timedelta(hours=7), "ICT")


def fmt_datetime(moment: datetime | None, tr: Translator, *, seconds: bool = False) -> str:
    """``06/12/2026 10:35``: a moment in the post's time (a naive one is taken as UTC)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(POST_TIME_ZONE)
    return local.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def fmt_ratio(r: Ratio, tr: Translator) -> str:
    """``2/21 = 9,5%``, ``3.813/4.000 = 95,3%`` (or ``0/0`` when there is nothing to count)."""
    counts = f"{fmt_int(r.numerator, tr)}/{fmt_int(r.denominator, tr)}"
    pct = r.percent
    if pct is None:
        return counts
    return f"{counts} = {fmt_percent(pct, tr)}"


def fmt_change(c: Change, tr: Translator) -> str:
    """``giảm 42,9% (4/7)``: direction, size relative to before, then after/before."""
    pct = c.percent
    tail = f"({fmt_int(c.after, tr)}/{fmt_int(c.before, tr)})"
    if c.direction == "same":
        return f"{tr('unchanged')} {tail}"
    if pct is None:
        return f"{tr('up from zero')} {tail}"
    word = tr("down") if c.direction == "down" else tr("up")
    return f"{word} {fmt_percent(pct, tr)} {tail}"


#: The one way a period is written (headings, lists, tiles, the printed report, the command
#: line): ``Tháng 03/2026``, ``Quý III/2026``, ``Năm 2026``; inside a sentence in lower case.
PERIOD_HEADING = {
    "month": N_("Month {month}/{year}"),
    "quarter": N_("Quarter {quarter}/{year}"),
    "year": N_("Year {year}"),
}
PERIOD_PHRASE = {
    "month": N_("month {month}/{year}"),
    "quarter": N_("quarter {quarter}/{year}"),
    "year": N_("year {year}"),
}


def fmt_period(period: Period, tr: Translator, *, in_sentence: bool = False) -> str:
    """``Quý III/2026`` (``quý III/2026`` with ``in_sentence``), ``Tháng 03/2026``,
    ``Năm 2026``: months with two digits as administrative dates write them, quarters in
    Roman numerals."""
    template = (PERIOD_PHRASE if in_sentence else PERIOD_HEADING)[period.kind]
    return tr(template).format(
        month=period.numeral, quarter=period.numeral, year=f"{period.year:04d}"
    )


def period_slug(period: Period, tr: Translator) -> str:
    """The period in a file name, lower-case ASCII: ``quy-iii-2026``, ``thang-03-2026``."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(fmt_period(period, tr))))
