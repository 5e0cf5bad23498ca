"""Vietnamese personal names for demo people: family names by real frequency, middle and
given names by sex and generation, and the naming customs of the larger ethnic groups."""

from __future__ import annotations

from antt_desktop.demo.common import Rand


def _words(text: str) -> tuple[str, ...]:
    """Names separated by commas ("Sa Rươl, Phol" → ("Sa Rươl", "Phol")); "-" is no name."""
    return tuple("" if w.strip() == "-" else w.strip() for w in text.split(","))


def _weighted(text: str) -> tuple[tuple[str, float], ...]:
    """ "Văn 55, Đức 8" → (("Văn", 55.0), ("Đức", 8.0))."""
    pairs = (w.strip().rsplit(" ", 1) for w in text.split(","))
    return tuple((name, float(weight)) for name, weight in pairs)


# Share of the population (%) of the common Kinh family names; the rest share "others".
# Hoàng/Huỳnh and Vũ/Võ are one name spelled the northern / southern way.
_KINH_FAMILY = _weighted(
    "Nguyễn 38, Trần 11, Lê 9.5, Phạm 7.1, Hoàng 5.1, Phan 4.5, Vũ 3.9, Đặng 2.1, Bùi 2,"
    " Đỗ 1.4, Hồ 1.3, Ngô 1.3, Dương 1, Lý 0.5"
)
_OTHER_FAMILY = _words(
    "Đinh, Đào, Trịnh, Mai, Lương, Cao, Lâm, Tạ, Hà, Tô, Chu, Quách, Kiều, Thái, Đoàn,"
    " Vương, Triệu, Tống, Lưu, Phùng, La, Nghiêm, Châu, Lã, Thân, Trương, Khúc, Đàm, Văn,"
    " Khổng, Từ, Hứa"
)
_SOUTHERN = {"Hoàng": "Huỳnh", "Vũ": "Võ"}

_MIDDLE = {
    ("M", "old"): _weighted(
        "Văn 55, Đức 8, Hữu 7, Minh 6, Quang 5, Công 4, Xuân 4, Đình 4, Ngọc 3, Trọng 3,"
        " Thanh 3, Bá 2"
    ),
    ("M", "mid"): _weighted(
        "Văn 35, Đức 9, Minh 9, Quang 7, Hữu 6, Anh 5, Tuấn 4, Quốc 5, Thanh 5, Duy 4, Mạnh 3,"
        " Tiến 4, Hoàng 4"
    ),
    ("M", "young"): _weighted(
        "Minh 20, Gia 14, Văn 12, Đức 10, Hoàng 9, Quang 8, Anh 7, Bảo 7, Đăng 5, Tuấn 4, Nhật 4"
    ),
    ("F", "old"): _weighted("Thị 78, Ngọc 4, Thu 4, Thanh 4, Hồng 3, Kim 3, Minh 2, Bích 2"),
    ("F", "mid"): _weighted(
        "Thị 50, Ngọc 8, Thu 7, Thanh 7, Hồng 6, Phương 5, Thùy 5, Minh 4, Kim 4, Hoài 4"
    ),
    ("F", "young"): _weighted(
        "Ngọc 18, Thị 16, Bảo 12, Khánh 10, Minh 10, Thu 8, Phương 8, Gia 6, Diệu 6, Thảo 6"
    ),
}
_GIVEN = {
    ("M", "old"): _words(
        "Hùng, Dũng, Tuấn, Minh, Hải, Nam, Thắng, Sơn, Cường, Hưng, Thành, Bình, Hòa, Tâm,"
        " Toàn, Tiến, Quang, Vinh, Lộc, Nghĩa, Chiến, Mạnh, Thịnh, Tài, Phúc, Đức, Lâm, Trung,"
        " Kiên, Hậu, Thuận, Khải, Tư, Bảy, Hiển, Thọ"
    ),
    ("M", "mid"): _words(
        "Tuấn, Hùng, Dũng, Minh, Hải, Long, Nam, Thắng, Sơn, Cường, Tùng, Phong, Quân, Huy,"
        " Trung, Kiên, Hiếu, Đạt, Tú, Duy, Khánh, Việt, Hoàng, Thành, Hưng, Linh, Công, Thịnh,"
        " Lâm, Toàn, Tiến, Vũ, Hào, Trường, Luân, Sang"
    ),
    ("M", "young"): _words(
        "Khang, Bảo, Phúc, Khôi, Nguyên, Minh, Đăng, Khoa, An, Huy, Quân, Lâm, Phong, Kiệt,"
        " Hưng, Long, Nam, Đức, Dương, Hiếu, Tùng, Vinh, Thịnh, Tuấn, Hoàng, Trí, Duy, Tín,"
        " Phát, Thành"
    ),
    ("F", "old"): _words(
        "Lan, Hương, Hoa, Mai, Hằng, Thủy, Nga, Liên, Loan, Nhung, Yến, Dung, Hạnh, Hiền, Oanh,"
        " Vân, Tuyết, Thu, Bích, Xuân, Thơm, Lý, Tâm, Đào, Sen, Cúc, Huệ, Mận, Năm, Sáu, Hợi, Tý"
    ),
    ("F", "mid"): _words(
        "Linh, Trang, Hà, Thảo, Phương, Huyền, Hương, Hằng, Ngọc, Anh, Giang, Ly, Nhàn, Hồng,"
        " Chi, Quyên, Dung, Yến, Thúy, Vân, Nga, Mai, Lan, Hiền, Loan, Nhung, Thu, Diệp, Hạnh,"
        " Tuyết, Oanh, Liên"
    ),
    ("F", "young"): _words(
        "Vy, An, Ngân, Nhi, Thư, Như, Chi, Trâm, Hân, Ngọc, Linh, Anh, My, Uyên, Khánh, Hà,"
        " Trang, Thảo, Diệp, Giang, Quỳnh, Tâm, Mai, Hương, Yến, Phương"
    ),
}

