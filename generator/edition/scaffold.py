"""Start a client edition, and record the base texts its overrides replace."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.edition.config import EDITION_FILE, SOURCES_KEY
from generator.errors import UsageError, display_path
from generator.model.base import SLUG
from generator.playbook import load_playbook
from generator.project import ProjectPaths

_NOTE = "# Written by 'cco-playbook edition update': the base text each override replaces.\n"
_SOURCES_BLOCK = re.compile(rf"^(?:{re.escape(_NOTE)})*{SOURCES_KEY}:.*\Z", re.M | re.S)

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A client edition of the playbook: data only. Build it with
#   cco-playbook build --edition {folder} --site-dir site-{id} --zip {id}.zip --pdf {id}.pdf
# and list what it changes with
#   cco-playbook diff --edition {folder}
id: {id}
# Another edition beneath this one (a consultancy's), applied first: its brand,
# language, hides, overrides and renames hold unless this file sets its own.
# parent: ../our-consultancy
# A brand file (relative to this folder) and the language to publish.
# brand: brand.yml
# language: de
# Who it is for and who prepared it: the PDF cover and the home page show this.
client:
  name: {name}
  date: "{date}"
  # consultant: Your Name, Your Consultancy
  # contact: you@example.com
# The page readers see first, relative to this folder (Markdown).
introduction: introduction.md
# Further pages of your own, shown with the introduction.
# pages: [workshop-agenda.md]
# Terms replaced in every text, the glossary and the search.
# rename:
#   Chief Customer Officer: Chief Client Officer
# Items left out of every page, the navigation, the search, the ZIP, the PDF and the
# assessments: a page ('starting-points/marketing', 'why-a-cco.md'), an assessment's
# question, action or outcome ('assessments/fit/questions/marketing-readiness'), or a
# glossary term ('glossary/nps'). What linked to it keeps its words without the link.
# hide:
#   - starting-points/marketing
# Texts in your words, by item and field (texts only: ids, links and scores stay).
# After writing one, run 'cco-playbook edition update {folder}' to record the base
# text it replaces: 'check' then tells you when that base text changes.
# overrides:
#   roles/cco:
#     summary: The leader who owns the experience of our dealers and end customers.
#   assessments/readiness/questions/budget:
#     text: Could the company fund an experienced customer leader next year?
# Items added to an assessment, written as in the assessment's own file.
# add:
#   assessments/readiness/questions:
#     - id: dealer-network
#       part: support
#       dimension: appetite
#       scale: support
#       text: Do our dealers support the customer work?
"""

_INTRODUCTION = """\
# For {name}

This playbook is the groundwork for our work together. Start with the two
self-assessments: your answers stay in your browser until you choose to export them.

- [Do you need a CCO?](assessments/readiness.md)
- [Where should customer leadership sit?](assessments/fit.md)
"""


def new_edition(folder: Path, name: str, today: str, schema: str) -> list[Path]:
    """Write a new edition folder that builds at once; never overwrite a file."""
    edition_id = re.sub(r"[^a-z0-9]+", "-", folder.name.lower()).strip("-")
    if not SLUG.fullmatch(edition_id):
        raise UsageError(f"'{folder.name}' cannot name an edition: use letters and digits")
    files = {
        folder / EDITION_FILE: _TEMPLATE.format(
            schema=schema,
            folder=display_path(folder),
            id=edition_id,
            name=_quoted(name),
            date=today,
        ),
        folder / "introduction.md": _INTRODUCTION.format(name=name),
    }
    taken = [display_path(p) for p in files if p.exists()]
    if taken:
        raise UsageError(
            f"{', '.join(taken)} already exist(s): 'init' never overwrites a file; choose"
            " another folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)


def _quoted(value: str) -> str:
    return (
        yaml.safe_dump(value, allow_unicode=True, default_style=None)
        .removesuffix("\n...\n")
        .strip()
    )


def record_sources(paths: ProjectPaths) -> tuple[Path, int]:
    """Record in the edition's ``edition.yml`` the fingerprint of every base text its
    overrides replace now; return the file and how many it holds."""
    assert paths.edition is not None
    playbook = load_playbook(paths)
    assert playbook.edition is not None
    target = playbook.edition.stack.edition.folder / EDITION_FILE
    current = dict(sorted(playbook.edition.current.get(str(target.parent), {}).items()))
    text = target.read_text(encoding="utf-8")
    body = _SOURCES_BLOCK.sub("", text).rstrip("\n") + "\n"
    if current:
        block = yaml.safe_dump({SOURCES_KEY: current}, sort_keys=False, allow_unicode=True)
        body += _NOTE + block
    target.write_text(body, encoding="utf-8")
    return target, len(current)
