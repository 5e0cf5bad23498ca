"""Drafts do not outlive what they were about: a purge takes every account's drafts of the
purged dossier and person; disabling an account takes its drafts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from antt_desktop.security.login import login
from antt_desktop.services import accounts, drafts, purge
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.database import Database
from tests.conftest import CHIEF, OFFICER, TEST_KDF, TEST_PASSWORD, make_post
from tests.privacy.test_purge import closed_dossier


def _draft(db: Database, actor: Actor, ident: str, **opened_with: str) -> None:
    draft = drafts.DraftInput(
        ident,
        "antt_desktop.gui.dossiers.dialogs:AssessmentDialog",
        f"Viết nhận xét — {ident}",
        {"content": "Chấp hành tốt nội quy, còn đi muộn buổi sinh hoạt"},
        dict(opened_with),
    )
    drafts.keep(db, actor, draft)


def test_a_purge_takes_the_drafts_of_the_purged_dossier_and_person(
    db: Database, write: Any
) -> None:
    due = closed_dossier(write, "Hà Văn Lợi", "DRUG_USER", "05/01/2021", "10/01/2022")
    other = closed_dossier(write, "Lò Văn Sáng", "DRUG_USER", "05/01/2025", "10/01/2026")
    _draft(db, OFFICER, "of-the-dossier", dossier_id=due["dossier"])
    _draft(db, CHIEF, "of-the-person", person_id=due["person"])
    _draft(db, OFFICER, "of-another", dossier_id=other["dossier"])

    with write(CHIEF) as ctx:
        purge.purge(ctx, [due["dossier"]], confirm=True)

    assert [d.id for d in drafts.mine(db, OFFICER)] == ["of-another"]
    assert drafts.mine(db, CHIEF) == []


def test_disabling_an_account_takes_its_drafts(tmp_path: Path) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path, chief="admin")
    post = login(path, "admin", TEST_PASSWORD, kdf=TEST_KDF)
    officer = Actor("canbo1", "officer")
    try:
        with post.db.write() as s:
            ctx = Ctx(s, post.actor, date.today())
            accounts.add_account(
                ctx, post.keys, username="canbo1", role="officer", password="mat-khau-moi-2026"
            )
        _draft(post.db, officer, "typed-by-canbo1", dossier_id="x")
        _draft(post.db, post.actor, "typed-by-admin", dossier_id="x")

        with post.db.write() as s:
            accounts.disable_account(Ctx(s, post.actor, date.today()), post.keys, username="canbo1")

        assert drafts.mine(post.db, officer) == []
        assert [d.id for d in drafts.mine(post.db, post.actor)] == ["typed-by-admin"]
    finally:
        post.close()
