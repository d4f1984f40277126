"""The group definition (generator/group.py), case by case: group answers, spread,
"discuss first", the group's verdict, teams, anonymity and the trend."""

from __future__ import annotations

from typing import Any

import pytest

from generator.group import Respondent, aggregate, lower_median, spread
from generator.model import Assessment

AGREEMENT = [
    {"id": "yes", "label": "Yes", "points": 2},
    {"id": "partly", "label": "Partly", "points": 1},
    {"id": "no", "label": "No", "points": 0},
    {"id": "na", "label": "Not sure", "not_applicable": True},
]


def assessment() -> Assessment:
    """Two dimensions of two questions each, an axis, two verdicts on it."""
    return Assessment.model_validate(
        {
            "id": "ready",
            "title": "Ready?",
            "version": 3,
            "summary": "S.",
            "scales": {"agreement": AGREEMENT},
            "dimensions": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
            "axes": [{"id": "both", "title": "Both", "dimensions": {"a": 1, "b": 1}}],
            "questions": [
                {"id": f"q{i}", "text": f"Q{i}.", "dimension": d, "scale": "agreement"}
                for i, d in ((1, "a"), (2, "a"), (3, "b"), (4, "b"))
            ],
            "verdicts": [
                {
                    "id": "high",
                    "title": "High",
                    "summary": "S.",
                    "when": {"scores": {"both": {"min": 60}}},
                },
                {
                    "id": "low",
                    "title": "Low",
                    "summary": "S.",
                    "when": {"scores": {"both": {"max": 59}}},
                },
            ],
        }
    )


def people(*answers: dict[str, str], team: str = "") -> list[Respondent]:
    return [Respondent(answers=a, team=team) for a in answers]


def q1(*choices: str) -> list[Respondent]:
    """One respondent per choice, each answering q1 only."""
    return people(*({"q1": c} for c in choices))


def question(group: dict[str, Any], qid: str = "q1") -> dict[str, Any]:
    summary: dict[str, Any] = group["questions"][qid]
    return summary


def test_the_group_answer_is_the_lower_median_on_the_scale() -> None:
    got = question(aggregate(assessment(), q1("yes", "no", "yes", "partly"), None))
    # Sorted by position: yes, yes, partly, no; index (4 - 1) // 2 = 1.
    assert got["median"] == "yes"
    assert got["split"] is True  # the middle two, yes and partly, differ
    # Distances from 'yes': 0 + 0 + 1 + 2 = 3 steps; 200 * 3 / (4 * 2) = 75.
    assert got["spread"] == 75
    assert got["counts"] == {"yes": 2, "partly": 1, "no": 1, "na": 0}
    assert got["answered"] == 4
    odd = question(aggregate(assessment(), q1("no", "partly", "yes"), None))
    assert (odd["median"], odd["split"], odd["spread"]) == ("partly", False, 67)


def test_not_sure_is_the_answer_only_when_most_chose_it() -> None:
    most = question(aggregate(assessment(), q1("na", "na", "na", "yes", "no"), None))
    assert most["median"] == "na"
    # Not-applicable answers stay off the scale: the spread is of 'yes' and 'no' alone.
    assert most["spread"] == 100
    assert most["answered"] == 5
    tie = question(aggregate(assessment(), q1("na", "na", "yes", "no"), None))
    assert (tie["median"], tie["split"]) == ("yes", True)
    only = question(aggregate(assessment(), q1("na", "na"), None))
    assert (only["median"], only["spread"], only["discuss"]) == ("na", None, False)


def test_a_question_nobody_answered_has_no_group_answer() -> None:
    got = aggregate(assessment(), q1("yes", "yes"), None)
    assert question(got, "q2") == {
        "counts": {"yes": 0, "partly": 0, "no": 0, "na": 0},
        "answered": 0,
        "median": None,
        "split": False,
        "spread": None,
        "discuss": False,
    }
    assert question(got)["spread"] == 0  # unanimous


def test_discuss_first_starts_at_one_in_four_at_the_far_end() -> None:
    flagged = question(aggregate(assessment(), q1("yes", "yes", "yes", "no"), None))
    assert (flagged["spread"], flagged["discuss"]) == (50, True)
    calm = question(aggregate(assessment(), q1("yes", "yes", "yes", "yes", "no"), None))
    assert (calm["spread"], calm["discuss"]) == (40, False)


def test_spread_and_median_helpers() -> None:
    assert lower_median([90, 10, 50, 70]) == 50
    assert spread([0, 100], 100) == 100
    assert spread([5], 100) is None
    assert spread([1, 1], 0) is None


def test_scores_are_summarised_from_each_respondent_s_own_scores() -> None:
    group = aggregate(
        assessment(),
        people(
            {"q1": "yes", "q2": "yes"},
            {"q1": "no", "q2": "no"},
            {"q1": "yes", "q2": "partly"},
            {"q3": "yes"},
        ),
        None,
    )
    # a: 100, 0, 75, and null for the last respondent (no answers to a).
    assert group["scores"]["a"] == {
        "scored": 3,
        "median": 75,
        "low": 0,
        "high": 100,
        "spread": 67,  # 200 * (25 + 75 + 0) / (3 * 100)
        "discuss": True,
    }
    assert group["scores"]["b"]["scored"] == 1
    assert group["scores"]["b"]["spread"] is None
    assert group["ranked"]["scores"] == ["a"]


