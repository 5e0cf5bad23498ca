"""Fixtures for the personal-data-rights tests: the command line fixtures, and one person
with every sensitive field filled in."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.services import catalogues
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from tests.cli.conftest import antt, post

__all__ = ["antt", "post", "sensitive_person"]

ID_NUMBER = "001090012345"
MASKED = "•••••••••345"


@pytest.fixture
def sensitive_person(write: Any) -> dict[str, str]:
    """Nguyễn Văn Đức with ID number, CMND, ethnicity and religion, and an open dossier."""
    with write() as ctx:
        ethnic = next(iter(catalogues.codes(ctx.session, catalogues.ETHNIC)))
        religion = next(iter(catalogues.codes(ctx.session, catalogues.RELIGION)))
        person = add_person(
            ctx,
            PersonInput(
                full_name="Nguyễn Văn Đức",
                born="12/03/1990",
                sex="M",
                id_number=ID_NUMBER,
                legacy_id="012345678",
                ethnic_code=ethnic,
                religion_code=religion,
                current_address="Số 5 ngõ Hòa Bình",
            ),
        ).person
        dossier = open_dossier(ctx, DossierInput(person.id, "DRUG_USER", "05/09/2026"))
    return {"person": person.id, "dossier": dossier.id, "ethnic": ethnic, "religion": religion}
