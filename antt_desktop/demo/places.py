"""Where the demo communes are: a real province, its wards, the ID-number province codes of
the provinces merged into it in 2025, and the ethnic and religious mix of its people."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vietnam_provinces import Province as VnProvince
from vietnam_provinces import Ward

from antt_desktop.demo.common import Rand, lower_first
from antt_desktop.domain.text import fold
from antt_desktop.resources_access import read_csv

# The 34 provinces since 1 Jul 2025 and the pre-2025 provinces they absorbed (by the names
# of cccd_province_codes.csv; the first is the one that kept its name).
MERGED = {
    1: ("Hà Nội",),
    4: ("Cao Bằng",),
    8: ("Tuyên Quang", "Hà Giang"),
    11: ("Điện Biên",),
    12: ("Lai Châu",),
    14: ("Sơn La",),
    15: ("Lào Cai", "Yên Bái"),
    19: ("Thái Nguyên", "Bắc Kạn"),
    20: ("Lạng Sơn",),
    22: ("Quảng Ninh",),
    24: ("Bắc Ninh", "Bắc Giang"),
    25: ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    31: ("Hải Phòng", "Hải Dương"),
    33: ("Hưng Yên", "Thái Bình"),
    37: ("Ninh Bình", "Hà Nam", "Nam Định"),
    38: ("Thanh Hóa",),
    40: ("Nghệ An",),
    42: ("Hà Tĩnh",),
    44: ("Quảng Trị", "Quảng Bình"),
    46: ("Thừa Thiên Huế",),
    48: ("Đà Nẵng", "Quảng Nam"),
    51: ("Quảng Ngãi", "Kon Tum"),
    52: ("Gia Lai", "Bình Định"),
    56: ("Khánh Hòa", "Ninh Thuận"),
    66: ("Đắk Lắk", "Phú Yên"),
    68: ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    75: ("Đồng Nai", "Bình Phước"),
    79: ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    80: ("Tây Ninh", "Long An"),
    82: ("Đồng Tháp", "Tiền Giang"),
    86: ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    91: ("An Giang", "Kiên Giang"),
    92: ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    96: ("Cà Mau", "Bạc Liêu"),
}
MOUNTAIN = {4, 8, 11, 12, 14, 15, 19, 20}
SOUTH = {75, 79, 80, 82, 86, 91, 92, 96}

#: How the region's villages are named and who lives in them. "midland": the Thái Nguyên /
#: Phú Thọ midlands (xóm, mostly Kinh); "northeast": Cao Bằng, Lạng Sơn (Tày, Nùng);
#: "northwest": the Hmong, Dao and Thái highlands (bản); "delta" and "centre": thôn, nearly
#: all Kinh; "highlands": the Central Highlands (buôn, plei, bon); "south": ấp.
REGIONS: dict[int, str] = {
    **dict.fromkeys((19, 22, 24, 25), "midland"),
    **dict.fromkeys((4, 20), "northeast"),
    **dict.fromkeys((8, 11, 12, 14, 15), "northwest"),
    **dict.fromkeys((1, 31, 33, 37), "delta"),
    **dict.fromkeys((38, 40, 42, 44, 46, 48, 56), "centre"),
    **dict.fromkeys((51, 52, 66, 68), "highlands"),
    **dict.fromkeys(SOUTH, "south"),
}

# Who lives in a rural commune of the province (ethnic code: share %), as the commune
# statistics of such a commune read: a Thái Nguyên midland commune (Phú Lương) is some
# seven in ten Kinh with Tày, Nùng, Sán Dìu, Dao and Sán Chay neighbours; a Lào Cai highland
# commune is Hmong, Dao and Tày with few Kinh; a delta commune is all but wholly Kinh.
_COMMUNE_MIX: dict[int, tuple[tuple[str, float], ...]] = {
    1: (("01", 99.4), ("06", 0.4), ("02", 0.2)),
    4: (("02", 44), ("07", 31), ("08", 9), ("09", 8), ("01", 8)),
    8: (("08", 36), ("02", 22), ("09", 20), ("07", 8), ("01", 10), ("25", 4)),
    11: (("03", 42), ("08", 38), ("01", 14), ("29", 6)),
    12: (("08", 40), ("03", 24), ("09", 15), ("01", 13), ("35", 5), ("42", 3)),
    14: (("03", 56), ("08", 18), ("01", 14), ("06", 8), ("29", 4)),
    15: (("08", 40), ("09", 24), ("02", 14), ("01", 13), ("25", 6), ("03", 3)),
    19: (("01", 70), ("02", 14), ("07", 6), ("18", 4), ("09", 3.5), ("15", 2.5)),
    20: (("07", 43), ("02", 36), ("01", 16), ("09", 5)),
    22: (("01", 88), ("09", 5), ("02", 3), ("18", 3), ("15", 1)),
    24: (("01", 91), ("07", 3), ("02", 3), ("15", 1.5), ("18", 1.5)),
    25: (("01", 80), ("06", 17), ("09", 2), ("02", 1)),
    31: (("01", 99.8), ("02", 0.2)),
    33: (("01", 100),),
    37: (("01", 99.8), ("06", 0.2)),
    38: (("01", 85), ("06", 9), ("03", 6)),
    40: (("01", 88), ("03", 10), ("29", 1), ("08", 1)),
    42: (("01", 100),),
    44: (("01", 94), ("23", 5), ("31", 1)),
    46: (("01", 96), ("31", 3), ("26", 1)),
    48: (("01", 96), ("26", 3), ("27", 1)),
    51: (("01", 45), ("14", 25), ("19", 15), ("13", 15)),
    52: (("10", 45), ("01", 35), ("13", 20)),
    56: (("01", 88), ("17", 6), ("21", 6)),
    66: (("01", 45), ("12", 42), ("10", 5), ("07", 4), ("02", 4)),
    68: (("01", 56), ("16", 30), ("28", 8), ("07", 3), ("02", 3)),
    75: (("01", 91), ("04", 3), ("22", 4), ("07", 2)),
    79: (("01", 94), ("04", 5), ("05", 1)),
    80: (("01", 99.5), ("04", 0.5)),
    82: (("01", 99.5), ("04", 0.5)),
    86: (("01", 85), ("05", 13), ("04", 2)),
    91: (("01", 85), ("05", 12), ("04", 2), ("17", 1)),
    92: (("01", 70), ("05", 25), ("04", 5)),
    96: (("01", 93), ("05", 5), ("04", 2)),
}

# Religion mix by province (code: share); "00" (none) takes what is left.
_RELIGION_MIX: dict[int, tuple[tuple[str, float], ...]] = {
    37: (("02", 15), ("01", 5)),
    75: (("02", 30), ("01", 15), ("05", 1)),
    79: (("01", 15), ("02", 8), ("05", 1), ("08", 0.5)),
    91: (("03", 30), ("01", 15)),
    80: (("05", 25), ("01", 8)),
    92: (("03", 10), ("01", 15)),
    86: (("01", 12), ("05", 5)),
    56: (("01", 15), ("02", 8)),
    46: (("01", 25), ("02", 4)),
    68: (("02", 25), ("08", 8), ("01", 10)),
    52: (("08", 8), ("02", 10), ("01", 10)),
    66: (("08", 10), ("02", 12), ("01", 8)),
}
_DEFAULT_RELIGION = (("01", 8.0), ("02", 5.0), ("08", 0.5), ("05", 0.5))
# Ethnic groups with a religion of their own (Khmer Theravada, Cham Bà-la-môn/Islam...).
_ETHNIC_RELIGION = {
    "05": (("01", 92.0),),
    "17": (("13", 45.0), ("04", 35.0)),
    "08": (("08", 15.0),),
    "12": (("08", 30.0), ("02", 20.0)),
    "10": (("08", 25.0), ("02", 20.0)),
    "13": (("02", 35.0), ("08", 10.0)),
}


@dataclass(frozen=True)
class Province:
    """A post-2025 province with what the generator needs to know about it."""

    code: int
    name: str  # "Thành phố Hà Nội", "Thái Nguyên"
    short: str  # "Hà Nội"
    id_codes: tuple[tuple[str, str, float], ...]  # (CCCD code, old province name, weight)

    @property
    def phrase(self) -> str:
        """As written after a body's name: "thành phố Hà Nội", "tỉnh Thái Nguyên"."""
        return f"t{self.name[1:]}" if self.name.startswith("Thành phố") else f"tỉnh {self.name}"

    @property
    def southern(self) -> bool:
        """Southern spelling of names (Huỳnh, Võ) from Đà Nẵng southwards."""
        return self.code >= 48

    @property
    def region(self) -> str:
        """ "midland", "northeast", "northwest", "delta", "centre", "highlands", "south"."""
        return REGIONS.get(self.code, "delta")

    def ethnic_mix(self) -> list[tuple[str, float]]:
        """Who lives in a rural commune of the province (ethnic code, share %)."""
        return list(_COMMUNE_MIX.get(self.code, (("01", 100.0),)))


