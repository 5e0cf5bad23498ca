"""The audit entry of a printed document: printing or saving personal data is recorded
(SECURITY.md: who, when, print, which record). The command line and the window both
record through here, so the log reads the same whichever printed it."""

from __future__ import annotations

from antt_desktop.services.context import Ctx


def record_print(
    ctx: Ctx, *, entity: str, entity_id: str, what: str, pages: int, where: str
) -> None:
    """Append the audit entry of ``pages`` pages of ``what`` (``booklet``) about the record
    ``entity``/``entity_id``, sent to ``where`` (a file name or a printer's name)."""
    ctx.audit("print", entity, entity_id, detail=f"{what}: {pages} pages, {where}")
