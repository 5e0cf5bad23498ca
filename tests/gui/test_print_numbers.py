"""The print preview numbers a report or certificates from the register when they go out
(saved or printed), keeps the number on a reprint, lists the register and cancels a number
with a reason; a certificate too long for a page is refused before printing, naming it;
blank certificates print with the offsets calibrated for the chosen printer."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from antt_desktop.domain.periods import Period
from antt_desktop.gui.printing import jobs as window
from antt_desktop.gui.printing.launch import PrintLauncher
from antt_desktop.gui.printing.preview import PrintPreview
from antt_desktop.services import document_number_rows, post_rows
from antt_desktop.services.commendations import CommendationInput, add_commendation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def text_of(preview: PrintPreview) -> str:
    reader = PdfReader(io.BytesIO(preview.pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def launcher(qtbot, app_ctx):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    made = PrintLauncher(app_ctx, owner)
    yield made
    for preview in list(made.previews):
        if shiboken6.isValid(preview):
            preview.close()


def _preview(qtbot, launcher, make) -> PrintPreview:
    with qtbot.waitSignal(launcher.opened, timeout=60_000) as opened:
        launcher.preview(make)
    preview: PrintPreview = opened.args[0]
    qtbot.addWidget(preview)
    return preview


def _unit(app_ctx) -> str:
    with app_ctx.read() as ctx:
        return post_rows.this_post(ctx).id


@pytest.mark.slow
def test_a_report_is_numbered_when_saved_and_keeps_its_number_when_saved_again(
    qtbot, app_ctx, launcher, tmp_path: Path
) -> None:
    unit = _unit(app_ctx)
    q3 = Period.parse("2026-Q3")
    preview = _preview(qtbot, launcher, lambda: window.report_job(app_ctx, q3, unit))
    assert "Số: 1/BC-CAP" in text_of(preview)
    with app_ctx.read() as ctx:
        assert document_number_rows.numbers(ctx, unit) == ()  # looked at, not given yet
    preview.output.save_to(tmp_path / "q3.pdf")
    with app_ctx.read() as ctx:
        [given] = document_number_rows.numbers(ctx, unit)
    assert (given.number, given.cancelled) == ("1/BC-CAP", False)
    again = _preview(qtbot, launcher, lambda: window.report_job(app_ctx, q3, unit))
    assert "Số: 1/BC-CAP" in text_of(again)  # the same document keeps its number
    again.output.save_to(tmp_path / "q3-again.pdf")
    with app_ctx.read() as ctx:
        assert len(document_number_rows.numbers(ctx, unit)) == 1

    dialog = preview.show_numbers()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "1/BC-CAP"
    assert dialog.model.index(0, 2).data() == "đã cấp"
    dialog.table.selectRow(0)
    editor = dialog.ask_cancel()
    assert editor is not None
    qtbot.addWidget(editor)
    assert not editor.save()  # a reason is required
    assert "Lý do hủy số" in editor.problem_text() or editor.field_problem("cancel_reason")
    editor.reason.setText("Số liệu quý III in sai")
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        editor.try_save()
    assert dialog.model.index(0, 2).data() == "đã hủy: Số liệu quý III in sai"
    assert not dialog.cancel_button.isEnabled()

    third = _preview(qtbot, launcher, lambda: window.report_job(app_ctx, q3, unit))
    assert "Số: 2/BC-CAP" in text_of(third)  # never the cancelled number again


def test_a_certificate_too_long_is_refused_before_printing_naming_it(
    qtbot, app_ctx, write, launcher
) -> None:
    with write() as ctx:
        add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Trưởng Công an phường Hoàn Kiếm",
                decision_number="9/QĐ-CAP",
                decision_date="10/11/2026",
                recipient_kind="text",
                recipient_name="Lường Văn Pản",
                achievement=" ".join(["Có thành tích xuất sắc."] * 120),
            ),
        )
    unit = _unit(app_ctx)
    with qtbot.waitSignal(launcher.failed, timeout=60_000) as failed:
        launcher.preview(
            lambda: window.certificates_job(app_ctx, "9/QĐ-CAP", unit, date(2026, 11, 10))
        )
    text = failed.args[0]
    assert "Lường Văn Pản" in text and "không vừa một trang" in text
    assert launcher.previews == []
    message = launcher.message
    assert message is not None and message.isVisible()
    assert "Vẫn in trên hai trang?" in message.text()
    yes = message.button(QMessageBox.StandardButton.Yes)
    assert yes.text() == "In trên &hai trang"
    with qtbot.waitSignal(launcher.opened, timeout=60_000) as opened:
        yes.click()  # the officer chooses two pages for this one
    preview = opened.args[0]
    assert preview.page_count == 2 and preview.choices.two_pages_check.isChecked()


def test_blank_certificates_print_with_the_offsets_calibrated_for_the_printer(
    qtbot, app_ctx, write, launcher
) -> None:
    with write() as ctx:
        add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Trưởng Công an phường Hoàn Kiếm",
                decision_number="10/QĐ-CAP",
                decision_date="12/11/2026",
                recipient_kind="text",
                recipient_name="Tổ tự quản số 3",
                recipient_position="Tổ dân phố số 3, phường Hoàn Kiếm",
                achievement="Có thành tích trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
            ),
        )
    unit = _unit(app_ctx)
    preview = _preview(
        qtbot,
        launcher,
        lambda: window.certificates_job(app_ctx, "10/QĐ-CAP", unit, date(2026, 11, 12)),
    )
    whole = text_of(preview)
    assert "GIẤY KHEN" in whole and "TRƯỞNG CÔNG AN PHƯỜNG" in whole
    bar = preview.choices
    assert bar.blank_check.isVisible() and not bar.printer_combo.isEnabled()
    bar.blank_check.setChecked(True)
    bar.printer_combo.setEditText("Canon LBP2900")
    dialog = preview.calibrate("Canon LBP2900")
    qtbot.addWidget(dialog)
    assert dialog.printer == "Canon LBP2900" and dialog.x_spin.value() == 0
    dialog.x_spin.setValue(3.5)
    dialog.y_spin.setValue(-2)
    with qtbot.waitSignal(preview.remade, timeout=60_000):
        dialog.save()  # saved for this printer, and the document made again with them
    assert preview.used.blank_form and preview.used.offset_x_mm == 3.5
    assert preview.used.offset_y_mm == -2
    form = text_of(preview)
    assert "Tổ tự quản số 3" in form and "Tổ dân phố số 3, phường Hoàn Kiếm" in form
    assert "GIẤY KHEN" not in form and "CỘNG HÒA" not in form
    again = preview.calibrate("Canon LBP2900")  # kept for this printer on this desk
    qtbot.addWidget(again)
    assert (again.x_spin.value(), again.y_spin.value()) == (3.5, -2)
    with qtbot.waitSignal(preview.opened_other, timeout=60_000) as opened:
        again.page_button.click()  # the calibration page with the offsets as entered
    page = opened.args[0]
    assert "TRANG CĂN CHỈNH MÁY IN" in text_of(page)
    assert "Máy in: Canon LBP2900" in text_of(page)
    assert "sang phải 3,5 mm, xuống dưới -2 mm" in text_of(page)
    page.close()
    again.printer_combo.setEditText("HP LaserJet 1020")
    assert (again.x_spin.value(), again.y_spin.value()) == (0, 0)
    again.reject()
