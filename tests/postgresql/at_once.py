"""Several desks at once in a test: each piece of work on a thread of its own."""

from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(*work: Callable[[], object]) -> list[BaseException]:
    """Run each of ``work`` on its own thread, every thread started before any is waited
    for; what they raised, in the order of ``work`` (a thread's failure is the test's)."""
    raised: list[tuple[int, BaseException]] = []

    def run(index: int, job: Callable[[], object]) -> None:
        try:
            job()
        except BaseException as exc:  # handed to the test, which asserts there is none
            raised.append((index, exc))

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [exc for _i, exc in sorted(raised, key=lambda pair: pair[0])]
