"""Words of a household's yearly pledges (cam kết): how a household stands for a year and
the columns of its pledges, one wording for ``antt household``, the household's window and
the printed register and data sheets.

The standing is a phrase (``đã ký``, ``chưa ký``); a table cell or a printed column
capitalises it (``Đã ký``).
"""

from __future__ import annotations

from antt_desktop.domain.text import fold
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.household_rows import PledgeRow

#: A recorded pledge's status → how the household stands for the year.
PLEDGE_WORDS = {"signed": N_("signed"), "refused": N_("refused"), "violated": N_("violated")}
#: The standing of a household with no pledge recorded for the year.
NOT_SIGNED = N_("not signed yet")
#: Whether the household was recognised as a "Cultured family" that year.
CULTURED_WORDS: dict[bool | None, str] = {
    None: N_("not assessed"),
    True: N_("yes"),
    False: N_("no"),
}
#: The columns of a household's pledges, as the window's table and a listing show them.
PLEDGE_COLUMNS = (
    N_("Year"),
    N_("Result"),
    N_("Signed on"),
    N_("Signed by"),
    N_("Officer"),
    N_("Cultured family"),
    N_("Violation"),
)


def pledge_status(status: str | None, tr: Translator) -> str:
    """``đã ký``, ``không ký``, ``vi phạm cam kết``, or ``chưa ký`` for no pledge."""
    if status is None:
        return tr(NOT_SIGNED)
    return tr(PLEDGE_WORDS.get(status, status))


def cultured(value: bool | None, tr: Translator) -> str:
    """``có``, ``không`` or ``chưa bình xét``."""
    return tr(CULTURED_WORDS[value])


def pledge_headers(tr: Translator) -> tuple[str, ...]:
    return tuple(tr(column) for column in PLEDGE_COLUMNS)


def pledge_cells(p: PledgeRow, tr: Translator) -> tuple[str, ...]:
    """One pledge in :data:`PLEDGE_COLUMNS` order (blank where nothing was recorded)."""
    return (
        str(p.year),
        pledge_status(p.status, tr),
        fmt_date(p.signed_on, tr),
        p.signer_name or "",
        p.officer_name or "",
        cultured(p.cultured_family, tr),
        p.violation_notes or "",
    )


#: Words that start the part of an address naming an administrative unit ("xã Phú Lương",
#: "tỉnh Thái Nguyên"), folded: the same for every household of a post's list.
_UNIT_WORDS = (
    "xa ",
    "phuong ",
    "thi tran ",
    "dac khu ",
    "huyen ",
    "quan ",
    "thi xa ",
    "thanh pho ",
    "tp ",
    "tinh ",
)


def local_address(address: str | None, area: str | None) -> str:
    """What a list of one post's households needs of an address: the house and street,
    without the commune, district and province every row shares, nor the residential area
    its own column shows ("Số nhà 12, Xóm Cây Thị, xã Phú Lương, tỉnh Thái Nguyên" with area
    "Xóm Cây Thị" → "Số nhà 12"). An address that is only those is empty."""
    if not address:
        return ""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    while parts and fold(parts[-1]).startswith(_UNIT_WORDS):
        parts.pop()
    if parts and area and fold(parts[-1]) == fold(area):
        parts.pop()
    return ", ".join(parts)
