"""Audit entries of what is not a change to a record (SECURITY.md, "Audit"): a sensitive
record opened, a file exported, a setting changed, the session locked and unlocked.

Changes, prints, imports, logins and unlocks are recorded where they happen (the services,
:mod:`antt_desktop.printing.audit`, the importers, :mod:`antt_desktop.security.login`); these
are the other kinds, so the window and the command line word them the same way. Entries name
fields, never their values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from antt_desktop.services.context import Ctx, Permission

#: Actions of these entries (the audit log's ``action`` column).
VIEW, EXPORT, SETTING, LOCK, UNLOCK = "view", "export", "setting", "lock", "unlock"
LOGOUT = "logout"
#: Why the session was locked.
LOCK_IDLE, LOCK_BY_HAND = "idle", "by hand"
#: Settings that guard the data: only an account with Permission.SETTINGS changes them.
GUARDED_SETTINGS = ("idle_lock_minutes",)


def shown_fields(values: Mapping[str, Any], skip: Iterable[str] = ("id",)) -> list[str]:
    """The names of the fields of ``values`` that hold something (what a reader saw)."""
    skipped = set(skip)
    return sorted(k for k, v in values.items() if k not in skipped and v not in (None, "", []))


def record_view(ctx: Ctx, entity: str, entity_id: str, fields: Iterable[str]) -> None:
    """One opening of a sensitive record (a dossier, a person's data): which fields were
    shown. In a read context the entry is appended right after the read."""
    ctx.require(Permission.READ)
    ctx.audit(VIEW, entity, entity_id, sorted(set(fields)))


def require_export(ctx: Ctx, *, summary: bool = False) -> None:
    """PermissionDenied unless the account may save records (or, ``summary``, figures
    only) to a file outside the database; called before a byte is written."""
    ctx.require(Permission.PRINT_SUMMARY if summary else Permission.EXPORT)


def record_export(
    ctx: Ctx,
    *,
    what: str,
    where: str,
    entity: str | None = None,
    entity_id: str | None = None,
    rows: int | None = None,
    summary: bool = False,
) -> None:
    """A file written outside the database's protection: ``what`` (``report csv 2026-Q3``)
    about the record ``entity``/``entity_id``, to the file named ``where``."""
    ctx.require(Permission.PRINT_SUMMARY if summary else Permission.EXPORT)
    size = f", {rows} rows" if rows is not None else ""
    ctx.audit(EXPORT, entity, entity_id, detail=f"{what}: {where}{size}")


def record_setting(ctx: Ctx, name: str, value: object) -> None:
    """A setting changed (``language``, ``font_size``, ``idle_lock_minutes``) and its new
    value (settings hold no personal data). The guarded ones need Permission.SETTINGS."""
    ctx.require(Permission.SETTINGS if name in GUARDED_SETTINGS else Permission.READ)
    ctx.audit(SETTING, "setting", None, [name], f"{name} = {value}")


def record_lock(ctx: Ctx, reason: str) -> None:
    """The session was locked (:data:`LOCK_IDLE` after the idle period, or by hand)."""
    ctx.require(Permission.READ)  # every account may lock its own session
    ctx.audit(LOCK, "user", None, detail=reason)


def record_logout(ctx: Ctx) -> None:
    """The officer logged out (Tệp > Đăng xuất): the session ends here, not by a crash."""
    ctx.require(Permission.READ)  # every account may end its own session
    ctx.audit(LOGOUT, "user", None)
