"""Where a figure of the overview leads: the list page and the filters behind the number.

The overview emits ``navigate(page_key, filters)``; the main window shows that page (keys of
``antt_desktop.gui.common.navigation.PAGES``) and hands it the filters. Filter keys a list page may
receive (it ignores those it does not know):

- ``unit_id``: records of one post (absent: every post in view);
- dossiers: ``status`` ("open"), ``category`` (a dossier category code), ``assessment``
  ("due" with ``period`` such as "2026-11", or "overdue"), ``dossier_id`` and ``person_id``
  (open that dossier);
- households: ``year`` (pledge year), ``area_id`` (a residential area);
- initiatives: ``status`` ("active"), ``year`` (activities held that year).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DOSSIERS = "dossiers"
HOUSEHOLDS = "households"
INITIATIVES = "initiatives"


@dataclass(frozen=True)
class Target:
    """A page and the filters that show the records behind a figure."""

    page: str
    filters: dict[str, Any] = field(default_factory=dict)


def _scoped(filters: dict[str, Any], unit_id: str | None) -> dict[str, Any]:
    if unit_id is not None:
        filters["unit_id"] = unit_id
    return filters


def open_dossiers(unit_id: str | None = None) -> Target:
    return Target(DOSSIERS, _scoped({"status": "open"}, unit_id))


def dossiers_of_category(code: str, unit_id: str | None = None) -> Target:
    return Target(DOSSIERS, _scoped({"category": code}, unit_id))


def assessments_due(period: str, unit_id: str | None = None) -> Target:
    return Target(DOSSIERS, _scoped({"assessment": "due", "period": period}, unit_id))


def assessments_overdue(unit_id: str | None = None) -> Target:
    return Target(DOSSIERS, _scoped({"assessment": "overdue"}, unit_id))


def dossier(dossier_id: str, person_id: str) -> Target:
    return Target(DOSSIERS, {"dossier_id": dossier_id, "person_id": person_id})


def pledges(year: int, unit_id: str | None = None, area_id: str | None = None) -> Target:
    filters: dict[str, Any] = {"year": year}
    if area_id is not None:
        filters["area_id"] = area_id
    return Target(HOUSEHOLDS, _scoped(filters, unit_id))


def active_initiatives(unit_id: str | None = None) -> Target:
    return Target(INITIATIVES, _scoped({"status": "active"}, unit_id))


def activities_of_year(year: int, unit_id: str | None = None) -> Target:
    return Target(INITIATIVES, _scoped({"year": year}, unit_id))
