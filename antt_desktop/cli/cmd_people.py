"""Commands about residents: person add|show|edit|photo, and search."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antt_desktop.cli import merge_text
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.privacy import HISTORY_TITLE, NO_CORRECTIONS
from antt_desktop.i18n.translator import N_

if TYPE_CHECKING:
    from antt_desktop.cli.env import Env
    from antt_desktop.services.context import Ctx

WITHHELD = N_("Not shown to your account (sensitive personal data): {fields}.")
PERSON_OPTIONS = (
    ("--name", "full_name"),
    ("--other-names", "other_names"),
    ("--born", "born"),
    ("--sex", "sex"),
    ("--id-number", "id_number"),
    ("--id-override-reason", "id_override_reason"),
    ("--legacy-id", "legacy_id"),
    ("--ethnic", "ethnic_code"),
    ("--religion", "religion_code"),
    ("--birth-place", "birth_place"),
    ("--address", "current_address"),
    ("--permanent-address", "permanent_address"),
    ("--occupation", "occupation"),
    ("--phone", "phone"),
    ("--notes", "notes"),
)


def _person_options(p: argparse.ArgumentParser, *, require_name: bool) -> None:
    for flag, dest in PERSON_OPTIONS:
        p.add_argument(flag, dest=dest, required=require_name and dest == "full_name")
    p.add_argument("--area", help="residential area name (current residence)")
    p.add_argument("--permanent-area", help="residential area name (permanent residence)")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    person = commands.add_parser("person", help="residents").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = person.add_parser("add", help="add a resident")
    _person_options(p, require_name=False)  # --name, or the name on the card (--cccd-qr)
    p.add_argument(
        "--cccd-qr",
        metavar="TEXT",
        help="the text of the QR code on the citizen ID card: fills the name, date of birth,"
        " sex, ID numbers and permanent address; the options given beside it win",
    )
    p.set_defaults(func=cmd_add, usage_error=p.error)
    p = person.add_parser("show", help="show a resident")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)
    p = person.add_parser("edit", help="change fields of a resident")
    p.add_argument("id")
    _person_options(p, require_name=False)
    p.add_argument("--reason", help="reason for correcting a value already recorded")
    p.set_defaults(func=cmd_edit)
    p = person.add_parser("photo", help="set, remove or save a resident's photo")
    p.add_argument("id")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--set", metavar="FILE", help="a JPEG, PNG, BMP or WebP picture")
    what.add_argument("--remove", action="store_true", help="remove the photo")
    what.add_argument("--out", metavar="FILE", help="save the photo (JPEG) to FILE")
    p.set_defaults(func=cmd_photo)
    p = person.add_parser("history", help="the corrections of a resident's data")
    p.add_argument("id")
    p.set_defaults(func=cmd_history)
    merge_text.register(person)

    p = commands.add_parser("search", help="accent-insensitive search of people and households")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--kind", choices=("person", "household"))
    p.set_defaults(func=cmd_search)


def _values(ctx: Ctx, args: argparse.Namespace) -> dict[str, Any]:
    from antt_desktop.services.units import area_by_name

    values = {
        dest: getattr(args, dest) for _f, dest in PERSON_OPTIONS if getattr(args, dest) is not None
    }
    if args.area:
        values["current_area_id"] = area_by_name(ctx, args.area).id
    if args.permanent_area:
        values["permanent_area_id"] = area_by_name(ctx, args.permanent_area).id
    return values


def person_record(ctx: Ctx, person_id: str) -> dict[str, Any]:
    """A person as shown by ``person show`` and printed by ``--json``."""
    from antt_desktop.services.people_rows import person_details

    p = person_details(ctx, person_id)
    return {
        "id": p.id,
        "full_name": p.full_name,
        "other_names": p.other_names,
        "born": p.born,
        "sex": p.sex,
        "id_number": p.id_number,
        "legacy_id": p.legacy_id,
        "ethnic_code": p.ethnic_name,
        "religion_code": p.religion_name,
        "nationality": p.nationality,
        "birth_place": p.birth_place,
        "permanent_address": p.permanent_address,
        "permanent_area_id": p.permanent_area,
        "current_address": p.current_address,
        "current_area_id": p.current_area,
        "occupation": p.occupation,
        "phone": p.phone,
        "household_id": p.household_id,
        "relation_to_head": p.relation_to_head,
        "notes": p.notes,
        "withheld": list(p.withheld),
    }


def _print_person(env: Env, record: dict[str, Any]) -> None:
    env.out.data(record)
    rows = [
        (field_label(k, env.out.tr), str(v))
        for k, v in record.items()
        if v not in (None, "", []) and k not in ("id", "household_id", "withheld")
    ]
    env.out.line(f"{record['full_name']}  [{record['id']}]")
    env.out.table(rows)
    if record["withheld"]:
        names = ", ".join(field_label(k, env.out.tr) for k in record["withheld"])
        env.out.line(env.out._(WITHHELD).format(fields=names))


def cmd_add(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.domain.cccd import read_card
    from antt_desktop.services.people import PersonInput, add_person

    if not (args.full_name or args.cccd_qr):
        args.usage_error("the following arguments are required: --name (or --cccd-qr)")
    # a card that cannot be read is refused before the database opens: nothing is written
    card = read_card(args.cccd_qr, today=env.today).person_values() if args.cccd_qr else {}
    with env.writing() as ctx:
        result = add_person(ctx, PersonInput(**{**card, **_values(ctx, args)}))
        record = person_record(ctx, result.person.id)
    env.out.warnings(result.warnings)
    env.out.line(env.out._(N_("Saved.")))
    _print_person(env, record)
    return 0


def cmd_edit(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.people import edit_person

    with env.writing() as ctx:
        result = edit_person(ctx, args.id, _values(ctx, args), reason=args.reason)
        record = person_record(ctx, result.person.id)
    env.out.warnings(result.warnings)
    env.out.line(env.out._(N_("Saved.")))
    _print_person(env, record)
    return 0


def cmd_show(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.audit_events import record_view, shown_fields

    with env.reading() as ctx:
        record = person_record(ctx, args.id)
        record_view(ctx, "person", record["id"], shown_fields(record, ("id", "withheld")))
    _print_person(env, record)
    return 0


def cmd_photo(env: Env, args: argparse.Namespace) -> int:
    """``person photo ID --set FILE | --remove | --out FILE``."""
    from antt_desktop.services import photos
    from antt_desktop.services.audit_events import record_export, require_export

    _ = env.out._
    if args.set:
        picture = photos.read_picture_file(Path(args.set))  # refused before the database opens
        with env.writing() as ctx:
            photo = photos.set_photo(ctx, args.id, picture)
        env.out.data({"id": args.id, "photo": {"width": photo.width, "height": photo.height}})
        env.out.line(_(N_("Saved.")))
        env.out.line(
            _(N_("Photo: {width}×{height} pixels, {kb} KB (JPEG)")).format(
                width=photo.width, height=photo.height, kb=max(1, round(len(photo.data) / 1024))
            )
        )
        return 0
    if args.remove:
        with env.writing() as ctx:
            removed = photos.remove_photo(ctx, args.id)
        env.out.data({"id": args.id, "removed": removed})
        env.out.line(_(N_("The photo was removed.")) if removed else _(N_("There is no photo.")))
        return 0
    target = Path(args.out)
    with env.reading() as ctx:
        require_export(ctx)  # the file leaves the database's protection
        data = photos.photo_of(ctx, args.id)
        if data is not None:
            target.write_bytes(data)
            record_export(
                ctx, what="person photo", where=target.name, entity="person", entity_id=args.id
            )
    if data is None:
        env.out.data({"id": args.id, "file": None})
        env.out.line(_(N_("There is no photo.")))
        return 1  # nothing to save
    env.out.data({"id": args.id, "file": str(target)})
    env.out.line(_(N_("The photo was saved to {path}.")).format(path=target))
    return 0


def cmd_search(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.services.search import search

    with env.reading() as ctx:
        hits = search(ctx, args.text, limit=args.limit, kind=args.kind)
    env.out.data([h.to_dict() for h in hits])
    if not hits:
        env.out.line(env.out._(N_("Nothing found.")))
    for h in hits:
        kind = env.out._(N_("person")) if h.kind == "person" else env.out._(N_("household"))
        env.out.line(f"  {h.name}  ({kind}; {h.detail})  [{h.id}]")
    return 0


def cmd_history(env: Env, args: argparse.Namespace) -> int:
    """Each correction: date, field, old → new value, reason and who corrected it."""
    from antt_desktop.services.people_rows import correction_history

    tr = env.out.tr
    with env.reading() as ctx:
        history = correction_history(ctx, args.id, tr)
    rows = [
        f"  {fmt_date(c.line.corrected_on, tr)}  {field_label(c.line.field, tr)}:"
        f" {c.old_text} → {c.new_text}"
        f"  ({field_label('corrected_by', tr)}: {c.line.corrected_by})"
        + (
            f"\n      {field_label('correction_reason', tr)}: {c.line.reason}"
            if c.line.reason
            else ""
        )
        for c in history.rows
    ]
    env.out.data([c.line.to_dict() for c in history.rows])
    env.out.line(f"{tr(HISTORY_TITLE)}: {history.full_name}  [{history.person_id}]")
    for row in rows or ["  " + tr(NO_CORRECTIONS)]:
        env.out.line(row)
    return 0
