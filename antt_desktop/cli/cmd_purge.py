"""``antt dossier purge-due`` (closed dossiers past their retention period, the proposal
to purge) and ``antt dossier purge ID... --confirm`` (a chief purges them)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from antt_desktop.cli.env import Env
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.texts.privacy import DUE_TITLE, NONE_DUE, NOT_YET, PURGED, WILL_GO

if TYPE_CHECKING:
    from antt_desktop.services import retention

Command = Callable[..., argparse.ArgumentParser]


def register(command: Command) -> None:
    """Add the two commands to ``antt dossier`` (``command`` makes one subcommand)."""
    p = command("purge-due", cmd_purge_due, "closed dossiers past their retention period")
    p.add_argument("--unit", help="unit code (default: every unit in the database)")
    p = command("purge", cmd_purge, "purge closed dossiers past their retention period (chief)")
    p.add_argument("ids", nargs="+", metavar="ID", help="dossier id")
    p.add_argument("--confirm", action="store_true", help="really purge (it cannot be undone)")


def _record(c: retention.PurgeCandidate) -> dict[str, Any]:
    return c.to_dict()


def cmd_purge_due(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services import retention  # loaded by the command that uses it
    from antt_desktop.services.retention_text import candidate_lines

    tr = env.out.tr
    with env.reading() as ctx:
        unit_id = ctx.unit_by_code(args.unit).id if args.unit else None
        due = retention.purge_due(ctx, unit_id=unit_id)
    env.out.data([_record(c) for c in due])
    env.out.line(tr(DUE_TITLE).format(today=fmt_date(env.today, tr), count=len(due)))
    if not due:
        env.out.line("  " + tr(NONE_DUE))
    for c in due:
        for line in candidate_lines(c, tr):
            env.out.line(line)
    return 0


def cmd_purge(env: Env, args: argparse.Namespace) -> int:
    """Without --confirm: what would go, checked as the purge checks it; nothing written."""
    from antt_desktop.services import purge, retention  # loaded by the command that uses them
    from antt_desktop.services.retention_text import candidate_lines

    tr = env.out.tr
    if not args.confirm:
        with env.reading() as ctx:
            purge.check(ctx, args.ids)
            shown = retention.candidates(ctx, args.ids)
        env.out.data({"purged": [], "would_purge": [_record(c) for c in shown]})
        env.out.line(tr(WILL_GO))
        for c in shown:
            for line in candidate_lines(c, tr):
                env.out.line(line)
        env.out.line(tr(NOT_YET))
        return 0
    with env.writing() as ctx:
        done = purge.purge(ctx, args.ids, confirm=True)
    env.out.data({"purged": [vars(d) for d in done]})
    env.out.line(tr(PURGED).format(count=len(done)))
    return 0