def _cccd_codes() -> dict[str, str]:
    """Old province name (folded) → three-digit CCCD code."""
    return {fold(r["province"]): r["code"] for r in read_csv("data", "cccd_province_codes.csv")}


def all_id_codes() -> list[tuple[str, str]]:
    """Every (CCCD code, province name) pair, in catalogue order."""
    return [(r["code"], r["province"]) for r in read_csv("data", "cccd_province_codes.csv")]


def province(code: int) -> Province:
    """The province with this official code, with the ID codes of its merged parts."""
    vn = VnProvince.from_code(code)  # type: ignore[arg-type]
    short = re.sub(r"^Thành phố\s+", "", vn.name)
    codes = _cccd_codes()
    parts = MERGED.get(code, (short,))
    weights = [1.0] + [0.6] * (len(parts) - 1)  # the name-giving part is the larger, mostly
    id_codes = tuple(
        (codes[fold(name)], name, weight)
        for name, weight in zip(parts, weights, strict=True)
        if fold(name) in codes
    )
    return Province(code=code, name=vn.name, short=short, id_codes=id_codes)


def find_province(*texts: str | None) -> int | None:
    """The province named in any of ``texts`` ("Công an tỉnh Thái Nguyên"), if one is."""
    folded = " ".join(fold(t) for t in texts if t)
    best: tuple[int, int] | None = None
    for p in VnProvince.iter_all():
        short = fold(re.sub(r"^Thành phố\s+", "", p.name))
        found = re.search(rf"\b{re.escape(short)}\b", folded)
        if found and (best is None or len(short) > best[0]):
            best = (len(short), int(p.code))
    return best[1] if best else None


