"""Fixtures of the printing tests: a post with records made through the services, and a
reader of the PDFs (text per page, text positions, fonts) built on pypdf."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth

from antt_desktop.domain.periods import Period
from antt_desktop.services.commendations import DecisionInput, add_commendations_batch
from antt_desktop.services.dossier_records import (
    AssessmentInput,
    CommitmentInput,
    SupportInput,
    ViolationInput,
    add_commitment,
    add_support,
    add_violation,
    assess,
)
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.pledges import record_pledge
from antt_desktop.services.units import add_area

OFFICER_NAME = "Thượng úy Lê Văn Công"
SPACE_SHRINKAGE = rl_config.spaceShrinkage


@dataclass(frozen=True)
class Run:
    """A piece of text drawn on a page: where it starts, its size and its font."""

    text: str
    x: float
    y: float
    size: float
    font: str

    @property
    def end(self) -> float:
        """Where the text ends (its natural width in the registered font)."""
        return self.x + stringWidth(self.text, self.font, self.size)

    @property
    def slack(self) -> float:
        """How much a justified line may shrink its spaces (reportlab's spaceShrinkage)."""
        return self.text.count(" ") * SPACE_SHRINKAGE * stringWidth(" ", self.font, self.size)


class Pdf:
    """A printed PDF read back the way a test needs it."""

    def __init__(self, data: bytes) -> None:
        self.reader = PdfReader(io.BytesIO(data))

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    def text(self, page: int) -> str:
        return self.reader.pages[page].extract_text()

    def lines(self, page: int) -> list[str]:
        return [line.strip() for line in self.text(page).splitlines() if line.strip()]

    def all_lines(self) -> list[str]:
        return [line for n in range(self.pages) for line in self.lines(n)]

    def flat(self, page: int) -> str:
        """The page's text with every space and line break removed (wrapping ignored)."""
        return "".join(self.text(page).split())

    def runs(self, page: int) -> list[Run]:
        found: list[Run] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if not text.strip() or font is None:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
            found.append(Run(text.strip(), x, y, size * cm[0], name))

        self.reader.pages[page].extract_text(visitor_text=visit)
        return found

    def size(self, page: int) -> tuple[float, float]:
        box = self.reader.pages[page].mediabox
        return float(box.width), float(box.height)

    def fonts(self) -> dict[str, bool]:
        """Every font of every page: its base name → whether its file is embedded."""
        found: dict[str, bool] = {}
        for page in self.reader.pages:
            resources = page.get("/Resources") or {}
            for ref in (resources.get("/Font") or {}).values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                for child in font.get("/DescendantFonts") or []:
                    descriptor = descriptor or child.get_object().get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
                found[str(font["/BaseFont"])] = embedded
        return found


@pytest.fixture
def pdf() -> Callable[[bytes], Pdf]:
    return Pdf


@pytest.fixture
def post(write: Callable[..., Any]) -> dict[str, str]:
    """A residential area with a managed person (a dossier of 3 assessments, a commitment,
    a support, a violation), households with pledges for 2026 and a commendation decision."""
    with write() as ctx:
        area = add_area(ctx, name="Thôn Đồng Tâm")
        person = add_person(
            ctx,
            PersonInput(
                full_name="Nguyễn Văn Đức",
                born="02/03/1985",
                sex="M",
                id_number="001085012345",
                ethnic_code="01",
                occupation="Thợ mộc",
                current_area_id=area.id,
                current_address="Xóm 3",
            ),
        ).person
        dossier = open_dossier(
            ctx,
            DossierInput(
                person.id,
                "SUSPENDED",
                "10/06/2026",
                legal_doc_number="12/2026/HS-ST",
                legal_issuer="Tòa án nhân dân khu vực 1 - Hà Nội",
                officer_name=OFFICER_NAME,
                helper_name="Nguyễn Thị Hoa (vợ)",
            ),
        )
        for label in ("2026-06", "2026-07", "2026-08"):
            period = Period.parse(label)
            assess(
                ctx,
                AssessmentInput(
                    dossier.id,
                    label,
                    period.end,
                    OFFICER_NAME,
                    f"Kỳ {label}: chấp hành tốt nghĩa vụ, có việc làm ổn định.",
                    "Chấp hành tốt",
                ),
            )
        add_commitment(
            ctx,
            CommitmentInput(
                dossier_id=dossier.id,
                form_code="HCD-05",
                signed_on="10/06/2026",
                text="Cam kết chấp hành nghiêm chỉnh pháp luật.",
            ),
        )
        add_support(
            ctx, SupportInput(dossier.id, "loan", "15.000.000", "Ngân hàng CSXH", "15/07/2026")
        )
        add_violation(
            ctx,
            ViolationInput(
                person.id,
                dossier.id,
                "03/09/2026",
                "administrative",
                "Gây rối trật tự công cộng tại chợ",
            ),
        )
        own = add_household(
            ctx, HouseholdInput(number="12", head_person_id=person.id, area_id=area.id)
        )
        record_pledge(
            ctx,
            own.id,
            2026,
            signed_on="15/03/2026",
            signer_name="Nguyễn Văn Đức",
            officer_name=OFFICER_NAME,
        )
        heads = {"2": "Hoàng Văn Minh", "10": "Đinh Thị Lan"}
        others = {}
        for number, name in heads.items():
            head = add_person(ctx, PersonInput(full_name=name)).person
            others[number] = add_household(
                ctx, HouseholdInput(number=number, head_person_id=head.id, area_id=area.id)
            ).id
        record_pledge(
            ctx,
            others["2"],
            2026,
            signed_on="16/03/2026",
            signer_name="Hoàng Văn Minh",
            officer_name=OFFICER_NAME,
        )
        add_commendations_batch(
            ctx,
            DecisionInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND phường Hoàn Kiếm",
                decision_number="844/QĐ-UBND",
                decision_date="01/04/2026",
                achievement="Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh"
                " Tổ quốc năm 2025",
            ),
            [
                {"recipient_kind": "person", "recipient_id": person.id, "golden_book_no": "12"},
                {
                    "recipient_kind": "text",
                    "recipient_name": "Tổ tự quản số 3",
                    "collective": True,
                    "golden_book_no": "13",
                },
            ],
        )
        return {
            "area": area.id,
            "unit": area.unit_id,
            "person": person.id,
            "dossier": dossier.id,
            "household": own.id,
            "household_2": others["2"],
            "household_10": others["10"],
        }


#: The day the tests print on, so the date line reads "ngày 05 tháng 02 năm 2026".
PRINT_DAY = date(2026, 2, 5)
