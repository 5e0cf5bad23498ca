"""Yearly household pledges (cam kết an toàn ANTT, Gia đình văn hóa) and poverty status."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from antt_desktop.demo.common import Rand
from antt_desktop.demo.commune import Commune
from antt_desktop.demo.places import MOUNTAIN, SOUTH
from antt_desktop.services.catalogues import pledge_template
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import HouseholdYearStatus, Pledge

YEARS = 3
_VIOLATIONS = (
    "Con trai điều khiển xe mô tô không đội mũ bảo hiểm, bị lập biên bản xử phạt hành chính",
    "Để xảy ra mâu thuẫn, xô xát với hộ liền kề về ranh giới đất",
    "Đốt pháo nổ trong dịp Tết Nguyên đán",
    "Thành viên trong hộ tham gia đánh bạc, bị xử phạt vi phạm hành chính",
    "Không khai báo tạm trú cho người đến ở, đã được nhắc nhở",
    "Để vật liệu xây dựng lấn chiếm lòng đường, gây cản trở giao thông",
    "Con em tụ tập gây mất trật tự tại khu dân cư vào ban đêm",
)
#: Year-to-year moves between poverty statuses.
_NEXT = {
    "poor": (("poor", 0.72), ("near_poor", 0.18), ("none", 0.10)),
    "near_poor": (("near_poor", 0.62), ("none", 0.34), ("poor", 0.04)),
    "none": (("none", 0.996), ("near_poor", 0.004)),
}


def pledge_years(today: date) -> list[int]:
    return list(range(today.year - YEARS + 1, today.year + 1))


def _poverty_rates(c: Commune) -> tuple[float, float]:
    if c.province.code in MOUNTAIN and not c.ward.urban:
        return 0.24, 0.12
    if c.ward.urban:
        return 0.01, 0.02
    return (0.03, 0.04) if c.province.code in SOUTH else (0.04, 0.05)


def generate_pledges(c: Commune) -> None:
    """Three years of pledges for every household, and the poor / near-poor register."""
    rng = c.rng("pledges")
    version, items = pledge_template()
    years = pledge_years(c.today)
    pledges: list[dict[str, Any]] = []
    for hh in c.households:
        head = c.residents[hh.head]
        officer = c.officer_of_area(hh.area)
        for year in years:
            signed_on = date(year, 1, 2) + timedelta(days=rng.randint(0, 87))
            if signed_on > c.today:
                continue  # this year's pledges are still being collected
            pledges.append(
                _pledge(rng, c, hh.id, year, signed_on, head.name, officer, version, items)
            )
    c.writer.insert(Pledge, pledges)
    c.writer.insert(HouseholdYearStatus, _poverty(rng, c, years))


def _pledge(
    rng: Rand,
    c: Commune,
    household_id: str,
    year: int,
    signed_on: date,
    signer: str,
    officer: str,
    version: str,
    items: list[str],
) -> dict[str, Any]:
    roll = rng.random()
    status = "signed" if roll < 0.955 else "refused" if roll < 0.975 else "violated"
    judged = year < c.today.year  # "Gia đình văn hóa" is decided at the end of the year
    row: dict[str, Any] = {
        "id": natural_id("pledges", household_id, year),
        "household_id": household_id,
        "year": year,
        "template_version": version,
        "items": items,
        "status": status,
        "signed_on": signed_on,
        "signer_name": signer,
        "officer_name": officer,
        "violation_notes": None,
        "cultured_family": (rng.chance(0.88) if judged else None),
    }
    if status == "refused":
        row.update(signed_on=None, signer_name=None, cultured_family=False if judged else None)
    elif status == "violated":
        row.update(
            violation_notes=rng.choice(_VIOLATIONS), cultured_family=False if judged else None
        )
    return row


def _poverty(rng: Rand, c: Commune, years: list[int]) -> list[dict[str, Any]]:
    poor, near = _poverty_rates(c)
    rows: list[dict[str, Any]] = []
    for hh in c.households:
        roll = rng.random()
        status = "poor" if roll < poor else "near_poor" if roll < poor + near else "none"
        previous = "none"
        for i, year in enumerate(years):
            if i:
                status = rng.weighted(_NEXT[status])
            if status != "none" or previous != "none":
                rows.append(
                    {
                        "id": natural_id("household_year_status", hh.id, year),
                        "household_id": hh.id,
                        "year": year,
                        "status": status,
                    }
                )
            previous = status
    return rows
