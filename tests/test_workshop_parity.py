"""One group definition, two implementations: the workshop view's JavaScript and
`cco-playbook aggregate` must compute the same group JSON on generated sets of results."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.group import Respondent, aggregate
from generator.model import Assessment
from generator.playbook import check
from tests.helpers import FIXTURES, copy_default_project, run_cli

pytestmark = pytest.mark.browser

#: Generated groups compared per assessment, at least.
MIN_CASES = 120
#: Team names that trip up a browser object: digits sort first, __proto__ is special.
TEAMS = ["", "", "Sales", "Ops", "2024", "__proto__", "Ünïcode 😀"]


@pytest.fixture(scope="module", params=["fixture", "default"])
def group_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Assessment]]:
    project = tmp_path_factory.mktemp(f"group-parity-{request.param}")
    if request.param == "fixture":
        shutil.copytree(FIXTURES / "assessment", project, dirs_exist_ok=True)
    else:
        copy_default_project(project)
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    playbook = check(project / "mkdocs.yml")
    return project / "site", {a.model.id: a.model for a in playbook.assessments}


@pytest.fixture(scope="module")
def group_page(browser: Any, group_site: tuple[Path, dict[str, Assessment]]) -> Iterator[Any]:
    site, assessments = group_site
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((site / "assessments" / f"{next(iter(assessments))}.html").as_uri())
    page.wait_for_function("() => typeof window.ccoPlaybook?.group?.aggregate === 'function'")
    yield page
    page.close()
    assert errors == []


Case = tuple[
    str, list[tuple[dict[str, str], str]], int | None, list[tuple[dict[str, str], str]] | None
]


def in_browser(page: Any, cases: list[Case]) -> list[Any]:
    """Aggregate every case in one round trip, as JSON text."""
    return json.loads(
        page.evaluate(
            """cases => JSON.stringify(cases.map(([id, people, minGroup, baseline]) => {
                 const as = list => list.map(([answers, team]) => ({answers, team}));
                 return window.ccoPlaybook.group.aggregate(id, as(people),
                   {minGroup, baseline: baseline === null ? null : as(baseline)});
               }))""",
            cases,
        )
    )


def in_python(assessments: dict[str, Assessment], case: Case) -> Any:
    aid, people, min_group, baseline = case

    def respondents(given: list[tuple[dict[str, str], str]]) -> list[Respondent]:
        return [Respondent(answers, team) for answers, team in given]

    return aggregate(
        assessments[aid],
        respondents(people),
        min_group,
        None if baseline is None else respondents(baseline),
    )


def answer_sets(assessment: Assessment) -> st.SearchStrategy[dict[str, str]]:
    """Checked answers: some questions left out, not-applicable choices often."""
    choice = {
        q.id: st.sampled_from([c.id for c in assessment.choices_of(q)])
        for q in assessment.questions
    }
    return st.one_of(st.fixed_dictionaries({}, optional=choice), st.fixed_dictionaries(choice))


def groups(assessment: Assessment) -> st.SearchStrategy[Case]:
    person = st.tuples(answer_sets(assessment), st.sampled_from(TEAMS))
    # Rooms that agree: a few answer sets repeated, so spreads of 0 and ties occur.
    alike = st.lists(person, min_size=1, max_size=3).flatmap(
        lambda few: st.lists(st.sampled_from(few), min_size=3, max_size=14)
    )
    room = st.one_of(st.lists(person, max_size=14), alike)
    return st.tuples(
        st.just(assessment.id),
        room,
        st.sampled_from([None, 3, 5]),
        st.one_of(st.none(), st.lists(person, max_size=8)),
    )


def same(got: Any, expected: Any) -> None:
    # Key order may differ where a browser object puts digit keys ("2024") first.
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_fixed_groups_agree_key_for_key(
    group_page: Any, group_site: tuple[Path, dict[str, Assessment]]
) -> None:
    _, assessments = group_site
    cases: list[Case] = []
    for assessment in assessments.values():
        lowest = {q.id: assessment.choices_of(q)[0].id for q in assessment.questions}
        highest = {q.id: assessment.choices_of(q)[-1].id for q in assessment.questions}
        cases += [
            (assessment.id, [], 5, None),
            (
                assessment.id,
                [(lowest, "Sales")] * 3 + [(highest, "Ops")] * 3,
                None,
                [(lowest, "")] * 5,
            ),
            (assessment.id, [(lowest, "A")] * 5 + [(highest, "B")] * 5, 5, [(highest, "")] * 5),
            (assessment.id, [(lowest, "")] * 2 + [(highest, "")] * 2, 3, None),
        ]
    expected = [in_python(assessments, case) for case in cases]
    got = in_browser(group_page, cases)
    # Without digit-like keys the JSON text is the same, key order included.
    assert json.dumps(got) == json.dumps(expected)


@pytest.mark.parametrize("assessment_id", ["readiness", "fit"])
def test_generated_groups_agree(
    group_page: Any, group_site: tuple[Path, dict[str, Assessment]], assessment_id: str
) -> None:
    _, assessments = group_site
    compared = [0]

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(batch=st.lists(groups(assessments[assessment_id]), min_size=10, max_size=14))
    def agree(batch: list[Case]) -> None:
        expected = [in_python(assessments, case) for case in batch]
        same(in_browser(group_page, batch), expected)
        compared[0] += len(batch)

    agree()
    assert compared[0] >= MIN_CASES


def test_the_browser_refuses_a_threshold_below_three(group_page: Any) -> None:
    message = group_page.evaluate(
        """() => { try { window.ccoPlaybook.group.aggregate('readiness', [], {minGroup: 2});
                         return 'no error'; } catch (e) { return e.message; } }"""
    )
    assert message == "the smallest group shown must be at least 3"
