"""A purge at the post reaches the upper unit: its copy of the dossier, the records kept
under it (append-only rows too) and the person are tombstoned with their values erased."""

from __future__ import annotations

from sqlalchemy import select

from antt_desktop.services import purge
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import AssessmentInput, assess
from antt_desktop.services.dossiers import DossierInput, close_dossier, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Assessment, Dossier, Person
from tests.sync.nodes import Network

CHIEF = Actor("truongcong", "chief")


def test_the_upper_units_copy_is_purged_too(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Hà Văn Lợi", phone="0912000111")).person.id
        did = open_dossier(ctx, DossierInput(pid, "DRUG_USER", "05/01/2021")).id
        assess(
            ctx,
            AssessmentInput(did, "2021-01", "28/01/2021", "Lê Văn Công", "Chấp hành tốt", "Tốt"),
        )
    with post.write(CHIEF) as ctx:
        close_dossier(ctx, did, "10/01/2022", "term_completed")
    net.send(post, upper)
    with upper.read() as ctx:
        assert ctx.session.get(Person, pid).full_name == "Hà Văn Lợi"
        assert ctx.session.scalars(select(Assessment.content)).all() == ["Chấp hành tốt"]

    with post.write(CHIEF) as ctx:
        purge.purge(ctx, [did], confirm=True)
    [report] = net.send(post, upper)
    assert report.table("assessments").updated == 1
    with upper.read() as ctx:
        s = ctx.session
        person, dossier = s.get(Person, pid), s.get(Dossier, did)
        assert person.deleted and person.full_name == "—" and person.phone is None
        assert dossier.deleted
        [assessment] = s.scalars(select(Assessment)).all()
        assert assessment.deleted and assessment.content == "" and assessment.author == ""
    net.send(upper, post)
    net.send(post, upper)
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])
