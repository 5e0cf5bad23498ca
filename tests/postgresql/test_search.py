"""The ranked search's own query on a server: the typed words as prefix queries over the
words the server keeps (``search_fts.doc``), answered through its index."""

from __future__ import annotations

from sqlalchemy import text

from antt_desktop.store.database import Database
from antt_desktop.store.postgresql_search import query_text


def test_each_typed_word_is_a_prefix_and_punctuation_makes_a_phrase() -> None:
    assert query_text(["ng", "v"]) == "('ng':*) & ('v':*)"
    assert query_text(["12/3"]) == "('12' <-> '3':*)"
    assert query_text(["dong"], public_only=True) == "('dong':*ACD)"  # no identity column
    assert query_text([","]) is None  # nothing to look for: no match, as FTS5


def test_the_words_are_found_through_the_index(db: Database) -> None:
    with db.read() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(
            session.execute(
                text("EXPLAIN SELECT rowid FROM search_fts WHERE doc @@ to_tsquery('simple', :q)"),
                {"q": query_text(["nguyen", "v"])},
            ).scalars()
        )
    assert "ix_search_fts_doc" in plan
