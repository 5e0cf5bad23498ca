"""Residents and households of one demo commune, written in bulk and indexed for search."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import accumulate
from typing import Any, cast

from sqlalchemy import Table, bindparam, update

from antt_desktop.demo import names
from antt_desktop.demo.areas import house_address
from antt_desktop.demo.common import Rand, scaled
from antt_desktop.demo.commune import Commune, HouseholdRec, Resident
from antt_desktop.demo.families import Member, compose, household_sizes
from antt_desktop.demo.places import (
    MOUNTAIN,
    SOUTH,
    all_id_codes,
    commune_ethnic_mix,
    religion_mix,
)
from antt_desktop.domain.enums import Sex
from antt_desktop.domain.idnumber import make_id_number
from antt_desktop.store import search_documents
from antt_desktop.store.models import Household, Person, name_columns

PERSONS = 15_000
HOUSEHOLDS = 4_000
#: Multiplier that spreads consecutive person numbers over the six serial digits (coprime
#: with 10**6, so distinct numbers stay distinct).
_SERIAL_STEP = 104_729
_PHONE_PREFIXES = (
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
    "086",
    "088",
    "089",
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "083",
    "084",
    "085",
)
_RURAL_WORK = (
    ("Làm ruộng", 30),
    ("Công nhân", 16),
    ("Lao động tự do", 12),
    ("Buôn bán", 7),
    ("Chăn nuôi", 5),
    ("Thợ xây", 5),
    ("Lái xe", 3),
    ("Thợ mộc", 2),
    ("Giáo viên", 2),
    ("Cán bộ, công chức", 2),
    ("Nội trợ", 4),
    ("Làm thuê", 6),
    ("Thợ may", 2),
    ("Kinh doanh", 2),
)
_URBAN_WORK = (
    ("Kinh doanh", 14),
    ("Buôn bán", 12),
    ("Công nhân", 12),
    ("Nhân viên văn phòng", 12),
    ("Lao động tự do", 12),
    ("Cán bộ, công chức", 6),
    ("Giáo viên", 4),
    ("Lái xe", 4),
    ("Thợ may", 3),
    ("Thợ sửa xe máy", 3),
    ("Kỹ sư", 3),
    ("Nội trợ", 5),
    ("Bác sĩ", 1),
    ("Nhân viên bán hàng", 6),
    ("Bảo vệ", 2),
    ("Xe ôm công nghệ", 2),
)
_AWAY = (
    "phường Bình Dương, thành phố Hồ Chí Minh",
    "phường Thuận An, thành phố Hồ Chí Minh",
    "phường Biên Hòa, tỉnh Đồng Nai",
    "phường Cầu Giấy, thành phố Hà Nội",
    "phường Bắc Giang, tỉnh Bắc Ninh",
    "phường Thái Nguyên, tỉnh Thái Nguyên",
    "phường Hải Châu, thành phố Đà Nẵng",
    "xã Yên Phong, tỉnh Bắc Ninh",
)
_ELDER_NOTES = (
    "Thương binh hạng 4/4",
    "Người có công với cách mạng",
    "Cựu chiến binh",
    "Người có uy tín trong cộng đồng",
    "Gia đình liệt sĩ",
)


def _occupation(rng: Rand, age: int, sex: str, c: Commune) -> str | None:
    if age < 6:
        return None
    if age < 18:
        return "Học sinh"
    if age < 23 and rng.chance(0.35):
        return "Sinh viên"
    if age >= (60 if sex == "M" else 55):
        if c.ward.urban and rng.chance(0.45):
            return "Hưu trí"
        return rng.choice(("Làm ruộng", "Ở nhà", "Nội trợ", "Buôn bán nhỏ"))
    if not c.ward.urban and c.province.code in MOUNTAIN and rng.chance(0.3):
        return rng.choice(("Làm nương", "Trồng rừng", "Chăn nuôi"))
    if not c.ward.urban and c.province.code in SOUTH and rng.chance(0.15):
        return rng.choice(("Nuôi trồng thủy sản", "Làm vườn"))
    work = rng.weighted(_URBAN_WORK if c.ward.urban else _RURAL_WORK)
    if work == "Nội trợ" and sex == "M":
        work = "Lao động tự do"
    return work


def _phone(rng: Rand, age: int) -> str | None:
    if age < 16 or not rng.chance(0.3 if age >= 75 else 0.8):
        return None
    return rng.choice(_PHONE_PREFIXES) + rng.digits(7)


def _birth(rng: Rand, age: int, today: date) -> tuple[date, str]:
    """A birth date giving ``age`` today, and how it is stored (some only by year)."""
    latest = date(today.year - age, today.month, min(today.day, 28))
    born = latest - timedelta(days=rng.randint(0, 364))
    if rng.chance(0.15 if age >= 60 else 0.02):
        return date(born.year, 1, 1), f"{born.year:04d}"
    if rng.chance(0.01):
        return date(born.year, born.month, 1), f"{born.year:04d}-{born.month:02d}"
    return born, born.isoformat()


class _Families:
    """Names, ethnic groups and ID numbers for the members of one household."""

    def __init__(self, c: Commune, rng: Rand) -> None:
        self.c = c
        self.rng = rng
        self.ethnic_mix = commune_ethnic_mix(rng, c.province, urban=c.ward.urban)
        self.local = [(code, name, w) for code, name, w in c.province.id_codes]
        self.local_weights = list(accumulate(w for *_x, w in self.local))
        self.others = all_id_codes()
        self.serials = {sex.value: c.id_serial_base for sex in Sex}  # the next, per sex
        self.offset = c.id_serial_offset

    def id_number(self, sex: str, year: int, local: float) -> tuple[str | None, str]:
        """A unique ID number with a real province code, and the birth-place province."""
        rng = self.rng
        if rng.chance(local):
            code, place, _w = rng.choices(self.local, cum_weights=self.local_weights)[0]
        else:
            code, place = rng.choice(self.others)
        self.serials[sex] += 1
        if self.serials[sex] - self.c.id_serial_base >= self.c.id_serial_count:
            raise ValueError(f"more people of one sex than this commune's ID serials ({sex})")
        if rng.chance(0.015):  # not yet given a number (an old person, a newborn...)
            return None, place
        serial = (self.serials[sex] * _SERIAL_STEP + self.offset) % 1_000_000
        return make_id_number(code, Sex(sex), year, serial), place

    def names(self, members: list[Member], ethnic: str, birth_years: list[int]) -> list[str]:
        rng, south = self.rng, self.c.province.southern
        head_family = names.family_name(rng, southern=south, ethnic=ethnic)
        own = {
            i: names.family_name(rng, southern=south, ethnic=ethnic)
            for i, m in enumerate(members)
            if m.line in ("own", "other")
        }
        husband = next((i for i, m in enumerate(members) if m.relation == "Chồng"), None)
        if members[0].sex == "M":
            father_family = head_family
        elif husband is not None:
            father_family = own[husband]
        else:
            father_family = names.family_name(rng, southern=south, ethnic=ethnic)
        taken: set[str] = set()
        result = []
        for i, m in enumerate(members):
            lines = {"head": head_family, "father": father_family}  # "" for A Sang, K'Brơi
            family = lines[m.line] if m.line in lines else own[i]
            for _try in range(5):
                name = names.full_name(rng, family, m.sex, birth_years[i], ethnic)
                if name not in taken:
                    break
            taken.add(name)
            result.append(name)
        return result


def generate_people(c: Commune) -> None:
    """Households and their members for commune ``c``; fills ``c.residents``/``households``."""
    rng = c.rng("people")
    fam = _Families(c, rng)
    n_households = scaled(HOUSEHOLDS, c.factor)
    sizes = household_sizes(rng, n_households, scaled(PERSONS, c.factor, 3 * n_households))
    person_rows: list[dict[str, Any]] = []
    household_rows: list[dict[str, Any]] = []
    for number, size in enumerate(sizes, start=1):
        area = rng.randrange(len(c.areas))
        hh = HouseholdRec(
            id=rng.uid(),
            number=f"{number:04d}",
            area=area,
            address=house_address(rng, c.areas[area], c.ward, c.province),
        )
        c.households.append(hh)
        household_rows.append(
            {
                "id": hh.id,
                "unit_id": c.unit_id,
                "number": hh.number,
                "area_id": c.area_ids[area],
                "address": hh.address,
            }
        )
        members = compose(rng, size)
        ethnic = rng.weighted(fam.ethnic_mix)
        births = [_birth(rng, m.age, c.today) for m in members]
        full_names = fam.names(members, ethnic, [b.year for b, _iso in births])
        religion = rng.weighted(religion_mix(c.province.code, ethnic))
        for m, (birth, iso), name in zip(members, births, full_names, strict=True):
            person_rows.append(_person_row(c, rng, fam, hh, m, birth, iso, name, ethnic, religion))
    writer = c.writer
    writer.insert(Household, household_rows)
    writer.insert(Person, person_rows)
    heads = [{"hid": hh.id, "head": c.residents[hh.head].id} for hh in c.households]
    # The households were born in this same transaction, so setting their head now is the
    # same as having inserted them with it: no second stamp (the FK needs persons first).
    table = cast(Table, Household.__table__)
    writer.conn.execute(
        update(table)
        .where(table.c.id == bindparam("hid"))
        .values(head_person_id=bindparam("head")),
        heads,
    )
    conn = writer.conn
    search_documents.index_new_rows(
        conn,
        "person",
        ((r["id"], c.unit_id, search_documents.person_document(r)) for r in person_rows),
    )
    search_documents.index_new_rows(
        conn,
        "household",
        (
            (r["id"], c.unit_id, search_documents.household_document(r, c.residents[hh.head].name))
            for r, hh in zip(household_rows, c.households, strict=True)
        ),
    )


def _person_row(
    c: Commune,
    rng: Rand,
    fam: _Families,
    hh: HouseholdRec,
    m: Member,
    birth: date,
    iso: str,
    name: str,
    ethnic: str,
    religion: str,
) -> dict[str, Any]:
    age = c.today.year - birth.year
    local = 0.95 if m.relation in ("Con", "Cháu") else 0.75 if m.line == "own" else 0.85
    id_number, birth_place = fam.id_number(m.sex, birth.year, local)
    occupation = _occupation(rng, age, m.sex, c)
    phone = _phone(rng, age)
    away = rng.choice(_AWAY) if 18 <= age <= 40 and rng.chance(0.07) else None
    notes = None
    if away:
        notes = f"Đi làm ăn xa, tạm trú tại {away}"
    elif age >= 65 and rng.chance(0.04):
        notes = rng.choice(_ELDER_NOTES)
    legacy = None
    if birth.year <= 1995 and rng.chance(0.35):
        legacy = f"{rng.randint(10_000_000, 389_999_999):09d}"
    person_id = rng.uid()
    hh.members.append(len(c.residents))
    c.residents.append(
        Resident(
            person_id,
            name,
            m.sex,
            birth,
            hh.area,
            len(c.households) - 1,
            m.relation,
            phone,
            occupation,
        )
    )
    return {
        "id": person_id,
        "unit_id": c.unit_id,
        **name_columns(name),
        "other_names": (names.nickname(rng, c.province.southern) if rng.chance(0.02) else None),
        "born": iso,
        "birth_year": birth.year,
        "sex": m.sex,
        "id_number": id_number,
        "legacy_id": legacy,
        "ethnic_code": ethnic,
        "religion_code": religion,
        "birth_place": birth_place,
        "permanent_area_id": c.area_ids[hh.area],
        "permanent_address": hh.address,
        "current_area_id": None if away else c.area_ids[hh.area],
        "current_address": away or hh.address,
        "occupation": occupation,
        "phone": phone,
        "household_id": hh.id,
        "relation_to_head": m.relation,
        "notes": notes,
    }
