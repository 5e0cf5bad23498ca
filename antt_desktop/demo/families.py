"""Who lives in a household: relations to the head, sex and age, the way families are built
(a couple and their children, often a parent of the head, sometimes grandchildren)."""

from __future__ import annotations

from dataclasses import dataclass

from antt_desktop.demo.common import Rand

HEAD = "Chủ hộ"


@dataclass(frozen=True, slots=True)
class Member:
    """One planned member. ``line`` says whose family name they carry."""

    relation: str
    sex: str
    age: int
    #: Whose family name they carry: "head", "own" (the spouse's), "father" (the children's
    #: father: the head, the husband or an absent father) or "other" (a name of their own).
    line: str


def household_sizes(rng: Rand, households: int, persons: int) -> list[int]:
    """Sizes of 3-5 members (mean 3.75) that add up to exactly ``persons``."""
    sizes = [rng.weighted(((3, 0.40), (4, 0.45), (5, 0.15))) for _ in range(households)]
    low, high = 3, 5
    while not low * households <= persons <= high * households:
        low, high = max(1, low - 1), high + 1
    diff = persons - sum(sizes)
    while diff:
        j = rng.randrange(households)
        if diff > 0 and sizes[j] < high:
            sizes[j] += 1
            diff -= 1
        elif diff < 0 and sizes[j] > low:
            sizes[j] -= 1
            diff += 1
    return sizes


def _children(rng: Rand, count: int, mother_age: int, relation: str = "Con") -> list[Member]:
    """Children born when their mother was 19-42, oldest first."""
    oldest = max(0, min(mother_age - 19, 24))
    youngest = max(0, mother_age - 42)
    ages = sorted((rng.randint(youngest, oldest) for _ in range(count)), reverse=True)
    return [Member(relation, rng.choice("MF"), age, "father") for age in ages]


def compose(rng: Rand, size: int) -> list[Member]:
    """The members of one household, head first."""
    if size >= 4 and rng.chance(0.22):
        return _three_generations(rng, size)
    if rng.chance(0.15):
        return _elders(rng, size)
    if rng.chance(0.06):
        return _single_parent(rng, size)
    return _couple(rng, size)


def _couple_heads(rng: Rand, min_age: int, max_age: int) -> tuple[list[Member], int]:
    """Head and spouse; returns them and the wife's age."""
    head_male = rng.chance(0.86)
    head_age = rng.randint(min_age, max_age)
    gap = max(-2, min(12, round(rng.gauss(3, 3))))  # husbands are a few years older
    spouse_age = max(18, head_age - gap if head_male else head_age + gap)
    if head_male:
        return [Member(HEAD, "M", head_age, "head"), Member("Vợ", "F", spouse_age, "own")], (
            spouse_age
        )
    return [Member(HEAD, "F", head_age, "head"), Member("Chồng", "M", spouse_age, "own")], (
        head_age
    )


def _couple(rng: Rand, size: int) -> list[Member]:
    kids = size - 2
    members, mother_age = _couple_heads(rng, 22 + 3 * kids, 58)
    return members + _children(rng, kids, mother_age)


def _three_generations(rng: Rand, size: int) -> list[Member]:
    members, mother_age = _couple_heads(rng, 28, 50)
    head_age = members[0].age
    parents: list[Member] = []
    if rng.chance(0.45) and size >= 5:
        father_age = min(95, head_age + rng.randint(24, 34))
        parents = [
            Member("Bố", "M", father_age, "head"),
            Member("Mẹ", "F", max(head_age + 20, father_age - rng.randint(0, 6)), "other"),
        ]
    elif rng.chance(0.3):
        parents = [Member("Bố", "M", min(95, head_age + rng.randint(24, 34)), "head")]
    else:
        parents = [Member("Mẹ", "F", min(95, head_age + rng.randint(20, 32)), "other")]
    kids = max(1, size - 2 - len(parents))
    return members + parents + _children(rng, kids, mother_age)[: size - 2 - len(parents)]


def _elders(rng: Rand, size: int) -> list[Member]:
    """An older couple (or widow) with a grown child and grandchildren (Cháu)."""
    widowed = rng.chance(0.2)
    if widowed:
        head_age = rng.randint(60, 85)
        members = [Member(HEAD, "F", head_age, "head")]
        mother_age = head_age
    else:
        members, mother_age = _couple_heads(rng, 58, 80)
    adult_age = max(24, mother_age - rng.randint(22, 34))
    adult = Member("Con", rng.choice("MF"), adult_age, "father")
    members.append(adult)
    for _ in range(size - len(members)):
        grandchild_age = rng.randint(0, max(0, min(18, adult_age - 20)))
        members.append(
            Member(
                "Cháu", rng.choice("MF"), grandchild_age, "father" if adult.sex == "M" else "other"
            )
        )
    return members


def _single_parent(rng: Rand, size: int) -> list[Member]:
    female = rng.chance(0.75)
    head_age = rng.randint(30, 62)
    head = Member(HEAD, "F" if female else "M", head_age, "head")
    return [head, *_children(rng, size - 1, head_age if female else max(19, head_age - 3))]


# (managed person's relation to the head, helper's relation) → the helper's kinship to the
# person, as (word for a man, word for a woman).
_KIN = {
    (HEAD, "Vợ"): ("", "vợ"),
    (HEAD, "Chồng"): ("chồng", ""),
    (HEAD, "Bố"): ("bố đẻ", ""),
    (HEAD, "Mẹ"): ("", "mẹ đẻ"),
    (HEAD, "Con"): ("con trai", "con gái"),
    ("Vợ", HEAD): ("chồng", "vợ"),
    ("Chồng", HEAD): ("chồng", "vợ"),
    ("Vợ", "Con"): ("con trai", "con gái"),
    ("Chồng", "Con"): ("con trai", "con gái"),
    ("Vợ", "Bố"): ("bố chồng", ""),
    ("Vợ", "Mẹ"): ("", "mẹ chồng"),
    ("Chồng", "Bố"): ("bố vợ", ""),
    ("Chồng", "Mẹ"): ("", "mẹ vợ"),
    ("Con", HEAD): ("bố đẻ", "mẹ đẻ"),
    ("Con", "Vợ"): ("", "mẹ đẻ"),
    ("Con", "Chồng"): ("bố đẻ", ""),
    ("Con", "Bố"): ("ông nội", ""),
    ("Con", "Mẹ"): ("", "bà nội"),
    ("Cháu", HEAD): ("ông", "bà"),
    ("Cháu", "Vợ"): ("", "bà"),
    ("Cháu", "Chồng"): ("ông", ""),
    ("Cháu", "Con"): ("bố", "mẹ"),
}


def kinship(person_relation: str, helper_relation: str, helper_sex: str, helper_older: bool) -> str:
    """How a household member is related to a managed person ("mẹ đẻ", "anh trai"...)."""
    if person_relation == helper_relation == "Con":
        pair = ("anh trai", "chị gái") if helper_older else ("em trai", "em gái")
    else:
        pair = _KIN.get((person_relation, helper_relation), ("người thân", "người thân"))
    word = pair[0] if helper_sex == "M" else pair[1]
    return word or "người thân"
