"""The ``cco-playbook`` command: flags in, plain functions called, exit status out.

Results go to stdout; errors and progress to stderr. Exit status: 0 ok, 1 content
errors or a failed build, 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.diagnostics import report, report_error
from generator.errors import (
    ContentErrors,
    PlaybookError,
    UsageError,
    display_path,
    suggestion,
)
from generator.model.base import KINDS

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


_EXAMPLES = """examples:
  cco-playbook check                          report every content error, file:line:col
  cco-playbook build --site-dir site          build; the old site stays if anything fails
  cco-playbook build --zip dist/playbook.zip --pdf dist/playbook.pdf
  cco-playbook build --brand examples/acme/brand.yml --site-dir site-acme
  cco-playbook score --assessment readiness answers.json

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

    def command(name: str, summary: str, details: str = "") -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}. {details}",
            parents=[common],
        )

    p = command(
        "check",
        "validate every content file and report all errors",
        "Prints one 'file:line:col: key.path: message (hint)' line per error on stderr;"
        " exits 1 when there is any. Needs no git unless --since is given.",
    )
    p.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'text' (default): file:line:col: message; 'github': Actions annotations on stdout",
    )
    p.add_argument("--brand", type=Path, metavar="FILE", help="check with this brand file")
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
    )
    p.add_argument(
        "--site-dir",
        type=Path,
        metavar="DIR",
        help="where to write the site (default: site_dir of mkdocs.yml, usually ./site)",
    )
    p.add_argument("--brand", type=Path, metavar="FILE", help="build under another brand file")
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
    )
    p.add_argument(
        "-a",
        "--dev-addr",
        default=None,
        metavar="IP:PORT",
        help="address to serve on (default: 127.0.0.1:8000)",
    )
    p.add_argument("--brand", type=Path, metavar="FILE", help="preview under another brand")

    p = command(
        "render",
        "write a plugin-free MkDocs project (Markdown + assets)",
        "The folder holds docs/ (narrative and generated pages, assets) and an mkdocs.yml that"
        " stock MkDocs + Material builds without cco-playbook.",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write")
    p.add_argument("--brand", type=Path, metavar="FILE", help="render under another brand")

    p = command(
        "schema",
        "write the JSON Schemas of the content files",
        "Editors use them to complete and validate YAML while you type.",
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
    )
    p.add_argument("kind", choices=("role", "structure", "starting-point", "question"))
    p.add_argument("id", metavar="ID", help="the new id: lowercase letters, digits, hyphens")
    p.add_argument("--assessment", metavar="ID", help="for 'question': the assessment to extend")

    p = command(
        "diff",
        "Markdown report of content changes since a git ref",
        "For a pull-request comment: roles, structures, starting points, questions and"
        " brand settings added, removed or changed.",
    )
    p.add_argument("ref", metavar="REF", help="a branch, tag or commit, e.g. origin/main")

    p = command(
        "score",
        "score answers with the reference scorer; prints JSON",
        "The same result the assessment page computes in the browser.",
    )
    p.add_argument("--assessment", required=True, metavar="ID", help="the assessment's id")
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="{questionId: choiceId} JSON, or a results file exported from the site",
    )
    return parser


def _progress(step: str) -> None:
    print(f"cco-playbook: {step}", file=sys.stderr, flush=True)


def _cmd_check(args: argparse.Namespace) -> int:
    from generator.site import check

    playbook = check(args.config_file, args.brand)
    if args.since:
        from generator.contrib.gate import version_gate
        from generator.site import load_mkdocs_config, project_paths

        paths = project_paths(load_mkdocs_config(args.config_file), args.brand)
        errors = version_gate(paths, args.since)
        if errors:
            raise ContentErrors(errors)
        print(
            f"cco-playbook: assessment versions match their scoring since {args.since}",
            file=sys.stderr,
        )
    counts = ", ".join(f"{len(playbook.entities(kind))} {kind.replace('-', ' ')}" for kind in KINDS)
    files = len(list(playbook.sources()))
    print(f"cco-playbook: content is valid ({files} files: {counts})", file=sys.stderr)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from generator.contrib.schema import write_schemas

    written = write_schemas(args.out)
    _progress(f"wrote {len(written)} schemas to {args.out}/")
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from generator.contrib.scaffold import new_file, new_question
    from generator.site import load_mkdocs_config, project_paths

    paths = project_paths(load_mkdocs_config(args.config_file))
    if args.kind == "question":
        if not args.assessment:
            raise UsageError("'new question' needs --assessment ID (the assessment to extend)")
        path = new_question(paths, args.assessment, args.id)
        _progress(f"added question '{args.id}' at the end of {display_path(path)}")
    else:
        if args.assessment:
            raise UsageError("--assessment only applies to 'new question'")
        path = new_file(paths, args.kind, args.id)
        _progress(f"wrote {display_path(path)}")
    _progress("replace the placeholder sentences, then run 'cco-playbook check'")
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from generator.contrib.changes import change_report
    from generator.site import load_mkdocs_config, project_paths

    paths = project_paths(load_mkdocs_config(args.config_file))
    print(change_report(paths, args.ref), end="")
    return EXIT_OK


def _cmd_build(args: argparse.Namespace) -> int:
    from generator.publish import build

    started = time.monotonic()
    target = build(
        args.config_file,
        args.site_dir,
        brand=args.brand,
        strict=args.strict,
        zip_file=args.zip,
        pdf_file=args.pdf,
        progress=_progress,
    )
    _progress(f"built {target} in {time.monotonic() - started:.1f}s")
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    from generator.site import check

    check(args.config_file, args.brand)
    if args.brand is not None:
        os.environ["CCO_PLAYBOOK_BRAND"] = str(args.brand.resolve())
    serve(str(args.config_file), dev_addr=args.dev_addr, livereload=True)
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    from generator.outputs import RENDER, explained_failure
    from generator.standalone import write_standalone

    with explained_failure(RENDER, args.out):
        count = write_standalone(args.config_file, args.out, brand=args.brand)
    _progress(
        f"wrote {count} files to {args.out}/ (build it with: mkdocs build -f "
        f"{args.out / 'mkdocs.yml'})"
    )
    return EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    from generator.results import score_results_file
    from generator.site import check

    playbook = check(args.config_file)
    found = {a.model.id: a.model for a in playbook.assessments}
    if args.assessment not in found:
        raise UsageError(
            f"unknown assessment '{args.assessment}' ({suggestion(args.assessment, found)})"
        )
    if not args.file.is_file():
        raise UsageError(f"no answers file at '{args.file}'")
    result, notes = score_results_file(found[args.assessment], args.file)
    for note in notes:
        _progress(note)
    print(json.dumps(result, indent=2))
    return EXIT_OK


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
    commands = {
        "check": _cmd_check,
        "build": _cmd_build,
        "serve": _cmd_serve,
        "render": _cmd_render,
        "score": _cmd_score,
        "schema": _cmd_schema,
        "new": _cmd_new,
        "diff": _cmd_diff,
    }
    try:
        return commands[args.command](args)
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
