"""Commendations (giấy khen, bằng khen) for some teams, people and initiatives."""

from __future__ import annotations

from datetime import date
from typing import Any

from antt_desktop.demo.common import Rand
from antt_desktop.demo.commune import Commune
from antt_desktop.demo.initiatives import InitiativeRec
from antt_desktop.store.models import Commendation

_ACHIEVEMENTS = (
    "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm {y}",
    "Đã có thành tích trong phát hiện, tố giác tội phạm năm {y}",
    "Đã có thành tích xuất sắc trong công tác hòa giải ở cơ sở năm {y}",
    "Đã có thành tích trong công tác bảo đảm an ninh, trật tự ở cơ sở năm {y}",
)


#: Names of the officials who sign, chosen by the issuer (no draw: the rest of the demo's
#: random sequence stays as it was); a police issuer signs with his rank.
_SIGNERS = ("Nguyễn Quang Vinh", "Trần Đức Thắng", "Hoàng Minh Tuấn", "Phạm Văn Hải")


def _signer(issuer: str) -> str:
    name = _SIGNERS[sum(map(ord, issuer)) % len(_SIGNERS)]
    return f"Đại tá {name}" if "Công an" in issuer else name


def generate_commendations(c: Commune, initiatives: list[InitiativeRec]) -> None:
    """Yearly awards: about a fifth of the teams, a few team leaders, some initiatives."""
    rng = c.rng("awards")
    police = f"Giám đốc Công an {c.province.phrase}"
    chair = f"Chủ tịch UBND {c.place}"
    rows: list[dict[str, Any]] = []
    for year in range(c.today.year - 3, c.today.year):
        decided = date(year + 1, 1, rng.randint(8, 28))
        if decided > c.today:
            continue
        number_chair = f"{rng.randint(10, 120)}/QĐ-UBND"
        number_police = f"{rng.randint(100, 2500)}/QĐ-CAT"
        for team in c.teams:
            if not rng.chance(0.2):
                continue
            rows.append(
                _row(
                    rng,
                    c,
                    "giay_khen",
                    chair,
                    number_chair,
                    decided,
                    "team",
                    team.id,
                    team.name,
                    True,
                    _ACHIEVEMENTS[2 if team.kind == "mediation" else 0],
                    year,
                )
            )
            if rng.chance(0.4):
                rows.append(
                    _row(
                        rng,
                        c,
                        "giay_khen",
                        chair,
                        number_chair,
                        decided,
                        "person",
                        team.leader_id,
                        team.leader,
                        False,
                        _ACHIEVEMENTS[3],
                        year,
                        position=f"Tổ trưởng {team.name}",
                    )
                )
        for rec in initiatives:
            if rng.chance(0.15) and rec.launched_on.year <= year:
                big = rec.type_code == "BASE_SECURITY"
                rows.append(
                    _row(
                        rng,
                        c,
                        "bang_khen" if big else "giay_khen",
                        f"Chủ tịch UBND {c.province.phrase}" if big else police,
                        f"{rng.randint(500, 3000)}/QĐ-UBND" if big else number_police,
                        decided,
                        "initiative",
                        rec.id,
                        f"Mô hình “{rec.name}”",
                        True,
                        _ACHIEVEMENTS[0],
                        year,
                    )
                )
        tipster = c.residents[rng.randrange(len(c.residents))]
        rows.append(
            _row(
                rng,
                c,
                "giay_khen",
                police,
                number_police,
                decided,
                "person",
                tipster.id,
                tipster.name,
                False,
                _ACHIEVEMENTS[1],
                year,
            )
        )
    c.writer.insert(Commendation, rows)


def _row(
    rng: Rand,
    c: Commune,
    kind: str,
    issuer: str,
    number: str,
    decided: date,
    recipient_kind: str,
    recipient_id: str | None,
    name: str,
    collective: bool,
    achievement: str,
    year: int,
    *,
    position: str | None = None,
) -> dict[str, Any]:
    return {
        "id": rng.uid(),
        "unit_id": c.unit_id,
        "kind": kind,
        "issuer": issuer,
        "decision_number": number,
        "decision_date": decided,
        "recipient_kind": recipient_kind,
        "recipient_id": recipient_id,
        "recipient_name": name,
        "collective": collective,
        "achievement": achievement.format(y=year),
        "golden_book_no": f"{rng.randint(1, 999):03d}" if rng.chance(0.3) else None,
        "recipient_position": position,
        "signer_name": _signer(issuer),
    }
