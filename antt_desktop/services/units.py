"""Setting up the post (antt init), its units and residential areas."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import AreaKind, UnitKind
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, Permission, max_length, require
from antt_desktop.store.base import natural_id
from antt_desktop.store.errors import KnownError
from antt_desktop.store.models import Area, LocalNode, Unit, User

UNIT_CODE = re.compile(r"^[0-9A-Za-z_.-]{1,16}$")
USERNAME = re.compile(r"^[a-z0-9_.-]{2,64}$")


class AlreadyInitialised(KnownError):
    code = "db.already_initialised"
    exit_code = 3


def unit_id(code: str) -> str:
    """A unit's id follows from its official code, so the post and its upper unit that each
    record the same unit hold one row, not twins that clash when they sync."""
    return natural_id("units", code.strip())


def _check_unit(
    field_code: str, field_name: str, code: str | None, name: str | None
) -> list[Problem]:
    problems = require({field_code: code, field_name: name}, field_code, field_name)
    if code and not UNIT_CODE.match(code.strip()):
        problems.append(Problem(field_code, "unit.code_format", {"value": code}))
    problems += max_length(field_name, name, 200)
    return problems


def ward_details(code: str) -> tuple[str | None, str | None]:
    """(place name, parent body) for an official ward code, e.g. 'Hoàn Kiếm', 'CÔNG AN
    THÀNH PHỐ HÀ NỘI'; (None, None) when the code is not on the official list."""
    from vietnam_provinces import Province, Ward

    try:
        ward = Ward.from_code(int(code))  # type: ignore[arg-type]
    except (ValueError, KeyError):
        return None, None
    province = Province.from_code(ward.province_code)
    place = re.sub(r"^(Phường|Xã|Đặc khu)\s+", "", ward.name)
    bare = re.sub(r"^(Thành phố|Tỉnh)\s+", "", province.name)
    is_city = "thành phố" in str(province.division_type.value)
    parent = f"CÔNG AN {'THÀNH PHỐ' if is_city else 'TỈNH'} {bare.upper()}"
    return place, parent


def initialise(
    session: Session,
    *,
    unit_code: str,
    unit_name: str,
    admin: str,
    upper_code: str | None = None,
    upper_name: str | None = None,
    kind: UnitKind = UnitKind.COMMUNE_POST,
    node_id: str | None = None,
) -> Unit:
    """Create this installation: its node identity, its unit (and upper unit), the first
    account and every catalogue. Refused if the database is already set up."""
    existing = session.get(LocalNode, 1)
    if existing is not None and existing.unit_id is not None:
        unit = session.get(Unit, existing.unit_id)
        raise AlreadyInitialised(code=unit.code if unit else "?")
    problems = _check_unit("unit_code", "unit_name", unit_code, unit_name)
    if upper_code or upper_name:
        problems += _check_unit("upper_code", "upper_name", upper_code, upper_name)
    if not USERNAME.match(admin or ""):
        problems.append(Problem("admin", "user.name_format", {"value": admin}))
    raise_if_errors(problems)

    node = LocalNode(
        singleton=1,
        node_id=node_id or str(uuid.uuid4()),
        replica_id=str(uuid.uuid4()),
        hlc=0,
        counter=0,
        seq=0,
    )
    session.add(node)
    session.flush()
    upper = None
    if upper_code and upper_name:
        upper = Unit(
            id=unit_id(upper_code),
            code=upper_code.strip(),
            name=normalize_name(upper_name),
            kind=UnitKind.UPPER_UNIT.value,
        )
        session.add(upper)
        session.flush()
    place, parent = ward_details(unit_code.strip())
    unit = Unit(
        id=unit_id(unit_code),
        code=unit_code.strip(),
        name=normalize_name(unit_name),
        kind=kind.value,
        parent_id=upper.id if upper else None,
        ward_code=unit_code.strip() if place else None,
        place_name=place,
        parent_body=(upper.name.upper() if upper else parent),
        upper_label=upper.name if upper else None,
    )
    session.add(unit)
    session.flush()
    node.unit_id = unit.id
    session.add(User(username=admin, full_name=admin, role="admin", unit_id=unit.id))
    catalogues.load_all(session)
    return unit


def add_unit(
    ctx: Ctx,
    *,
    code: str,
    name: str,
    kind: UnitKind = UnitKind.COMMUNE_POST,
    parent_id: str | None = None,
) -> Unit:
    """Register another unit (an upper unit lists the posts it aggregates)."""
    ctx.require(Permission.UNITS)
    raise_if_errors(_check_unit("unit_code", "unit_name", code, name))
    code = code.strip()
    if ctx.session.execute(select(Unit.id).where(Unit.code == code)).first():
        raise ValidationFailed.single("unit_code", "unit.duplicate", value=code)
    place, parent_body = ward_details(code)
    unit = Unit(
        id=unit_id(code),
        code=code,
        name=normalize_name(name),
        kind=kind.value,
        parent_id=parent_id,
        ward_code=code if place else None,
        place_name=place,
        parent_body=parent_body,
    )
    ctx.session.add(unit)
    ctx.session.flush()
    ctx.audit("create", "unit", unit.id, ["code", "name", "kind"])
    return unit


def add_area(
    ctx: Ctx, *, name: str, kind: str = AreaKind.THON.value, unit_id: str | None = None
) -> Area:
    """Add a residential area (thôn, tổ dân phố...) to a unit (default: this post)."""
    ctx.require(Permission.WRITE)
    unit = ctx.get(Unit, unit_id, "unit") if unit_id else ctx.local_unit()
    problems = require({"area": name}, "area") + max_length("area", name, 120)
    if kind not in {k.value for k in AreaKind}:
        problems.append(
            Problem("area_kind", "choice", {"value": kind, "allowed": [k.value for k in AreaKind]})
        )
    raise_if_errors(problems)
    clean = normalize_name(name)
    for existing in areas(ctx.session, unit.id):  # "thôn đồng tâm" is "Thôn Đồng Tâm"
        if fold(existing.name) == fold(clean):
            raise ValidationFailed.single("area", "area.duplicate", value=existing.name)
    area = Area(unit_id=unit.id, name=clean, kind=kind)
    ctx.session.add(area)
    ctx.session.flush()
    ctx.audit("create", "area", area.id, ["name", "kind"])
    return area


def area_by_name(ctx: Ctx, name: str, unit_id: str | None = None) -> Area:
    """The area of this post (or ``unit_id``) with this name, ignoring case and accents."""
    unit = ctx.get(Unit, unit_id, "unit") if unit_id else ctx.local_unit()
    wanted = fold(name)
    for area in ctx.session.execute(
        select(Area).where(Area.unit_id == unit.id, Area.deleted.is_(False))
    ).scalars():
        if fold(area.name) == wanted:
            return area
    raise ValidationFailed.single("area", "area.unknown", value=name)


def areas(session: Session, unit_id: str) -> list[Area]:
    """The unit's live residential areas in alphabetical order, ignoring accents."""
    rows = session.execute(
        select(Area).where(Area.unit_id == unit_id, Area.deleted.is_(False))
    ).scalars()
    return sorted(rows, key=lambda a: (fold(a.name), a.name))
