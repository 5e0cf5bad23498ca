"""Texts of the upper unit's proposals (đề nghị sửa từ cấp trên, issue #13 item 6e)."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "sync.warning.proposals": N_(
        "{count} changes that {unit} made to this post's records were kept as proposals:"
        " the records stay as they are until an officer accepts or rejects each one"
        " (Sync › Proposals from the upper unit)"
    ),
    "proposal.unknown": N_("there is no proposal {value}; list them with antt sync proposals"),
    "proposal.not_here": N_(
        "only the post that owns the record decides this proposal; {unit} sees the outcome"
        " after the next exchange"
    ),
    "proposal.already_accepted": N_("this proposal was already accepted"),
    "proposal.already_rejected": N_("this proposal was already rejected"),
    "proposal.cannot_apply": N_(
        "a change of {table} cannot be accepted in the program; reject it with a reason and"
        " make the change yourself if it is right"
    ),
    "proposal.field_withheld": N_(
        "the value the upper unit proposes for this protected field is not kept in the"
        " proposal; ask the upper unit for it, reject the proposal with a reason and correct"
        " the record yourself"
    ),
    "proposal.field_not_applicable": N_(
        "this field cannot be changed by accepting a proposal; reject it with a reason and"
        " make the change yourself if it is right"
    ),
}

FIELDS = {
    "proposal": N_("Proposal"),
    "rejection_reason": N_("Reason for rejecting"),
}
