"""Each role is refused, in the services, what it may not do; a refusal writes nothing."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from antt_desktop.printing.audit import require_print
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.security.keyring import KeyRing
from antt_desktop.services import accounts
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.dossiers import DossierInput, close_dossier, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_unit
from antt_desktop.store.database import Database
from antt_desktop.store.models import AuditEntry
from tests.conftest import TEST_KDF, TEST_PASSWORD

ROLES = ("officer", "chief", "viewer", "upper", "admin")
PRINTERS = {"officer", "chief", "upper"}
SERVICES = Path(__file__).resolve().parents[2] / "antt_desktop" / "services"


def _ids(db: Database, write: Callable[..., Any]) -> dict[str, str]:
    with write(Actor("canbo1", "officer")) as ctx:
        person = add_person(ctx, PersonInput(full_name="Hà Thị Huệ", born="1979", sex="F"))
        dossier = open_dossier(ctx, DossierInput(person.person.id, "DRUG_USER", "05/09/2026"))
    return {"person": person.person.id, "dossier": dossier.id}


def _ring(db: Database) -> KeyRing:
    from antt_desktop.security.login import verify

    return verify(db.path, "admin", TEST_PASSWORD, kdf=TEST_KDF)


#: what is tried, which roles may, and the call (``ids`` are records made beforehand)
CASES: list[tuple[str, set[str], Callable[[Ctx, dict[str, Any]], object]]] = [
    (
        "add a resident",
        {"officer", "chief"},
        lambda ctx, ids: add_person(ctx, PersonInput(full_name="Lê Văn Tám")),
    ),
    (
        "close a dossier",
        {"chief"},
        lambda ctx, ids: close_dossier(ctx, ids["dossier"], "20/11/2026", "term_completed"),
    ),
    (
        "register another unit",
        {"chief", "upper", "admin"},
        lambda ctx, ids: add_unit(ctx, code="00073", name="Công an phường Cửa Nam"),
    ),
    (
        "add an account",
        {"chief", "admin"},
        lambda ctx, ids: accounts.add_account(
            ctx, ids["ring"], username="xem1", role="viewer", password="mat-khau-cua-xem"
        ),
    ),
    (
        "list the accounts",
        {"chief", "admin"},
        lambda ctx, ids: accounts.accounts(ctx, ids["ring"]),
    ),
    ("print an assessment booklet", PRINTERS, lambda ctx, ids: require_print(ctx, "booklet")),
    ("print a data sheet", PRINTERS, lambda ctx, ids: require_print(ctx, "person sheet")),
    ("print the periodic report", set(ROLES), lambda ctx, ids: require_print(ctx, "report")),
]


def _audit_count(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("what", "allowed", "call"), CASES, ids=[c[0] for c in CASES])
def test_each_role_may_only_what_its_role_allows(
    db: Database, write: Callable[..., Any], role: str, what: str, allowed: set[str], call: Any
) -> None:
    ids: dict[str, Any] = {**_ids(db, write), "ring": _ring(db)}
    before = _audit_count(db)
    keys_before = ids["ring"].path.read_bytes()
    actor = Actor(f"{role}1", role)
    if role in allowed:
        with write(actor) as ctx:
            call(ctx, ids)
        return
    with pytest.raises(PermissionDenied) as refused, write(actor) as ctx:
        call(ctx, ids)
    assert refused.value.params["role"] == role
    assert set(refused.value.params["roles"]) == allowed
    # nothing of the change was written; the refusal itself is in the audit log
    assert _audit_count(db) == before + 1
    with db.read() as s:
        last = s.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()
    assert (last.actor, last.action, last.detail) == (
        actor.username,
        "refused",
        refused.value.params["action"],
    )
    assert ids["ring"].path.read_bytes() == keys_before


def test_the_refusal_names_the_account_its_role_and_who_may(db: Database, write: Any) -> None:
    from antt_desktop.i18n.messages import sentence
    from antt_desktop.i18n.translator import Translator

    with pytest.raises(PermissionDenied) as refused, write(Actor("xem1", "viewer")) as ctx:
        add_person(ctx, PersonInput(full_name="Lê Văn Tám"))
    text = sentence(refused.value.code, refused.value.params, Translator("vi"))
    assert text.startswith("xem1 (viewer) không có quyền thực hiện việc này")
    assert text.endswith("officer, chief")


def test_an_unknown_role_may_do_nothing(write: Any) -> None:
    with pytest.raises(PermissionDenied), write(Actor("x", "superuser")) as ctx:
        add_person(ctx, PersonInput(full_name="Lê Văn Tám"))


def _writes_without_a_check(tree: ast.Module, source: str) -> list[str]:
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    bodies = {n.name: ast.get_source_segment(source, n) or "" for n in functions}
    # the module's own private helpers that check (``_decidable``, ``_require_issuer``)
    checking = [
        name for name, body in bodies.items() if name.startswith("_") and "ctx.require(" in body
    ]
    missing = []
    for node in functions:
        if node.name.startswith("_") or not node.args.args or node.args.args[0].arg != "ctx":
            continue
        body = bodies[node.name]
        writes = "ctx.audit(" in body or "session.add(" in body or ".deleted = True" in body
        checked = "ctx.require(" in body or "check(" in body
        checked = checked or any(f"{name}(ctx" in body for name in checking)
        if writes and not checked:
            missing.append(node.name)
    return missing


def test_every_service_function_that_writes_checks_a_permission_first() -> None:
    """The check lives in one place (``ctx.require``), and no writing service skips it."""
    missing = {}
    for path in sorted(SERVICES.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        found = _writes_without_a_check(ast.parse(source), source)
        if found:
            missing[path.name] = found
    assert missing == {}
