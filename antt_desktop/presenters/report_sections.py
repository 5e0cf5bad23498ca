"""The sections of the periodic report, in the order a report states them: managed persons,
assessments, classification, re-offence, pledges, initiatives, activities, evaluations,
teams, commendations, then before/after and the posts side by side.

Detail lines whose figure is zero are left out (a type with no initiative says nothing);
totals are always stated, zero included.
"""

from __future__ import annotations

from collections.abc import Sequence

from antt_desktop.domain.rates import Ratio
from antt_desktop.domain.text import natural_key
from antt_desktop.i18n.formatting import fmt_change, fmt_int, fmt_ratio
from antt_desktop.i18n.texts.initiatives import INDICATORS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report_model import Line, Table, Value
from antt_desktop.presenters.words import label, money, period_name
from antt_desktop.services.report_rows import CatalogueNames
from antt_desktop.services.stats_model import Statistics, UnitRow

#: The heading of the equipment the initiatives hold (cameras, extinguishers, …): unlike
#: things, counted each on its own line, so the heading states no figure.
EQUIPMENT = N_("Equipment and means")

#: What a rate says when there is nothing to count (never "0/0"), by the figure's key.
NOTHING_TO_COUNT = {
    "completion": N_("no assessment was due"),
    "reoffence": N_("no released person to count"),
    "coverage": N_("no household in the register"),
    "meeting_standard": N_("no evaluation in the period"),
}

#: One section before numbering: its key, its title, its lines and its table.
Part = tuple[str, str, tuple[Line, ...], Table | None]


class _Builder:
    """Collects the lines of one section after another."""

    def __init__(self, tr: Translator) -> None:
        self.tr = tr
        self.parts: list[Part] = []
        self._key = ""
        self._lines: list[Line] = []
        self._table: Table | None = None
        self._group = ""

    def n(self, value: int) -> Value:
        return Value(fmt_int(value, self.tr), value)

    def ratio(self, r: Ratio, key: str) -> Value:
        """``2/21 = 9,5%``; in words when the whole is zero ("không có … để tính")."""
        if r.denominator == 0:
            return Value(self.tr(NOTHING_TO_COUNT[key]))
        return Value(fmt_ratio(r, self.tr))

    def section(self, key: str) -> None:
        self.close()
        self._key, self._lines, self._table, self._group = key, [], None, ""

    def item(self, key: str, value: Value) -> None:
        """A level-1 line labelled with the figure ``key``."""
        self.line(label(key, self.tr), value)

    def line(self, text: str, value: Value) -> None:
        self._lines.append(Line(text, value))
        self._group = text

    def sub(self, text: str, value: Value) -> None:
        """A detail of the line above (left out when its figure is zero)."""
        if value.number != 0:
            self._lines.append(Line(text, value, 2, self._group))

    def table(
        self, headers: tuple[str, ...], rows: Sequence[tuple[Value, ...]], total: bool = False
    ) -> None:
        self._table = Table(headers, tuple(rows), total)

    def close(self) -> None:
        if self._key:
            title = label(self._key, self.tr)
            self.parts.append((self._key, title, tuple(self._lines), self._table))
        self._key = ""


def sections(st: Statistics, names: CatalogueNames, tr: Translator) -> list[Part]:
    """The numbered sections of the report of ``st``, before numbering."""
    b = _Builder(tr)
    _people(b, st, names)
    _households(b, st)
    _initiatives(b, st, names)
    _results(b, st, names)
    if st.indicators:
        b.section("indicators")
        headers = (
            tr(N_("Indicator")),
            period_name(st.period.previous(), tr),
            period_name(st.period, tr),
            tr(N_("Increase or decrease")),
        )
        rows = [
            (Value(tr(INDICATORS.get(code, code))), b.n(c.before), b.n(c.after),
             Value(fmt_change(c, tr)))
            for code, c in st.indicators.items()
        ]  # fmt: skip
        b.table(headers, rows)
    b.close()
    return b.parts


