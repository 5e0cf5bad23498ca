"""The triggers that keep ``post_pledge_figures`` (store/models/figures.py) true.

Every write to ``households`` or ``pledges`` — by a service, the sync import's plain SQL, the
spreadsheet importer — moves the counts in the same transaction: the old row's share is
taken away and the new row's added. A household counts while it is live; a pledge counts
while it and its household are live, under the household's unit and area (so moving a
household to another area moves its pledges with it).

The revision that adds them (0026) fills the table with :data:`REBUILD`; the same statements
count it again on demand (:func:`rebuild`).
"""

from __future__ import annotations

from sqlalchemy import Connection

_UPSERT = (
    "INSERT INTO post_pledge_figures (unit_id, area_id, year, status, cultured, n) {select}"
    " ON CONFLICT (unit_id, area_id, year, status, cultured) DO UPDATE SET n = n + excluded.n"
)


def _household(row: str, sign: str) -> list[str]:
    """A household's own count and its pledges' counts, added (+) or taken away (-)."""
    return [
        _UPSERT.format(
            select=f"SELECT {row}.unit_id, coalesce({row}.area_id, ''), 0, '', 0, {sign}1"
            f" WHERE {row}.deleted = 0"
        )
        + ";",
        _UPSERT.format(
            select=f"SELECT {row}.unit_id, coalesce({row}.area_id, ''), p.year, p.status,"
            f" coalesce(p.cultured_family = 1, 0), {sign}count(*) FROM pledges p"
            f" WHERE p.household_id = {row}.id AND p.deleted = 0 AND {row}.deleted = 0"
            " GROUP BY 1, 2, 3, 4, 5"
        )
        + ";",
    ]


def _pledge(row: str, sign: str) -> list[str]:
    """One pledge's count under its household's unit and area."""
    return [
        _UPSERT.format(
            select=f"SELECT h.unit_id, coalesce(h.area_id, ''), {row}.year, {row}.status,"
            f" coalesce({row}.cultured_family = 1, 0), {sign}1 FROM households h"
            f" WHERE h.id = {row}.household_id AND h.deleted = 0 AND {row}.deleted = 0"
        )
        + ";",
    ]


def _trigger(name: str, when: str, body: list[str], condition: str = "") -> str:
    cond = f" WHEN {condition}" if condition else ""
    return f"CREATE TRIGGER {name} {when} FOR EACH ROW{cond} BEGIN {' '.join(body)} END"


_HOUSEHOLD_MOVED = (
    "OLD.unit_id IS NOT NEW.unit_id OR OLD.area_id IS NOT NEW.area_id"
    " OR OLD.deleted IS NOT NEW.deleted"
)
_PLEDGE_CHANGED = (
    "OLD.household_id IS NOT NEW.household_id OR OLD.year IS NOT NEW.year"
    " OR OLD.status IS NOT NEW.status OR OLD.cultured_family IS NOT NEW.cultured_family"
    " OR OLD.deleted IS NOT NEW.deleted"
)

#: (name, CREATE TRIGGER statement) of every trigger keeping the figures.
TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "trg_figures_household_insert",
        _trigger(
            "trg_figures_household_insert",
            "AFTER INSERT ON households",
            _household("NEW", "+"),
        ),
    ),
    (
        "trg_figures_household_delete",
        _trigger(
            "trg_figures_household_delete",
            "AFTER DELETE ON households",
            _household("OLD", "-"),
        ),
    ),
    (
        "trg_figures_household_update",
        _trigger(
            "trg_figures_household_update",
            "AFTER UPDATE ON households",
            _household("OLD", "-") + _household("NEW", "+"),
            _HOUSEHOLD_MOVED,
        ),
    ),
    (
        "trg_figures_pledge_insert",
        _trigger("trg_figures_pledge_insert", "AFTER INSERT ON pledges", _pledge("NEW", "+")),
    ),
    (
        "trg_figures_pledge_delete",
        _trigger("trg_figures_pledge_delete", "AFTER DELETE ON pledges", _pledge("OLD", "-")),
    ),
    (
        "trg_figures_pledge_update",
        _trigger(
            "trg_figures_pledge_update",
            "AFTER UPDATE ON pledges",
            _pledge("OLD", "-") + _pledge("NEW", "+"),
            _PLEDGE_CHANGED,
        ),
    ),
)

#: Count the figures again from the records (the revision's fill and :func:`rebuild`).
REBUILD: tuple[str, ...] = (
    "DELETE FROM post_pledge_figures",
    "INSERT INTO post_pledge_figures (unit_id, area_id, year, status, cultured, n)"
    " SELECT unit_id, coalesce(area_id, ''), 0, '', 0, count(*) FROM households"
    " WHERE deleted = 0 GROUP BY 1, 2",
    "INSERT INTO post_pledge_figures (unit_id, area_id, year, status, cultured, n)"
    " SELECT h.unit_id, coalesce(h.area_id, ''), p.year, p.status,"
    " coalesce(p.cultured_family = 1, 0), count(*) FROM pledges p"
    " JOIN households h ON h.id = p.household_id"
    " WHERE p.deleted = 0 AND h.deleted = 0 GROUP BY 1, 2, 3, 4, 5",
)


def rebuild(conn: Connection) -> None:
    """Count the kept figures again from the households and pledges (inside the caller's
    write transaction)."""
    if conn.dialect.name == "postgresql":  # plpgsql's own statements (its triggers' counts)
        from antt_desktop.store import postgresql_schema

        postgresql_schema.rebuild_figures(conn)
        return
    for statement in REBUILD:
        conn.exec_driver_sql(statement)
