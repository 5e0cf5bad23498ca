"""The window shows what the account's role may see: the residents list masks the ID number
for everyone and finds nobody by ID number for a viewer; the dossier window and the resident
editor show it in full only to a role that may read sensitive data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.people.model import PeopleModel
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.store.database import Database
from tests.privacy.conftest import ID_NUMBER, MASKED


def _app(db: Database, role: str) -> AppContext:
    return AppContext(
        db, Actor("someone", role), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


def _load(qtbot: Any, model: PeopleModel, search: str = "") -> list[str]:
    model.search_text = search
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return [model.index(r, PeopleModel.COL_ID).data() for r in range(model.rowCount())]


@pytest.mark.parametrize("role", ["officer", "chief", "viewer", "admin"])
def test_the_residents_list_masks_the_id_number(
    qtbot: Any, db: Database, sensitive_person: dict[str, str], role: str
) -> None:
    model = PeopleModel(_app(db, role))
    assert _load(qtbot, model) == [MASKED]


def test_a_viewer_types_an_id_number_and_finds_nobody(
    qtbot: Any, db: Database, sensitive_person: dict[str, str]
) -> None:
    assert _load(qtbot, PeopleModel(_app(db, "viewer")), ID_NUMBER) == []
    assert _load(qtbot, PeopleModel(_app(db, "viewer")), "ng v duc") == [MASKED]
    assert _load(qtbot, PeopleModel(_app(db, "officer")), ID_NUMBER) == [MASKED]


@pytest.mark.parametrize(("role", "shown"), [("officer", ID_NUMBER), ("viewer", MASKED)])
def test_the_dossier_window_shows_the_number_in_full_only_to_officers(
    qtbot: Any, db: Database, sensitive_person: dict[str, str], role: str, shown: str
) -> None:
    view = DossierView(_app(db, role), sensitive_person["dossier"])
    qtbot.addWidget(view)
    assert view.info_values["id_number"].text() == shown


def test_the_resident_window_withholds_sensitive_fields_from_a_viewer(
    qtbot: Any, db: Database, sensitive_person: dict[str, str]
) -> None:
    editor = PersonEditor(_app(db, "viewer"), sensitive_person["person"])
    qtbot.addWidget(editor)
    assert editor.ui.full_name.text() == "Nguyễn Văn Đức"
    assert editor.ui.id_number.text() == MASKED and not editor.ui.id_number.isEnabled()
    assert editor.ui.legacy_id.text() == ""
    assert editor.ui.ethnic_code.currentData() is None
    assert editor.ui.religion_code.currentData() is None
    assert not editor.save_button.isEnabled()
    officer = PersonEditor(_app(db, "officer"), sensitive_person["person"])
    qtbot.addWidget(officer)
    assert officer.ui.id_number.text() == ID_NUMBER
    assert officer.ui.ethnic_code.currentData() == sensitive_person["ethnic"]


def test_the_dossier_window_withholds_risk_notes_and_violations_from_a_viewer(
    qtbot: Any, db: Database, write: Any, sensitive_person: dict[str, str]
) -> None:
    from antt_desktop.services.dossier_records import ViolationInput, add_violation
    from antt_desktop.services.dossiers import edit_dossier

    with write() as ctx:
        edit_dossier(ctx, sensitive_person["dossier"], {"risk_notes": "Hay tụ tập ở bến xe"})
        add_violation(
            ctx,
            ViolationInput(
                sensitive_person["person"],
                sensitive_person["dossier"],
                occurred_on="10/10/2026",
                kind="administrative",
                description="Đánh bạc tại nhà riêng",
            ),
        )
    viewer = DossierView(_app(db, "viewer"), sensitive_person["dossier"])
    qtbot.addWidget(viewer)
    assert viewer.info_values["risk_notes"].text() == "(không hiển thị)"
    table = viewer.records["violations"]
    assert table.item(0, 2).text() == "(không hiển thị)"
    assert "risk_notes" not in viewer.shown
    officer = DossierView(_app(db, "officer"), sensitive_person["dossier"])
    qtbot.addWidget(officer)
    assert officer.info_values["risk_notes"].text() == "Hay tụ tập ở bến xe"
    assert officer.records["violations"].item(0, 2).text() == "Đánh bạc tại nhà riêng"
