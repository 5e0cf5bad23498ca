"""The lazy lists behind the "Hồ sơ đối tượng" page: ids from one SQL query streamed in
chunks, Vietnamese order, search through the full-text index, filters, and the next
assessment of each dossier."""

from __future__ import annotations

import sys
import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt

from antt_desktop.domain.dates import PartialDate
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.model import DUE_OR_OVERDUE, DossierModel
from antt_desktop.gui.people import model as people_model
from antt_desktop.gui.people.model import PeopleModel, mask_id_number
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import units
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import AssessmentInput, assess
from antt_desktop.services.dossiers import DossierInput, close_dossier, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Area, Person
from tests.conftest import CHIEF

PEOPLE = (
    ("Nguyễn Văn Đức", "1990", "M", "001090012345"),
    ("Trần Thị Hoà", "05/06/1991", "F", None),
    ("Lê Văn An", "1985", "M", None),
    ("Phạm Thị Ánh", "03/2000", "F", None),
    ("Ngô Đức Vượng", "1979", "M", None),
    ("Đỗ Minh Anh", "1999", "M", None),
    ("Hoàng Văn Bách", "1975", "M", None),
    ("Vũ Thị Yến", "1988", "F", None),
)
IN_VIETNAMESE_ORDER = [
    "Lê Văn An",
    "Đỗ Minh Anh",
    "Phạm Thị Ánh",
    "Hoàng Văn Bách",
    "Nguyễn Văn Đức",
    "Trần Thị Hoà",
    "Ngô Đức Vượng",
    "Vũ Thị Yến",
]


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def people(write) -> dict[str, str]:
    ids = {}
    with write() as ctx:
        area = units.add_area(ctx, name="Thôn Đông").id
        for i, (name, born, sex, number) in enumerate(PEOPLE):
            data = PersonInput(full_name=name, born=born, sex=sex, id_number=number)
            if i % 2 == 0:
                data.current_area_id = area
            ids[name] = add_person(ctx, data).person.id
    ids["area"] = area
    return ids


def loads_running() -> list[threading.Thread]:
    """The lists' background loads (the threads reading ids) running now."""
    return [t for t in threading.enumerate() if t.name == "antt-list-ids"]


def load(qtbot, model) -> None:
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()


def column(model, col: int = 0) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_id_numbers_are_masked_in_lists():
    assert mask_id_number("006012346095") == "•••••••••095"  # 12 characters, 3 digits shown
    assert mask_id_number("123456095") == "••••••095"  # a 9-digit old ID
    assert mask_id_number(None) == ""
    assert mask_id_number("12345") == "••••"


def test_residents_in_vietnamese_order_with_their_details(qtbot, qtmodeltester, app, people):
    model = PeopleModel(app)
    load(qtbot, model)
    assert column(model) == IN_VIETNAMESE_ORDER
    duc = model.row_of(people["Nguyễn Văn Đức"])
    assert [model.index(duc, c).data() for c in range(6)] == [
        "Nguyễn Văn Đức",
        "1990",
        "nam",
        "•••••••••345",
        "Thôn Đông",
        "",
    ]
    anh = model.row_of(people["Phạm Thị Ánh"])
    assert model.index(anh, model.COL_BORN).data() == "03/2000"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Họ và tên"
    qtmodeltester.check(model)


def test_ids_stream_in_chunks_after_a_first_page_read_at_once(qtbot, qtmodeltester, app, people):
    model = PeopleModel(app)
    model.FIRST_CHUNK, model.CHUNK = 2, 3
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
        assert column(model) == IN_VIETNAMESE_ORDER[:2]  # shown before the rest arrives
        assert model.loading
    assert column(model) == IN_VIETNAMESE_ORDER
    assert inserted == [3, 3] and not model.loading
    qtmodeltester.check(model)


