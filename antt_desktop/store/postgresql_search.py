"""The ranked search on a PostgreSQL server: what SQLite's FTS5 query over ``search_fts``
(``MATCH``, ``bm25``) answers, over the same table of folded text (store/search_index.py
writes it on both engines; revision 0028 made it with pg_trgm indexes on name and address).

The same query shape: every typed word must start a word of the document, in any of its
columns (a word with punctuation inside, "12/3", is a phrase of its parts, as FTS5 reads
it); a reader who may not see sensitive values is matched on a person's public columns
only. The order follows FTS5's bm25 as far as it sensibly can without FTS5's statistics:
each word's hits weighted by column (name 10, identity 8, address 2, notes 1, as
``search_index.WEIGHTS``), saturated as bm25 does, and a shorter document before a longer
one with the same hits; ties in the index's order. What it leaves out: the words' rarity
(bm25's idf) and the average document length of the index (a fixed one stands in).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

#: The columns of ``search_fts`` and their weights (search_index.WEIGHTS).
COLUMNS = (("name", 10.0), ("ident", 8.0), ("address", 2.0), ("notes", 1.0))
#: bm25's constants, as FTS5 has them.
K1, B = 1.2, 0.75
#: The average words in a document, standing in for the index's own figure.
AVERAGE_WORDS = 12.0
_WORD = re.compile(r"\w+")


def _pattern(term: str) -> str | None:
    """A POSIX regex: the term's parts as the start of a word, one after the other (the last
    a prefix, as FTS5's ``"term"*``); None when it has no word character at all."""
    parts = _WORD.findall(term)
    if not parts:
        return None
    return r"\m" + r"\W+".join(re.sub(r"(\W)", r"\\\1", p) for p in parts)


def _words(column: str) -> str:
    """How many words ``column`` holds (spaces + 1; none when empty)."""
    return (
        f"(CASE WHEN f.{column} = '' THEN 0"
        f" ELSE length(f.{column}) - length(replace(f.{column}, ' ', '')) + 1 END)"
    )


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
    (``ranked``; rank as bm25's, lower is better) — at most ``limit``. ``public_only``: a
    person's identity column (phones) is not searched."""
    columns = [(c, w) for c, w in COLUMNS if not (public_only and c == "ident")]
    params: dict[str, Any] = {"limit": limit}
    where, scores = [], []
    length = " + ".join(_words(c) for c, _w in COLUMNS)
    norm = f"({K1} * ({1 - B} + {B} * ({length}) / {AVERAGE_WORDS}))"
    for i, term in enumerate(terms):
        pattern = _pattern(term)
        if pattern is None:
            return []
        params[f"t{i}"] = pattern
        where.append("(" + " OR ".join(f"f.{c} ~ :t{i}" for c, _w in columns) + ")")
        tf = " + ".join(f"{w} * (f.{c} ~ :t{i})::int" for c, w in columns)
        scores.append(f"(({tf}) * {K1 + 1} / (({tf}) + {norm}))")
    if kind:
        where.append("d.kind = :kind")
        params["kind"] = kind
    if unit_id:
        where.append("d.unit_id = :unit")
        params["unit"] = unit_id
    rank = f"-({' + '.join(scores)})" if ranked else "0"
    order = " ORDER BY rank, d.docid" if ranked else ""
    sql = (
        f"SELECT d.kind, d.ref, {rank} AS rank"
        " FROM search_fts f JOIN search_docs d ON d.docid = f.rowid"
        f" WHERE {' AND '.join(where)}{order} LIMIT :limit"
    )
    return [(k, r, float(v)) for k, r, v in conn.execute(text(sql), params)]
