"""The residents list (nhân khẩu), and the base of the page's lazy lists.

:class:`SqlListModel` loads the ordered ids of the current filter with ONE SQL query on a
background thread and streams them in chunks, so the window never waits on 450,000 ids: when
the list is in its natural order (people by ``Person.sort_key``, read straight off the
index) the first page is read at once on the GUI thread and the rest follows. A search goes
through the accent-insensitive full-text index ("ng v duc" finds Nguyễn Văn Đức) and
restricts the list to its best hits. Rows are built a page at a time by id (the base
:class:`LazyTableModel`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import weakref
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal

from antt_desktop.domain.dates import PartialDate
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.lazy_model import LazyTableModel
from antt_desktop.i18n.translator import N_
from antt_desktop.services import people_rows
from antt_desktop.services.context import Ctx
from antt_desktop.services.disclosure import mask_id_number

log = logging.getLogger(__name__)
__all__ = ["PeopleModel", "SqlListModel", "born_text", "mask_id_number"]


def born_text(iso: str | None) -> str:
    return PartialDate.from_iso(iso).format() if iso else ""


class _Relay(QObject):
    """Carries chunks from the loading thread to the GUI thread (queued signal)."""

    chunk = Signal(int, object, bool, object)  # generation, ids, done, extra


class _Loader:
    """The list's loading thread: it runs the newest load asked for, one at a time, and
    ends after :attr:`IDLE_S` without one (typing a name starts one thread, not one per
    keystroke). A load asked for while another runs replaces any still waiting: a keystroke
    superseded by the next is never searched."""

    IDLE_S = 5.0

    def __init__(self, model: SqlListModel) -> None:
        self._model = weakref.ref(model)  # a closed list's model is not kept alive by it
        self._cond = threading.Condition()
        self._waiting: tuple[int, int] | None = None
        self._thread: threading.Thread | None = None
        self.running = False  # a load is being run (or waits to be)

    def submit(self, generation: int, skip: int) -> None:
        with self._cond:
            self._waiting = (generation, skip)
            self.running = True
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="antt-list-ids", daemon=True
                )
                self._thread.start()
            else:
                self._cond.notify()

    def _loop(self) -> None:
        while True:
            with self._cond:
                if self._waiting is None:
                    self._cond.wait(self.IDLE_S)
                if self._waiting is None:  # idle: the thread ends (a new load starts one)
                    self._thread = None
                    self.running = False
                    return
                (generation, skip), self._waiting = self._waiting, None
            model = self._model()
            if model is None:
                with self._cond:
                    self._thread, self.running = None, False
                return
            model._load(generation, skip)
            del model
            with self._cond:
                self.running = self._waiting is not None


class SqlListModel(LazyTableModel):
    """A lazy list whose ids come from one SQL query streamed on a background thread.

    Subclasses give :meth:`ids_query` (the ordered ids for the filter, restricted to the
    search hits ``refs`` when a search is typed) and :meth:`fetch_rows`. ``loaded`` is
    emitted once every id of the current filter is known.
    """

    loaded = Signal()
    FIRST_CHUNK = 200
    CHUNK = 50_000
    SEARCH_LIMIT = 300  # a search shows its best screenful; more hits say "type more"
    SEARCH_KIND = "person"
    FREED_LATER = 20_000  # a list this long is let go of once its successor is painted

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.search_text = ""
        self.unit_id: str | None = None
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.truncated = False  # the search has more hits than SEARCH_LIMIT
        self.loading = False
        self._generation = 0
        self._replaced = False
        self._relay = _Relay()
        self._relay.chunk.connect(self._on_chunk)
        self._loader = _Loader(self)

    @property
    def descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    # --- for subclasses -------------------------------------------------------------------
    def first_ids(self, ctx: Ctx, limit: int) -> list[str]:
        """The first ``limit`` ids in the natural order (read at once on the GUI thread)."""
        raise NotImplementedError

    def in_natural_order(self) -> bool:
        """True when the first page can be read at once off an index (no sorting)."""
        return not self.search_text.strip() and self.sort_column == 0 and not self.descending

    def stream_ids(
        self, ctx: Ctx, refs: list[str] | None, skip: int
    ) -> Iterator[tuple[list[str], object]]:
        """Chunks of ids of the filter from ``skip`` on, restricted to the search hits
        ``refs`` (None without a search), each with an extra value for :meth:`adopt`."""
        raise NotImplementedError

    def adopt(self, extra: object) -> None:
        """Take the extra value computed with the ids (on the GUI thread)."""

    def prefetch(self, ctx: Ctx, ids: Sequence[str]) -> dict[str, tuple[Any, ...]] | None:
        """The rows of ``ids`` (the first page of a load) read on the loading thread with the
        ids, as :meth:`fetch_rows` gives them; None: the window reads them when shown."""
        return None

    @property
    def loader_busy(self) -> bool:
        """A load is running on the loading thread or waits to."""
        return self._loader.running

    # --- loading --------------------------------------------------------------------------
    def fetch_ids(self) -> list[str]:
        """Every id of the current filter, at once (the GUI uses :meth:`reload`)."""
        ids: list[str] = []
        with self.app.read() as ctx:
            refs = self._search_refs(ctx)
            for chunk, extra in self.stream_ids(ctx, refs, 0):
                ids += chunk
                if extra is not None:
                    self.adopt(extra)
        return ids

    def reload(self) -> None:
        """Load the ids of the current filter again; rows follow as they arrive."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        self._replaced = False
        skip = 0
        if self.in_natural_order():
            with self.app.read() as ctx:
                first = self.first_ids(ctx, self.FIRST_CHUNK)
            self.truncated = False
            self._reset(first)
            self._replaced = True
            if len(first) < self.FIRST_CHUNK:
                self._finish()
                return
            skip = len(first)
        self._loader.submit(generation, skip)

    def _search_refs(self, ctx: Ctx) -> list[str] | None:
        return people_rows.search_refs(
            ctx,
            self.search_text,
            limit=self.SEARCH_LIMIT,
            kind=self.SEARCH_KIND,
            unit_id=self.unit_id,
        )

    def _load(self, generation: int, skip: int) -> None:
        """On the loading thread: run the query and send its ids in chunks."""
        try:
            with self.app.read() as ctx:
                refs = self._search_refs(ctx)
                truncated = refs is not None and len(refs) >= self.SEARCH_LIMIT
                chunks = self.stream_ids(ctx, refs, skip)
                held: tuple[list[str], object] | None = None
                rows: dict[str, tuple[Any, ...]] | None = None
                for ids, extra in chunks:
                    if generation != self._generation:
                        return  # a newer filter replaced this one
                    if held is not None:
                        sent = (truncated, held[1], rows)
                        self._relay.chunk.emit(generation, held[0], False, sent)
                        rows = None
                    elif not skip:  # the first screen's rows come with its ids
                        rows = self.prefetch(ctx, ids[: self.PAGE])
                    held = (ids, extra)
                if generation != self._generation:
                    return
                # the last chunk travels with "done": a search's one chunk is one hop
                last, extra = held if held is not None else ([], None)
                self._relay.chunk.emit(generation, last, True, (truncated, extra, rows))
        except Exception:  # the database closed under us, or a bug: never kill the app
            log.exception("loading the list failed")
            with contextlib.suppress(RuntimeError):  # the model is gone already
                self._relay.chunk.emit(generation, [], True, (False, None, None))

    def _on_chunk(self, generation: int, ids: list[str], done: bool, extra: object) -> None:
        if generation != self._generation:
            return
        truncated, value, rows = extra if isinstance(extra, tuple) else (False, None, None)
        self.truncated = bool(truncated)
        if value is not None:
            self.adopt(value)
        if done:  # the list's last rows arrive loaded ("Loading…" never flashes up for them)
            self.loading = False
        if not self._replaced:
            self._replaced = True
            self._reset(ids, rows)
        elif ids:
            start = len(self._ids)
            self._pages.pop(start // self.PAGE, None)  # the last page, cached short
            self.beginInsertRows(QModelIndex(), start, start + len(ids) - 1)
            self._ids.extend(ids)
            self.endInsertRows()
        if done:
            self._finish()

    def _finish(self) -> None:
        self.loading = False
        self.loaded.emit()

    def _reset(self, ids: list[str], rows: dict[str, tuple[Any, ...]] | None = None) -> None:
        self.beginResetModel()
        old, self._ids = self._ids, list(ids)
        self._pages.clear()
        if rows is not None:  # the first page, read with the ids
            self._pages[0] = self.page_of(self._ids[: self.PAGE], rows)
        self.endResetModel()
        if len(old) > self.FREED_LATER:  # 450,000 ids take ~10 ms to free: after the paint
            QTimer.singleShot(0, old.clear)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order):
            return  # the header asks for the order already shown (the first load is explicit)
        self.sort_column, self.sort_order = column, order
        self.reload()


