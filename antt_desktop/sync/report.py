"""What an import did, per table: new, updated, unchanged, conflicts, refused (with the
reason), waiting for a parent record; and what an officer should know (warnings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Refusal:
    table: str
    row_id: str
    code: str  # sync.rule.*
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class TableReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refused: int = 0
    pending: int = 0

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.refused + self.pending


@dataclass(frozen=True)
class Warning_:
    code: str  # sync.warning.*
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportReport:
    file: str
    bundle_id: str = ""
    sender: str = ""
    sender_unit: str = ""
    seq: int = 0
    volume: int = 1
    volumes: int = 1
    dry_run: bool = False
    already_imported: bool = False
    tables: dict[str, TableReport] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    attachments: int = 0
    #: edits of this post's records by the upper unit, kept as proposals (sync.proposals)
    proposals: int = 0

    def table(self, name: str) -> TableReport:
        found = self.tables.get(name)
        if found is None:  # (once per table: asked for every row of an import)
            found = self.tables[name] = TableReport()
        return found

    def refuse(self, table: str, row_id: str, code: str, /, **params: Any) -> None:
        self.table(table).refused += 1
        self.refusals.append(Refusal(table, row_id, code, params))

    def warn(self, code: str, /, **params: Any) -> None:
        self.warnings.append(Warning_(code, params))

    def totals(self) -> TableReport:
        total = TableReport()
        for t in self.tables.values():
            for key, value in t.to_dict().items():
                setattr(total, key, getattr(total, key) + value)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "bundle_id": self.bundle_id,
            "sender": self.sender,
            "sender_unit": self.sender_unit,
            "seq": self.seq,
            "volume": self.volume,
            "volumes": self.volumes,
            "dry_run": self.dry_run,
            "already_imported": self.already_imported,
            "tables": {k: v.to_dict() for k, v in sorted(self.tables.items())},
            "totals": self.totals().to_dict(),
            "refusals": [
                {"table": r.table, "id": r.row_id, "code": r.code, "params": r.params}
                for r in self.refusals
            ],
            "warnings": [{"code": w.code, "params": w.params} for w in self.warnings],
            "attachments": self.attachments,
            "proposals": self.proposals,
        }
