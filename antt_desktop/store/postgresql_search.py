"""The ranked search on a PostgreSQL server: what SQLite's FTS5 query over ``search_fts``
(``MATCH``, ``bm25``) answers, over the same table of folded text (store/search_index.py
writes it on both engines; revision 0028 made it).

The same query shape: every typed word must start a word of the document, in any of its
columns (a word with punctuation inside, "12/3", is a phrase of its parts, as FTS5 reads
it); a reader who may not see sensitive values is matched on a person's public columns
only. PostgreSQL's own full-text search answers it through an index: revision 0029 adds
``search_fts.doc``, a ``tsvector`` the server computes from the four columns (parser
``simple``: the text is folded already), each column under its weight label (name A,
identity B, address C, notes D), with a GIN index; a typed word is a prefix query
(``'ng':*``), the public columns a label restriction (``:*ACD``).

The order follows FTS5's bm25 as far as ``ts_rank`` can: the weights of the columns hit
(name 1.0, identity 0.8, address 0.2, notes 0.1 — ``search_index.WEIGHTS`` scaled), divided
by 1 + the log of the document's length (a shorter document first, as bm25's length
normalisation puts it); ties in the index's order. What it leaves out: the words' rarity
(bm25's idf).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

#: ``ts_rank``'s weights, in its order {D, C, B, A}: notes, address, identity, name.
WEIGHTS = "{0.1, 0.2, 0.8, 1.0}"
#: ``ts_rank``'s normalisation: divide by 1 + log(the document's length).
NORMALISATION = 1
_WORD = re.compile(r"[^\W_]+")
_DOC = (
    "setweight(to_tsvector('simple', name), 'A')"
    " || setweight(to_tsvector('simple', ident), 'B')"
    " || setweight(to_tsvector('simple', address), 'C')"
    " || setweight(to_tsvector('simple', notes), 'D')"
)
#: Revision 0029: the document's words, kept by the server, and their index.
UPGRADE = (
    f"ALTER TABLE search_fts ADD COLUMN doc tsvector GENERATED ALWAYS AS ({_DOC}) STORED",
    "CREATE INDEX ix_search_fts_doc ON search_fts USING gin (doc)",
)
DOWNGRADE = (
    "DROP INDEX IF EXISTS ix_search_fts_doc",
    "ALTER TABLE search_fts DROP COLUMN IF EXISTS doc",
)


def upgrade(conn: Connection) -> None:
    for statement in UPGRADE:
        conn.exec_driver_sql(statement)


def downgrade(conn: Connection) -> None:
    for statement in DOWNGRADE:
        conn.exec_driver_sql(statement)


def next_docids(conn: Connection, count: int) -> list[int]:
    """The next ``count`` docids of ``search_docs``' sequence, in order (for entries written
    with docids of their own, ``search_documents.index_new_rows``): the ids an entry written
    without one would have taken, and the sequence moved past them."""
    return list(
        conn.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence('search_docs', 'docid'))"
            " FROM generate_series(1, ?) ORDER BY 1",
            (count,),
        ).scalars()
    )


def query_text(terms: list[str], public_only: bool = False) -> str | None:
    """The ``tsquery`` of the typed words: each a prefix (its parts a phrase, the last a
    prefix, as FTS5's ``"12/3"*``), all of them; None when a word has no letter or digit."""
    labels = "ACD" if public_only else ""
    operands = []
    for term in terms:
        parts = _WORD.findall(term)
        if not parts:
            return None
        quoted = [f"'{p}'" for p in parts]  # letters and digits only: nothing to escape
        quoted[-1] += f":*{labels}"
        if public_only:
            quoted[:-1] = [f"{q}:{labels}" for q in quoted[:-1]]
        operands.append(" <-> ".join(quoted))
    return " & ".join(f"({o})" for o in operands)


def fts_hits(
    conn: Connection,
    terms: list[str],
    limit: int,
    kind: str | None,
    unit_id: str | None,
    ranked: bool,
    public_only: bool,
) -> list[tuple[str, str, float]]:
    """(kind, ref, rank) of the documents every term starts a word of, best first
    (``ranked``; lower is better, as bm25's) — at most ``limit``. ``public_only``: a
    person's identity column (phones) is not searched."""
    query = query_text(terms, public_only)
    if query is None:
        return []
    where = ["f.doc @@ to_tsquery('simple', :q)"]
    params: dict[str, Any] = {"q": query, "limit": limit}
    if kind:
        where.append("d.kind = :kind")
        params["kind"] = kind
    if unit_id:
        where.append("d.unit_id = :unit")
        params["unit"] = unit_id
    rank = (
        f"-ts_rank('{WEIGHTS}', f.doc, to_tsquery('simple', :q), {NORMALISATION})"
        if ranked
        else "0"
    )
    order = " ORDER BY rank, d.docid" if ranked else ""
    sql = (
        f"SELECT d.kind, d.ref, {rank} AS rank"
        " FROM search_fts f JOIN search_docs d ON d.docid = f.rowid"
        f" WHERE {' AND '.join(where)}{order} LIMIT :limit"
    )
    return [(k, r, float(v)) for k, r, v in conn.execute(text(sql), params)]
