"""One household's pledge of one year recorded at the post and at the upper unit before
either heard of the other (the same record: its id comes from household and year): after
the exchange both hold one value — the post's, whose record it is, whichever clock is
ahead (SYNC.md "Ownership") — both show the same conflict with the upper unit's value set
aside, and the record stays the post's (its later corrections reach the upper unit)."""

from __future__ import annotations

import pytest

from antt_desktop.services import pledges as pl
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.store.models import Pledge
from tests.sync.helpers import conflicts
from tests.sync.nodes import Network, Node


def _pledge(node: Node, pledge_id: str) -> tuple[str | None, str]:
    with node.read() as ctx:
        found = ctx.session.get(Pledge, pledge_id)
        assert found is not None
        return found.signer_name, found.owner_node


def _record(node: Node, home: str, signer: str, day: str) -> str:
    with node.write() as ctx:
        return pl.record_pledge(
            ctx, home, 2026, signed_on=day, signer_name=signer, officer_name="Lê Công"
        ).id


@pytest.mark.parametrize("ahead", ["post", "upper"])
def test_a_pledge_recorded_on_both_sides_converges_with_one_conflict(
    net: Network, ahead: str
) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        home = add_household(ctx, HouseholdInput(number="7")).id
    net.send(post, upper)
    # whose clock is ahead (by some hours) does not matter: the owning post's value stays
    (upper if ahead == "upper" else post).wall.now += 30_000_000
    pid = _record(post, home, "Lò Văn Sinh", "15/03/2026")
    _record(upper, home, "Lò Thị Sen", "16/03/2026")

    reports = net.send(post, upper) + net.send(upper, post)
    assert [r.refusals for r in reports] == [[], []]
    winner = "Lò Văn Sinh"
    assert _pledge(post, pid) == _pledge(upper, pid) == (winner, post.node_id)
    shown = conflicts(post)
    assert shown == conflicts(upper)
    loser = ({"Lò Văn Sinh", "Lò Thị Sen"} - {winner}).pop()
    assert [(field, kept, other) for _id, field, _kind, kept, other in shown] == [
        ("signed_on", "2026-03-15", "2026-03-16"),
        ("signer_name", winner, loser),
    ]
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])

    with post.write() as ctx:  # the post settles it: its write reaches the upper unit
        pl.edit_pledge(ctx, pid, {"signer_name": "Lò Thị Sen"})
    [report] = net.send(post, upper)
    assert report.refusals == []
    assert _pledge(upper, pid) == ("Lò Thị Sen", post.node_id)
    net.send(upper, post)
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])
