"""The one way to read the files under ``resources/`` (works the same in a frozen build)."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any


def resource(*parts: str) -> Traversable:
    node = files("antt_desktop.resources")
    for part in parts:
        node = node / part
    return node


def read_json(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))


def read_csv(*parts: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(resource(*parts).read_text(encoding="utf-8"))))
