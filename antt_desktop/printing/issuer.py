"""Who issues a certificate, read from the issuer as typed on the decision ("Giám đốc Công
an tỉnh Thái Nguyên", "Chủ tịch UBND xã Phú Lương", "Trưởng Công an xã Phú Lương").

A certificate spells the issuer out in its heading ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHÚ
LƯƠNG"), dates itself at the issuer's place ("Thái Nguyên, ngày …", not the post's) and
signs with the title by the body's kind: "GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG CÔNG AN XÃ" —
never a bare "TRƯỞNG" —, a deputy under "KT. …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from antt_desktop.domain.text import fold
from antt_desktop.printing.text import nfc, upper

#: Abbreviations a heading spells out (Decree 30 writes names of bodies in full).
_SPELLED = (
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bCAND\b"), "Công an nhân dân"),
    (re.compile(r"\bUỷ\b"), "Ủy"),
    (re.compile(r"\buỷ\b"), "ủy"),
)
#: Where the name of a body starts after the signing title.
_BODIES = re.compile(r"\s(Ủy ban|Công an|Hội đồng|Ban|Bộ|Sở|Mặt trận|Đoàn|Hội)\b", re.IGNORECASE)
#: Levels of administration, folded, longest first: the place is the words after one.
_LEVELS = ("thanh pho", "thi tran", "dac khu", "tinh", "xa", "phuong", "huyen", "quan", "thi xa")
#: Titles that name their body's kind when printed alone ("TRƯỞNG CÔNG AN XÃ").
_BARE = ("truong", "pho truong")
#: Symbols of bodies in a document number ("12/GK-CAT"), by the folded start of the body.
_SYMBOLS = (
    ("cong an thanh pho", "CATP"),
    ("cong an tinh", "CAT"),
    ("cong an phuong", "CAP"),
    ("cong an xa", "CAX"),
    ("cong an dac khu", "CAĐK"),
    ("uy ban nhan dan", "UBND"),
)


@dataclass(frozen=True)
class Issuer:
    """An issuer as a certificate prints it.

    Attributes:
        heading: the issuer spelled out, upper case ("GIÁM ĐỐC CÔNG AN TỈNH THÁI NGUYÊN").
        title: the signing title ("GIÁM ĐỐC", "TRƯỞNG CÔNG AN XÃ", "PHÓ CHỦ TỊCH").
        authority: "KT. CHỦ TỊCH" above a deputy's title, else None.
        place: the place of the date line ("Thái Nguyên"), None when the issuer names none.
        symbol: the body's part of a number ("CAT", "UBND"), "" when unknown.
    """

    heading: str
    title: str
    authority: str | None
    place: str | None
    symbol: str


def spelled(text: str) -> str:
    """``text`` with UBND, HĐND spelled out ("Chủ tịch Ủy ban nhân dân xã Phú Lương")."""
    out = " ".join(nfc(text).split())
    for pattern, words in _SPELLED:
        out = pattern.sub(words, out)
    return out


def _place(body: str) -> tuple[str, str | None]:
    """(the body's kind, its place): ("Công an tỉnh", "Thái Nguyên")."""
    words = body.split()
    folded = [fold(w) for w in words]
    for i in range(len(words)):
        for level in _LEVELS:
            parts = level.split()
            if folded[i : i + len(parts)] == parts and i + len(parts) < len(words):
                cut = i + len(parts)
                return " ".join(words[:cut]), " ".join(words[cut:])
    return body, None


@lru_cache(maxsize=256)
def read_issuer(text: str) -> Issuer:
    """The heading, signing title, place and symbol of the issuer ``text``."""
    full = spelled(text)
    match = _BODIES.search(full)
    if match is None or match.start() == 0:
        return Issuer(upper(full), upper(full), None, None, "")
    title, body = full[: match.start()].strip(), full[match.start() :].strip()
    kind, place = _place(body)
    folded_title = fold(title)
    if folded_title in _BARE:
        title = f"{title} {kind}"
    authority, heading = None, full
    if folded_title.startswith("pho "):  # a deputy signs for the chief, who issues
        chief = title.split(" ", 1)[1]
        chief = f"{chief} {kind}" if fold(chief) == "truong" else chief
        authority = upper(f"KT. {chief}")
        heading = f"{full[: match.start()].split(' ', 1)[1].strip()} {body}"
    folded_body = fold(body)
    symbol = next((s for start, s in _SYMBOLS if folded_body.startswith(start)), "")
    return Issuer(upper(heading), upper(title), authority, place, symbol)
