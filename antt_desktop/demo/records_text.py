"""Texts of dossier records: legal basis, commitments, support, violations, closing notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from antt_desktop.demo.common import Rand
from antt_desktop.demo.places import Province

CRIMES = (
    "Trộm cắp tài sản (Điều 173 BLHS)",
    "Cố ý gây thương tích (Điều 134 BLHS)",
    "Đánh bạc (Điều 321 BLHS)",
    "Tàng trữ trái phép chất ma túy (Điều 249 BLHS)",
    "Mua bán trái phép chất ma túy (Điều 251 BLHS)",
    "Lừa đảo chiếm đoạt tài sản (Điều 174 BLHS)",
    "Cướp giật tài sản (Điều 171 BLHS)",
    "Gây rối trật tự công cộng (Điều 318 BLHS)",
    "Vi phạm quy định về tham gia giao thông đường bộ (Điều 260 BLHS)",
    "Tổ chức đánh bạc (Điều 322 BLHS)",
    "Tiêu thụ tài sản do người khác phạm tội mà có (Điều 323 BLHS)",
)
_PRISONS = (
    "Trại giam Ngọc Lý",
    "Trại giam Nam Hà",
    "Trại giam Phú Sơn 4",
    "Trại giam Hoàng Tiến",
    "Trại giam Thanh Xuân",
    "Trại giam Xuân Nguyên",
    "Trại giam Đắk Trung",
    "Trại giam An Phước",
    "Trại giam Xuân Lộc",
    "Trại giam Thủ Đức",
    "Trại giam Tân Lập",
    "Trại giam Gia Trung",
)


_PETTY = ("trộm cắp vặt", "gây rối trật tự công cộng", "đánh bạc", "sử dụng trái phép chất ma túy")
_DRUGS = ("ma túy tổng hợp (Methamphetamine)", "Heroin", "cần sa (THC)", "thuốc lắc (MDMA)")
_JUVENILE = ("trộm cắp tài sản", "cố ý gây thương tích", "gây rối trật tự công cộng")


@dataclass(frozen=True)
class LegalBasis:
    number: str | None
    issuer: str | None
    summary: str


def legal_basis(
    rng: Rand, category: str, year: int, prov: Province, place: str, months: int | None
) -> LegalBasis:
    """The document a dossier rests on (judgment, certificate, decision) and its gist."""
    n = rng.randint(3, 412)
    crime = rng.choice(CRIMES)
    court = f"Tòa án nhân dân khu vực {rng.randint(1, 9)} - {prov.short}"
    term = months or rng.choice((12, 18, 24, 36))
    if category == "RELEASED":
        return LegalBasis(
            f"{n}/GCN-TG",
            f"{rng.choice(_PRISONS)} - Bộ Công an",
            f"Chấp hành xong án phạt {rng.randint(1, 7)} năm tù về tội {crime}",
        )
    if category == "SUSPENDED":
        return LegalBasis(
            f"{n}/{year}/HS-ST",
            court,
            f"Phạt {rng.choice((9, 12, 18, 24, 30))} tháng tù nhưng cho hưởng án "
            f"treo, thời gian thử thách {term} tháng về tội {crime}",
        )
    if category == "NON_CUSTODIAL":
        return LegalBasis(
            f"{n}/{year}/HS-ST", court, f"Phạt {term} tháng cải tạo không giam giữ về tội {crime}"
        )
    if category == "PAROLE":
        return LegalBasis(
            f"{n}/{year}/QĐ-CA",
            f"Tòa án nhân dân {prov.phrase}",
            f"Tha tù trước thời hạn có điều kiện, thời gian thử thách {term} "
            f"tháng (án về tội {crime})",
        )
    if category == "PROBATION":
        return LegalBasis(
            f"{n}/{year}/HS-PT",
            f"Tòa án nhân dân {prov.phrase}",
            f"Hình phạt bổ sung quản chế {term // 12 or 1} năm sau khi chấp hành "
            f"xong án phạt tù về tội {crime}",
        )
    if category == "COMMUNE_EDUCATION":
        return LegalBasis(
            f"{n}/QĐ-UBND",
            f"Chủ tịch UBND {place}",
            f"Áp dụng biện pháp giáo dục tại xã, phường {term} tháng do nhiều lần "
            f"có hành vi {rng.choice(_PETTY)}",
        )
    if category == "DRUG_USER":
        return LegalBasis(
            f"{n}/QĐ-UBND",
            f"Chủ tịch UBND {place}",
            "Quản lý người sử dụng trái phép chất ma túy; xét nghiệm dương tính với "
            f"{rng.choice(_DRUGS)}",
        )
    if category == "POST_REHAB":
        return LegalBasis(
            f"{n}/QĐ-UBND",
            f"Chủ tịch UBND {place}",
            "Quản lý sau cai nghiện; chấp hành xong quyết định cai nghiện bắt buộc "
            f"tại Cơ sở cai nghiện ma túy số {rng.randint(1, 6)} {prov.phrase}",
        )
    if category == "MINOR":
        return LegalBasis(
            f"{n}/QĐ-CSĐT",
            f"Cơ quan Cảnh sát điều tra Công an {prov.phrase}",
            "Áp dụng biện pháp giám sát, giáo dục tại cộng đồng thay cho xử lý "
            f"hình sự (hành vi {rng.choice(_JUVENILE)})",
        )
    if category == "YOUTH_RISK":
        return LegalBasis(
            None,
            None,
            rng.choice(
                (
                    "Thường xuyên tụ tập, đua xe trái phép vào ban đêm",
                    "Bỏ học, tụ tập thanh thiếu niên gây mất trật tự tại khu dân cư",
                    "Có biểu hiện sử dụng vũ khí thô sơ khi xảy ra mâu thuẫn",
                )
            ),
        )
    return LegalBasis(
        f"{n}/QĐ-CSĐT",
        f"Cơ quan Cảnh sát điều tra Công an {prov.phrase}",
        f"Truy nã về tội {crime}; vận động gia đình khuyên bảo ra đầu thú",
    )


def commitment(rng: Rand, category: str, name: str, residence: str, commune: str) -> str:
    """The text of a managed person's signed commitment (form HCD-05): where they live
    ("xóm Na Mao, xã Phú Lương") and the commune whose police they report to ("xã Phú
    Lương": there is no village police)."""
    duties = {
        "RELEASED": "chấp hành nghiêm chỉnh pháp luật, không tái phạm, tích cực lao động",
        "SUSPENDED": "chấp hành nghiêm nghĩa vụ trong thời gian thử thách của án treo",
        "NON_CUSTODIAL": "thực hiện đầy đủ nghĩa vụ cải tạo không giam giữ",
        "DRUG_USER": "không sử dụng trái phép chất ma túy, chấp hành xét nghiệm khi được yêu cầu",
        "POST_REHAB": "không tái nghiện, tham gia đầy đủ các hoạt động hỗ trợ sau cai",
        "MINOR": "ngoan ngoãn, vâng lời cha mẹ, đi học đầy đủ, không tụ tập gây rối",
        "YOUTH_RISK": "không tụ tập, đua xe, gây rối trật tự công cộng",
    }.get(category, "chấp hành nghiêm chỉnh chính sách, pháp luật của Nhà nước")
    return (
        f"Tôi là {name}, cư trú tại {residence}. Tôi xin cam kết {duties}; trình diện, báo cáo "
        f"đúng thời hạn với Công an {commune}; chịu sự quản lý, giáo dục của chính quyền địa "
        f"phương và gia đình. Nếu vi phạm, tôi xin chịu hoàn toàn trách nhiệm trước pháp luật."
    )


def support(rng: Rand, kind: str, place: str) -> tuple[int | None, str, str]:
    """(amount in VND, provider, outcome) of one support."""
    if kind == "loan":
        amount = rng.randrange(10, 51, 5) * 1_000_000
        return (
            amount,
            rng.choice(
                (
                    "Ngân hàng Chính sách xã hội",
                    "Quỹ hỗ trợ nông dân",
                    "Hội Phụ nữ " + place,
                    "Quỹ tín dụng nhân dân",
                )
            ),
            rng.choice(
                (
                    "Đầu tư chăn nuôi lợn, đã trả được một phần vốn gốc",
                    "Mua máy cày phục vụ sản xuất, thu nhập ổn định",
                    "Mở cửa hàng sửa chữa xe máy tại nhà",
                    "Đầu tư trồng cây ăn quả",
                )
            ),
        )
    if kind == "livestock_seed":
        return (
            rng.choice((15_000_000, 10_000_000, 8_000_000)),
            rng.choice(("Công an tỉnh", "UBND " + place, "Hội Cựu chiến binh " + place)),
            rng.choice(
                (
                    "Hỗ trợ 01 cặp lợn nái giống, đã sinh sản lứa đầu",
                    "Hỗ trợ 02 con bò giống, phát triển tốt",
                    "Hỗ trợ 500 con gà giống",
                )
            ),
        )
    if kind == "job":
        return (
            None,
            rng.choice(
                (
                    "Công ty TNHH may mặc Hòa Phát",
                    "Xưởng mộc Đức Thành",
                    "Hợp tác xã nông nghiệp",
                    "Công ty cổ phần xây dựng Thành Công",
                )
            ),
            "Đã có việc làm ổn định, thu nhập 6-8 triệu đồng/tháng",
        )
    if kind == "training":
        return (
            None,
            "Trung tâm Giáo dục nghề nghiệp",
            rng.choice(
                ("Hoàn thành lớp sơ cấp nghề sửa chữa xe máy", "Học nghề hàn điện, đã có chứng chỉ")
            ),
        )
    if kind == "cash":
        return (
            rng.choice((500_000, 1_000_000, 2_000_000)),
            "UBND " + place,
            "Tặng quà dịp Tết Nguyên đán",
        )
    return (
        None,
        "Công an " + place,
        rng.choice(
            (
                "Hướng dẫn làm thủ tục cấp thẻ Căn cước",
                "Hướng dẫn đăng ký thường trú trở lại",
                "Hỗ trợ làm thủ tục xóa án tích",
            )
        ),
    )


def violation(rng: Rand, category: str, *, reoffence: bool) -> tuple[str, str, str]:
    """(kind, description, decision reference) of a violation."""
    n = rng.randint(5, 320)
    if reoffence:
        return (
            "criminal",
            f"Tái phạm: phạm tội {rng.choice(CRIMES)}, bị khởi tố, tạm giam",
            (f"Quyết định khởi tố bị can số {n}/QĐ-CSĐT"),
        )
    if category in ("DRUG_USER", "POST_REHAB"):
        text = "Sử dụng trái phép chất ma túy"
    else:
        text = rng.choice(
            (
                "Đánh nhau gây mất trật tự công cộng",
                "Đánh bạc trái phép",
                "Điều khiển xe mô tô lạng lách, đánh võng",
                "Vắng mặt tại nơi cư trú không khai báo",
                "Trộm cắp vặt",
            )
        )
    return "administrative", text, f"Quyết định xử phạt VPHC số {n}/QĐ-XPHC"


def close_note(rng: Rand, reason: str, day: date) -> str | None:
    return {
        "term_completed": f"Hết thời hạn quản lý ngày {day:%d/%m/%Y}, chấp hành tốt",
        "record_expunged": "Đã được xóa án tích theo quy định",
        "moved_away": rng.choice(("Chuyển hộ khẩu đi nơi khác", "Chuyển đến cư trú tại tỉnh khác")),
        "deceased": "Đã chết (có giấy chứng tử)",
        "reoffended_detained": "Tái phạm tội, bị tạm giam",
        "other": rng.choice(
            (
                "Đã ra đầu thú tại Cơ quan Cảnh sát điều tra",
                "Có tiến bộ rõ rệt, đi làm ăn xa ổn định",
            )
        ),
    }[reason]
