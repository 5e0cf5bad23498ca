"""What the generator knows about the commune it is filling, shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from antt_desktop.demo.areas import AreaPlan
from antt_desktop.demo.common import BulkWriter, Rand
from antt_desktop.demo.places import Province, WardInfo


@dataclass(slots=True)
class Resident:
    """A generated person, as later stages need them (the row itself is already written)."""

    id: str
    name: str
    sex: str
    birth: date  # the first day the (possibly partial) birth date can mean
    area: int  # index into Commune.areas
    household: int  # index into Commune.households
    relation: str
    phone: str | None
    occupation: str | None

    def age(self, day: date) -> int:
        return (
            day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))
        )


@dataclass(slots=True)
class HouseholdRec:
    id: str
    number: str
    area: int
    address: str
    members: list[int] = field(default_factory=list)  # indexes into Commune.residents

    @property
    def head(self) -> int:
        return self.members[0]


@dataclass(slots=True)
class TeamRec:
    id: str
    kind: str
    name: str
    area: int | None
    founded_on: date
    leader: str
    leader_id: str | None  # None for a free-text member (an officer, an official)


@dataclass
class Commune:
    """One commune-level post being filled: its place, its sizes and what was made so far."""

    index: int
    seed: int
    today: date
    factor: float
    unit_id: str
    unit_name: str  # "Công an phường Hoàn Kiếm"
    ward: WardInfo
    province: Province
    writer: BulkWriter
    id_serial_base: int  # first of this commune's block of ID-number serials (each sex's)
    id_serial_count: int  # how many serials the block holds for each sex
    id_serial_offset: int  # the same for every commune of a run (see people._SERIAL_STEP)
    areas: list[AreaPlan] = field(default_factory=list)
    area_ids: list[str] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)  # the post's officers; [0] is the chief
    residents: list[Resident] = field(default_factory=list)
    households: list[HouseholdRec] = field(default_factory=list)
    teams: list[TeamRec] = field(default_factory=list)

    def rng(self, section: str) -> Rand:
        """The random source of one stage: changing one stage never shifts another."""
        return Rand(f"{self.seed}:{self.index}:{section}")

    @property
    def people_body(self) -> str:
        """The commune's people's committee as documents name it ("UBND phường Hoàn Kiếm")."""
        return f"UBND {self.ward.phrase}"

    @property
    def place(self) -> str:
        """ "xã Động Đạt", "phường Hồng Gai"."""
        return self.ward.phrase

    def officer_of_area(self, area: int) -> str:
        """The officer in charge of a residential area (công an phụ trách địa bàn)."""
        return self.officers[1 + area % (len(self.officers) - 1)]
