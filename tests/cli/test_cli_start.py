"""``antt`` starts as fast as the words typed allow (issue #15, item 1): ``--version`` and
``--help`` load no database layer, printing or window; a command loads its own module only.
Each command is one line of ``cli.app.COMMANDS``, and that line says what the module says."""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from antt_desktop import __version__
from antt_desktop.cli.app import COMMANDS, build_parser, command_word
from tests.cli.conftest import Run
from tests.conftest import TEST_PASSWORD

HEAVY = ("sqlalchemy", "PySide6", "reportlab", "sqlcipher3")


def _loaded_after(
    *argv: str, tmp_path: Path, watched: tuple[str, ...] = HEAVY
) -> tuple[str, list[str]]:
    """What ``antt ARGV`` prints, and which of the ``watched`` modules it imported (a fresh
    Python)."""
    code = (
        "import sys\n"
        "from antt_desktop.cli.app import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('LOADED', [m for m in {watched!r} if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=dict(os.environ, ANTT_DATA_DIR=str(tmp_path), PYTHONPATH=os.pathsep.join(sys.path)),
        check=True,
    )
    printed, _, loaded = done.stdout.rpartition("LOADED ")
    return printed, ast.literal_eval(loaded)


def test_version_loads_no_database_layer_printing_or_window(tmp_path: Path) -> None:
    printed, loaded = _loaded_after("--version", tmp_path=tmp_path)
    assert printed.strip() == f"antt {__version__}"
    assert loaded == []


def test_help_lists_every_command_without_loading_them(tmp_path: Path) -> None:
    printed, loaded = _loaded_after("--help", tmp_path=tmp_path)
    assert loaded == []
    for command in COMMANDS:
        assert command.name in printed
    assert "accent-insensitive search of people and households" in printed


@pytest.mark.slow
def test_a_search_loads_no_printing_and_no_window(tmp_path: Path) -> None:
    _, loaded = _loaded_after("search", "nguyen", tmp_path=tmp_path)  # no post here
    assert "sqlalchemy" in loaded  # it went as far as opening the post (and found none)
    assert "reportlab" not in loaded and "PySide6" not in loaded


@pytest.mark.slow
def test_the_list_of_dossiers_loads_no_service_of_their_records(tmp_path: Path) -> None:
    """``antt dossier list`` (the most run of its commands) waits for no assessment schedule,
    record-writing or purge service: each is loaded by the command that uses it."""
    records = (
        "antt_desktop.services.assessments",
        "antt_desktop.services.dossier_records",
        "antt_desktop.services.purge",
    )
    _, loaded = _loaded_after("dossier", "list", tmp_path=tmp_path, watched=records)
    assert loaded == []


def test_each_command_line_says_what_its_module_says() -> None:
    """A module's words with their help, read from the modules themselves: a word no line of
    COMMANDS names (a module added without its line) or a line that differs fails here."""
    commands = next(
        a for a in build_parser(None)._actions if isinstance(a, argparse._SubParsersAction)
    )
    helps = {a.dest: a.help for a in commands._choices_actions}
    assert helps == {c.name: c.help for c in COMMANDS}


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["search", "nguyen"], "search"),
        (["--user", "search", "person", "show"], "person"),  # an account named "search"
        (["--data-dir", "/tmp/x", "--json", "--lang", "en", "audit", "list"], "audit"),
        (["--today=2026-11-22", "dossier", "list"], "dossier"),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_command_word_is_found_among_the_options(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


def _counting_derivations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every Argon2 derivation the run makes, by the password it was given."""
    from antt_desktop.security import kdf

    made: list[str] = []
    real = kdf.derive_key

    def counted(password: str, salt: bytes, params: kdf.KdfParams) -> bytes:
        made.append(password)
        return real(password, salt, params)

    monkeypatch.setattr(kdf, "derive_key", counted)
    return made


def test_a_command_logs_in_with_the_key_derived_while_it_loaded(
    post: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _counting_derivations(monkeypatch)
    result = post("search", "nguyen")
    assert result.code == 0, result.err
    assert made == [TEST_PASSWORD]  # begun ahead, used by the login: not derived twice


def test_a_wrong_password_given_ahead_is_still_refused_and_counted(
    post: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTT_PASSWORD", "not-the-password")
    made = _counting_derivations(monkeypatch)
    result = post("search", "nguyen")
    assert result.code == 5
    assert "sai tên tài khoản hoặc mật khẩu" in result.err
    assert made == ["not-the-password"]
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)
    actions = [e["action"] for e in post("--json", "audit", "list").json["entries"]]
    assert actions[-2:] == ["login_failed", "login"]  # the failure recorded, as always


def test_a_derivation_begun_for_other_words_derives_afresh() -> None:
    from antt_desktop.security.kdf import DerivedAhead, KdfParams, derive_key

    cheap = KdfParams(time_cost=1, memory_kib=64, parallelism=1)
    ahead = DerivedAhead("mat-khau", bytes(16), cheap)
    assert ahead("mat-khau", bytes(16), cheap) == derive_key("mat-khau", bytes(16), cheap)
    other = ahead("khac", b"\x01" * 16, cheap)
    assert other == derive_key("khac", b"\x01" * 16, cheap) != ahead("mat-khau", bytes(16), cheap)
