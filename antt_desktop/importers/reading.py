"""Reading a spreadsheet (.xlsx or .csv) as rows of raw cell values, refusing hostile files.

Nothing here knows what the columns mean. Every refusal is a problem on the field ``file``:
too big, too many rows, not what the extension says, unreadable. Formulas are never
evaluated: an .xlsx is opened with ``data_only=True`` (the value Excel saved, or nothing)
and openpyxl parses its XML through defusedxml (checked before each workbook is opened); its
parts are counted and their unpacked size bounded before any is unpacked.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from antt_desktop.domain.errors import ValidationFailed

MAX_BYTES = 20 * 1024 * 1024
MAX_MB = MAX_BYTES // (1024 * 1024)
MAX_ROWS = 100_000
#: Columns read per row; anything further right is dropped (a list has a dozen or two).
MAX_COLUMNS = 200
#: Refuse an .xlsx whose parts unpack to more than this (a "zip bomb"). Python's zipfile
#: never unpacks a part past the size the archive declares for it, so the sum is a bound.
MAX_UNPACKED = 400 * 1024 * 1024
MAX_UNPACKED_MB = MAX_UNPACKED // (1024 * 1024)
#: Parts an .xlsx may hold (a workbook has a dozen or two).
MAX_PARTS = 2_000
_ZIP_MAGIC = b"PK\x03\x04"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

#: A cell as read: text, number, date, boolean or nothing.
Cell = str | int | float | date | datetime | time | bool | None
FILE = "file"


@dataclass(frozen=True)
class RawRow:
    """One non-blank row and its line number as the spreadsheet program shows it."""

    line: int
    cells: tuple[Cell, ...]


def refuse(code: str, **params: Any) -> ValidationFailed:
    """The refusal of the whole file (field ``file``)."""
    return ValidationFailed.single(FILE, code, **params)


def is_blank(cells: Iterable[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _clean_cell(value: Any) -> Cell:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if value is None or isinstance(value, int | float | date | datetime | time | bool):
        return value
    return str(value)  # e.g. openpyxl's error values or timedeltas


def _collect(rows: Iterable[tuple[int, Sequence[Any]]]) -> list[RawRow]:
    out: list[RawRow] = []
    for line, values in rows:
        end = min(len(values), MAX_COLUMNS)
        while end and values[end - 1] is None:
            end -= 1
        cells = tuple(_clean_cell(v) for v in values[:end])
        if is_blank(cells):
            continue
        if len(out) >= MAX_ROWS + 1:  # the header plus MAX_ROWS data rows
            raise refuse("import.too_many_rows", max=MAX_ROWS)
        out.append(RawRow(line, cells))
    return out


def _read_xlsx(path: Path, head: bytes) -> list[RawRow]:
    if not head.startswith(_ZIP_MAGIC):
        raise refuse("import.not_xlsx")
    require_safe_xml()
    # The file is ours to close: openpyxl leaves its own handle open when it refuses a part,
    # and the officer's spreadsheet stayed in use (locked, on Windows) until collected.
    with path.open("rb") as source:
        return _read_workbook(path, source)


def _read_workbook(path: Path, source: BinaryIO) -> list[RawRow]:
    from openpyxl import load_workbook  # imported here: only imports need it

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS or sum(i.file_size for i in parts) > MAX_UNPACKED:
                raise refuse("import.unpacks_too_large", max=MAX_UNPACKED_MB)
            if any(_declares_entities(archive, info) for info in parts):
                raise refuse("import.xml_entities")
        workbook = load_workbook(source, read_only=True, data_only=True)
    except ValidationFailed:
        raise
    except Exception as exc:  # any parser failure means "not a workbook"
        raise refuse(_xml_refusal(exc) or "import.not_xlsx") from exc
    try:
        sheet = workbook.active  # the sheet the officer last looked at
        if not hasattr(sheet, "iter_rows"):  # a chart sheet, or none at all
            sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise refuse("import.empty")
        rows = sheet.iter_rows(min_row=1, values_only=True)
        return _collect(enumerate(rows, start=1))
    except ValidationFailed:
        raise
    except Exception as exc:  # a damaged sheet part
        raise refuse(_xml_refusal(exc) or "import.unreadable") from exc
    finally:
        workbook.close()


#: What starts a document type or entity declaration: a workbook never has one. Cell text
#: holding these letters is written escaped (``&lt;!DOCTYPE``), so it is never mistaken.
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 1 << 16


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part of the workbook declares a DTD or entities (an entity bomb, an
    external entity). Looked for in the bytes, whichever XML parser openpyxl then uses
    (defusedxml, or lxml, which python-docx brings, with entities left unresolved)."""
    name = info.filename.lower()
    if not (name.endswith(".xml") or name.endswith(".rels")):
        return False
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            window = tail + chunk
            if any(d in window for d in _DECLARATIONS):
                return True
            tail = window[-16:]
    return False