# Ethnic groups with naming customs of their own: family names; male and female middle
# names ("-": none); male and female given names (empty: given names as the Kinh give them,
# as Tày, Nùng, Mường, Sán Dìu... families mostly do). A person of one of these groups
# always carries the group's family name: a Kinh family name never goes with a Dao given
# name ("Nguyễn Láo Chàn" is no one's name).
_ETHNIC_TEXT = {
    "02": ("Hoàng, Nông, Lục, Bế, Đàm, Hà, Lương, Ma, Lành, Hứa, Linh, Hoàng, Nông", "Văn, Đức",
           "Thị", "", ""),
    "07": ("Hoàng, Nông, Lương, Lục, Vi, Chu, Lăng, Mông, Lý, Sầm, Hoàng", "Văn", "Thị", "", ""),
    "03": ("Lò, Cầm, Quàng, Lường, Điêu, Vi, Hà, Lộc, Tòng, Lềm", "Văn", "Thị",
           "Bun, Phóng, Ín, Xiêng, Ơn, Tương, Xuân, Hặc, Pọm, Phăn",
           "Ọn, Xuân, Pánh, Lả, Bua, Ánh, Ín, Hom, Phanh, Xiên"),
    "08": ("Vàng, Giàng, Sùng, Mùa, Thào, Lầu, Lý, Hầu, Vừ, Tráng", "A, Seo, Mí, Chứ",
           "Thị, Thị, Mỷ", "Páo, Sình, Chứ, Lử, Dình, Sử, Chư, Tủa, Phử, Nủ, Cở, Dế",
           "Mỷ, Súa, Dua, Pà, Dợ, Mẩy, Chá, Sua, Vá, Mai, Sy, Dính"),
    "09": ("Triệu, Bàn, Đặng, Lý, Phùng, Chảo, Tẩn, Sằn, Chìu, Bàn, Triệu", "Văn, Láo, Kiềm, Tòn",
           "Thị, Mẩy", "Tá, Lở, Sử, Quẩy, Chàn, Phin, Kiêm, Dào, Vần, Sinh, Kim, Phấu",
           "Mẩy, Xuân, Dua, Chòi, Kiều, Nhất, Lai, Sì, Phây, Mui"),
    "06": ("Bùi, Đinh, Quách, Hà, Xa, Cao, Bạch", "Văn", "Thị", "", ""),
    "05": ("Thạch, Danh, Sơn, Kim, Lâm, Chau, Trà, Lý", "-, Minh, Văn", "Thị",
           "Sa Rươl, Phol, Sóc, Đa Ra, Sô Phal, Kha, Sen, Rết, Pheng, Sang, Bô, Ny",
           "Sa Vết, Sô Phia, Mây, Ngọc Hân, Sà Rum, Chanh Thu, Da, Sa Ly, Phương, Sóc Khe"),
    "04": ("Lâm, Trương, Quách, Diệp, Lưu, Tăng, Mã, Vòng, Hứa, Thái", "", "", "", ""),
    "15": ("Lâm, Hoàng, Trần, Đàm, Nịnh, La, Lý, Dương, Tô", "Văn", "Thị", "", ""),
    "18": ("Diệp, Lam, Trương, Lục, Dương, Tạ, Lưu, Ninh, Vi", "Văn", "Thị", "", ""),
    "25": ("Vàng, Lò, Hoàng, Sần, Lù, Lương, Giàng", "Văn", "Thị", "", ""),
    "29": ("Lò, Vi, Cầm, Quàng, Lường, Vừ", "Văn", "Thị",
           "Xiên, Phanh, Bun, Khăm, Ón, Pọm, Thoong, Phết", "Ín, Xọm, Ngân, Pheng, Bua, Kham"),
    "35": ("Lý, Chu, Pờ, Lỳ, Phu, Sừng, Tờ", "A, Xe, Gó", "Mỳ, Xá, Lù",
           "Chừ, Giờ, Phì, Xá, Tư, Pa, Hừ, Sơn", "Gió, Chừ, Pa, Mé, Gờ, Phà"),
    "42": ("Lò, Tao, Vàng, Chìn, Lý", "Văn", "Thị", "Thiên, Khăm, Ón, Bun, Xiêng, Phăn",
           "Ín, Bua, Xuân, Khăm, Ọn, Pánh"),
    "17": ("Đàng, Lưu, Thuận, Quảng, Bá, Châu, Thông, Hán, Tài, Phú", "Văn, Năng, Đại", "Thị",
           "", ""),
    "21": ("Mang, Katơr, Pinăng, Chamaléa, Bo Bo, Cao", "Văn", "Thị", "", ""),
    "10": ("Ksor, Siu, Rơ Châm, Rơ Mah, Kpă, Nay, Puih, Rcom", "-", "H'",
           "Tih, Kơk, Phun, Blin, Hyuh, Đinh, Thuk, Ngưm",
           "Lan, Hen, Yơn, Nga, Bing, Ngơn, Dliêt, Hiar"),
    "12": ("Niê, Mlô, Êban, Ktla, Byă, Ayun, Adrơng, Buôn Yă", "Y", "H'",
           "Bhin, Thông, Ngông, Kô, Jan, Siêng, Blơi, Suôn",
           "Hen, Mai, Drơng, Ni, Bia, Yâm, Duôn, Bhơ"),
    "13": ("Đinh", "Văn", "Thị", "Núp, Thút, Hlang, Rưn, Blang, Hyong, Grưh, Krăn",
           "Hlim, Yơng, Rin, Blên, Hiam, Nhắt, Pơm, Yuh"),
    "14": ("-", "A", "Y", "Sang, Nhong, Thút, Đeo, Tiên, Kơ, Rếp, Pứt",
           "Blúp, Hnơ, Ngân, Mai, Vi, Rin, Khoan, Đôn"),
    "19": ("Đinh, Phạm, Đinh", "Văn", "Thị", "", ""),
    "16": ("-", "K'", "Ka", "Brơi, Đưk, Sang, Tiếp, Brèo, Prim, Dơng, Lap",
           "Hòa, Dung, Jăn, Hiên, Thương, Bríp, Nga, Doan"),
    "28": ("Điểu", "-", "Thị", "Lung, Kré, Brong, Lơng, Sơn, Đông, K'Rê, Hưởng", ""),
    "22": ("Điểu, Lâm, Điểu", "-", "Thị", "", ""),
    "23": ("Hồ, Hồ, Hồ, Lê, Kiều", "Văn", "Thị", "", ""),
    "31": ("Hồ, Kăn, Căn, Pả, Hồ", "Văn", "Thị", "", ""),
    "26": ("Alăng, Bhling, Zơ Râm, Briu, Ating, Clâu, Coor", "-", "Thị", "", ""),
}  # fmt: skip
_ETHNIC = {code: tuple(_words(t) if t else () for t in texts)
           for code, texts in _ETHNIC_TEXT.items()}  # fmt: skip
