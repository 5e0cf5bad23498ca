"""Recognising the header row: Vietnamese or English column names, with or without accents.

Headers are compared folded (``domain.text.fold``: no case, no diacritics, punctuation as
spaces), so "Họ và tên", "HO VA TEN" and "Họ và tên (*)" all mean the full name. A header
may also carry a note after the name ("Ngày sinh (dd/mm/yyyy)"): the longest known name
(of four letters or more) that starts it wins when no name matches it exactly, and columns
named exactly are assigned before such prefix matches.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from antt_desktop.domain.text import fold
from antt_desktop.importers.reading import Cell, RawRow, is_blank, refuse

Kind = Literal["persons", "households"]

#: How far down the sheet the header row may be (title lines may come first).
HEADER_SEARCH_ROWS = 10

_AREA = (
    "thon",
    "xom",
    "ban",
    "ap",
    "to",
    "to dan pho",
    "khu dan cu",
    "khu pho",
    "thon to",
    "thon xom",
    "thon to dan pho",
    "thon ban",
    "thon ap",
    "area",
    "residential area",
)

PERSON_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "full_name": ("ho va ten", "ho ten", "ho va ten khai sinh", "full name", "name"),
    "other_names": ("ten goi khac", "ten khac", "other names", "other name"),
    "born": (
        "ngay sinh",
        "nam sinh",
        "ngay thang nam sinh",
        "sinh ngay",
        "date of birth",
        "birth date",
        "born",
        "dob",
    ),
    "sex": ("gioi tinh", "nam nu", "sex", "gender"),
    "id_number": (
        "so dinh danh",
        "so dinh danh ca nhan",
        "ma dinh danh",
        "so cccd",
        "cccd",
        "can cuoc",
        "so can cuoc",
        "can cuoc cong dan",
        "so can cuoc cong dan",
        "id number",
        "personal id number",
    ),
    "legacy_id": (
        "cmnd",
        "so cmnd",
        "chung minh nhan dan",
        "so chung minh nhan dan",
        "so cmnd cu",
        "old id number",
        "old id card number cmnd",
        "legacy id",
    ),
    "ethnic": ("dan toc", "ethnic group", "ethnicity", "ethnic"),
    "religion": ("ton giao", "religion"),
    "nationality": ("quoc tich", "nationality"),
    "birth_place": (
        "noi sinh",
        "noi dang ky khai sinh",
        "place of birth",
        "place of birth registration",
    ),
    "area": _AREA,
    "current_address": (
        "dia chi",
        "noi o hien tai",
        "noi o",
        "cho o hien tai",
        "address",
        "current address",
    ),
    "permanent_address": (
        "noi thuong tru",
        "thuong tru",
        "dia chi thuong tru",
        "permanent address",
    ),
    "occupation": ("nghe nghiep", "cong viec", "occupation", "job"),
    "phone": ("so dien thoai", "dien thoai", "sdt", "so dt", "phone", "phone number"),
    "notes": ("ghi chu", "notes", "note"),
    "household_number": ("so ho", "ma ho", "household number", "household"),
    "relation_to_head": (
        "quan he voi chu ho",
        "quan he chu ho",
        "quan he",
        "relation",
        "relation to head",
        "relation to the head of household",
        "relationship",
    ),
}

HOUSEHOLD_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "household_number": ("so ho", "ma ho", "household number", "household"),
    "head_name": (
        "ho ten chu ho",
        "ho va ten chu ho",
        "ten chu ho",
        "chu ho",
        "head of household",
        "head name",
        "head",
    ),
    "head_id_number": (
        "so dinh danh chu ho",
        "so cccd chu ho",
        "cccd chu ho",
        "can cuoc chu ho",
        "so can cuoc chu ho",
        "ma dinh danh chu ho",
        "so dinh danh",
        "so cccd",
        "cccd",
        "can cuoc",
        "head id number",
        "id number",
    ),
    "head_born": (
        "ngay sinh chu ho",
        "nam sinh chu ho",
        "ngay sinh",
        "nam sinh",
        "head date of birth",
        "date of birth",
    ),
    "head_sex": ("gioi tinh chu ho", "gioi tinh", "head sex", "sex"),
    "area": _AREA,
    "household_address": ("dia chi", "dia chi ho", "noi o", "address"),
    "notes": ("ghi chu", "notes", "note"),
}

REQUIRED: Mapping[Kind, str] = {"persons": "full_name", "households": "household_number"}
COLUMNS: Mapping[Kind, Mapping[str, tuple[str, ...]]] = {
    "persons": PERSON_COLUMNS,
    "households": HOUSEHOLD_COLUMNS,
}
#: The errors column written by ``save_refused``: dropped silently when re-imported.
ERRORS_HEADERS = frozenset({"loi", "errors", "error"})


@dataclass(frozen=True)
class Header:
    """The header row: where it is, its texts as written, and what each column means."""

    line: int
    texts: tuple[str, ...]
    fields: Mapping[str, int]  # field name → column index
    ignored: tuple[str, ...]  # header texts of columns nobody reads
    errors_column: int | None  # a "Lỗi" column from an earlier refused-rows file


def _header_text(cell: Cell) -> str:
    return "" if cell is None else " ".join(str(cell).split())


_MIN_PREFIX = 4


def match_header(text: str, columns: Mapping[str, tuple[str, ...]]) -> tuple[str, bool] | None:
    """The field a header names and whether it names it exactly, or None."""
    folded = fold(text)
    if not folded:
        return None
    best: tuple[int, str] | None = None
    for name, variants in columns.items():
        for variant in variants:
            if folded == variant:
                return name, True
            if (
                len(variant) >= _MIN_PREFIX
                and folded.startswith(variant + " ")
                and (best is None or len(variant) > best[0])
            ):
                best = (len(variant), name)
    return (best[1], False) if best else None


def _map(
    texts: Sequence[str], columns: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, int], list[str], int | None]:
    matches: dict[int, tuple[str, bool]] = {}
    errors_column = None
    for index, text in enumerate(texts):
        if text and fold(text) in ERRORS_HEADERS:
            errors_column = index
        elif text and (found := match_header(text, columns)) is not None:
            matches[index] = found
    fields: dict[str, int] = {}
    for exact in (True, False):  # a column named exactly beats one matched by its start
        for index, (name, is_exact) in matches.items():
            if is_exact == exact and name not in fields:
                fields[name] = index
    used = set(fields.values())
    ignored = [
        text
        for index, text in enumerate(texts)
        if text and index not in used and index != errors_column
    ]
    return fields, ignored, errors_column


def find_header(rows: Sequence[RawRow], kind: Kind) -> Header:
    """The header row of a ``kind`` list: the first of the top rows naming its key column.

    Raises:
        ValidationFailed: ``import.missing_column.<field>`` on field ``file`` when none does.
    """
    columns, required = COLUMNS[kind], REQUIRED[kind]
    for row in rows[:HEADER_SEARCH_ROWS]:
        texts = tuple(_header_text(c) for c in row.cells)
        fields, ignored, errors_column = _map(texts, columns)
        if required in fields:
            return Header(row.line, texts, fields, tuple(ignored), errors_column)
    raise refuse(f"import.missing_column.{required}")


@dataclass(frozen=True)
class SheetRow:
    """A data row: its line, its cells as read (minus any old errors column) and the cells
    of the recognised columns by field name."""

    line: int
    cells: tuple[Cell, ...]
    values: Mapping[str, Cell]

    def get(self, name: str) -> Cell:
        return self.values.get(name)


def _without(cells: Sequence[Cell], index: int | None) -> tuple[Cell, ...]:
    return tuple(cells) if index is None else tuple(cells[:index]) + tuple(cells[index + 1 :])


def data_rows(rows: Sequence[RawRow], header: Header) -> list[SheetRow]:
    """The rows below the header, each with its recognised cells by field name."""
    out = []
    for row in rows:
        if row.line <= header.line:
            continue
        kept = _without(row.cells, header.errors_column)
        if is_blank(kept):
            continue
        values = {name: row.cells[i] for name, i in header.fields.items() if i < len(row.cells)}
        out.append(SheetRow(row.line, kept, values))
    return out


def kept_headers(header: Header) -> tuple[str, ...]:
    """The header texts as written, minus an old errors column."""
    return _without(header.texts, header.errors_column)  # type: ignore[return-value]
