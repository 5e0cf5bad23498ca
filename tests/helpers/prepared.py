"""Prepared posts: each kind of post is made the slow way (a dozen schema migrations, the
first account, its keys) once per test session — once per worker under pytest-xdist — and
each test gets a copy of its files, which is some twenty times faster.

A copy is the post ``make`` would have left: the same files under the same names. Two posts
one test asks for are never copies of one template: the n-th post a test asks for with the
same description is a copy of the n-th template made for it, so they differ in everything a
new post gets at random (database key, unit id, node and replica ids, sync keys) just as when
each was made afresh. Posts of different tests may share those; no test sees another's.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")


class Templates:
    """Folders made once by a ``make(folder)`` function, copied into the tests' folders."""

    def __init__(self) -> None:
        self._root: Path | None = None
        self._made: dict[tuple[Hashable, int], tuple[Path, Any]] = {}
        self._uses: Counter[Hashable] = Counter()
        #: What else the test's posts differ by (a post on a server: its database's
        #: template, not files): part of every key until the next test.
        self.flavour: Hashable = None

    @property
    def root(self) -> Path | None:
        """The folder the templates are kept under (None outside a test session)."""
        return self._root

    def start(self, root: Path) -> None:
        """Keep the templates under ``root`` (a folder of the test session's own)."""
        self._root = root
        self._made.clear()

    def stop(self) -> None:
        self._root = None
        self._made.clear()

    def new_test(self) -> None:
        """A test begins: its first post of each description is the first template again."""
        self._uses.clear()
        self.flavour = None

    def copy(self, key: Hashable, folder: Path, make: Callable[[Path], T]) -> T:
        """Fill ``folder`` with what ``make(folder)`` leaves in it and return what that
        returned. ``key`` names every parameter that makes the post different.

        ``make`` runs in an empty folder of its own the first time (the n-th time in one
        test: the n-th template); after that its files are copied. When ``folder`` already
        holds a file of the same name — or outside a test session — ``make`` runs in
        ``folder`` itself, so it refuses or sets the file aside exactly as it always did.
        """
        if self._root is None:
            return make(folder)
        key = (self.flavour, key)
        use = (key, self._uses[key])
        self._uses[key] += 1
        if use not in self._made:
            source = Path(tempfile.mkdtemp(prefix="post-", dir=self._root))
            self._made[use] = (source, make(source))
        source, result = self._made[use]
        entries = sorted(source.iterdir())
        if any((folder / entry.name).exists() for entry in entries):
            return make(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for entry in entries:
            if entry.is_dir():
                shutil.copytree(entry, folder / entry.name)
            else:
                shutil.copy2(entry, folder / entry.name)
        return cast(T, result)


#: The templates of this test session (started by ``tests/conftest.py``).
PREPARED = Templates()