#: Groups whose family name comes last ("Y Bhin Niê", "H'Hen Niê").
_FAMILY_LAST = {"12"}


def naming(ethnic: str) -> tuple[tuple[str, ...], ...] | None:
    """The group's own (family, male middle, female middle, male given, female given) names,
    empty where it names as the Kinh do; None for a group that names wholly as the Kinh."""
    return _ETHNIC.get(ethnic)


def kinh_given_names() -> set[str]:
    """Every given name a Kinh person (or a group naming as the Kinh do) may get."""
    return {n for names in _GIVEN.values() for n in names}


def kinh_family_names() -> set[str]:
    return {n for n, _w in _KINH_FAMILY} | set(_OTHER_FAMILY) | set(_SOUTHERN.values())


def _compose(family: str, middle: str, given: str, *, family_last: bool) -> str:
    core = f"{middle}{given}" if middle.endswith("'") else " ".join(p for p in (middle, given) if p)
    if not family:
        return core
    return f"{core} {family}" if family_last else f"{family} {core}"


def generation(birth_year: int) -> str:
    """Naming fashion changes: "old" before 1970, "mid" to 1999, "young" after."""
    if birth_year < 1970:
        return "old"
    return "mid" if birth_year < 2000 else "young"


def family_name(rng: Rand, *, southern: bool, ethnic: str = "01") -> str:
    """A family name by real frequency (Kinh) or by the group's own names."""
    custom = _ETHNIC.get(ethnic)
    if custom:
        return rng.choice(custom[0])
    if rng.random() * 100 >= sum(w for _n, w in _KINH_FAMILY):
        return rng.choice(_OTHER_FAMILY)
    name = rng.weighted(_KINH_FAMILY)
    return _SOUTHERN.get(name, name) if southern else name


