"""The import checks a table's rows a column at a time (``rows.check_all``); every rule of
the row-by-row check (``rows.check``) holds there too: a row the one refuses, the other
refuses, and what both accept comes out the same. A refused batch is then checked row by
row, which names the first row and column refused."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.store.text_guard import all_allowed
from antt_desktop.sync import rows
from antt_desktop.sync.tables import SyncTable, synced_tables

GOOD = {"str": "Trần Thị Hoà", "int": 3, "bool": False, "date": "2024-05-01", "json": ["a"]}
#: Values each rule is there to refuse, and some it lets through.
HOSTILE: list[Any] = [
    None,
    "",
    "x" * 37,
    "x" * (rows.MAX_TEXT + 1),
    "Nông\u202edân",
    "Trần\x1b[2J",
    "Dòng 1\nDòng 2",
    "Dòng 1\r\nDòng 2",
    "Dòng 1\rDòng 2",
    "cuối dòng\r",
    "\ud800",
    "\t",
    "2024-05-01\n",
    "2024-5-1",
    "٢٠٢٤-٠٥-٠١",
    1,
    -(2**70),
    1.5,
    True,
    [],
    {},
    [1, "n", 2],
    [1, "n" * 65, 2],
    [1, "n", 2, 3],
    [True, "n", 2],
    ["1", "n", 2],
    {"n": 1},
    {"n": True},
    {"a": [1, "n", 2]},
    {"a": [1, 2, 3]},
    {"a": None},
]


def _row(t: SyncTable) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": "r1",
        "owner_node": "node-1",
        "version_vector": {"node-1": 2},
        "created_stamp": [1, "node-1", 0],
        "field_stamps": {"full_name": [2, "node-1", 1]},
        "hlc": 2,
    }
    return row | {c.name: GOOD[c.kind] for c in t.columns}


def _one_by_one(t: SyncTable, batch: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    try:
        return [rows.check(t, r) for r in batch]
    except ValueError:
        return None


@pytest.mark.parametrize("t", synced_tables(), ids=lambda t: t.name)
def test_every_value_is_judged_as_the_row_by_row_check_judges_it(t: SyncTable) -> None:
    good = _row(t)
    assert rows.check_all(t, [good, good | {"id": "r2"}]) == _one_by_one(
        t, [good, good | {"id": "r2"}]
    )
    for name in good:
        for value in HOSTILE:
            bad = good | {name: value}
            batch = [good | {"id": "r0"}, bad]
            assert rows.check_all(t, batch) == _one_by_one(t, batch), (name, value)


def test_a_row_sent_by_another_version_is_left_to_the_row_by_row_check() -> None:
    t = next(t for t in synced_tables() if t.name == "persons")
    good = _row(t)
    older = {k: v for k, v in good.items() if k != "notes"}  # a column it did not know
    newer = good | {"nickname": "Ba"}  # a column this version does not know
    reordered = dict(reversed(good.items()))
    for other in (older, newer, reordered):
        assert rows.check_all(t, [good, other]) is None
        assert _one_by_one(t, [good, other]) is not None  # accepted there, as before


@pytest.mark.parametrize(
    ("values", "multiline", "allowed"),
    [
        (["Trần Thị Hoà", "Ghi chú"], False, True),
        (["Dòng 1\r", "\nDòng 2"], True, False),  # no line break made across two values
        (["Dòng 1\r\nDòng 2", "x"], True, True),
        (["Dòng 1\r\nDòng 2", "x"], False, False),
        (["a", "b\u2066"], False, False),
        ([], False, True),
    ],
)
def test_text_values_are_judged_together_as_one_by_one(
    values: list[str], multiline: bool, allowed: bool
) -> None:
    assert all_allowed(values, multiline=multiline) is allowed
