"""The commands that read content only: check, score, aggregate, schema, new, diff.

They need no MkDocs, Material, Jinja or Playwright, and do not import them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from datetime import date
from pathlib import Path

from generator.contrib.changes import change_report
from generator.contrib.gate import version_gate
from generator.contrib.gitref import Snapshot
from generator.contrib.scaffold import new_file, new_question
from generator.contrib.schema import write_schemas
from generator.contrib.translate import scaffold, todo, update
from generator.diagnostics import progress, report_warning
from generator.edition.report import edition_summary, report_markdown, report_text
from generator.edition.scaffold import new_edition, record_sources
from generator.errors import (
    ContentErrors,
    UsageError,
    display_path,
    suggestion,
)
from generator.group import LOWEST_MIN_GROUP
from generator.group_files import aggregate_paths
from generator.model.kinds import KINDS
from generator.playbook import load_playbook, paths_language
from generator.project import read_project
from generator.results import score_results_file
from generator.ui_strings import strings_language


def check(args: argparse.Namespace) -> int:
    """Validate every content file (and, with --since, the assessment versions)."""
    paths = read_project(args.config_file, args.brand, args.language, args.edition)
    playbook = load_playbook(paths)
    if args.since:
        errors = version_gate(paths, args.since, Snapshot.of(playbook))
        if errors:
            raise ContentErrors(errors)
        progress(f"assessment versions match their scoring since {args.since}")
    counts = ", ".join(f"{len(playbook.entities(kind.name))} {kind.words}" for kind in KINDS)
    files = len(list(playbook.sources()))
    progress(f"content is valid ({files} files: {counts})")
    failed = False
    if playbook.language is not None:
        report = playbook.language.report
        for warning in report.warnings:
            report_warning(warning, args.format)
        progress(f"'{report.language}' translation:\n{report.table()}")
        if args.strict and report.warnings:
            progress(f"--strict: {len(report.warnings)} translation warning(s)")
            failed = True
    if playbook.edition is not None:
        overlay = playbook.edition
        for warning in overlay.warnings:
            report_warning(warning, args.format)
        progress(edition_summary(overlay))
        if args.strict and overlay.warnings:
            progress(f"--strict: {len(overlay.warnings)} override(s) to review")
            failed = True
    return 1 if failed else 0


def translate(args: argparse.Namespace) -> int:
    """Show how complete a translation is, or record the English its texts translate."""
    paths = read_project(args.config_file, args.brand)
    if args.action == "update":
        written = update(paths, args.language, args.files)
        for path in written:
            progress(f"recorded sources in {display_path(path)}")
        progress(f"{len(written)} file(s) updated")
        return 0
    if args.action == "new":
        layer, count = scaffold(paths, args.language)
        progress(
            f"copied {count} files to {display_path(layer)}/: translate their texts (keep"
            f" keys, ids, numbers and link targets), then run 'cco-playbook translate update"
            f" {args.language}'; 'cco-playbook translate stale {args.language}' lists what is"
            " left"
        )
        if strings_language(args.language) != args.language:
            progress(
                f"the tool's own words (headings, buttons, the PDF) need"
                f" generator/strings/{args.language}.yml too: copy en.yml and translate it"
            )
        return 0
    report = paths_language(paths, args.language).report
    if args.action == "stale":
        lines = todo(report)
        for line in lines:
            print(line)
        progress(f"{len(lines)} text(s) left to translate into '{args.language}'")
        return 1 if args.strict and lines else 0
    print(report.table())
    return 1 if args.strict and report.warnings else 0


def schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the content files."""
    written = write_schemas(args.out)
    progress(f"wrote {len(written)} schemas to {args.out}/")
    return 0


