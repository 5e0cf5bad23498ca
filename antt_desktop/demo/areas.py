"""Residential areas (thôn, xóm, bản, ấp, tổ dân phố, khu phố) and house addresses."""

from __future__ import annotations

from dataclasses import dataclass

from antt_desktop.demo.common import Rand, lower_first
from antt_desktop.demo.places import HIGHLANDS, MOUNTAIN, SOUTH, THAI_AREAS, Province, WardInfo

_VILLAGES = (
    "Đồng Tâm",
    "Thắng Lợi",
    "Tân Lập",
    "Đoàn Kết",
    "Quyết Tiến",
    "Thống Nhất",
    "Hòa Bình",
    "Tân Tiến",
    "Đông Hưng",
    "Phú Cường",
    "Yên Thịnh",
    "Trung Thành",
    "Hợp Nhất",
    "Tiền Phong",
    "Xuân Lai",
    "An Thái",
    "Đồng Xuân",
    "Bình Minh",
    "Tân Phú",
    "Minh Khai",
    "Hưng Đạo",
    "Đại Đồng",
    "Phúc Lâm",
    "Bắc Sơn",
    "Nam Sơn",
    "Trung Hòa",
    "Làng Mới",
    "Tân Thành",
    "Cầu Trắng",
    "Đông Thịnh",
    "Văn Phú",
    "Thượng",
    "Hạ",
    "Chùa",
    "Đình",
    "Gò Cao",
)
_BAN = (
    "Nà Phìa",
    "Nà Lừa",
    "Pác Bó",
    "Chang",
    "Huổi Một",
    "Nà Sản",
    "Phiêng Ban",
    "Co Mạ",
    "Nà Tấu",
    "Pá Khoang",
    "Huổi Lèng",
    "Nặm Cắn",
    "Khuổi Ky",
    "Bó Mạ",
    "Nà Càng",
    "Lũng Pù",
    "Coóc Mò",
    "Nà Ngần",
    "Tà Phìn",
    "Sà Phìn",
    "Lùng Tám",
    "Phìn Ngan",
    "Sín Chải",
    "Pả Vi",
    "Tả Van",
    "Nậm Cang",
    "Hua Pe",
    "Nà Hỳ",
    "Mường Khoa",
    "Pá Hốc",
)
_BUON = (
    "Ea Kmát",
    "Kô Siêr",
    "Trí A",
    "Ako Dhông",
    "Ea Tu",
    "Cuôr Đăng",
    "Plei Ơi",
    "Plei Phung",
    "Kon Klor",
    "Plei Ngol",
    "Ia Mơr",
    "Đăk Rơ Wa",
    "Bon Bu Prăng",
    "Ea Sim",
)
_AP = (
    "Tân Hòa",
    "Mỹ Thạnh",
    "Bình An",
    "Phú Lợi",
    "Long Hưng",
    "Thạnh Phú",
    "Hòa Khánh",
    "Chợ",
    "Kinh Xáng",
    "Rạch Gốc",
    "Phước Hậu",
    "An Lạc",
    "Vĩnh Thuận",
    "Tân Quy",
    "Bà Điểm",
    "Mỹ Hòa",
    "Giồng Trôm",
    "Sóc Xoài",
    "Trà Canh",
    "Thới Bình",
    "Cái Tắc",
)
_STREETS = (
    "Trần Hưng Đạo",
    "Lê Lợi",
    "Nguyễn Trãi",
    "Hai Bà Trưng",
    "Quang Trung",
    "Lý Thường Kiệt",
    "Phan Đình Phùng",
    "Hùng Vương",
    "Nguyễn Du",
    "Lê Duẩn",
    "Võ Thị Sáu",
    "Điện Biên Phủ",
    "Nguyễn Văn Cừ",
    "Hoàng Hoa Thám",
    "Ngô Quyền",
    "Bà Triệu",
    "Trần Phú",
    "Lê Hồng Phong",
    "Nguyễn Thị Minh Khai",
    "Cách Mạng Tháng Tám",
    "Phạm Ngũ Lão",
    "Lý Tự Trọng",
    "Chu Văn An",
    "Tô Hiến Thành",
    "Nguyễn Huệ",
    "Lạc Long Quân",
    "Âu Cơ",
    "Lê Thánh Tông",
)


@dataclass(frozen=True)
class AreaPlan:
    """One residential area: its name and kind, and the streets of an urban one."""

    name: str
    kind: str
    streets: tuple[str, ...]

    @property
    def phrase(self) -> str:
        """As written inside a sentence: "thôn Đồng Tâm"."""
        return lower_first(self.name)


def plan_areas(rng: Rand, prov: Province, ward: WardInfo, count: int) -> list[AreaPlan]:
    """``count`` distinct residential areas named the way the region names them."""
    plans: list[AreaPlan] = []
    if ward.urban:
        south = prov.code in SOUTH
        numbers = list(range(1, count + 1))
        for n in numbers:
            named = not south and rng.chance(0.25)
            if south:
                name, kind = f"Khu phố {n}", "khu_pho"
            elif named:
                name, kind = f"Tổ dân phố {rng.choice(_VILLAGES)}", "to_dan_pho"
            else:
                name, kind = f"Tổ dân phố số {n}", "to_dan_pho"
            if any(p.name == name for p in plans):
                name = f"Tổ dân phố số {n}" if not south else f"Khu phố {n}A"
            plans.append(AreaPlan(name, kind, tuple(rng.sample(_STREETS, 2))))
        return plans
    pools: list[tuple[str, str, tuple[str, ...]]] = []
    if prov.code in SOUTH:
        pools.append(("Ấp", "ap", _AP))
    elif prov.code in THAI_AREAS:
        pools += [("Bản", "ban", _BAN), ("Bản", "ban", _BAN), ("Thôn", "thon", _VILLAGES)]
    elif prov.code in MOUNTAIN:
        pools += [
            ("Thôn", "thon", _VILLAGES),
            ("Thôn", "thon", _BAN),
            ("Xóm", "xom", _BAN),
            ("Bản", "ban", _BAN),
        ]
    elif prov.code in HIGHLANDS:
        pools += [("Thôn", "thon", _VILLAGES), ("Buôn", "ban", _BUON)]
    else:
        pools += [("Thôn", "thon", _VILLAGES), ("Thôn", "thon", _VILLAGES), ("Xóm", "xom", ())]
    used: set[str] = set()
    while len(plans) < count:
        prefix, kind, pool = rng.choice(pools)
        base = rng.choice(pool) if pool else str(rng.randint(1, 20))
        name = f"{prefix} {base}"
        if name in used:
            name = f"{prefix} {len(plans) + 1}"
            if name in used:
                continue
        used.add(name)
        plans.append(AreaPlan(name, kind, ()))
    return plans


def house_address(rng: Rand, area: AreaPlan, ward: WardInfo, prov: Province) -> str:
    """A household's address: house, lane and street in town, the village in the country."""
    tail = f"{area.name}, {ward.phrase}, {prov.phrase}"
    if area.streets:
        street = rng.choice(area.streets)
        number = rng.randint(1, 180)
        if rng.chance(0.55):
            lane = "hẻm" if area.kind == "khu_pho" else "ngõ"
            return f"Số {number}, {lane} {rng.randint(1, 120)}, {_street(area, street)}, {tail}"
        return f"Số {number}, {_street(area, street)}, {tail}"
    if rng.chance(0.3):
        return f"Số nhà {rng.randint(1, 250)}, {tail}"
    return tail


def _street(area: AreaPlan, street: str) -> str:
    return f"đường {street}" if area.kind == "khu_pho" else f"phố {street}"
