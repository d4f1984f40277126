"""The assessment rules that span fields: every error located, with a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.site import check
from tests.conftest import run_cli

GOOD = """\
id: where
title: Where?
version: 1
summary: Fit.
groups:
  - {id: who, title: Who}
outcomes:
  - {id: ceo-office, title: CEO office, group: who, link: starting-points/ceo-office}
  - {id: full-time, title: Full time, group: who, link: roles/cco}
questions:
  - id: size
    text: Size?
    choices:
      - {id: small, label: Small, points: {ceo-office: 1}, excludes: [full-time]}
      - {id: large, label: Large, points: {full-time: 2, ceo-office: 0}}
actions:
  - {id: first, text: Do it., stage: 1, owner: ceo, link: roles/ceo, outcomes: [ceo-office]}
"""


def errors_in(project: Path, text: str, name: str = "where.yml") -> list[str]:
    (project / "playbook" / "assessments" / name).write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    return [str(e) for e in info.value.errors]


def position(text: str, needle: str, skip: int = 0) -> str:
    """``line:column`` of the first ``needle`` in ``text``, ``skip`` characters into it."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1 + skip}"
    raise AssertionError(needle)


def test_the_good_file_is_valid(mini_project: Path) -> None:
    (mini_project / "playbook" / "assessments" / "where.yml").write_text(GOOD, encoding="utf-8")
    assert [a.model.id for a in check(mini_project / "mkdocs.yml").assessments] == [
        "readiness",
        "where",
    ]


def test_fit_references_are_located_with_suggestions(mini_project: Path) -> None:
    text = (
        GOOD.replace("group: who, link: roles/cco", "group: whom, link: roles/cco")
        .replace("excludes: [full-time]", "excludes: [fulltime]")
        .replace("owner: ceo", "owner: ceoo")
        .replace("outcomes: [ceo-office]", "outcomes: [ceo-ofice]")
        .replace("stage: 1", "stage: 4")
    ) + "owners: {ceeo: The CEO}\n"
    where = "playbook/assessments/where.yml"
    assert sorted(errors_in(mini_project, text)) == sorted(
        [
            f"{where}:{position(text, 'whom')}: outcomes[1].group: unknown group 'whom'"
            " (did you mean 'who'?)",
            f"{where}:{position(text, 'fulltime')}: questions[0].choices[0].excludes[0]:"
            " unknown outcome 'fulltime' (did you mean 'full-time'?)",
            f"{where}:{position(text, '4, owner')}: actions[0].stage: the stage 4 is not a"
            " stage of the plan (write 1 (days 1-30), 2 (days 31-60) or 3 (days 61-90))",
            f"{where}:{position(text, 'ceoo')}: actions[0].owner: unknown role 'ceoo'"
            " (did you mean 'ceo'?)",
            f"{where}:{position(text, 'ceo-ofice')}: actions[0].outcomes[0]: unknown outcome"
            " 'ceo-ofice' (did you mean 'ceo-office'?)",
            f"{where}:{position(text, 'ceeo')}: owners.ceeo: unknown role 'ceeo'"
            " (did you mean 'ceo'?)",
        ]
    )


READINESS = """\
id: sure
title: Sure?
version: 1
summary: Readiness.
parts:
  - {id: about, title: About}
  - {id: work, title: Work}
scales:
  agreement:
    - {id: "yes", label: "Yes", points: 2}
    - {id: "no", label: "No", points: 0}
dimensions:
  - {id: direction, title: Direction, minimum: 3}
  - {id: capacity, title: Capacity}
  - {id: unused, title: Unused}
axes:
  - id: need
    title: Need
    dimensions: {direction: 2, capasity: 1}
    minimum: 5
  - {id: capacity, title: Clash, dimensions: {direction: 1}}
questions:
  - {id: size, part: about, context: true, text: "Size?", choices: [{id: small, label: Small}]}
  - {id: goals, part: work, text: Goals., dimension: direction, scale: agreement}
  - {id: money, part: about, text: Money., dimension: capacity, scale: agreement}
  - {id: roadmap, part: wrok, text: Roadmap., dimension: direction, scale: agreement}
verdicts:
  - id: go
    title: Go
    summary: Go.
    when: {scores: {nead: {min: 50}, direction: {min: 60, max: 40}}, answers: {size: [smal]}}
  - {id: always, title: Always, summary: Always., when: {}}
  - {id: never, title: Never, summary: Never., when: {answers: {sise: [small]}}}
actions:
  - {id: a1, text: Do., stage: 2, priority: 5, owner: ceo, link: roles/ceo, verdicts: [goo]}
"""


