"""Results files and answer sets from outside: checked and cleaned before scoring.

KEEP IN STEP with ``checkResult`` and ``cleanAnswers`` in
``static/assessment-input.js``: ``cco-playbook score`` accepts and ignores exactly
what the page does, and says on stderr what it ignored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ContentError, ContentErrors, ProjectError
from generator.model.assessment import Assessment
from generator.scoring import score

#: The largest results file read, as in the browser.
MAX_FILE = 1_048_576
#: An answer set with more keys than this is ignored as a whole, as in the browser.
MAX_KEYS = 500
_SHOWN = 5
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,80}\Z")


@dataclass
class CleanAnswers:
    """The answers an assessment knows, and a note for each one left out."""

    answers: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value)[:40]
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def clean_answers(assessment: Assessment, data: Any) -> CleanAnswers:
    """Keep the ``{question_id: choice_id}`` pairs ``assessment`` knows."""
    cleaned = CleanAnswers()
    if not isinstance(data, dict):
        cleaned.ignored.append("the answers are not a JSON object")
        return cleaned
    if len(data) > MAX_KEYS:
        cleaned.ignored.append(
            f"all {len(data)} answers: more than {MAX_KEYS} is not an answer set"
        )
        return cleaned
    valid = {q.id: {c.id for c in assessment.choices_of(q)} for q in assessment.questions}
    for key, value in data.items():
        if key not in valid:
            cleaned.ignored.append(f"{_shown(key)} (no such question)")
        elif not isinstance(value, str) or value not in valid[key]:
            cleaned.ignored.append(f"{_shown(key)}: {_shown(value)} (not one of its choices)")
        else:
            cleaned.answers[key] = value
    return cleaned


def check_results(assessment: Assessment, data: Any) -> CleanAnswers:
    """Answers from ``{question: choice}`` or an exported results file, stamp checked.

    A file stamped for another assessment or another version is refused as a whole
    (a ``ProjectError``): its answers would be read against questions they were not
    given to."""
    if not isinstance(data, dict):
        raise ProjectError(
            "expected a JSON object: {questionId: choiceId}, or a results file exported"
            " from the assessment page"
        )
    stamped = "assessment" in data or "version" in data
    if stamped and data.get("assessment") != assessment.id:
        other = data.get("assessment")
        named = f"assessment '{other}'" if isinstance(other, str) and _ID.match(other) else None
        raise ProjectError(
            f"this results file belongs to {named or 'another assessment'}, not to"
            f" '{assessment.id}': score it with --assessment {other if named else 'ID'}"
        )
    version = data.get("version")
    if stamped and (isinstance(version, bool) or version != assessment.version):
        shown = version if isinstance(version, int) and not isinstance(version, bool) else "?"
        raise ProjectError(
            f"this results file was made for version {shown} of '{assessment.id}', which is"
            f" now version {assessment.version}: the questions have changed, so its answers"
            " were not used (answer again on the assessment's page)"
        )
    answers = data.get("answers") if stamped or "answers" in data else data
    if not isinstance(answers, dict):
        raise ProjectError("the results file holds no answers object ('answers': {...})")
    return clean_answers(assessment, answers)


def read_results_file(path: Path) -> Any:
    """The JSON in ``path``; a file that is too large, too deep or not JSON is an error."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise ProjectError(
                f"{path}: {size} bytes is too large for a results file (at most {MAX_FILE})"
            )
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path}: the file is not UTF-8 text") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentErrors(
            [ContentError(str(path), exc.lineno, exc.colno, (), f"invalid JSON: {exc.msg}")]
        ) from exc
    except RecursionError as exc:
        raise ProjectError(f"{path}: the JSON is nested too deeply for a results file") from exc


def score_results_file(assessment: Assessment, path: Path) -> tuple[dict[str, Any], list[str]]:
    """The result JSON for a results file, and what was ignored (one line, or none)."""
    cleaned = check_results(assessment, read_results_file(path))
    notes: list[str] = []
    if cleaned.ignored:
        count = len(cleaned.ignored)
        listed = "; ".join(cleaned.ignored[:_SHOWN])
        more = f"; and {count - _SHOWN} more" if count > _SHOWN else ""
        notes.append(
            f"ignored {count} answer{'s' if count != 1 else ''} that do not match the"
            f" questions of '{assessment.id}': {listed}{more}"
        )
    return score(assessment, cleaned.answers), notes
