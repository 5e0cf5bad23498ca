"""Nothing typed is lost: closing the window or quitting with an editor open asks once,
naming each unsaved record (Quay lại keeps everything, Không lưu closes, Lưu tất cả saves);
the lock covers at once and keeps the texts; the long texts are kept as drafts every few
seconds; the next login offers them back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from antt_desktop.gui.common.drafts_offer import DraftsOffer
from antt_desktop.gui.common.idle_lock import LockCover
from antt_desktop.gui.common.leaving import LeaveQuestion
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.dossiers.dialogs import AssessmentDialog, CommitmentDialog
from antt_desktop.gui.dossiers.page import DossiersPage
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.services import drafts
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Assessment, AuditEntry, Draft
from antt_desktop.store.sealed_json import open_draft

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
SHOTS = os.environ.get("ANTT_SCREENSHOTS")
TEXT = "Chấp hành tốt, đang ghi dở nhận xét tháng 9."


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Vietnamese letters too (QTest only types ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def dossier_id(write) -> str:
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Nguyễn Văn An", born="1990")).person.id
        data = DossierInput(person_id=pid, category_code="SUSPENDED", opened_on="01/09/2026")
        return open_dossier(ctx, data).id


def dossier_window(qtbot: QtBot, window: MainWindow, dossier_id: str) -> DossierView:
    page = window.show_page("dossiers")
    assert isinstance(page, DossiersPage)
    view = page.open_dossier(dossier_id)
    qtbot.waitExposed(view)
    return view


def assessing(
    qtbot: QtBot, window: MainWindow, dossier_id: str, text: str = TEXT
) -> AssessmentDialog:
    """The officer opens the dossier, clicks "Viết nhận xét" and types ``text``."""
    view = dossier_window(qtbot, window, dossier_id)
    writer = view.write_assessment()
    assert isinstance(writer, AssessmentDialog)
    qtbot.waitExposed(writer)
    if text:
        writer.ui.rating.setCurrentIndex(writer.ui.rating.findData("Chấp hành tốt"))
        type_text(writer.ui.content, text)
    return writer


def question(qtbot: QtBot, window: MainWindow) -> LeaveQuestion:
    qtbot.waitUntil(lambda: window.leave_question is not None)
    box = window.leave_question
    assert box is not None and box.isVisible()
    return box


def rows(db, entity) -> int:
    with db.read() as session:
        return session.execute(select(func.count()).select_from(entity)).scalar_one()


def kept(db) -> list[Draft]:
    """The drafts kept, their texts opened with the login's fields key (stored sealed)."""
    with db.read() as session:
        found = list(session.scalars(select(Draft)))
    for draft in found:
        assert TEXT not in str(draft.fields)  # sealed: nothing readable with the file key
        draft.fields = open_draft(db.fields, draft.id, draft.fields)
    return found


def test_closing_the_window_asks_once_and_go_back_keeps_everything(
    qtbot, main_window, dossier_id, tmp_path
) -> None:
    writer = assessing(qtbot, main_window, dossier_id)
    commitment = CommitmentDialog(main_window.app, dossier_id, writer.parentWidget())
    commitment.show()
    type_text(commitment.widgets["text"], "Cam kết không tái phạm")
    untouched = CommitmentDialog(main_window.app, dossier_id, writer.parentWidget())
    untouched.show()  # open, nothing typed: not asked about

    main_window.close()
    box = question(qtbot, main_window)
    assert box.text() == "Lưu thay đổi trước khi đóng?"
    assert sorted(box.labels()) == [  # each unsaved record named; the untouched one is not
        "Ghi nhận bản cam kết — Hồ sơ: Nguyễn Văn An",
        "Viết nhận xét, đánh giá — Nguyễn Văn An",
    ]
    assert "• Viết nhận xét, đánh giá — Nguyễn Văn An" in box.informativeText()
    buttons = (box.save_all, box.dont_save, box.go_back)
    assert [b.text() for b in buttons] == ["&Lưu tất cả", "&Không lưu", "&Quay lại"]
    assert box.defaultButton() is box.go_back
    shots = Path(SHOTS) if SHOTS else tmp_path
    assert box.grab().save(str(shots / "drafts-leave-question.png"))

    main_window.close()  # asked again while the question is up: the same one, once
    assert len(main_window.findChildren(LeaveQuestion)) == 1

    box.go_back.click()
    assert main_window.isVisible() and writer.isVisible() and commitment.isVisible()
    assert writer.ui.content.toPlainText() == TEXT
    assert commitment.widgets["text"].toPlainText() == "Cam kết không tái phạm"
    assert main_window.leave_question is None
    assert rows(main_window.app.db, Assessment) == 0
    commitment.discard_changes()
    untouched.discard_changes()
    writer.discard_changes()