def province_of_ward(ward_code: str | None) -> int | None:
    if not ward_code:
        return None
    try:
        return int(Ward.from_code(int(ward_code)).province_code)  # type: ignore[arg-type]
    except (ValueError, KeyError):
        return None


def all_province_codes() -> list[int]:
    return sorted(MERGED)


@dataclass(frozen=True)
class WardInfo:
    code: str  # five digits, as unit codes are written ("00070")
    name: str  # "Phường Hoàn Kiếm"
    place: str  # "Hoàn Kiếm"
    urban: bool  # phường (or đặc khu): residential areas are tổ dân phố / khu phố

    @property
    def phrase(self) -> str:
        """As written inside a sentence: "phường Hoàn Kiếm", "xã Động Đạt"."""
        return lower_first(self.name)


def wards(province_code: int) -> list[WardInfo]:
    """The province's commune-level units, by code."""
    rows = sorted(Ward.iter_by_province(province_code), key=lambda w: int(w.code))  # type: ignore[arg-type]
    return [ward_info(str(w.code).zfill(5), w.name) for w in rows]


def ward_by_code(code: str | None) -> WardInfo | None:
    """The official commune-level unit with this code, if there is one."""
    if not code:
        return None
    try:
        ward = Ward.from_code(int(code))  # type: ignore[arg-type]
    except (ValueError, KeyError):
        return None
    return ward_info(code, ward.name)


def ward_info(code: str, name: str) -> WardInfo:
    place = re.sub(r"^(Phường|Xã|Đặc khu)\s+", "", name)
    return WardInfo(code=code, name=name, place=place, urban=not name.startswith("Xã"))


def religion_mix(province_code: int, ethnic: str) -> list[tuple[str, float]]:
    mix = list(
        _ETHNIC_RELIGION.get(ethnic) or _RELIGION_MIX.get(province_code) or _DEFAULT_RELIGION
    )
    return [("00", max(1.0, 100 - sum(w for _c, w in mix))), *mix]


def commune_ethnic_mix(rng: Rand, prov: Province, *, urban: bool) -> list[tuple[str, float]]:
    """A commune's own mix: the province's rural mix, each group a little more or less (a
    town ward has fewer of the minorities, who live mostly in the villages)."""
    mix = []
    for code, share in prov.ethnic_mix():
        if code != "01":
            share *= rng.uniform(0.8, 1.2) * (0.35 if urban else 1.0)
        mix.append((code, share))
    return mix
