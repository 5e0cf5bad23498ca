"""The lists an initiative holds: the areas it covers, its funding lines and its assets.

Lines are checked as typed (an empty row left in the table is skipped; a problem names the
line, from 1), then reconciled with the stored ones: identical lines are kept, the lines
that go are tombstoned and the new ones added, so the change travels by sync like any
other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import FundingSource
from antt_desktop.domain.errors import Problem
from antt_desktop.domain.text import fold
from antt_desktop.services.values import CountValue, clean_text, is_blank, read_money, read_whole
from antt_desktop.store.models import Area, InitiativeArea, InitiativeAsset, InitiativeFunding

SOURCES = [s.value for s in FundingSource]
#: The codes of problems about one line; each carries the param ``line``.
_LINE_CODES = {"invalid_code": "line.number_invalid", "negative_code": "line.negative"}

Funding = tuple[int, str, str | None]  # amount in đồng, source, note
Asset = tuple[str, int]  # kind, count


@dataclass
class FundingLine:
    """A funding line as typed: amount in whole đồng, source (state_budget, community...)."""

    amount_vnd: CountValue = None
    source: str | None = None
    note: str | None = None


@dataclass
class AssetLine:
    """Assets as typed: what (e.g. "Camera giám sát") and how many."""

    kind: str | None = None
    count: CountValue = None


def check_funding(lines: list[FundingLine], problems: list[Problem]) -> list[Funding]:
    """The funding lines as stored; problems name ``funding.<field>`` and the line."""
    out: list[Funding] = []
    for i, line in enumerate(lines, 1):
        if isinstance(line, dict):
            line = FundingLine(**line)
        if is_blank(line.amount_vnd, line.source, line.note):
            continue  # an empty row left in the table
        before = len(problems)
        amount = read_money(line.amount_vnd, "funding.amount_vnd", problems, **_LINE_CODES, line=i)
        source, note = (line.source or "").strip(), clean_text(line.note)
        if is_blank(line.amount_vnd):
            problems.append(Problem("funding.amount_vnd", "line.required", {"line": i}))
        if not source:
            problems.append(Problem("funding.source", "line.required", {"line": i}))
        elif source not in SOURCES:
            problems.append(
                Problem(
                    "funding.source",
                    "line.choice",
                    {"line": i, "value": source, "allowed": SOURCES},
                )
            )
        if note is not None and len(note) > 300:
            problems.append(Problem("funding.note", "line.too_long", {"line": i, "max": 300}))
        if len(problems) == before and amount is not None:
            out.append((amount, source, note))
    return out


def check_assets(lines: list[AssetLine], problems: list[Problem]) -> list[Asset]:
    """The asset lines as stored; problems name ``assets.<field>`` and the line."""
    out: list[Asset] = []
    for i, line in enumerate(lines, 1):
        if isinstance(line, dict):
            line = AssetLine(**line)
        if is_blank(line.kind, line.count):
            continue
        before = len(problems)
        kind = clean_text(line.kind)
        count = read_whole(line.count, "assets.count", problems, **_LINE_CODES, line=i)
        if kind is None:
            problems.append(Problem("assets.kind", "line.required", {"line": i}))
        elif len(kind) > 120:
            problems.append(Problem("assets.kind", "line.too_long", {"line": i, "max": 120}))
        if is_blank(line.count):
            problems.append(Problem("assets.count", "line.required", {"line": i}))
        if len(problems) == before and kind is not None and count is not None:
            out.append((kind, count))
    return out


def check_areas(
    s: Session, unit_id: str, area_ids: list[str], problems: list[Problem]
) -> list[str]:
    """The areas wanted (once each, in the order given); each must be a live area of the
    unit."""
    wanted = list(dict.fromkeys(a for a in area_ids if a))
    rows = {a.id: a for a in s.execute(select(Area).where(Area.id.in_(wanted))).scalars()}
    for area_id in wanted:
        area = rows.get(area_id)
        if area is None or area.deleted:
            problems.append(Problem("area_ids", "initiative.area_unknown", {"value": area_id}))
        elif area.unit_id != unit_id:
            problems.append(Problem("area_ids", "initiative.area_other_unit", {"value": area.name}))
    return wanted


def live_lines(
    s: Session, model: type[InitiativeFunding] | type[InitiativeAsset], ident: str
) -> list[Any]:
    """The live funding or asset lines of an initiative, in the order they were added."""
    return list(
        s.execute(
            select(model)
            .where(model.initiative_id == ident, model.deleted.is_(False))
            .order_by(model.local_seq)
        ).scalars()
    )


def covered_areas(s: Session, ident: str) -> list[Area]:
    """Areas covered, in Vietnamese order (binary order would put "Đ" after "Z")."""
    rows = s.execute(
        select(Area)
        .join(InitiativeArea, InitiativeArea.area_id == Area.id)
        .where(InitiativeArea.initiative_id == ident, InitiativeArea.deleted.is_(False))
    )
    return sorted(rows.scalars(), key=lambda a: (fold(a.name), a.name))


def _sync_areas(s: Session, ident: str, wanted: list[str]) -> bool:
    """Make the live area links match ``wanted``; tombstone or revive rows, never delete."""
    rows = s.execute(select(InitiativeArea).where(InitiativeArea.initiative_id == ident))
    known: dict[str, InitiativeArea] = {}
    changed = False
    for row in rows.scalars():
        known[row.area_id] = row
        if row.deleted == (row.area_id in wanted):
            row.deleted, changed = not row.deleted, True
    for area_id in wanted:
        if area_id not in known:
            s.add(InitiativeArea(initiative_id=ident, area_id=area_id))
            changed = True
    return changed


def _sync_lines(
    s: Session,
    model: type[InitiativeFunding] | type[InitiativeAsset],
    ident: str,
    keys: tuple[str, ...],
    wanted: list[tuple[Any, ...]],
) -> bool:
    """Keep identical lines, tombstone the others and add the new ones."""
    remaining, changed = list(wanted), False
    for row in live_lines(s, model, ident):
        value = tuple(getattr(row, k) for k in keys)
        if value in remaining:
            remaining.remove(value)
        else:
            row.deleted, changed = True, True
    for value in remaining:
        s.add(model(initiative_id=ident, **dict(zip(keys, value, strict=True))))
        changed = True
    return changed


def write_lines(
    s: Session, ident: str, area_ids: list[str], funding: list[Funding], assets: list[Asset]
) -> list[str]:
    """Make the initiative's stored lists these (checked) ones; returns the names of the
    lists that changed (``area_ids``, ``funding``, ``assets``), for the audit entry."""
    changed = {
        "area_ids": _sync_areas(s, ident, area_ids),
        "funding": _sync_lines(
            s, InitiativeFunding, ident, ("amount_vnd", "source", "note"), list(funding)
        ),
        "assets": _sync_lines(s, InitiativeAsset, ident, ("kind", "count"), list(assets)),
    }
    return [name for name, was_changed in changed.items() if was_changed]
