"""Closed sets of values stored in the database and synced between units.

Every enum is a ``StrEnum`` (so a ``str`` and an ``Enum``) whose value is lower snake case,
except ``Sex`` ("M"/"F") and ``Classification`` ("A"-"D"), which keep the letters of the
paper forms. The value is what the database column and the sync file hold, so never rename a
value once data exists. Labels shown to people come from the i18n layer, keyed by the value.
"""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    """Sex as encoded in the personal ID number (giới tính)."""

    MALE = "M"
    FEMALE = "F"


class Cadence(StrEnum):
    """How often a dossier category needs an assessment (nhận xét, đánh giá)."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    PERIODIC = "periodic"  # "định kỳ": scheduled as quarterly
    NONE = "none"


class DossierStatus(StrEnum):
    """Life state of a management dossier (hồ sơ quản lý)."""

    OPEN = "open"
    TRANSFERRED = "transferred"
    CLOSED = "closed"


class CloseReason(StrEnum):
    """Why a dossier was closed."""

    TERM_COMPLETED = "term_completed"
    RECORD_EXPUNGED = "record_expunged"  # xóa án tích
    MOVED_AWAY = "moved_away"
    DECEASED = "deceased"
    REOFFENDED_DETAINED = "reoffended_detained"
    OTHER = "other"


class PledgeStatus(StrEnum):
    """Outcome of a household's yearly pledge (cam kết của hộ gia đình)."""

    SIGNED = "signed"
    REFUSED = "refused"
    VIOLATED = "violated"


class InitiativeStatus(StrEnum):
    """State of a community security initiative (mô hình)."""

    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class ViolationKind(StrEnum):
    """Administrative or criminal violation (vi phạm hành chính / hình sự)."""

    ADMINISTRATIVE = "administrative"
    CRIMINAL = "criminal"


class Classification(StrEnum):
    """Classification of a released person (xếp loại A/B/C/D); the values are the letters."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class UnitKind(StrEnum):
    """Kind of unit / sync node (đơn vị)."""

    COMMUNE_POST = "commune_post"
    UPPER_UNIT = "upper_unit"
    PROVINCE = "province"


class AreaKind(StrEnum):
    """Kind of residential area (khu dân cư)."""

    THON = "thon"
    XOM = "xom"
    BAN = "ban"
    AP = "ap"
    TO_DAN_PHO = "to_dan_pho"
    KHU_PHO = "khu_pho"


class TeamRole(StrEnum):
    """Role in a team: tổ trưởng, tổ phó, tổ viên."""

    LEADER = "leader"
    DEPUTY = "deputy"
    MEMBER = "member"


class CommendationKind(StrEnum):
    """Kind of commendation: giấy khen, bằng khen, giấy chứng nhận."""

    GIAY_KHEN = "giay_khen"
    BANG_KHEN = "bang_khen"
    GIAY_CHUNG_NHAN = "giay_chung_nhan"


class SupportKind(StrEnum):
    """Kind of support given to a managed person (giúp đỡ, hỗ trợ)."""

    JOB = "job"
    TRAINING = "training"
    LOAN = "loan"
    LIVESTOCK_SEED = "livestock_seed"
    CASH = "cash"
    PAPERWORK = "paperwork"


class ActivityKind(StrEnum):
    """Kind of activity recorded for an initiative (hoạt động)."""

    PROPAGANDA = "propaganda"
    MEETING = "meeting"
    PATROL = "patrol"
    MEDIATION = "mediation"
    WEAPON_COLLECTION = "weapon_collection"
    TIP = "tip"
    SUPPORT = "support"
    OTHER = "other"


class FundingSource(StrEnum):
    """Source of an initiative's funding line (ngân sách, xã hội hóa, khác)."""

    STATE_BUDGET = "state_budget"
    COMMUNITY = "community"
    OTHER = "other"
