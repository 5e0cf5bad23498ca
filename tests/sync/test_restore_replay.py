"""Only a real acknowledgement moves what a node believes its peer holds (SYNC.md
"Acknowledgements"): a bundle the upper unit wrote before it was restored from a backup,
imported again at the post afterwards, must not make the post skip what the restored
upper unit lacks."""

from __future__ import annotations

import shutil
from pathlib import Path

from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.store.models import Dossier, SyncPeer
from tests.sync.helpers import add, person
from tests.sync.nodes import Network, Node


def _cursor(node: Node, peer: Node) -> int:
    with node.read() as ctx:
        stored = ctx.session.get(SyncPeer, peer.node_id)
        assert stored is not None
        return stored.acked_seq


def _dossier(node: Node, dossier_id: str) -> Dossier | None:
    with node.read() as ctx:
        return ctx.session.get(Dossier, dossier_id)


def test_a_pre_restore_bundle_replayed_at_the_post_leaves_no_dossier_out(
    net: Network, tmp_path: Path
) -> None:
    upper = net.upper()
    post = net.post(upper)
    kept = upper.backup(tmp_path / "huyen.bak")
    late = add(post, "Sầm Văn Quang")
    with post.write() as ctx:
        dossier = open_dossier(ctx, DossierInput(late, "DRUG_USER", "05/01/2026")).id
    net.send(post, upper)
    [before_restore] = upper.export_to(post)
    replay = shutil.copy(before_restore, tmp_path / before_restore.name)
    post.import_file(before_restore)  # the upper unit acknowledges the dossier
    held = _cursor(post, upper)

    upper.restore(kept)
    assert _dossier(upper, dossier) is None  # the backup predates it
    net.send(upper, post)  # the restored upper unit says it has less
    lowered = _cursor(post, upper)
    assert lowered < held

    report = post.import_file(Path(replay))  # the old file, found on a stick again
    assert [w.code for w in report.warnings] == ["sync.warning.before_restore"]
    assert _cursor(post, upper) == lowered

    net.send(post, upper)  # the very next export carries the dossier again
    assert person(upper, late) is not None
    assert _dossier(upper, dossier) is not None
    net.send(upper, post)
    net.send(post, upper)
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])
