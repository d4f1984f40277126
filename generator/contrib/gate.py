"""The version gate: a scoring change without a new assessment ``version`` is an error.

Saved and shared results carry the assessment's version; if the questions, choices,
points, exclusions, dimensions, axes, weights, minimums or verdict conditions change
under the same version, an old result would be read against the new scoring. Wording
(titles, texts, help) and the plan's actions are free to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.contrib.gitref import Snapshot, content_at
from generator.errors import ContentError
from generator.model import Assessment, Choice, Conditions
from generator.project import ProjectPaths


def scoring_facts(assessment: Assessment) -> dict[str, Any]:
    """Everything about an assessment that changes how answers score, labelled for people."""
    facts: dict[str, Any] = {}
    for scale, choices in assessment.scales.items():
        facts[f"scale '{scale}'"] = _choices(choices)
    for d in assessment.dimensions:
        facts[f"dimension '{d.id}'"] = {"minimum": d.minimum}
    for x in assessment.axes:
        facts[f"axis '{x.id}'"] = {
            **{f"weight of '{d}'": w for d, w in x.dimensions.items()},
            "minimum": x.minimum,
        }
    for o in assessment.outcomes:
        facts[f"outcome '{o.id}'"] = {"group": o.group, "minimum": o.minimum}
    for q in assessment.questions:
        facts[f"question '{q.id}'"] = {
            "dimension": q.dimension,
            "scale": q.scale,
            **(_choices(q.choices) if q.choices is not None else {}),
        }
    for position, v in enumerate(assessment.verdicts, start=1):
        facts[f"verdict '{v.id}'"] = {"position": position, **_conditions(v.when)}
    return facts


def _conditions(conditions: Conditions) -> dict[str, Any]:
    return {
        **{f"'{k}' from": r.min for k, r in conditions.scores.items()},
        **{f"'{k}' to": r.max for k, r in conditions.scores.items()},
        **{f"answers to '{k}'": ", ".join(v) for k, v in conditions.answers.items()},
    }


def scoring_changes(old: Assessment, new: Assessment) -> list[str]:
    """What changed in scoring between two versions of an assessment, one line each."""
    changes = _compare((), scoring_facts(old), scoring_facts(new))
    before = [q.id for q in old.questions]
    after = [q.id for q in new.questions]
    kept = [q for q in after if q in before]
    if kept != [q for q in before if q in after]:
        changes.append("the questions were reordered")
    return changes


def version_gate(
    paths: ProjectPaths, ref: str, current: Snapshot | None = None
) -> list[ContentError]:
    """One error per assessment whose scoring changed since ``ref`` without a higher version."""
    from generator.contrib.gitref import read_content

    old = content_at(ref, paths).assessments()
    now = current or read_content(paths.playbook, None, paths.root)
    errors = []
    for assessment_id, item in now.assessments().items():
        before = old.get(assessment_id)
        if before is None:
            continue  # a new assessment has no saved results yet
        new, previous = item.model, before.model
        changes = scoring_changes(previous, new)
        if not changes or new.version > previous.version:
            continue
        shown = "; ".join(changes[:5]) + (
            f"; and {len(changes) - 5} more" if len(changes) > 5 else ""
        )
        errors.append(
            item.source.error(
                ("version",),
                f"the scoring of assessment '{assessment_id}' changed since {ref} ({shown}),"
                f" but its version is still {new.version}",
                f"raise 'version' to {previous.version + 1}, so saved results are not read"
                " against the new scoring",
            )
        )
    return errors


def _choices(choices: list[Choice]) -> dict[str, Any]:
    return {
        f"choice '{c.id}'": {
            "points": _points(c.points),
            "not applicable": c.not_applicable,
            "rules out": ", ".join(c.excludes) or None,
        }
        for c in choices
    }


def _points(points: int | Mapping[Any, int] | None) -> str:
    if isinstance(points, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in points.items()) + "}"
    return "none" if points is None else str(points)


def _compare(path: tuple[str, ...], old: Any, new: Any) -> list[str]:
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for key in new:
            if key not in old:
                out.append(f"{_join((*path, key))} added")
            else:
                out += _compare((*path, key), old[key], new[key])
        out += [f"{_join((*path, key))} removed" for key in old if key not in new]
        return out
    where = _join(path[:-1])
    what = f"{path[-1]} {_shown(old)} → {_shown(new)}"
    return [f"{where}: {what}" if where else what]


def _join(path: tuple[str, ...]) -> str:
    return ", ".join(path)


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
