"""Sealed fields travel plain inside the (encrypted) bundle and are sealed again under the
receiving node's own fields key: the upper unit reads them, its file holds them sealed, and
the post's key opens nothing there."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antt_desktop.services.dossier_records import ViolationInput, add_violation
from antt_desktop.services.dossiers import DossierInput, edit_dossier, open_dossier
from antt_desktop.services.photos import photo_of, set_photo
from antt_desktop.store.field_crypto import FieldCipher, FieldUnreadable
from antt_desktop.store.models import Dossier, Person, Violation
from antt_desktop.store.search_index import id_number_is
from tests.pictures import portrait
from tests.sync.helpers import add
from tests.sync.nodes import UPPER, Network

ID_NUMBER = "001090000777"


def test_the_upper_unit_reads_what_the_post_sealed_under_its_own_key(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    person = add(post, "Đinh Văn Lộc", born="1990", id_number=ID_NUMBER, legacy_id="012000777")
    with post.write() as ctx:
        dossier = open_dossier(ctx, DossierInput(person, "SUSPENDED", "10/08/2026")).id
        edit_dossier(ctx, dossier, {"risk_notes": "Thường vắng nhà ban đêm"})
        add_violation(
            ctx,
            ViolationInput(
                person_id=person,
                dossier_id=dossier,
                occurred_on="02/09/2026",
                kind="administrative",
                description="Không trình diện theo lịch",
            ),
        )
        set_photo(ctx, person, portrait(90, 120))
    with post.read() as ctx:
        picture = photo_of(ctx, person)
    net.send(post, upper)
    with upper.read(UPPER) as ctx:
        s = ctx.session
        found = s.execute(select(Person.id).where(id_number_is(ID_NUMBER))).scalar_one()
        assert found == person  # the blind index was computed under the upper unit's key
        assert s.execute(select(Person.legacy_id, Person.id_last3)).one() == ("012000777", "777")
        assert s.execute(select(Dossier.risk_notes)).scalar_one() == "Thường vắng nhà ban đêm"
        assert s.execute(select(Violation.description)).scalar_one() == (
            "Không trình diện theo lịch"
        )
        assert photo_of(ctx, person) == picture
        sealed = s.execute(select(Person.id_number_sealed)).scalar_one()
    assert isinstance(sealed, bytes)
    assert FieldCipher(upper.fields_key).open(sealed, "persons", "id_number", person) == ID_NUMBER
    with pytest.raises(FieldUnreadable):
        FieldCipher(post.fields_key).open(sealed, "persons", "id_number", person)
