"""What each tile and chart of the overview shows, and where a click on it leads.

Qt-free: plain functions from :class:`DashboardData` to texts, values and
:class:`~antt_desktop.gui.reports.drilldown.Target` values, so the page only places them.
"""

from __future__ import annotations

from dataclasses import dataclass

from antt_desktop.domain.rates import Ratio
from antt_desktop.domain.text import natural_key
from antt_desktop.gui.reports import drilldown
from antt_desktop.gui.reports.data import DashboardData
from antt_desktop.gui.reports.drilldown import Target
from antt_desktop.gui.reports.names import short_unit_name
from antt_desktop.i18n.formatting import fmt_int, fmt_percent, fmt_ratio
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.words import label, period_phrase
from antt_desktop.services.stats_model import UnitRow

#: Tile keys in the order the grid shows them (two rows of four).
TILES = (
    "managed",
    "due",
    "overdue",
    "coverage",
    "initiatives",
    "tips",
    "participants",
    "weapons",
)


@dataclass(frozen=True)
class TileFigure:
    caption: str
    value: str
    detail: str
    target: Target
    alert: bool = False


@dataclass(frozen=True)
class Bars:
    """A chart's bars: labels, values, hover texts and where each bar leads."""

    labels: list[str]
    values: list[float]
    tips: list[str]
    targets: list[Target]


def _percent(ratio: Ratio, tr: Translator) -> str:
    return "—" if ratio.percent is None else fmt_percent(ratio.percent, tr)


def tile_figures(data: DashboardData, unit_id: str | None, tr: Translator) -> dict[str, TileFigure]:
    """Every tile's texts; ``unit_id`` is the post the click-throughs keep (None: all)."""
    month, year = data.month, data.year
    m_name, y = period_phrase(month.period, tr), year.period.year

    def n(value: int) -> str:
        return fmt_int(value, tr)

    managed = month.managed.total
    due = month.assessments.total
    overdue = len(data.overdue)
    pledges = year.pledges.total
    acts = year.activities
    items = [(label(k, tr), c) for k, c in acts.items.items() if c]
    return {
        "managed": TileFigure(
            tr(N_("Persons under management")),
            n(month.managed.persons_open_at_end),
            tr(N_("In {period}: {opened} opened, {closed} closed")).format(
                period=m_name, opened=n(managed.opened), closed=n(managed.closed)
            ),
            drilldown.open_dossiers(unit_id),
        ),
        "due": TileFigure(
            tr(N_("Assessments due for {period}")).format(period=m_name),
            n(due.due),
            tr(N_("{done} already written")).format(done=n(due.done)),
            drilldown.assessments_due(month.period.label(), unit_id),
        ),
        "overdue": TileFigure(
            tr(N_("Overdue assessments")),
            n(overdue),
            tr(N_("Overdue: write them without delay"))
            if overdue
            else tr(N_("No assessment is overdue")),
            drilldown.assessments_overdue(unit_id),
            alert=overdue > 0,
        ),
        "coverage": TileFigure(
            tr(N_("Pledge coverage {year}")).format(year=y),
            _percent(pledges.coverage, tr),
            tr(N_("{signed} of {households} households signed")).format(
                signed=n(pledges.signed), households=n(pledges.households)
            ),
            drilldown.pledges(y, unit_id),
        ),
        "initiatives": TileFigure(
            tr(N_("Active initiatives")),
            n(month.initiatives.active),
            tr(N_("{new} launched in {year}")).format(new=n(year.initiatives.new), year=y),
            drilldown.active_initiatives(unit_id),
        ),
        "tips": TileFigure(
            tr(N_("Tips of value {year}")).format(year=y),
            n(acts.tips_of_value),
            tr(N_("{cases} cases mediated")).format(cases=n(acts.cases_mediated)),
            drilldown.activities_of_year(y, unit_id),
        ),
        "participants": TileFigure(
            tr(N_("Participants {year}")).format(year=y),
            n(acts.participants),
            tr(N_("in {sessions} sessions held")).format(sessions=n(acts.sessions)),
            drilldown.activities_of_year(y, unit_id),
        ),
        "weapons": TileFigure(
            tr(N_("Weapons collected {year}")).format(year=y),
            n(sum(acts.items.values())),
            ", ".join(
                f"{name if i == 0 else name[:1].lower() + name[1:]} {n(count)}"
                for i, (name, count) in enumerate(items)
            )
            or tr(N_("Nothing collected yet")),
            drilldown.activities_of_year(y, unit_id),
        ),
    }


def category_bars(data: DashboardData, unit_id: str | None, tr: Translator) -> Bars:
    """Persons under management by dossier category (categories with someone in them)."""
    bars = Bars([], [], [], [])
    for code, fig in data.month.managed.by_category.items():
        if not fig.open_at_end:
            continue
        name = data.names.category(code, tr)
        bars.labels.append(f"{name} ({fmt_int(fig.open_at_end, tr)})")
        bars.values.append(fig.open_at_end)
        bars.tips.append(f"{name}: {fmt_int(fig.open_at_end, tr)}")
        bars.targets.append(drilldown.dossiers_of_category(code, unit_id))
    return bars


def coverage_bars(
    data: DashboardData, unit_id: str | None, rows: tuple[UnitRow, ...], tr: Translator
) -> Bars:
    """Pledge coverage this year by residential area; by post when every post is in view."""
    year = data.year.period.year
    bars = Bars([], [], [], [])
    if data.posts.upper and data.unit == data.posts.parent:
        for row in sorted(rows, key=lambda r: natural_key(r.unit.name)):
            name = short_unit_name(row.unit.name)
            _add_coverage(bars, name, row.pledge_coverage, tr)
            bars.targets.append(drilldown.pledges(year, row.unit.id))
        return bars
    areas = sorted(
        (a for a in data.year.pledges.by_area if a.figures.households),
        key=lambda a: (a.area_name is None, natural_key(a.area_name or "")),
    )
    for area in areas:
        name = area.area_name or tr(N_("(no residential area)"))
        _add_coverage(bars, name, area.figures.coverage, tr)
        bars.targets.append(drilldown.pledges(year, unit_id, area.area_id))
    return bars


def _add_coverage(bars: Bars, name: str, ratio: Ratio, tr: Translator) -> None:
    bars.labels.append(f"{name} ({_percent(ratio, tr)})")
    bars.values.append(ratio.percent or 0.0)
    bars.tips.append(f"{name}: {fmt_ratio(ratio, tr)}")
