"""Texts of sync by bundle files (tệp đồng bộ): refusals, rules, warnings, enrolment."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "sync.refused.not_a_bundle": N_(
        "{file} is not an ANTT Desktop sync file (nothing was imported)"
    ),
    "sync.refused.damaged": N_(
        "{file} is damaged ({detail}); ask the sending unit for a new copy (nothing was imported)"
    ),
    "sync.refused.signature": N_(
        "{file} does not carry a valid signature of its sender: it was changed after it was"
        " written, or forged (nothing was imported)"
    ),
    "sync.refused.unknown_sender": N_(
        "{file} comes from node {sender}, which is not enrolled with this unit"
        " (nothing was imported)"
    ),
    "sync.refused.revoked_sender": N_(
        "{file} comes from {unit}, whose sync key was revoked on {at} (nothing was imported)"
    ),
    "sync.refused.wrong_recipient": N_(
        "{file} is addressed to node {recipient}, not to this computer ({node});"
        " give it to the unit it was made for (nothing was imported)"
    ),
    "sync.refused.decrypt": N_(
        "{file} cannot be opened with this computer's key: it is damaged or was not made"
        " for this unit (nothing was imported)"
    ),
    "sync.refused.newer_format": N_(
        "{file} was made by a newer version of ANTT Desktop (format {version}); update the"
        " program and import it again (the file was left in place, nothing was imported)"
    ),
    "sync.refused.newer_schema": N_(
        "{file} needs database version {schema} or newer, this program has {ours}; update the"
        " program and import it again (the file was left in place, nothing was imported)"
    ),
    "sync.refused.invalid": N_(
        "{file} holds data that fails the checks: {detail} (nothing was imported)"
    ),
    "sync.refused.too_large": N_(
        "{file} is larger than a sync file may be ({member}) (nothing was imported)"
    ),
    "sync.refused.attachment": N_(
        "the photo {name} in {file} does not match its fingerprint (nothing was imported)"
    ),
    "sync.refused.attachment_picture": N_(
        "the photo {name} in {file} is not a picture that can be opened (nothing was imported)"
    ),
    "sync.refused.database": N_(
        "the database refused the records of {file}: {detail} (nothing was imported)"
    ),
    "sync.refused.disk_full": N_(
        "the disk of this computer is full; free some space and import {file} again"
        " (nothing was imported)"
    ),
    "sync.rule.upper_only": N_(
        "{unit} may not change {table}: only the upper unit or the province writes it"
    ),
    "sync.rule.not_owner": N_(
        "{unit} may not change this record of {table}: it belongs to another unit"
    ),
    "sync.rule.duplicate": N_(
        "the record has the same {columns} as record {other} here; it is kept aside until"
        " one of the two is corrected"
    ),
    "sync.warning.unknown_table": N_(
        "{rows} records of {table}, which this version does not know, were not imported"
    ),
    "sync.warning.clock_ahead": N_(
        "the clock of {unit} is {days} days ahead; its time was not adopted here,"
        " ask them to set the date right"
    ),
    "sync.warning.gap": N_(
        "sync files {missing} from {unit} never arrived here: a USB stick may have been lost;"
        " nothing is missing, the next file from {unit} carries their content again"
    ),
    "sync.warning.old_bundle": N_(
        "this is an older sync file (number {seq}; number {newest} was already imported):"
        " its records were merged, nothing newer was overwritten"
    ),
    "sync.warning.ack_backwards": N_(
        "{unit} has less of this unit's data than before (restored from a backup?);"
        " the next export sends it again"
    ),
    "sync.warning.peer_restored": N_(
        "{unit} was restored from a backup; the next export sends everything it may lack"
    ),
    "sync.warning.volumes_missing": N_(
        "{have} of {volumes} parts of this export are here; import the other parts too"
        " (what arrived is kept)"
    ),
    "sync.card.invalid": N_("{file} is not a valid enrolment card ({detail}); nothing was saved"),
    "sync.card.fingerprint_mismatch": N_(
        "the fingerprint given ({typed}) does not match the card ({actual}); confirm it again"
        " with the post by phone or in person (nothing was saved)"
    ),
    "sync.card.own_card": N_("this is the enrolment card of this computer itself"),
    "sync.card.is_upstream": N_("{unit} is this unit's upper unit, not a unit below it"),
    "sync.roster.invalid": N_("{file} is not a valid roster ({detail}); nothing was saved"),
    "sync.roster.fingerprint_required": N_(
        "the first roster of the upper unit must be confirmed: give --fingerprint with the"
        " fingerprint read out by the upper unit (this roster's is {actual})"
    ),
    "sync.roster.fingerprint_mismatch": N_(
        "the fingerprint given ({typed}) does not match the roster's issuer ({actual});"
        " confirm it again with the upper unit (nothing was saved)"
    ),
    "sync.roster.untrusted": N_(
        "this roster is signed by {issuer}, not by the upper unit this computer trusts"
        " ({trusted}); nothing was saved"
    ),
    "sync.roster.old": N_(
        "this roster (version {version}) is not newer than the one in use ({current});"
        " nothing was saved"
    ),
    "sync.roster.expired": N_("this roster expired on {valid_until}; ask for a new one"),
    "sync.roster.not_listed": N_(
        "this computer is not on the roster of {issuer}; the upper unit must import its"
        " enrolment card first"
    ),
    "sync.peer.unknown": N_("no unit or node '{value}' is enrolled for sync"),
    "sync.peer.revoked": N_("the sync key of {unit} is revoked; nothing is exported to it"),
    "sync.file.missing": N_("there is no file {path}"),
    "sync.stick.full": N_(
        "the drive {path} is full; free some space or use another USB stick (nothing was changed)"
    ),
    "sync.stick.unwritable": N_(
        "cannot write to {path} ({detail}); check the USB stick and export again"
        " (nothing was changed)"
    ),
    "sync.stick.verify": N_(
        "the copy on the drive ({path}) does not read back the same; use another USB stick"
        " and export again"
    ),
    "sync.conflict.unknown": N_("there is no open conflict '{value}'"),
    "sync.conflict.choice": N_("choose 'kept' or 'other' for the conflict"),
    "sync.conflict.review_choice": N_(
        "this conflict is a whole record to look at: choose 'reviewed' once it is checked"
    ),
    "sync.conflict.duplicate": N_(
        "this record has the same unique value as record {other}: correct one of the two"
        " records instead"
    ),
    "sync.conflict.record_missing": N_("the record of this conflict ({value}) is not here"),
    "sync.conflict.invalid": N_("the chosen value can no longer be saved ({detail})"),
    "sync.conflict.taken": N_("another record ({other}) already holds this value"),
    "sync.transferred_away": N_(
        "this {entity} was transferred to {unit}; the copy on this computer can only be read"
    ),
    "sync.rule.transferred": N_(
        "{unit} may not take back this record of {table}: it was transferred to another post"
    ),
    "sync.warning.late_edit": N_(
        "changes from {unit} to dossiers already transferred to another post were kept and"
        " flagged for the receiving post to review"
    ),
    "sync.transfer.upper_only": N_("only the upper unit records dossier transfers"),
    "sync.transfer.not_a_post": N_("{unit} is not a post that syncs with this unit"),
    "sync.transfer.unit_unknown": N_(
        "no sync file from {unit} has been imported yet; import one before transferring a"
        " dossier to it"
    ),
    "sync.transfer.same_unit": N_("the dossier is already held by {unit}"),
    "sync.transfer.already_requested": N_(
        "a transfer of this dossier is already waiting for approval"
    ),
    "sync.transfer.unknown": N_("there is no transfer request '{value}'"),
    "sync.transfer.already_approved": N_("this transfer is already approved"),
    "sync.transfer.moved_since": N_(
        "the dossier changed hands since the request; make a new request"
    ),
}

FIELDS = {
    "fingerprint": N_("Fingerprint"),
    "conflict_id": N_("Conflict"),
    "choice": N_("Choice"),
    "to_unit": N_("Receiving unit"),
    "request_id": N_("Transfer request"),
    "on_date": N_("Transfer date"),
}

TABLES = {
    "units": N_("units"),
    "areas": N_("residential areas"),
    "persons": N_("residents"),
    "households": N_("households"),
    "household_year_status": N_("poor / near-poor status"),
    "pledges": N_("pledges"),
    "dossiers": N_("dossiers"),
    "assessments": N_("assessments"),
    "commitments": N_("commitments"),
    "supports": N_("support given"),
    "violations": N_("violations"),
    "initiatives": N_("initiatives"),
    "initiative_areas": N_("initiative areas"),
    "initiative_funding": N_("initiative funding"),
    "initiative_assets": N_("initiative assets"),
    "activities": N_("activities"),
    "evaluations": N_("evaluations"),
    "indicator_snapshots": N_("indicators"),
    "report_narratives": N_("report texts"),
    "teams": N_("teams"),
    "team_areas": N_("team areas"),
    "team_members": N_("team members"),
    "commendations": N_("commendations"),
    "catalogue_items": N_("catalogues"),
    "dossier_categories": N_("dossier categories"),
    "rubrics": N_("scoring rubrics"),
    "catalogue_versions": N_("catalogue versions"),
    "dossier_transfers": N_("dossier transfers"),
    "person_corrections": N_("corrections of resident records"),
}
