"""Catalogues in sync: what travels down from the upper unit (SYNC.md "Ownership").

The catalogue tables are written only by an upper unit or the province: their bundles carry
the entries and each catalogue's version row, and a post takes them as they are
(:func:`antt_desktop.sync.rights.sender_is_authority`). A post never writes them (its
services refuse with "Danh mục do cấp trên ban hành"), so a catalogue row coming up from a
post is refused as any write without the right is.
"""

from __future__ import annotations

#: The tables of the catalogues an upper unit issues, the versions included.
CATALOGUE_TABLES = frozenset(
    {"catalogue_items", "dossier_categories", "rubrics", "catalogue_versions"}
)
#: Every node receives every catalogue (no unit scope).
CATALOGUE_SCOPE: dict[str, str | None] = dict.fromkeys(sorted(CATALOGUE_TABLES))