class PeopleModel(SqlListModel):
    """Residents: name, born, sex, masked ID number, area, address."""

    COLUMNS = (
        N_("Full name"),
        N_("Date of birth"),
        N_("Sex"),
        N_("Personal ID number"),
        N_("Residential area"),
        N_("Current residence"),
    )
    COL_NAME, COL_BORN, COL_SEX, COL_ID, COL_AREA, COL_ADDRESS = range(6)
    #: The only column holding a date (its cells keep their date when cut: list_table).
    DATED_COLUMNS = (COL_BORN,)
    WIDTHS = (210, 95, 70, 125, 160)

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.area_id: str | None = None
        self._sexes = ("", "")

    def _filter(self) -> people_rows.PeopleFilter:
        return people_rows.PeopleFilter(
            unit_id=self.unit_id,
            area_id=self.area_id,
            sort=people_rows.PEOPLE_SORTS[self.sort_column],
            descending=self.descending,
        )

    def first_ids(self, ctx: Ctx, limit: int) -> list[str]:
        return people_rows.first_people_ids(ctx, self._filter(), limit)

    def stream_ids(
        self, ctx: Ctx, refs: list[str] | None, skip: int
    ) -> Iterator[tuple[list[str], object]]:
        first = self.CHUNK if skip else self.FIRST_CHUNK
        chunks = people_rows.people_ids(
            ctx, self._filter(), refs, skip=skip, first=first, chunk=self.CHUNK
        )
        for ids in chunks:
            yield ids, None

    def reload(self) -> None:
        self._sexes = (self.app.tr("male"), self.app.tr("female"))  # for the loading thread
        super().reload()

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        if not ids:
            return {}
        self._sexes = (self.app.tr("male"), self.app.tr("female"))
        with self.app.read() as ctx:
            return self.prefetch(ctx, ids)

    def prefetch(self, ctx: Ctx, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        male, female = self._sexes
        rows = people_rows.people_rows(ctx, ids)
        return {
            r.id: (
                r.full_name,
                r.born,
                male if r.sex == "M" else female if r.sex == "F" else "",
                r.id_number,
                r.area,
                r.address,
            )
            for r in rows
        }
