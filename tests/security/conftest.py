"""The command line fixtures (``antt``, ``post``) for the security tests too."""

from tests.cli.conftest import antt, post

__all__ = ["antt", "post"]
