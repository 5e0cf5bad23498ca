"""Parse the command line, run one command, map failures to the documented exit codes.

Exit codes: 0 done; 1 unexpected error (a log file is written); 2 usage; 3 invalid input,
nothing written; 4 bundle refused; 5 locked or wrong credentials.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from antt_desktop import __version__

if TYPE_CHECKING:
    from antt_desktop.security.kdf import Derive, KdfParams

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INVALID, EXIT_BUNDLE, EXIT_LOCKED = 0, 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Command:
    """A word of ``antt`` (``person``), the module under ``antt_desktop.cli`` whose
    ``register(commands)`` declares it (with the module's other words), and the line
    ``antt --help`` shows for it.

    Only the module of the word typed is imported: ``antt --version``, ``antt --help`` and
    a command start without loading the others (and what they use: the database layer, the
    printing, the sync). A test keeps each line here the same as the module's own help.
    """

    name: str
    module: str
    help: str


#: Every command, in the order ``antt --help`` lists them; one line per word of a module.
COMMANDS = (
    Command("init", "cmd_setup", "set up a new post database"),
    Command("demo-data", "cmd_setup", "fill the database with realistic demo data"),
    Command(
        "check",
        "cmd_setup",
        "quick database check; --full: integrity, foreign keys, search index, audit chain",
    ),
    Command(
        "backup",
        "cmd_setup",
        "copy the database to an encrypted backup file (on a server: pg_dump, encrypted)",
    ),
    Command(
        "restore",
        "cmd_setup",
        "replace the database with a backup file (a chief of this post logs in; the backup"
        " opens with the password of a chief in it)",
    ),
    Command("person", "cmd_people", "residents"),
    Command("search", "cmd_people", "accent-insensitive search of people and households"),
    Command("dossier", "cmd_dossiers", "management dossiers"),
    Command("area", "cmd_households", "residential areas"),
    Command("household", "cmd_households", "households"),
    Command("initiative", "cmd_initiatives", "community security initiatives"),
    Command("indicator", "cmd_initiatives", "counts per period for before/after"),
    Command("team", "cmd_teams", "grassroots teams"),
    Command("commendation", "cmd_teams", "commendations"),
    Command("stats", "cmd_data", "the figures a periodic report prints"),
    Command("import", "cmd_data", "import persons or households from a spreadsheet"),
    Command("demo", "cmd_data", "open the demo post (created on first use)"),
    Command("print", "cmd_print", "print documents to PDF"),
    Command("sync", "cmd_sync", "sync by bundle files on USB sticks"),
    Command("user", "cmd_users", "accounts of the post: add, edit, role, passwd, disable, list"),
    Command("audit", "cmd_audit", "the audit log: list or print it (chief, admin)"),
    Command(
        "server",
        "cmd_server",
        "a post's database on a PostgreSQL server (its owner): the desks' role",
    ),
    Command(
        "catalogue",
        "cmd_catalogues",
        "the catalogues the upper unit keeps: categories, rubrics, initiative types,"
        " activity kinds",
    ),
)


def command_module(module: str) -> object:
    """The command module ``antt_desktop.cli.<module>`` (imported on first use)."""
    return import_module(f"antt_desktop.cli.{module}")


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
    parser.add_argument(
        "--database",
        type=_server_url,
        default=default,
        metavar="URL",
        help="a database on a PostgreSQL server, shared by several desks"
        " (postgresql://user@host/name; default: $ANTT_DATABASE_URL); without it, the post's"
        " own file in --data-dir",
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


def _server_url(value: str) -> str:
    if not value.startswith(("postgresql://", "postgres://")):
        raise argparse.ArgumentTypeError(f"not a postgresql:// address: {value!r}")
    return value


def _leaf_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [parser]
    return [leaf for a in subs for p in a.choices.values() for leaf in _leaf_parsers(p)]


def _root() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="antt", description="ANTT Desktop — records for commune police posts."
    )
    parser.add_argument("--version", action="version", version=f"antt {__version__}")
    _global_options(parser, None)
    return parser


def command_word(argv: Sequence[str]) -> str | None:
    """The command's word in ``argv`` (``search`` in ``--user a search nguyen``): the first
    word that is neither an option of ``antt`` itself nor an option's value."""
    valued = {
        option
        for action in _root()._actions
        if action.nargs != 0
        for option in action.option_strings
    }
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in valued:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of ``argv``: with the one module of the command typed; with every module
    when the word is not one of :data:`COMMANDS` (so argparse names the choices); with
    only the commands' names and help when there is no command (``antt --help``)."""
    parser = _root()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    word = command_word(argv or []) if argv is not None else ""
    chosen = [c.module for c in COMMANDS if c.name == word]
    if word is None:
        for c in COMMANDS:
            commands.add_parser(c.name, help=c.help)
        return parser
    for module in dict.fromkeys(chosen or [c.module for c in COMMANDS]):
        command_module(module).register(commands)  # type: ignore[attr-defined]
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
    from antt_desktop.store.private_files import private_dir, write_private

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


def main(argv: Sequence[str] | None = None, *, kdf: KdfParams | None = None) -> int:
    """Run one command; returns its exit code.

    Args:
        argv: the words after ``antt``.
        kdf: the Argon2 cost of passwords this run sets (tests pass a cheap one; default:
            the production cost).
    """
    from antt_desktop.store.private_files import private_umask

    with private_umask():  # what the command creates is the user's alone
        return _main(sys.argv[1:] if argv is None else list(argv), kdf)


def _begin_derivation(argv: list[str]) -> Derive | None:
    """The login's key derivation begun from the words typed (``--data-dir``, ``--user``)
    before the command's module is loaded; None for ``--version``/``--help``, no command, or
    a command that gives ``--user`` another meaning (``audit list --user NAME``)."""
    if command_word(argv) in (None, "audit") or {"-h", "--help", "--version"} & set(argv):
        return None
    from antt_desktop.cli.early import begin_derivation

    early = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    early.add_argument("--data-dir", type=Path)
    early.add_argument("--user")
    early.add_argument("--database")
    known, _ = early.parse_known_args(argv)
    database = known.database or os.environ.get("ANTT_DATABASE_URL") or None
    return begin_derivation(known.data_dir, known.user, database)


def _main(argv: list[str], kdf: KdfParams | None) -> int:
    _utf8_output()
    derive = _begin_derivation(argv)  # runs while the command's modules load
    parser = build_parser(argv)
    args = parser.parse_args(argv)  # exits 2 on usage errors
    # what a command needs, loaded once its words are read (--version and --help never)
    from antt_desktop.cli.early import default_data_dir
    from antt_desktop.cli.env import Env
    from antt_desktop.cli.output import Output
    from antt_desktop.domain.errors import ValidationFailed
    from antt_desktop.i18n.translator import N_, Translator
    from antt_desktop.security.errors import PermissionDenied
    from antt_desktop.security.kdf import PRODUCTION, derive_key
    from antt_desktop.store.errors import KnownError

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
        kdf=kdf or PRODUCTION,
        derive=derive or derive_key,
        database_url=args.database or os.environ.get("ANTT_DATABASE_URL") or None,
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
