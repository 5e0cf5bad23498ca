"""The catalogues an upper unit keeps (danh mục) and the fields of their entries: what each
field holds and how a typed value is read and checked. Pure: no session, no writes.

Four catalogues are edited this way: dossier categories (nhóm đối tượng: legal basis,
cadence, retention), evaluation rubrics (tiêu chí chấm điểm), initiative types (loại mô
hình) and activity kinds (loại hoạt động). Entries are named by their code everywhere a
record refers to them, so a code never changes once given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from antt_desktop.domain.enums import Cadence
from antt_desktop.domain.errors import Problem
from antt_desktop.services.context import max_length
from antt_desktop.services.values import clean_text, is_blank, read_whole

CATEGORY = "dossier_category"
RUBRIC = "rubric"
INITIATIVE_TYPE = "initiative_type"  # the same names as services.catalogues
ACTIVITY_KIND = "activity_kind"
#: The catalogues in the order the window and ``antt catalogue list`` show them.
KEYS = (CATEGORY, RUBRIC, INITIATIVE_TYPE, ACTIVITY_KIND)

#: The catalogue shipped with the program counts as version 1, issued on this day.
SHIPPED_NUMBER = 1
SHIPPED_ON = date(2026, 7, 1)

CADENCES = tuple(c.value for c in Cadence)
_CODE = re.compile(r"[A-Za-z0-9_]+", re.ASCII)
_TRUE = {"1", "true", "yes", "y", "có", "co", "x"}
_FALSE = {"0", "false", "no", "n", "không", "khong", ""}


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entry: ``kind`` is text, int, choice, bool, list (texts) or criteria."""

    name: str
    kind: str = "text"
    required: bool = False
    limit: int = 200
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class CatalogueSpec:
    key: str
    code_limit: int
    upper_codes: bool
    fields: tuple[FieldSpec, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


_NAMES = (FieldSpec("name_vi", required=True), FieldSpec("name_en"))
_TO_CHECK = FieldSpec("to_check", "bool")
SPECS: dict[str, CatalogueSpec] = {
    CATEGORY: CatalogueSpec(
        CATEGORY,
        32,
        True,
        (
            FieldSpec("name_vi", required=True),
            FieldSpec("name_en", required=True),
            FieldSpec("legal_basis", limit=1000),
            FieldSpec("cadence", "choice", required=True, choices=CADENCES),
            FieldSpec("due_day", "int", required=True, low=1, high=28),
            FieldSpec("default_months", "int", low=1, high=120),
            FieldSpec("retention_years", "int", required=True, low=1, high=30),
            FieldSpec("ratings", "list", limit=60),
            FieldSpec("uses_classification", "bool"),
            _TO_CHECK,
        ),
    ),
    RUBRIC: CatalogueSpec(
        RUBRIC,
        40,
        False,
        (
            *_NAMES,
            FieldSpec("pass_mark", "int", required=True, low=1, high=1000),
            FieldSpec("criteria", "criteria", required=True),
            _TO_CHECK,
        ),
    ),
    INITIATIVE_TYPE: CatalogueSpec(INITIATIVE_TYPE, 40, False, (*_NAMES, _TO_CHECK)),
    # activities keep their kind in 20 characters
    ACTIVITY_KIND: CatalogueSpec(ACTIVITY_KIND, 20, False, (*_NAMES, _TO_CHECK)),
}


def read_code(spec: CatalogueSpec, value: object, problems: list[Problem]) -> str | None:
    """The code of a new entry (upper case for categories), or None with a problem."""
    code = clean_text(str(value)) if value is not None else None
    if not code:
        problems.append(Problem("code", "required"))
        return None
    if spec.upper_codes:
        code = code.upper()
    if not _CODE.fullmatch(code):
        problems.append(Problem("code", "catalogue.code_format", {"value": code}))
        return None
    if len(code) > spec.code_limit:
        problems.append(Problem("code", "too_long", {"max": spec.code_limit}))
        return None
    return code


def _read_bool(f: FieldSpec, value: object, problems: list[Problem]) -> bool | None:
    if isinstance(value, bool) or value is None:
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    problems.append(Problem(f.name, "catalogue.yes_no", {"value": value}))
    return None


def _read_list(f: FieldSpec, value: object, problems: list[Problem]) -> list[str]:
    """Texts given as a list or typed as ``Tốt; Khá; Trung bình``."""
    parts = value if isinstance(value, list | tuple) else str(value or "").split(";")
    items = [t for p in parts if (t := clean_text(str(p)))]
    for item in items:
        problems += max_length(f.name, item, f.limit)
    if len({i.casefold() for i in items}) != len(items):
        problems.append(Problem(f.name, "catalogue.list_repeats"))
    return items


def criteria_text(criteria: list[Mapping[str, Any]]) -> str:
    """Criteria as typed in the editor: one a line, ``code | name | maximum points``, then
    ``| English name`` when the criterion has one."""
    return "\n".join(
        " | ".join(str(c[k]) for k in ("code", "name_vi", "max", "name_en") if c.get(k))
        for c in criteria
    )


def _read_criteria(f: FieldSpec, value: object, problems: list[Problem]) -> list[dict[str, Any]]:
    """Criteria given as dicts or typed one a line (:func:`criteria_text`)."""
    if isinstance(value, list | tuple):
        rows = [dict(c) if isinstance(c, Mapping) else {"code": c} for c in value]
    else:
        rows = []
        for line in str(value or "").splitlines():
            if line.strip():
                cells = [c.strip() for c in line.split("|")]
                rows.append(dict(zip(("code", "name_vi", "max", "name_en"), cells, strict=False)))
    out: list[dict[str, Any]] = []
    for n, row in enumerate(rows, 1):
        code, name = (
            clean_text(str(row.get("code") or "")),
            clean_text(str(row.get("name_vi") or "")),
        )
        points = read_whole(row.get("max"), f.name, problems, criterion=n)
        if not code or not _CODE.fullmatch(code) or not name or points is None:
            problems.append(Problem(f.name, "catalogue.criterion", {"line": n}))
            continue
        if not 1 <= points <= 100:
            problems.append(Problem(f.name, "catalogue.criterion_points", {"line": n}))
        problems += max_length(f.name, name, 200)
        entry: dict[str, Any] = {"code": code, "name_vi": name, "max": points}
        if name_en := clean_text(str(row.get("name_en") or "")):
            entry["name_en"] = name_en
        out.append(entry)
    if len({c["code"] for c in out}) != len(out):
        problems.append(Problem(f.name, "catalogue.criterion_repeats"))
    return out


def read_field(f: FieldSpec, value: object, problems: list[Problem]) -> Any:
    """The stored value of field ``f`` typed as ``value`` (text, or already typed); problems
    are appended, never raised."""
    if f.kind == "bool":
        return _read_bool(f, value, problems)
    if f.kind == "list":
        return _read_list(f, value, problems)
    if f.kind == "criteria":
        found = _read_criteria(f, value, problems)
        if f.required and not found and not any(p.field == f.name for p in problems):
            problems.append(Problem(f.name, "required"))
        return found
    if is_blank(value):
        if f.required:
            problems.append(Problem(f.name, "required"))
        return None
    if f.kind == "int":
        number = read_whole(value if isinstance(value, int) else str(value), f.name, problems)
        low, high = f.low or 0, f.high or number or 0
        if number is not None and not low <= number <= high:
            params = {"value": number, "low": f.low, "high": f.high}
            problems.append(Problem(f.name, "catalogue.range", params))
            return None
        return number
    text = clean_text(str(value))
    if f.kind == "choice" and text not in f.choices:
        problems.append(Problem(f.name, "choice", {"value": text, "allowed": list(f.choices)}))
        return None
    problems += max_length(f.name, text, f.limit)
    return text


def entry_problems(spec: CatalogueSpec, values: Mapping[str, Any]) -> list[Problem]:
    """Rules between the fields of a whole entry (values already read)."""
    if spec.key != RUBRIC or values.get("pass_mark") is None:
        return []
    total = sum(int(c["max"]) for c in values.get("criteria") or ())
    if total and values["pass_mark"] > total:
        return [
            Problem(
                "pass_mark", "catalogue.pass_mark", {"value": values["pass_mark"], "total": total}
            )
        ]
    return []
