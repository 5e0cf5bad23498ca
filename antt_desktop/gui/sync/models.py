"""Item models of the sync page: open conflicts (both values side by side) and dossier
transfers. Each is reset-based (``set_rows``) over a few dozen rows read by the page."""

from __future__ import annotations

from typing import Any

from antt_desktop.gui.common.rows_model import RowsModel
from antt_desktop.i18n.translator import N_
from antt_desktop.services.proposals import FieldChange, ProposalView
from antt_desktop.sync import conflict_text, proposal_text
from antt_desktop.sync.conflicts import ConflictView
from antt_desktop.sync.transfer import TransferView


class ConflictModel(RowsModel):
    """Open conflicts: the record, the field, the value kept for now and the one set aside."""

    COL_RECORD, COL_FIELD, COL_KEPT, COL_OTHER, COL_KIND = range(5)
    COLUMNS = (
        N_("Record"),
        N_("Field"),
        N_("In the record now"),
        N_("Set aside"),
        N_("Kind of conflict"),
    )

    def text(self, row: Any, column: int) -> str:
        c: ConflictView = row
        tr = self.translate
        if column == self.COL_RECORD:
            return f"{c.record} ({conflict_text.table_label(c.table, tr)})"
        if column == self.COL_FIELD:
            return conflict_text.field_text(c, tr)
        if column == self.COL_KEPT:
            value = conflict_text.value_text(c, c.kept_value, tr, kept=True)
            return f"{value} — {conflict_text.writer_text(c.kept_by, tr)}"
        if column == self.COL_OTHER:
            if c.reviewed_only:
                return ""
            value = conflict_text.value_text(c, c.other_value, tr, kept=False)
            return f"{value} — {conflict_text.writer_text(c.other_by, tr)}"
        return tr(conflict_text.KINDS.get(c.kind, c.kind))


class TransferModel(RowsModel):
    """Dossier transfers: who, from which post to which, when, and whether approved."""

    COL_PERSON, COL_FROM, COL_TO, COL_DATE, COL_STATE = range(5)
    COLUMNS = (
        N_("Person"),
        N_("From"),
        N_("To"),
        N_("Requested on"),
        N_("State"),
    )

    def text(self, row: Any, column: int) -> str:
        t: TransferView = row
        tr = self.translate
        if column == self.COL_PERSON:
            return t.person
        if column == self.COL_FROM:
            return t.from_unit
        if column == self.COL_TO:
            return t.to_unit
        if column == self.COL_DATE:
            return t.on_date.strftime("%d/%m/%Y")
        if t.approved_on is not None:
            return tr(N_("approved on {day}")).format(day=t.approved_on.strftime("%d/%m/%Y"))
        return tr(N_("waiting for approval"))


class ProposalModel(RowsModel):
    """The upper unit's proposals: the record, the fields it would change, who proposed it,
    when it arrived, and what became of it."""

    COL_RECORD, COL_FIELDS, COL_BY, COL_RECEIVED, COL_STATE = range(5)
    COLUMNS = (
        N_("Record"),
        N_("Fields"),
        N_("Proposed by"),
        N_("Received"),
        N_("State"),
    )

    def text(self, row: Any, column: int) -> str:
        p: ProposalView = row
        tr = self.translate
        if column == self.COL_RECORD:
            return proposal_text.record_text(p, tr)
        if column == self.COL_FIELDS:
            return ", ".join(proposal_text.field_text(c, tr) for c in p.changes)
        if column == self.COL_BY:
            return p.proposer_unit + (f" ({p.proposed_by})" if p.proposed_by else "")
        if column == self.COL_RECEIVED:
            return proposal_text.when_text(p.received_at, tr)
        return proposal_text.state_text(p, tr)


class ChangeModel(RowsModel):
    """One proposal field by field: the value here now and the value proposed."""

    COL_FIELD, COL_NOW, COL_PROPOSED = range(3)
    COLUMNS = (N_("Field"), N_("Now"), N_("Proposed value"))

    def text(self, row: Any, column: int) -> str:
        c: FieldChange = row
        tr = self.translate
        if column == self.COL_FIELD:
            return proposal_text.field_text(c, tr)
        if column == self.COL_NOW:
            now = proposal_text.value_text(c.now, tr)
            if c.changed_since:
                return (
                    now
                    + " "
                    + tr(N_("(changed here since it arrived; it was {value})")).format(
                        value=proposal_text.value_text(c.at_arrival, tr)
                    )
                )
            return now
        return proposal_text.value_text(c.proposed, tr)
