"""The words of the catalogues, for the window and ``antt catalogue`` alike: the version line
("Phiên bản 5 — 02/12/2026 — Công an tỉnh Thái Nguyên"), catalogue names and field values as
an officer reads and types them."""

from __future__ import annotations

from typing import Any

from antt_desktop.i18n.texts.catalogue_edits import (
    CADENCE_NAMES,
    CATALOGUE_NAMES,
    SHIPPED_ISSUER,
    VERSION_LINE,
)
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.catalogue_rows import Version
from antt_desktop.services.catalogue_specs import FieldSpec, criteria_text


def catalogue_name(key: str, tr: Translator) -> str:
    return tr(CATALOGUE_NAMES[key]) if key in CATALOGUE_NAMES else key


def version_line(version: Version, tr: Translator) -> str:
    return tr(VERSION_LINE).format(
        number=version.number,
        day=version.issued_on.strftime("%d/%m/%Y"),
        issuer=version.issuer or tr(SHIPPED_ISSUER),
    )


def typed(f: FieldSpec, value: Any) -> str:
    """``value`` of field ``f`` as typed in an editor or a CSV cell (read back unchanged)."""
    if value is None:
        return ""
    if f.kind == "bool":
        return "1" if value else "0"
    if f.kind == "list":
        return "; ".join(value)
    if f.kind == "criteria":
        return criteria_text(value)
    return str(value)


def shown(f: FieldSpec, value: Any, tr: Translator) -> str:
    """``value`` of field ``f`` as a list or ``antt catalogue show`` shows it."""
    if f.kind == "bool":
        return tr("yes") if value else tr("no")
    if f.kind == "choice" and f.name == "cadence" and value in CADENCE_NAMES:
        return tr(CADENCE_NAMES[value])
    if f.kind == "criteria":
        return "; ".join(f"{c['name_vi']} ({c['max']})" for c in value or ())
    return typed(f, value)