def new(args: argparse.Namespace) -> int:
    """Scaffold a content file, or a question in an assessment."""
    paths = read_project(args.config_file)
    if args.kind == "question":
        if not args.assessment:
            raise UsageError("'new question' needs --assessment ID (the assessment to extend)")
        path = new_question(paths, args.assessment, args.id)
        progress(f"added question '{args.id}' at the end of {display_path(path)}")
    else:
        if args.assessment:
            raise UsageError("--assessment only applies to 'new question'")
        path = new_file(paths, args.kind, args.id)
        progress(f"wrote {display_path(path)}")
    progress("replace the placeholder sentences, then run 'cco-playbook check'")
    return 0


def diff(args: argparse.Namespace) -> int:
    """Print the Markdown change report since a git ref, or what an edition changes."""
    if args.edition is not None:
        paths = read_project(args.config_file, edition=args.edition)
        playbook = load_playbook(paths)
        assert playbook.edition is not None
        language = playbook.brand.model.language
        write = report_markdown if args.format == "markdown" else report_text
        print(write(playbook.edition, language), end="")
        return 0
    if args.ref is None:
        raise UsageError("name a git ref to compare with (diff origin/main), or --edition DIR")
    print(change_report(read_project(args.config_file), args.ref), end="")
    return 0


def init(args: argparse.Namespace) -> int:
    """Start a client edition folder that builds at once."""
    folder = args.dir if args.dir is not None else Path("editions") / _folder_name(args.client)
    written = new_edition(folder, args.client, date.today().isoformat(), _schema_ref(folder))
    for path in written:
        progress(f"wrote {display_path(path)}")
    progress(
        f"build it with: cco-playbook build --edition {display_path(folder)} --site-dir"
        f" site-{folder.name}"
    )
    return 0


def edition(args: argparse.Namespace) -> int:
    """Record the base texts an edition's overrides replace (after reviewing them)."""
    paths = read_project(args.config_file, edition=args.dir)
    target, count = record_sources(paths)
    progress(f"recorded the base text of {count} override(s) in {display_path(target)}")
    return 0


def _folder_name(client: str) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", client.lower()).strip("-")
    if not name:
        raise UsageError(f"'{client}' gives no folder name: pass --dir DIR")
    return name


def _schema_ref(folder: Path) -> str:
    schema = Path("schema/edition.schema.json").resolve()
    return os.path.relpath(schema, folder.resolve())


def score(args: argparse.Namespace) -> int:
    """Score an answers file with the reference scorer; print the result JSON."""
    playbook = load_playbook(read_project(args.config_file))
    found = {a.model.id: a.model for a in playbook.assessments}
    if args.assessment not in found:
        raise UsageError(
            f"unknown assessment '{args.assessment}' ({suggestion(args.assessment, found)})"
        )
    if not args.file.is_file():
        raise UsageError(f"no answers file at '{args.file}'")
    result, notes = score_results_file(found[args.assessment], args.file)
    for note in notes:
        progress(note)
    print(json.dumps(result, indent=2))
    return 0


def aggregate(args: argparse.Namespace) -> int:
    """Read several exported results together; print the group JSON."""
    if not args.all_groups and args.min_group < LOWEST_MIN_GROUP:
        raise UsageError(
            f"--min-group must be at least {LOWEST_MIN_GROUP}: smaller groups would show"
            " who answered what (use --all-groups to turn anonymity off)"
        )
    for path in [*args.files, *(args.baseline or [])]:
        if not path.is_file():
            raise UsageError(f"no results file at '{path}'")
    playbook = load_playbook(read_project(args.config_file))
    found = {a.model.id: a.model for a in playbook.assessments}
    if args.assessment not in found:
        raise UsageError(
            f"unknown assessment '{args.assessment}' ({suggestion(args.assessment, found)})"
        )
    group, notes = aggregate_paths(
        found[args.assessment],
        playbook.info.model.id,
        args.files,
        args.baseline,
        None if args.all_groups else args.min_group,
    )
    for note in notes:
        progress(note)
    print(json.dumps(group, indent=2))
    if group["respondents"] == 0:
        progress("no results file could be counted")
        return 1
    return 0
