"""The figures a periodic report prints (số liệu báo cáo), as a tree of frozen dataclasses.

Values are plain ints and :mod:`antt_desktop.domain.rates` values (``Ratio``, ``Change``);
formatting is the i18n layer's job. ``to_dict()`` gives the same tree as JSON-ready values.
Mappings keyed by a code (category, close reason, type, kind...) keep catalogue order.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Change, Ratio

#: The ratio of nothing to nothing (no percentage), the default of empty figures.
NOTHING = Ratio(0, 0)


def to_plain(value: Any) -> Any:
    """``value`` as JSON-ready data: dicts, lists, str, int, float, bool and None."""
    if isinstance(value, Ratio):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "percent": value.percent,
        }
    if isinstance(value, Change):
        return {
            "before": value.before,
            "after": value.after,
            "delta": value.delta,
            "direction": value.direction,
            "percent": value.percent,
        }
    if isinstance(value, Period):
        return value.label()
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value


class _Plain:
    def to_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready data (ratios and changes with their percentages)."""
        result: dict[str, Any] = to_plain(self)
        return result


@dataclass(frozen=True)
class UnitRef(_Plain):
    """A unit as reports name it."""

    id: str
    code: str
    name: str


@dataclass(frozen=True)
class CategoryFigures(_Plain):
    """Dossiers of one category (or all): open at the period's end, opened, closed in it."""

    open_at_end: int = 0
    opened: int = 0
    closed: int = 0
    closed_by_reason: dict[str, int] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class ManagedPeople(_Plain):
    """Managed persons (đối tượng quản lý) by dossier category.

    ``persons_open_at_end`` counts each person once, even with dossiers in two categories.
    """

    by_category: dict[str, CategoryFigures]
    total: CategoryFigures
    persons_open_at_end: int


@dataclass(frozen=True)
class AssessmentFigures(_Plain):
    """Assessments due for the period's months or quarters, and where they stand today."""

    due: int = 0
    done: int = 0
    done_late: int = 0
    overdue: int = 0
    completion: Ratio = NOTHING


@dataclass(frozen=True)
class Assessments(_Plain):
    by_category: dict[str, AssessmentFigures]
    total: AssessmentFigures


@dataclass(frozen=True)
class Classification(_Plain):
    """Open dossiers of released persons at the period's end by class A/B/C/D."""

    by_class: dict[str, int]
    unclassified: int
    total: int


@dataclass(frozen=True)
class PledgeFigures(_Plain):
    """Households and their pledges (cam kết) for one year; coverage = (signed + violated) /
    households: a household that broke its pledge had signed it."""

    households: int = 0
    signed: int = 0
    refused: int = 0
    violated: int = 0
    not_recorded: int = 0
    cultured_family: int = 0
    coverage: Ratio = NOTHING


@dataclass(frozen=True)
class AreaPledges(_Plain):
    """Pledge figures of one residential area (``area_id`` None: households with no area)."""

    unit_code: str
    area_id: str | None
    area_name: str | None
    figures: PledgeFigures


@dataclass(frozen=True)
class Pledges(_Plain):
    year: int
    total: PledgeFigures
    by_area: tuple[AreaPledges, ...]


@dataclass(frozen=True)
class Initiatives(_Plain):
    """Initiatives (mô hình) active at the period's end, new in it, and what they hold.

    Funding and assets are those of the initiatives active at the period's end.
    """

    active: int
    active_by_type: dict[str, int]
    new: int
    new_by_type: dict[str, int]
    members: int
    funding_total: int
    funding_by_source: dict[str, int]
    assets: dict[str, int]


@dataclass(frozen=True)
class KindTotals(_Plain):
    sessions: int = 0
    participants: int = 0


@dataclass(frozen=True)
class Activities(_Plain):
    """Activity results (hoạt động, kết quả) in the period; ``items`` are weapons collected."""

    sessions: int
    participants: int
    by_kind: dict[str, KindTotals]
    tips_of_value: int
    cases_mediated: int
    surrendered: int
    items: dict[str, int]


@dataclass(frozen=True)
class Evaluations(_Plain):
    """Evaluations (chấm điểm) in the period, corrections counted once."""

    count: int
    meeting_standard: Ratio


@dataclass(frozen=True)
class TeamFigures(_Plain):
    teams: int = 0
    members: int = 0


@dataclass(frozen=True)
class Teams(_Plain):
    """Active teams (tổ) and their members at the period's end."""

    teams: int
    members: int
    by_kind: dict[str, TeamFigures]


@dataclass(frozen=True)
class Commendations(_Plain):
    """Commendations (khen thưởng) decided in the period."""

    total: int
    by_kind: dict[str, int]


@dataclass(frozen=True)
class Statistics(_Plain):
    """Everything a periodic report states for one period and unit (None: every unit)."""

    period: Period
    unit: UnitRef | None
    today: date
    managed: ManagedPeople
    assessments: Assessments
    classification: Classification
    reoffence: Ratio
    pledges: Pledges
    initiatives: Initiatives
    activities: Activities
    evaluations: Evaluations
    teams: Teams
    commendations: Commendations
    indicators: dict[str, Change]


@dataclass(frozen=True)
class UnitRow(_Plain):
    """One child unit in a side-by-side comparison at an upper unit."""

    unit: UnitRef
    managed_open: int
    assessments_due: int
    assessments_overdue: int
    households: int
    pledge_coverage: Ratio
    active_initiatives: int
    sessions: int
    participants: int
    tips_of_value: int
    cases_mediated: int
    surrendered: int
    items_collected: int
