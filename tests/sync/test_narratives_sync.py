"""The written parts of a post's report travel up to its upper unit as the post's own record:
the upper unit reads (and prints) them, corrections follow, and it may not rewrite them."""

from __future__ import annotations

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services.context import Actor
from antt_desktop.services.report_narratives import NarrativeInput, narrative, save_narrative
from tests.sync.nodes import Network

UPPER = Actor("capTren", "upper")


def test_the_posts_texts_reach_the_upper_unit_and_stay_the_posts(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        save_narrative(ctx, "2026-Q3", NarrativeInput(situation="Ổn định.", direction="Tuần tra."))
    [report] = net.send(post, upper)
    assert report.table("report_narratives").new == 1
    with post.write() as ctx:  # the chief corrects one part after sending
        save_narrative(
            ctx, "2026-Q3", NarrativeInput(situation="Ổn định.", direction="Tuần tra đêm.")
        )
    net.send(post, upper)
    with upper.read(UPPER) as ctx:
        texts = narrative(ctx, "2026-Q3", unit_id=post.unit_id)
    assert (texts.situation, texts.direction) == ("Ổn định.", "Tuần tra đêm.")
    with pytest.raises(ValidationFailed), upper.write(UPPER) as ctx:  # read, never rewritten
        save_narrative(ctx, "2026-Q3", NarrativeInput(situation="Sửa hộ."), unit_id=post.unit_id)
    with upper.read(UPPER) as ctx:
        assert narrative(ctx, "2026-Q3", unit_id=post.unit_id).situation == "Ổn định."
    net.send(upper, post)
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])
