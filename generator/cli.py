"""The ``cco-playbook`` command: flags in, plain functions called, exit status out.

Results go to stdout; errors and progress to stderr. Exit status: 0 ok, 1 content
errors or a failed build, 2 usage errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__
from generator.diagnostics import report, report_error
from generator.errors import PlaybookError, UsageError
from generator.group import DEFAULT_MIN_GROUP, LOWEST_MIN_GROUP
from generator.model.kinds import SCAFFOLDS

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


_EXAMPLES = """examples:
  cco-playbook check                          report every content error, file:line:col
  cco-playbook build --site-dir site          build; the old site stays if anything fails
  cco-playbook build --zip dist/playbook.zip --pdf dist/playbook.pdf
  cco-playbook build --brand examples/acme/brand.yml --site-dir site-acme
  cco-playbook score --assessment readiness answers.json
  cco-playbook aggregate --assessment readiness results/*.json --baseline last-quarter/*.json
  cco-playbook translate status de            how much of the German translation is current

Exit status: 0 ok, 1 content errors or a failed build, 2 usage errors."""


def _config_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=default,
        metavar="FILE",
        help="the project's mkdocs.yml (default: ./mkdocs.yml)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cco-playbook",
        description="Check, build, publish and score the Chief Customer Officer playbook."
        " Results go to stdout; errors and progress to stderr.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cco-playbook {__version__}")
    _config_option(parser, Path("mkdocs.yml"))
    # -f also works after the command; SUPPRESS keeps the global value when it is absent.
    common = argparse.ArgumentParser(add_help=False)
    _config_option(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, summary: str, details: str, example: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}. {details}",
            epilog=f"example: cco-playbook {name} {example}",
            parents=[common],
        )

    p = command(
        "check",
        "validate every content file and report all errors",
        "Prints one 'file:line:col: key.path: message (hint)' line per error on stderr;"
        " exits 1 when there is any. Needs no git unless --since is given.",
        "--format github --since origin/main",
    )
    p.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'text' (default): file:line:col: message; 'github': Actions annotations on stdout",
    )
    p.add_argument("--brand", type=Path, metavar="FILE", help="check with this brand file")
    p.add_argument(
        "--language",
        metavar="LANG",
        help="check the edition in this language instead of the brand's (e.g. de)",
    )
    p.add_argument(
        "--edition",
        type=Path,
        metavar="DIR",
        help="check a client edition: the folder of its edition.yml (see 'cco-playbook init')",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="also fail on translation warnings (texts missing or stale in the brand's language)",
    )
    p.add_argument(
        "--since",
        metavar="REF",
        help="also fail when an assessment's scoring changed since this git ref"
        " without a higher 'version' (CI passes the merge base)",
    )

    p = command(
        "build",
        "check, then build the site (the old site stays on failure)",
        "Builds into a temporary folder next to the site folder and swaps it in only when"
        " the build, the offline guard and any ZIP or PDF succeeded.",
        "--site-dir site --zip dist/playbook.zip",
    )
    p.add_argument(
        "--site-dir",
        type=Path,
        metavar="DIR",
        help="where to write the site (default: site_dir of mkdocs.yml, usually ./site)",
    )
    p.add_argument("--brand", type=Path, metavar="FILE", help="build under another brand file")
    p.add_argument(
        "--language",
        metavar="LANG",
        help="build the edition in this language instead of the brand's (e.g. de)",
    )
    p.add_argument(
        "--edition",
        type=Path,
        metavar="DIR",
        help="build a client edition: the folder of its edition.yml (see 'cco-playbook init')",
    )
    p.add_argument(
        "--zip", type=Path, metavar="FILE", help="also write the site as a ZIP for offline reading"
    )
    p.add_argument(
        "--pdf",
        type=Path,
        metavar="FILE",
        help="also write the playbook as one PDF (needs Chromium)",
    )
    p.add_argument("--strict", action="store_true", help="fail on MkDocs warnings too")

    p = command(
        "serve",
        "preview with live reload",
        "Rebuilds and reloads the page when a YAML file, the brand, a template or a docs page"
        " changes.",
        "--brand examples/acme/brand.yml",
    )
    p.add_argument(
        "-a",
        "--dev-addr",
        default=None,
        metavar="IP:PORT",
        help="address to serve on (default: 127.0.0.1:8000)",
    )
    p.add_argument("--brand", type=Path, metavar="FILE", help="preview under another brand")
    p.add_argument(
        "--language",
        metavar="LANG",
        help="preview the edition in this language instead of the brand's (e.g. de)",
    )
    p.add_argument(
        "--edition",
        type=Path,
        metavar="DIR",
        help="preview a client edition: the folder of its edition.yml (see 'cco-playbook init')",
    )

    p = command(
        "render",
        "write a plugin-free MkDocs project (Markdown + assets)",
        "The folder holds docs/ (narrative and generated pages, assets) and an mkdocs.yml that"
        " stock MkDocs + Material builds without cco-playbook.",
        "--out rendered",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write")
    p.add_argument("--brand", type=Path, metavar="FILE", help="render under another brand")
    p.add_argument(
        "--language",
        metavar="LANG",
        help="render the edition in this language instead of the brand's (e.g. de)",
    )
    p.add_argument(
        "--edition",
        type=Path,
        metavar="DIR",
        help="render a client edition: the folder of its edition.yml (see 'cco-playbook init')",
    )

    p = command(
        "schema",
        "write the JSON Schemas of the content files",
        "Editors use them to complete and validate YAML while you type.",
        "--out schema",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=Path("schema"),
        metavar="DIR",
        help="folder to write <kind>.schema.json into (default: ./schema)",
    )

    p = command(
        "new",
        "scaffold a content file (or a question) that validates",
        "Writes playbook/<kind>/<ID>.yml, or appends a question to an assessment.",
        "role chief-revenue-officer",
    )
    p.add_argument("kind", choices=(*SCAFFOLDS, "question"))
    p.add_argument("id", metavar="ID", help="the new id: lowercase letters, digits, hyphens")
    p.add_argument("--assessment", metavar="ID", help="for 'question': the assessment to extend")

    p = command(
        "diff",
        "Markdown report of content changes since a git ref",
        "For a pull-request comment: roles, structures, starting points, questions and"
        " brand settings added, removed or changed.",
        "origin/main > changes.md",
    )
    p.add_argument(
        "ref", nargs="?", metavar="REF", help="a branch, tag or commit, e.g. origin/main"
    )
    p.add_argument(
        "--edition",
        type=Path,
        metavar="DIR",
        help="instead: what the client edition in DIR overrides, hides, adds and renames",
    )
    p.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="markdown",
        help="with --edition: 'markdown' (default, for a pull request) or 'text'",
    )

    p = command(
        "init",
        "start a client edition folder that builds at once",
        "Writes DIR/edition.yml, with a comment for every kind of change (brand, language,"
        " client cover, introduction, hide, rename, overrides, added questions), and an"
        " introduction page. Never overwrites a file.",
        "'Müller Maschinenbau GmbH' --dir editions/mueller",
    )
    p.add_argument("client", metavar="CLIENT", help="the client's name, shown on the cover")
    p.add_argument(
        "--dir", type=Path, metavar="DIR", help="the folder (default: editions/<client-name>)"
    )

    p = command(
        "edition",
        "record the base texts a client edition's overrides replace",
        "After reviewing the overrides 'check --edition DIR' reports, 'edition update DIR'"
        " records the fingerprint of each base text in DIR/edition.yml, so that the next"
        " change to one is reported (and fails 'check --strict').",
        "update editions/mueller",
    )
    p.add_argument("action", choices=("update",), help="update: record the base texts")
    p.add_argument("dir", type=Path, metavar="DIR", help="the edition folder")

    p = command(
        "score",
        "score answers with the reference scorer; prints JSON",
        "The same result the assessment page computes in the browser.",
        "--assessment readiness answers.json",
    )
    p.add_argument("--assessment", required=True, metavar="ID", help="the assessment's id")
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="{questionId: choiceId} JSON, or a results file exported from the site",
    )

    p = command(
        "aggregate",
        "read several exported results together; prints the group JSON",
        "The numbers the workshop view shows: per question the answers, the group's"
        " answer and the spread, per score the median, the group's verdict, teams and the"
        " trend against a baseline. Files from another playbook, assessment or version,"
        " duplicates and damaged files are skipped and listed on stderr.",
        "--assessment readiness results/*.json --baseline last-quarter/*.json",
    )
    p.add_argument("--assessment", required=True, metavar="ID", help="the assessment's id")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help="exported results files")
    p.add_argument(
        "--baseline",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="an earlier round's results files, for the trend",
    )
    size = p.add_mutually_exclusive_group()
    size.add_argument(
        "--min-group",
        type=int,
        default=DEFAULT_MIN_GROUP,
        metavar="N",
        help=f"smallest group (room, team, baseline) shown in detail (default {DEFAULT_MIN_GROUP},"
        f" at least {LOWEST_MIN_GROUP})",
    )
    size.add_argument(
        "--all-groups",
        action="store_true",
        help="show every group in detail, however small (anonymity off)",
    )
    p = command(
        "translate",
        "start a translation, see how complete it is, or record what its texts translate",
        "A translation mirrors playbook/ in playbook/translations/LANG/ (docs pages in"
        " playbook/translations/LANG/docs/). 'new' copies every file there, every text"
        " still English and counted missing. 'status' prints per file the texts translated,"
        " stale (the English changed since) and missing; 'stale' lists each of those texts"
        " with file:line:col and the English it must say now. 'update' records the English"
        " of every text translated or revised since its last record; name translation files"
        " to confirm them (a text that stays as in English, an English edit that needs no"
        " change in the translation).",
        "new fr",
    )
    p.add_argument(
        "action",
        choices=("status", "update", "new", "stale"),
        help="status: coverage per file; update: record what the texts translate; new: start"
        " a translation (a copy of every file, all texts missing); stale: list each text"
        " left to translate with its place and the English it must say",
    )
    p.add_argument("language", metavar="LANG", help="the language, e.g. de")
    p.add_argument(
        "files", type=Path, nargs="*", metavar="FILE", help="update: translation files to confirm"
    )
    p.add_argument("--brand", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    p.add_argument(
        "--strict", action="store_true", help="status: exit 1 when anything is stale or missing"
    )
    return parser


#: The module that runs each command. They are imported by name when the command runs,
#: so ``check`` and ``score`` start without MkDocs, Material, Jinja or Playwright and
#: ``build`` without the contributor tools.
_COMMANDS = {
    "check": "generator.commands.content",
    "score": "generator.commands.content",
    "aggregate": "generator.commands.content",
    "translate": "generator.commands.content",
    "schema": "generator.commands.content",
    "new": "generator.commands.content",
    "diff": "generator.commands.content",
    "init": "generator.commands.content",
    "edition": "generator.commands.content",
    "build": "generator.commands.site",
    "serve": "generator.commands.serve",
    "render": "generator.commands.site",
}


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs ``command`` (it returns the exit status)."""
    handler: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(_COMMANDS[command]), command
    )
    return handler


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cco-playbook`` console script."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # A stopped CI job sends SIGTERM: unwind as for Ctrl-C, so a build removes its
    # staging folder and lock files instead of leaving them for the next run.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)
    args = _parser().parse_args(argv)
    try:
        return _handler(args.command)(args)
    except UsageError as exc:
        report(exc, "text")
        return EXIT_USAGE
    except PlaybookError as exc:
        report(exc, getattr(args, "format", "text"))
        return EXIT_CONTENT
    except OSError as exc:
        # Whatever read or write failed outside the places that explain themselves.
        where = f" ({exc.filename})" if exc.filename else ""
        report_error(f"{exc.strerror or exc}{where}")
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
