"""``antt catalogue list|show|edit|import|export``: the catalogues (danh mục) an upper unit
keeps for its posts — dossier categories, rubrics, initiative types, activity kinds.

``list`` names each catalogue with the version this node holds; ``show`` its entries
(``--to-check``: only those still to be checked); ``edit`` one entry (``--set field=value``,
``--add`` for a new one, ``--retire``/``--unretire``, ``--delete``); ``export`` writes a
catalogue as JSON or CSV (cells that a spreadsheet would run as formulas are neutralised);
``import`` reads such a file and adds or changes every entry in it, or nothing: a bad line
exits 3 naming the line and the field.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from antt_desktop.cli.env import Env
from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.i18n.messages import describe, field_label
from antt_desktop.i18n.texts.catalogue_edits import RETIRED_BADGE, TO_CHECK_BADGE
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.catalogue_text import catalogue_name, shown, typed, version_line
from antt_desktop.services import catalogue_edits as edits
from antt_desktop.services import catalogue_rows
from antt_desktop.services.catalogue_specs import KEYS, SPECS

LINE = N_("Line {line}: {problem}")
ENTRY = N_("Entry {line}: {problem}")
NOT_IMPORTED = N_("Nothing was imported; the file has problems:")
IMPORTED = N_("{added} entries added, {changed} changed; the catalogue is now: {version}")
SAVED = N_("Saved: {path} ({count} entries)")
DONE = N_("Saved. {version}")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cat = commands.add_parser(
        "catalogue",
        help="the catalogues the upper unit keeps: categories, rubrics, initiative types,"
        " activity kinds",
    )
    sub = cat.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="each catalogue with the version this node holds")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("show", help="the entries of one catalogue")
    p.add_argument("catalogue", choices=KEYS)
    p.add_argument("--to-check", action="store_true", help="only entries still to be checked")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("edit", help="change, add, retire or delete one entry")
    p.add_argument("catalogue", choices=KEYS)
    p.add_argument("code", help="the entry's code")
    p.add_argument(
        "--set", action="append", default=[], metavar="FIELD=VALUE", help="a field's new value"
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--add", action="store_true", help="add a new entry with this code")
    what.add_argument("--retire", action="store_true", help="no longer offer it for new records")
    what.add_argument("--unretire", action="store_true", help="offer a retired entry again")
    what.add_argument("--delete", action="store_true", help="delete an entry no record uses")
    p.set_defaults(func=cmd_edit)
    p = sub.add_parser("export", help="write one catalogue to a JSON or CSV file")
    p.add_argument("catalogue", choices=KEYS)
    p.add_argument("--out", type=Path, required=True, help="file to write (.json or .csv)")
    p.add_argument("--format", choices=("json", "csv"), help="default: from the file's suffix")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help="add or change entries from a JSON or CSV file, all or none")
    p.add_argument("catalogue", choices=KEYS)
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)


def cmd_list(env: Env, args: argparse.Namespace) -> int:
    with env.reading() as ctx:
        found = catalogue_rows.summaries(ctx)
    env.out.data([s.to_dict() for s in found])
    tr = env.out.tr
    for s in found:
        env.out.line(f"{catalogue_name(s.key, tr)} ({s.key})")
        env.out.line(f"  {version_line(s.version, tr)}")
        counts = f"  {s.entries} · {tr(RETIRED_BADGE)}: {s.retired}"
        env.out.line(f"{counts} · {tr(TO_CHECK_BADGE)}: {s.to_check}")
    return 0


def cmd_show(env: Env, args: argparse.Namespace) -> int:
    key = args.catalogue
    with env.reading() as ctx:
        rows = catalogue_rows.entries(ctx, key, only_to_check=args.to_check)
        version = catalogue_rows.version(ctx, key)
    env.out.data({"version": version.to_dict(), "entries": [r.to_dict() for r in rows]})
    tr = env.out.tr
    env.out.line(f"{catalogue_name(key, tr)} — {version_line(version, tr)}")
    spec = SPECS[key]
    for r in rows:
        badges = [tr(TO_CHECK_BADGE)] * r.to_check + [tr(RETIRED_BADGE)] * r.retired
        env.out.line("")
        env.out.line(f"{r.code}  {r.name_vi}" + "".join(f"  [{b}]" for b in badges))
        fields = [f for f in spec.fields if f.name not in ("name_vi", "to_check")]
        env.out.table([(field_label(f.name, tr), shown(f, r.values[f.name], tr)) for f in fields])
    return 0


def _settings(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            problems.append(Problem("catalogue", "catalogue.set_format", {"value": pair}))
        values[name.strip()] = value
    if problems:
        raise ValidationFailed(problems)
    return values


def cmd_edit(env: Env, args: argparse.Namespace) -> int:
    key, code = args.catalogue, args.code
    values = _settings(args.set)
    with env.writing() as ctx:
        if args.add:
            edits.add_entry(ctx, key, {"code": code, **values})
        elif args.delete:
            edits.delete_entry(ctx, key, code)
        elif args.retire or args.unretire:
            edits.set_retired(ctx, key, code, args.retire)
        else:
            edits.edit_entry(ctx, key, code, values)
    with env.reading() as ctx:
        version = catalogue_rows.version(ctx, key)
    env.out.data({"ok": True, "version": version.to_dict()})
    env.out.line(env.out._(DONE).format(version=version_line(version, env.out.tr)))
    return 0


def _file_rows(key: str, entries: tuple[catalogue_rows.EntryRow, ...]) -> list[dict[str, Any]]:
    spec = SPECS[key]
    return [{"code": r.code, **{f.name: r.values[f.name] for f in spec.fields}} for r in entries]


def cmd_export(env: Env, args: argparse.Namespace) -> int:
    from antt_desktop.domain.formula_guard import neutralise

    key, path = args.catalogue, Path(args.out)
    kind = args.format or ("csv" if path.suffix.lower() == ".csv" else "json")
    with env.reading() as ctx:
        rows = _file_rows(key, catalogue_rows.entries(ctx, key))
        version = catalogue_rows.version(ctx, key)
    if kind == "json":
        payload = {"catalogue": key, "version": version.to_dict(), "entries": rows}
        text = json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        buffer = io.StringIO()
        names = ["code", *SPECS[key].names]
        writer = csv.writer(buffer)
        writer.writerow(names)
        for row in rows:
            cells = [row["code"]] + [typed(SPECS[key].field(n), row[n]) for n in names[1:]]
            writer.writerow([neutralise(c) for c in cells])
        text = "\ufeff" + buffer.getvalue()  # Excel opens UTF-8 with a BOM as UTF-8
    path.write_text(text, encoding="utf-8", newline="")
    env.out.data({"file": str(path), "entries": len(rows)})
    env.out.line(env.out._(SAVED).format(path=path, count=len(rows)))
    return 0


def _refuse_file(path: Path, reason: str) -> ValidationFailed:
    return ValidationFailed.single("file", "catalogue.file", value=path.name, reason=reason)


def read_file(path: Path) -> tuple[list[dict[str, Any]], bool]:
    """The entries of a catalogue file, and whether it is CSV (its lines are numbered from
    the header); a file that cannot be read raises ValidationFailed."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _refuse_file(path, type(exc).__name__) from None
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "code" not in reader.fieldnames:
            raise _refuse_file(path, "code")
        rows = [{k: v for k, v in r.items() if k is not None and v is not None} for r in reader]
        return [_unguarded(r) for r in rows], True
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _refuse_file(path, f"JSON {exc.lineno}:{exc.colno}") from None
    entries = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _refuse_file(path, "entries")
    return entries, False


