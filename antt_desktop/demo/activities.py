"""Activities and results of the demo initiatives: propaganda sessions, weekly briefings,
patrols, mediations, weapon collection drives, tips of value, support given."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from antt_desktop.demo.common import Rand, scaled
from antt_desktop.demo.commune import Commune
from antt_desktop.demo.initiatives import InitiativeRec
from antt_desktop.store.models import Activity

ACTIVITIES = 1_500
#: How busy each type of initiative is, and what its activities are.
_WEIGHT = {
    "BASE_SECURITY": 8,
    "POLITICAL_SYSTEM": 8,
    "SELF_MANAGED": 3,
    "REINTEGRATION": 3,
    "BORDER_CLUSTER": 3,
    "OTHER": 2,
    "FIRE_WATCH": 1.5,
    "RELIGIOUS": 1.5,
    "ECONOMIC_SUPPORT": 1.5,
    "CAMERA": 1,
}
_KINDS = {
    "CAMERA": (("tip", 6), ("meeting", 2), ("other", 2)),
    "SELF_MANAGED": (
        ("meeting", 35),
        ("patrol", 25),
        ("mediation", 15),
        ("propaganda", 15),
        ("tip", 10),
    ),
    "FIRE_WATCH": (("propaganda", 4), ("meeting", 3), ("other", 3)),
    "REINTEGRATION": (("support", 5), ("meeting", 3), ("propaganda", 2)),
    "ECONOMIC_SUPPORT": (("support", 5), ("propaganda", 5)),
    "BORDER_CLUSTER": (("patrol", 4), ("meeting", 3), ("tip", 2), ("weapon_collection", 1)),
    "RELIGIOUS": (("propaganda", 5), ("mediation", 3), ("meeting", 2)),
    "OTHER": (("propaganda", 4), ("patrol", 3), ("other", 3)),
}
_BUSY = (
    ("meeting", 30),
    ("propaganda", 25),
    ("patrol", 15),
    ("weapon_collection", 10),
    ("mediation", 10),
    ("tip", 9),
    ("other", 1),
)
_TOPICS = (
    "Luật Phòng, chống ma túy",
    "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
    "phòng, chống lừa đảo chiếm đoạt tài sản qua mạng",
    "an toàn giao thông",
    "phòng cháy, chữa cháy",
    "Luật Cư trú và Luật Căn cước",
    "phong trào Toàn dân bảo vệ an ninh Tổ quốc",
    "phòng, chống tín dụng đen",
)
_DISPUTES = (
    "tranh chấp ranh giới đất giữa hai hộ liền kề",
    "mâu thuẫn gia đình",
    "va chạm giao thông",
    "mâu thuẫn do chăn nuôi gia súc thả rông",
    "tranh chấp lối đi chung",
    "xô xát giữa thanh niên trong đám cưới",
)
_TIPS = (
    "Cung cấp tin có giá trị về đối tượng trộm cắp tài sản",
    "Camera ghi lại hình ảnh giúp truy vết đối tượng trộm xe máy",
    "Tố giác điểm tụ tập sử dụng trái phép chất ma túy",
    "Báo tin đối tượng lạ mặt nghi vấn hoạt động tín dụng đen",
    "Cung cấp thông tin về ổ nhóm đánh bạc",
)


def _quantities(rng: Rand, kind: str, where: str) -> dict[str, Any]:
    """Counts and notes of one activity of ``kind``."""
    if kind == "propaganda":
        many = rng.chance(0.15)  # a big session: "12 buổi với 4.810 lượt hộ dân"
        return {
            "participants": rng.randint(250, 600) if many else rng.randint(30, 160),
            "notes": f"Tuyên truyền {rng.choice(_TOPICS)} tại nhà văn hóa {where}",
        }
    if kind == "meeting":
        return {
            "participants": rng.randint(8, 25),
            "notes": rng.choice(
                (
                    "Giao ban định kỳ hằng tuần, đánh giá tình hình ANTT",
                    "Họp triển khai kế hoạch bảo đảm ANTT dịp Tết",
                    "Sơ kết hoạt động quý, rút kinh nghiệm",
                )
            ),
        }
    if kind == "patrol":
        return {
            "participants": rng.randint(4, 12),
            "notes": rng.choice(
                (
                    "Tuần tra đêm tuyến đường liên thôn",
                    "Tuần tra, kiểm soát bảo đảm ANTT dịp lễ, Tết",
                    f"Tuần tra khu vực {where}",
                )
            ),
        }
    if kind == "mediation":
        cases = rng.choice((1, 1, 1, 2, 3))
        return {
            "participants": rng.randint(3, 8),
            "cases_mediated": cases,
            "notes": f"Hòa giải thành {rng.choice(_DISPUTES)}",
        }
    if kind == "weapon_collection":
        return {
            "participants": rng.randint(20, 120),
            "rudimentary_weapons": rng.randint(0, 8),
            "guns": int(rng.chance(0.15)),
            "bullets": rng.choice((0, 0, 0, 5, 12, 30)),
            "fireworks": rng.randint(0, 5),
            "support_tools": rng.randint(0, 3),
            "explosives": int(rng.chance(0.05)),
            "grenades": int(rng.chance(0.02)),
            "notes": "Vận động nhân dân giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ và pháo",
        }
    if kind == "tip":
        return {"tips_of_value": rng.choice((1, 1, 1, 2, 3)), "notes": rng.choice(_TIPS)}
    if kind == "support":
        return {
            "participants": rng.randint(1, 10),
            "notes": rng.choice(
                (
                    "Hỗ trợ người chấp hành xong án phạt tù vay vốn",
                    "Giới thiệu việc làm cho người hoàn lương",
                    "Trao con giống cho hộ nghèo",
                )
            ),
        }
    if rng.chance(0.08):
        return {"surrendered": 1, "notes": "Vận động đối tượng truy nã ra đầu thú"}
    return {
        "participants": rng.randint(10, 80),
        "notes": "Ra quân vệ sinh môi trường kết hợp tuyên truyền bảo đảm ANTT",
    }


def generate_activities(c: Commune, initiatives: list[InitiativeRec]) -> list[dict[str, Any]]:
    """About 1,500 activities spread over the initiatives' active lives; returns the rows."""
    rng = c.rng("activities")
    if not initiatives:
        return []
    weights = [
        _WEIGHT.get(i.type_code, 1) * max(30, ((i.ended_on or c.today) - i.launched_on).days)
        for i in initiatives
    ]
    picks = rng.choices(range(len(initiatives)), weights=weights, k=scaled(ACTIVITIES, c.factor))
    per = [0] * len(initiatives)
    for k in picks:
        per[k] += 1
    rows: list[dict[str, Any]] = []
    for rec, n in zip(initiatives, per, strict=True):
        last = rec.ended_on or c.today
        where = c.areas[rec.area].phrase if rec.area is not None else c.place
        days = sorted(rng.day(rec.launched_on + timedelta(days=3), last) for _ in range(n))
        for day in days:
            kind = rng.weighted(_KINDS.get(rec.type_code, _BUSY))
            row = {"id": rng.uid(), "initiative_id": rec.id, "held_on": day, "kind": kind}
            row.update(_quantities(rng, kind, where))
            rows.append(row)
    c.writer.insert(Activity, rows)
    return rows
