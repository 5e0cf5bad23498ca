"""Community security initiatives (mô hình) of a demo commune: names like the press reports
them, founding decisions, areas covered, funding lines and assets (cameras...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from antt_desktop.demo.common import Rand, scaled
from antt_desktop.demo.commune import Commune
from antt_desktop.services import catalogues
from antt_desktop.store.models import Initiative, InitiativeArea, InitiativeAsset, InitiativeFunding

INITIATIVES = 40
#: How many of the 40 initiatives of a commune are of each type (catalogue codes).
TYPE_MIX = (
    ("BASE_SECURITY", 1),
    ("CAMERA", 8),
    ("REINTEGRATION", 2),
    ("SELF_MANAGED", 8),
    ("POLITICAL_SYSTEM", 1),
    ("BORDER_CLUSTER", 2),
    ("FIRE_WATCH", 6),
    ("OTHER", 7),
    ("ECONOMIC_SUPPORT", 2),
    ("RELIGIOUS", 3),
)
#: Types whose initiatives belong to one residential area.
PER_AREA = {"CAMERA", "SELF_MANAGED", "FIRE_WATCH"}
_OTHER_NAMES = (
    "Cổng trường an toàn giao thông",
    "Tuyến đường sáng - xanh - sạch - đẹp, bảo đảm ANTT",
    "Nhân dân chung sức đẩy lùi tệ nạn ma túy",
    "Zalo ANTT",
    "Phụ nữ tham gia bảo đảm ANTT",
    "Thanh niên xung kích bảo vệ ANTT",
    "Ngày thứ Bảy vì an ninh trật tự",
    "Cựu chiến binh tham gia giữ gìn ANTT",
    "Chợ an toàn về ANTT",
)
_PARTNERS = (
    "Ủy ban MTTQ",
    "Hội Phụ nữ",
    "Đoàn Thanh niên",
    "Hội Cựu chiến binh",
    "Hội Nông dân",
    "Ban công tác Mặt trận",
    "Trường THCS",
)


@dataclass(frozen=True)
class InitiativeRec:
    id: str
    type_code: str
    name: str
    area: int | None
    launched_on: date
    ended_on: date | None


def _type_list(count: int, known: set[str]) -> list[str]:
    """``count`` type codes: round-robin over TYPE_MIX so that small counts stay varied."""
    left = {code: n for code, n in TYPE_MIX if code in known}
    order: list[str] = []
    while left and len(order) < count:
        for code in list(left):
            order.append(code)
            left[code] -= 1
            if not left[code]:
                del left[code]
        if not left and len(order) < count:  # more than 40: another round of the mix
            left = {code: n for code, n in TYPE_MIX if code in known}
    return order[:count]


def _name(rng: Rand, c: Commune, type_code: str, area: int | None, n: int) -> str:
    where = c.areas[area].phrase if area is not None else c.place
    if type_code == "CAMERA":
        return f"Camera giám sát ANTT {where}"
    if type_code == "SELF_MANAGED":
        return f"Khu dân cư tự quản về ANTT {where}"
    if type_code == "FIRE_WATCH":
        return f"Tổ liên gia an toàn PCCC {where}"
    if type_code == "REINTEGRATION":
        return "Tái hòa nhập cộng đồng" if n == 0 else f"Tái hòa nhập cộng đồng {c.place}"
    if type_code == "BASE_SECURITY":
        return f"An ninh cơ sở {c.place}"
    if type_code == "POLITICAL_SYSTEM":
        return "Hệ thống chính trị trực tiếp tham gia bảo đảm ANTT"
    if type_code == "ECONOMIC_SUPPORT":
        return (
            "Hỗ trợ phát triển kinh tế gắn với hoạt động tuyên truyền, vận động nhân dân "
            f"chấp hành pháp luật {where if n else ''}"
        ).strip()
    if type_code == "BORDER_CLUSTER":
        return f"Cụm an ninh giáp ranh số {n + 1}"
    if type_code == "RELIGIOUS":
        return rng.choice(
            (
                "Dòng họ {f} tự quản về ANTT",
                "Phát huy vai trò người có uy tín trong cộng đồng",
                "Cơ sở tôn giáo tham gia bảo đảm ANTT",
            )
        ).format(f=c.residents[rng.randrange(len(c.residents))].name.split()[0])
    return f"{_OTHER_NAMES[n % len(_OTHER_NAMES)]}" + (f" {where}" if area is not None else "")


def generate_initiatives(c: Commune) -> list[InitiativeRec]:
    """Initiatives with their areas, funding and assets; returns them for activities."""
    rng = c.rng("initiatives")
    recs: list[InitiativeRec] = []
    rows: list[dict[str, Any]] = []
    areas: list[dict[str, Any]] = []
    funding: list[dict[str, Any]] = []
    assets: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    known = set(catalogues.codes(c.writer.session, catalogues.INITIATIVE_TYPE))
    for type_code in _type_list(scaled(INITIATIVES, c.factor), known):
        n = seen.get(type_code, 0)
        seen[type_code] = n + 1
        area = (
            n % len(c.areas) if type_code in PER_AREA or (type_code == "OTHER" and n % 2) else None
        )
        launched = _launch_day(rng, c, type_code)
        status = rng.weighted((("active", 0.9), ("paused", 0.04), ("ended", 0.06)))
        ended = rng.day(launched + timedelta(days=180), c.today) if status == "ended" else None
        if status == "ended" and ended is not None and ended >= c.today:
            status, ended = "active", None
        rec = InitiativeRec(
            rng.uid(), type_code, _name(rng, c, type_code, area, n), area, launched, ended
        )
        recs.append(rec)
        decided = launched - timedelta(days=rng.randint(0, 12))
        rows.append(
            {
                "id": rec.id,
                "unit_id": c.unit_id,
                "name": rec.name,
                "type_code": type_code,
                "launched_on": launched,
                "decision_number": f"{rng.randint(5, 350)}/QĐ-UBND",
                "decision_date": decided,
                "decision_issuer": c.people_body,
                "lead_body": c.unit_name
                if area is None
                else f"Ban công tác Mặt trận {c.areas[area].phrase}",
                "partners": ", ".join(rng.sample(_PARTNERS, rng.randint(2, 4))),
                "member_count": rng.randint(8, 60),
                "status": status,
                "ended_on": ended,
                "description": _description(type_code, c),
            }
        )
        if area is not None:
            areas.append({"id": rng.uid(), "initiative_id": rec.id, "area_id": c.area_ids[area]})
        elif type_code == "BORDER_CLUSTER":
            for i in sorted(rng.sample(range(len(c.areas)), min(2, len(c.areas)))):
                areas.append({"id": rng.uid(), "initiative_id": rec.id, "area_id": c.area_ids[i]})
        funding += _funding(rng, rec)
        assets += _assets(rng, rec)
    c.writer.insert(Initiative, rows)
    c.writer.insert(InitiativeArea, areas)
    c.writer.insert(InitiativeFunding, funding)
    c.writer.insert(InitiativeAsset, assets)
    return recs


def _launch_day(rng: Rand, c: Commune, type_code: str) -> date:
    latest = c.today - timedelta(days=90)
    if type_code == "BASE_SECURITY":  # recognised two years after launch, like seed 003
        return rng.day(date(c.today.year - 4, 1, 1), date(c.today.year - 4, 6, 30))
    return rng.day(date(c.today.year - 6, 1, 1), latest)


def _description(type_code: str, c: Commune) -> str:
    return {
        "CAMERA": "Lắp đặt camera tại các tuyến đường, ngã ba, ngã tư và khu vực phức tạp về "
        "ANTT từ nguồn xã hội hóa; kết nối về trụ sở Công an " + c.place + ".",
        "REINTEGRATION": "Quản lý, giáo dục, giúp đỡ người chấp hành xong án phạt tù về "
        "cư trú tại địa phương có việc làm, ổn định cuộc sống.",
        "BASE_SECURITY": "Xây dựng mô hình An ninh cơ sở theo bộ tiêu chí của tỉnh; huy động "
        "cả hệ thống chính trị tham gia bảo đảm ANTT.",
    }.get(
        type_code,
        "Phát huy sức mạnh của quần chúng nhân dân trong phong trào Toàn dân bảo "
        "vệ an ninh Tổ quốc tại địa bàn.",
    )


def _funding(rng: Rand, rec: InitiativeRec) -> list[dict[str, Any]]:
    lines: list[tuple[int, str, str]] = []
    if rec.type_code == "CAMERA":
        lines.append(
            (
                rng.randrange(80, 160, 5) * 1_000_000,
                "community",
                "Nhân dân và doanh nghiệp trên địa bàn đóng góp",
            )
        )
        if rng.chance(0.3):
            lines.append(
                (
                    rng.randrange(10, 40, 5) * 1_000_000,
                    "state_budget",
                    "Ngân sách xã hỗ trợ đường truyền",
                )
            )
    elif rec.type_code == "ECONOMIC_SUPPORT":
        lines.append((15_000_000 * rng.randint(2, 4), "state_budget", "Kinh phí Công an tỉnh"))
    elif rng.chance(0.35):
        lines.append(
            (
                rng.randrange(5, 50, 5) * 1_000_000,
                rng.choice(("state_budget", "community", "other")),
                "Kinh phí duy trì hoạt động",
            )
        )
    return [
        {
            "id": rng.uid(),
            "initiative_id": rec.id,
            "amount_vnd": amount,
            "source": source,
            "note": note,
        }
        for amount, source, note in lines
    ]


def _assets(rng: Rand, rec: InitiativeRec) -> list[dict[str, Any]]:
    items: list[tuple[str, int]] = []
    if rec.type_code == "CAMERA":
        items = [("Mắt camera giám sát", rng.randint(20, 40)), ("Đầu ghi hình", rng.randint(1, 3))]
    elif rec.type_code == "FIRE_WATCH":
        items = [("Bình chữa cháy", rng.randint(10, 30)), ("Loa báo cháy", rng.randint(1, 4))]
    elif rec.type_code == "ECONOMIC_SUPPORT":
        items = [("Cặp lợn nái giống", rng.randint(2, 4))]
    elif rec.type_code in ("SELF_MANAGED", "BORDER_CLUSTER") and rng.chance(0.5):
        items = [("Đèn chiếu sáng tuyến đường", rng.randint(10, 60))]
    return [
        {"id": rng.uid(), "initiative_id": rec.id, "kind": kind, "count": n} for kind, n in items
    ]
