"""Realistic answer patterns give the advice a seasoned customer-leadership adviser would
give, in both scorers, and nothing in a plan contradicts its verdict.

The scenarios and their expected advice are in tests/data/assessment_scenarios.yml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.model import Assessment
from generator.scoring import score
from generator.site import check
from tests.assessment_support import SCENARIOS
from tests.conftest import ROOT, copy_default_project, run_cli

#: Words that would contradict a verdict if its plan or reading list used them.
HIRING = re.compile(r"\b(search|finalists?|recruit\w*|hire|hiring|job description)\b", re.I)
NO_EXECUTIVE = re.compile(r"\b(no new executive|not yet|lead it yourself)\b", re.I)
FRACTIONAL = re.compile(r"\bfractional\b", re.I)


@pytest.fixture(scope="module")
def assessments() -> dict[str, Assessment]:
    return {a.model.id: a.model for a in check(ROOT / "mkdocs.yml").assessments}


def readiness_cases() -> list[str]:
    return [name for name, s in SCENARIOS.items() if "readiness" in s]


def fit_cases() -> list[str]:
    return [name for name, s in SCENARIOS.items() if "fit" in s]


@pytest.mark.parametrize("name", readiness_cases())
def test_the_verdict_is_the_advisers(name: str, assessments: dict[str, Assessment]) -> None:
    case = SCENARIOS[name]["readiness"]
    result = score(assessments["readiness"], case["answers"])
    assert result["verdict"] == case["verdict"], (name, result["axes"])


@pytest.mark.parametrize("name", fit_cases())
def test_each_group_puts_the_advisers_option_first(
    name: str, assessments: dict[str, Assessment]
) -> None:
    case = SCENARIOS[name]["fit"]
    result = score(assessments["fit"], case["answers"])
    first = {
        group: (ids[0] if ids and result["scores"][ids[0]] is not None else None)
        for group, ids in result["ranking"].items()
    }
    assert first == case["first"], (name, result["scores"])
    assert sorted(result["excluded"]) == sorted(case["excluded"])


def test_every_verdict_is_reached_by_some_scenario(assessments: dict[str, Assessment]) -> None:
    reached = {SCENARIOS[n]["readiness"]["verdict"] for n in readiness_cases()}
    assert reached == {v.id for v in assessments["readiness"].verdicts} | {None}


@pytest.mark.parametrize("name", [n for n in readiness_cases() if n in fit_cases()])
def test_the_two_assessments_agree_on_who_leads(
    name: str, assessments: dict[str, Assessment]
) -> None:
    fit = assessments["fit"]
    assert fit.cross_check is not None
    verdict = score(assessments["readiness"], SCENARIOS[name]["readiness"]["answers"])["verdict"]
    ranking = score(fit, SCENARIOS[name]["fit"]["answers"])["ranking"][fit.cross_check.group]
    pointed = fit.cross_check.verdicts.get(verdict or "")
    if pointed is not None:
        assert ranking[0] == pointed, name


def test_no_plan_contradicts_its_verdict(assessments: dict[str, Assessment]) -> None:
    """Every action names the verdicts it serves; none speaks against one of them."""
    readiness = assessments["readiness"]
    verdicts = {v.id: v for v in readiness.verdicts}
    for action in readiness.actions:
        assert action.verdicts, f"{action.id} would join every plan"
        for verdict in action.verdicts:
            if verdict != "hire-full-time":
                assert not HIRING.search(action.text), (action.id, verdict)
            if verdict != "start-fractional":
                assert not FRACTIONAL.search(action.text), (action.id, verdict)
                assert action.owner != "fractional-cco", (action.id, verdict)
            if verdict in ("hire-full-time", "start-fractional"):
                assert not NO_EXECUTIVE.search(action.text), (action.id, verdict)
        # Nobody is in a CCO's seat within the first 90 days of any verdict.
        assert action.owner != "cco", action.id
    for verdict in verdicts.values():
        words = " ".join([verdict.summary, *(r.text for r in verdict.recommendations)])
        if verdict.id != "hire-full-time":
            assert not HIRING.search(words), verdict.id
        if verdict.id in ("hire-full-time", "start-fractional"):
            assert not NO_EXECUTIVE.search(words), verdict.id


@pytest.mark.parametrize("name", readiness_cases())
def test_each_plan_serves_its_verdict_in_stages(
    name: str, assessments: dict[str, Assessment]
) -> None:
    readiness = assessments["readiness"]
    result = score(readiness, SCENARIOS[name]["readiness"]["answers"])
    actions = {a.id: a for a in readiness.actions}
    plan = [actions[a] for a in result["plan"]]
    if result["verdict"] is None:
        assert plan == []
        return
    assert all(result["verdict"] in a.verdicts for a in plan)
    stages = [a.stage for a in plan]
    assert stages == sorted(stages) and set(stages) == {1, 2, 3}
    assert all(stages.count(s) <= readiness.actions_per_stage for s in (1, 2, 3))


@pytest.mark.parametrize("name", fit_cases())
def test_fit_plans_follow_the_options_that_come_first(
    name: str, assessments: dict[str, Assessment]
) -> None:
    fit = assessments["fit"]
    result = score(fit, SCENARIOS[name]["fit"]["answers"])
    firsts = {ids[0] for ids in result["ranking"].values() if ids}
    actions = {a.id: a for a in fit.actions}
    for action_id in result["plan"]:
        assert firsts.intersection(actions[action_id].outcomes), action_id
        assert not set(actions[action_id].outcomes) <= set(result["excluded"]), action_id


# --- the same scenarios in the browser ---------------------------------------------


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_default_project(tmp_path_factory.mktemp("scenarios"))
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def scorer(browser: Any, default_site: Path) -> Iterator[Any]:
    page = browser.new_page()
    page.goto((default_site / "assessments" / "readiness.html").as_uri())
    page.wait_for_function("() => typeof window.ccoPlaybook?.explain?.decisive === 'function'")
    yield page
    page.close()


@pytest.mark.browser
def test_the_browser_gives_the_same_advice_with_its_reasons(
    scorer: Any, assessments: dict[str, Assessment]
) -> None:
    cases = [
        (aid, SCENARIOS[name][aid]["answers"])
        for name in SCENARIOS
        for aid in ("readiness", "fit")
        if aid in SCENARIOS[name]
    ]
    got = json.loads(
        scorer.evaluate(
            """cases => JSON.stringify(cases.map(([id, answers]) => {
                 const result = window.ccoPlaybook.score(id, answers);
                 const spec = window.ccoPlaybookData.assessments[id];
                 return {result: result,
                         decisive: window.ccoPlaybook.explain.decisive(spec, result, answers),
                         missing: window.ccoPlaybook.explain.missing(spec, result, answers)};
               }))""",
            cases,
        )
    )
    for (aid, answers), browser in zip(cases, got, strict=True):
        assert browser["result"] == score(assessments[aid], answers)
        if browser["result"]["verdict"] is not None:
            # The verdict comes with the two or three answers that decided it.
            assert 2 <= len(browser["decisive"]) <= 3, (browser["result"]["verdict"], answers)
            assert set(browser["decisive"]) <= set(answers)
            assert browser["missing"] == []
        elif aid == "readiness":
            assert len(browser["missing"]) >= 5
            assert not set(browser["missing"]) & set(answers)
