"""A power cut mid-assessment: the real program (``antt_desktop.gui.app.main``, the GUI entry
of ``antt-desktop``) runs in a child process on a prepared post, logs in, opens a dossier and
types an assessment; once the draft is in the database it is killed (SIGKILL, no chance to
clean up). The next login of the same account offers the text back, and Khôi phục opens the
assessment editor of that dossier with it.

Run as a script (``python tests/gui/test_drafts_crash.py DATA_DIR DOSSIER_ID``) this file
is the child: it plays the officer in the program's own event loop.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Mất điện giữa chừng: chấp hành tốt, đang ghi dở nhận xét."
LABEL = "Viết nhận xét, đánh giá — Nguyễn Văn An"
TODAY = "2026-11-22"


# --- the child: the program, with a script playing the officer ---------------------------------


def _child(data_dir: str, dossier_id: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from antt_desktop.gui.app import main
    from antt_desktop.gui.common.login_dialog import LoginDialog
    from antt_desktop.gui.common.records_editor import RecordDialog
    from antt_desktop.gui.main_window import MainWindow
    from tests.conftest import TEST_KDF, TEST_PASSWORD

    RecordDialog.draft_interval_ms = 200  # the keeper's timer, shortened for the test

    def officer() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, LoginDialog) and widget.isVisible():
            widget.ui.userEdit.setText("admin")
            widget.ui.passwordEdit.setText(TEST_PASSWORD)
            widget.try_login()
        shown = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(20, officer)
            return
        view = shown[0].show_page("dossiers").open_dossier(dossier_id)  # type: ignore[attr-defined]
        writer = view.write_assessment()
        writer.ui.content.setFocus()
        writer.ui.content.insertPlainText(TEXT)  # typed: the keeper's timer does the rest
        print("typed", flush=True)

    QTimer.singleShot(0, officer)
    return main(["--data-dir", data_dir, "--today", TODAY], kdf=TEST_KDF)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(_child(sys.argv[1], sys.argv[2]))


# --- the test ------------------------------------------------------------------------------------


def _kept_drafts(db_path: Path) -> list[tuple[str, str]]:
    """(account, stored texts) of every draft, read beside the running program with the
    database key alone: the texts are sealed under the fields key (what the next login of
    the account opens is checked after the power cut)."""
    from tests.conftest import connect_unlocked

    conn = connect_unlocked(db_path)
    try:
        rows = conn.execute("SELECT account, fields FROM drafts").fetchall()
    finally:
        conn.close()
    return [(account, fields) for account, fields in rows]


@pytest.mark.slow
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_power_cut_mid_assessment_loses_nothing(qapp, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from antt_desktop.gui.app import main as app_main
    from antt_desktop.gui.common.drafts_offer import DraftsOffer
    from antt_desktop.gui.common.login_dialog import LoginDialog
    from antt_desktop.gui.dossiers.dialogs import AssessmentDialog
    from antt_desktop.gui.main_window import MainWindow
    from antt_desktop.services.context import Ctx
    from antt_desktop.services.dossiers import DossierInput, open_dossier
    from antt_desktop.services.people import PersonInput, add_person
    from antt_desktop.store.files import DB_FILENAME
    from tests.conftest import CHIEF, TEST_KDF, TEST_PASSWORD, make_post, open_post

    data = tmp_path / "data"
    data.mkdir()
    db_path = data / DB_FILENAME
    make_post(db_path)
    db = open_post(db_path)
    try:
        with db.write() as session:
            from datetime import date

            ctx = Ctx(session, CHIEF, date.fromisoformat(TODAY))
            pid = add_person(ctx, PersonInput(full_name="Nguyễn Văn An", born="1990")).person.id
            dossier_id = open_dossier(
                ctx, DossierInput(person_id=pid, category_code="SUSPENDED", opened_on="01/09/2026")
            ).id
    finally:
        db.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, __file__, str(data), dossier_id],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not _kept_drafts(db_path):  # polled: the draft is written every 200 ms
            assert time.monotonic() < deadline, "no draft was kept within a minute"
            try:
                child.wait(timeout=0.1)  # the child died: say why
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(child.stderr.read().decode() if child.stderr else "child died")
        [(account, stored)] = _kept_drafts(db_path)
        assert account == "admin" and "antt-sealed" in stored
        assert TEXT.split()[0] not in stored  # nothing readable without the fields key
    finally:
        child.send_signal(signal.SIGKILL)  # the power cut
        child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL

    # the next login of the same account: the draft is offered, and restored
    seen: dict[str, object] = {}
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda *_: loop.exec())

    def officer() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, LoginDialog) and widget.isVisible():
            widget.ui.userEdit.setText("admin")
            widget.ui.passwordEdit.setText(TEST_PASSWORD)
            widget.try_login()
        offers = [w for w in QApplication.topLevelWidgets() if isinstance(w, DraftsOffer)]
        offers += [
            w
            for m in QApplication.topLevelWidgets()
            if isinstance(m, MainWindow)
            for w in m.findChildren(DraftsOffer)
        ]
        shown = [o for o in offers if o.isVisible()]
        if not shown:
            QTimer.singleShot(20, officer)
            return
        try:
            offer = shown[0]
            (row,) = offer.rows.values()
            seen["label"] = row.label
            editor = offer.restore(row.id)
            if isinstance(editor, AssessmentDialog):
                seen["dossier"] = editor.dossier_id
                seen["text"] = editor.ui.content.toPlainText()
                editor.discard_changes()
        finally:
            loop.quit()

    QTimer.singleShot(0, officer)
    code = app_main(["--data-dir", str(data), "--today", TODAY], kdf=TEST_KDF)
    assert code == 0
    assert seen == {"label": LABEL, "dossier": dossier_id, "text": TEXT}
    assert _kept_drafts(db_path) == []  # discarded in the restored editor: gone
