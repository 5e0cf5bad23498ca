"""Adding checked rows through the services, each row whole or not at all.

A row that takes several service calls runs in a savepoint: if a service refuses it
(``ValidationFailed``), whatever that row had already written is undone, the row is reported
as refused and the import goes on.
Any other error propagates, and the caller's transaction writes nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace

from sqlalchemy import select

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.importers.reading import Cell
from antt_desktop.importers.report import ImportReport, RefusedRow
from antt_desktop.services.context import Ctx
from antt_desktop.store.models import Area, LocalNode


def remap(problems: Sequence[Problem], field_of: Mapping[str, str]) -> tuple[Problem, ...]:
    """The problems with service field names replaced by the sheet's (``area_id`` → ``area``)."""
    return tuple(
        replace(p, field=field_of[p.field]) if p.field in field_of else p for p in problems
    )


#: ``progress(done, total)``; returning False stops the import (nothing is kept).
RowProgress = Callable[[int, int], bool]


class ImportCancelled(Exception):
    """The officer stopped the import; the transaction is rolled back, nothing is written."""


class RowWriter:
    """Writes rows in the caller's transaction and records the outcome in ``report``."""

    def __init__(
        self,
        ctx: Ctx,
        report: ImportReport,
        keep: Iterable[object] = (),
        *,
        total: int = 0,
        progress: RowProgress | None = None,
    ) -> None:
        self.ctx = ctx
        self.report = report
        self._total = total
        self._done = 0
        self._progress = progress
        # The session's identity map holds unchanged rows weakly, so the services would
        # read the post's unit, its areas, this node's clock row and the households joined
        # again for every row; holding them here keeps them in the identity map.
        unit = ctx.local_unit()
        areas = ctx.session.execute(select(Area).where(Area.unit_id == unit.id)).scalars()
        self._keep = [ctx.session.get(LocalNode, 1), unit, *areas, *keep]

    @contextmanager
    def row(
        self,
        line: int,
        cells: tuple[Cell, ...],
        field_of: Mapping[str, str],
        *,
        several_calls: bool = True,
    ) -> Iterator[Callable[[str], None]]:
        """``with writer.row(...) as done:`` add the row, then ``done(new_id)``.

        Args:
            several_calls: the row takes more than one service call, so a refusal by a
                later call must undo the earlier ones (a savepoint). A single call needs
                none: a service refuses before it writes anything.
        """
        if self._progress is not None and not self._progress(self._done, self._total):
            raise ImportCancelled()
        self._done += 1
        added: list[str] = []
        try:
            with self.ctx.session.begin_nested() if several_calls else nullcontext():
                yield added.append
        except ValidationFailed as exc:
            self.report.refused.append(RefusedRow(line, remap(exc.problems, field_of), cells))
            return
        self.report.imported += 1
        self.report.imported_ids += added
