"""Catalogues travel down: the upper unit's edits reach its posts in its bundles and apply
there as they are, with the version the post then shows."""

from __future__ import annotations

from datetime import date

from antt_desktop.services import catalogue_edits as edits
from antt_desktop.services import catalogue_rows
from antt_desktop.services.catalogue_specs import ACTIVITY_KIND, CATEGORY
from antt_desktop.store.models import CatalogueVersion
from tests.sync.nodes import UPPER, Network


def test_a_post_gets_the_upper_units_catalogue_and_its_version(net: Network) -> None:
    upper = net.upper(unit_name="Công an tỉnh Thái Nguyên")
    post = net.post(upper)
    with upper.write(UPPER) as ctx:
        edits.edit_entry(
            ctx, CATEGORY, "RELEASED", {"legal_basis": "Nghị định 10/2026/NĐ-CP", "to_check": False}
        )
        edits.add_entry(ctx, ACTIVITY_KIND, {"code": "drill", "name_vi": "Diễn tập phương án"})
    with post.read() as ctx:
        assert catalogue_rows.version(ctx, CATEGORY).number == 1
    [report] = net.send(upper, post)
    assert not report.refusals
    with post.read() as ctx:
        released = catalogue_rows.entry(ctx, CATEGORY, "RELEASED")
        drill = catalogue_rows.entry(ctx, ACTIVITY_KIND, "drill")
        version = catalogue_rows.version(ctx, CATEGORY)
        kinds = catalogue_rows.version(ctx, ACTIVITY_KIND)
    assert released is not None and released.values["legal_basis"] == "Nghị định 10/2026/NĐ-CP"
    assert not released.to_check
    assert drill is not None and drill.name_vi == "Diễn tập phương án"
    assert (version.number, version.issued_on, version.issuer) == (
        2,
        date(2026, 11, 22),
        "Công an tỉnh Thái Nguyên",
    )
    assert kinds.number == 2


def test_a_later_edit_above_overrides_and_raises_the_version_below(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    for text in ("Lần một", "Lần hai"):
        with upper.write(UPPER) as ctx:
            edits.edit_entry(ctx, CATEGORY, "MINOR", {"legal_basis": text})
        net.send(upper, post)
    with post.read() as ctx:
        row = catalogue_rows.entry(ctx, CATEGORY, "MINOR")
        assert row is not None and row.values["legal_basis"] == "Lần hai"
        assert catalogue_rows.version(ctx, CATEGORY).number == 3


def test_a_version_row_written_at_a_post_is_refused_upstream(net: Network) -> None:
    """A post that wrote a catalogue's version behind its services' back is refused above."""
    upper = net.upper()
    post = net.post(upper)
    with post.db.write() as session:
        session.add(
            CatalogueVersion(
                catalogue=CATEGORY, number=9, issued_on=date(2026, 11, 1), issuer="Tự đặt"
            )
        )
    [report] = net.send(post, upper)
    assert [r.table for r in report.refusals] == ["catalogue_versions"]
    with upper.read() as ctx:
        assert catalogue_rows.version(ctx, CATEGORY).number == 1
