"""One scoring definition, two implementations: the page's JavaScript and the Python
reference must return identical JSON on generated answer sets."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import Assessment
from generator.scoring import score
from generator.site import check
from tests.conftest import FIXTURES, run_cli

pytestmark = pytest.mark.browser

#: Generated answer sets compared per assessment, at least.
MIN_CASES = 200
SCENARIOS = Path(__file__).parent / "data" / "assessment_scenarios.yml"


@pytest.fixture(scope="module", params=["fixture", "default"])
def scored_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Assessment]]:
    """A built site and its validated assessments: the test fixture and the default content."""
    root = Path(__file__).resolve().parent.parent
    project = tmp_path_factory.mktemp(f"parity-{request.param}")
    if request.param == "fixture":
        shutil.copytree(FIXTURES / "assessment", project, dirs_exist_ok=True)
    else:
        for name in ("mkdocs.yml", "playbook", "docs"):
            src = root / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    playbook = check(project / "mkdocs.yml")
    return project / "site", {a.model.id: a.model for a in playbook.assessments}


@pytest.fixture(scope="module")
def scorer_page(browser: Any, scored_site: tuple[Path, dict[str, Assessment]]) -> Iterator[Any]:
    site, assessments = scored_site
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((site / "assessments" / f"{next(iter(assessments))}.html").as_uri())
    page.wait_for_function("() => typeof window.ccoPlaybook?.score === 'function'")
    yield page
    page.close()
    assert errors == []


def in_browser(page: Any, cases: list[tuple[str, dict[str, Any]]]) -> list[Any]:
    """Score every case in one round trip; the JSON text is compared, not just the values."""
    return json.loads(
        page.evaluate(
            """cases => JSON.stringify(cases.map(([id, answers]) =>
             window.ccoPlaybook.score(id, answers)))""",
            cases,
        )
    )


def answer_sets(assessment: Assessment) -> st.SearchStrategy[dict[str, Any]]:
    """Partial answer sets with stray questions and nonsense choices mixed in, and
    complete ones (which reach verdicts, rankings and plans far more often)."""
    choice = {
        q.id: st.sampled_from([c.id for c in assessment.choices_of(q)])
        for q in assessment.questions
    }
    noisy = {
        q: st.one_of(strategy, st.sampled_from([None, "bogus", "__proto__"]))
        for q, strategy in choice.items()
    }
    partial = st.fixed_dictionaries({}, optional={**noisy, "not-a-question": st.just("yes")})
    return st.one_of(partial, st.fixed_dictionaries(choice))


def extremes(assessment: Assessment) -> list[dict[str, Any]]:
    """All-lowest, all-highest, all not-applicable, empty, and every single answer alone."""
    lowest: dict[str, Any] = {}
    highest: dict[str, Any] = {}
    na: dict[str, Any] = {}
    singles: list[dict[str, Any]] = []
    for q in assessment.questions:
        choices = assessment.choices_of(q)
        scored = [c for c in choices if not c.not_applicable]

        def total(choice: Any, q: Any = q) -> int:
            return sum(assessment.points_of(q, choice).values())

        lowest[q.id] = min(scored, key=total).id
        highest[q.id] = max(scored, key=total).id
        na[q.id] = next((c.id for c in choices if c.not_applicable), scored[0].id)
        singles += [{q.id: c.id} for c in choices]
    return [{}, lowest, highest, na, *singles]


def test_the_fixed_cases_agree(
    scorer_page: Any, scored_site: tuple[Path, dict[str, Assessment]]
) -> None:
    _, assessments = scored_site
    cases = [(a.id, answers) for a in assessments.values() for answers in extremes(a)]
    if "fit" in assessments and "people" in {q.id for q in assessments["fit"].questions}:
        # The default content: every scenario, so each verdict is compared too.
        for scenario in yaml.safe_load(SCENARIOS.read_text(encoding="utf-8")).values():
            cases += [
                (aid, scenario[aid]["answers"]) for aid in ("readiness", "fit") if aid in scenario
            ]
        verdicts = {
            score(assessments["readiness"], a)["verdict"] for i, a in cases if i == "readiness"
        }
        assert verdicts >= {v.id for v in assessments["readiness"].verdicts} | {None}
    expected = [score(assessments[aid], answers) for aid, answers in cases]
    assert in_browser(scorer_page, cases) == expected
    assert json.dumps(in_browser(scorer_page, cases)) == json.dumps(expected)


@pytest.mark.parametrize("assessment_id", ["readiness", "fit"])
def test_generated_answer_sets_agree(
    scorer_page: Any, scored_site: tuple[Path, dict[str, Assessment]], assessment_id: str
) -> None:
    _, assessments = scored_site
    assessment = assessments[assessment_id]
    compared = [0]

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(batch=st.lists(answer_sets(assessment), min_size=10, max_size=30))
    def agree(batch: list[dict[str, Any]]) -> None:
        expected = [score(assessment, answers) for answers in batch]
        got = in_browser(scorer_page, [(assessment_id, answers) for answers in batch])
        # Same values and the same key order in the JSON text.
        assert json.dumps(got) == json.dumps(expected)
        compared[0] += len(batch)

    agree()
    assert compared[0] >= MIN_CASES


def test_unknown_assessment_throws(scorer_page: Any) -> None:
    message = scorer_page.evaluate(
        """() => { try { window.ccoPlaybook.score('no-such', {}); return 'no error'; }
                   catch (e) { return e.message; } }"""
    )
    assert message == "unknown assessment: no-such"
    assert (
        scorer_page.evaluate(
            "() => { try { window.ccoPlaybook.score('__proto__', {}); return 'no'; }"
            " catch (e) { return 'threw'; } }"
        )
        == "threw"
    )
