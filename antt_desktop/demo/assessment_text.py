"""Assessment texts (nhận xét, đánh giá) in the words an officer writes, built from fragments
so that no two periods of one booklet read the same."""

from __future__ import annotations

from dataclasses import dataclass

from antt_desktop.demo.common import Rand
from antt_desktop.domain.periods import Period
from antt_desktop.i18n.formatting import fmt_period
from antt_desktop.i18n.translator import Translator

_OPENINGS = (
    "Trong {p}, ",
    "Qua theo dõi, quản lý trong {p}, ",
    "Trong {p}, qua nắm tình hình tại địa bàn, ",
    "Trong kỳ đánh giá ({p}), ",
    "Qua kiểm tra, xác minh tại nơi cư trú trong {p}, ",
    "Trong {p}, theo phản ánh của Ban công tác Mặt trận và tổ tự quản, ",
)
_COMPLY = (
    "chấp hành tốt quy định của pháp luật và quy ước của {area}",
    "chấp hành nghiêm chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
    "không vi phạm pháp luật, không có biểu hiện nghi vấn",
    "chấp hành tốt các quy định tại nơi cư trú",
)
_COMPLY_BY_CATEGORY = {
    "SUSPENDED": ("chấp hành nghiêm nghĩa vụ của người được hưởng án treo",),
    "NON_CUSTODIAL": ("thực hiện đầy đủ nghĩa vụ của người chấp hành án cải tạo không giam giữ",),
    "PAROLE": ("chấp hành nghiêm các điều kiện của người được tha tù trước thời hạn",),
    "PROBATION": (
        "không rời khỏi nơi cư trú khi chưa được phép, chấp hành nghiêm hình phạt quản chế",
    ),
    "DRUG_USER": (
        "không tái sử dụng trái phép chất ma túy; kết quả xét nghiệm nhanh ngày {test} âm tính",
    ),
    "POST_REHAB": ("không tái nghiện, kết quả test nhanh chất ma túy ngày {test} âm tính",),
    "MINOR": (
        "ngoan ngoãn, nghe lời gia đình, đi học đầy đủ",
        "chấp hành tốt biện pháp giám sát, giáo dục tại cộng đồng",
    ),
    "YOUTH_RISK": ("không còn tụ tập, đua xe vào ban đêm", "đã có chuyển biến tích cực"),
}
_BREACHES = (
    "có biểu hiện tụ tập uống rượu với các đối tượng có tiền án, tiền sự",
    "có thời điểm vắng mặt tại nơi cư trú nhưng không khai báo",
    "chưa nghiêm túc thực hiện việc báo cáo định kỳ, đã được nhắc nhở 01 lần",
    "còn đi chơi khuya, giao du với thanh niên chậm tiến",
    "có mâu thuẫn, cãi chửi nhau với hàng xóm, đã được tổ hòa giải nhắc nhở",
)
_DRUG_BREACH = "kết quả test nhanh ngày {test} dương tính với ma túy tổng hợp, đã lập biên bản"
_REPORTED = (
    "có mặt trình diện, báo cáo đúng thời hạn",
    "báo cáo bằng văn bản đúng quy định",
    "thực hiện việc trình diện đầy đủ",
)
_LATE = ("báo cáo chậm so với quy định", "chưa có mặt trình diện theo giấy mời lần thứ nhất")
_WORK = (
    "có việc làm ổn định tại xưởng mộc của gia đình",
    "làm công nhân tại {company}, thu nhập khoảng {pay} triệu đồng/tháng",
    "làm ruộng cùng gia đình, thu nhập ổn định",
    "phụ hồ cho các công trình xây dựng trong {place}",
    "chạy xe ôm công nghệ, thu nhập đủ trang trải cuộc sống",
    "buôn bán hoa quả tại chợ {place_short}",
    "chăn nuôi lợn, gà tại gia đình",
    "làm thợ sửa xe máy tại nhà",
    "trồng và chăm sóc vườn cây của gia đình",
)
#: What the officer writes about the work of a person with this occupation.
_WORK_AS = {
    "Công nhân": "làm công nhân tại {company}, thu nhập khoảng {pay} triệu đồng/tháng",
    "Làm ruộng": "làm ruộng cùng gia đình, thu nhập ổn định",
    "Làm nương": "làm nương, trồng ngô, sắn cùng gia đình",
    "Trồng rừng": "trồng và chăm sóc rừng keo của gia đình",
    "Chăn nuôi": "chăn nuôi lợn, gà tại gia đình",
    "Thợ xây": "phụ hồ cho các công trình xây dựng trong {place}",
    "Thợ mộc": "có việc làm ổn định tại xưởng mộc của gia đình",
    "Lái xe": "lái xe tải thuê cho doanh nghiệp vận tải, thu nhập ổn định",
    "Xe ôm công nghệ": "chạy xe ôm công nghệ, thu nhập đủ trang trải cuộc sống",
    "Buôn bán": "buôn bán hoa quả tại chợ {place}",
    "Kinh doanh": "kinh doanh tạp hóa tại nhà",
    "Thợ sửa xe máy": "làm thợ sửa xe máy tại nhà",
    "Thợ may": "làm thợ may tại xưởng may gần nhà",
    "Làm thuê": "đi làm thuê theo thời vụ, thu nhập tạm ổn định",
    "Nuôi trồng thủy sản": "nuôi cá, tôm cùng gia đình",
    "Làm vườn": "trồng và chăm sóc vườn cây ăn trái của gia đình",
    "Bảo vệ": "làm bảo vệ cho một công ty trên địa bàn",
    "Nhân viên bán hàng": "làm nhân viên bán hàng tại cửa hàng điện máy",
    "Nhân viên văn phòng": "làm nhân viên văn phòng cho một công ty tư nhân",
    "Lao động tự do": "làm lao động tự do, có thu nhập đủ sống",
    "Sinh viên": "đang theo học tại trường cao đẳng, đi học đầy đủ",
    "Nội trợ": "ở nhà làm nội trợ, chăm sóc con nhỏ",
    "Ở nhà": "ở nhà phụ giúp con cháu việc gia đình",
    "Hưu trí": "đã nghỉ hưu, sống cùng con cháu",
}
_NO_WORK = (
    "chưa có việc làm ổn định, chủ yếu đi làm thuê theo thời vụ",
    "ở nhà phụ giúp gia đình, chưa có thu nhập ổn định",
    "đang tìm việc làm",
)
_STUDY = ("đi học đầy đủ, kết quả học tập có tiến bộ", "đang học nghề sửa chữa điện dân dụng")
_COMMUNITY = (
    "tham gia sinh hoạt tại {area} đầy đủ",
    "tích cực tham gia các buổi lao động vệ sinh môi trường tại khu dân cư",
    "quan hệ với gia đình, hàng xóm hòa nhã",
    "tham gia đầy đủ các buổi họp của {area}",
    "tham gia buổi tuyên truyền pháp luật tại nhà văn hóa {area}",
)
_FAMILY = (
    "Gia đình quan tâm, thường xuyên động viên, nhắc nhở.",
    "Người được giao giúp đỡ đã phối hợp chặt chẽ với Công an {place_short} trong quản lý, "
    "giáo dục.",
    "Đã được mời lên trụ sở Công an {place_short} để gặp gỡ, nói chuyện, động viên.",
    "Tổ tự quản {area} nắm chắc tình hình, kịp thời thông tin cho Công an {place_short}.",
)
_COMPANIES = (
    "Công ty TNHH may mặc Hòa Phát",
    "Công ty cổ phần gạch ngói Đồng Tâm",
    "Khu công nghiệp Yên Phong",
    "Công ty TNHH điện tử Minh An",
    "Công ty TNHH chế biến gỗ Thành Long",
    "xưởng cơ khí Hưng Thịnh",
)
_NEXT_GOOD = (
    "Tiếp tục theo dõi, quản lý, giáo dục theo quy định.",
    "Phối hợp gia đình tiếp tục động viên, giúp đỡ đối tượng ổn định cuộc sống.",
    "Đề nghị UBND xã xem xét hỗ trợ vay vốn phát triển kinh tế.",
    "Duy trì quản lý, định kỳ gặp gỡ, nắm tình hình tư tưởng.",
)
_NEXT_BAD = (
    "Tăng cường quản lý, kiểm tra; gặp gỡ, răn đe, giáo dục.",
    "Phối hợp Ban công tác Mặt trận và gia đình quản lý chặt chẽ, không để vi phạm.",
    "Nếu tiếp tục vi phạm sẽ đề xuất xử lý theo quy định.",
)


