"""``antt sync proposals``: the upper unit's edits of this post's records, waiting as
proposals; list them, show one, accept or reject it (with a reason)."""

from __future__ import annotations

import argparse

from antt_desktop.cli.env import Env
from antt_desktop.i18n.translator import N_
from antt_desktop.services import proposals
from antt_desktop.sync import proposal_text


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "proposals", help="the upper unit's proposed changes: list, show, accept, reject"
    )
    steps = p.add_subparsers(dest="step", metavar="STEP")
    p.set_defaults(func=cmd_list, all=False)
    q = steps.add_parser("list", help="proposals waiting here (--all: decided ones too)")
    q.add_argument("--all", action="store_true", help="also those already decided")
    q.set_defaults(func=cmd_list)
    q = steps.add_parser("show", help="one proposal, field by field")
    q.add_argument("id", metavar="ID")
    q.set_defaults(func=cmd_show)
    q = steps.add_parser("accept", help="write the proposed values into the record")
    q.add_argument("id", metavar="ID")
    q.set_defaults(func=cmd_accept)
    q = steps.add_parser("reject", help="keep the record; the reason goes to the upper unit")
    q.add_argument("id", metavar="ID")
    q.add_argument("--reason", required=True, help="why (sent to the upper unit)")
    q.set_defaults(func=cmd_reject)


def _lines(env: Env, p: proposals.ProposalView, *, full: bool) -> None:
    tr = env.out.tr
    env.out.line(
        f"{p.id[:8]}  {proposal_text.record_text(p, tr)} — {proposal_text.state_text(p, tr)}"
    )
    who = p.proposer_unit + (f" ({p.proposed_by})" if p.proposed_by else "")
    env.out.line(
        "    "
        + env.out._(N_("proposed by {unit} on {when}")).format(
            unit=who, when=proposal_text.when_text(p.proposed_at, tr)
        )
    )
    for c in p.changes:
        env.out.line("    " + proposal_text.change_line(c, tr))
    if full and p.decided_at:
        env.out.line(
            "    "
            + env.out._(N_("decided by {user} on {when}")).format(
                user=p.decided_by or "", when=proposal_text.when_text(p.decided_at, tr)
            )
        )


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        found = proposals.proposal_list(ctx, None if args.all else proposals.PENDING)
    env.out.data({"proposals": [p.to_dict() for p in found]})
    if not found:
        env.out.line(env.out._(N_("No proposal from the upper unit is waiting.")))
    for p in found:
        _lines(env, p, full=False)
    return 0


def cmd_show(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        p = proposals.proposal(ctx, args.id)
    env.out.data({"proposal": p.to_dict()})
    _lines(env, p, full=True)
    return 0


def cmd_accept(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        row = proposals.accept(ctx, args.id)
        p = proposals.proposal(ctx, row.id)
    env.out.data({"ok": True, "proposal": p.to_dict()})
    env.out.line(
        env.out._(
            N_(
                "Accepted: {record} now holds the proposed values; they go out with the"
                " next sync file."
            )
        ).format(record=proposal_text.record_text(p, env.out.tr))
    )
    return 0


def cmd_reject(env: Env, args: argparse.Namespace) -> int:
    with env.writing() as ctx:
        row = proposals.reject(ctx, args.id, args.reason)
        p = proposals.proposal(ctx, row.id)
    env.out.data({"ok": True, "proposal": p.to_dict()})
    env.out.line(
        env.out._(
            N_("Rejected: {record} stays as it was; the reason goes out with the next sync file.")
        ).format(record=proposal_text.record_text(p, env.out.tr))
    )
    return 0