def test_dont_save_closes_everything_and_leaves_nothing(qtbot, main_window, dossier_id) -> None:
    writer = assessing(qtbot, main_window, dossier_id)
    writer.keep_draft()
    assert len(kept(main_window.app.db)) == 1

    main_window.close()
    question(qtbot, main_window).dont_save.click()

    assert not main_window.isVisible() and not writer.isVisible()
    assert rows(main_window.app.db, Assessment) == 0
    assert kept(main_window.app.db) == []  # deliberately discarded: no draft offered later


def test_save_all_saves_then_closes(qtbot, main_window, dossier_id) -> None:
    writer = assessing(qtbot, main_window, dossier_id)
    writer.keep_draft()

    main_window.close()
    question(qtbot, main_window).save_all.click()

    assert not main_window.isVisible()
    with main_window.app.db.read() as session:
        assert session.scalars(select(Assessment.content)).all() == [TEXT]
    assert kept(main_window.app.db) == []


def test_save_all_keeps_the_window_when_an_editor_is_refused(
    qtbot, main_window, dossier_id
) -> None:
    writer = assessing(qtbot, main_window, dossier_id, text="")
    type_text(writer.ui.next_steps, "Gặp gia đình tuần sau")  # but no assessment text

    main_window.close()
    question(qtbot, main_window).save_all.click()

    assert main_window.isVisible() and writer.isVisible()
    assert writer.field_problem("content") == "✖ không được để trống"
    told = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.parent() is writer]
    assert any("Chưa lưu được" in getattr(w, "text", lambda: "")() for w in told)
    assert rows(main_window.app.db, Assessment) == 0
    writer.discard_changes()


def test_editors_without_changes_do_not_count(qtbot, main_window, dossier_id) -> None:
    writer = assessing(qtbot, main_window, dossier_id, text="")
    main_window.close()
    assert main_window.leave_question is None
    assert not main_window.isVisible() and not writer.isVisible()


def test_ctrl_q_asks_the_same_question(qtbot, main_window, dossier_id) -> None:
    writer = assessing(qtbot, main_window, dossier_id)
    quit_action = next(a for a in main_window.actions() if a.data() == "&Quit")
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    quit_action.trigger()
    box = question(qtbot, main_window)
    box.go_back.click()
    assert main_window.isVisible() and writer.ui.content.toPlainText() == TEXT
    writer.discard_changes()


def test_the_lock_covers_at_once_and_keeps_the_texts(qtbot, main_window, dossier_id) -> None:
    writer = assessing(qtbot, main_window, dossier_id)
    with qtbot.waitSignal(main_window.idle_lock.locked):
        main_window.lock_session()
    assert main_window.leave_question is None  # the officer may have walked away: no question
    assert {c.parentWidget() for c in writer.findChildren(LockCover)} == {writer}
    (draft,) = kept(main_window.app.db)
    assert draft.fields["content"] == TEXT and draft.account == "canbo1"
    assert writer.isVisible() and writer.ui.content.toPlainText() == TEXT
    writer.discard_changes()


def test_the_texts_are_kept_every_few_seconds_only_when_changed(
    qtbot, main_window, dossier_id, monkeypatch
) -> None:
    monkeypatch.setattr(RecordDialog, "draft_interval_ms", 20)  # the timer itself, shortened
    announced: list[object] = []
    main_window.app.changes.changed.connect(announced.append)
    writer = assessing(qtbot, main_window, dossier_id, text="")
    audit_before = rows(main_window.app.db, AuditEntry)  # after the dossier's view is logged
    assert writer.drafts is not None and writer.drafts.timer.interval() == 20
    writer.drafts.timer.timeout.emit()
    assert kept(main_window.app.db) == []  # nothing typed yet: nothing kept

    type_text(writer.ui.content, TEXT)
    qtbot.waitUntil(lambda: len(kept(main_window.app.db)) == 1)
    (draft,) = kept(main_window.app.db)
    assert draft.label == "Viết nhận xét, đánh giá — Nguyễn Văn An"
    assert draft.fields == {"content": TEXT, "next_steps": ""}
    assert draft.opened_with == {"dossier_id": dossier_id, "period": "2026-09"}
    assert draft.editor == "antt_desktop.gui.dossiers.dialogs:AssessmentDialog"
    assert not writer.drafts.keep_now()  # unchanged since: not written again

    assert rows(main_window.app.db, AuditEntry) == audit_before  # not a record change
    assert announced == []  # and no view is told of it

    writer.ui.rating.setCurrentIndex(writer.ui.rating.findData("Chấp hành tốt"))
    writer.try_save()
    assert not writer.isVisible()
    assert kept(main_window.app.db) == []  # saved: the draft goes


