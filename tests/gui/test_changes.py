"""The change bus: every write made in the window announces the rows it wrote, so each
view reloads only when a kind of record it shows was touched."""

from __future__ import annotations

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.services.changes import Kind
from antt_desktop.services.people import PersonInput, add_person


def test_a_write_in_the_window_announces_the_rows_it_wrote(qtbot, app_ctx: AppContext) -> None:
    with qtbot.waitSignal(app_ctx.changes.changed) as heard, app_ctx.write() as ctx:
        made = add_person(ctx, PersonInput(full_name="Lê Văn Tám"))

    changes = heard.args[0]
    assert changes.ids(Kind.PERSON) == {made.person.id}
    assert changes.touches(Kind.AUDIT)  # its audit entry, written in the same transaction
    assert not changes.touches(Kind.HOUSEHOLD, Kind.DOSSIER, Kind.TEAM)


def test_a_refused_write_announces_nothing(qtbot, app_ctx: AppContext) -> None:
    with (
        qtbot.assertNotEmitted(app_ctx.changes.changed),
        pytest.raises(ValidationFailed),
        app_ctx.write() as ctx,
    ):
        add_person(ctx, PersonInput(full_name=""))
