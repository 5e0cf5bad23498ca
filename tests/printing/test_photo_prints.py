"""The person's photo on the printed personal data sheet and the assessment booklet."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from antt_desktop.printing.booklet import booklet
from antt_desktop.printing.person_sheet import person_sheet
from antt_desktop.services.photos import set_photo
from tests.conftest import TODAY
from tests.pictures import portrait


def _images(doc: Any, page: int) -> list[Image.Image]:
    return [Image.open(io.BytesIO(i.data)) for i in doc.reader.pages[page].images]


def test_the_sheet_and_the_booklet_show_the_photo_in_its_frame(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    with read() as ctx:
        before = pdf(person_sheet(ctx.session, post["person"], today=TODAY).pdf)
    assert _images(before, 0) == [] and "Ảnh 4x6" in before.lines(0)  # the box to glue one in
    with write() as ctx:
        set_photo(ctx, post["person"], portrait(900, 1200, colour="#336699"))
    with read() as ctx:
        sheet = pdf(person_sheet(ctx.session, post["person"], today=TODAY).pdf)
        book = pdf(booklet(ctx.session, post["dossier"], today=TODAY).pdf)
    [picture] = _images(sheet, 0)
    assert picture.size == (600, 800)
    corner = picture.convert("RGB").getpixel((5, 5))
    assert all(abs(a - b) <= 3 for a, b in zip(corner, (51, 102, 153), strict=True))  # the photo
    assert "Ảnh 4x6" not in sheet.lines(0)
    page = next(n for n in range(book.pages) if _images(book, n))
    assert "Ảnh 4x6" not in book.lines(page)
    assert [i.size for i in _images(book, page)] == [(600, 800)]