def full_name(rng: Rand, family: str, sex: str, birth_year: int, ethnic: str = "01") -> str:
    """A full name: family name, middle name(s) and given name."""
    gen = generation(birth_year)
    custom = _ETHNIC.get(ethnic)
    if custom:
        middles = custom[1] if sex == "M" else custom[2]
        givens = custom[3] if sex == "M" else custom[4]
        given = rng.choice(givens) if givens else rng.choice(_GIVEN[(sex, gen)])
        middle = rng.choice(middles) if middles else rng.weighted(_MIDDLE[(sex, gen)])
        if middle == given:  # "Mẩy Mẩy": the plainest middle name instead
            middle = middles[0] if middles else ("Văn" if sex == "M" else "Thị")
        return _compose(family, middle, given, family_last=ethnic in _FAMILY_LAST)
    middle = rng.weighted(_MIDDLE[(sex, gen)])
    given = rng.choice(_GIVEN[(sex, gen)])
    if middle in (given, family):  # not "Văn Văn Phong" nor "Minh Minh"
        plain = ("Văn", "Hữu", "Đức") if sex == "M" else ("Thị", "Ngọc", "Thu")
        middle = next(m for m in plain if m not in (given, family))
    if gen == "young" and rng.chance(0.12):  # two middle names: "Nguyễn Ngọc Bảo Anh"
        second = rng.weighted(_MIDDLE[(sex, gen)])
        if second not in (middle, given, family, "Văn", "Thị"):
            return f"{family} {middle} {second} {given}"
    return f"{family} {middle} {given}"


def nickname(rng: Rand, southern: bool) -> str:
    """An everyday name (tên gọi khác) as neighbours say it."""
    return rng.choice(
        _words("Út, Tư, Năm, Sáu, Bảy, Tám, Bé, Hai")
        if southern
        else _words("Tí, Tèo, Cu, Bống, Hến, Cò, Tũn, Bin")
    )
