"""Residential areas (thôn, xóm, bản, ấp, tổ dân phố, khu phố) and house addresses."""

from __future__ import annotations

from dataclasses import dataclass

from antt_desktop.demo.common import Rand, lower_first
from antt_desktop.demo.places import SOUTH, Province, WardInfo

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
#: Tày and Nùng village names (Cao Bằng, Lạng Sơn, the Bắc Kạn part of Thái Nguyên).
_TAY = (
    "Nà Phìa",
    "Nà Lừa",
    "Pác Bó",
    "Nà Sản",
    "Phiêng Ban",
    "Co Mạ",
    "Nà Tấu",
    "Khuổi Ky",
    "Bó Mạ",
    "Nà Càng",
    "Lũng Pù",
    "Coóc Mò",
    "Nà Ngần",
    "Nà Chang",
    "Nà Hỳ",
    "Pác Nặm",
    "Khuổi Khít",
    "Nà Lẹng",
)
#: Hmong, Dao and Thái village names of the northwestern highlands.
_NORTHWEST = (
    "Tả Van",
    "Sín Chải",
    "Tà Phìn",
    "Sà Phìn",
    "Lùng Tám",
    "Phìn Ngan",
    "Pả Vi",
    "Nậm Cang",
    "Hua Pe",
    "Mường Khoa",
    "Pá Hốc",
    "Pá Khoang",
    "Huổi Lèng",
    "Nặm Cắn",
    "Huổi Một",
    "Lao Chải",
    "Séo Mý Tỷ",
    "Cát Cát",
    "Tả Giàng Phình",
    "Nậm Bó",
)
#: Midland hamlets of Thái Nguyên, Phú Thọ, Bắc Ninh, Quảng Ninh: Tày names and Kinh ones.
_MIDLAND = (
    "Na Mao",
    "Khe Thương",
    "Đồng Xe",
    "Bãi Bông",
    "Làng Phan",
    "Na Pặng",
    "Pác Máy",
    "Tiến Bộ",
    "Bò Tái",
    "Khe Cốc",
    "Đồng Danh",
    "Hợp Thành",
    "Làng Ổ",
    "Đồng Kem",
    "Na Hiên",
    "Cây Thị",
    "Đồng Chằm",
    "Khe Mo",
    "Bờ Đậu",
    "Đập Tràn",
    "Làng Mới",
    "Đồng Tâm",
    "Tân Thái",
    "Phố Trào",
)
#: Ê Đê villages (buôn) of Đắk Lắk.
_BUON = (
    "Ea Kmát",
    "Kô Siêr",
    "Trí A",
    "Ako Dhông",
    "Ea Tu",
    "Cuôr Đăng",
    "Ea Sim",
    "Kmrơng Prông",
    "Tơng Jú",
    "Ea Bông",
    "Ea Dar",
    "Ko Emông",
    "Tring",
    "Kmrơng A",
    "Ea Bar",
    "Cư Kpô",
)
#: Gia Rai and Ba Na villages (plei, làng) of Gia Lai and Kon Tum.
_PLEI = (
    "Ơi",
    "Phung",
    "Ngol",
    "Bông Phun",
    "Chuet",
    "Thơng",
    "Ia Ring",
    "Khop",
    "Kép",
    "Ia Kênh",
    "Bông Pim",
    "Tơ Vơ",
    "Ia Lâm",
    "Đê Kôp",
    "Ia Pết",
    "Rơ Ol",
)
#: Mnông and Cơ-ho villages (bon) of Lâm Đồng and Đắk Nông.
_BON = (
    "Bu Prăng",
    "Ja Lú",
    "R'Lơm",
    "Đăk Rmăng",
    "K'Long",
    "Liêng Trang",
    "Bu Đăk",
    "Bu Sir",
    "Ja Ráh",
    "Bu Koh",
    "K'Răng Gọ",
    "Đạ Nhim",
    "Liêng Bông",
    "Tố Lan",
    "Păng Tiêng",
    "Bu Nơr",
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
    pools = _village_pools(rng, prov)
    left = {word: rng.sample(names, len(names)) for word, _kind, names in pools}
    while len(plans) < count:
        word, kind, _names = rng.choice(pools)
        base = left[word].pop() if left[word] else str(len(plans) + 1)
        plans.append(AreaPlan(f"{word} {base}", kind, ()))
    return plans


_Pool = tuple[str, str, tuple[str, ...]]  # (the word before the name, area kind, names)
#: Villages of a rural commune by region; a commune calls all its villages by one word.
_RURAL: dict[str, _Pool] = {
    "midland": ("Xóm", "xom", _MIDLAND),
    "northwest": ("Bản", "ban", _NORTHWEST),
    "delta": ("Thôn", "thon", _VILLAGES),
    "centre": ("Thôn", "thon", _VILLAGES),
    "south": ("Ấp", "ap", _AP),
}


def _village_pools(rng: Rand, prov: Province) -> list[_Pool]:
    """How a rural commune of the province names its villages (one pool drawn per village):
    a Central Highlands commune has villages of its people (buôn, plei, bon) and of Kinh
    settlers (thôn); Cao Bằng says "xóm", Lạng Sơn "thôn"."""
    if prov.region == "northeast":
        return [("Xóm" if prov.code == 4 else "Thôn", "xom" if prov.code == 4 else "thon", _TAY)]
    if prov.region != "highlands":
        return [_RURAL[prov.region]]
    own = {52: ("Plei", _PLEI), 51: ("Plei", _PLEI), 68: ("Bon", _BON)}.get(prov.code)
    word, names = own or ("Buôn", _BUON)
    return [(word, "ban", names), (word, "ban", names), ("Thôn", "thon", _VILLAGES)]


def house_address(rng: Rand, area: AreaPlan, ward: WardInfo, prov: Province) -> str:
    """A household's address: house, lane and street in town, the village in the country."""
    tail = f"{area.phrase}, {ward.phrase}, {prov.phrase}"
    if area.streets:
        street = rng.choice(area.streets)
        number = rng.randint(1, 180)
        if rng.chance(0.55):
            lane = "hẻm" if area.kind == "khu_pho" else "ngõ"
            return f"Số {number}, {lane} {rng.randint(1, 120)}, {_street(area, street)}, {tail}"
        return f"Số {number}, {_street(area, street)}, {tail}"
    if rng.chance(0.3):
        return f"Số nhà {rng.randint(1, 250)}, {tail}"
    return area.name + tail.removeprefix(area.phrase)


def _street(area: AreaPlan, street: str) -> str:
    return f"đường {street}" if area.kind == "khu_pho" else f"phố {street}"
