"""A merge of two records of one person (gộp hồ sơ trùng) travels: the upper unit merges
too, a replayed bundle does nothing more, and a row written before the merge that names the
absorbed record is re-pointed to the survivor when it arrives."""

from __future__ import annotations

from sqlalchemy import select

from antt_desktop.services.dossier_records import ViolationInput, add_violation
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.person_merge import merge_people
from antt_desktop.store.models import Dossier, Household, Person, Violation
from tests.sync.helpers import add
from tests.sync.nodes import UPPER, Network, Node

ID_NUMBER = "001090000001"


def _twins(net: Network) -> tuple[Node, Node, str, str]:
    """An upper unit and its post; Lý Văn Sáng typed twice at the post, the second record
    with his ID number, a household headship and a dossier; a violation; the upper unit has both."""
    upper = net.upper()
    post = net.post(upper)
    kept = add(post, "Lý Văn Sáng", phone="0912000111")
    other = add(post, "Ly Van Sang", born="1990", id_number=ID_NUMBER)
    with post.write() as ctx:
        add_household(ctx, HouseholdInput(number="12", head_person_id=other))
        did = open_dossier(ctx, DossierInput(other, "SUSPENDED", "10/08/2026")).id
        add_violation(
            ctx,
            ViolationInput(
                person_id=other,
                dossier_id=did,
                occurred_on="02/09/2026",
                kind="administrative",
                description="Không trình diện theo lịch",
            ),
        )
    net.send(post, upper)
    return upper, post, kept, other


def _where(node: Node, kept: str, other: str) -> dict[str, object]:
    with node.read(UPPER) as ctx:
        s = ctx.session
        survivor, absorbed = s.get(Person, kept), s.get(Person, other)
        assert survivor is not None and absorbed is not None
        return {
            "survivor": (survivor.id_number, survivor.born, survivor.phone, survivor.deleted),
            "absorbed": (absorbed.deleted, absorbed.merged_into, absorbed.id_number),
            "dossiers": s.scalars(select(Dossier.person_id)).all(),
            "heads": s.scalars(select(Household.head_person_id)).all(),
            "violations": sorted(s.scalars(select(Violation.person_id))),
        }


def test_the_upper_unit_merges_too_and_a_replay_does_nothing_more(net: Network) -> None:
    upper, post, kept, other = _twins(net)
    with post.write() as ctx:
        merge_people(ctx, kept, other)
    [bundle] = post.export_to(upper)
    report = upper.import_file(bundle)
    assert report.table("persons").updated == 2
    expected = {
        "survivor": (ID_NUMBER, "1990", "0912000111", False),
        "absorbed": (True, kept, None),
        "dossiers": [kept],
        "heads": [kept],
        "violations": [kept],
    }
    assert _where(upper, kept, other) == expected
    before = upper.whole_file_hash()
    upper.import_file(bundle)  # the same stick imported again
    assert upper.whole_file_hash() == before
    net.send(upper, post)
    net.send(post, upper)
    assert _where(upper, kept, other) == expected
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])


def test_a_row_written_before_the_merge_is_re_pointed_when_it_arrives(net: Network) -> None:
    """A copy of the post's data from before the merge (a backup opened on the other
    computer) records a violation of the absorbed record; it reaches the upper unit after
    the merge and lands on the survivor."""
    upper, post, kept, other = _twins(net)
    old_copy = post.clone("xa-cu")
    with post.write() as ctx:
        merge_people(ctx, kept, other)
    net.send(post, upper)
    with old_copy.write() as ctx:
        add_violation(
            ctx,
            ViolationInput(
                person_id=other,
                occurred_on="01/11/2026",
                kind="administrative",
                description="Đánh nhau gây mất trật tự",
            ),
        )
    net.send(old_copy, upper)
    found = _where(upper, kept, other)
    assert found["violations"] == [kept, kept]
    assert found["absorbed"] == (True, kept, None) and found["dossiers"] == [kept]


def test_bundles_imported_in_either_order_give_the_same_records(net: Network) -> None:
    upper, post, kept, other = _twins(net)
    with post.write() as ctx:
        dossier = ctx.session.scalars(select(Dossier)).one()
        dossier.officer_name = "Thiếu úy Hoàng Văn Nam"
    [first] = post.export_to(upper)
    with post.write() as ctx:
        merge_people(ctx, kept, other)
    [second] = post.export_to(upper)
    other_upper = upper.clone("huyen-2")
    upper.import_file(first)
    upper.import_file(second)
    other_upper.import_file(second)
    other_upper.import_file(first)
    assert _where(upper, kept, other) == _where(other_upper, kept, other)
    assert upper.dump_hash([post.unit_id]) == other_upper.dump_hash([post.unit_id])
