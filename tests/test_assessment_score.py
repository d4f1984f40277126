"""The Python reference scorer: the definition in design.md, case by case."""

from __future__ import annotations

from typing import Any

import pytest

from generator.model import Assessment
from generator.scoring import score

AGREEMENT = [
    {"id": "yes", "label": "Yes", "points": 2},
    {"id": "partly", "label": "Partly", "points": 1},
    {"id": "no", "label": "No", "points": 0},
    {"id": "na", "label": "n/a", "not_applicable": True},
]
SIZE = {
    "id": "size",
    "text": "Size?",
    "context": True,
    "choices": [{"id": "small", "label": "Small"}, {"id": "large", "label": "Large"}],
}


def readiness(**changes: Any) -> Assessment:
    """Dimensions a (four questions) and b (one), an axis over both, verdicts, a plan."""
    data: dict[str, Any] = {
        "id": "ready-check",
        "title": "Ready?",
        "version": 4,
        "summary": "S.",
        "scales": {"agreement": AGREEMENT},
        "dimensions": [
            {"id": "a", "title": "A"},
            {"id": "b", "title": "B"},
            {"id": "c", "title": "C"},
        ],
        "axes": [{"id": "ready", "title": "Ready", "dimensions": {"a": 2, "b": 1}}],
        "questions": [
            SIZE,
            {"id": "q1", "text": "One.", "dimension": "a", "scale": "agreement"},
            {"id": "q2", "text": "Two.", "dimension": "a", "scale": "agreement"},
            {"id": "q3", "text": "Three.", "dimension": "b", "scale": "agreement"},
            {"id": "q4", "text": "Four.", "dimension": "a", "scale": "agreement"},
            {"id": "q5", "text": "Five.", "dimension": "a", "scale": "agreement"},
            {"id": "q6", "text": "Six.", "dimension": "c", "scale": "agreement"},
        ],
        "verdicts": [
            {
                "id": "go-big",
                "title": "Go big",
                "summary": "S.",
                "when": {"scores": {"ready": {"min": 80}}, "answers": {"size": ["large"]}},
            },
            {
                "id": "go",
                "title": "Go",
                "summary": "S.",
                "when": {"scores": {"ready": {"min": 50}}},
            },
            {
                "id": "wait",
                "title": "Wait",
                "summary": "S.",
                "when": {"scores": {"a": {"max": 49}}},
            },
        ],
        "actions": [
            _action("w1", 1, verdicts=["wait"]),
            _action("g3", 3, verdicts=["go", "go-big"]),
            _action("g1-late", 1, priority=3, verdicts=["go"]),
            _action("g1", 1, verdicts=["go"]),
            _action("g1-first", 1, priority=1, verdicts=["go"]),
            _action(
                "g1-weak-b", 1, priority=1, verdicts=["go"], when={"scores": {"b": {"max": 49}}}
            ),
            _action("any", 2, when={"answers": {"size": ["small"]}}),
        ],
    }
    data.update(changes)
    return Assessment.model_validate(data)


def _action(action_id: str, stage: int, priority: int = 2, **more: Any) -> dict[str, Any]:
    return {
        "id": action_id,
        "text": "Do it.",
        "stage": stage,
        "priority": priority,
        "owner": "ceo",
        "link": "roles/ceo",
        **more,
    }


def fit() -> Assessment:
    return Assessment.model_validate(
        {
            "id": "fit",
            "title": "Fit",
            "version": 1,
            "summary": "S.",
            "groups": [{"id": "who", "title": "Who"}, {"id": "where", "title": "Where"}],
            "outcomes": [
                {"id": o, "title": o.upper(), "group": g, "link": "roles/cco", "minimum": 1}
                for o, g in (("x", "who"), ("y", "who"), ("z", "where"), ("never", "where"))
            ],
            "questions": [
                {
                    "id": "q1",
                    "text": "One.",
                    "choices": [
                        {"id": "a", "label": "A", "points": {"x": 2, "y": 0, "never": 1}},
                        {"id": "b", "label": "B", "points": {"y": 2}, "excludes": ["x"]},
                        {"id": "na", "label": "n/a", "not_applicable": True},
                    ],
                },
                {
                    "id": "q2",
                    "text": "Two.",
                    "choices": [
                        {"id": "a", "label": "A", "points": {"z": 1, "x": 1}},
                        {"id": "b", "label": "B", "points": {"z": 1}, "excludes": ["x", "y"]},
                    ],
                },
                {
                    "id": "q3",
                    "text": "Three.",
                    "choices": [
                        {"id": "a", "label": "A", "points": {"x": 3, "y": 1, "never": 1}},
                        {"id": "b", "label": "B", "points": {"y": 3}},
                    ],
                },
                {
                    "id": "q4",
                    "text": "Four.",
                    "choices": [
                        {"id": "a", "label": "A", "points": {"x": 1, "y": 1}},
                        {"id": "b", "label": "B", "points": {"x": 0, "y": 0}},
                    ],
                },
            ],
            "actions": [
                _action("when-x", 2, outcomes=["x"]),
                _action("when-y-or-z", 1, outcomes=["y", "z"]),
                _action("when-never", 1, outcomes=["never"]),
            ],
        }
    )


