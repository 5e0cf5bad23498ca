"""What the fast paths' driver SQL (services/stats_due.py, services/stats_assessments.py) spells
differently on SQLite and on a PostgreSQL server: the one place those spellings live.

On SQLite dates are ISO text (``YYYY-MM-DD``, compared as the days are), ``GLOB`` matches a
pattern and a unary ``+`` keeps the planner off an index; on a server dates are ``date``
values (read as ISO text by :meth:`Spelling.iso`), a pattern is a regular expression, and
its planner needs no such hint.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session


class Spelling:
    """The spellings of one engine (``session``'s)."""

    def __init__(self, session: Session | Connection) -> None:
        bind = session if isinstance(session, Connection) else session.get_bind()
        self.server = bind.dialect.name == "postgresql"

    def unindexed(self, column: str) -> str:
        """``column`` read without walking its index (SQLite's ``+``)."""
        return column if self.server else f"+{column}"

    def order(self, key: Any, descending: bool) -> Any:
        """``key`` (a SQLAlchemy column or expression) in ascending or descending order with
        its NULLs where SQLite puts them: first going up, last going down (a server does
        the opposite)."""
        ordered = key.desc() if descending else key.asc()
        if self.server:
            return ordered.nulls_last() if descending else ordered.nulls_first()
        return ordered

    def in_list(self, marks: Iterable[str]) -> str:
        """``IN (marks…)``, of an empty list too: SQLite's ``IN ()``, which a server refuses
        (there ``IN (NULL)``: true of no row)."""
        listed = ", ".join(marks)
        return f"IN ({listed or ('NULL' if self.server else '')})"

    def always(self) -> str:
        """A condition that always holds (SQLite's ``1``; a server's ``WHERE`` wants a
        boolean)."""
        return "TRUE" if self.server else "1"

    def json_value(self, column: str, key: str | None = None) -> str:
        """The text of a JSON column (``key``: of that key of its object)."""
        if self.server:
            return f"({column} #>> '{{}}')" if key is None else f"({column} ->> '{key}')"
        return (
            f"json_extract({column}, '$')" if key is None else f"json_extract({column}, '$.{key}')"
        )

    def iso(self, column: str) -> str:
        """A date column as ISO text (``2026-11-22``)."""
        return f"CAST({column} AS TEXT)" if self.server else column

    def opening_label(self, day: str, months: str) -> str:
        """The label of the month (``months`` 1: ``2026-10``) or quarter (3: ``2026-Q4``)
        the date column ``day`` falls in."""
        if self.server:
            return (
                f"(CASE {months} WHEN 1 THEN to_char({day}, 'YYYY-MM')"
                f" ELSE to_char({day}, 'YYYY-\"Q\"Q') END)"
            )
        return (
            f"(CASE {months} WHEN 1 THEN substr({day}, 1, 7) ELSE substr({day}, 1, 5)"
            f" || 'Q' || ((CAST(substr({day}, 6, 2) AS INTEGER) + 2) / 3) END)"
        )

    def canonical_label(self, label: str, months: str) -> str:
        """Whether the text ``label`` is written as a schedule writes a month (``2026-10``)
        or a quarter (``2026-Q4``), by ``months``."""
        if self.server:
            month, quarter = (
                f"{label} ~ '^[0-9]{{4}}-[01][0-9]$'",
                f"{label} ~ '^[0-9]{{4}}-Q[1-4]$'",
            )
        else:
            month = f"{label} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
            quarter = f"{label} GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'"
        return (
            f"length({label}) = 7 AND (CASE {months} WHEN 1 THEN {month}"
            f" AND substr({label}, 6, 2) BETWEEN '01' AND '12' ELSE {quarter} END)"
        )

    def defer_foreign_keys(self) -> str:
        """The statement that leaves the foreign keys' checks to the commit (the rows of a
        bundle come table by table). A server defers the constraints made deferrable."""
        return "SET CONSTRAINTS ALL DEFERRED" if self.server else "PRAGMA defer_foreign_keys = ON"

    def insert_ignoring(self, into: str) -> str:
        """``INSERT OR IGNORE INTO {into}`` (``into``: the table, its columns and the
        ``VALUES``): a row whose key is taken already is left out."""
        if self.server:
            return f"INSERT INTO {into} ON CONFLICT DO NOTHING"
        return f"INSERT OR IGNORE INTO {into}"

    def insert_replacing(self, into: str, key: Sequence[str], columns: Sequence[str]) -> str:
        """``INSERT OR REPLACE INTO {into}``: the row whose primary key (``key``) is taken
        already gets the new values of ``columns`` instead."""
        if not self.server:
            return f"INSERT OR REPLACE INTO {into}"
        values = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
        return f"INSERT INTO {into} ON CONFLICT ({', '.join(key)}) DO UPDATE SET {values}"

    def json_reader(self) -> Callable[[Any], Any]:
        """What turns a JSON column read by driver SQL into its value: SQLite gives its text
        (parsed here), a server's driver gives the value parsed already."""
        return _as_read if self.server else json.loads


def _as_read(value: Any) -> Any:
    return value
