"""No lost update: a save is refused when the record changed after its editor opened, with
who and when in the officer's words; an unchanged record saves as before."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from antt_desktop.i18n.formatting import POST_TIME_ZONE
from antt_desktop.i18n.messages import known_error
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import edit_guard
from antt_desktop.services import households as hh
from antt_desktop.services.context import Actor
from antt_desktop.services.edit_guard import EditedMeanwhile, LastChange
from antt_desktop.services.households import HouseholdInput
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.person_merge import merge_people
from antt_desktop.services.report_narratives import NarrativeInput, narrative_id, save_narrative
from antt_desktop.store.models import Household, User
from tests.conftest import CHIEF, OFFICER

OTHER_DESK = Actor("canbo2", "officer")
VI, EN = Translator("vi"), Translator("en")


@pytest.fixture
def household(write):
    with write(CHIEF) as ctx:  # canbo2 has a name of its own, as accounts do
        ctx.session.add(User(username="canbo2", full_name="Trần Văn Bình", role="officer"))
    with write() as ctx:
        head = add_person(ctx, PersonInput(full_name="Nguyễn Văn An")).person.id
        made = hh.add_household(
            ctx, HouseholdInput(number="12", head_person_id=head, address="Thôn Đông")
        )
        return made.id


def _sentence(exc: EditedMeanwhile, tr: Translator) -> str:
    return known_error(exc.code, exc.params, tr)


def test_a_record_changed_since_it_opened_is_refused_naming_who_and_when(household, read, write):
    with read() as ctx:
        opened = edit_guard.opened(ctx, "household", household)
    with write(OTHER_DESK) as ctx:  # the other desk saves first
        hh.edit_household(ctx, household, {"address": "Thôn Tây", "notes": "Chuyển nhà"})
    before = datetime.now(UTC).replace(microsecond=0)
    with pytest.raises(EditedMeanwhile) as refused, write() as ctx:
        edit_guard.check_unchanged(ctx, [opened])
        hh.edit_household(ctx, household, {"address": "Xóm Mới"})
    change = refused.value.change
    assert (change.kind, change.username, change.full_name) == ("edit", "canbo2", "Trần Văn Bình")
    assert change.fields == ("address", "notes")
    assert change.at is not None and abs((change.at - before).total_seconds()) < 60
    shown = change.at.astimezone(POST_TIME_ZONE)
    assert _sentence(refused.value, VI) == (
        f"bản ghi vừa được Trần Văn Bình (canbo2) sửa lúc {shown:%H:%M} ngày {shown:%d/%m/%Y}"
    )
    assert _sentence(refused.value, EN).startswith("this record was just changed by Trần Văn")
    with read() as ctx:  # nothing of the refused save was written: the other desk's stays
        assert ctx.session.get(Household, household).address == "Thôn Tây"


def test_an_unchanged_record_saves_and_the_next_save_sees_that_change(household, read, write):
    with read() as ctx:
        opened = edit_guard.opened(ctx, "household", household)
    with write() as ctx:
        edit_guard.check_unchanged(ctx, [opened])
        hh.edit_household(ctx, household, {"address": "Xóm Mới"})
    with read() as ctx:
        assert ctx.session.get(Household, household).address == "Xóm Mới"
    with pytest.raises(EditedMeanwhile) as refused, write() as ctx:  # a second editor of then
        edit_guard.check_unchanged(ctx, [opened])
    assert refused.value.change.username == OFFICER.username
    assert refused.value.change.fields == ("address",)


def test_a_view_or_a_print_of_the_record_is_not_a_change(household, read, write):
    with read() as ctx:
        opened = edit_guard.opened(ctx, "household", household)
    with write(OTHER_DESK) as ctx:
        ctx.audit("view", "household", household, ["address"])
        ctx.audit("print", "household", household)
    with write() as ctx:
        edit_guard.check_unchanged(ctx, [opened, None])  # None: a new record, nothing to guard


def test_a_person_merged_away_meanwhile_names_the_merge(write, read):
    with write() as ctx:
        kept = add_person(ctx, PersonInput(full_name="Lê Văn Cường", born="1990")).person.id
        twin = add_person(ctx, PersonInput(full_name="Lê Văn Cường", born="1990")).person.id
    with read() as ctx:
        opened = edit_guard.opened(ctx, "person", twin)
    with write(CHIEF) as ctx:
        merge_people(ctx, kept, twin)
    with pytest.raises(EditedMeanwhile) as refused, write() as ctx:
        edit_guard.check_unchanged(ctx, [opened])
    change = refused.value.change
    assert (change.kind, change.deleted, change.username) == ("merge", True, CHIEF.username)
    assert _sentence(refused.value, VI).startswith(
        f"bản ghi vừa được {CHIEF.username} gộp vào một bản ghi khác lúc "
    )


def test_a_narrative_first_written_by_another_desk_meanwhile_is_refused(write, read):
    with read() as ctx:  # nobody has written the quarter's texts yet
        opened = edit_guard.opened(ctx, "report_narrative", narrative_id(ctx, "2026-Q3"))
    assert opened is not None and opened.seq is None
    with write(OTHER_DESK) as ctx:
        save_narrative(ctx, "2026-Q3", NarrativeInput(situation="Ổn định."))
    with pytest.raises(EditedMeanwhile) as refused, write() as ctx:
        edit_guard.check_unchanged(ctx, [opened])
        save_narrative(ctx, "2026-Q3", NarrativeInput(situation="Phức tạp."))
    assert refused.value.change.username == "canbo2"
    with read() as ctx:
        row = ctx.session.execute(select(edit_guard.ENTITIES["report_narrative"])).scalar_one()
        assert row.situation == "Ổn định."


def test_a_change_from_a_bundle_or_from_outside_the_program_reads_as_such():
    at = datetime(2026, 12, 6, 7, 5, tzinfo=UTC)  # 14:05 at the post
    synced = LastChange(
        "household", "h1", "sync", at, full_name="Phạm Thị Dung", username="canbo3",
        unit_name="Công an huyện Yên Lạc",
    )  # fmt: skip
    assert _sentence(EditedMeanwhile(synced), VI) == (
        "bản ghi vừa được cập nhật từ gói đồng bộ của Công an huyện Yên Lạc"
        " (Phạm Thị Dung (canbo3) nhập) lúc 14:05 ngày 06/12/2026"
    )
    unknown = EditedMeanwhile(LastChange("household", "h1", "unknown", at))
    assert _sentence(unknown, VI) == "bản ghi vừa được sửa ở nơi khác lúc 14:05 ngày 06/12/2026"
    gone = EditedMeanwhile(LastChange("household", "h1", "unknown", at, deleted=True))
    assert _sentence(gone, EN) == "this record was just deleted elsewhere at 14:05 on 06/12/2026"


def test_a_kind_of_record_no_editor_guards_is_a_bug_named_at_once(read):
    with pytest.raises(ValueError, match="audit_entry"), read() as ctx:
        edit_guard.opened(ctx, "audit_entry", "1")
