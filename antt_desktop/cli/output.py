"""What a command prints: human text in the chosen language, or JSON with ``--json``."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

from antt_desktop.domain.errors import Problem
from antt_desktop.i18n.messages import describe, field_label, sentence
from antt_desktop.i18n.translator import Translator


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return str(value)


@dataclass
class Output:
    tr: Translator
    as_json: bool = False
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def _(self, message: str) -> str:
        return self.tr(message)

    def line(self, text: str = "") -> None:
        if not self.as_json:
            print(text, file=self.out)

    def data(self, payload: Any) -> None:
        """The machine-readable result (only printed with --json)."""
        if self.as_json:
            json.dump(payload, self.out, ensure_ascii=False, indent=2, default=_default)
            self.out.write("\n")

    def table(self, rows: list[tuple[str, str]]) -> None:
        width = max((len(k) for k, _ in rows), default=0)
        for key, value in rows:
            self.line(f"  {key.ljust(width)}  {value}")

    def problems(self, problems: list[Problem], heading: str) -> None:
        if self.as_json:
            self.data(
                {
                    "ok": False,
                    "errors": [
                        {
                            "field": p.field,
                            "code": p.code,
                            "severity": p.severity.value,
                            "label": field_label(p.field, self.tr),
                            "message": describe(p, self.tr),
                        }
                        for p in problems
                    ],
                }
            )
        print(heading, file=self.err)
        for p in problems:
            print(f"  - {describe(p, self.tr)}", file=self.err)

    def warnings(self, problems: list[Problem]) -> None:
        for p in problems:
            print(f"{self._('Warning')}: {describe(p, self.tr)}", file=self.err)

    def warning(self, text: str) -> None:
        """A warning in words already translated (on stderr, so stdout stays the result)."""
        print(f"{self._('Warning')}: {text}", file=self.err)

    def error(self, code: str, params: dict[str, Any]) -> None:
        text = sentence(code, params, self.tr)
        if self.as_json:
            self.data({"ok": False, "errors": [{"code": code, "message": text}]})
        print(f"{self._('Error')}: {text}", file=self.err)
