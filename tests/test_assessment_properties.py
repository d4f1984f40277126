"""Properties of the default readiness assessment: a better answer never moves need,
readiness or scale the wrong way, whatever else was answered."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import Assessment
from generator.scoring import score
from generator.site import check
from tests.assessment_support import SCENARIOS
from tests.conftest import ROOT

#: For each axis, (question ids or a dimension's questions, choices from the answer
#: that means more of the axis to the answer that means less of it).
AXIS_ORDER: dict[str, list[tuple[str, list[str]]]] = {
    # More work undone, or nobody to drive it, is more need.
    "need": [
        ("dimension:direction-gap", ["no", "partly", "yes"]),
        ("dimension:organisation-gap", ["no", "partly", "yes"]),
        ("dimension:commitment-gap", ["no", "partly", "yes"]),
        ("dimension:momentum-gap", ["no", "partly", "yes"]),
        ("dimension:driver-gap", ["nobody", "some", "someone"]),
    ],
    # Agreement, appetite, staying power and money are more readiness.
    "readiness": [
        ("dimension:executive-agreement", ["yes", "partly", "not-yet"]),
        ("dimension:appetite", ["yes", "partly", "not-yet"]),
        ("dimension:staying-power", ["yes", "partly", "not-yet"]),
        ("budget", ["full-time", "part-time", "none"]),
    ],
    # More people, teams, maturity and recurring revenue are more scale.
    "scale": [
        ("people", ["500-or-more", "100-to-499", "20-to-99", "fewer-than-20"]),
        ("customer-teams", ["five-or-more", "three-or-four", "one-or-two"]),
        ("stage", ["established", "growing", "young"]),
        ("revenue-model", ["recurring", "repeat", "one-off"]),
    ],
}


@pytest.fixture(scope="module")
def readiness() -> Assessment:
    found = {a.model.id: a.model for a in check(ROOT / "mkdocs.yml").assessments}
    return found["readiness"]


def ordered(readiness: Assessment) -> list[tuple[str, str, list[str]]]:
    """(axis, question id, choices from more to less) for every question an axis reads."""
    out = []
    for axis, entries in AXIS_ORDER.items():
        for key, order in entries:
            if key.startswith("dimension:"):
                dimension = key.removeprefix("dimension:")
                ids = [q.id for q in readiness.questions if q.dimension == dimension]
            else:
                ids = [key]
            out += [(axis, q, order) for q in ids]
    return out


def test_every_question_that_scores_an_axis_has_an_order(readiness: Assessment) -> None:
    covered = {q for _, q, _ in ordered(readiness)}
    scoring = {
        q.id
        for q in readiness.questions
        if any(readiness.points_of(q, c) for c in readiness.choices_of(q))
    }
    assert covered == scoring
    for _, question_id, order in ordered(readiness):
        question = next(q for q in readiness.questions if q.id == question_id)
        scored = [c.id for c in readiness.choices_of(question) if not c.not_applicable]
        assert sorted(order) == sorted(scored), question_id


def answers_for(readiness: Assessment) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            q.id: st.sampled_from([c.id for c in readiness.choices_of(q)])
            for q in readiness.questions
        },
    )


def test_a_better_answer_never_moves_an_axis_the_wrong_way(readiness: Assessment) -> None:
    cases = ordered(readiness)
    checked = [0]

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(base=answers_for(readiness), pick=st.integers(0, len(cases) - 1))
    def holds(base: dict[str, Any], pick: int) -> None:
        axis, question, order = cases[pick]
        values = [score(readiness, {**base, question: choice}) for choice in order]
        for more, less in itertools.pairwise(values):
            for name in (axis, *[d for d, _ in _dims(readiness, axis)]):
                bigger = more["axes"].get(name, more["scores"].get(name))
                smaller = less["axes"].get(name, less["scores"].get(name))
                if bigger is not None and smaller is not None:
                    assert bigger >= smaller, (axis, question, name)
                    checked[0] += 1

    holds()
    assert checked[0] > 500


def _dims(readiness: Assessment, axis_id: str) -> list[tuple[str, int]]:
    axis = next(x for x in readiness.axes if x.id == axis_id)
    return list(axis.dimensions.items())


def test_more_need_or_readiness_never_takes_a_hire_away(readiness: Assessment) -> None:
    """From any answers that call for a full-time hire, more need or more readiness
    on one question still calls for one."""
    base = SCENARIOS["scale-up-500-board"]["readiness"]["answers"]
    moves = [(q, order) for axis, q, order in ordered(readiness) if axis in ("need", "readiness")]
    hires = [0]

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(changes=answers_for(readiness), pick=st.integers(0, len(moves) - 1))
    def holds(changes: dict[str, Any], pick: int) -> None:
        answers = {**base, **changes}
        if score(readiness, answers)["verdict"] != "hire-full-time":
            return
        hires[0] += 1
        question, order = moves[pick]
        current = answers[question]
        if current not in order:
            return
        for better in order[: order.index(current)]:
            assert score(readiness, {**answers, question: better})["verdict"] == "hire-full-time"

    holds()
    assert hires[0] > 20
