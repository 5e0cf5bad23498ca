"""Community security initiatives (mô hình phong trào Toàn dân bảo vệ an ninh Tổ quốc).

An initiative belongs to a unit, covers some of its residential areas and lists its funding
lines (e.g. 1,5 tỷ đồng of xã hội hóa) and assets (e.g. 372 cameras). Replacing those lists
tombstones the lines that go, so the change travels by sync like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import FundingSource, InitiativeStatus
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.services import catalogues
from antt_desktop.services.activities import (
    ActivityTotals,
    CountValue,
    DateValue,
    activity_totals,
    clean_text,
    parse_day,
    parse_whole,
)
from antt_desktop.services.context import Ctx, apply_changes, max_length, require
from antt_desktop.services.evaluations import latest_evaluation
from antt_desktop.services.initiative_lines import (
    AssetLine,
    FundingLine,
    check_assets,
    check_funding,
    sync_areas,
    sync_lines,
)
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import (
    Activity,
    Area,
    CatalogueItem,
    Evaluation,
    Initiative,
    InitiativeArea,
    InitiativeAsset,
    InitiativeFunding,
)

__all__ = [
    "AssetLine", "FundingLine", "InitiativeDetail", "InitiativeInput", "add_initiative",
    "edit_initiative", "initiative_detail", "set_status",
]
TEXT_MAX = 4000
_STATUSES = [s.value for s in InitiativeStatus]
