"""Group results: several people's answers to one assessment, read together.

KEEP IN STEP: ``static/assessment-group.js`` implements the same definition for the
workshop view; change both together. ``tests/test_workshop_parity.py`` proves they
return the same group JSON on generated sets of results. The README ("Group results")
lists the JSON's keys.

The definition, in one place:

- **Scale.** A question's choices in the order the assessment lists them, its
  not-applicable choices left out, are its scale: positions 0 to k - 1. Choices are
  written from one end of the scale to the other (CONTRIBUTING says so).
- **Group answer** (the "median answer") of a question, over the respondents who
  answered it: when more of them chose a not-applicable choice than a choice on the
  scale, the not-applicable choice chosen most (ties: the one listed first); otherwise
  the lower median of the answers on the scale: sorted by position, the one at index
  ``(n - 1) // 2``, so it is always an answer somebody gave. ``split`` says the two
  middle answers of an even number differ: the room sits between two choices. Nobody
  answered: ``null``.
- **Spread**, an integer 0-100: ``200 x (sum of the distances of the values from their
  median) / (count x width)``, rounded as scores are. For a question the values are
  the positions on its scale (width k - 1; not-applicable answers left out); for a
  dimension, outcome or axis they are the respondents' own scores (width 100; ``null``
  scores left out). 0 when everyone agrees, 100 when half the room is at each end;
  ``null`` with fewer than two values.
- **Discuss first**: a spread of at least ``DISCUSS_SPREAD`` (50): on average the
  answers sit a quarter of the scale or more from the group's answer, as when one in
  four is at the far end of "yes, partly, no".
- **Group result**: the single-result score of the group answers (its verdict,
  ranking and plan), beside how many respondents reached each verdict on their own.
- **Anonymity**: with a smallest group of ``min_group`` (at least 3), a group of fewer
  respondents (the room, a team, the baseline) keeps its count and shows nothing else.
  A team under it hides every team, and so does a remainder of untagged respondents
  under it: the room minus the other teams would show it.
- **Trend**: per dimension, outcome and axis, the room's median score minus the
  baseline's; its arrow is ``steady`` within ``STEADY_WITHIN`` points.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.model.assessment import Assessment, Question
from generator.scoring import round_ratio, score

#: A spread at which a question or score is flagged "discuss first".
DISCUSS_SPREAD = 50
#: Topics the workshop pack and the facilitator view show when nothing is flagged.
FALLBACK_TOPICS = 3
#: A change of fewer points than this either way is shown as steady.
STEADY_WITHIN = 5
#: The smallest group shown with anonymity on, and the lowest one may choose.
DEFAULT_MIN_GROUP = 5
LOWEST_MIN_GROUP = 3


@dataclass(frozen=True)
class Respondent:
    """One person's checked answers (``{question_id: choice_id}``) and their team ("")."""

    answers: Mapping[str, str]
    team: str = ""


