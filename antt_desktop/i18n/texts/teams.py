"""Texts about teams (tổ ANTT, tổ hòa giải...), their members and commendations (khen thưởng).

Codes shared with other areas (``area.unknown``, ``phone.format``...) repeat the same English
text, so every catalogue agrees on one sentence.
"""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "team.name_taken": N_("a team named '{value}' already exists in this unit"),
    "team.leader_exists": N_("the team already has a leader ({name}); end that membership first"),
    "team.already_member": N_("{name} is already a member of this team"),
    "team.membership_ended": N_("{name} already left the team on {value}"),
    "team.left_before_joined": N_("{value} is before the day the member joined ({joined})"),
    "phone.format": N_("'{value}' is not a phone number (10 digits starting with 0, or +84)"),
    "commendation.recipient_unknown": N_(
        "the recipient was not found in the records (or was deleted): {value}"
    ),
    "commendation.id_for_text": N_("a recipient written as free text cannot point at a record"),
    "commendation.duplicate": N_("{name} is already commended by decision {decision}"),
    "commendation.decision_ambiguous": N_(
        "decision number {number} was issued on several days ({dates}): give its date too"
    ),
}

FIELDS = {
    "team_kind": N_("Kind of team"),
    "team_name": N_("Team name"),
    "founded_on": N_("Founded on"),
    "team_active": N_("Team still active"),
    "team_areas": N_("Areas covered by the team"),
    "team_role": N_("Role in the team"),
    "member_person_id": N_("Team member"),
    "member_name": N_("Team member's name"),
    "joined_on": N_("Joined on"),
    "left_on": N_("Left on"),
    "commendation_kind": N_("Form of commendation"),
    "issuer": N_("Issued by"),
    "decision_number": N_("Decision number"),
    "decision_date": N_("Decision date"),
    "recipients": N_("Recipients"),
    "recipient_kind": N_("Kind of recipient"),
    "recipient_id": N_("Recipient"),
    "recipient_name": N_("Recipient's name"),
    "collective": N_("Collective (tập thể)"),
    "achievement": N_("Achievement"),
    "golden_book_no": N_("Golden book number"),
}

TEAM_ROLES = (N_("team leader"), N_("deputy team leader"), N_("team member"))
COMMENDATION_KINDS = (N_("certificate of merit"), N_("diploma of merit"), N_("certificate"))
