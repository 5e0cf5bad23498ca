"""The password rule: long enough to resist guessing, short enough to type every morning."""

from __future__ import annotations

from antt_desktop.domain.errors import Problem

MIN_LENGTH = 10
MAX_LENGTH = 256


def password_problems(password: str, username: str, field: str = "password") -> list[Problem]:
    """What is wrong with a new password (nothing: an empty list)."""
    if len(password) < MIN_LENGTH:
        return [Problem(field, "password.too_short", {"min": MIN_LENGTH, "found": len(password)})]
    if len(password) > MAX_LENGTH:
        return [Problem(field, "too_long", {"max": MAX_LENGTH})]
    if len(set(password)) < 4:
        return [Problem(field, "password.too_simple", {})]
    if username and username.lower() in password.lower():
        return [Problem(field, "password.contains_name", {"name": username})]
    return []
