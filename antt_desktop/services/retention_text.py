"""The purge proposal in words, the same for the command line and the window."""

from __future__ import annotations

from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.texts.privacy import (
    CANDIDATE,
    PERSON_GOES,
    PERSON_STAYS,
    RECORD_KINDS,
    TIES,
)
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.retention import PurgeCandidate


def candidate_lines(c: PurgeCandidate, tr: Translator) -> list[str]:
    """A dossier proposed for purging: who, which category, when it may go, what goes."""
    name = c.category_name_en if tr.lang == "en" else c.category_name
    facts = tr(CANDIDATE).format(
        closed=fmt_date(c.closed_on, tr), years=c.retention_years, due=fmt_date(c.due_on, tr)
    )
    lines = [f"  {c.person_name} — {name}; {facts}  [{c.dossier_id}]"]
    kinds = [tr(RECORD_KINDS[k]).format(n=n) for k, n in c.records.items() if n]
    if kinds:
        lines.append(f"      {', '.join(kinds)}")
    lines.append(f"      {person_fate(c, tr)}")
    return lines


def person_fate(c: PurgeCandidate, tr: Translator) -> str:
    """Whether the resident's record goes with the dossier, and if not why it stays."""
    if c.person_goes:
        return tr(PERSON_GOES)
    why = ", ".join(tr(TIES[t]) for t in c.kept_because if t in TIES)
    return tr(PERSON_STAYS).format(why=why)