def lower_median(values: Sequence[int]) -> int:
    """The value at index ``(n - 1) // 2`` of the sorted values (``values`` not empty)."""
    return sorted(values)[(len(values) - 1) // 2]


def spread(values: Sequence[int], width: int) -> int | None:
    """How far apart ``values`` on a scale of ``width`` are, 0-100 (see the module)."""
    if len(values) < 2 or width <= 0:
        return None
    middle = lower_median(values)
    return round_ratio(200 * sum(abs(v - middle) for v in values), len(values) * width)


def question_summary(
    assessment: Assessment, question: Question, given: Iterable[str]
) -> dict[str, Any]:
    """Counts per choice, the group answer, whether it is split, the spread and the flag."""
    choices = assessment.choices_of(question)
    counts = {c.id: 0 for c in choices}
    for choice_id in given:
        if choice_id in counts:
            counts[choice_id] += 1
    scale = [c.id for c in choices if not c.not_applicable]
    positions = sorted(p for p, c in enumerate(scale) for _ in range(counts[c]))
    na_given = sum(counts[c.id] for c in choices if c.not_applicable)
    median: str | None = None
    split = False
    if na_given > len(positions):
        # max() keeps the first of equal counts: the one listed first.
        median = max((c.id for c in choices if c.not_applicable), key=lambda c: counts[c])
    elif positions:
        median = scale[positions[(len(positions) - 1) // 2]]
        half = len(positions) // 2
        split = len(positions) % 2 == 0 and positions[half - 1] != positions[half]
    width = len(scale) - 1
    spread_of = spread(positions, width)
    return {
        "counts": counts,
        "answered": len(positions) + na_given,
        "median": median,
        "split": split,
        "spread": spread_of,
        "discuss": spread_of is not None and spread_of >= DISCUSS_SPREAD,
    }


def score_summary(values: Iterable[int | None]) -> dict[str, Any]:
    """The respondents' own scores for one dimension, outcome or axis, summarised."""
    scored = [v for v in values if v is not None]
    spread_of = spread(scored, 100)
    return {
        "scored": len(scored),
        "median": lower_median(scored) if scored else None,
        "low": min(scored) if scored else None,
        "high": max(scored) if scored else None,
        "spread": spread_of,
        "discuss": spread_of is not None and spread_of >= DISCUSS_SPREAD,
    }


def group_answers(assessment: Assessment, respondents: Sequence[Respondent]) -> dict[str, str]:
    """``{question_id: group answer}`` for the questions someone answered."""
    answers: dict[str, str] = {}
    for question in assessment.questions:
        given = [r.answers[question.id] for r in respondents if question.id in r.answers]
        median = question_summary(assessment, question, given)["median"]
        if median is not None:
            answers[question.id] = median
    return answers


def _ranked(summaries: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Ids with a spread, most divided first; ties keep the assessment's order."""
    order = list(summaries)
    with_spread = [i for i in order if summaries[i]["spread"] is not None]
    return sorted(with_spread, key=lambda i: (-summaries[i]["spread"], order.index(i)))


def _hidden(count: int, min_group: int | None) -> bool:
    return min_group is not None and count < min_group


def summary(
    assessment: Assessment,
    respondents: Sequence[Respondent],
    results: Sequence[Mapping[str, Any]],
    min_group: int | None,
    hidden: bool | None = None,
) -> dict[str, Any]:
    """A team's or a baseline's medians and the verdict of its group answers."""
    hide = _hidden(len(respondents), min_group) if hidden is None else hidden
    if hide:
        scores: dict[str, Any] = {}
        axes: dict[str, Any] = {}
        verdict = None
        ranking: dict[str, Any] = {}
    else:
        scores = {
            t: score_summary(r["scores"][t] for r in results)["median"]
            for t in assessment.targets()
        }
        axes = {
            a.id: score_summary(r["axes"][a.id] for r in results)["median"] for a in assessment.axes
        }
        result = score(assessment, group_answers(assessment, respondents))
        verdict, ranking = result["verdict"], result["ranking"]
    return {
        "respondents": len(respondents),
        "hidden": hide,
        "scores": scores,
        "axes": axes,
        "verdict": verdict,
        "ranking": ranking,
    }


def _teams(
    assessment: Assessment,
    respondents: Sequence[Respondent],
    results: Sequence[Mapping[str, Any]],
    min_group: int | None,
    room_hidden: bool,
) -> dict[str, Any]:
    members: dict[str, list[int]] = {}
    for index, respondent in enumerate(respondents):
        if respondent.team:
            members.setdefault(respondent.team, []).append(index)
    untagged = len(respondents) - sum(len(m) for m in members.values())
    hide_all = room_hidden or any(_hidden(len(m), min_group) for m in members.values())
    hide_all = hide_all or (untagged > 0 and _hidden(untagged, min_group))
    return {
        team: summary(
            assessment,
            [respondents[i] for i in indexes],
            [results[i] for i in indexes],
            min_group,
            hidden=hide_all,
        )
        for team, indexes in members.items()
    }


def _trend(
    assessment: Assessment,
    room: Mapping[str, Any],
    baseline: Mapping[str, Any] | None,
) -> dict[str, Any]:
    if baseline is None:
        return {}
    trend: dict[str, Any] = {}
    pairs = [(t, "scores") for t in assessment.targets()] + [
        (a.id, "axes") for a in assessment.axes
    ]
    for score_id, kind in pairs:
        now = room[kind].get(score_id, {}).get("median") if not room["hidden"] else None
        then = None if baseline["hidden"] else baseline[kind].get(score_id)
        if now is None or then is None:
            trend[score_id] = None
            continue
        delta = now - then
        arrow = "steady" if abs(delta) < STEADY_WITHIN else "up" if delta > 0 else "down"
        trend[score_id] = {"delta": delta, "arrow": arrow}
    return trend


def aggregate(
    assessment: Assessment,
    respondents: Sequence[Respondent],
    min_group: int | None = DEFAULT_MIN_GROUP,
    baseline: Sequence[Respondent] | None = None,
) -> dict[str, Any]:
    """The group JSON for ``respondents`` (checked answers), as the workshop view shows it.

    ``min_group`` is the smallest group shown (``None``: anonymity off); ``baseline`` is
    an earlier round to compare with (``None``: no trend)."""
    if min_group is not None and min_group < LOWEST_MIN_GROUP:
        raise ValueError(f"the smallest group shown must be at least {LOWEST_MIN_GROUP}")
    results = [score(assessment, r.answers) for r in respondents]
    hidden = _hidden(len(respondents), min_group)
    room: dict[str, Any] = {
        "assessment": assessment.id,
        "version": assessment.version,
        "respondents": len(respondents),
        "min_group": min_group,
        "hidden": hidden,
        "questions": {},
        "scores": {},
        "axes": {},
        "result": None,
        "verdicts": {},
        "no_verdict": 0,
        "leaders": {},
        "ranked": {"questions": [], "scores": []},
        "topics": [],
    }
    if not hidden:
        room["questions"] = {
            q.id: question_summary(
                assessment, q, (r.answers[q.id] for r in respondents if q.id in r.answers)
            )
            for q in assessment.questions
        }
        room["scores"] = {
            t: score_summary(r["scores"][t] for r in results) for t in assessment.targets()
        }
        room["axes"] = {
            a.id: score_summary(r["axes"][a.id] for r in results) for a in assessment.axes
        }
        room["result"] = score(assessment, group_answers(assessment, respondents))
        room["verdicts"] = {
            v.id: sum(1 for r in results if r["verdict"] == v.id) for v in assessment.verdicts
        }
        if assessment.verdicts:
            room["no_verdict"] = sum(1 for r in results if r["verdict"] is None)
        room["leaders"] = {
            g.id: {
                o.id: sum(1 for r in results if _leads(r, g.id, o.id))
                for o in assessment.outcomes
                if o.group == g.id
            }
            for g in assessment.groups
        }
        ranked = _ranked(room["questions"])
        room["ranked"] = {"questions": ranked, "scores": _ranked(room["scores"])}
        flagged = [q for q in ranked if room["questions"][q]["discuss"]]
        room["topics"] = flagged or ranked[:FALLBACK_TOPICS]
    room["teams"] = _teams(assessment, respondents, results, min_group, hidden)
    before = None
    if baseline is not None:
        before = summary(
            assessment, baseline, [score(assessment, r.answers) for r in baseline], min_group
        )
    room["baseline"] = before
    room["trend"] = _trend(assessment, room, before)
    return room


def _leads(result: Mapping[str, Any], group: str, outcome: str) -> bool:
    """Whether ``outcome`` comes first in ``group`` with a score."""
    ranking = result["ranking"].get(group) or []
    return bool(ranking) and ranking[0] == outcome and result["scores"][outcome] is not None