def test_a_newer_filter_wins_over_a_load_still_running(qtbot, qapp, app, people):
    model = PeopleModel(app)
    model.sort(model.COL_BORN, Qt.SortOrder.AscendingOrder)  # loaded in the background
    assert loads_running()
    model.search_text = "van"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert column(model) == ["Hoàng Văn Bách", "Lê Văn An", "Nguyễn Văn Đức"]
    # the first load has ended, and whatever it sent before it ended has arrived
    qtbot.waitUntil(lambda: not model.loader_busy, timeout=5000)
    qapp.processEvents()
    assert column(model) == ["Hoàng Văn Bách", "Lê Văn An", "Nguyễn Văn Đức"]


def test_search_goes_through_the_full_text_index(qtbot, app, people):
    model = PeopleModel(app)
    model.search_text = "ng v duc"
    load(qtbot, model)
    assert column(model) == ["Nguyễn Văn Đức"]
    model.search_text = "001090012345"  # a whole ID number, by its blind index
    load(qtbot, model)
    assert column(model) == ["Nguyễn Văn Đức"]
    model.search_text = "0010900"  # the start of one: the numbers are sealed, not indexed
    load(qtbot, model)
    assert column(model) == []
    model.search_text = "khong co ai"
    load(qtbot, model)
    assert model.rowCount() == 0


def test_a_search_with_too_many_hits_says_so(qtbot, app, people):
    model = PeopleModel(app)
    model.SEARCH_LIMIT = 2
    model.search_text = "thi"
    load(qtbot, model)
    assert model.rowCount() == 2 and model.truncated


def test_area_filter_and_sorting_by_a_column(qtbot, app, people):
    model = PeopleModel(app)
    model.area_id = people["area"]
    load(qtbot, model)
    assert column(model) == ["Lê Văn An", "Hoàng Văn Bách", "Nguyễn Văn Đức", "Ngô Đức Vượng"]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(model.COL_BORN, Qt.SortOrder.DescendingOrder)
    assert column(model, model.COL_BORN) == ["1990", "1985", "1979", "1975"]


def test_a_stale_search_never_replaces_a_newer_one(qtbot, app, people, monkeypatch):
    """Typed while a search still runs: the keystroke superseded by the next is never
    searched, and the slow search's hits never show over the newest one's."""
    searched: list[str] = []
    release = threading.Event()
    search_refs = people_model.people_rows.search_refs

    def slow_first(ctx, text, **kwargs):
        searched.append(text)
        if len(searched) == 1:
            assert release.wait(5)
        return search_refs(ctx, text, **kwargs)

    monkeypatch.setattr(people_model.people_rows, "search_refs", slow_first)
    model = PeopleModel(app)
    shown: list[list[str]] = []
    model.modelReset.connect(lambda: shown.append(column(model)))
    model.search_text = "van"
    model.reload()
    qtbot.waitUntil(lambda: searched == ["van"], timeout=5000)
    for text in ("thi", "duc"):  # two more keystrokes while "van" is searched
        model.search_text = text
        model.reload()
    with qtbot.waitSignal(model.loaded, timeout=5000):
        release.set()
    assert column(model) == ["Nguyễn Văn Đức", "Ngô Đức Vượng"]
    assert searched == ["van", "duc"]  # "thi" was superseded before its turn
    assert shown == [["Nguyễn Văn Đức", "Ngô Đức Vượng"]]  # nothing else ever showed
    qtbot.waitUntil(lambda: not model.loader_busy, timeout=5000)


def test_a_search_shows_its_first_screen_without_reading_more(qtbot, app, people, monkeypatch):
    """The rows of a search's first screen are read with its hits, off the GUI thread."""
    model = PeopleModel(app)
    model.search_text = "van"
    load(qtbot, model)
    monkeypatch.setattr(model, "fetch_rows", lambda ids: pytest.fail("read again"))
    assert [model.index(r, model.COL_SEX).data() for r in range(3)] == ["nam"] * 3
    assert column(model) == ["Lê Văn An", "Hoàng Văn Bách", "Nguyễn Văn Đức"]


