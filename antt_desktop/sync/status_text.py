"""A peer's sync state in plain sentences, so an officer never wonders whether the upper
unit got their data ("Đơn vị cấp trên đã xác nhận nhận dữ liệu đến ngày …; còn 125 thay đổi
chưa được xác nhận")."""

from __future__ import annotations

from datetime import datetime

from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.texts.audit_chain import ALERT_DIVERGED, ALERT_SHORTENED
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.sync.status import PeerStatus

RELATIONS = {
    "upstream": N_("Upper unit"),
    "downstream": N_("Unit below"),
}


def when(iso: str | None, tr: Translator, *, with_time: bool = True) -> str:
    """A stored UTC time as local day (and time), or "never"."""
    if not iso:
        return tr(N_("never"))
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def heading(p: PeerStatus, tr: Translator) -> str:
    return f"{tr(RELATIONS.get(p.relation, N_('Unit below')))}: {p.unit_name} ({p.unit_code})"


def sentences(p: PeerStatus, tr: Translator) -> list[str]:
    """What an officer needs to know about one peer, most important first."""
    if p.status != "active":
        return [tr(N_("Its sync key is revoked: nothing is exchanged with it any more."))]
    count = fmt_int(p.unacknowledged, tr)
    day = when(p.acked_at, tr, with_time=False)
    if p.acked_at is None:
        first = tr(
            N_(
                "{unit} has not confirmed receiving any data from this computer yet;"
                " {count} changes are waiting to reach it"
            )
        )
    elif p.unacknowledged:
        first = tr(
            N_(
                "{unit} has confirmed receiving this computer's data up to {day};"
                " {count} changes are not confirmed yet"
            )
        )
    else:
        first = tr(N_("{unit} has confirmed receiving all of this computer's data ({day})"))
    lines = [first.format(unit=p.unit_name, day=day, count=count)]
    if p.audit_alert is not None:
        lines.insert(0, audit_alert_text(p.audit_alert, tr))
    lines.append(
        tr(
            N_(
                "Last sync file written for it: {export}; last sync file imported from it:"
                " {imported}"
            )
        ).format(export=when(p.last_export_at, tr), imported=when(p.last_import_at, tr))
    )
    if p.missing_bundles:
        lines.append(
            tr(
                N_(
                    "Sync files number {numbers} from it never arrived here: a USB stick may"
                    " have been lost. Nothing is missing: its next file carries their content"
                    " again."
                )
            ).format(numbers=", ".join(map(str, p.missing_bundles)))
        )
    return lines


def audit_alert_text(alert: dict[str, object], tr: Translator) -> str:
    """The kept warning that a unit's audit log went backwards or was rewritten."""
    template = ALERT_SHORTENED if alert.get("kind") == "shortened" else ALERT_DIVERGED
    day = when(str(alert.get("at") or ""), tr, with_time=False)
    return tr(template).format(day=day, before=alert.get("before"), now=alert.get("now"))
