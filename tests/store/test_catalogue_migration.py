"""Revision 0025: a post made before it gets the shipped legal bases naming the laws in force
from 1 July 2026 — but only for the entries it (or its upper unit) did not edit — and entries
whose text still says "cần kiểm tra" are marked to be checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from antt_desktop.store.database import alembic_config, open_database

OLD = {
    "SUSPENDED": "Luật Thi hành án hình sự 2019; Luật 127/2025/QH15 từ 01/7/2026 (cần kiểm tra)",
    "DRUG_USER": "Luật Phòng, chống ma túy 2021 điều 23; Nghị định 105/2021/NĐ-CP (cần kiểm tra)",
    "PAROLE": "Luật Thi hành án hình sự 2019 (cần kiểm tra)",
}
EDITED = "Luật Thi hành án hình sự 2019; Công văn 12/CAT (cần kiểm tra)"


def _old_post(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0019")
    engine.dispose()
    conn = sqlite3.connect(path)
    for n, (code, text) in enumerate({**OLD, "PAROLE": EDITED}.items()):
        conn.execute(
            "INSERT INTO dossier_categories (id, owner_node, version_vector, created_stamp,"
            " field_stamps, hlc, local_seq, deleted, code, name_vi, name_en, legal_basis,"
            " cadence, due_day, ratings, uses_classification, position, retention_years)"
            " VALUES (?, 'n', '{}', '[]', '{}', 0, 0, 0, ?, ?, ?, ?, 'monthly', 5, '[]', 0, ?, 5)",
            (f"id{n}", code, code, code, text, n),
        )
    conn.commit()
    conn.close()


def test_unedited_legal_bases_are_updated_and_edited_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_post(path)
    open_database(path).close()  # upgrades to the head
    conn = sqlite3.connect(path)
    rows = dict(
        (code, (basis, to_check))
        for code, basis, to_check in conn.execute(
            "SELECT code, legal_basis, to_check FROM dossier_categories"
        )
    )
    conn.close()
    assert rows["SUSPENDED"] == (
        "Luật Thi hành án hình sự số 127/2025/QH15 (hiệu lực từ 01/7/2026)",
        0,
    )
    assert rows["DRUG_USER"][0] == (
        "Luật Phòng, chống ma túy số 120/2025/QH15 (hiệu lực từ 01/7/2026)"
    )
    assert rows["PAROLE"] == (EDITED, 1)  # edited at the post: kept, and still to be checked
