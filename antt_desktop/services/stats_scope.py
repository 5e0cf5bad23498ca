"""Which units a figure covers: one unit with the units under it, or every unit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import ColumnElement, case, func, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services.stats_model import UnitRef
from antt_desktop.store.models import Unit

V = TypeVar("V")


@dataclass(frozen=True)
class UnitTree:
    """Every live unit with its parent (a province above upper units above posts)."""

    units: dict[str, UnitRef]
    parent: dict[str, str | None]
    children: dict[str | None, list[str]] = field(default_factory=dict)

    def resolve(self, key: str) -> UnitRef:
        """The unit with this id or code.

        Raises:
            ValidationFailed: field ``unit``, code ``stats.unit_unknown``, param ``value``.
        """
        if key in self.units:
            return self.units[key]
        for unit in self.units.values():
            if unit.code == key.strip():
                return unit
        raise ValidationFailed.single("unit", "stats.unit_unknown", value=key)

    def subtree(self, unit_id: str) -> frozenset[str]:
        """``unit_id`` and every unit below it."""
        found: set[str] = set()
        stack = [unit_id]
        while stack:
            current = stack.pop()
            if current in found:
                continue  # a cycle in bad data must not loop forever
            found.add(current)
            stack.extend(self.children.get(current, ()))
        return frozenset(found)

    def roots(self) -> list[str]:
        """Units with no (live) parent."""
        return [u for u, p in self.parent.items() if p is None or p not in self.units]

    def child_units(self, unit_id: str) -> list[UnitRef]:
        """The units directly under ``unit_id``, by code."""
        return sorted((self.units[c] for c in self.children.get(unit_id, ())), key=lambda u: u.code)


def load_tree(session: Session) -> UnitTree:
    """Read the (small) units table once."""
    rows = session.execute(
        select(Unit.id, Unit.code, Unit.name, Unit.parent_id).where(Unit.deleted.is_(False))
    ).all()
    units = {r.id: UnitRef(r.id, r.code, r.name) for r in rows}
    parent = {r.id: r.parent_id for r in rows}
    children: dict[str | None, list[str]] = {}
    for r in rows:
        key = r.parent_id if r.parent_id in units else None
        children.setdefault(key, []).append(r.id)
    return UnitTree(units, parent, children)


@dataclass(frozen=True)
class Scope:
    """The units a query covers; ``unit_ids`` None means every unit in the database."""

    unit_ids: frozenset[str] | None = None

    def where(self, column: InstrumentedAttribute[str] | ColumnElement[str]) -> ColumnElement[bool]:
        """A condition keeping rows whose unit column is in scope."""
        if self.unit_ids is None:
            return true()
        return column.in_(sorted(self.unit_ids))


def scope_of(tree: UnitTree, unit_id: str | None) -> tuple[UnitRef | None, Scope]:
    """The unit named by id or code (None: every unit) and the scope it covers."""
    if unit_id is None:
        return None, Scope(None)
    unit = tree.resolve(unit_id)
    return unit, Scope(tree.subtree(unit.id))


def owner_map(tree: UnitTree, heads: Iterable[UnitRef]) -> dict[str, str]:
    """unit id → the id of the head unit (one of ``heads``) whose subtree holds it."""
    owners: dict[str, str] = {}
    for head in heads:
        for unit_id in tree.subtree(head.id):
            owners.setdefault(unit_id, head.id)
    return owners


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """SUM(CASE WHEN condition THEN 1 ELSE 0 END), 0 when there are no rows."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def sum_if(condition: ColumnElement[bool], value: ColumnElement[int]) -> ColumnElement[int]:
    """The sum of ``value`` over the rows meeting ``condition`` (0 when none)."""
    return func.coalesce(func.sum(case((condition, value), else_=0)), 0)


def in_order(values: Mapping[str, V], known: Iterable[str], zero: V) -> dict[str, V]:
    """``values`` keyed by every ``known`` code in order (``zero`` when absent), then any
    other code found, sorted."""
    known = list(known)
    result = {code: values.get(code, zero) for code in known}
    result.update((code, values[code]) for code in sorted(set(values) - set(known)))
    return result