def test_cancel_and_discard_removes_the_draft(qtbot, main_window, dossier_id, monkeypatch) -> None:
    from antt_desktop.gui.common import form_support
    from antt_desktop.gui.common.form_support import Answer

    writer = assessing(qtbot, main_window, dossier_id)
    assert writer.keep_draft()
    monkeypatch.setattr(form_support, "ask_save_changes", lambda *_a: Answer.DISCARD)
    writer.reject()
    assert not writer.isVisible()
    assert kept(main_window.app.db) == []


def test_the_next_login_offers_the_draft_back(qtbot, main_window, dossier_id, tmp_path) -> None:
    app = main_window.app
    drafts.keep(
        app.db,
        app.actor,
        drafts.DraftInput(
            id="5d9a2d7e-0000-4000-8000-000000000001",
            editor="antt_desktop.gui.dossiers.dialogs:AssessmentDialog",
            label="Viết nhận xét, đánh giá — Nguyễn Văn An",
            fields={"content": TEXT, "next_steps": "Gặp gia đình"},
            opened_with={"dossier_id": dossier_id, "replacing": None, "period": None},
        ),
    )
    offer = main_window.offer_drafts()
    assert isinstance(offer, DraftsOffer) and offer.isVisible()
    assert offer.windowTitle() == "Bản nháp chưa lưu từ lần trước"
    labels = [w.text() for w in offer.findChildren(type(offer.notes[next(iter(offer.notes))]))]
    assert any("Viết nhận xét, đánh giá — Nguyễn Văn An" in t for t in labels)
    shots = Path(SHOTS) if SHOTS else tmp_path
    assert offer.grab().save(str(shots / "drafts-offer.png"))

    editor = offer.restore("5d9a2d7e-0000-4000-8000-000000000001")
    assert isinstance(editor, AssessmentDialog) and editor.isVisible()
    assert editor.dossier_id == dossier_id
    assert editor.ui.content.toPlainText() == TEXT
    assert editor.ui.next_steps.toPlainText() == "Gặp gia đình"
    assert editor.is_dirty()
    qtbot.waitUntil(lambda: not offer.isVisible())  # nothing left to decide

    editor.ui.rating.setCurrentIndex(editor.ui.rating.findData("Chấp hành tốt"))
    editor.try_save()
    assert not editor.isVisible()
    assert kept(app.db) == []
    with app.db.read() as session:
        assert session.scalars(select(Assessment.content)).all() == [TEXT]


def test_a_draft_whose_record_is_gone_can_be_copied_then_discarded(qtbot, main_window) -> None:
    app = main_window.app
    draft_id = "5d9a2d7e-0000-4000-8000-000000000002"
    drafts.keep(
        app.db,
        app.actor,
        drafts.DraftInput(
            id=draft_id,
            editor="antt_desktop.gui.dossiers.dialogs:AssessmentDialog",
            label="Viết nhận xét, đánh giá — Trần Văn B",
            fields={"content": TEXT, "next_steps": ""},
            opened_with={"dossier_id": "no-such-dossier", "replacing": None, "period": None},
        ),
    )
    offer = main_window.offer_drafts()
    assert offer is not None
    assert offer.restore(draft_id) is None
    assert "Không còn mở được hồ sơ này" in offer.notes[draft_id].text()
    copy: QPushButton = offer.buttons[draft_id]["copy"]
    assert copy.isVisible()
    copy.click()
    assert QApplication.clipboard().text() == TEXT
    offer.buttons[draft_id]["discard"].click()
    assert kept(app.db) == []
    qtbot.waitUntil(lambda: not offer.isVisible())


def test_no_drafts_no_offer(main_window) -> None:
    assert main_window.offer_drafts() is None


def test_a_record_is_named_by_what_the_officer_typed(qtbot, main_window) -> None:
    from antt_desktop.gui.households.dialog import HouseholdDialog

    dialog = HouseholdDialog(main_window.app, parent=main_window)
    dialog.show()
    qtbot.keyClicks(dialog.ui.numberEdit, "12A")
    dialog.ui.notesEdit.setPlainText("Chủ hộ đi làm xa")
    main_window.close()
    box = question(qtbot, main_window)
    assert box.labels() == ["Thêm hộ gia đình — 12A"]
    box.dont_save.click()
    assert not dialog.isVisible()


def test_closing_while_locked_keeps_the_texts_and_asks_nothing(
    qtbot, main_window, dossier_id
) -> None:
    writer = assessing(qtbot, main_window, dossier_id)
    with qtbot.waitSignal(main_window.idle_lock.locked):
        main_window.lock_session()
    type_text(writer.ui.content, " Thêm")  # typed just before the lock took the keyboard
    main_window.close()
    assert main_window.isVisible() and main_window.leave_question is None  # no names shown
    (draft,) = kept(main_window.app.db)
    assert draft.fields["content"] == TEXT + " Thêm"
    writer.discard_changes()
