"""Bundles that must be refused (SYNC.md guarantee 1): each with its message, and with the
recipient's database byte for byte as before."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.sync import card, container, roster
from antt_desktop.sync.errors import BundleRefused, EnrolmentRefused
from tests.sync.nodes import TODAY, Network, Node

EN = Translator("en")


def _bundle(net: Network) -> tuple[Node, Node, Path]:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        add_person(ctx, PersonInput(full_name="Trần Thị Hoà", born="1990"))
    [path] = post.export_to(upper)
    return post, upper, path


def _refused(node: Node, path: Path) -> BundleRefused:
    before = node.whole_file_hash()
    with pytest.raises(BundleRefused) as caught:
        node.import_file(path)
    assert node.whole_file_hash() == before
    assert caught.value.exit_code == 4
    return caught.value


def _text(exc: BundleRefused) -> str:
    return sentence(exc.code, exc.params, EN)


def _flip(path: Path, offset: int, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def test_a_bundle_for_another_post_is_refused(net: Network) -> None:
    post, upper, path = _bundle(net)
    other = net.post(upper, name="khac", code="05612")
    exc = _refused(other, path)
    assert exc.reason == "unknown_sender"  # the other post knows only its upper unit
    # the upper unit's bundle for the first post, given to the second
    [for_post] = upper.export_to(post)
    exc = _refused(other, for_post)
    assert exc.reason == "wrong_recipient"
    assert "is addressed to node" in _text(exc)


def test_a_flipped_byte_in_the_header_breaks_the_signature(net: Network, tmp_path: Path) -> None:
    _post, upper, path = _bundle(net)
    data = path.read_bytes()
    at = data.index(b'"created_at":"') + len('"created_at":"') + 3  # a digit of the year
    exc = _refused(upper, _flip(path, at, tmp_path / path.name))
    assert exc.reason == "signature"
    assert "does not carry a valid signature" in _text(exc)


def test_a_flipped_byte_in_the_signature_is_refused(net: Network, tmp_path: Path) -> None:
    _post, upper, path = _bundle(net)
    with path.open("rb") as fh:
        header = container.read_header(fh, path.name)
    exc = _refused(upper, _flip(path, header.payload_offset - 10, tmp_path / path.name))
    assert exc.reason == "signature"


def test_a_flipped_byte_in_the_ciphertext_is_refused(net: Network, tmp_path: Path) -> None:
    _post, upper, path = _bundle(net)
    size = path.stat().st_size
    exc = _refused(upper, _flip(path, size - 100, tmp_path / path.name))
    assert exc.reason == "damaged"
    assert "its content was changed" in _text(exc)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.one_of(st.integers(min_value=0, max_value=200), st.floats(0.0, 1.0)))
def test_a_truncated_bundle_is_refused_wherever_it_is_cut(
    net: Network, tmp_path: Path, cut: int | float
) -> None:
    if not net.nodes:
        _bundle(net)
    post, upper = net.nodes[1], net.nodes[0]
    [path] = sorted((post.stick / f"to-{upper.name}").glob("*.anttsync"))
    data = path.read_bytes()
    keep = int(cut * (len(data) - 1)) if isinstance(cut, float) else min(cut, len(data) - 1)
    target = tmp_path / path.name
    target.write_bytes(data[:keep])
    exc = _refused(upper, target)
    assert exc.reason in ("damaged", "not_a_bundle")


@pytest.mark.slow
def test_truncation_at_an_age_chunk_boundary_is_refused(net: Network, tmp_path: Path) -> None:
    upper = net.upper()
    post = net.post(upper)
    rng = random.Random(5)
    with post.write() as ctx:
        for i in range(300):  # notes that do not compress: several 64 KiB age chunks
            notes = "".join(rng.choice("abcdefghij") for _ in range(1000))
            add_person(ctx, PersonInput(full_name=f"Lê Văn Tám {i}", notes=notes))
    [path] = post.export_to(upper)
    assert path.stat().st_size > 2 * 65536
    with path.open("rb") as fh:
        header = container.read_header(fh, path.name)
    data = path.read_bytes()
    for chunk_end in (header.payload_offset + 200 + 65536 + 16, len(data) - 17):
        target = tmp_path / f"cut-{chunk_end}.anttsync"
        target.write_bytes(data[:chunk_end])
        assert _refused(upper, target).reason == "damaged"


def test_an_unknown_sender_is_refused(net: Network) -> None:
    upper = net.upper()
    stranger_upper = net.upper(name="la")
    stranger = net.post(stranger_upper, name="la-xa", code="05699")
    [path] = stranger.export_to(stranger_upper)
    exc = _refused(upper, path)
    assert exc.reason == "unknown_sender"
    assert "not enrolled with this unit" in _text(exc)


def test_a_revoked_sender_is_refused(net: Network) -> None:
    post, upper, path = _bundle(net)
    with upper.db.write() as session:
        roster.revoke(session, post.node_id)
    exc = _refused(upper, path)
    assert exc.reason == "revoked_sender"
    assert "was revoked" in _text(exc)


def test_a_file_that_is_not_a_bundle_is_refused(net: Network, tmp_path: Path) -> None:
    upper = net.upper()
    junk = tmp_path / "photo.anttsync"
    junk.write_bytes(b"\xff\xd8\xff\xe0 a photo, not a sync file")
    assert _refused(upper, junk).reason == "not_a_bundle"


def test_a_wrong_fingerprint_enrols_nobody(net: Network, tmp_path: Path) -> None:
    upper = net.upper()
    post_net = Network(tmp_path / "other")
    try:
        lonely_upper = post_net.upper()
        post = post_net.post(lonely_upper)
        with post.db.write() as session:
            doc = card.make_card(session)
        before = upper.whole_file_hash()
        with pytest.raises(EnrolmentRefused) as caught, upper.db.write() as session:
            card.import_card(session, doc, "12345 67890")
        assert caught.value.code == "sync.card.fingerprint_mismatch"
        assert "does not match the card" in sentence(caught.value.code, caught.value.params, EN)
        assert upper.whole_file_hash() == before
    finally:
        post_net.close()


def test_the_first_roster_needs_the_upper_units_fingerprint(net: Network, tmp_path: Path) -> None:
    upper = net.upper()
    other_upper = net.upper(name="khac")
    post = net.post(upper)
    with other_upper.db.write() as session:
        card.import_card(session, *_card_and_print(post))
    with other_upper.db.write() as session:
        forged = roster.issue(session, TODAY)
    before = post.whole_file_hash()
    with pytest.raises(EnrolmentRefused) as caught, post.db.write() as session:
        roster.import_roster(session, forged, TODAY)
    assert caught.value.code == "sync.roster.untrusted"
    assert post.whole_file_hash() == before


def _card_and_print(node: Node) -> tuple[dict[str, object], str]:
    with node.db.write() as session:
        doc = card.make_card(session)
    return doc, card.card_fingerprint(doc)