def test_the_group_verdict_comes_from_the_median_answers() -> None:
    group = aggregate(
        assessment(),
        people(
            {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "yes"},
            {"q1": "yes", "q2": "partly", "q3": "yes", "q4": "partly"},
            {"q1": "no", "q2": "no", "q3": "no", "q4": "no"},
            {"q1": "partly"},
        ),
        None,
    )
    # Group answers: q1 lower median of yes, yes, partly, no = yes; q2..q4 of three = the
    # middle one: partly, yes, partly. Scores a = 75, b = 75, so 'both' = 75: high.
    assert group["result"]["verdict"] == "high"
    assert group["result"]["scores"] == {"a": 75, "b": 75}
    assert group["verdicts"] == {"high": 2, "low": 1}
    assert group["no_verdict"] == 1  # the last one answered too little
    assert group["leaders"] == {}


def test_ranked_questions_and_topics() -> None:
    answers = people(
        {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "yes"},
        {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "yes"},
        {"q1": "yes", "q2": "partly", "q3": "no", "q4": "yes"},
    )
    group = aggregate(assessment(), answers, None)
    # Spreads: q1 0, q2 33, q3 67, q4 0; ties keep the question order.
    assert group["ranked"]["questions"] == ["q3", "q2", "q1", "q4"]
    assert group["topics"] == ["q3"]
    calm = aggregate(assessment(), answers[:1] * 3, None)
    # Nothing flagged: the three most divided, in order, are still offered.
    assert calm["topics"] == ["q1", "q2", "q3"]


def test_a_small_room_shows_its_count_and_nothing_else() -> None:
    few = aggregate(assessment(), q1("yes", "no", "yes", "partly"), 5)
    assert few["hidden"] is True
    assert few["respondents"] == 4
    assert few["min_group"] == 5
    assert few["questions"] == few["scores"] == few["axes"] == few["verdicts"] == {}
    assert few["result"] is None
    assert few["topics"] == []
    assert few["ranked"] == {"questions": [], "scores": []}
    enough = aggregate(assessment(), q1("yes", "no", "yes", "partly", "no"), 5)
    assert enough["hidden"] is False
    assert question(enough)["counts"]["no"] == 2
    with pytest.raises(ValueError, match="at least 3"):
        aggregate(assessment(), q1("yes"), 2)


def test_one_small_team_hides_every_team() -> None:
    sales = people(*[{"q1": "yes"}] * 5, team="Sales")
    ops = people(*[{"q1": "no"}] * 5, team="Ops")
    shown = aggregate(assessment(), sales + ops, 5)["teams"]
    assert list(shown) == ["Sales", "Ops"]
    assert shown["Sales"]["hidden"] is False
    assert shown["Sales"]["scores"] == {"a": 100, "b": None}
    assert shown["Ops"]["scores"]["a"] == 0
    assert shown["Ops"]["verdict"] is None  # b unscored: no axis, no verdict
    # One untagged respondent: the room minus Sales and Ops would show them.
    alone = aggregate(assessment(), [*sales, *ops, *q1("partly")], 5)["teams"]
    assert all(t["hidden"] and t["scores"] == {} for t in alone.values())
    assert alone["Sales"]["respondents"] == 5
    two = aggregate(assessment(), sales + people({"q1": "no"}, {"q1": "no"}, team="Board"), 5)
    assert two["hidden"] is False
    assert all(t["hidden"] for t in two["teams"].values())
    assert aggregate(assessment(), sales + ops[:2], None)["teams"]["Ops"]["hidden"] is False


def test_the_trend_compares_median_scores_with_the_baseline() -> None:
    now = people(*[{"q1": "yes", "q2": "yes", "q3": "yes"}] * 5)
    then = people(*[{"q1": "yes", "q2": "partly", "q3": "yes"}] * 5)
    group = aggregate(assessment(), now, 5, baseline=then)
    assert group["baseline"] == {
        "respondents": 5,
        "hidden": False,
        "scores": {"a": 75, "b": 100},
        "axes": {"both": 88},
        "verdict": "high",
        "ranking": {},
    }
    assert group["trend"] == {
        "a": {"delta": 25, "arrow": "up"},
        "b": {"delta": 0, "arrow": "steady"},
        "both": {"delta": 12, "arrow": "up"},
    }
    down = aggregate(assessment(), then, None, baseline=now)["trend"]
    assert down["a"] == {"delta": -25, "arrow": "down"}
    small = aggregate(assessment(), now, 5, baseline=then[:2])
    assert small["baseline"]["hidden"] is True
    assert small["trend"] == {"a": None, "b": None, "both": None}
    assert aggregate(assessment(), now, 5)["baseline"] is None
    assert aggregate(assessment(), now, 5)["trend"] == {}


def test_every_key_is_always_present_in_order() -> None:
    keys = [
        "assessment",
        "version",
        "respondents",
        "min_group",
        "hidden",
        "questions",
        "scores",
        "axes",
        "result",
        "verdicts",
        "no_verdict",
        "leaders",
        "ranked",
        "topics",
        "teams",
        "baseline",
        "trend",
    ]
    assert list(aggregate(assessment(), [], 5)) == keys
    assert list(aggregate(assessment(), q1("yes") * 6, None)) == keys
