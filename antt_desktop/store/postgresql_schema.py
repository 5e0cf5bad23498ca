"""PostgreSQL's counterparts of the schema objects SQLite keeps in its own way (revision 0029).

* the search index: SQLite's FTS5 table becomes two plain tables of the same names and
  columns (``search_docs``, ``search_fts`` with its ``rowid``), the folded text indexed by
  pg_trgm for substring and similarity search, so :mod:`store.search_index` writes it with
  the same statements;
* the post figures (store/post_figures.py): plpgsql triggers keeping
  ``post_pledge_figures`` the same way, in the same transaction as the write;
* the append-only audit log (revision 0009): a trigger refusing UPDATE and DELETE (the
  least-privilege role of a shared server also lacks the rights);
* byte order for every text column (revision 0032, :func:`compare_bytes`), as SQLite's
  BINARY collation, whatever collation the database was made with;
* foreign keys a sync import can defer to its commit (revision 0034,
  :func:`deferrable_foreign_keys`), as SQLite's ``PRAGMA defer_foreign_keys``;
* the SQL functions SQLite gets from Python on each connection (store/field_crypto.py):
  ``antt_open`` hands the stored value back to be opened by the engine, ``antt_bidx`` is
  computed by the engine, ``antt_seal`` refuses (:func:`sealed_functions`).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

_UPSERT = (
    "INSERT INTO post_pledge_figures AS f (unit_id, area_id, year, status, cultured, n) {select}"
    " ON CONFLICT (unit_id, area_id, year, status, cultured) DO UPDATE SET n = f.n + excluded.n"
)
_CULTURED = "CASE WHEN {p}.cultured_family = 1 THEN 1 ELSE 0 END"

SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    'CREATE TABLE search_docs (docid BIGSERIAL PRIMARY KEY, kind TEXT COLLATE "C" NOT NULL,'
    ' ref TEXT COLLATE "C" NOT NULL UNIQUE, unit_id TEXT COLLATE "C")',
    "CREATE TABLE search_fts (rowid BIGINT PRIMARY KEY,"
    " name TEXT COLLATE \"C\" NOT NULL DEFAULT '',"
    " ident TEXT COLLATE \"C\" NOT NULL DEFAULT '',"
    " address TEXT COLLATE \"C\" NOT NULL DEFAULT '',"
    " notes TEXT COLLATE \"C\" NOT NULL DEFAULT '')",
    "CREATE INDEX ix_search_fts_name_trgm ON search_fts USING gin (name gin_trgm_ops)",
    "CREATE INDEX ix_search_fts_address_trgm ON search_fts USING gin (address gin_trgm_ops)",
)

FIGURES = (
    "CREATE FUNCTION antt_figures_household(h households, sign integer) RETURNS void"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " IF h.deleted = 0 THEN "
    + _UPSERT.format(select="SELECT h.unit_id, coalesce(h.area_id, ''), 0, '', 0, sign")
    + "; "
    + _UPSERT.format(
        select="SELECT h.unit_id, coalesce(h.area_id, ''), p.year, p.status, "
        + _CULTURED.format(p="p")
        + ", sign * count(*) FROM pledges p WHERE p.household_id = h.id AND p.deleted = 0"
        " GROUP BY 1, 2, 3, 4, 5"
    )
    + "; END IF; END $$",
    "CREATE FUNCTION antt_figures_pledge(p pledges, sign integer) RETURNS void"
    " LANGUAGE plpgsql AS $$ BEGIN "
    + _UPSERT.format(
        select="SELECT h.unit_id, coalesce(h.area_id, ''), p.year, p.status, "
        + _CULTURED.format(p="p")
        + ", sign FROM households h"
        " WHERE h.id = p.household_id AND h.deleted = 0 AND p.deleted = 0"
    )
    + "; END $$",
    "CREATE FUNCTION antt_figures_households() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP <> 'INSERT' THEN PERFORM antt_figures_household(OLD, -1); END IF;"
    " IF TG_OP <> 'DELETE' THEN PERFORM antt_figures_household(NEW, 1); END IF;"
    " RETURN NULL; END $$",
    "CREATE FUNCTION antt_figures_pledges() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP <> 'INSERT' THEN PERFORM antt_figures_pledge(OLD, -1); END IF;"
    " IF TG_OP <> 'DELETE' THEN PERFORM antt_figures_pledge(NEW, 1); END IF;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER trg_figures_household_write AFTER INSERT OR DELETE ON households"
    " FOR EACH ROW EXECUTE FUNCTION antt_figures_households()",
    "CREATE TRIGGER trg_figures_household_update AFTER UPDATE ON households FOR EACH ROW"
    " WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.area_id IS DISTINCT FROM"
    " NEW.area_id OR OLD.deleted IS DISTINCT FROM NEW.deleted)"
    " EXECUTE FUNCTION antt_figures_households()",
    "CREATE TRIGGER trg_figures_pledge_write AFTER INSERT OR DELETE ON pledges"
    " FOR EACH ROW EXECUTE FUNCTION antt_figures_pledges()",
    "CREATE TRIGGER trg_figures_pledge_update AFTER UPDATE ON pledges FOR EACH ROW"
    " WHEN (OLD.household_id IS DISTINCT FROM NEW.household_id OR OLD.year IS DISTINCT FROM"
    " NEW.year OR OLD.status IS DISTINCT FROM NEW.status OR OLD.cultured_family IS DISTINCT"
    " FROM NEW.cultured_family OR OLD.deleted IS DISTINCT FROM NEW.deleted)"
    " EXECUTE FUNCTION antt_figures_pledges()",
)

#: Count the figures again from the records (post_figures.REBUILD in PostgreSQL's words).
REBUILD_FIGURES = (
    "DELETE FROM post_pledge_figures",
    "INSERT INTO post_pledge_figures (unit_id, area_id, year, status, cultured, n)"
    " SELECT unit_id, coalesce(area_id, ''), 0, '', 0, count(*) FROM households"
    " WHERE deleted = 0 GROUP BY 1, 2",
    "INSERT INTO post_pledge_figures (unit_id, area_id, year, status, cultured, n)"
    " SELECT h.unit_id, coalesce(h.area_id, ''), p.year, p.status, "
    + _CULTURED.format(p="p")
    + ", count(*) FROM pledges p JOIN households h ON h.id = p.household_id"
    " WHERE p.deleted = 0 AND h.deleted = 0 GROUP BY 1, 2, 3, 4, 5",
)

AUDIT = (
    "CREATE FUNCTION antt_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " RAISE EXCEPTION 'the audit log is append-only'; END $$",
    "CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries"
    " FOR EACH ROW EXECUTE FUNCTION antt_audit_append_only()",
)


#: The audit log's append-only guard on a server (SQLite's: ``audit.GUARDS``).
AUDIT_GUARDS = ("audit_entries_append_only",)


def missing_audit_guards(conn: Connection) -> list[str]:
    """The append-only triggers of ``audit_entries`` that are not there — dropped, or
    disabled (``ALTER TABLE … DISABLE TRIGGER``: they guard nothing then)."""
    found = set(
        conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_entries'::regclass"
                " AND NOT tgisinternal AND tgenabled <> 'D'"
            )
        ).scalars()
    )
    return [name for name in AUDIT_GUARDS if name not in found]


def sealed_functions() -> tuple[str, ...]:
    """``antt_open``/``antt_bidx``/``antt_seal``: the server never holds the fields key, so
    ``antt_open`` hands back what SQLite's function takes (``chr(2)`` and a JSON array) and
    the engine opens it as the row is read (store/postgresql.py); the engine computes
    ``antt_bidx(:n)`` before the statement is sent (this one, called another way, finds
    nothing); sealing in SQL is refused."""
    return (
        "CREATE FUNCTION antt_open(value text, tbl text, col text, row_id text, fallback text)"
        " RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN value IS NULL THEN NULL"
        " ELSE chr(2) || json_build_array(value, tbl, col, row_id, fallback)::text END $$",
        "CREATE FUNCTION antt_bidx(value text) RETURNS text LANGUAGE sql IMMUTABLE"
        " AS $$ SELECT NULL::text $$",
        "CREATE FUNCTION antt_seal(value text, tbl text, col text, row_id text) RETURNS text"
        " LANGUAGE plpgsql AS $$ BEGIN IF value IS NULL THEN RETURN NULL; END IF;"
        " RAISE EXCEPTION 'sealing in SQL: not on PostgreSQL'; END $$",
    )


#: The given-name search's index on a server (revision 0036): the live people only, with
#: their ids, so the search (``given_folded = :g``, its other words matched in
#: ``name_folded``, in ``sort_key`` order) reads the index alone. The model's plain index
#: of the same name made the server visit a table page for each person of that given name,
#: for ``deleted``: 170 ms for "yên" among 1.5 million people beside SQLite's 10 ms, 4.5 ms
#: so (tests/benchmarks/province.py).
GIVEN_NAME_INDEX = (
    "DROP INDEX IF EXISTS ix_persons_given_sort",
    "CREATE INDEX ix_persons_given_sort ON persons (given_folded, sort_key, name_folded)"
    " INCLUDE (id) WHERE deleted = 0",
)
GIVEN_NAME_INDEX_BEFORE = (
    "DROP INDEX IF EXISTS ix_persons_given_sort",
    "CREATE INDEX ix_persons_given_sort ON persons (given_folded, sort_key, name_folded)",
)


#: A bulk load's tables and the rows it wrote in each, to :func:`statistics_function`'s.
STATISTICS_CALL = "SELECT antt_analyze(CAST(? AS text[]), CAST(? AS bigint[]))"
#: Below this many rows written a table keeps its statistics (the server's autovacuum
#: brings them up to date within a minute or so anyway).
STATISTICS_ROWS = 1000


def statistics_function(schema: str) -> tuple[str, ...]:
    """``antt_analyze(tables, written)``: the planner's statistics of the tables a bulk load
    (the demo generator, a sync import) grew by a tenth or more, or that never had any, run
    with the owner's rights (only a table's owner may ``ANALYZE`` it before PostgreSQL 17)
    and given to the desks' role alone (:func:`desk_grants`). Without them, straight after
    loading a province the plan of a viewer's search was 18x SQLite's, until autovacuum
    came by (tests/benchmarks/province.py). Names not of this schema's tables are passed
    over. Returns the tables analysed."""
    if not schema.replace("_", "").isalnum():
        raise ValueError(f"not a plain schema name: {schema!r}")
    return (
        "CREATE OR REPLACE FUNCTION antt_analyze(tables text[], written bigint[])"
        " RETURNS text[]"
        f" LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$"
        " DECLARE i integer; estimate real; done text[] := '{}'; BEGIN"
        " FOR i IN 1 .. coalesce(array_length(tables, 1), 0) LOOP"
        "  SELECT c.reltuples INTO estimate FROM pg_class c WHERE c.relname = tables[i]"
        f"   AND c.relkind = 'r' AND c.relnamespace = '{schema}'::regnamespace;"
        f"  IF FOUND AND written[i] >= {STATISTICS_ROWS}"
        "   AND (estimate < 0 OR written[i] >= 0.1 * estimate) THEN"
        "   EXECUTE 'ANALYZE ' || quote_ident(tables[i]); done := done || tables[i];"
        "  END IF;"
        " END LOOP; RETURN done; END $$",
        "REVOKE ALL ON FUNCTION antt_analyze(text[], bigint[]) FROM PUBLIC",
    )


def desk_grants(role: str) -> tuple[str, ...]:
    """What the desks' role may do, and no more: read and write the records, append to the
    audit log (never change or remove an entry), read the schema's revision, refresh the
    statistics of what a bulk load grew
    (:func:`statistics_function`); no DDL (the schema belongs to the owner role, which runs
    the upgrades)."""
    if not role.replace("_", "").isalnum():
        raise ValueError(f"not a plain role name: {role!r}")
    return (
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {role}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"GRANT EXECUTE ON FUNCTION antt_analyze(text[], bigint[]) TO {role}",
    )


def grant_desks(conn: Connection, role: str) -> None:
    """Give the desks' ``role`` its rights on every table (run by the owner after each
    schema upgrade: the new tables are covered too)."""
    for statement in desk_grants(role):
        conn.exec_driver_sql(statement)


def upgrade(conn: Connection) -> None:
    """Make every counterpart (revision 0029, on PostgreSQL only) and count the figures."""
    for statement in (
        *SEARCH,
        *FIGURES,
        *REBUILD_FIGURES,
        *AUDIT,
        *sealed_functions(),
    ):
        conn.exec_driver_sql(statement)


def downgrade(conn: Connection) -> None:
    for statement in (
        "DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries",
        "DROP FUNCTION IF EXISTS antt_audit_append_only()",
        "DROP TRIGGER IF EXISTS trg_figures_household_write ON households",
        "DROP TRIGGER IF EXISTS trg_figures_household_update ON households",
        "DROP TRIGGER IF EXISTS trg_figures_pledge_write ON pledges",
        "DROP TRIGGER IF EXISTS trg_figures_pledge_update ON pledges",
        "DROP FUNCTION IF EXISTS antt_figures_households()",
        "DROP FUNCTION IF EXISTS antt_figures_pledges()",
        "DROP FUNCTION IF EXISTS antt_figures_household(households, integer)",
        "DROP FUNCTION IF EXISTS antt_figures_pledge(pledges, integer)",
        "DROP FUNCTION IF EXISTS antt_open(text, text, text, text, text)",
        "DROP FUNCTION IF EXISTS antt_bidx(text)",
        "DROP FUNCTION IF EXISTS antt_seal(text, text, text, text)",
        "DROP TABLE IF EXISTS search_fts",
        "DROP TABLE IF EXISTS search_docs",
    ):
        conn.exec_driver_sql(statement)


def rebuild_figures(conn: Connection) -> None:
    """post_figures.rebuild on PostgreSQL (inside the caller's write transaction)."""
    for statement in REBUILD_FIGURES:
        conn.exec_driver_sql(statement)


#: The text columns of this schema's tables not declared ``COLLATE "C"``.
_NOT_BYTE_ORDER = (
    "SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length"
    " FROM information_schema.columns c JOIN information_schema.tables t"
    " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
    " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
    " AND c.data_type IN ('character varying', 'text')"
    " AND c.collation_name IS DISTINCT FROM 'C'"
    " ORDER BY c.table_name, c.ordinal_position"
)


def compare_bytes(conn: Connection) -> dict[str, list[str]]:
    """Declare every text column ``COLLATE "C"`` that is not yet (one ``ALTER TABLE`` a
    table: its indexes are built again in the new order). Returns the columns changed, by
    table. The folded names and sort keys are made for byte order (domain/text.py); a
    database made with a language collation (ICU ``vi-VN``, ``en_US.UTF-8``) would sort
    them, and answer their range searches, otherwise."""
    changed: dict[str, list[str]] = {}
    clauses: dict[str, list[str]] = {}
    for table, column, kind, length in conn.exec_driver_sql(_NOT_BYTE_ORDER).all():
        spelled = "TEXT" if kind == "text" else f"VARCHAR({length})" if length else "VARCHAR"
        clauses.setdefault(table, []).append(f'ALTER COLUMN "{column}" TYPE {spelled} COLLATE "C"')
        changed.setdefault(table, []).append(column)
    for table, alters in clauses.items():
        conn.exec_driver_sql(f'ALTER TABLE "{table}" ' + ", ".join(alters))
    return changed


#: The foreign keys of this schema that cannot be deferred.
_NOT_DEFERRABLE = (
    "SELECT conrelid::regclass::text, conname FROM pg_constraint"
    " WHERE contype = 'f' AND NOT condeferrable"
    " AND connamespace = current_schema()::regnamespace ORDER BY 1, 2"
)


def deferrable_foreign_keys(conn: Connection) -> list[str]:
    """Make every foreign key ``DEFERRABLE INITIALLY IMMEDIATE`` (checked at each statement,
    as before, unless a transaction defers them): a sync import defers them as SQLite's
    ``PRAGMA defer_foreign_keys`` does, since a bundle may update a row to point at a
    parent it inserts later (store/spelling.py). Returns the constraints changed. A
    revision adding a foreign key on a server calls it again."""
    changed = []
    for table, name in conn.exec_driver_sql(_NOT_DEFERRABLE).all():
        conn.exec_driver_sql(
            f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" DEFERRABLE INITIALLY IMMEDIATE'
        )
        changed.append(name)
    return changed
