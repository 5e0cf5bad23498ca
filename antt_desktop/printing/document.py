"""Building a document into PDF bytes, and saving them to a file atomically."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from antt_desktop.printing.layout import PORTRAIT, Geometry, fit_section_starts, styles
from antt_desktop.printing.pages import DocumentStart, numberer
from antt_desktop.store.errors import KnownError

PageHook = Callable[[Any, Any], None]
#: ``progress(done, total)``: ``done`` of the ``total`` documents of a batch are laid out;
#: returning False stops the work (:class:`PrintCancelled`).
Progress = Callable[[int, int], bool]


class PrintCancelled(Exception):
    """The progress callback asked to stop: no PDF was made, so nothing was written."""


def check(progress: Progress | None, done: int, total: int) -> None:
    """Report ``done`` of ``total`` to ``progress``.

    Raises:
        PrintCancelled: when the callback returns False.
    """
    if progress is not None and not progress(done, total):
        raise PrintCancelled()


class CannotWrite(KnownError):
    """The PDF could not be saved where asked (exit 1): a missing folder, no permission."""

    code = "print.cannot_write"
    exit_code = 1


@dataclass(frozen=True)
class Printed:
    """A printed document: the PDF and its number of pages."""

    pdf: bytes
    pages: int

    def save(self, path: Path | str) -> Path:
        """Write the PDF to ``path`` atomically (a temporary file renamed over it).

        Raises:
            CannotWrite: naming the path and the reason.
        """
        return write_atomically(Path(path), self.pdf)


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so a reader
    never sees half a file and a failure leaves any old file as it was."""
    path = path.expanduser().resolve()
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise CannotWrite(path=str(path), reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return path


def build(
    story: Sequence[Flowable],
    *,
    title: str,
    geometry: Geometry = PORTRAIT,
    numbered: bool = True,
    on_page: PageHook | None = None,
    author: str = "",
    progress: Progress | None = None,
) -> Printed:
    """Lay ``story`` out on pages of ``geometry`` and return the PDF.

    Args:
        story: the flowables, top to bottom.
        title: the PDF's title (its metadata, shown in a viewer's window).
        geometry: page size and margins (A4 portrait by default).
        numbered: print page numbers in the top margin from page 2 on.
        on_page: drawn under the text of every page (a certificate's border).
        author: the issuing unit, for the metadata.
        progress: told as each document of the story (each :class:`DocumentStart`) is
            reached, and at the end.

    Raises:
        PrintCancelled: ``progress`` returned False.
    """
    st = styles()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(geometry.width, geometry.height),
        leftMargin=geometry.left,
        rightMargin=geometry.right,
        topMargin=geometry.top,
        bottomMargin=geometry.bottom,
        title=title,
        author=author,
        creator="ANTT Desktop",
        subject=title,
        # the canvas's first font, set on every page: ours, so no unembedded Helvetica
        initialFontName=st.fonts.regular,
        initialFontSize=12,
    )
    frame = Frame(
        geometry.left,
        geometry.bottom,
        geometry.frame_width,
        geometry.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template = PageTemplate(
        "page",
        [frame],
        onPage=on_page or _nothing,
        onPageEnd=numberer(geometry, st.fonts.regular) if numbered else _nothing,
        pagesize=(geometry.width, geometry.height),
    )
    doc.addPageTemplates([template])
    flowables = list(story)
    fit_section_starts(flowables, geometry)
    starts = [f for f in flowables if isinstance(f, DocumentStart)]
    total = max(len(starts), 1)
    if progress is not None:
        for done, start in enumerate(starts):
            start.reached = partial(check, progress, done, total)
    doc.build(flowables)
    check(progress, total, total)
    return Printed(buf.getvalue(), doc.page)


def _nothing(_canvas: Any, _doc: Any) -> None:
    return None
