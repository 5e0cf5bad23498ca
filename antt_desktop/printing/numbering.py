"""Which number a printed document carries: the next of the register (given when the
document is issued, kept when it is printed again), a line left blank to number by hand
("Số:      /BC-CAX"), or a number typed by the officer.

The window's preview and ``antt print`` first lay the document out with the numbers the
register *would* give (:func:`numbered` with ``issue=False``, a read), then give them in the
write transaction that records the print (``issue=True``); the two agree unless another
document was numbered meanwhile, and then the document is made again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.printing.jobs import REPORT, PrintJob
from antt_desktop.printing.text import PrintOptions, unit_code
from antt_desktop.services import document_numbers
from antt_desktop.services.context import Ctx
from antt_desktop.services.document_numbers import Slot
from antt_desktop.store.models import Unit

AUTO, BLANK, TYPED = "auto", "blank", "typed"
#: Words the command line takes for a blank number (besides "blank").
_BLANK_WORDS = ("blank", "trong", "de-trong", "")


@dataclass(frozen=True)
class NumberChoice:
    """How the officer wants the document numbered."""

    mode: str = AUTO
    typed: str | None = None


def read_choice(value: str | None) -> NumberChoice:
    """``--number auto|blank|N``: None is automatic numbering."""
    if value is None or value.strip().lower() == AUTO:
        return NumberChoice(AUTO)
    text = " ".join(value.split())
    if text.lower() in _BLANK_WORDS:
        return NumberChoice(BLANK)
    if "/" not in text and not text[:1].isdigit():
        raise ValidationFailed.single("number", "numbers.mode", value=value)
    return NumberChoice(TYPED, text)


def has_register(job: PrintJob) -> bool:
    """Whether the register numbers ``job``'s documents (a report, certificates)."""
    return job.numbering is not None or job.document is REPORT


def slots_of(ctx: Ctx, job: PrintJob) -> tuple[str, list[Slot]] | None:
    """The register's unit and the slots of ``job``; None for documents the register
    does not number (a booklet, a data sheet)."""
    if job.numbering is not None:
        return job.numbering(ctx)
    if job.document is REPORT:
        unit = ctx.session.get(Unit, job.entity_id)
        if unit is None:
            return None
        key = f"{job.entity_id}|{job.what}"
        slot = Slot("BC", unit_code(unit), ctx.today.year, job.what, key, job.title)
        return unit.id, [slot]
    return None


def numbered(
    ctx: Ctx, job: PrintJob, options: PrintOptions, choice: NumberChoice, *, issue: bool
) -> PrintOptions:
    """``options`` with the numbers ``choice`` asks for: given from the register when
    ``issue`` (a write), only looked up otherwise.

    Raises:
        ValidationFailed: a number typed for a batch of several documents.
    """
    if choice.mode == BLANK:
        return replace(options, number="", numbers=None)
    found = slots_of(ctx, job)
    if choice.mode == TYPED:
        if not job.batch:
            return replace(options, number=choice.typed, numbers=None)
        if found is None or len(found[1]) != 1:
            raise ValidationFailed.single("number", "numbers.batch_typed")
        return replace(options, number=None, numbers={found[1][0].record_key: choice.typed or ""})
    if found is None:
        return options
    unit_id, slots = found
    give = document_numbers.issue if issue else document_numbers.planned
    given = give(ctx, unit_id, slots)
    if job.batch:
        return replace(options, number=None, numbers=given)
    return replace(options, number=given[slots[0].record_key], numbers=None)
