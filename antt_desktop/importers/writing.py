"""Adding checked rows through the services, each row whole or not at all.

Each row runs in a savepoint: if a service refuses it (``ValidationFailed``), whatever that
row had already written is undone, the row is reported as refused and the import goes on.
Any other error propagates, and the caller's transaction writes nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from sqlalchemy import Result, Select, event, select
from sqlalchemy.engine import FrozenResult
from sqlalchemy.orm import ORMExecuteState, Session

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.importers.reading import Cell
from antt_desktop.importers.report import ImportReport, RefusedRow
from antt_desktop.services.context import Ctx
from antt_desktop.store.models import Area, CatalogueItem, LocalNode


def remap(problems: Sequence[Problem], field_of: Mapping[str, str]) -> tuple[Problem, ...]:
    """The problems with service field names replaced by the sheet's (``area_id`` → ``area``)."""
    return tuple(
        replace(p, field=field_of[p.field]) if p.field in field_of else p for p in problems
    )


@contextmanager
def catalogue_cache(session: Session) -> Iterator[None]:
    """Serve the session's catalogue reads from memory while the block runs.

    WORKAROUND: ``people.validate`` reads whole catalogues (``catalogues.codes``: ID
    province codes, ethnic groups, religions) for every person it checks, a quarter of the
    time an import spends per row. Inside one write transaction that writes no catalogue
    their rows cannot change, so each distinct query runs once. This follows SQLAlchemy's
    ``do_orm_execute`` caching recipe (which keys statements by ``_generate_cache_key``);
    remove it once ``catalogues.codes`` keeps its answers per session.
    """
    cache: dict[Any, FrozenResult[Any]] = {}
    table = CatalogueItem.__table__

    def serve(state: ORMExecuteState) -> Result[Any] | None:
        statement = state.statement
        if not isinstance(statement, Select) or not any(
            f is table for f in statement.get_final_froms()
        ):
            return None
        generated = statement._generate_cache_key()
        if generated is None:
            return None
        try:
            key = (generated.key, tuple(b.effective_value for b in generated.bindparams))
            hash(key)
        except TypeError:
            return None
        frozen = cache.get(key)
        if frozen is None:
            frozen = cache[key] = state.invoke_statement().freeze()
        return frozen()

    event.listen(session, "do_orm_execute", serve)
    try:
        yield
    finally:
        event.remove(session, "do_orm_execute", serve)


class RowWriter:
    """Writes rows in the caller's transaction and records the outcome in ``report``."""

    def __init__(self, ctx: Ctx, report: ImportReport, keep: Iterable[object] = ()) -> None:
        self.ctx = ctx
        self.report = report
        # The session's identity map holds unchanged rows weakly, so the services would
        # read the post's unit, its areas, this node's clock row and the households rows
        # join again for every row; holding them here keeps them in the identity map.
        unit = ctx.local_unit()
        areas = ctx.session.execute(select(Area).where(Area.unit_id == unit.id)).scalars()
        self._keep = [ctx.session.get(LocalNode, 1), unit, *areas, *keep]

    @contextmanager
    def row(
        self, line: int, cells: tuple[Cell, ...], field_of: Mapping[str, str]
    ) -> Iterator[Callable[[str], None]]:
        """``with writer.row(...) as done:`` add the row, then ``done(new_id)``."""
        added: list[str] = []
        try:
            with self.ctx.session.begin_nested():
                yield added.append
        except ValidationFailed as exc:
            self.report.refused.append(RefusedRow(line, remap(exc.problems, field_of), cells))
            return
        self.report.imported += 1
        self.report.imported_ids += added
