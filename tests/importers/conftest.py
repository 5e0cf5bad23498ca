"""Fixtures for imports: small .xlsx and .csv lists written into the test's folder, the
post's residential areas, and counts of what the database holds."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from antt_desktop.services.units import add_area
from antt_desktop.store.database import Database
from antt_desktop.store.models import AuditEntry, Household, Person

# The Vietnamese letters Windows-1258 holds precomposed; tone marks it holds as combining.
_CP1258_BASES = "ăâêôơưđĂÂÊÔƠƯĐ"


def cccd(year: int, sex: str = "M", serial: int = 1, province: str = "001") -> str:
    """A well-formed personal ID number for someone of this sex born in this year."""
    digit = 2 * ((year - 1900) // 100) + (1 if sex == "F" else 0)
    return f"{province}{digit}{year % 100:02d}{serial:06d}"


def to_cp1258(text: str) -> bytes:
    """Text as Vietnamese Windows writes it: base letters precomposed, tones combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        shape = "".join(m for m in marks if m in "\u0306\u0302\u031b")  # breve, circumflex, horn
        tone = "".join(m for m in marks if m not in shape)
        letter = unicodedata.normalize("NFC", base + shape)
        assert len(letter) == 1 and (letter in _CP1258_BASES or letter.isascii()), ch
        out.append((letter + tone).encode("cp1258"))
    return b"".join(out)


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``make_xlsx(headers, rows, name=..., title=None)``: a workbook with one sheet."""

    def make(
        headers: Sequence[Any],
        rows: Sequence[Sequence[Any]],
        name: str = "list.xlsx",
        title: str | None = None,
    ) -> Path:
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        if title is not None:
            sheet.append([title])
        sheet.append(list(headers))
        for row in rows:
            sheet.append(list(row))
        path = tmp_path / name
        workbook.save(path)
        return path

    return make


@pytest.fixture
def make_csv(tmp_path: Path) -> Callable[..., Path]:
    """``make_csv(headers, rows, encoding="utf-8", delimiter=",", name=...)``."""

    def make(
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        encoding: str = "utf-8",
        delimiter: str = ",",
        name: str = "list.csv",
    ) -> Path:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
        text = buffer.getvalue()
        data = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


@dataclass(frozen=True)
class Areas:
    dong: str
    to3: str


@pytest.fixture
def areas(write: Callable[..., Any]) -> Areas:
    """Two residential areas of the post: "Thôn Đông" and "Tổ dân phố số 3"."""
    with write() as ctx:
        dong = add_area(ctx, name="Thôn Đông")
        to3 = add_area(ctx, name="Tổ dân phố số 3", kind="to_dan_pho")
        return Areas(dong.id, to3.id)


@dataclass(frozen=True)
class Counts:
    persons: int
    households: int
    audit: int


@pytest.fixture
def counts(db: Database) -> Callable[[], Counts]:
    """What the database holds now: people, households, audit entries."""

    def count() -> Counts:
        with db.read() as session:
            return Counts(
                session.scalar(select(func.count()).select_from(Person)) or 0,
                session.scalar(select(func.count()).select_from(Household)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            )

    return count