def test_result_has_exactly_the_contract_keys() -> None:
    result = score(readiness(), {"q1": "yes"})
    assert list(result) == [
        "assessment",
        "version",
        "answered",
        "total",
        "scores",
        "axes",
        "verdict",
        "ranking",
        "reasons",
        "excluded",
        "plan",
    ]
    assert result["assessment"] == "ready-check" and result["version"] == 4
    assert result["total"] == 7 and result["answered"] == 1
    assert (result["ranking"], result["reasons"], result["excluded"]) == ({}, {}, {})
    assert list(score(fit(), {})["axes"]) == []


def test_rounding_is_floor_of_x_plus_half() -> None:
    # a: raw 1 of lo 0, hi 8 -> 12.5 -> 13 (not banker's rounding to 12)
    answers = {"q1": "partly", "q2": "no", "q4": "no", "q5": "no"}
    assert score(readiness(), answers)["scores"]["a"] == 13
    # 3 of 8 -> 37.5 -> 38; 1 of 6 -> 16.67 -> 17; 2 of 6 -> 33.3 -> 33
    assert score(readiness(), {**answers, "q2": "partly", "q4": "partly"})["scores"]["a"] == 38
    three = {"q1": "partly", "q2": "no", "q4": "no"}
    assert score(readiness(), three)["scores"]["a"] == 17
    assert score(readiness(), {**three, "q2": "partly"})["scores"]["a"] == 33


def test_a_score_needs_half_of_its_questions_by_default() -> None:
    # a has four questions: two scored give a score, one does not.
    assert score(readiness(), {"q1": "yes"})["scores"]["a"] is None
    assert score(readiness(), {"q1": "yes", "q2": "no"})["scores"]["a"] == 50
    # "not applicable" answers count as answered, not as scored.
    result = score(readiness(), {"q1": "yes", "q2": "na", "q4": "na", "q5": "na"})
    assert result["scores"]["a"] is None and result["answered"] == 4
    dims = [
        {"id": "a", "title": "A", "minimum": 1},
        {"id": "b", "title": "B"},
        {"id": "c", "title": "C"},
    ]
    assert score(readiness(dimensions=dims), {"q1": "yes"})["scores"]["a"] == 100


def test_not_applicable_leaves_the_question_out_of_lo_and_hi() -> None:
    result = score(readiness(), {"q1": "yes", "q2": "na", "q4": "no", "q5": "na"})
    assert result["scores"]["a"] == 50


def test_null_when_nothing_scored_or_hi_equals_lo() -> None:
    assert score(readiness(), {})["scores"] == {"a": None, "b": None, "c": None}
    assert score(readiness(), {})["axes"] == {"ready": None}
    result = score(fit(), {"q2": "b"})
    assert result["scores"]["z"] is None  # every choice gives z the same: hi == lo
    assert result["scores"]["never"] is None


def test_an_axis_is_the_weighted_mean_and_needs_all_its_dimensions() -> None:
    # a = 100 (weight 2), b = 0 (weight 1): 200 / 3 = 66.67 -> 67
    both = {"q1": "yes", "q2": "yes", "q3": "no"}
    assert score(readiness(), both)["axes"] == {"ready": 67}
    assert score(readiness(), {"q1": "yes", "q2": "yes"})["axes"] == {"ready": None}
    lenient = [{"id": "ready", "title": "R", "dimensions": {"a": 2, "b": 1}, "minimum": 1}]
    assert score(readiness(axes=lenient), {"q1": "yes", "q2": "yes"})["axes"] == {"ready": 100}


