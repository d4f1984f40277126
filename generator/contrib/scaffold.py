"""``cco-playbook new``: start a content file (or a question) that already validates.

Each scaffold names its JSON Schema on the first line, so an editor completes and
checks the rest while the contributor replaces the placeholder sentences.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path

from generator.contrib.schema import MODELINE
from generator.errors import ContentErrors, UsageError, display_path, suggestion
from generator.load import load_yaml
from generator.model import Assessment
from generator.model.assessment_rules import check_assessment
from generator.model.base import SLUG
from generator.model.validate import validate
from generator.outputs import check_new_file
from generator.project import ProjectPaths

#: ``new`` kinds that create a file → (folder, schema name).
FILE_KINDS = {
    "role": ("roles", "role"),
    "structure": ("structures", "structure"),
    "starting-point": ("starting-points", "starting-point"),
}
KINDS = (*FILE_KINDS, "question")

_BODIES = {
    "role": """\
abbreviation: null
purpose: What this role is for, in one or two sentences.
accountabilities:
  - Something this role answers for.
not_this:
  - Something people mistake this role for.
fits_when:
  - A situation in which this role fits.
signals:
  - A sign that a company needs this role.
first_steps:
  - The first thing to do in this role.
""",
    "structure": """\
leader: staff
team: dedicated
description: How this structure works, in one or two sentences.
fits_when:
  - A situation in which this structure fits.
strengths:
  - What this structure does well.
tradeoffs:
  - What this structure costs.
first_steps:
  - The first thing to do to set it up.
""",
    "starting-point": """\
kind: origin
definition: What this starting point is, in one or two sentences.
strengths:
  - What this starting point does well.
risks:
  - What can go wrong.
conditions:
  - What it needs to succeed.
first_steps:
  - The first thing to do.
""",
}
_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")


class ScaffoldError(UsageError):
    """The scaffold cannot be written: the id is taken or invalid, the assessment unknown."""


def new_file(paths: ProjectPaths, kind: str, new_id: str) -> Path:
    """Write ``<playbook>/<folder>/<id>.yml`` for a role, structure or starting point."""
    _check_id(new_id)
    folder, schema = FILE_KINDS[kind]
    target = paths.playbook / folder / f"{new_id}.yml"
    check_new_file(paths, target)
    text = (
        f"{schema_line(target, paths.root, schema)}\n"
        f"id: {new_id}\n"
        f"title: {_title(new_id)}\n"
        f"summary: One or two sentences that say what this {kind.replace('-', ' ')} is.\n"
        "order: 100\n"
        f"{_BODIES[kind]}"
        "related: []\n"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def new_question(paths: ProjectPaths, assessment_id: str, new_id: str) -> Path:
    """Append a question that validates to the end of an assessment's ``questions:``."""
    _check_id(new_id)
    path, assessment = _find_assessment(paths, assessment_id)
    if any(q.id == new_id for q in assessment.questions):
        raise ScaffoldError(f"assessment '{assessment_id}' already has a question '{new_id}'")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^questions\s*:\s*$", line)), None)
    if start is None:
        raise ScaffoldError(
            f"{display_path(path, paths.root)}: 'questions:' is not written as a block list"
            " (one '- id: ...' per line); add the question by hand"
        )
    end = next((i for i in range(start + 1, len(lines)) if _TOP_KEY.match(lines[i])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # keep blank lines between sections where they were
    indent = _item_indent(lines[start + 1 : end])
    stanza = _stanza(assessment, new_id, indent)
    if end > 0 and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    updated = "".join([*lines[:end], stanza, *lines[end:]])
    _verify(path, updated, paths.root)
    _replace_text(path, updated)
    return path


def schema_line(target: Path, root: Path, schema: str) -> str:
    """The ``# yaml-language-server`` line for ``target``, relative to its folder."""
    rel = os.path.relpath(root / "schema" / f"{schema}.schema.json", target.parent)
    return MODELINE + Path(rel).as_posix()


def _stanza(assessment: Assessment, new_id: str, indent: str) -> str:
    inner = indent + "  "
    out = [f"{indent}- id: {new_id}\n", f"{inner}text: The statement or question to answer.\n"]
    if assessment.parts:
        # Appended last, so it joins the last part (the questions of a part are together).
        out.append(f"{inner}part: {assessment.questions[-1].part or assessment.parts[-1].id}\n")
    target: str
    if assessment.dimensions:
        target = assessment.dimensions[0].id
        out.append(f"{inner}dimension: {target}\n")
        if assessment.scales:
            return "".join([*out, f"{inner}scale: {next(iter(assessment.scales))}\n"])
    else:
        target = assessment.outcomes[0].id if assessment.outcomes else "outcome"
    # A question's own choices always name what they give points to.
    low, high = f"{{{target}: 0}}", f"{{{target}: 2}}"
    out.append(f"{inner}choices:\n")
    for choice, label, points in (
        ("option-a", "First answer", high),
        ("option-b", "Second answer", low),
    ):
        out += [
            f"{inner}  - id: {choice}\n",
            f"{inner}    label: {label}\n",
            f"{inner}    points: {points}\n",
        ]
    return "".join(out)


def _item_indent(block: list[str]) -> str:
    for line in block:
        match = re.match(r"^(\s*)- ", line)
        if match:
            return match.group(1)
    return "  "


def _find_assessment(paths: ProjectPaths, assessment_id: str) -> tuple[Path, Assessment]:
    found: dict[str, tuple[Path, Assessment]] = {}
    for path in sorted((paths.playbook / "assessments").glob("*.y*ml")):
        source, errors = load_yaml(path, display_path(path, paths.root), sandbox=paths.root)
        value, more = validate(source, Assessment) if source else (None, [])
        if value is not None:
            found[value.id] = (path, value)
        elif path.stem == assessment_id:
            raise ContentErrors([*errors, *more])
    if assessment_id not in found:
        raise ScaffoldError(
            f"unknown assessment '{assessment_id}' ({suggestion(assessment_id, found)})"
        )
    return found[assessment_id]


def _verify(path: Path, text: str, root: Path) -> None:
    """Validate the new text before it replaces the file: never leave a broken file."""
    with tempfile.TemporaryDirectory(prefix=".cco-playbook-new-") as scratch:
        probe = Path(scratch) / path.name
        probe.write_text(text, encoding="utf-8")
        source, errors = load_yaml(probe, display_path(path, root))
        value, more = validate(source, Assessment) if source else (None, [])
        if source is not None and value is not None:
            more += check_assessment(value, source)
    if errors or more:
        raise ScaffoldError(
            f"could not add the question to {display_path(path, root)} without breaking it"
            f" ({'; '.join(str(e) for e in [*errors, *more])}); add it by hand"
        )


def _replace_text(path: Path, text: str) -> None:
    """Write beside the file, then rename over it: a crash never leaves half a file."""
    real = path.resolve()  # a linked file stays linked: its target gets the new text
    fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".new", dir=real.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(name, stat.S_IMODE(real.stat().st_mode))
        os.replace(name, real)
    finally:
        Path(name).unlink(missing_ok=True)


def _check_id(new_id: str) -> None:
    if not SLUG.fullmatch(new_id):
        raise ScaffoldError(
            f"'{new_id}' is not a valid id: use lowercase letters, digits and hyphens"
        )


def _title(new_id: str) -> str:
    words = new_id.replace("-", " ")
    return words[:1].upper() + words[1:]
