"""Refusals of sync files and enrolment documents: calm messages, documented exit codes.

A refused bundle exits 4 (nothing written); a refused card or roster is invalid input (3).
"""

from __future__ import annotations

from antt_desktop.store.errors import KnownError


class BundleRefused(KnownError):
    """A bundle that is not imported: its ``reason`` names the rule (``sync.refused.*``)."""

    exit_code = 4

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.code = f"sync.refused.{reason}"
        super().__init__(**params)


class EnrolmentRefused(KnownError):
    """An enrolment card or roster that is not accepted (``sync.card.*``, ``sync.roster.*``)."""

    exit_code = 3

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        super().__init__(**params)


class SyncProblem(KnownError):
    """Another sync step that cannot go on (a full stick, an unknown peer...)."""

    exit_code = 3

    def __init__(self, code: str, exit_code: int = 3, **params: object) -> None:
        self.code = code
        self.exit_code = exit_code
        super().__init__(**params)
