"""What the overview (tổng quan) and the reports page read, gathered in one go on a worker.

The rows come from :mod:`antt_desktop.services.report_rows`; these helpers only open the
read (``AppContext.read`` opens its own session, so they run on any thread).
"""

from __future__ import annotations

from dataclasses import dataclass

from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.services import report_narratives, report_rows
from antt_desktop.services.changes import Kind
from antt_desktop.services.report_narratives import Narrative
from antt_desktop.services.report_rows import DashboardData, Posts, ReportData

__all__ = [
    "WATCHED",
    "DashboardData",
    "Posts",
    "ReportData",
    "ReportView",
    "load_dashboard",
    "load_report",
]

#: The kinds of records the figures are counted from: a change to one recounts them.
WATCHED = (
    *(Kind.PERSON, Kind.DOSSIER, Kind.ASSESSMENT, Kind.VIOLATION, Kind.SUPPORT, Kind.HOUSEHOLD),
    *(Kind.PLEDGE, Kind.INITIATIVE, Kind.FUNDING, Kind.ACTIVITY, Kind.EVALUATION, Kind.TEAM),
    *(Kind.TEAM_MEMBER, Kind.COMMENDATION, Kind.UNIT, Kind.AREA, Kind.INDICATOR),
    *(Kind.CATALOGUE, Kind.CATEGORY, Kind.NARRATIVE),
)


@dataclass(frozen=True)
class ReportView:
    """A report's figures with the texts its chief wrote for it (parts I–V)."""

    data: ReportData
    narrative: Narrative


def load_dashboard(
    app: AppContext, unit_id: str | None = None, *, with_comparison: bool = True
) -> DashboardData:
    """The overview's figures (about a second over 450,000 persons: run it on a worker)."""
    with app.read() as ctx:
        return report_rows.dashboard(ctx, unit_id, with_comparison=with_comparison)


def load_report(app: AppContext, period: Period, unit_id: str) -> ReportView:
    """A periodic report's figures and texts (run it on a worker)."""
    with app.read() as ctx:
        return ReportView(
            report_rows.period_report(ctx, period, unit_id),
            report_narratives.narrative(ctx, period, unit_id=unit_id),
        )
