"""The figures of ``antt stats`` as lines of text, worded the way a periodic report is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from antt_desktop.i18n.formatting import fmt_change, fmt_int, fmt_money, fmt_ratio
from antt_desktop.i18n.texts.initiatives import INDICATORS
from antt_desktop.i18n.texts.stats import LABELS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services import catalogues, report_rows
from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.services.stats_model import Statistics, UnitRow


@dataclass(frozen=True)
class Names:
    """Catalogue names in the chosen language, for codes the figures are keyed by."""

    categories: dict[str, str]
    by_catalogue: dict[str, dict[str, str]]

    @classmethod
    def read(cls, ctx: Ctx, tr: Translator) -> Names:
        """The names from :func:`report_rows.catalogue_names` (the window's too)."""
        book = report_rows.catalogue_names(ctx)
        pick = 1 if tr.lang == "en" else 0
        by_catalogue: dict[str, dict[str, str]] = {}
        for (catalogue, code), names in book.items.items():
            by_catalogue.setdefault(catalogue, {})[code] = names[pick]
        return cls({code: names[pick] for code, names in book.categories.items()}, by_catalogue)

    @classmethod
    def load(cls, session: Any, tr: Translator) -> Names:
        """The same from a bare session, for the commands that still pass ``ctx.session``.

        Catalogue names are reference data every role reads, so the program's own actor
        stands in for the caller's; prefer :meth:`read` with the caller's context.
        """
        return cls.read(Ctx(session, SYSTEM, date.today()), tr)

    def of(self, catalogue: str, code: str) -> str:
        return self.by_catalogue.get(catalogue, {}).get(code, code)


def _label(key: str, tr: Translator) -> str:
    return tr(LABELS[key]) if key in LABELS else key


def render(st: Statistics, names: Names, tr: Translator) -> list[str]:
    """Every section of the statistics, each figure on a line of its own."""

    def n(value: int) -> str:
        return fmt_int(value, tr)

    unit = st.unit.name if st.unit else tr(N_("All units"))
    out = [
        tr(N_("Figures for {period} — {unit} (as of {today})")).format(
            period=st.period.label(), unit=unit, today=st.today.strftime("%d/%m/%Y")
        ),
        "",
    ]

    def section(key: str) -> None:
        out.extend(["", _label(key, tr).upper()])

    def item(label: str, value: str, indent: int = 1) -> None:
        out.append(f"{'  ' * indent}{label}: {value}")

    section("managed")
    item(_label("persons_open_at_end", tr), n(st.managed.persons_open_at_end))
    for code, fig in st.managed.by_category.items():
        if fig.open_at_end or fig.opened or fig.closed:
            item(
                names.categories.get(code, code),
                tr(N_("{open} under management, {opened} opened, {closed} closed")).format(
                    open=n(fig.open_at_end), opened=n(fig.opened), closed=n(fig.closed)
                ),
                2,
            )
    section("assessments")
    total = st.assessments.total
    for key in ("due", "done", "done_late", "overdue"):
        item(_label(key, tr), n(getattr(total, key)))
    item(_label("completion", tr), fmt_ratio(total.completion, tr))
    section("classification")
    for cls, count in st.classification.by_class.items():
        item(tr(N_("Class {letter}")).format(letter=cls), n(count))
    item(_label("unclassified", tr), n(st.classification.unclassified))
    section("reoffence")
    item(_label("reoffence", tr), fmt_ratio(st.reoffence, tr))
    section("pledges")
    p = st.pledges.total
    item(_label("year", tr), str(st.pledges.year))
    item(_label("households", tr), n(p.households))
    item(_label("signed", tr), n(p.signed))
    item(_label("refused", tr), n(p.refused))
    item(_label("violated", tr), n(p.violated))
    item(_label("coverage", tr), fmt_ratio(p.coverage, tr))
    for area in st.pledges.by_area:
        item(
            area.area_name or tr(N_("(no residential area)")),
            fmt_ratio(area.figures.coverage, tr),
            2,
        )
    section("initiatives")
    item(_label("active", tr), n(st.initiatives.active))
    for code, count in st.initiatives.active_by_type.items():
        item(names.of(catalogues.INITIATIVE_TYPE, code), n(count), 2)
    item(_label("new", tr), n(st.initiatives.new))
    item(_label("funding_total", tr), fmt_money(st.initiatives.funding_total, tr))
    for source, amount in st.initiatives.funding_by_source.items():
        item(_label(source, tr), fmt_money(amount, tr), 2)
    for asset, count in st.initiatives.assets.items():
        item(asset, n(count), 2)
    section("activities")
    a = st.activities
    item(_label("sessions", tr), n(a.sessions))
    for kind, totals in a.by_kind.items():
        item(
            names.of(catalogues.ACTIVITY_KIND, kind),
            tr(N_("{sessions} sessions, {people} participants")).format(
                sessions=n(totals.sessions), people=n(totals.participants)
            ),
            2,
        )
    item(_label("participants", tr), n(a.participants))
    item(_label("tips_of_value", tr), n(a.tips_of_value))
    item(_label("cases_mediated", tr), n(a.cases_mediated))
    item(_label("surrendered", tr), n(a.surrendered))
    for key, count in a.items.items():
        if count:
            item(_label(key, tr), n(count), 2)
    section("evaluations")
    item(_label("count", tr), n(st.evaluations.count))
    item(_label("meeting_standard", tr), fmt_ratio(st.evaluations.meeting_standard, tr))
    section("teams")
    item(_label("teams", tr), n(st.teams.teams))
    item(_label("members", tr), n(st.teams.members))
    section("commendations")
    item(_label("commendations", tr), n(st.commendations.total))
    for kind, count in st.commendations.by_kind.items():
        item(_label(kind, tr), n(count), 2)
    if st.indicators:
        section("indicators")
        for code, change in st.indicators.items():
            item(tr(INDICATORS.get(code, code)), fmt_change(change, tr))
    return out


def render_units(rows: Sequence[UnitRow], tr: Translator) -> list[str]:
    """The side-by-side comparison of an upper unit's posts, one line per post."""
    out = ["", _label("compare_units", tr).upper()]
    for r in rows:
        out.append(
            f"  {r.unit.name} ({r.unit.code}): "
            + tr(
                N_(
                    "{overdue} overdue of {due} assessments due; pledges {coverage};"
                    " {initiatives} active initiatives; {tips} tips of value"
                )
            ).format(
                overdue=fmt_int(r.assessments_overdue, tr),
                due=fmt_int(r.assessments_due, tr),
                coverage=fmt_ratio(r.pledge_coverage, tr),
                initiatives=fmt_int(r.active_initiatives, tr),
                tips=fmt_int(r.tips_of_value, tr),
            )
        )
    return out
