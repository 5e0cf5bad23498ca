"""Drafts: kept, replaced and removed for the account that typed them only; never audited,
stamped or synced; a runaway draft refused whole."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services import drafts
from antt_desktop.services.context import Actor
from antt_desktop.store.models import AuditEntry, Draft, LocalNode
from antt_desktop.sync.tables import synced_tables

OFFICER = Actor("canbo1", "officer")
OTHER = Actor("canbo2", "officer")
EDITOR = "antt_desktop.gui.dossiers.dialogs:AssessmentDialog"


def draft(text: str = "Đang ghi dở", ident: str = "d-1") -> drafts.DraftInput:
    return drafts.DraftInput(
        id=ident,
        editor=EDITOR,
        label="Viết nhận xét, đánh giá — Nguyễn Văn An",
        fields={"content": text, "next_steps": ""},
        opened_with={"dossier_id": "x-1"},
    )


def count(db, entity) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(entity)).scalar_one()


def test_a_draft_is_kept_replaced_and_forgotten(db) -> None:
    drafts.keep(db, OFFICER, draft("một"))
    drafts.keep(db, OFFICER, draft("một hai"))  # the same editor again: replaced
    (row,) = drafts.mine(db, OFFICER)
    assert (row.id, row.editor, row.label) == (
        "d-1",
        EDITOR,
        "Viết nhận xét, đánh giá — Nguyễn Văn An",
    )
    assert row.fields == {"content": "một hai", "next_steps": ""}
    assert row.opened_with == {"dossier_id": "x-1"}
    assert isinstance(row.saved_at, datetime)
    assert drafts.forget(db, OFFICER, "d-1")
    assert drafts.mine(db, OFFICER) == []
    assert not drafts.forget(db, OFFICER, "d-1")


def test_a_draft_is_private_to_its_account(db) -> None:
    drafts.keep(db, OFFICER, draft())
    assert drafts.mine(db, OTHER) == []
    assert not drafts.forget(db, OTHER, "d-1")  # another account cannot remove it
    with pytest.raises(ValidationFailed) as refused:
        drafts.keep(db, OTHER, draft("ghi đè"))  # nor write over it
    assert [p.code for p in refused.value.problems] == ["draft.not_yours"]
    assert [r.fields["content"] for r in drafts.mine(db, OFFICER)] == ["Đang ghi dở"]


def test_a_draft_is_neither_audited_nor_stamped_nor_synced(db) -> None:
    audit = count(db, AuditEntry)
    with db.read() as session:
        clock = session.get(LocalNode, 1)
        assert clock is not None
        before = (clock.seq, clock.counter)
    drafts.keep(db, OFFICER, draft())
    assert count(db, AuditEntry) == audit
    with db.read() as session:
        clock = session.get(LocalNode, 1)
        assert clock is not None and (clock.seq, clock.counter) == before
    assert "drafts" not in {t.name for t in synced_tables()}


def test_a_runaway_draft_is_refused_whole(db) -> None:
    with pytest.raises(ValidationFailed) as refused:
        drafts.keep(db, OFFICER, draft("x" * (drafts.MAX_CHARS + 1)))
    assert [p.code for p in refused.value.problems] == ["draft.too_long"]
    assert count(db, Draft) == 0
