"""How the household and area commands print what services.household_rows reads; the
words of a pledge are the household presenter's (``antt_desktop.presenters.household``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from antt_desktop.cli.output import Output
from antt_desktop.domain.rates import round_half_up
from antt_desktop.i18n.formatting import fmt_date, fmt_int, fmt_ratio
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.households import POVERTY_STATUS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.household import cultured, pledge_status
from antt_desktop.services.household_rows import (
    AreaRow,
    HouseholdPage,
    HouseholdRow,
    PledgeRow,
)
from antt_desktop.services.households import POVERTY_STATUSES
from antt_desktop.services.pledges import AreaCoverage

#: Status value → its label (the labels of texts/households.py, in the same order).
POVERTY_LABELS = dict(zip(POVERTY_STATUSES, POVERTY_STATUS, strict=True))
AREA_KINDS = {
    "thon": N_("village (thôn)"),
    "xom": N_("hamlet (xóm)"),
    "ban": N_("ethnic village (bản)"),
    "ap": N_("hamlet (ấp)"),
    "to_dan_pho": N_("residential group (tổ dân phố)"),
    "khu_pho": N_("urban quarter (khu phố)"),
}


def area_record(a: AreaRow) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "kind": a.kind, "households": a.households}


def pledge_record(p: PledgeRow) -> dict[str, Any]:
    return {
        "id": p.id,
        "household_id": p.household_id,
        "household_number": p.household_number,
        "year": p.year,
        "status": p.status,
        "signed_on": p.signed_on,
        "signer_name": p.signer_name,
        "officer_name": p.officer_name,
        "cultured_family": p.cultured_family,
        "violation_notes": p.violation_notes,
        "template_version": p.template_version,
    }


def household_record(page: HouseholdPage) -> dict[str, Any]:
    """A household with its members, pledges (latest year first) and yearly status."""
    h = page.household
    return {
        "id": h.id,
        "number": h.number,
        "area": h.area,
        "area_id": h.area_id,
        "address": h.address,
        "head_person_id": h.head_person_id,
        "head_name": h.head_name,
        "notes": h.notes,
        "members": [
            {
                "id": m.id,
                "full_name": m.full_name,
                "relation_to_head": m.relation_to_head,
                "born": m.born,
                "sex": m.sex,
            }
            for m in page.members
        ],
        "pledges": [pledge_record(p) for p in page.pledges],
        "poverty": [{"year": row.year, "status": row.status} for row in page.poverty],
    }


def pledge_line(p: dict[str, Any], tr: Translator) -> str:
    """``2026: đã ký; Ngày ký: 15/01/2026; Người ký ...: Nguyễn Văn Đức  [id]``."""
    parts = [
        (field_label(key, tr), fmt_date(p[key], tr) if key == "signed_on" else p[key])
        for key in ("signed_on", "signer_name", "officer_name", "violation_notes")
        if p[key]
    ]
    if p["cultured_family"] is not None:
        parts.append((field_label("cultured_family", tr), cultured(p["cultured_family"], tr)))
    details = "; ".join(f"{label}: {value}" for label, value in parts)
    status = pledge_status(p["status"], tr)
    return f"{p['year']}: {status}" + (f"; {details}" if details else "") + f"  [{p['id']}]"


def print_household(out: Output, r: dict[str, Any]) -> None:
    tr = out.tr
    out.line(f"{tr(N_('Household number'))} {r['number']}  [{r['id']}]")
    out.table(
        [
            (field_label(key, tr), str(r[name]))
            for key, name in (
                ("head_person_id", "head_name"),
                ("area_id", "area"),
                ("address", "address"),
                ("notes", "notes"),
            )
            if r[name]
        ]
    )
    out.line(tr(N_("Household members ({count}):")).format(count=len(r["members"])))
    for m in r["members"]:
        details = "; ".join(v for v in (m["relation_to_head"], m["born"]) if v)
        out.line(
            f"  {m['full_name']}  ({details})  [{m['id']}]"
            if details
            else f"  {m['full_name']}  [{m['id']}]"
        )
    if r["pledges"]:
        out.line(tr(N_("Pledges by year:")))
        for p in r["pledges"]:
            out.line(f"  {pledge_line(p, tr)}")
    if r["poverty"]:
        out.line(f"{field_label('poverty_status', tr)}:")
        for row in r["poverty"]:
            out.line(f"  {row['year']}: {tr(POVERTY_LABELS.get(row['status'], row['status']))}")


def household_list_record(r: HouseholdRow) -> dict[str, Any]:
    """A line of ``household list``, with head and member count."""
    return {
        "id": r.id,
        "number": r.number,
        "head_name": r.head,
        "area": r.area,
        "address": r.address,
        "members": r.members,
    }


def coverage_record(row: AreaCoverage) -> dict[str, Any]:
    percent = row.ratio.percent
    return {
        "area_id": row.area_id,
        "area": row.area_name,
        "households": row.households,
        "pledged": row.pledged,
        "refused": row.refused,
        "violated": row.violated,
        "percent": round_half_up(percent, 1) if percent is not None else None,
        "is_total": row.is_total,
    }


def print_coverage(out: Output, year: int, rows: Sequence[AreaCoverage]) -> None:
    """One line per area and the total, in aligned columns."""
    tr = out.tr
    out.line(tr(N_("Pledge coverage in {year}")).format(year=year))
    header = [
        field_label("area_id", tr),
        tr(N_("Households")),
        tr(N_("Pledged")),
        tr(N_("Refused")),
        tr(N_("Violated")),
        tr(N_("Coverage")),
    ]
    table = [header]
    for r in rows:
        name = tr(N_("Total")) if r.is_total else (r.area_name or tr(N_("(no residential area)")))
        counts = [fmt_int(n, tr) for n in (r.households, r.pledged, r.refused, r.violated)]
        table.append([name, *counts, fmt_ratio(r.ratio, tr)])
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for line in table:
        cells = [line[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True)
        ]
        out.line("  " + "  ".join(cells).rstrip())
