"""Commands about management dossiers: open, edit, classify, close, the records kept on them
(assessments and corrections, commitments, support, violations), and what is due."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from antt_desktop.cli import cmd_purge
from antt_desktop.cli import dossier_text as text
from antt_desktop.cli.env import Env
from antt_desktop.domain.text import fold
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.dossiers import DOSSIER_STATUSES
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx
from antt_desktop.services.listing import DossierFilter, DossierRow, dossier_list

# The services of the dossier's own records, assessments and what is due are loaded by the
# commands that use them (``dossier list``, the most run, waits for none: issue #15).

Options = tuple[tuple[str, str], ...]  # (flag, field of the service's input)

DOSSIER_OPTIONS: Options = (
    ("--legal-number", "legal_doc_number"),
    ("--legal-date", "legal_doc_date"),
    ("--legal-issuer", "legal_issuer"),
    ("--legal-summary", "legal_summary"),
    ("--planned-end", "planned_end"),
    ("--officer", "officer_name"),
    ("--team", "team_id"),
    ("--helper", "helper_name"),
    ("--risk-notes", "risk_notes"),
)
OPEN_OPTIONS: Options = (
    ("--person", "person_id"),
    ("--category", "category_code"),
    ("--opened", "opened_on"),
    ("--classification", "classification"),
    *DOSSIER_OPTIONS,
)
#: ``edit`` also corrects the category and opening date while no assessment is written.
EDIT_OPTIONS: Options = (
    ("--category", "category_code"),
    ("--opened", "opened_on"),
    *DOSSIER_OPTIONS,
)
ASSESSMENT_OPTIONS: Options = (
    ("--period", "period"),
    ("--written", "written_on"),
    ("--author", "author"),
    ("--content", "content"),
    ("--rating", "rating"),
    ("--next-steps", "next_steps"),
)
FLAG_OPTIONS: Options = (
    ("--stable-work", "has_stable_work"),
    ("--complied", "complied"),
    ("--on-time", "reported_on_time"),
)
COMMIT_OPTIONS: Options = (
    ("--signed", "signed_on"),
    ("--text", "text"),
    ("--form", "form_code"),
    ("--witnesses", "witnesses"),
)
SUPPORT_OPTIONS: Options = (
    ("--kind", "kind"),
    ("--given", "given_on"),
    ("--amount", "amount_vnd"),
    ("--provider", "provider"),
    ("--outcome", "outcome"),
)
VIOLATION_OPTIONS: Options = (
    ("--person", "person_id"),
    ("--dossier", "dossier_id"),
    ("--date", "occurred_on"),
    ("--kind", "kind"),
    ("--description", "description"),
    ("--decision", "decision_ref"),
)
_YES, _NO = {"yes", "y", "co", "1", "true"}, {"no", "n", "khong", "0", "false"}


def yes_no(value: str) -> bool:
    """``yes``/``no`` (or ``có``/``không``) as typed, for the assessment flags."""
    word = fold(value).strip()
    if word in _YES or word in _NO:
        return word in _YES
    raise argparse.ArgumentTypeError(f"'{value}': write yes or no")


def _options(p: argparse.ArgumentParser, table: Options, *required: str, kind: str = "") -> None:
    for flag, dest in table:
        hint = text.OPTION_HELP.get(kind if dest == "kind" else dest)
        metavar = flag.lstrip("-").upper().replace("-", "_")
        p.add_argument(flag, dest=dest, required=dest in required, help=hint, metavar=metavar)


def _assessment_options(p: argparse.ArgumentParser, *required: str) -> None:
    _options(p, ASSESSMENT_OPTIONS, *required)
    for flag, dest in FLAG_OPTIONS:
        p.add_argument(flag, dest=dest, type=yes_no, metavar="yes|no")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``antt dossier ...``."""
    sub = commands.add_parser("dossier", help="management dossiers").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )

    def command(name: str, func: Any, help_text: str, *ids: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
        for ident in ids:
            p.add_argument(ident)
        p.set_defaults(func=func)
        return p

    p = command("open", cmd_open, "open a dossier for a person")
    _options(p, OPEN_OPTIONS, "person_id", "category_code", "opened_on")
    _options(command("edit", cmd_edit, "change a dossier", "id"), EDIT_OPTIONS)
    p = command("classify", cmd_classify, "classify a released person A/B/C/D", "id")
    p.add_argument("--classification", required=True, help="A|B|C|D, or '' to clear")
    p.add_argument("--note")
    p = command("close", cmd_close, "close a dossier", "id")
    _options(
        p, (("--closed", "closed_on"), ("--reason", "close_reason")), "closed_on", "close_reason"
    )
    p.add_argument("--note")
    p = command("assess", cmd_assess, "write the assessment of a period", "id")
    _assessment_options(p, "period", "written_on", "author", "content")
    _assessment_options(command("correct", cmd_correct, "correct an assessment", "assessment_id"))
    p = command("commit", cmd_commit, "record a signed commitment", "id")
    _options(p, COMMIT_OPTIONS, "signed_on", "text")
    p = command("support", cmd_support, "record support given", "id")
    _options(p, SUPPORT_OPTIONS, "kind", "given_on", kind="support")
    p = command("violation", cmd_violation, "record a violation or re-offence")
    _options(p, VIOLATION_OPTIONS, "person_id", "occurred_on", "kind", kind="violation")
    p.add_argument("--reoffence", dest="is_reoffence", action="store_true")
    p.add_argument("--dangerous", action="store_true", help="a dangerous re-offence")
    command("show", cmd_show, "show a dossier with its assessments", "id")
    p = command("list", cmd_list, "list dossiers")
    p.add_argument("--category", help="category code")
    p.add_argument("--status", choices=tuple(DOSSIER_STATUSES))
    p.add_argument("--person", help="person id")
    p = command("due", cmd_due, "assessments due and overdue today (the to-do list)")
    p.add_argument("--overdue-only", action="store_true")
    p.add_argument("--unit", help="unit code (default: every unit in the database)")
    command("categories", cmd_categories, "the dossier categories and their cadence")
    cmd_purge.register(command)


def _given(args: argparse.Namespace, table: Options) -> dict[str, Any]:
    """The options typed, by field name (an option left out is not a change)."""
    return {dest: getattr(args, dest) for _f, dest in table if getattr(args, dest) is not None}


def _show(env: Env, payload: Any, lines: list[str]) -> int:
    env.out.data(payload)
    for line in lines:
        env.out.line(line)
    return 0


def _print_saved(env: Env, record: dict[str, Any], lines: list[str]) -> int:
    return _show(env, record, [env.out._(N_("Saved.")), *lines])


def _dossier(env: Env, change: Callable[[Ctx], str] | None, dossier_id: str = "") -> int:
    """Make ``change`` (if any: it returns the dossier's id) in one transaction, then print
    the dossier as ``show`` does."""
    from antt_desktop.services.assessments import assessment_timeline
    from antt_desktop.services.audit_events import record_view, shown_fields
    from antt_desktop.services.disclosure import in_record
    from antt_desktop.services.dossier_summary import dossier_summary

    with env.writing() if change else env.reading() as ctx:
        if change is not None:
            dossier_id = change(ctx)
        summary = dossier_summary(ctx.session, dossier_id)
        timeline = assessment_timeline(ctx.session, dossier_id, ctx.today)
        record = text.dossier_record(summary, timeline, env.out.tr, in_record(ctx))
        if change is None:  # a change shows what was just written, not a view
            record_view(ctx, "dossier", dossier_id, shown_fields(record))
    lines = text.dossier_lines(record, env.out.tr)
    if change is not None:
        return _print_saved(env, record, lines)
    return _show(env, record, lines)


def cmd_open(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossiers import DossierInput, open_dossier

    data = DossierInput(**_given(args, OPEN_OPTIONS))
    return _dossier(env, lambda ctx: open_dossier(ctx, data).id)


def cmd_edit(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossiers import edit_dossier

    changes = _given(args, EDIT_OPTIONS)
    return _dossier(env, lambda ctx: edit_dossier(ctx, args.id, changes).id)


def cmd_classify(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossiers import set_classification

    return _dossier(
        env, lambda ctx: set_classification(ctx, args.id, args.classification, args.note).id
    )


def cmd_close(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossiers import close_dossier

    return _dossier(
        env,
        lambda ctx: close_dossier(ctx, args.id, args.closed_on, args.close_reason, args.note).id,
    )


def cmd_show(env: Env, args: argparse.Namespace) -> int:
    return _dossier(env, None, args.id)


def _print_assessment(env: Env, record: dict[str, Any]) -> int:
    tr = env.out.tr
    lines = [f"{field_label('period', tr)} {record['period']}  [{record['dossier_id']}]"]
    lines += text.assessment_lines(record, tr, indent="  ")
    if record["supersedes_id"]:
        lines.append("  " + tr(N_("Replaces {id}")).format(id=record["supersedes_id"]))
    return _print_saved(env, record, lines)


def cmd_assess(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossier_records import AssessmentInput, assess

    data = AssessmentInput(dossier_id=args.id, **_given(args, ASSESSMENT_OPTIONS + FLAG_OPTIONS))
    with env.writing() as ctx:
        record = text.assessment_record(assess(ctx, data))
    return _print_assessment(env, record)


def cmd_correct(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossier_records import correct_assessment

    changes = _given(args, ASSESSMENT_OPTIONS + FLAG_OPTIONS)
    with env.writing() as ctx:
        record = text.assessment_record(correct_assessment(ctx, args.assessment_id, changes))
    return _print_assessment(env, record)


def cmd_commit(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossier_records import CommitmentInput, add_commitment

    data = CommitmentInput(dossier_id=args.id, **_given(args, COMMIT_OPTIONS))
    with env.writing() as ctx:
        record = text.columns(add_commitment(ctx, data), text.COMMITMENT)
    return _print_saved(env, record, text.commitment_lines(record, env.out.tr))


def cmd_support(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossier_records import SupportInput, add_support

    data = SupportInput(dossier_id=args.id, **_given(args, SUPPORT_OPTIONS))
    with env.writing() as ctx:
        record = text.columns(add_support(ctx, data), text.SUPPORT)
    return _print_saved(env, record, text.support_lines(record, env.out.tr))


def cmd_violation(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.dossier_records import ViolationInput, add_violation

    values = _given(args, VIOLATION_OPTIONS)
    data = ViolationInput(is_reoffence=args.is_reoffence, dangerous=args.dangerous, **values)
    with env.writing() as ctx:
        record = text.columns(add_violation(ctx, data), text.VIOLATION)
    return _print_saved(env, record, text.violation_lines(record, env.out.tr))


def _list_record(r: DossierRow, tr: Translator) -> dict[str, Any]:
    """One line of ``dossier list`` (the ID number masked, as lists show it)."""
    return {
        "id": r.id,
        "person_id": r.person_id,
        "category_code": r.category_code,
        "opened_on": r.opened_on,
        "status": r.status,
        "closed_on": r.closed_on,
        "person_name": r.person_name,
        "id_number": r.id_number,
        "category_name": r.category_en if tr.lang == "en" else r.category_vi,
    }


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    f = DossierFilter(status=args.status, person_id=args.person, category_code=args.category)
    with env.reading() as ctx:
        rows = [_list_record(r, env.out.tr) for r in dossier_list(ctx, f)]
    return _show(env, rows, text.list_lines(rows, env.out.tr))


def cmd_due(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.assessments import due_assessments

    tr = env.out.tr
    with env.reading() as ctx:
        unit_id = ctx.unit_by_code(args.unit).id if args.unit else None
        items = due_assessments(ctx.session, env.today, unit_id=unit_id)
        names = {c.code: text.category_name(c, tr) for c in catalogues.categories(ctx.session)}
    if args.overdue_only:
        items = [i for i in items if i.status == "overdue"]
    rows = [text.due_record(i, names) for i in items]
    return _show(env, rows, text.due_lines(rows, env.today, tr))


def cmd_categories(env: Env, args: argparse.Namespace) -> int:
    tr = env.out.tr
    with env.reading() as ctx:
        rows = [text.category_record(c, tr) for c in catalogues.categories(ctx.session)]
    return _show(env, rows, [line for r in rows for line in text.category_lines(r, tr)])
