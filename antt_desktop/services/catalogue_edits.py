"""Editing the catalogues (danh mục) an upper unit issues to its posts: add, edit, retire,
delete and import entries, each raising the catalogue's version.

Who: a role with ``Permission.CATALOGUES`` at an upper unit or the province. A commune post
takes its catalogues from above (SYNC.md "Ownership": its bundles could not carry its edits
up), so its services refuse with "Danh mục do cấp trên ban hành", audited as every refusal.

Every write checks first what its ``check_*`` reads (nothing is written on a problem), and
then writes the entry, the audit entry and the catalogue's new version (number + 1, today,
this unit) in the caller's one transaction; the sync stamps follow from the flush. An entry
that a record names is never deleted, only retired: it keeps its code and name for the old
records and is no longer offered for new ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import func, select

from antt_desktop.domain.enums import UnitKind
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.services import catalogues
from antt_desktop.services.catalogue_specs import (
    ACTIVITY_KIND,
    CATEGORY,
    INITIATIVE_TYPE,
    RUBRIC,
    SHIPPED_NUMBER,
    SPECS,
    CatalogueSpec,
    entry_problems,
    read_code,
    read_field,
)
from antt_desktop.services.context import Ctx, Permission, apply_changes
from antt_desktop.services.values import text_input_problems
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import (
    Activity,
    CatalogueItem,
    CatalogueVersion,
    Dossier,
    DossierCategory,
    Evaluation,
    Initiative,
    Rubric,
    Unit,
)

Entry = CatalogueItem | DossierCategory | Rubric
#: The audit log's name of each catalogue's entries.
ENTITY = {
    CATEGORY: "dossier_category",
    RUBRIC: "rubric",
    INITIATIVE_TYPE: "catalogue_item",
    ACTIVITY_KIND: "catalogue_item",
}


def spec_of(key: str) -> CatalogueSpec:
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationFailed.single("catalogue", "choice", value=key, allowed=list(SPECS))
    return spec


def model_of(key: str) -> type[Entry]:
    if key == CATEGORY:
        return DossierCategory
    return Rubric if key == RUBRIC else CatalogueItem


def _table(key: str) -> str:
    return str(model_of(key).__tablename__)


def entry_id(key: str, code: str) -> str:
    """The same id on every node (as :func:`catalogues.load_all` gives the shipped ones)."""
    if key in (CATEGORY, RUBRIC):
        return natural_id(_table(key), code)
    return natural_id("catalogue_items", key, code)


def find(ctx: Ctx, key: str, code: str, *, deleted: bool = False) -> Entry | None:
    """The entry ``code`` of catalogue ``key`` (tombstoned ones only when ``deleted``)."""
    spec = spec_of(key)
    model = model_of(key)
    wanted = code.strip().upper() if spec.upper_codes else code.strip()
    query = select(model).where(model.code == wanted)
    if model is CatalogueItem:
        query = query.where(CatalogueItem.catalogue == key)
    row = cast("Entry | None", ctx.session.execute(query).scalar_one_or_none())
    return row if row is not None and (deleted or not row.deleted) else None


def get(ctx: Ctx, key: str, code: str) -> Entry:
    row = find(ctx, key, code)
    if row is None:
        raise ValidationFailed.single("code", "catalogue.unknown_entry", value=code)
    return row


def entry_record(ctx: Ctx, key: str, code: str) -> tuple[str, str] | None:
    """``(entity, id)`` of entry ``code`` of catalogue ``key`` (None: no such entry), as
    the audit log names it: what an editor of the entry guards (services/edit_guard.py)."""
    row = find(ctx, key, code)
    return None if row is None else (ENTITY[key], row.id)


def issuer_problems(ctx: Ctx) -> list[Problem]:
    """``catalogue.issued_above`` when this node is a commune post (its catalogues come from
    above); nothing at an upper unit or the province."""
    here = ctx.local_unit()
    if here.kind != UnitKind.COMMUNE_POST.value:
        return []
    above = ctx.session.get(Unit, here.parent_id) if here.parent_id else None
    return [Problem("catalogue", "catalogue.issued_above", {"unit": above.name if above else "—"})]


def may_edit(ctx: Ctx) -> bool:
    """Whether this account, on this node, may change the catalogues (for the window)."""
    return ctx.may(Permission.CATALOGUES) and not issuer_problems(ctx)


def _require_issuer(ctx: Ctx, key: str, code: str | None) -> None:
    entity = ENTITY[spec_of(key).key]
    ctx.require(Permission.CATALOGUES, entity, code)
    if problems := issuer_problems(ctx):
        ctx.refused(Permission.CATALOGUES.value, entity, code)
        raise ValidationFailed(problems)


def read_values(
    spec: CatalogueSpec, values: Mapping[str, Any], problems: list[Problem]
) -> dict[str, Any]:
    """The stored values of the fields ``values`` names (typed text or typed values)."""
    unknown = sorted(set(values) - set(spec.names))
    problems += [Problem(name, "field.unknown", {"value": name}) for name in unknown]
    out = {name: read_field(spec.field(name), values[name], problems) for name in values}
    problems += text_input_problems({k: v for k, v in out.items() if isinstance(v, str)}, problems)
    return {k: v for k, v in out.items() if k not in unknown}


def _current(row: Entry, spec: CatalogueSpec) -> dict[str, Any]:
    return {name: getattr(row, name) for name in spec.names}


def _problems_new(
    ctx: Ctx, key: str, values: Mapping[str, Any]
) -> tuple[list[Problem], dict[str, Any]]:
    spec = spec_of(key)
    problems: list[Problem] = []
    raw = dict(values)
    code = read_code(spec, raw.pop("code", None), problems)
    read = read_values(spec, raw, problems)
    for f in spec.fields:  # a field left out of a new entry is blank
        if f.name not in read:
            read[f.name] = read_field(f, None, problems)
    problems += entry_problems(spec, read)
    if code is not None and find(ctx, key, code) is not None:
        problems.append(Problem("code", "catalogue.code_taken", {"value": code}))
    return problems, {"code": code, **read}


def _problems_edit(
    ctx: Ctx, row: Entry, key: str, changes: Mapping[str, Any]
) -> tuple[list[Problem], dict[str, Any]]:
    spec = spec_of(key)
    problems: list[Problem] = []
    raw = dict(changes)
    if "code" in raw and str(raw.pop("code") or "").strip().upper() != row.code.upper():
        problems.append(Problem("code", "catalogue.code_fixed", {"value": row.code}))
    read = read_values(spec, raw, problems)
    problems += entry_problems(spec, {**_current(row, spec), **read})
    return problems, read


def check_add_entry(ctx: Ctx, key: str, values: Mapping[str, Any]) -> list[Problem]:
    """What :func:`add_entry` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    return issuer_problems(ctx) + _problems_new(ctx, key, values)[0]


