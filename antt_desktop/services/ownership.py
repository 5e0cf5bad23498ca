"""Who may change a dossier or a person: the post that owns it (SYNC.md "Ownership").

When the upper unit transfers a dossier (chuyển hồ sơ) to another post, the dossier and its
person change owner; the old post keeps a read-only copy and its services refuse to change
it, naming the unit it went to. Upper units and the province relay and review records of
their posts, so the rule binds posts only.
"""

from __future__ import annotations

from antt_desktop.domain.enums import UnitKind
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services.context import Ctx
from antt_desktop.store.models import LocalNode, Unit
from antt_desktop.store.models.dossiers import Dossier
from antt_desktop.store.models.people import Person


def require_owned(ctx: Ctx, row: Dossier | Person, field: str = "dossier_id") -> None:
    """Refuse, before anything is written, to change a record another post now owns.

    Raises:
        ValidationFailed: ``sync.transferred_away`` naming the unit that holds the record.
    """
    node = ctx.session.get(LocalNode, 1)
    if node is None or row.owner_node == node.node_id:
        return
    here = ctx.session.get(Unit, node.unit_id) if node.unit_id else None
    if here is None or here.kind != UnitKind.COMMUNE_POST.value:
        return
    holder = ctx.session.get(Unit, row.unit_id)
    raise ValidationFailed.single(
        field,
        "sync.transferred_away",
        unit=holder.name if holder is not None else row.unit_id,
        entity="dossier" if isinstance(row, Dossier) else "person",
    )
