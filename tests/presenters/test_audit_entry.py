"""The audit log in an officer's words: local time, whose record, fields, roles and the
program's details in sentences — the same cells for the window, the CLI and the paper."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.audit_entry import cells, record_label
from antt_desktop.services.audit_log import AuditFilter, list_entries
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store import audit
from antt_desktop.store.models import AuditEntry, Unit

CHIEF = Actor("admin", "chief")
TODAY = date(2026, 12, 6)


def _entries(db, write) -> dict[str, str]:
    """A dossier opened, the demo data made, a login and a failed one; their seqs."""
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Nguyễn Văn Đức", born="1985")).person
        dossier = open_dossier(ctx, DossierInput(person.id, "RELEASED", date(2026, 2, 1)))
    with db.write() as session:
        unit_id = session.execute(select(Unit.id)).scalars().first()
        audit.append(
            session, "demo", "demo_data", "unit", unit_id, [], "seed=1 scale=commune persons=300"
        )
        audit.append(session, "admin", "login", "user", None, [], "chief")
        audit.append(session, "canbo1", "login_failed", detail="2026-12-06T03:35:59+00:00")
        audit.append(session, "admin", "setup", "unit", unit_id, ["code", "name"], "00070")
    return {"dossier": dossier.id}


def _rows(db, lang: str) -> list[list[str]]:
    with db.read() as session:
        ctx = Ctx(session, CHIEF, TODAY)
        return [cells(r, Translator(lang)) for r in list_entries(ctx, AuditFilter())]


def test_the_log_reads_in_vietnamese(db, write) -> None:
    ids = _entries(db, write)
    rows = _rows(db, "vi")
    opened = next(r for r in rows if r[3] == "Tạo mới" and r[4].startswith("Hồ sơ"))
    assert opened[4] == "Hồ sơ: Nguyễn Văn Đức"  # not "hồ sơ 157bfc91"
    assert ids["dossier"][:8] not in " ".join(opened)
    demo = next(r for r in rows if r[2] == "demo")
    assert demo[6] == "Tạo dữ liệu mẫu (quy mô xã, 300 nhân khẩu)"
    login = next(r for r in rows if r[3] == "Đăng nhập")
    assert login[4] == "Tài khoản" and login[6] == "Vai trò: lãnh đạo đơn vị"
    failed = next(r for r in rows if r[2] == "canbo1" and "Lần thử" in r[6])
    assert failed[6] == "Lần thử lúc 06/12/2026 10:35"  # Vietnam's time, not UTC
    setup = rows[-1]
    assert setup[5] == "Mã, Tên" and setup[6] == "Mã đơn vị 00070"
    for row in rows:  # dates as 06/12/2026 10:35, nothing in ISO or English
        assert "+00:00" not in " ".join(row) and "chief" not in row[6]
        assert len(row[1]) == len("06/12/2026 10:35") and row[1][2] == "/"


def test_the_log_reads_in_english(db, write) -> None:
    _entries(db, write)
    rows = _rows(db, "en")
    demo = next(r for r in rows if r[2] == "demo")
    assert demo[6] == "Demo data made (commune scale, 300 residents)"
    login = next(r for r in rows if r[2] == "admin" and r[6].startswith("Role"))
    assert login[6] == "Role: chief"
    assert any(r[4] == "Dossier: Nguyễn Văn Đức" for r in rows)


def test_a_record_whose_name_is_not_known_is_named_by_its_kind(db, write) -> None:
    with write() as ctx:
        ctx.audit("view", "dossier", "0" * 36, ["risk_notes"])  # a purged or foreign record
    with db.read() as session:
        ctx = Ctx(session, CHIEF, TODAY)
        [row] = [r for r in list_entries(ctx, AuditFilter(action="view"))]
    assert record_label(row, Translator("vi")) == "Hồ sơ"
    with db.read() as session:
        stored = session.execute(select(AuditEntry.entity_id).where(AuditEntry.action == "view"))
        assert stored.scalar_one() == "0" * 36


def test_a_print_names_the_document_and_counts_pages_as_a_person_does(db, write) -> None:
    with write() as ctx:
        ctx.audit("print", "dossier", "0" * 36, detail="booklet: 1 pages, so-theo-doi.pdf")
        ctx.audit("print", "unit", "1" * 36, detail="report 2026-Q3: 7 pages, bao-cao.pdf")
        ctx.audit("view", "dossier", "0" * 36, ["category_code", "category_name", "person"])
    with db.read() as session:
        ctx = Ctx(session, CHIEF, TODAY)
        rows = list_entries(ctx, AuditFilter(action="print"))
        [view] = list_entries(ctx, AuditFilter(action="view"))
    vi, en = Translator("vi"), Translator("en")
    assert [cells(r, en)[6] for r in rows] == [
        "Assessment booklet: 1 page, file so-theo-doi.pdf",
        "Report of Quarter III/2026: 7 pages, file bao-cao.pdf",
    ]
    assert [cells(r, vi)[6] for r in rows] == [
        "Sổ theo dõi, nhận xét, đánh giá: 1 trang, tệp so-theo-doi.pdf",
        "Báo cáo Quý III/2026: 7 trang, tệp bao-cao.pdf",
    ]
    # the category's code and name are one field on the form; the person is the subject
    assert cells(view, vi)[5] == "Diện đối tượng quản lý, Đối tượng"
    assert cells(rows[0], vi)[2] == "canbo1"  # an account not on this post: as it is