def _unguarded(row: Mapping[str, str]) -> dict[str, str]:
    """A CSV row as written by ``export``: the apostrophe that kept a cell from running as a
    formula is not part of the value."""
    return {k: v[1:] if v.startswith("'") and v[1:2] in "=+-@" else v for k, v in row.items()}


def cmd_import(env: Env, args: argparse.Namespace) -> int:
    key, path = args.catalogue, Path(args.file)
    rows, is_csv = read_file(path)
    try:
        with env.writing() as ctx:
            added, changed = edits.import_entries(ctx, key, rows)
    except edits.ImportRefused as refused:
        where = LINE if is_csv else ENTRY
        lines = [
            env.out._(where).format(line=n + 1 if is_csv else n, problem=describe(p, env.out.tr))
            for n, p in refused.lines
        ]
        env.out.data({"ok": False, "errors": lines})
        print(env.out._(NOT_IMPORTED), file=env.out.err)
        for text in lines:
            print(f"  - {text}", file=env.out.err)
        return 3
    with env.reading() as ctx:
        version = catalogue_rows.version(ctx, key)
    env.out.data({"added": added, "changed": changed, "version": version.to_dict()})
    env.out.line(
        env.out._(IMPORTED).format(
            added=added, changed=changed, version=version_line(version, env.out.tr)
        )
    )
    return 0
