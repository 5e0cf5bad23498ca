"""A growing wait after repeated failed logins, per account name.

Three attempts are free; after that each failure doubles the wait (2 s, 4 s, 8 s, … at most
15 minutes). An attempt during the wait is refused without checking the password, so
guessing online is slow; the memory-hard key derivation makes guessing offline slow too.
A successful login clears the counter.
"""

from __future__ import annotations

import math

from antt_desktop.security.keyslots import Failures

FREE_ATTEMPTS = 3
FIRST_WAIT_S = 2.0
MAX_WAIT_S = 15 * 60.0


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failed attempts."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_WAIT_S, FIRST_WAIT_S * 2.0 ** (failures - FREE_ATTEMPTS)))


def seconds_left(record: Failures | None, now: float) -> int:
    """Whole seconds until the next attempt is accepted (0: it is accepted now)."""
    if record is None:
        return 0
    wait = wait_after(record.count)
    # a clock set back (or an edited file) never makes the wait longer than the rule says
    left = min(record.last + wait - now, wait)
    return math.ceil(left) if left > 0 else 0
