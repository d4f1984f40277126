"""Exported results files gathered for a group: each one checked, counted or skipped.

KEEP IN STEP with ``static/assessment-group-files.js``: the workshop view and
``cco-playbook aggregate`` count and skip exactly the same files, for the same reasons
(``tests/test_workshop_parity.py`` feeds both the same bad files). A file is data: its
label is read as plain text and only to tell respondents and teams apart; labels never
reach the group JSON.

Checks, in order; the first that fails skips the file with its reason:
``too_large``, ``unreadable`` (not UTF-8 JSON, not an object), ``not_export`` (no
``assessment``, ``version`` and ``answers``, or another ``format``), ``other_playbook``,
``other_assessment``, ``other_version``, ``unreadable`` (answers not an object, label or
team not text), ``mismatched`` (answers that are not this assessment's questions and
choices: the file was altered or belongs elsewhere, so none of it is counted),
``hostile`` (a label or team that looks like markup or a spreadsheet formula),
``no_answers``, then ``duplicate``: the same non-empty label, or no label and the same
export time and answers, is the same respondent, counted once, from the file exported
last (equal or unknown times: the one given first). Past ``MAX_FILES``: ``too_many``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.group import DEFAULT_MIN_GROUP, Respondent, aggregate
from generator.model.assessment import Assessment
from generator.results import MAX_FILE, MAX_KEYS

#: The most files one group reads.
MAX_FILES = 500
#: The longest label kept, in UTF-16 units as the browser counts them.
MAX_LABEL = 80
EXPORT_FORMAT = "cco-playbook-assessment"
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,80}\Z")
# JavaScript's \s and String.prototype.trim, which differ from Python's (U+FEFF, U+001C).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u202f\u205f\u3000\u2028\u2029\ufeff" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(f"[{re.escape(_JS_SPACE)}]+")
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_FORMULA = re.compile(r"[=+\-@\t\r]")
_EXPORTED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")

MESSAGES = {
    "too_many": "skipped: more than {max} files",
    "too_large": "skipped: too large for a results file",
    "unreadable": "skipped: not a readable results file (corrupt, or not JSON)",
    "not_export": "skipped: not a results file exported from an assessment page",
    "other_playbook": "skipped: it comes from another playbook ('{id}')",
    "other_assessment": "skipped: it belongs to another assessment ('{id}')",
    "other_version": "skipped: made for version {version} of the assessment, which is now"
    " version {current}; the questions have changed, so it is never mixed in",
    "mismatched": "skipped: {count} answer(s) do not match the questions of this assessment",
    "hostile": "skipped: its label or team looks like markup or a spreadsheet formula",
    "no_answers": "skipped: it holds no answers",
    "duplicate": "skipped: the same respondent as {other}, which is counted instead",
}


def _utf16_prefix(text: str, units: int) -> str:
    """``text.slice(0, units)`` as JavaScript counts: in UTF-16 code units."""
    encoded = text.encode("utf-16-le", "surrogatepass")[: 2 * units]
    return encoded.decode("utf-16-le", "surrogatepass")


def clean_label(value: Any) -> str:
    """The browser's ``cleanLabel``: one plain line, control and bidi characters gone."""
    if not isinstance(value, str):
        return ""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", _utf16_prefix(value, 4 * MAX_LABEL)))
    return _utf16_prefix(text.strip(_JS_SPACE), MAX_LABEL)


def _hostile(raw: str, cleaned: str) -> bool:
    return bool(_MARKUP.search(raw) or _FORMULA.match(raw) or _FORMULA.match(cleaned))


@dataclass
class Skip:
    """A file left out, why (a reason code), and the values its message names."""

    file: str
    reason: str
    values: dict[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        text = MESSAGES[self.reason]
        for key, value in self.values.items():
            text = text.replace("{" + key + "}", str(value))
        return f"{self.file}: {text}"


@dataclass
class Entry:
    """A counted file: its respondent, and what tells respondents apart."""

    file: str
    respondent: Respondent
    label: str
    exported: str


@dataclass
class GroupFiles:
    """What a set of files gave: the entries counted, in order, and the files skipped."""

    entries: list[Entry] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)

    @property
    def respondents(self) -> list[Respondent]:
        return [e.respondent for e in self.entries]


def _shown_id(value: Any) -> str:
    return value if isinstance(value, str) and _ID.match(value) else "?"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


#: A browser's FileReader picks the encoding by byte order mark, UTF-8 without one.
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def parse(content: bytes) -> Any:
    """JSON read as the browser reads a file: by its byte order mark, bad bytes replaced."""
    encoding = "utf-8"
    for bom, named in _BOMS:
        if content.startswith(bom):
            content, encoding = content[len(bom) :], named
            break
    text = content.decode(encoding, errors="replace")
    return json.loads(text, parse_constant=_reject_constant)


