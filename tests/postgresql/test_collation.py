"""A post on a server database made with a language collation (ICU ``vi-VN``, as a DBA may
make it): the residents list is still in the program's Vietnamese order — the sort keys
compare byte by byte, as on SQLite — and a database made before revision 0032 is brought
to byte order by it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from antt_desktop.domain.text import sort_key
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.people_rows import PeopleFilter, first_people_ids, people_rows
from antt_desktop.services.server_post import create_server_post
from antt_desktop.store.postgresql_schema import compare_bytes
from tests.conftest import TEST_KDF, TEST_PASSWORD
from tests.postgresql import server

OFFICER = Actor("canbo1", "officer")
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Ánh",
    "Lê Văn Anh",
    "Phạm Thị Yến",
    "Đỗ Văn Bình",
    "Hoàng Thị Ưng",
    "Vũ Văn Ân",
    "Bùi Thị Xuân",
    "Đặng Văn Đức",
    "Ngô Thị Út",
]


@pytest.fixture
def icu_url(postgresql_server: str) -> Iterator[str]:
    """An empty database made with ICU's Vietnamese collation as its default."""
    name = f"antt_vi_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        conn.execute(
            f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'"  # type: ignore[arg-type]
            " LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8'"
        )
    url = server.database_url(postgresql_server, name)
    yield url
    server.drop_database(postgresql_server, url)


def test_the_residents_list_keeps_the_vietnamese_order_on_a_language_collation(
    icu_url: str, tmp_path: Path
) -> None:
    post = create_server_post(
        icu_url,
        password=TEST_PASSWORD,
        kdf=TEST_KDF,
        local_dir=tmp_path / "desk",
        unit_code="05611",
        unit_name="Công an xã Phú Lương",
        upper_code="CAT-TN",
        upper_name="Công an tỉnh Thái Nguyên",
        admin="truongcong",
    )
    db = post.db
    try:
        with db.write() as session:
            ctx = Ctx(session, OFFICER, date(2026, 11, 22))
            for name in NAMES:
                add_person(ctx, PersonInput(full_name=name))
        with db.read() as session:
            # the database's own collation would put these keys in another order
            by_language = session.execute(
                text('SELECT full_name FROM persons ORDER BY sort_key COLLATE "default"')
            ).scalars()
            assert list(by_language) != sorted(NAMES, key=sort_key)
            ctx = Ctx(session, OFFICER, date(2026, 11, 22))
            ids = first_people_ids(ctx, PeopleFilter(), 50)
            names = {row.id: row.full_name for row in people_rows(ctx, ids)}
            listed = [names[i] for i in ids]
            lax = session.execute(
                text(
                    "SELECT count(*) FROM information_schema.columns"
                    " WHERE table_schema = current_schema()"
                    " AND data_type IN ('character varying', 'text')"
                    " AND collation_name IS DISTINCT FROM 'C'"
                )
            ).scalar_one()
        assert listed == sorted(NAMES, key=sort_key)
        assert listed[:4] == ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Anh", "Vũ Văn Ân"]
        assert lax == 0  # every text column of every table compares bytes
    finally:
        post.close()


def test_revision_0032_brings_columns_made_before_it_to_byte_order(
    icu_url: str, tmp_path: Path
) -> None:
    with psycopg.connect(icu_url, autocommit=True) as conn:
        conn.execute(
            'CREATE TABLE persons (id VARCHAR COLLATE "C" PRIMARY KEY, sort_key VARCHAR,'
            " notes TEXT, born DATE)"
        )
        conn.execute("CREATE INDEX ix_persons_sort ON persons (sort_key)")
        conn.execute("INSERT INTO persons VALUES ('1', 'a~', NULL, NULL), ('2', 'a0', NULL, NULL)")
    from sqlalchemy import create_engine

    engine = create_engine(icu_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        assert compare_bytes(conn) == {"persons": ["sort_key", "notes"]}
    with engine.begin() as conn:
        assert compare_bytes(conn) == {}  # once is enough
        order = conn.execute(text("SELECT id FROM persons ORDER BY sort_key")).scalars()
        assert list(order) == ["2", "1"]  # "0" (0x30) before "~" (0x7E), as SQLite
    engine.dispose()
