"""Control characters, bidi marks and oversized notes are refused by every service, with a
Vietnamese message naming the field, and nothing is written."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from typing import Any

import pytest
from sqlalchemy import String

from antt_desktop import services
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import households as hh
from antt_desktop.services.dossier_records import AssessmentInput, assess
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person, check_add_person, edit_person
from antt_desktop.store.base import Base, Synced
from antt_desktop.store.models import Assessment, Person
from antt_desktop.store.text_guard import row_problems, text_columns

VI = Translator("vi")
PERSON_TEXT_FIELDS = [
    f.name
    for f in dataclasses.fields(PersonInput)
    if f.name not in ("born", "sex", "id_number", "legacy_id", "phone")
    and not f.name.endswith(("_id", "_code"))
]


def _refused(write: Any, call: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught, write() as ctx:
        call(ctx)
    return [(p.field, p.code) for p in caught.value.problems]


def test_a_terminal_escape_in_a_name_is_refused_naming_the_field_in_vietnamese(
    read: Any, write: Any, db_state: Any
) -> None:
    data = PersonInput(full_name="Lê Văn\x1b[2J An", born="1980")
    before = db_state()
    with read() as ctx:
        [problem] = check_add_person(ctx, data)
    assert describe(problem, VI) == (
        "Họ và tên: có ký tự điều khiển không hợp lệ (vị trí 7, U+001B); hãy xoá ký tự đó và gõ lại"
    )
    assert _refused(write, lambda ctx: add_person(ctx, data)) == [("full_name", "text.control")]
    assert db_state() == before


@pytest.mark.parametrize("name", PERSON_TEXT_FIELDS)
@pytest.mark.parametrize("bad", ["\x07", "\x00", "\x7f", "\x9b", "\u202e", "\u2067"])
def test_every_text_field_of_a_person_refuses_controls_and_bidi_overrides(
    name: str, bad: str, read: Any
) -> None:
    data = dataclasses.replace(PersonInput(full_name="Lê An"), **{name: f"A{bad}B"})
    with read() as ctx:
        found = [(p.field, p.code, p.params["position"]) for p in check_add_person(ctx, data)]
    assert (name, "text.control", 2) in found


def test_an_edit_smuggling_a_bidi_override_changes_nothing(db: Any, write: Any) -> None:
    with write() as ctx:
        person_id = add_person(ctx, PersonInput(full_name="Lê An", occupation="Nông")).person.id
    refused = _refused(
        write,
        lambda ctx: edit_person(
            ctx, person_id, {"occupation": "Nông\u202edân"}, reason="Sửa\x1b[2J nghề"
        ),
    )
    assert refused == [("occupation", "text.control"), ("correction_reason", "text.control")]
    with db.read() as s:
        assert s.get(Person, person_id).occupation == "Nông"


def test_household_notes_over_twenty_thousand_characters_are_refused(
    write: Any, db_state: Any
) -> None:
    before = db_state()
    refused = _refused(
        write, lambda ctx: hh.add_household(ctx, hh.HouseholdInput(number="7", notes="x" * 20_001))
    )
    assert refused == [("notes", "too_long")]
    assert db_state() == before


def test_assessments_keep_their_line_breaks_but_refuse_a_bell(db: Any, write: Any) -> None:
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Đỗ Văn Nam", born="1992", sex="M"))
        dossier = open_dossier(ctx, DossierInput(person.person.id, "SUSPENDED", "10/08/2026"))
    good = AssessmentInput(
        dossier.id,
        "2026-09",
        "02/10/2026",
        "Trần An",
        "Đi làm đều.\r\n\tChấp hành tốt.",
        "Chấp hành tốt",
    )
    bad = dataclasses.replace(good, period="2026-10", written_on="02/11/2026")
    bad.next_steps = "Theo dõi\x07 tiếp"
    refused = _refused(write, lambda ctx: assess(ctx, bad))
    assert refused == [("next_steps", "text.control")]
    too_long = dataclasses.replace(good, content="x" * 20_001)
    assert _refused(write, lambda ctx: assess(ctx, too_long)) == [("content", "too_long")]
    with write() as ctx:
        saved = assess(ctx, good).id
    with db.read() as s:
        assert s.get(Assessment, saved).content == "Đi làm đều.\r\n\tChấp hành tốt."


def _synced_models() -> list[type[Base]]:
    models = [m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)]
    return sorted(models, key=lambda m: m.__name__)  # the same order in every xdist worker


@pytest.mark.parametrize("model", _synced_models(), ids=lambda m: m.__name__)
def test_the_database_refuses_control_characters_in_every_text_column(model: type) -> None:
    """The store's last check covers every text column of every synced table, so a field
    added later is covered without anyone remembering to."""
    mapper = Base.registry.mappers
    columns = dict(text_columns(model.__mapper__))
    expected = {
        attr.key
        for attr in model.__mapper__.column_attrs
        if isinstance(attr.columns[0].type, String)
        and attr.key not in ("id", "owner_node", "version_vector", "created_stamp")
    }
    assert set(columns) == expected, mapper
    row = model(**{key: "A\x1bB" for key in columns})
    assert {p.field for p in row_problems(row, only_changed=False)} == set(columns)


def test_every_service_input_type_is_checked_field_by_field() -> None:
    """Every ``*Input`` dataclass the services take: each text field of it is refused by
    the services' one check, whatever its name."""
    from antt_desktop.services.values import text_input_problems

    found = []
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"{services.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                dataclasses.is_dataclass(value)
                and isinstance(value, type)
                and value.__name__.endswith("Input")
                and value.__module__ == module.__name__
            ):
                found.append(value)
    assert len(found) >= 12
    for input_type in found:
        for f in dataclasses.fields(input_type):
            if "str" not in str(f.type):
                continue
            required = {
                g.name: None
                for g in dataclasses.fields(input_type)
                if g.default is dataclasses.MISSING and g.default_factory is dataclasses.MISSING
            }
            data = input_type(**{**required, f.name: "A\u202eB"})
            assert [(p.field, p.code) for p in text_input_problems(data)] == [
                (f.name, "text.control")
            ], input_type


def test_a_write_that_skips_the_services_check_is_stopped_before_the_flush(
    db: Any, write: Any
) -> None:
    with write() as ctx:
        person_id = add_person(ctx, PersonInput(full_name="Lê An", occupation="Nông")).person.id
    with pytest.raises(ValidationFailed) as caught, db.write() as s:
        person = s.get(Person, person_id)
        person.current_address = "Số 4\x9b"  # set directly, as a forgetful new path might
        s.flush()
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("current_address", "text.control")
    ]
    with db.read() as s:
        assert s.get(Person, person_id).current_address is None
