"""SQLAlchemy models of every entity in DOMAIN.md."""

from antt_desktop.store.models.corrections import PersonCorrection
from antt_desktop.store.models.dossiers import Assessment, Commitment, Dossier, Support, Violation
from antt_desktop.store.models.drafts import Draft
from antt_desktop.store.models.figures import PledgeFigure
from antt_desktop.store.models.initiatives import (
    Activity,
    Evaluation,
    IndicatorSnapshot,
    Initiative,
    InitiativeArea,
    InitiativeAsset,
    InitiativeFunding,
)
from antt_desktop.store.models.narratives import ReportNarrative
from antt_desktop.store.models.numbers import DocumentNumber
from antt_desktop.store.models.people import (
    Household,
    HouseholdYearStatus,
    Person,
    Pledge,
    name_columns,
)
from antt_desktop.store.models.photos import StoredPhoto
from antt_desktop.store.models.proposals import SyncProposal
from antt_desktop.store.models.reference import (
    Area,
    AuditEntry,
    CatalogueItem,
    CatalogueVersion,
    DossierCategory,
    LocalNode,
    Rubric,
    Unit,
    User,
)
from antt_desktop.store.models.sync import (
    DossierTransfer,
    SyncBundle,
    SyncConflict,
    SyncEcho,
    SyncExtra,
    SyncIdentity,
    SyncPeer,
    SyncPending,
    SyncTableDigest,
)
from antt_desktop.store.models.teams import Commendation, Team, TeamArea, TeamMember

__all__ = [
    "Activity",
    "Area",
    "Assessment",
    "AuditEntry",
    "CatalogueItem",
    "CatalogueVersion",
    "Commendation",
    "Commitment",
    "DocumentNumber",
    "Dossier",
    "DossierCategory",
    "DossierTransfer",
    "Draft",
    "Evaluation",
    "Household",
    "HouseholdYearStatus",
    "IndicatorSnapshot",
    "Initiative",
    "InitiativeArea",
    "InitiativeAsset",
    "InitiativeFunding",
    "LocalNode",
    "Person",
    "PersonCorrection",
    "Pledge",
    "PledgeFigure",
    "ReportNarrative",
    "Rubric",
    "StoredPhoto",
    "Support",
    "SyncBundle",
    "SyncConflict",
    "SyncEcho",
    "SyncExtra",
    "SyncIdentity",
    "SyncPeer",
    "SyncPending",
    "SyncProposal",
    "SyncTableDigest",
    "Team",
    "TeamArea",
    "TeamMember",
    "Unit",
    "User",
    "Violation",
    "name_columns",
]