def check_entry(assessment: Assessment, playbook: str, name: str, data: Any) -> Entry | Skip:
    """A parsed file checked against this playbook and assessment (duplicates aside)."""
    if not isinstance(data, dict):
        return Skip(name, "unreadable")
    stamped = "assessment" in data and "version" in data and "answers" in data
    if not stamped or data.get("format", EXPORT_FORMAT) != EXPORT_FORMAT:
        return Skip(name, "not_export")
    if "playbook" in data and data["playbook"] != playbook:
        return Skip(name, "other_playbook", {"id": _shown_id(data["playbook"])})
    if data["assessment"] != assessment.id:
        return Skip(name, "other_assessment", {"id": _shown_id(data["assessment"])})
    version = data["version"]
    if isinstance(version, bool) or version != assessment.version:
        whole = type(version) is int or (isinstance(version, float) and version.is_integer())
        shown = int(version) if whole and abs(version) < 10**9 else "?"
        return Skip(name, "other_version", {"version": shown, "current": assessment.version})
    answers, label, team = data["answers"], data.get("label", ""), data.get("team", "")
    if not isinstance(answers, dict) or not isinstance(label, str) or not isinstance(team, str):
        return Skip(name, "unreadable")
    valid = {q.id: {c.id for c in assessment.choices_of(q)} for q in assessment.questions}
    bad = len(answers) if len(answers) > MAX_KEYS else 0
    if not bad:
        bad = sum(
            1
            for k, v in answers.items()
            if k not in valid or not isinstance(v, str) or v not in valid[k]
        )
    if bad:
        return Skip(name, "mismatched", {"count": bad})
    cleaned_label, cleaned_team = clean_label(label), clean_label(team)
    if _hostile(label, cleaned_label) or _hostile(team, cleaned_team):
        return Skip(name, "hostile")
    if not answers:
        return Skip(name, "no_answers")
    if not cleaned_team and ":" in cleaned_label:
        cleaned_team = clean_label(cleaned_label[: cleaned_label.index(":")])
    exported = data.get("exported")
    return Entry(
        file=name,
        respondent=Respondent(
            answers={str(k): str(v) for k, v in answers.items()}, team=cleaned_team
        ),
        label=cleaned_label,
        exported=exported if isinstance(exported, str) and _EXPORTED.match(exported) else "",
    )


def _identity(entry: Entry, assessment: Assessment) -> tuple[str, ...] | None:
    if entry.label:
        return ("label", entry.label)
    if entry.exported:
        answers = entry.respondent.answers
        given = tuple(f"{q.id}={answers.get(q.id, '')}" for q in assessment.questions)
        return ("export", entry.exported, *given)
    return None


def gather(
    assessment: Assessment, playbook: str, files: Sequence[tuple[str, bytes | None]]
) -> GroupFiles:
    """Check ``(name, content)`` pairs in order (``None``: too large to read)."""
    found = GroupFiles()
    kept: dict[tuple[str, ...], int] = {}
    for position, (name, content) in enumerate(files):
        if position >= MAX_FILES:
            found.skipped.append(Skip(name, "too_many", {"max": MAX_FILES}))
            continue
        if content is None or len(content) > MAX_FILE:
            found.skipped.append(Skip(name, "too_large"))
            continue
        try:
            data = parse(content)
        except (ValueError, RecursionError):
            found.skipped.append(Skip(name, "unreadable"))
            continue
        checked = check_entry(assessment, playbook, name, data)
        if isinstance(checked, Skip):
            found.skipped.append(checked)
            continue
        identity = _identity(checked, assessment)
        if identity is None or identity not in kept:
            if identity is not None:
                kept[identity] = len(found.entries)
            found.entries.append(checked)
            continue
        index = kept[identity]
        earlier = found.entries[index]
        if checked.exported and earlier.exported and checked.exported > earlier.exported:
            found.skipped.append(Skip(earlier.file, "duplicate", {"other": checked.file}))
            found.entries[index] = checked
        else:
            found.skipped.append(Skip(checked.file, "duplicate", {"other": earlier.file}))
    return found


def read_files(paths: Sequence[Path]) -> list[tuple[str, bytes | None]]:
    """Each path's bytes, ``None`` for one too large to read (``OSError`` propagates)."""
    read: list[tuple[str, bytes | None]] = []
    for path in paths:
        size = path.stat().st_size
        read.append((str(path), None if size > MAX_FILE else path.read_bytes()))
    return read


def aggregate_paths(
    assessment: Assessment,
    playbook: str,
    paths: Sequence[Path],
    baseline: Sequence[Path] | None = None,
    min_group: int | None = DEFAULT_MIN_GROUP,
) -> tuple[dict[str, Any], list[str]]:
    """The group JSON of results files, and one line per file skipped (baseline marked)."""
    room = gather(assessment, playbook, read_files(paths))
    notes = [skip.message() for skip in room.skipped]
    earlier = None
    if baseline is not None:
        before = gather(assessment, playbook, read_files(baseline))
        notes += [f"baseline: {skip.message()}" for skip in before.skipped]
        earlier = before.respondents
    return aggregate(assessment, room.respondents, min_group, earlier), notes