def check_edit_entry(ctx: Ctx, key: str, code: str, changes: Mapping[str, Any]) -> list[Problem]:
    """What :func:`edit_entry` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    return issuer_problems(ctx) + _problems_edit(ctx, get(ctx, key, code), key, changes)[0]


def _bump_version(ctx: Ctx, key: str) -> CatalogueVersion:
    """Raise catalogue ``key``'s version: number + 1, issued today by this unit."""
    ident = natural_id("catalogue_versions", key)
    version = ctx.session.get(CatalogueVersion, ident)
    unit = ctx.local_unit().name
    if version is None:
        version = CatalogueVersion(
            id=ident, catalogue=key, number=SHIPPED_NUMBER + 1, issued_on=ctx.today, issuer=unit
        )
        ctx.session.add(version)
    else:
        apply_changes(
            version,
            {
                "number": version.number + 1,
                "issued_on": ctx.today,
                "issuer": unit,
                "deleted": False,
            },
        )
    ctx.session.flush()
    ctx.audit("edit", "catalogue_version", version.id, ["number", "issued_on", "issuer"], key)
    return version


def _create(ctx: Ctx, key: str, values: dict[str, Any]) -> Entry:
    model = model_of(key)
    ident = entry_id(key, values["code"])
    row = cast("Entry | None", ctx.session.get(model, ident))
    if row is None:
        extra: dict[str, Any] = {"catalogue": key} if model is CatalogueItem else {}
        position = ctx.session.execute(
            select(func.count()).select_from(model).where(*_same_catalogue(key))
        ).scalar_one()
        if model is not Rubric:
            extra["position"] = position
        row = model(id=ident, **extra, **values)
        ctx.session.add(row)
    else:  # the code of an entry deleted earlier: it comes back with the new values
        apply_changes(row, {**values, "deleted": False, "retired": False})
    ctx.session.flush()
    ctx.audit("create", ENTITY[key], row.id, sorted(k for k, v in values.items() if v), key)
    return row


def _same_catalogue(key: str) -> list[Any]:
    return [CatalogueItem.catalogue == key] if model_of(key) is CatalogueItem else []


def add_entry(ctx: Ctx, key: str, values: Mapping[str, Any]) -> Entry:
    """Add an entry to catalogue ``key``; raises ValidationFailed and writes nothing when
    ``values`` break a rule."""
    _require_issuer(ctx, key, str(values.get("code") or "") or None)
    problems, read = _problems_new(ctx, key, values)
    raise_if_errors(problems)
    row = _create(ctx, key, read)
    _bump_version(ctx, key)
    catalogues.forget_cached(ctx.session)
    return row


