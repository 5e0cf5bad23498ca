"""Hybrid logical clock: milliseconds shifted left 16 bits plus a counter, as one integer.

Dates shown to people never come from here; this only orders writes across nodes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

LOGICAL_BITS = 16
LOGICAL_MASK = (1 << LOGICAL_BITS) - 1

WallClock = Callable[[], int]


def wall_ms() -> int:
    """Milliseconds since the epoch from the system clock."""
    return time.time_ns() // 1_000_000


def tick(last: int, now_ms: int) -> int:
    """The next local clock value after ``last`` at wall time ``now_ms``."""
    physical = max(now_ms, last >> LOGICAL_BITS)
    logical = (last & LOGICAL_MASK) + 1 if physical == last >> LOGICAL_BITS else 0
    if logical > LOGICAL_MASK:  # 65,536 writes in one millisecond: borrow the next one
        physical, logical = physical + 1, 0
    return (physical << LOGICAL_BITS) | logical


def physical_ms(hlc: int) -> int:
    return hlc >> LOGICAL_BITS
