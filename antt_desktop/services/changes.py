"""What a change touched, in the kinds of records the window shows: every write transaction
records its rows (``store/changes.py``), the window's change bus carries that record, and
each view asks whether a kind it shows is among them.

``Kind`` values are the tables' names, so ``changes.touches(Kind.HOUSEHOLD, Kind.PLEDGE)``
reads the store's record directly; a typo in a kind is a type error, not a view that never
refreshes.
"""

from __future__ import annotations

from enum import StrEnum

from antt_desktop.store.changes import Changes

__all__ = ["EVERYTHING", "SYNC", "Changes", "Kind", "of_kinds"]


class Kind(StrEnum):
    """The kinds of records a view may show (their tables)."""

    PERSON = "persons"
    PHOTO = "photos"
    CORRECTION = "person_corrections"
    HOUSEHOLD = "households"
    HOUSEHOLD_STATUS = "household_year_status"
    PLEDGE = "pledges"
    DOSSIER = "dossiers"
    ASSESSMENT = "assessments"
    COMMITMENT = "commitments"
    SUPPORT = "supports"
    VIOLATION = "violations"
    INITIATIVE = "initiatives"
    INITIATIVE_AREA = "initiative_areas"
    FUNDING = "initiative_funding"
    ASSET = "initiative_assets"
    ACTIVITY = "activities"
    EVALUATION = "evaluations"
    INDICATOR = "indicator_snapshots"
    NARRATIVE = "report_narratives"
    TEAM = "teams"
    TEAM_AREA = "team_areas"
    TEAM_MEMBER = "team_members"
    COMMENDATION = "commendations"
    UNIT = "units"
    AREA = "areas"
    CATALOGUE = "catalogue_items"
    CATEGORY = "dossier_categories"
    RUBRIC = "rubrics"
    CATALOGUE_VERSION = "catalogue_versions"
    ACCOUNT = "users"
    AUDIT = "audit_entries"
    SYNC_IDENTITY = "sync_identity"
    SYNC_PEER = "sync_peers"
    SYNC_BUNDLE = "sync_bundles"
    SYNC_ECHO = "sync_echo"
    SYNC_CONFLICT = "sync_conflicts"
    SYNC_PENDING = "sync_pending"
    SYNC_EXTRA = "sync_extra"
    SYNC_PROPOSAL = "sync_proposals"
    TRANSFER = "dossier_transfers"


#: What the sync page shows: the identity, peers, bundles, conflicts and transfers.
SYNC = (
    Kind.SYNC_IDENTITY,
    Kind.SYNC_PEER,
    Kind.SYNC_BUNDLE,
    Kind.SYNC_ECHO,
    Kind.SYNC_CONFLICT,
    Kind.SYNC_PENDING,
    Kind.SYNC_EXTRA,
    Kind.SYNC_PROPOSAL,
    Kind.TRANSFER,
)

#: "Reload everything": a page first shown, a language change, an import of many kinds.
EVERYTHING = Changes(whole_tables=frozenset(Kind))


def of_kinds(*kinds: Kind) -> Changes:
    """Changes that touched these kinds as a whole (a bulk operation that names them)."""
    return Changes(whole_tables=frozenset(kinds))
