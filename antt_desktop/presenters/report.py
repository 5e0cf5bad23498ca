"""The periodic report (báo cáo số liệu) as numbered sections of labelled values: the one
wording ``antt stats``, the window's Reports page (HTML, CSV) and the printed report render.

:func:`build_report` turns :class:`~antt_desktop.services.stats_model.Statistics` (and an
upper unit's comparison rows) into a :class:`Report`; the sections and their lines are
made in ``report_sections``. A section holds lines (a label and its value; level-2 lines
detail the line above) and then, for figures with several columns, a table.
"""

from __future__ import annotations

from collections.abc import Sequence

from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report_model import Line, Report, Section, Table, Value
from antt_desktop.presenters.report_sections import sections, unit_headers, unit_values
from antt_desktop.presenters.words import label, numeral, period_name, period_phrase, upper
from antt_desktop.services.report_rows import CatalogueNames
from antt_desktop.services.stats_model import Statistics, UnitRow

__all__ = ["Line", "Report", "Section", "Table", "Value", "build_report", "comparison"]


def build_report(
    st: Statistics, names: CatalogueNames, tr: Translator, units: Sequence[UnitRow] = ()
) -> Report:
    """The report of ``st`` in the language of ``tr``; ``units`` adds the posts side by
    side (an upper unit's report)."""
    unit = st.unit.name if st.unit else tr(N_("All units"))
    period = period_name(st.period, tr)
    as_of = st.today.strftime("%d/%m/%Y")
    parts = sections(st, names, tr)
    annex = (comparison(units, tr),) if units else ()
    return Report(
        title=tr(N_("REPORT OF FIGURES")),
        period=period,
        phrase=period_phrase(st.period, tr),
        unit=unit,
        as_of=as_of,
        facts=(
            tr(N_("Reporting period: {period}")).format(period=period),
            tr(N_("Unit: {unit}")).format(unit=unit),
            tr(N_("(figures as of {date})")).format(date=as_of),
        ),
        line_headers=(tr(N_("Figure")), tr(N_("Value"))),
        sections=tuple(
            Section(key, f"{numeral(i)}. {upper(title)}", title, lines, table)
            for i, (key, title, lines, table) in enumerate(parts)
        )
        + annex,
    )


def comparison(units: Sequence[UnitRow], tr: Translator) -> Section:
    """The posts of an upper unit side by side: an annex after the numbered sections (the
    command line prints it after the report it cannot number)."""
    title = label("compare_units", tr)
    table = Table(unit_headers(tr), tuple(unit_values(r, tr) for r in units))
    return Section("compare_units", upper(title), title, (), table)
