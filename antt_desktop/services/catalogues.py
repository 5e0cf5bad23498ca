"""Catalogues: loading them from ``resources/`` and looking them up.

Simple code lists (ethnic groups, religions, ID province codes, initiative types, activity
kinds, team kinds) live in ``catalogue_items``; dossier categories and rubrics have tables of
their own because they carry rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import Cadence
from antt_desktop.domain.errors import Problem
from antt_desktop.domain.schedule import CategoryRule
from antt_desktop.resources_access import read_csv, read_json
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import CatalogueItem, DossierCategory, Rubric

ETHNIC = "ethnic_group"
RELIGION = "religion"
ID_PROVINCE = "id_province"
INITIATIVE_TYPE = "initiative_type"
ACTIVITY_KIND = "activity_kind"
TEAM_KIND = "team_kind"


def _code_list(catalogue: str, rows: Iterable[Mapping[str, str | None]]) -> list[CatalogueItem]:
    return [
        CatalogueItem(
            id=natural_id("catalogue_items", catalogue, r["code"]),
            catalogue=catalogue,
            code=str(r["code"]),
            name_vi=str(r.get("name_vi") or r.get("name") or r.get("province")),
            name_en=r.get("name_en"),
            position=i,
        )
        for i, r in enumerate(rows)
    ]


def load_all(session: Session) -> None:
    """Load every catalogue shipped in ``resources/`` (at ``antt init``); ids follow from the
    codes, so every node holds the same rows and the upper unit's updates merge into them."""
    items = (
        _code_list(ETHNIC, read_csv("data", "ethnic_groups.csv"))
        + _code_list(RELIGION, read_csv("data", "religions.csv"))
        + _code_list(ID_PROVINCE, read_csv("data", "cccd_province_codes.csv"))
        + _code_list(INITIATIVE_TYPE, read_json("catalogues", "initiative_types.json"))
        + _code_list(ACTIVITY_KIND, read_json("catalogues", "activity_kinds.json"))
        + _code_list(TEAM_KIND, read_json("catalogues", "team_kinds.json"))
    )
    session.add_all(items)
    forget_cached(session)
    for i, c in enumerate(read_json("catalogues", "dossier_categories.json")):
        session.add(
            DossierCategory(id=natural_id("dossier_categories", c["code"]), position=i, **c)
        )
    for r in read_json("catalogues", "rubrics.json"):
        session.add(Rubric(id=natural_id("rubrics", r["code"]), **r))
    session.flush()


_CACHE_KEY = "antt.catalogue_codes"


def forget_cached(session: Session) -> None:
    """Drop the session's remembered catalogues (call after writing catalogue rows)."""
    session.info.pop(_CACHE_KEY, None)


def codes(session: Session, catalogue: str) -> dict[str, str]:
    """code → Vietnamese name of one simple catalogue, in catalogue order.

    Remembered for the session (a transaction), so validating 15,000 imported rows reads each
    catalogue once; code that writes catalogue rows calls :func:`forget_cached`.
    """
    cache: dict[str, dict[str, str]] = session.info.setdefault(_CACHE_KEY, {})
    if catalogue not in cache:
        rows = session.execute(
            select(CatalogueItem.code, CatalogueItem.name_vi)
            .where(CatalogueItem.catalogue == catalogue, CatalogueItem.deleted.is_(False))
            .order_by(CatalogueItem.position)
        )
        cache[catalogue] = {code: name for code, name in rows}
    return dict(cache[catalogue])


def retired_problems(
    session: Session, catalogue: str, code: str | None, field: str
) -> list[Problem]:
    """``catalogue.retired`` when entry ``code`` of ``catalogue`` (a simple catalogue's name,
    or ``dossier_category`` / ``rubric``) is retired: a new record may not take it, old
    records keep it."""
    if not code:
        return []
    model: Any = {"dossier_category": DossierCategory, "rubric": Rubric}.get(catalogue)
    query = (
        select(CatalogueItem.name_vi).where(
            CatalogueItem.catalogue == catalogue, CatalogueItem.code == code
        )
        if model is None
        else select(model.name_vi).where(model.code == code)
    )
    model_cls = model or CatalogueItem
    name = session.execute(query.where(model_cls.retired.is_(True))).scalar()
    return [Problem(field, "catalogue.retired", {"value": name})] if name else []


def category(session: Session, code: str) -> DossierCategory | None:
    return session.execute(
        select(DossierCategory).where(DossierCategory.code == code)
    ).scalar_one_or_none()


def categories(session: Session) -> list[DossierCategory]:
    return list(
        session.execute(
            select(DossierCategory)
            .where(DossierCategory.deleted.is_(False))
            .order_by(DossierCategory.position)
        ).scalars()
    )


def rule_of(cat: DossierCategory) -> CategoryRule:
    return CategoryRule(
        code=cat.code,
        cadence=Cadence(cat.cadence),
        due_day=cat.due_day,
        default_months=cat.default_months,
    )


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    max: int


def rubric(session: Session, code: str) -> Rubric | None:
    return session.execute(select(Rubric).where(Rubric.code == code)).scalar_one_or_none()


def pledge_template() -> tuple[str, list[str]]:
    data = read_json("catalogues", "pledge_items.json")
    return str(data["version"]), list(data["items"])