def require_safe_xml() -> None:
    """Refuse to open a workbook unless openpyxl parses its XML through defusedxml (no entity
    expansion, no external entities): openpyxl falls back to the plain parser when defusedxml
    is missing or ``OPENPYXL_DEFUSEDXML`` is not "True"."""
    from openpyxl.xml import functions

    if not str(getattr(functions.iterparse, "__module__", "")).startswith("defusedxml"):
        raise refuse("import.unsafe_reader")


def _xml_refusal(exc: BaseException) -> str | None:
    """``import.xml_entities`` when defusedxml refused entity or DTD declarations (an entity
    bomb, an external entity): a workbook never needs them."""
    from defusedxml import DefusedXmlException

    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return None
        if isinstance(seen, DefusedXmlException):
            return "import.xml_entities"
        seen = seen.__cause__ or seen.__context__
    return None


def decode_text(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258."""
    if data.startswith(_BOMS[0]):
        return data[3:].decode("utf-8")
    if data.startswith(_BOMS[1]) or data.startswith(_BOMS[2]):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258")  # Vietnamese Windows; raises if bytes are undefined there


def sniff_delimiter(text: str) -> str:
    """``;`` or ``,`` (or a tab), whichever splits the first line into more columns."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _read_csv(data: bytes) -> list[RawRow]:
    if data.startswith(_ZIP_MAGIC) or (b"\x00" in data and not data.startswith(_BOMS[1:])):
        raise refuse("import.not_csv")
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        raise refuse("import.encoding") from exc
    # Control characters are not sniffed here: each cell is checked whole, as the window's
    # fields are, by the services' rules (domain.text_input), and refuses only its own row.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        return _collect(enumerate(_text_rows(reader), start=1))
    except csv.Error as exc:
        raise refuse("import.unreadable") from exc


def _text_rows(reader: Iterator[list[str]]) -> Iterator[list[Cell]]:
    for row in reader:
        yield [cell if cell.strip() else None for cell in row]


def read_rows(path: Path) -> list[RawRow]:
    """The non-blank rows of a .csv file, or of the active sheet of an .xlsx.

    Raises:
        ValidationFailed: on field ``file`` — ``import.file_missing``, ``import.file_type``,
            ``import.file_too_large``, ``import.too_many_rows``, ``import.not_xlsx``,
            ``import.not_csv``, ``import.encoding``, ``import.unreadable``, ``import.empty``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise refuse("import.file_type", value=path.suffix or path.name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise refuse("import.file_missing", path=str(path))
    except OSError as exc:
        raise refuse("import.file_missing", path=str(path)) from exc
    if size > MAX_BYTES:
        raise refuse("import.file_too_large", max=MAX_MB)
    try:
        if suffix == ".xlsx":
            with path.open("rb") as fh:
                head = fh.read(4)
            rows = _read_xlsx(path, head)
        else:
            rows = _read_csv(path.read_bytes())
    except OSError as exc:
        raise refuse("import.unreadable") from exc
    if not rows:
        raise refuse("import.empty")
    return rows
