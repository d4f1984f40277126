"""One scoring definition, two implementations: the page's JavaScript and the Python
reference must return identical JSON on generated answer sets."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.assessment import score
from generator.model import Assessment
from generator.playbook import check
from tests.helpers import FIXTURES, run_cli

pytestmark = pytest.mark.browser

#: Answer sets compared so far, per site; the test asserts at least MIN_CASES each.
MIN_CASES = 200


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
    """Partial and complete answer sets, with stray questions and nonsense choices mixed in."""
    per_question = {
        q.id: st.one_of(
            st.sampled_from([c.id for c in assessment.choices_of(q)]),
            st.sampled_from([None, "bogus", "__proto__"]),
        )
        for q in assessment.questions
    }
    return st.fixed_dictionaries({}, optional={**per_question, "not-a-question": st.just("yes")})


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
    expected = [score(assessments[aid], answers) for aid, answers in cases]
    assert in_browser(scorer_page, cases) == expected
    assert json.dumps(in_browser(scorer_page, cases)) == json.dumps(expected)


def test_generated_answer_sets_agree(
    scorer_page: Any, scored_site: tuple[Path, dict[str, Assessment]]
) -> None:
    _, assessments = scored_site
    compared: list[int] = [0]
    strategy = st.lists(
        st.one_of(*[st.tuples(st.just(a.id), answer_sets(a)) for a in assessments.values()]),
        min_size=5,
        max_size=30,
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(batch=strategy)
    def agree(batch: list[tuple[str, dict[str, Any]]]) -> None:
        expected = [score(assessments[aid], answers) for aid, answers in batch]
        got = in_browser(scorer_page, batch)
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
