"""Parse the command line, run one command, map failures to the documented exit codes.

Exit codes: 0 done; 1 unexpected error (a log file is written); 2 usage; 3 invalid input,
nothing written; 4 bundle refused; 5 locked or wrong credentials.
"""

from __future__ import annotations

import argparse
import io
import sys
import traceback
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from antt_desktop import __version__
from antt_desktop.cli import (
    cmd_audit,
    cmd_catalogues,
    cmd_data,
    cmd_dossiers,
    cmd_households,
    cmd_initiatives,
    cmd_people,
    cmd_print,
    cmd_setup,
    cmd_sync,
    cmd_teams,
    cmd_users,
)
from antt_desktop.cli.env import Env, default_data_dir
from antt_desktop.cli.output import Output
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.store.errors import KnownError
from antt_desktop.store.private_files import private_dir, private_umask, write_private

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INVALID, EXIT_BUNDLE, EXIT_LOCKED = 0, 1, 2, 3, 4, 5
COMMAND_MODULES = (
    cmd_setup,
    cmd_people,
    cmd_dossiers,
    cmd_households,
    cmd_initiatives,
    cmd_teams,
    cmd_data,
    cmd_print,
    cmd_sync,
    cmd_users,
    cmd_audit,
    cmd_catalogues,
)


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    """Options every command takes, before or after the command's own words.

    A command may give ``--user`` a meaning of its own (``audit list --user NAME`` filters
    by account): the account to log in with then goes before the command's name.
    """
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        help="folder of the post database (default: $ANTT_DATA_DIR or the user data folder)",
    )
    if "--user" not in parser._option_string_actions:
        parser.add_argument(
            "--user",
            default=default,
            help="account to log in with (default: $ANTT_USER); password from $ANTT_PASSWORD"
            " or asked",
        )
    parser.add_argument(
        "--json", action="store_true", default=default, help="machine-readable output on stdout"
    )
    parser.add_argument("--lang", choices=("vi", "en"), default=default, help="language")
    parser.add_argument("--today", type=date.fromisoformat, default=default, help=argparse.SUPPRESS)


def _leaf_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [parser]
    return [leaf for a in subs for p in a.choices.values() for leaf in _leaf_parsers(p)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="antt", description="ANTT Desktop — records for commune police posts."
    )
    parser.add_argument("--version", action="version", version=f"antt {__version__}")
    _global_options(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(commands)
    for leaf in _leaf_parsers(parser):
        if leaf is not parser:
            _global_options(leaf, argparse.SUPPRESS)
    return parser


def _option_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """dest → how the officer writes it (``--name``, or ``NAME`` for a word in place)."""
    names: dict[str, str] = {}
    for p in [parser, *_leaf_parsers(parser)]:
        for action in p._actions:
            if action.option_strings:
                names.setdefault(action.dest, max(action.option_strings, key=len))
            else:
                names.setdefault(action.dest, str(action.metavar or action.dest).upper())
    return names


def undecodable_argument(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> tuple[str, int] | None:
    """(argument, 1-based position) of the first text argument holding bytes that were not
    UTF-8, or None. Python hands such bytes over as lone surrogates (PEP 383); paths may
    hold them (a file name from an old system), text for the records may not."""
    for dest, value in vars(args).items():
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if not isinstance(text, str):
                continue
            for index, ch in enumerate(text):
                if "\ud800" <= ch <= "\udfff":
                    return _option_names(parser).get(dest, dest), index + 1
    return None


def _log_failure(data_dir: Path) -> Path:
    log_dir = data_dir / "logs"
    try:
        private_dir(log_dir)
        path = log_dir / f"antt-{datetime.now():%Y%m%d-%H%M%S}.log"
        write_private(path, traceback.format_exc())
    except OSError:
        path = Path("(no log: data folder not writable)")
    return path


def _utf8_output() -> None:
    """Vietnamese on every output. Windows gives a pipe or a file (``antt … > baocao.txt``)
    its ANSI code page (cp1252, cp1258), which cannot write most Vietnamese letters; a
    console, Linux and macOS are UTF-8 already."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None, *, kdf: KdfParams = PRODUCTION) -> int:
    """Run one command; returns its exit code.

    Args:
        argv: the words after ``antt``.
        kdf: the Argon2 cost of passwords this run sets (tests pass a cheap one).
    """
    with private_umask():  # what the command creates is the user's alone
        return _main(argv, kdf)


def _main(argv: Sequence[str] | None, kdf: KdfParams) -> int:
    _utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    tr = Translator(args.lang or "vi")
    out = Output(tr, as_json=args.json)
    if (bad := undecodable_argument(parser, args)) is not None:
        out.error("cli.argument_encoding", {"argument": bad[0], "position": bad[1]})
        return EXIT_INVALID
    env = Env(
        data_dir=args.data_dir or default_data_dir(),
        out=out,
        today=args.today or date.today(),
        username=args.user,
        kdf=kdf,
    )
    try:
        return int(args.func(env, args) or EXIT_OK)
    except PermissionDenied as exc:
        out.error(exc.code, exc.params)
        return exc.exit_code
    except ValidationFailed as exc:
        out.problems(exc.problems, tr(N_("Not saved, the input has problems:")))
        return EXIT_INVALID
    except KnownError as exc:
        out.error(exc.code, exc.params)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: the reader left, nothing is wrong
        return EXIT_OK
    except Exception:
        log = _log_failure(env.data_dir)
        out.error("error.unexpected", {"log": str(log)})
        return EXIT_ERROR


def run() -> None:
    sys.exit(main())
