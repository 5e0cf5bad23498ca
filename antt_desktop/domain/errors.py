"""Validation problems that name the field and the rule.

A problem carries a message *code* and parameters, never a sentence: the i18n layer turns it
into Vietnamese or English, so the same refusal reads right in the GUI, the CLI and a report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # refuses the change
    WARNING = "warning"  # shown, the change may go ahead (or needs an override)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    Args:
        field: the field name in code (``id_number``, ``born``...); the i18n layer has its label.
        code: the rule broken (``id_number.length``...); the i18n layer has its sentence.
        params: values the sentence mentions (``expected``, ``found``...).
        severity: error (refuses) or warning.
    """

    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ValidationFailed(Exception):
    """Raised by a service before it writes anything when the input breaks a rule."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in self.problems))

    @classmethod
    def single(cls, field_name: str, code: str, **params: Any) -> ValidationFailed:
        return cls([Problem(field_name, code, params)])


def raise_if_errors(problems: Iterable[Problem]) -> list[Problem]:
    """Raise ValidationFailed if any problem is an error; return the warnings otherwise."""
    problems = list(problems)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ValidationFailed(errors)
    return problems
