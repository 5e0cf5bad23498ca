"""Printing from the pages: a household's pledge form of a chosen year, an area's register
and its batch of pledge forms, the certificates of a decision (a batch that counts its
documents and stops on Cancel), and the periodic report of the chosen period."""

from __future__ import annotations

import io
import re

import pytest
import shiboken6
from pypdf import PdfReader

from antt_desktop.domain.periods import Period
from antt_desktop.gui.households.page import HouseholdsPage
from antt_desktop.gui.initiatives.commendation_model import decision_key
from antt_desktop.gui.initiatives.commendations_page import CommendationsPage
from antt_desktop.gui.printing.launch import PrintLauncher
from antt_desktop.gui.printing.preview import PrintPreview
from antt_desktop.gui.reports.page import ReportsPage
from antt_desktop.services import households, pledges, units
from antt_desktop.services.commendations import DecisionInput, add_commendations_batch
from antt_desktop.services.people import PersonInput, add_person

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

RECIPIENTS = 200


def text_of(preview: PrintPreview) -> str:
    reader = PdfReader(io.BytesIO(preview.pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def previews(qtbot):
    """``previews(launcher, start)``: run ``start()`` and wait for the preview it opens;
    previews still open at the end are closed."""
    shown: list[PrintPreview] = []

    def wait(launcher: PrintLauncher, start) -> PrintPreview:
        with qtbot.waitSignal(launcher.opened, timeout=60_000) as opened:
            start()
        shown.append(opened.args[0])
        return opened.args[0]

    yield wait
    for preview in shown:
        if shiboken6.isValid(preview):
            preview.close()


@pytest.fixture
def area(write) -> str:
    """Tổ dân phố số 3 with households 1, 2 and 10; household 2 pledged in 2025 and 2026."""
    with write() as ctx:
        area_id = units.add_area(ctx, name="Tổ dân phố số 3", kind="to_dan_pho").id
        heads = {"1": "Trần Văn An", "2": "Lê Thị Bình", "10": "Phạm Văn Cường"}
        for number, name in heads.items():
            head = add_person(ctx, PersonInput(full_name=name, born="1970")).person.id
            data = households.HouseholdInput(number=number, head_person_id=head, area_id=area_id)
            household = households.add_household(ctx, data).id
            if number == "2":
                for year, day in ((2025, "12/03/2025"), (2026, "15/03/2026")):
                    pledges.record_pledge(
                        ctx,
                        household,
                        year,
                        signed_on=day,
                        signer_name=name,
                        officer_name="Lê Văn Công",
                    )
        return area_id


@pytest.fixture
def households_page(qtbot, app_ctx, area) -> HouseholdsPage:
    page = HouseholdsPage(app_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    return page


def test_a_household_prints_the_pledge_form_of_the_chosen_year(
    qtbot, households_page, previews
) -> None:
    page = households_page
    row = next(r for r in range(3) if page.model.index(r, 0).data() == "2")
    page.open_record(page.model.id_at(row))
    view = page.view
    assert view.print_pledge_button.text() == "&In bản cam kết năm 2026"
    view.pledges.selectRow(1)  # the 2025 pledge
    assert view.print_pledge_button.text() == "&In bản cam kết năm 2025"
    preview = previews(view.printing, view.print_pledge_button.click)
    text = text_of(preview)
    assert "BẢN CAM KẾT" in text and "LÊ THỊ BÌNH" in text
    assert "ngày 12 tháng 03 năm 2025" in text
    assert preview.job.file_name == "cam-ket-ho-2-2025.pdf"
    assert not preview.choices.isVisible()  # the household signs it: nothing to fill in


def test_the_households_page_prints_the_register_and_the_forms_of_an_area(
    qtbot, households_page, area, previews
) -> None:
    page = households_page
    register, forms = page.print_button.menu_actions
    assert page.print_button.text() == "&In"
    assert register.text() == "Danh sách hộ ký cam kết của khu dân cư"

    register.trigger()  # no area chosen yet: say so, print nothing
    assert page.message is not None and page.message.isVisible()
    assert page.message.text() == "Hãy chọn khu dân cư ở ô lọc trước, rồi mới in."
    assert page.printing.operation is None

    page.area_combo.setCurrentIndex(page.area_combo.findData(area))
    page.year_spin.setValue(2026)
    preview = previews(page.printing, register.trigger)
    text = text_of(preview)
    assert "DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT" in text
    assert "Tỷ lệ hộ ký cam kết: 33,3% (1/3)" in " ".join(text.split())
    assert preview.job.file_name == "so-cam-ket-to-dan-pho-so-3-2026.pdf"

    texts: list[str] = []
    with qtbot.waitSignal(page.printing.opened, timeout=60_000) as opened:
        forms.trigger()
        page.printing.operation.progressed.connect(lambda text, *_n: texts.append(text))
    batch = opened.args[0]
    assert batch.page_count == 3  # one form per household, each on its own page
    heads = [batch.pages.document.getAllText(n).text() for n in range(3)]
    assert "TRẦN VĂN AN" in heads[0] and "LÊ THỊ BÌNH" in heads[1]
    assert "PHẠM VĂN CƯỜNG" in heads[2]  # by household number: 1, 2, 10
    assert texts and all(re.fullmatch(r"Đang tạo tài liệu [1-3]/3…", t) for t in texts)
    batch.close()


@pytest.fixture
def decision(write) -> str:
    """One decision commending ``RECIPIENTS`` people."""
    with write() as ctx:
        made = add_commendations_batch(
            ctx,
            DecisionInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND phường Hoàn Kiếm",
                decision_number="120/QĐ-UBND",
                decision_date="10/01/2026",
                achievement="Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh"
                " Tổ quốc năm 2025",
            ),
            [
                {"recipient_kind": "text", "recipient_name": f"Nguyễn Văn Hùng {n + 1}"}
                for n in range(RECIPIENTS)
            ],
        )
        first = made[0]
        return decision_key(first.unit_id, first.decision_date, first.decision_number)


@pytest.fixture
def decision_view(qtbot, app_ctx, decision):
    page = CommendationsPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_record(decision)
    return page.view


def test_cancel_stops_a_batch_of_certificates_and_opens_nothing(
    qtbot, decision_view, tmp_path
) -> None:
    view = decision_view
    assert view.print_button.text() == "&In giấy khen"
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(view.printing.cancelled, timeout=60_000):
        view.print_certificates()
        op = view.printing.operation
        assert op is not None

        def first_progress(_text: str, done: int, total: int) -> None:
            seen.append((done, total))
            op.cancel()  # the officer presses Cancel as soon as the count shows

        op.progressed.connect(first_progress)
    assert not op.running
    assert seen and {total for _done, total in seen} == {RECIPIENTS}
    assert max(done for done, _total in seen) < RECIPIENTS  # it stopped part way
    assert view.printing.previews == []


def test_the_certificates_of_a_decision_one_page_each(qtbot, decision_view, previews) -> None:
    view = decision_view
    preview = previews(view.printing, view.print_certificates)
    assert preview.page_count == RECIPIENTS
    assert "GIẤY KHEN" in preview.pages.document.getAllText(0).text()
    names = [
        re.findall(r"Nguyễn Văn Hùng \d+", preview.pages.document.getAllText(n).text())
        for n in range(RECIPIENTS)
    ]
    assert sorted(name for [name] in names) == sorted(
        f"Nguyễn Văn Hùng {n + 1}" for n in range(RECIPIENTS)
    )  # every recipient on a page of their own
    assert preview.job.file_name == "giay-khen-120-qd-ubnd.pdf"
    assert list(preview.choices.fields) == ["number", "signer"]
    # the People's Committee numbers its certificates in its own register: a line to fill
    for n in range(RECIPIENTS):
        page = preview.pages.document.getAllText(n).text()
        assert "/GK-UBND" in page and not re.findall(r"Số: \d+/GK", page)


def test_the_reports_page_prints_the_chosen_period(qtbot, app_ctx, area, previews) -> None:
    page = ReportsPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.period.set_period(Period.parse("2026-Q3"))
    assert page.print_button.text() == "&In báo cáo…"
    preview = previews(page.printing, page.print_button.click)
    text = text_of(preview)
    assert "BÁO CÁO" in text
    assert "Kết quả công tác bảo đảm an ninh, trật tự quý III/2026" in text
    assert preview.windowTitle().startswith("Xem trước khi in: Báo cáo quý III/2026")

    # the number and the signer, filled in, are printed once the document is made again
    bar = preview.choices
    assert bar.isVisible() and bar.labels["number"].text() == "&Số văn bản:"
    assert "Số: 1/BC-CAP" in text  # the next number of the ward's register
    bar.set_mode("blank")
    with qtbot.waitSignal(preview.remade, timeout=60_000):
        bar.update_button.click()
    assert re.search(r"Số:\s+/BC-CAP", text_of(preview))  # left for the pen, with the code
    bar.set_mode("typed")
    bar.fields["number"].setText("05/BC-CAX")
    bar.fields["signer"].setText("  Đại úy   Hoàng Minh Tuấn ")
    with qtbot.waitSignal(preview.remade, timeout=60_000):
        bar.update_button.click()
    text = text_of(preview)
    assert "Số: 05/BC-CAX" in text and "Đại úy Hoàng Minh Tuấn" in text
    assert preview.page_count == len(PdfReader(io.BytesIO(preview.pdf)).pages)
    assert "05/BC-CAX" in preview.pages.document.getAllText(0).text()  # what the view shows
    assert preview.output.pdf == preview.pdf  # Save and Print take the new document