def _edit(ctx: Ctx, key: str, row: Entry, read: dict[str, Any]) -> list[str]:
    changed = apply_changes(row, read)
    if changed:
        ctx.session.flush()
        ctx.audit("edit", ENTITY[key], row.id, changed, key)
    return changed


def edit_entry(ctx: Ctx, key: str, code: str, changes: Mapping[str, Any]) -> Entry:
    """Change some fields of entry ``code`` (never its code: records name it)."""
    _require_issuer(ctx, key, code)
    row = get(ctx, key, code)
    problems, read = _problems_edit(ctx, row, key, changes)
    raise_if_errors(problems)
    if _edit(ctx, key, row, read):
        _bump_version(ctx, key)
        catalogues.forget_cached(ctx.session)
    return row


def set_retired(ctx: Ctx, key: str, code: str, retired: bool = True) -> Entry:
    """Retire an entry (no longer offered for new records; old records keep it), or bring
    a retired one back."""
    _require_issuer(ctx, key, code)
    row = get(ctx, key, code)
    if apply_changes(row, {"retired": retired}):
        ctx.session.flush()
        ctx.audit("retire" if retired else "status", ENTITY[key], row.id, ["retired"], key)
        _bump_version(ctx, key)
        catalogues.forget_cached(ctx.session)
    return row


def uses(ctx: Ctx, key: str, code: str) -> int:
    """How many records (deleted ones too: they come back by sync) name entry ``code``."""
    column = {
        CATEGORY: Dossier.category_code,
        RUBRIC: Evaluation.rubric_code,
        INITIATIVE_TYPE: Initiative.type_code,
        ACTIVITY_KIND: Activity.kind,
    }[key]
    return int(ctx.session.execute(select(func.count()).where(column == code)).scalar_one())


def delete_entry(ctx: Ctx, key: str, code: str) -> None:
    """Delete an entry no record names; one in use is refused (retire it instead)."""
    _require_issuer(ctx, key, code)
    row = get(ctx, key, code)
    if count := uses(ctx, key, row.code):
        raise ValidationFailed.single("code", "catalogue.in_use", value=row.code, count=count)
    row.deleted = True
    ctx.session.flush()
    ctx.audit("delete", ENTITY[key], row.id, ["deleted"], key)
    _bump_version(ctx, key)
    catalogues.forget_cached(ctx.session)


def import_problems(
    ctx: Ctx, key: str, rows: Sequence[Mapping[str, Any]]
) -> list[tuple[int, Problem]]:
    """Every problem of importing ``rows`` (1-based line numbers): an entry whose code is
    known is edited, another one added. Reads, never writes."""
    found: list[tuple[int, Problem]] = []
    seen: set[str] = set()
    for n, values in enumerate(rows, 1):
        code = str(values.get("code") or "").strip()
        code = code.upper() if spec_of(key).upper_codes else code
        row = find(ctx, key, code) if code else None
        changes = {k: v for k, v in values.items() if k != "code"}
        problems = (
            _problems_edit(ctx, row, key, changes)[0]
            if row is not None
            else _problems_new(ctx, key, values)[0]
        )
        if code and code in seen:
            problems.append(Problem("code", "catalogue.code_repeated", {"value": code}))
        seen.add(code)
        found += [(n, p) for p in problems if p.is_error]
    return found


class ImportRefused(ValidationFailed):
    """An import refused as a whole, with the line of each problem."""

    def __init__(self, lines: list[tuple[int, Problem]]) -> None:
        self.lines = lines
        super().__init__([p for _, p in lines])


def import_entries(ctx: Ctx, key: str, rows: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """Add or edit every row, or nothing: every row is checked before the first is
    written. Returns (added, changed); the version rises once.

    Raises:
        ImportRefused: naming the line and field of each problem.
    """
    _require_issuer(ctx, key, None)
    if lines := import_problems(ctx, key, rows):
        raise ImportRefused(lines)
    added = changed = 0
    for values in rows:
        row = find(ctx, key, str(values["code"]).strip())
        if row is None:
            _create(ctx, key, _problems_new(ctx, key, values)[1])
            added += 1
        else:
            changes = {k: v for k, v in values.items() if k != "code"}
            changed += bool(_edit(ctx, key, row, _problems_edit(ctx, row, key, changes)[1]))
    if added or changed:
        _bump_version(ctx, key)
        catalogues.forget_cached(ctx.session)
    return added, changed
