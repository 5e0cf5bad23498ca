"""The figures of a periodic report as sections of labelled values, worded as the CLI's
``antt stats`` words them; the reports page shows them and exports them to CSV.

Qt-free: :func:`build_report` turns ``Statistics`` (and an upper unit's comparison rows)
into a :class:`Report`, which ``report_html`` and ``report_csv`` render.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from antt_desktop.domain.text import natural_key
from antt_desktop.gui.reports.names import capitalised, label, period_name
from antt_desktop.i18n.formatting import fmt_change, fmt_int, fmt_money, fmt_ratio
from antt_desktop.i18n.texts.initiatives import INDICATORS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.report_rows import CatalogueNames
from antt_desktop.services.stats_model import Statistics, UnitRow


@dataclass(frozen=True)
class Value:
    """A figure as shown (``1.270``, ``2/21 = 9,5%``) and, for counts, the plain number."""

    text: str
    number: int | None = None


@dataclass(frozen=True)
class Line:
    """One labelled figure; ``level`` 2 lines detail the level-1 line ``group`` above."""

    label: str
    value: Value
    level: int = 1
    group: str = ""


@dataclass(frozen=True)
class Table:
    """A table inside a section: a header and rows whose first cell names the row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[Line, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Report:
    """Everything the reports page shows: the heading and the sections in order."""

    title: str
    period: str
    unit: str
    as_of: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


class _Builder:
    """Collects the lines of one section after another."""

    def __init__(self, tr: Translator) -> None:
        self.tr = tr
        self.sections: list[Section] = []
        self._key = ""
        self._lines: list[Line] = []
        self._group = ""

    def n(self, value: int) -> Value:
        return Value(fmt_int(value, self.tr), value)

    def money(self, value: int) -> Value:
        return Value(fmt_money(value, self.tr), value)

    def section(self, key: str) -> None:
        self.close()
        self._key, self._lines, self._group = key, [], ""

    def item(self, text: str, value: Value) -> None:
        self._lines.append(Line(text, value))
        self._group = text

    def sub(self, text: str, value: Value) -> None:
        self._lines.append(Line(text, value, 2, self._group))

    def table(self, key: str, headers: tuple[str, ...], rows: list[tuple[Value, ...]]) -> None:
        self.close()
        self.sections.append(Section(key, label(key, self.tr), (), Table(headers, tuple(rows))))

    def close(self) -> None:
        if self._key:
            self.sections.append(Section(self._key, label(self._key, self.tr), tuple(self._lines)))
        self._key = ""


def build_report(
    st: Statistics, names: CatalogueNames, tr: Translator, units: list[UnitRow] | None = None
) -> Report:
    """The sections of a periodic report for ``st``; ``units`` adds the posts side by side."""
    b = _Builder(tr)
    _people(b, st, names)
    _households(b, st)
    _movement(b, st, names)
    if st.indicators:
        previous = st.period.previous()
        b.table(
            "indicators",
            (
                tr(N_("Indicator")),
                capitalised(period_name(previous, tr)),
                capitalised(period_name(st.period, tr)),
                tr(N_("Change")),
            ),
            [
                (
                    Value(tr(INDICATORS.get(code, code))),
                    b.n(change.before),
                    b.n(change.after),
                    Value(fmt_change(change, tr)),
                )
                for code, change in st.indicators.items()
            ],
        )
    if units:
        b.table("compare_units", unit_headers(tr), [unit_values(r, tr) for r in units])
    b.close()
    return Report(
        title=tr(N_("REPORT OF FIGURES")),
        period=capitalised(period_name(st.period, tr)),
        unit=st.unit.name if st.unit else tr(N_("All units")),
        as_of=st.today.strftime("%d/%m/%Y"),
        sections=tuple(b.sections),
    )


def _people(b: _Builder, st: Statistics, names: CatalogueNames) -> None:
    tr = b.tr
    b.section("managed")
    b.item(label("persons_open_at_end", tr), b.n(st.managed.persons_open_at_end))
    for code, fig in st.managed.by_category.items():
        if fig.open_at_end or fig.opened or fig.closed:
            text = tr(N_("{open} under management, {opened} opened, {closed} closed")).format(
                open=fmt_int(fig.open_at_end, tr),
                opened=fmt_int(fig.opened, tr),
                closed=fmt_int(fig.closed, tr),
            )
            b.sub(names.category(code, tr), Value(text, fig.open_at_end))
    b.section("assessments")
    total = st.assessments.total
    for key in ("due", "done", "done_late", "overdue"):
        b.item(label(key, tr), b.n(getattr(total, key)))
    b.item(label("completion", tr), Value(fmt_ratio(total.completion, tr)))
    b.section("classification")
    for cls, count in st.classification.by_class.items():
        b.item(tr(N_("Class {letter}")).format(letter=cls), b.n(count))
    b.item(label("unclassified", tr), b.n(st.classification.unclassified))
    b.section("reoffence")
    b.item(label("reoffence", tr), Value(fmt_ratio(st.reoffence, tr)))


def _households(b: _Builder, st: Statistics) -> None:
    tr = b.tr
    b.section("pledges")
    p = st.pledges.total
    b.item(label("year", tr), Value(str(st.pledges.year), st.pledges.year))
    for key in ("households", "signed", "refused", "violated"):
        b.item(label(key, tr), b.n(getattr(p, key)))
    b.item(label("coverage", tr), Value(fmt_ratio(p.coverage, tr)))
    areas = sorted(
        st.pledges.by_area,
        key=lambda a: (a.unit_code, a.area_name is None, natural_key(a.area_name or "")),
    )
    several_units = len({a.unit_code for a in areas}) > 1
    for area in areas:
        name = area.area_name or tr(N_("(no residential area)"))
        if several_units:
            name = f"{name} ({area.unit_code})"
        b.sub(name, Value(fmt_ratio(area.figures.coverage, tr)))


def _movement(b: _Builder, st: Statistics, names: CatalogueNames) -> None:
    tr = b.tr
    b.section("initiatives")
    ini = st.initiatives
    b.item(label("active", tr), b.n(ini.active))
    for code, count in ini.active_by_type.items():
        b.sub(names.initiative_type(code, tr), b.n(count))
    b.item(label("new", tr), b.n(ini.new))
    b.item(label("funding_total", tr), b.money(ini.funding_total))
    for source, amount in ini.funding_by_source.items():
        b.sub(label(source, tr), b.money(amount))
    for asset, count in ini.assets.items():
        b.sub(asset, b.n(count))
    b.section("activities")
    a = st.activities
    b.item(label("sessions", tr), b.n(a.sessions))
    for kind, totals in a.by_kind.items():
        text = tr(N_("{sessions} sessions, {people} participants")).format(
            sessions=fmt_int(totals.sessions, tr), people=fmt_int(totals.participants, tr)
        )
        b.sub(names.activity_kind(kind, tr), Value(text, totals.sessions))
    b.item(label("participants", tr), b.n(a.participants))
    b.item(label("tips_of_value", tr), b.n(a.tips_of_value))
    b.item(label("cases_mediated", tr), b.n(a.cases_mediated))
    b.item(label("surrendered", tr), b.n(a.surrendered))
    b.item(label("items", tr), b.n(sum(a.items.values())))
    for key, count in a.items.items():
        if count:
            b.sub(label(key, tr), b.n(count))
    b.section("evaluations")
    b.item(label("count", tr), b.n(st.evaluations.count))
    b.item(label("meeting_standard", tr), Value(fmt_ratio(st.evaluations.meeting_standard, tr)))
    b.section("teams")
    b.item(label("teams", tr), b.n(st.teams.teams))
    b.item(label("members", tr), b.n(st.teams.members))
    b.section("commendations")
    b.item(label("commendations", tr), b.n(st.commendations.total))
    for kind, count in st.commendations.by_kind.items():
        b.sub(label(kind, tr), b.n(count))


#: Columns of the side-by-side comparison: the ``UnitRow`` field and its short header.
UNIT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit", N_("Post")),
    ("managed_open", N_("Under management")),
    ("assessments_due", N_("Assessments due")),
    ("assessments_overdue", N_("Overdue")),
    ("pledge_coverage", N_("Pledges signed (%)")),
    ("active_initiatives", N_("Initiatives")),
    ("sessions", N_("Sessions")),
    ("tips_of_value", N_("Tips of value")),
    ("items_collected", N_("Weapons collected")),
)


def unit_headers(tr: Translator) -> tuple[str, ...]:
    return tuple(tr(header) for _key, header in UNIT_COLUMNS)


def unit_values(row: UnitRow, tr: Translator) -> tuple[Value, ...]:
    """One post's cells in ``UNIT_COLUMNS`` order."""
    cells = [Value(row.unit.name)]
    for key, _header in UNIT_COLUMNS[1:]:
        if key == "pledge_coverage":
            cells.append(Value(fmt_ratio(row.pledge_coverage, tr)))
        else:
            value = int(getattr(row, key))
            cells.append(Value(fmt_int(value, tr), value))
    return tuple(cells)