def test_readiness_references_are_located_with_suggestions(mini_project: Path) -> None:
    text = READINESS
    at = "playbook/assessments/sure.yml"
    errors = errors_in(mini_project, text, "sure.yml")
    assert sorted(errors) == sorted(
        [
            f"{at}:{position(text, '{id: unused')}: dimensions[2]: no question gives points"
            " to 'unused'",
            f"{at}:{position(text, '3}')}: dimensions[0].minimum: 'minimum' must be between 1"
            " and 2, the questions that score 'direction'",
            f"{at}:{position(text, 'capasity')}: axes[0].dimensions.capasity: unknown"
            " dimension 'capasity' (did you mean 'capacity'?)",
            f"{at}:{position(text, 'minimum: 5', 9)}: axes[0].minimum:"
            " 'minimum' must be between 1 and 2, the dimensions of 'need'",
            f"{at}:{position(text, 'capacity, title: Clash')}: axes[1].id: the axis"
            " 'capacity' has the id of a dimension (conditions name scores by id: rename one"
            " of them)",
            f"{at}:{position(text, 'about, text: Money')}: questions[2].part: the questions of part 'about' must follow each other"
            " (move this question next to the others of its part)",
            f"{at}:{position(text, 'wrok')}: questions[3].part: unknown part 'wrok'"
            " (did you mean 'work'?)",
            f"{at}:{position(text, 'nead')}: verdicts[0].when.scores.nead: unknown score"
            " 'nead' (did you mean 'need'?)",
            f"{at}:{position(text, '{min: 60')}: verdicts[0].when.scores.direction: the range"
            " 60 to 40 is not within 0 to 100 (write 'min' and 'max' with"
            " 0 <= min <= max <= 100)",
            f"{at}:{position(text, 'smal]')}: verdicts[0].when.answers.size[0]: unknown choice"
            " of 'size' 'smal' (did you mean 'small'?)",
            f"{at}:{position(text, '{id: never')}: verdicts[2]: the verdict 'never' can"
            " never be given ('always' before it has no conditions, so it always wins)",
            f"{at}:{position(text, 'sise')}: verdicts[2].when.answers.sise: unknown question"
            " 'sise' (did you mean 'size'?)",
            f"{at}:{position(text, '5, owner')}: actions[0].priority: the priority is 1"
            " (first), 2 or 3 (last)",
            f"{at}:{position(text, 'goo]')}: actions[0].verdicts[0]: unknown verdict 'goo'"
            " (did you mean 'go'?)",
        ]
    )


def test_style_rules(mini_project: Path) -> None:
    text = GOOD + "verdicts: []\naxes:\n  - {id: a, title: A, dimensions: {x: 1}}\n"
    errors = errors_in(mini_project, text)
    assert any(
        "axes: 'axes' only apply to readiness (with 'dimensions') assessments" in e for e in errors
    ), errors
    assert any("axes[0].dimensions.x: unknown dimension 'x'" in e for e in errors), errors


def test_a_question_needs_points_unless_it_is_about_the_company(mini_project: Path) -> None:
    text = GOOD.replace(
        "  - id: size\n    text: Size?\n",
        "  - id: teams\n    text: Teams?\n    choices:\n      - {id: few, label: Few}\n"
        "  - id: size\n    text: Size?\n",
    )
    (error,) = errors_in(mini_project, text)
    assert error.endswith(
        "questions[0].choices[0]: the choice has no 'points' (add 'points: 0' or points per"
        " dimension or outcome (a question about the company itself can be 'context: true'))"
    )


def test_a_new_question_joins_the_last_part(default_project: Path) -> None:
    result = run_cli("new", "question", "extra", "--assessment", "readiness", cwd=default_project)
    assert result.returncode == 0, result.stderr
    text = (default_project / "playbook" / "assessments" / "readiness.yml").read_text()
    assert (
        "  - id: extra\n    text: The statement or question to answer.\n    part: support\n" in text
    )
    assert run_cli("check", cwd=default_project).returncode == 0
