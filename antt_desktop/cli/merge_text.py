"""``antt person merge`` and ``antt person duplicates``: two records of one person merged
into one (gộp hồ sơ trùng), after the officer has seen what moves."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from antt_desktop.cli.env import Env, _interactive
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.translator import N_, Translator

if TYPE_CHECKING:  # the merge's services are imported when a merge runs, not by every
    # command of ``antt person`` (``search`` registers its parser beside these)
    from antt_desktop.services.merge_rows import MergeComparison

#: What moves to the kept record, per table, as the officer counts it.
MOVING = {
    "dossiers": N_("{count} management dossier(s)"),
    "violations": N_("{count} violation(s)"),
    "person_corrections": N_("{count} line(s) of correction history"),
    "dossier_transfers": N_("{count} dossier transfer step(s)"),
    "team_members": N_("{count} team membership(s)"),
    "households": N_("{count} household(s) headed"),
    "commendations": N_("{count} commendation(s)"),
}
COMPARE_TITLE = N_(
    "{kept} [{kept_id}] keeps its values; blanks are filled from {other} [{other_id}]:"
)
DUPLICATE = N_("Duplicate record")
MOVES = N_("Moves to the record kept:")
NOTHING_MOVES = N_("Nothing else names the duplicate record.")
PHOTO_FILLED = N_("The photo of the duplicate record is kept.")
QUESTION = N_("Merge the two records? The duplicate is kept only as a trace. [y/N] ")
NOT_MERGED = N_("Nothing was merged. To merge them, run the command again with --yes.")
MERGED = N_("Merged: {other} is now part of {kept}.")
NO_DUPLICATES = N_("No likely duplicates.")
SAME_ID = N_("same ID number")
SAME_NAME_BORN = N_("same name and date of birth")
FILLED_MARK = N_("(from the duplicate)")


def register(person: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = person.add_parser("merge", help="merge two records of one person")
    p.add_argument("survivor", metavar="SURVIVOR", help="the record kept")
    p.add_argument("absorbed", metavar="ABSORBED", help="the duplicate merged into it")
    p.add_argument("--yes", action="store_true", help="merge without asking")
    p.set_defaults(func=cmd_merge)
    p = person.add_parser("duplicates", help="records that look like one person")
    p.add_argument("--person", help="only the pairs of this record")
    p.set_defaults(func=cmd_duplicates)


def shown(field: str, value: str, tr: Translator) -> str:
    if field == "sex" and value in ("M", "F"):
        return tr(N_("male") if value == "M" else N_("female"))
    return value


def _moving(moving: dict[str, int], tr: Translator) -> list[str]:
    return [tr(MOVING.get(t, t + ": {count}")).format(count=n) for t, n in moving.items() if n]


def _plan_record(c: MergeComparison) -> dict[str, Any]:
    return {
        "survivor": c.survivor.id,
        "absorbed": c.absorbed.id,
        "filled": [line.field for line in c.lines if line.filled]
        + (["photo"] if c.photo_filled else []),
        "moving": c.moving,
    }


def cmd_merge(env: Env, args: argparse.Namespace) -> int:
    """Show the comparison and what moves; merge with --yes or when the officer says so."""
    from antt_desktop.services import merge_rows
    from antt_desktop.services.person_merge import merge_people

    tr = env.out.tr
    with env.reading() as ctx:
        c = merge_rows.merge_comparison(ctx, args.survivor, args.absorbed)
    errors = [p for p in c.problems if p.is_error]
    if errors:
        raise ValidationFailed(errors)
    env.out.line(
        tr(COMPARE_TITLE).format(
            kept=c.survivor.full_name,
            kept_id=c.survivor.id,
            other=c.absorbed.full_name,
            other_id=c.absorbed.id,
        )
    )
    rows: list[tuple[str, str]] = []
    for line in c.lines:
        if not (line.kept or line.duplicate):
            continue
        mark = f"  {tr(FILLED_MARK)}" if line.filled else ""
        rows.append(
            (
                field_label(line.field, tr),
                f"{shown(line.field, line.result, tr)}{mark}"
                + (
                    f"   ({tr(DUPLICATE)}: {shown(line.field, line.duplicate, tr)})"
                    if line.duplicate and line.duplicate != line.result
                    else ""
                ),
            )
        )
    env.out.table(rows)
    if c.photo_filled:
        env.out.line(tr(PHOTO_FILLED))
    moving = _moving(c.moving, tr)
    env.out.line(tr(MOVES) if moving else tr(NOTHING_MOVES))
    for text in moving:
        env.out.line(f"  - {text}")
    record = _plan_record(c)
    confirmed = args.yes
    if not confirmed and not env.out.as_json and _interactive():
        confirmed = input(tr(QUESTION)).strip().lower() in ("y", "yes", "c", "có", "co")
    if not confirmed:
        env.out.data({**record, "merged": False})
        env.out.line(tr(NOT_MERGED))
        return 0
    with env.writing() as ctx:
        merge_people(ctx, args.survivor, args.absorbed)
    env.out.data({**record, "merged": True})
    env.out.line(tr(MERGED).format(other=c.absorbed.full_name, kept=c.survivor.full_name))
    return 0


def cmd_duplicates(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services import merge_rows

    tr = env.out.tr
    with env.reading() as ctx:
        pairs = merge_rows.likely_duplicates(ctx, person_id=args.person)
    env.out.data([vars(p) for p in pairs])
    if not pairs:
        env.out.line(tr(NO_DUPLICATES))
    for p in pairs:
        why = tr(SAME_ID if p.reason == merge_rows.SAME_ID else SAME_NAME_BORN)
        born = f", {p.born}" if p.born else ""
        env.out.line(
            f"  {p.first_name} [{p.first_id}]  —  {p.second_name} [{p.second_id}]  ({why}{born})"
        )
    return 0