def test_the_first_verdict_whose_conditions_all_hold_wins() -> None:
    high = {"q1": "yes", "q2": "yes", "q3": "yes"}
    assert score(readiness(), {**high, "size": "large"})["verdict"] == "go-big"
    assert score(readiness(), {**high, "size": "small"})["verdict"] == "go"
    # An unanswered question in a condition is false, like a null score.
    assert score(readiness(), high)["verdict"] == "go"
    low = {"q1": "no", "q2": "partly", "q3": "yes"}  # a = 25, ready = 50: "go" first
    assert score(readiness(), low)["verdict"] == "go"
    assert score(readiness(), {**low, "q3": "no"})["verdict"] == "wait"  # ready = 17


def test_no_verdict_when_a_condition_reads_a_null_score() -> None:
    result = score(readiness(), {"q1": "no", "size": "large"})
    assert result["axes"]["ready"] is None and result["verdict"] is None
    assert result["plan"] == []


def test_plan_orders_by_stage_then_priority_then_yaml_and_caps_each_stage() -> None:
    answers = {"q1": "yes", "q2": "yes", "q3": "no", "size": "small"}  # ready 67, b 0
    result = score(readiness(), answers)
    assert result["verdict"] == "go"
    # stage 1: priority 1 in YAML order (g1-first, g1-weak-b), then g1; g1-late is the 4th.
    assert result["plan"] == ["g1-first", "g1-weak-b", "g1", "any", "g3"]
    assert "g1-weak-b" not in score(readiness(), {**answers, "q3": "yes"})["plan"]
    capped = score(readiness(actions_per_stage=1), answers)["plan"]
    assert capped == ["g1-first", "any", "g3"]


def test_actions_follow_their_verdicts() -> None:
    result = score(readiness(), {"q1": "no", "q2": "no", "q3": "no"})
    assert result["verdict"] == "wait" and result["plan"] == ["w1"]


def test_each_group_is_ranked_on_its_own_highest_first_ties_in_yaml_order_nulls_last() -> None:
    result = score(fit(), {})
    assert result["ranking"] == {"who": ["x", "y"], "where": ["z", "never"]}
    result = score(fit(), {"q1": "na", "q3": "b"})
    assert result["scores"] == {"x": 0, "y": 100, "z": None, "never": 0}
    assert result["ranking"] == {"who": ["y", "x"], "where": ["never", "z"]}
    # A tie keeps YAML order.
    tie = score(fit(), {"q4": "a"})
    assert (tie["scores"]["x"], tie["scores"]["y"], tie["ranking"]["who"]) == (100, 100, ["x", "y"])
    flipped = fit().model_copy(update={"outcomes": list(reversed(fit().outcomes))})
    assert score(flipped, {"q4": "a"})["ranking"]["who"] == ["y", "x"]


def test_answers_rule_outcomes_out_of_the_ranking() -> None:
    result = score(fit(), {"q1": "b", "q2": "b", "q3": "a"})
    assert result["excluded"] == {"x": ["q1", "q2"], "y": ["q2"]}
    assert result["ranking"] == {"who": [], "where": ["never", "z"]}
    assert "x" not in result["reasons"] and "y" not in result["reasons"]
    assert result["scores"]["x"] is not None  # still scored, only left out of the ranking


def test_reasons_are_the_answers_that_lifted_an_outcome_most() -> None:
    result = score(fit(), {"q1": "a", "q2": "a", "q3": "a"})
    # x: q3 lifts 3, q1 lifts 2, q2 lifts 1 (z gets 1 either way: no lift, no reason).
    assert result["reasons"] == {"x": ["q3", "q1", "q2"], "y": [], "z": [], "never": ["q1", "q3"]}


def test_fit_plan_follows_the_first_option_of_each_group() -> None:
    assert score(fit(), {})["plan"] == []
    result = score(fit(), {"q1": "a", "q3": "a"})  # x first in who; never first in where
    assert result["plan"] == ["when-never", "when-x"]
    # x is ruled out, so y comes first; "never" comes first with 0, a score all the same.
    result = score(fit(), {"q1": "b", "q3": "b", "q2": "a"})
    assert result["ranking"] == {"who": ["y"], "where": ["never", "z"]}
    assert result["plan"] == ["when-y-or-z", "when-never"]


def test_unknown_questions_and_choices_are_ignored() -> None:
    result = score(readiness(), {"q1": "maybe", "nope": "yes", "q3": "yes", "q2": 3})
    assert result["answered"] == 1 and result["scores"]["b"] == 100


@pytest.mark.parametrize("answers", [{}, {"q1": "na"}])
def test_nothing_scored_gives_nulls_everywhere(answers: dict[str, str]) -> None:
    result = score(readiness(), answers)
    assert result["verdict"] is None and result["axes"] == {"ready": None}
