"""Who holds the ID number on a scanned citizen ID card (thẻ Căn cước công dân): the
search boxes open that person, or offer to add them from the card."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.models import Person
from antt_desktop.store.search_index import id_number_is


@dataclass(frozen=True)
class CardHolder:
    """The live resident with a card's ID number."""

    person_id: str
    full_name: str
    household_id: str | None


def card_holder(ctx: Ctx, id_number: str) -> CardHolder | None:
    """The live resident whose ID number is ``id_number``, or None.

    Finding people by ID number is for a role that may read ID numbers, as in the search.

    Raises:
        PermissionDenied: for a role that may not read sensitive personal data.
    """
    ctx.require(Permission.READ_SENSITIVE)
    row = ctx.session.execute(
        select(Person.id, Person.full_name, Person.household_id).where(
            id_number_is(id_number), Person.deleted.is_(False)
        )
    ).first()
    return CardHolder(row.id, row.full_name, row.household_id) if row is not None else None