def _people(b: _Builder, st: Statistics, names: CatalogueNames) -> None:
    tr = b.tr
    b.section("managed")
    b.item("persons_open_at_end", b.n(st.managed.persons_open_at_end))
    headers = (
        tr(N_("Category")),
        tr(N_("Under management at the end")),
        tr(N_("Opened in the period")),
        tr(N_("Closed in the period")),
    )
    rows = [
        (Value(names.category(code, tr)), b.n(f.open_at_end), b.n(f.opened), b.n(f.closed))
        for code, f in st.managed.by_category.items()
        if f.open_at_end or f.opened or f.closed
    ]
    t = st.managed.total
    rows.append((Value(label("total", tr)), b.n(t.open_at_end), b.n(t.opened), b.n(t.closed)))
    b.table(headers, rows, total=True)
    b.section("assessments")
    total = st.assessments.total
    for key in ("due", "done", "done_late", "overdue"):
        b.item(key, b.n(getattr(total, key)))
    b.item("completion", b.ratio(total.completion, "completion"))
    b.section("classification")
    for cls, count in st.classification.by_class.items():
        b.line(tr(N_("Class {letter}")).format(letter=cls), b.n(count))
    b.item("unclassified", b.n(st.classification.unclassified))
    b.section("reoffence")
    b.item("reoffence", b.ratio(st.reoffence, "reoffence"))


def _households(b: _Builder, st: Statistics) -> None:
    tr = b.tr
    b.section("pledges")
    p = st.pledges.total
    b.item("year", Value(str(st.pledges.year), st.pledges.year))
    for key in ("households", "signed", "refused", "violated", "not_recorded", "cultured_family"):
        b.item(key, b.n(getattr(p, key)))
    b.item("coverage", b.ratio(p.coverage, "coverage"))
    if len(st.pledges.by_area) < 2:
        return  # one area's figures are the totals above
    areas = sorted(
        st.pledges.by_area,
        key=lambda a: (a.unit_code, a.area_name is None, natural_key(a.area_name or "")),
    )
    several_units = len({a.unit_code for a in areas}) > 1
    rows = []
    for area in areas:
        name = area.area_name or tr(N_("(no residential area)"))
        if several_units:
            name = f"{name} ({area.unit_code})"
        f = area.figures
        rows.append(
            (Value(name), b.n(f.households), b.n(f.signed), b.ratio(f.coverage, "coverage"))
        )
    headers = (
        tr(N_("Residential area")),
        *(label(k, tr) for k in ("households", "signed", "coverage")),
    )
    b.table(headers, rows)


def _initiatives(b: _Builder, st: Statistics, names: CatalogueNames) -> None:
    tr = b.tr
    b.section("initiatives")
    ini = st.initiatives
    b.item("active", b.n(ini.active))
    for code, count in ini.active_by_type.items():
        b.sub(names.initiative_type(code, tr), b.n(count))
    b.item("members", b.n(ini.members))
    b.item("new", b.n(ini.new))
    b.item("funding_total", Value(money(ini.funding_total, tr), ini.funding_total))
    for source, amount in ini.funding_by_source.items():
        b.sub(label(source, tr), Value(money(amount, tr), amount))
    if any(ini.assets.values()):  # under a heading of their own, not under the funding
        b.line(tr(EQUIPMENT), Value(""))
    for asset, count in ini.assets.items():  # unlike things (cameras, loudspeakers): no sum
        b.sub(asset, b.n(count))


def _results(b: _Builder, st: Statistics, names: CatalogueNames) -> None:
    tr = b.tr
    b.section("activities")
    a = st.activities
    b.item("sessions", b.n(a.sessions))
    for kind, totals in a.by_kind.items():
        text = tr(N_("{sessions} sessions, {people} participants")).format(
            sessions=fmt_int(totals.sessions, tr), people=fmt_int(totals.participants, tr)
        )
        b.sub(names.activity_kind(kind, tr), Value(text, totals.sessions))
    for key in ("participants", "tips_of_value", "cases_mediated", "surrendered"):
        b.item(key, b.n(getattr(a, key)))
    b.item("items", b.n(sum(a.items.values())))
    for key, count in a.items.items():
        b.sub(label(key, tr), b.n(count))
    b.section("evaluations")
    b.item("count", b.n(st.evaluations.count))
    b.item("meeting_standard", b.ratio(st.evaluations.meeting_standard, "meeting_standard"))
    b.section("teams")
    b.item("teams", b.n(st.teams.teams))
    b.item("members", b.n(st.teams.members))
    b.section("commendations")
    b.item("commendations", b.n(st.commendations.total))
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
            r = row.pledge_coverage
            words = tr(NOTHING_TO_COUNT["coverage"]) if r.denominator == 0 else None
            cells.append(Value(words or fmt_ratio(r, tr)))
        else:
            value = int(getattr(row, key))
            cells.append(Value(fmt_int(value, tr), value))
    return tuple(cells)
