"""Printing from the dossier window as an officer does it: the booklet and the personal
data sheet made in the background, the print preview with its pages, Save as PDF, the
printer (a QPrinter writing a PDF file), the keyboard, and a missing font named."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from antt_desktop.domain.periods import Period
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.printing.preview import PrintPreview
from antt_desktop.printing import fonts
from antt_desktop.services.dossier_records import AssessmentInput, assess
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import AuditEntry

# The offscreen platform warns that it cannot resize or raise windows.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

NAME = "Nguyễn Văn Đức"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def dossier_id(write) -> str:
    """A suspended sentence with three monthly assessments."""
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name=NAME, born="02/03/1985", sex="M"))
        dossier = open_dossier(ctx, DossierInput(person.person.id, "SUSPENDED", "10/06/2026"))
        for label in ("2026-06", "2026-07", "2026-08"):
            period = Period.parse(label)
            text = f"Kỳ {label}: chấp hành tốt nghĩa vụ, có việc làm ổn định."
            assess(
                ctx,
                AssessmentInput(
                    dossier.id, label, period.end, "Lê Văn Công", text, "Chấp hành tốt"
                ),
            )
        return dossier.id


@pytest.fixture
def view(qtbot, app_ctx, dossier_id) -> DossierView:
    window = DossierView(app_ctx, dossier_id)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def open_preview(qtbot):
    """``open_preview(view, button)``: click a print button of the dossier window and wait
    for the preview; previews still open at the end are closed (they delete themselves)."""
    shown: list[PrintPreview] = []

    def click(view: DossierView, button: str) -> PrintPreview:
        with qtbot.waitSignal(view.printing.opened, timeout=30_000) as opened:
            view.buttons[button].click()
        preview = opened.args[0]
        assert isinstance(preview, PrintPreview)
        shown.append(preview)
        return preview

    yield click
    for preview in shown:
        if shiboken6.isValid(preview):
            preview.close()


def text_of(pdf: bytes | Path) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def prints(read) -> list[tuple[str | None, str | None]]:
    with read() as ctx:
        rows = ctx.session.execute(
            select(AuditEntry.entity, AuditEntry.detail).where(AuditEntry.action == "print")
        )
        return [tuple(r) for r in rows]


def test_the_booklet_opens_in_the_preview_and_saves_as_a_pdf(
    qtbot, view, open_preview, read, tmp_path, monkeypatch
) -> None:
    assert view.buttons["print_booklet"].text() == "&In sổ nhận xét, đánh giá"
    preview = open_preview(view, "print_booklet")
    assert preview.windowTitle() == f"Xem trước khi in: Sổ theo dõi, nhận xét, đánh giá: {NAME}"
    pages = len(PdfReader(io.BytesIO(preview.pdf)).pages)
    assert preview.page_count == pages >= 2
    assert preview.page_total.text().strip() == f"/ {pages}"
    assert "NGUYỄN VĂN ĐỨC" in preview.pages.document.getAllText(0).text()
    assert "Tệp PDF đã lưu ra ngoài không còn được phần mềm bảo vệ" in preview.warning.text()

    offered: list[str] = []

    folder = tmp_path / "papers"
    folder.mkdir()

    def choose(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(folder / "so"), "PDF (*.pdf)"  # typed without the extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with qtbot.waitSignal(preview.saved) as saved:
        preview.actions_["save"].trigger()
    assert Path(offered[0]).name == "so-theo-doi-nguyen-van-duc.pdf"
    path = saved.args[0]
    assert path == folder / "so.pdf"
    assert NAME.upper() in text_of(path)
    assert list(folder.iterdir()) == [path]  # no temporary file left beside it
    assert preview.status.text() == f"Đã lưu vào {path}"
    assert prints(read) == [("dossier", f"booklet: {pages} pages, so.pdf")]


def test_the_printer_gets_every_page_at_its_resolution(
    qtbot, view, open_preview, read, tmp_path
) -> None:
    preview = open_preview(view, "print_booklet")
    printer = preview.output.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setResolution(96)  # enough to read the pages back, quick to paint
    with qtbot.waitSignal(preview.printed, timeout=30_000) as printed:
        preview.output.print_to(printer)
    assert printed.args == [preview.page_count]
    out = PdfReader(tmp_path / "printer.pdf")
    assert len(out.pages) == preview.page_count
    for page in out.pages:  # each page on a whole A4 sheet
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            595,
            842,
        )
    assert preview.status.text() == f"Đã gửi {preview.page_count} trang tới printer.pdf"
    assert prints(read) == [("dossier", f"booklet: {preview.page_count} pages, printer.pdf")]


def test_a_page_range_chosen_in_the_dialog_is_what_prints(
    qtbot, view, open_preview, tmp_path
) -> None:
    preview = open_preview(view, "print_booklet")
    printer = preview.output.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setResolution(72)
    printer.setFromTo(2, 2)
    with qtbot.waitSignal(preview.printed, timeout=30_000) as printed:
        preview.output.print_to(printer)
    assert printed.args == [1]
    assert len(PdfReader(tmp_path / "two.pdf").pages) == 1


def test_keyboard_moves_zooms_prints_and_closes(qtbot, view, open_preview, monkeypatch) -> None:
    preview = open_preview(view, "print_booklet")
    preview.activateWindow()
    assert preview.current_page() == 0
    qtbot.keyClick(preview, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    assert preview.page_box.value() == 2
    before = preview.shown_factor()  # fit to the width
    preview.zoom_box.setCurrentIndex(1)  # the whole page: an A4 page is taller than wide
    assert preview.zoom_label.text() == f"{round(preview.shown_factor() * 100)}%"
    assert preview.shown_factor() < before
    preview.zoom_box.setCurrentIndex(0)
    qtbot.keyClick(preview, Qt.Key.Key_Plus, CTRL)
    assert preview.shown_factor() == pytest.approx(before * 1.25, rel=0.01)
    assert preview.zoom_label.text() == f"{round(before * 125)}%"
    qtbot.keyClick(preview, Qt.Key.Key_P, CTRL)  # the printer dialog
    dialog = preview.output.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (asked.append(a[2]) or "", ""))
    )
    qtbot.keyClick(preview, Qt.Key.Key_S, CTRL)
    assert len(asked) == 1  # Ctrl+S asks where to save; cancelled, nothing is written
    with qtbot.waitSignal(preview.finished):
        qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()


def test_the_personal_data_sheet_of_the_dossiers_person(qtbot, view, open_preview) -> None:
    assert view.buttons["print_sheet"].text() == "In phiế&u thông tin cá nhân"
    preview = open_preview(view, "print_sheet")
    text = text_of(preview.pdf)
    assert "PHIẾU THÔNG TIN CÁ NHÂN" in text and "NGUYỄN VĂN ĐỨC" in text
    assert preview.job.file_name == "phieu-thong-tin-nguyen-van-duc.pdf"


def test_with_no_usable_font_the_message_names_what_to_install(
    qtbot, view, open_preview, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(fonts, "font_dirs", lambda platform="linux": [tmp_path])
    fonts.serif.cache_clear()
    try:
        with qtbot.waitSignal(view.printing.failed, timeout=30_000) as failed:
            view.buttons["print_booklet"].click()
    finally:
        fonts.serif.cache_clear()  # the next document finds the real font again
    assert "sudo apt install fonts-liberation" in failed.args[0]
    box = view.printing.message
    assert box is not None and box.isVisible() and "fonts-dejavu" in box.text()
    assert view.printing.previews == []


def test_the_preview_opens_fitting_the_width_and_says_how_much(qtbot, view, open_preview) -> None:
    preview = open_preview(view, "print_booklet")
    qtbot.waitExposed(preview)
    page = preview.pages.size(0).width() * preview.view.logicalDpiX() / 72
    fits = round(preview.view.viewport().width() / page * 100)
    assert fits > 50  # an A4 page across most of the window
    assert preview.zoom_box.currentText() == "Vừa chiều rộng"
    # worked out once the view has its size, not from a view a few pixels wide ("11%")
    assert abs(int(preview.zoom_label.text().rstrip("%")) - fits) <= 3
