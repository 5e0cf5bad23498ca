"""Turn problems and known errors into sentences naming the field and the rule."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from antt_desktop.domain.enums import Sex
from antt_desktop.domain.errors import Problem
from antt_desktop.i18n import texts
from antt_desktop.i18n.translator import Translator


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    messages: dict[str, str] = {}
    fields: dict[str, str] = {}
    for info in pkgutil.iter_modules(texts.__path__):
        module = importlib.import_module(f"{texts.__name__}.{info.name}")
        messages.update(getattr(module, "MESSAGES", {}))
        fields.update(getattr(module, "FIELDS", {}))
    return messages, fields


def _param(value: Any, tr: Translator) -> str:
    if isinstance(value, Sex):
        return tr("male") if value is Sex.MALE else tr("female")
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_param(v, tr) for v in value)
    return str(value)


def _period(key: str, tr: Translator) -> str:
    """A period named in a problem, written the one way every screen writes it."""
    from antt_desktop.domain.errors import ValidationFailed
    from antt_desktop.domain.periods import Period
    from antt_desktop.i18n.formatting import fmt_period

    try:
        return fmt_period(Period.parse(key), tr, in_sentence=True)
    except ValidationFailed:
        return key


def sentence(code: str, params: Mapping[str, Any], tr: Translator) -> str:
    messages, _ = _tables()
    template = messages.get(code)
    if template is None:
        return f"{code} {dict(params)}"
    translated = tr(template)
    values = {k: _param(v, tr) for k, v in params.items()}
    if "entity" in values:  # a kind of record, named in the reader's language
        from antt_desktop.i18n.texts.core import ENTITIES

        label = ENTITIES.get(str(params["entity"]))
        values["entity"] = tr(label) if label else values["entity"]
    if isinstance(params.get("period"), str):  # ``2026-09`` → ``tháng 09/2026``
        values["period"] = _period(params["period"], tr)

    from antt_desktop.i18n.texts.roles import ROLE_PARAMS, role_words

    for key in ROLE_PARAMS:
        if key in params:  # a role in the reader's words ("lãnh đạo đơn vị", not "chief")
            values[key] = role_words(params[key], tr)
    try:
        return translated.format(**values)
    except (KeyError, IndexError):
        return translated


def field_label(name: str, tr: Translator) -> str:
    """The label of a field; for ``scores.crime`` or ``recipients[3].name`` with no label of
    its own, the label of the group it belongs to."""
    _, fields = _tables()
    label = fields.get(name)
    if label is None:
        group = name.split(".", 1)[0].split("[", 1)[0]
        label = fields.get(group)
    return tr(label) if label else name


def describe(problem: Problem, tr: Translator) -> str:
    """``Số định danh cá nhân: phải có đúng 12 chữ số (nhập 11)``."""
    return f"{field_label(problem.field, tr)}: {sentence(problem.code, problem.params, tr)}"


def describe_all(problems: Iterable[Problem], tr: Translator) -> list[str]:
    return [describe(p, tr) for p in problems]


def known_error(code: str, params: Mapping[str, Any], tr: Translator) -> str:
    return sentence(code, params, tr)


def full_sentence(text: str) -> str:
    """``text`` as a sentence a person writes: a capital first letter, a full stop at the end
    (``sai mật khẩu; chưa mở dữ liệu nào`` → ``Sai mật khẩu; chưa mở dữ liệu nào.``)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else f"{text}."
