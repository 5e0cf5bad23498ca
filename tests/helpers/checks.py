"""Comparing a service's check function with its write: the check finds exactly what the
write refuses with, and neither the check nor the refused write leaves anything behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.store.base import Base
from antt_desktop.store.database import Database

Rows = dict[str, tuple[int, list[str]]]


def rows(db: Database) -> Rows:
    """Every table's row count and rows (as text), to tell that nothing was written."""
    with db.read() as session:
        return {
            table.name: (
                session.execute(select(func.count()).select_from(table)).scalar_one(),
                sorted(repr(tuple(row)) for row in session.execute(select(table))),
            )
            for table in Base.metadata.sorted_tables
        }


def refused_alike(
    db: Database,
    read: Callable[..., Any],
    write: Callable[..., Any],
    check: Callable[..., list[Problem]],
    act: Callable[..., Any],
    *args: Any,
    **kwargs: Any,
) -> list[Problem]:
    """The problems ``check`` finds in the input, after asserting that ``act`` (the write)
    refuses the same input with the same problems and that neither changed a row."""
    before = rows(db)
    with read() as ctx:
        problems = check(ctx, *args, **kwargs)
    assert rows(db) == before, "the check wrote"
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        act(ctx, *args, **kwargs)
    assert refused.value.problems == problems
    assert rows(db) == before, "the refused write left rows behind"
    return problems


def accepted_alike(
    db: Database,
    read: Callable[..., Any],
    write: Callable[..., Any],
    check: Callable[..., list[Problem]],
    act: Callable[..., Any],
    *args: Any,
    **kwargs: Any,
) -> Any:
    """What ``act`` returns for an input its ``check`` finds nothing wrong with, after
    asserting that the check changed no row (the write is then free to)."""
    before = rows(db)
    with read() as ctx:
        assert check(ctx, *args, **kwargs) == []
    assert rows(db) == before, "the check wrote"
    with write() as ctx:
        return act(ctx, *args, **kwargs)
