"""Fixtures for sync: several nodes (posts, upper unit, province), each its own database,
enrolled with each other the way officers do it (card, fingerprint, roster).

The CLI tests reuse the ``antt`` fixture of ``tests/cli/conftest.py`` so that whatever it
needs to run a command (a login, say) applies here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import antt, post  # noqa: F401 - the CLI fixtures, reused
from tests.sync.nodes import Network


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    """An empty network: add nodes with ``net.upper()``, ``net.post()``, ``net.province()``."""
    network = Network(tmp_path / "net")
    yield network
    network.close()
