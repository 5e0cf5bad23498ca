"""The database's last check on text: no record is written holding a control character or
a bidi mark, or a long text over its limit, whatever path the value came by.

The services check every input first (``services.values.text_input_problems``), so the
window shows the problem under its field as the officer types; this listener catches any
path that forgot, and any field added later, before the flush writes it. It raises
``ValidationFailed`` naming the column, so the caller's transaction rolls back whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import InstanceState, Mapper, Session, UOWTransaction, sessionmaker

from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.domain.text_input import LONG_TEXT_MAX, first_forbidden, text_problems
from antt_desktop.store.base import SYNC_COLUMNS, Synced


@cache
def text_columns(mapper: Mapper[object]) -> tuple[tuple[str, bool], ...]:
    """(attribute, multi-line) for each text column of a synced table: ``Text`` columns
    are multi-line (notes, narratives), ``String(n)`` columns one line."""
    out = []
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if attr.key in SYNC_COLUMNS or attr.key == "id" or not isinstance(column.type, String):
            continue
        out.append((attr.key, isinstance(column.type, Text)))
    return tuple(out)


def all_allowed(values: Sequence[str], *, multiline: bool = False) -> bool:
    """True when no value of ``values`` holds a refused character: the single-value rule
    (``domain.text_input.first_forbidden``) applied once to them all, joined by spaces. A
    space is allowed and ends no line break, so the joined text holds a refused character
    exactly when one of the values does (a lone carriage return at the end of one value
    stays lone)."""
    return first_forbidden(" ".join(values), multiline=multiline) is None


def row_problems(obj: object, *, only_changed: bool) -> list[Problem]:
    """Problems of the text values ``obj`` would write (all of them, or only those set since
    it was loaded). Reads the instance's own values: no attribute machinery, no query."""
    state: InstanceState[object] = inspect(obj)  # type: ignore[assignment]
    values = state.dict
    changed = state.committed_state
    problems: list[Problem] = []
    for key, multiline in text_columns(state.mapper):
        if only_changed and key not in changed:
            continue
        value = values.get(key)
        if isinstance(value, str):
            problems += text_problems(
                key, value, multiline=multiline, limit=LONG_TEXT_MAX if multiline else None
            )
    return problems


def install(session_class: sessionmaker[Session] | type[Session]) -> None:
    """Refuse, on every flush of ``session_class``'s sessions, a synced row with bad text."""

    def before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
        problems: list[Problem] = []
        for obj in session.new:
            if isinstance(obj, Synced):
                problems += row_problems(obj, only_changed=False)
        for obj in session.dirty:
            if isinstance(obj, Synced):
                problems += row_problems(obj, only_changed=True)
        raise_if_errors(problems)

    event.listen(session_class, "before_flush", before_flush)
