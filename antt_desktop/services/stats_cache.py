"""The grouped rows the figures are built from, read once per read and shared.

The overview states this month's and this year's figures for every post, then puts the posts
side by side for the year: without sharing, the pledges of the year are counted three times
and the year's assessments, dossiers and activities twice over 450,000 residents. Every row
set here is grouped by unit, so a set read for a unit and the units under it also answers
any part of that scope by keeping the rows of the units asked for — the figures stay
exactly those of a read of their own.

A :class:`StatsCache` lives as long as one read (one session); it is never kept across reads,
so a write between two reads is always seen.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.schedule import CategoryRule
from antt_desktop.services import catalogues
from antt_desktop.services.stats_scope import Scope, UnitTree, load_tree
from antt_desktop.store.models import DossierCategory

R = TypeVar("R")


def _covers(held: Scope, asked: Scope) -> bool:
    if held.unit_ids is None:
        return True
    return asked.unit_ids is not None and asked.unit_ids <= held.unit_ids


class StatsCache:
    """Row sets of one read, keyed by what they count and the period, shared across scopes.

    Args:
        session: the read's session; every row set is read through it.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._tree: UnitTree | None = None
        self._categories: tuple[list[str], dict[str, CategoryRule]] | None = None
        self._codes: dict[str, list[str]] = {}
        self._held: dict[Hashable, list[tuple[Scope, Any]]] = {}

    def tree(self) -> UnitTree:
        """The units (read once)."""
        if self._tree is None:
            self._tree = load_tree(self.session)
        return self._tree

    def categories(self) -> tuple[list[str], dict[str, CategoryRule]]:
        """Live category codes in catalogue order, and the rule of every category ever used."""
        if self._categories is None:
            cats = self.session.execute(
                select(DossierCategory).order_by(DossierCategory.position)
            ).scalars()
            order: list[str] = []
            rules: dict[str, CategoryRule] = {}
            for cat in cats:
                rules[cat.code] = catalogues.rule_of(cat)
                if not cat.deleted:
                    order.append(cat.code)
            self._categories = (order, rules)
        return self._categories

    def codes(self, catalogue: str) -> list[str]:
        """A simple catalogue's codes in order (read once)."""
        if catalogue not in self._codes:
            self._codes[catalogue] = list(catalogues.codes(self.session, catalogue))
        return self._codes[catalogue]

    def rows(
        self,
        key: Hashable,
        scope: Scope,
        read: Callable[[Scope], list[R]],
        unit_of: Callable[[R], str],
    ) -> list[R]:
        """``read(scope)``, or the rows of a set already read for a scope holding ``scope``.

        Args:
            key: what the rows count and for which period (the same key, the same query).
            unit_of: the unit a row belongs to.
        """
        for held, found in self._held.get(key, ()):
            if _covers(held, scope):
                if held == scope or scope.unit_ids is None:
                    return list(found)
                return [r for r in found if unit_of(r) in scope.unit_ids]
        found = read(scope)
        self._held.setdefault(key, []).append((scope, found))
        return list(found)

    def mapping(
        self,
        key: Hashable,
        scope: Scope,
        read: Callable[[Scope], Mapping[tuple[str, str], R]],
    ) -> dict[tuple[str, str], R]:
        """Like :meth:`rows` for counts keyed by ``(unit id, code)``."""
        for held, found in self._held.get(key, ()):
            if _covers(held, scope):
                if held == scope or scope.unit_ids is None:
                    return dict(found)
                return {k: v for k, v in found.items() if k[0] in scope.unit_ids}
        found = dict(read(scope))
        self._held.setdefault(key, []).append((scope, found))
        return dict(found)
