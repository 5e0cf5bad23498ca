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
THAI_AREAS = {11, 12, 14}  # villages are "bản"
HIGHLANDS = {52, 66, 68}
SOUTH = {75, 79, 80, 82, 86, 91, 92, 96}

# Ethnic mix by province (code: share); Kinh takes what is left.
_ETHNIC_MIX: dict[int, tuple[tuple[str, float], ...]] = {
    4: (("02", 41), ("07", 31), ("08", 10), ("09", 10), ("15", 2)),
    8: (("02", 25), ("08", 20), ("09", 12), ("07", 5), ("15", 5)),
    11: (("03", 38), ("08", 35), ("29", 3)),
    12: (("08", 35), ("03", 30), ("09", 13), ("35", 4), ("42", 2)),
    14: (("03", 54), ("08", 15), ("06", 7), ("29", 2), ("34", 1)),
    15: (("08", 15), ("02", 13), ("09", 12), ("03", 5), ("25", 3), ("07", 3)),
    19: (("02", 20), ("07", 7), ("09", 6), ("15", 3), ("18", 2), ("08", 2)),
    20: (("07", 42), ("02", 35), ("09", 4), ("08", 1)),
    22: (("09", 5), ("02", 3), ("18", 2), ("15", 1)),
    24: (("07", 2.5), ("02", 2), ("15", 1), ("18", 1)),
    25: (("06", 16), ("09", 2), ("02", 1), ("03", 1)),
    38: (("06", 9), ("03", 7)),
    40: (("03", 10), ("29", 1.4), ("08", 1.2)),
    44: (("23", 4), ("31", 1)),
    46: (("31", 2), ("26", 0.5)),
    48: (("26", 2.5), ("14", 1), ("27", 0.5)),
    51: (("19", 9), ("14", 8), ("13", 3)),
    52: (("10", 15), ("13", 9)),
    56: (("17", 6), ("21", 5)),
    66: (("12", 12), ("10", 2), ("07", 2), ("02", 1.5)),
    68: (("16", 7), ("28", 2), ("17", 2), ("07", 1), ("21", 1)),
    75: (("04", 3), ("22", 3), ("07", 1.5)),
    79: (("04", 5), ("05", 0.5)),
    86: (("05", 11),),
    91: (("05", 10), ("04", 1.5), ("17", 0.3)),
    92: (("05", 14), ("04", 3)),
    96: (("05", 5), ("04", 1)),
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

    def ethnic_mix(self) -> list[tuple[str, float]]:
        mix = list(_ETHNIC_MIX.get(self.code, ()))
        return [("01", max(1.0, 100 - sum(w for _c, w in mix))), *mix]


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


def commune_ethnic_mix(rng: Rand, prov: Province) -> list[tuple[str, float]]:
    """A commune's own mix: one group dominates more than in the province as a whole."""
    mix = prov.ethnic_mix()
    dominant = rng.weighted(mix)
    return [(code, w * 0.4 + (60.0 if code == dominant else 0.0)) for code, w in mix]
