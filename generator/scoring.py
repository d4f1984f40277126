"""The Python reference of the scoring definition (design.md, "The self-assessment").

KEEP IN STEP: the same definition is implemented in ``static/assessment-score.js``;
change both together. ``tests/test_assessment_parity.py`` proves the two agree on
generated answer sets, and both produce the same result JSON, key for key.

Beyond design.md, two choices both implementations share: an outcome's reasons are the
answered questions whose answer lifted it most above that question's lowest points for
it (ties in question order, at most three); the plan is empty while an assessment that
has verdicts has none, and an action tied to outcomes is picked when one of them ranks
first in its group with a score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.model.assessment import Action, Assessment, Choice, Conditions

#: How many reasons a ranked outcome carries.
MAX_REASONS = 3


def round_ratio(numerator: int, denominator: int) -> int:
    """``floor(numerator / denominator + 0.5)`` in exact integer arithmetic."""
    return (2 * numerator + denominator) // (2 * denominator)


def default_minimum(count: int) -> int:
    """Half of ``count`` questions, rounded up."""
    return (count + 1) // 2


@dataclass
class _Tally:
    """Points collected for one dimension or outcome."""

    questions: int = 0
    scored: int = 0
    raw: int = 0
    lo: int = 0
    hi: int = 0
    #: (lift above the question's lowest points, question index, question id)
    lifts: list[tuple[int, int, str]] = field(default_factory=list)


def chosen_answers(assessment: Assessment, answers: Mapping[str, Any]) -> dict[str, Choice]:
    """``{question_id: choice}`` for the answers that name a question and one of its choices."""
    chosen: dict[str, Choice] = {}
    for question in assessment.questions:
        value = answers.get(question.id)
        choice = next((c for c in assessment.choices_of(question) if c.id == value), None)
        if choice is not None:
            chosen[question.id] = choice
    return chosen


def _tallies(assessment: Assessment, chosen: dict[str, Choice]) -> dict[str, _Tally]:
    tallies = {target: _Tally() for target in assessment.targets()}
    for index, question in enumerate(assessment.questions):
        scored = [
            assessment.points_of(question, c)
            for c in assessment.choices_of(question)
            if not c.not_applicable
        ]
        gives = {target for points in scored for target in points}
        choice = chosen.get(question.id)
        picked = (
            assessment.points_of(question, choice)
            if choice is not None and not choice.not_applicable
            else None
        )
        for target, tally in tallies.items():
            if target not in gives:
                continue
            tally.questions += 1
            if picked is None:
                continue
            values = [points.get(target, 0) for points in scored]
            tally.scored += 1
            tally.raw += picked.get(target, 0)
            tally.lo += min(values)
            tally.hi += max(values)
            tally.lifts.append((picked.get(target, 0) - min(values), index, question.id))
    return tallies


def _minimums(assessment: Assessment) -> dict[str, int | None]:
    return {d.id: d.minimum for d in assessment.dimensions} | {
        o.id: o.minimum for o in assessment.outcomes
    }


def holds(
    conditions: Conditions,
    scores: Mapping[str, int | None],
    axes: Mapping[str, int | None],
    chosen: Mapping[str, Choice],
) -> bool:
    """Whether every condition holds; a condition on a ``null`` score is false."""
    for score_id, wanted in conditions.scores.items():
        value = axes[score_id] if score_id in axes else scores.get(score_id)
        if value is None or not wanted.min <= value <= wanted.max:
            return False
    for question_id, allowed in conditions.answers.items():
        choice = chosen.get(question_id)
        if choice is None or choice.id not in allowed:
            return False
    return True


def score(assessment: Assessment, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Score ``{question_id: choice_id}``; unknown questions or choices are ignored."""
    chosen = chosen_answers(assessment, answers)
    tallies = _tallies(assessment, chosen)
    minimums = _minimums(assessment)
    scores: dict[str, int | None] = {}
    for target, tally in tallies.items():
        minimum = minimums[target]
        needed = default_minimum(tally.questions) if minimum is None else minimum
        span = tally.hi - tally.lo
        ok = tally.scored > 0 and tally.scored >= needed and span != 0
        scores[target] = round_ratio(100 * (tally.raw - tally.lo), span) if ok else None

    axes: dict[str, int | None] = {}
    for axis in assessment.axes:
        weighted = [(scores[d], w) for d, w in axis.dimensions.items() if scores.get(d) is not None]
        needed = len(axis.dimensions) if axis.minimum is None else axis.minimum
        total = sum(w for _, w in weighted)
        axes[axis.id] = (
            round_ratio(sum(s * w for s, w in weighted if s is not None), total)
            if len(weighted) >= needed and total > 0
            else None
        )

    verdict = next((v.id for v in assessment.verdicts if holds(v.when, scores, axes, chosen)), None)

    excluded: dict[str, list[str]] = {}
    for outcome in assessment.outcomes:
        by = [
            q.id
            for q in assessment.questions
            if q.id in chosen and outcome.id in chosen[q.id].excludes
        ]
        if by:
            excluded[outcome.id] = by

    order = {o.id: i for i, o in enumerate(assessment.outcomes)}
    ranking: dict[str, list[str]] = {}
    for group in assessment.groups:
        members = [
            o.id for o in assessment.outcomes if o.group == group.id and o.id not in excluded
        ]
        ranking[group.id] = sorted(
            members, key=lambda o: (scores[o] is None, -(scores[o] or 0), order[o])
        )

    reasons: dict[str, list[str]] = {}
    for outcome in assessment.outcomes:
        if outcome.id in excluded:
            continue
        lifts = sorted(
            (lift for lift in tallies[outcome.id].lifts if lift[0] > 0),
            key=lambda lift: (-lift[0], lift[1]),
        )
        reasons[outcome.id] = [question_id for _, _, question_id in lifts[:MAX_REASONS]]

    top = {ids[0] for ids in ranking.values() if ids and scores[ids[0]] is not None}
    plan = _plan(assessment, verdict, top, scores, axes, chosen)
    return {
        "assessment": assessment.id,
        "version": assessment.version,
        "answered": len(chosen),
        "total": len(assessment.questions),
        "scores": scores,
        "axes": axes,
        "verdict": verdict,
        "ranking": ranking,
        "reasons": reasons,
        "excluded": excluded,
        "plan": plan,
    }


def _picked(
    action: Action,
    verdict: str | None,
    has_verdicts: bool,
    top: set[str],
    scores: Mapping[str, int | None],
    axes: Mapping[str, int | None],
    chosen: Mapping[str, Choice],
) -> bool:
    if has_verdicts and (verdict is None or (action.verdicts and verdict not in action.verdicts)):
        return False
    if action.outcomes and not top.intersection(action.outcomes):
        return False
    return action.when is None or holds(action.when, scores, axes, chosen)


def _plan(
    assessment: Assessment,
    verdict: str | None,
    top: set[str],
    scores: Mapping[str, int | None],
    axes: Mapping[str, int | None],
    chosen: Mapping[str, Choice],
) -> list[str]:
    """Picked actions by stage, then priority, then YAML order; a few per stage."""
    has_verdicts = bool(assessment.verdicts)
    picked = [
        (action.stage, action.priority, index, action.id)
        for index, action in enumerate(assessment.actions)
        if _picked(action, verdict, has_verdicts, top, scores, axes, chosen)
    ]
    per_stage: dict[int, int] = {}
    plan: list[str] = []
    for stage, _, _, action_id in sorted(picked):
        per_stage[stage] = per_stage.get(stage, 0) + 1
        if per_stage[stage] <= assessment.actions_per_stage:
            plan.append(action_id)
    return plan
