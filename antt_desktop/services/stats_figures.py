"""The figures kept per post (``post_pledge_figures``): counted again on demand.

The database's triggers keep them in the transaction of every write to households and
pledges (``store/post_figures.py``); :func:`recount` is the way out when the file was changed
by other means (a hand edit, a tool that turned the triggers off) — ``antt stats --recount``.
"""

from __future__ import annotations

from sqlalchemy import func, select

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store import post_figures
from antt_desktop.store.models import PledgeFigure


def recount(ctx: Ctx) -> int:
    """Count the kept figures again from the households and pledges, in the caller's write
    transaction; returns the number of rows kept. No record changes, so nothing is audited
    or sent to other posts (each database keeps its own figures)."""
    ctx.require(Permission.WRITE)
    post_figures.rebuild(ctx.session.connection())
    return int(ctx.session.execute(select(func.count()).select_from(PledgeFigure)).scalar_one())