def test_list_rows_are_those_of_the_records(qtbot, app, people):
    """The list's rows (read in one plain statement, birth dates formatted once) are what
    the records themselves say, residents without an area or an ID number included."""
    model = PeopleModel(app)
    load(qtbot, model)
    with app.read() as ctx:
        persons = {p.id: p for p in ctx.session.query(Person).filter(Person.deleted.is_(False))}
        areas = {a.id: a.name for a in ctx.session.query(Area)}
        expected = {
            p.id: [
                p.full_name,
                PartialDate.from_iso(p.born).format() if p.born else "",
                {"M": "nam", "F": "nữ"}.get(p.sex or "", ""),
                mask_id_number(p.id_number) if p.id_number else "",
                areas.get(p.current_area_id or "", ""),
                p.current_address or "",
            ]
            for p in persons.values()
        }
    assert len(expected) == model.rowCount() == len(PEOPLE)
    for row in range(model.rowCount()):
        ident = model.id_at(row)
        assert [model.index(row, c).data() for c in range(6)] == expected[ident], ident
    # what the table measures to fit its columns is what it shows, across pages too
    model.PAGE = 3
    model._pages.clear()
    for c in range(6):
        assert model.column_texts(c, 7) == column(model, c)[:7]


# --- dossiers ---------------------------------------------------------------------------------


@pytest.fixture
def dossiers(write, people) -> dict[str, str]:
    """Three dossiers: one overdue, one fully assessed, one closed."""
    with write(CHIEF) as ctx:

        def opened(name: str, category: str, day: str) -> str:
            data = DossierInput(person_id=people[name], category_code=category, opened_on=day)
            return open_dossier(ctx, data).id

        late = opened("Nguyễn Văn Đức", "SUSPENDED", "01/09/2026")
        ok = opened("Trần Thị Hoà", "SUSPENDED", "15/10/2026")
        assess(
            ctx,
            AssessmentInput(
                dossier_id=ok,
                period="2026-10",
                written_on="20/11/2026",
                author="Lê Thanh Nam",
                content="Chấp hành tốt.",
                rating="Chấp hành tốt",
            ),
        )
        closed = opened("Lê Văn An", "MINOR", "01/01/2026")
        close_dossier(ctx, closed, "10/11/2026", "term_completed")
    return {"late": late, "ok": ok, "closed": closed}


def test_next_assessment_of_each_dossier(qtbot, qtmodeltester, app, dossiers):
    model = DossierModel(app)
    model.status = None
    load(qtbot, model)
    assert model.rowCount() == 3

    def cell(key: str, role=Qt.ItemDataRole.DisplayRole):
        return model.index(model.row_of(dossiers[key]), model.COL_NEXT).data(role)

    assert cell("late") == "Quá hạn: tháng 09/2026 (hạn 05/10/2026)"
    assert cell("late", Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert cell("ok") == "Chưa đến hạn: tháng 11/2026 (hạn 05/12/2026)"
    assert cell("ok", Qt.ItemDataRole.ForegroundRole) is None
    assert cell("closed") == "—"
    status = model.index(model.row_of(dossiers["closed"]), model.COL_STATUS).data()
    assert status == "Đã kết thúc"
    qtmodeltester.check(model)


def test_dossier_filters_and_sorting_by_next_assessment(qtbot, app, dossiers):
    model = DossierModel(app)  # open dossiers by default
    load(qtbot, model)
    assert {model.id_at(r) for r in range(model.rowCount())} == {dossiers["late"], dossiers["ok"]}
    model.due = DUE_OR_OVERDUE
    load(qtbot, model)
    assert [model.id_at(r) for r in range(model.rowCount())] == [dossiers["late"]]
    model.due, model.status = "", None
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(model.COL_NEXT, Qt.SortOrder.AscendingOrder)
    assert model.id_at(0) == dossiers["late"]
    model.year = 2025
    load(qtbot, model)
    assert model.rowCount() == 0
    model.year, model.search_text = 2026, "hoa"
    load(qtbot, model)
    assert [model.id_at(r) for r in range(model.rowCount())] == [dossiers["ok"]]


def test_many_emits_leave_the_interpreter_intact(app):
    """PySide6 6.12.0 drops a reference to True on every emit from Python, and a long session
    aborts with "bool_dealloc"; pyproject.toml keeps that release out. This guards the pin."""
    model = PeopleModel(app)
    before = sys.getrefcount(True)
    for _ in range(5000):
        model.loaded.emit()
    assert sys.getrefcount(True) >= before
