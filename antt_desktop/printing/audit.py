"""The audit entry of a printed document: printing or saving personal data is recorded
(SECURITY.md: who, when, print, which record). The command line and the window both
record through here, so the log reads the same whichever printed it."""

from __future__ import annotations

from antt_desktop.services.context import Ctx, Permission

#: Documents that hold no sensitive personal data (figures, commendations, the audit log's
#: field names and record ids): a viewer may print them. Every other document (booklets,
#: data sheets, pledge lists) needs PRINT. Reading the audit log needs AUDIT besides.
SUMMARY_DOCUMENTS = ("report", "certificate", "audit log")


def require_print(ctx: Ctx, what: str) -> None:
    """PermissionDenied unless the account may print a document of kind ``what``."""
    summary = what.startswith(SUMMARY_DOCUMENTS)
    ctx.require(Permission.PRINT_SUMMARY if summary else Permission.PRINT)
    if not summary:  # they print ID numbers, ethnicity and religion in full
        ctx.require(Permission.READ_SENSITIVE)


def record_print(
    ctx: Ctx, *, entity: str, entity_id: str, what: str, pages: int, where: str
) -> None:
    """Append the audit entry of ``pages`` pages of ``what`` (``booklet``) about the record
    ``entity``/``entity_id``, sent to ``where`` (a file name or a printer's name)."""
    require_print(ctx, what)
    ctx.audit("print", entity, entity_id, detail=f"{what}: {pages} pages, {where}")
