"""Who may write what (SYNC.md "Ownership").

Catalogues, units and transfers are written by an upper unit or the province (a post may
send its own unit's row); everything else is written by the post that owns the row. An upper
unit or province relays what it merged, so their bundles may carry any row; its own changes
of a post's record become proposals at the post (``sync.proposals``), never writes. A write
from a node without the right is refused and listed in the import report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from antt_desktop.sync.tables import SyncTable

UPSTREAM_ROLES = ("upper", "province")


@dataclass(frozen=True)
class Sender:
    """The node a bundle comes from, as this node knows it."""

    node_id: str
    role: str
    unit_id: str | None
    unit_name: str
    #: the sender's replica ids (its epochs): which stamps are its own writes
    replicas: frozenset[str] = frozenset()

    @property
    def relays(self) -> bool:
        return self.role in UPSTREAM_ROLES


@dataclass(frozen=True)
class Receiver:
    """This node, as the rules need it."""

    role: str
    unit_id: str
    node_id: str = ""


def refusal(
    t: SyncTable, incoming: dict[str, Any], local: dict[str, Any] | None, sender: Sender
) -> tuple[str, dict[str, Any]] | None:
    """The rule a write breaks, as ``(code, params)``, or None when it is allowed."""
    if sender.relays:
        return None
    if t.upper_written:
        if t.name == "units" and incoming["id"] == sender.unit_id:
            return None
        return "sync.rule.upper_only", {"table": t.name, "unit": sender.unit_name}
    owner = local["owner_node"] if local is not None else incoming["owner_node"]
    if owner != sender.node_id or incoming["owner_node"] != sender.node_id:
        return "sync.rule.not_owner", {"table": t.name, "unit": sender.unit_name}
    return None


#: How high a node stands: catalogues flow down from the higher one.
RANK = {"post": 0, "upper": 1, "province": 2}


def sender_is_authority(t: SyncTable, sender: Sender, row_id: str, me: Receiver) -> bool:
    """A catalogue (or unit row) from a unit above reaching this node: taken as it is.

    This node's own unit row is the exception: it writes it, so it merges as usual.
    """
    if not (t.upper_written and RANK.get(sender.role, 0) > RANK.get(me.role, 0)):
        return False
    return not (t.name == "units" and row_id == me.unit_id)