@dataclass(frozen=True)
class Subject:
    """Who the assessment is about and where they live."""

    name: str
    sex: str
    age: int
    area: str  # "thôn Đồng Tâm"
    occupation: str | None  # as in the person's record
    place_short: str  # "xã Động Đạt"


def period_words(period: Period) -> str:
    """ "tháng 03/2026" or "quý III/2026": the one way the application writes a period."""
    return fmt_period(period, Translator("vi"), in_sentence=True)  # written in Vietnamese


def _who(rng: Rand, s: Subject, category: str) -> str:
    given = s.name.split()[-1]
    if category == "MINOR" or s.age < 18:
        return rng.choice((f"em {given}", "em"))
    return rng.choice(
        (
            "đối tượng",
            "đối tượng",
            f"{'anh' if s.sex == 'M' else 'chị'} {given}",
            s.name,
            "bản thân",
        )
    )


def write(
    rng: Rand,
    s: Subject,
    category: str,
    period: Period,
    *,
    complied: bool,
    reported: bool,
    working: bool,
) -> tuple[str, str]:
    """The content and the next steps of one assessment."""
    words = {
        "p": period_words(period),
        "area": s.area,
        "place": s.place_short,
        "place_short": s.place_short,
        "company": rng.choice(_COMPANIES),
        "pay": rng.randint(5, 9),
        "test": _test_day(rng, period),
    }
    if complied:
        duties = _COMPLY_BY_CATEGORY.get(category, ())
        conduct = rng.choice(duties) if duties and rng.chance(0.6) else rng.choice(_COMPLY)
    elif category in ("DRUG_USER", "POST_REHAB") and rng.chance(0.5):
        conduct = _DRUG_BREACH
    else:
        conduct = rng.choice(_BREACHES)
    if category == "MINOR" or s.age < 18:
        work = rng.choice(_STUDY)
    else:
        job = _WORK_AS.get(s.occupation or "")
        if not working:
            work = rng.choice(_NO_WORK)
        else:
            work = job if job and rng.chance(0.9) else rng.choice(_WORK)
    parts = [conduct, rng.choice(_REPORTED if reported else _LATE), work]
    if rng.chance(0.7):
        parts.append(rng.choice(_COMMUNITY))
    middle = parts[1:]
    rng.shuffle(middle)
    text = rng.choice(_OPENINGS) + _who(rng, s, category) + " " + ", ".join([parts[0], *middle])
    text += "."
    if rng.chance(0.45):
        text += " " + rng.choice(_FAMILY)
    text = text.format(**words)
    steps = rng.choice(_NEXT_GOOD if complied else _NEXT_BAD)
    return text[0].upper() + text[1:], steps.replace("UBND xã", f"UBND {s.place_short}")


def _test_day(rng: Rand, period: Period) -> str:
    day = rng.day(period.start, period.end)
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
