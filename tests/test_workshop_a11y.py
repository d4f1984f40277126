"""axe-core finds no serious or critical problem in the workshop view: the group result,
names shown, and the facilitator view, light at desktop width and dark on a phone."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.playbook import check
from tests.a11y_support import VIEWS, axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(params=sorted(VIEWS))
def view(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    context = browser.new_context(**VIEWS[request.param])
    yield request.param, context
    context.close()


def results(site: Path, assessment_id: str, folder: Path, count: int = 8) -> list[str]:
    """Exported results with random answers, in three teams."""
    found = {a.model.id: a.model for a in check(site.parent / "mkdocs.yml").assessments}
    assessment = found[assessment_id]
    rng = random.Random(assessment_id)
    paths = []
    for i in range(count):
        data = {
            "format": "cco-playbook-assessment",
            "playbook": "cco-playbook",
            "assessment": assessment_id,
            "version": assessment.version,
            "label": f"{('Sales', 'Service')[i % 2]}: Person {i}",
            "exported": f"2025-03-01T09:00:{i:02d}.000Z",
            "answers": {
                q.id: rng.choice(assessment.choices_of(q)).id for q in assessment.questions
            },
        }
        path = folder / f"{assessment_id}-{i}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("assessment_id", ["readiness", "fit"])
def test_the_workshop_view_has_no_serious_axe_violation(
    built_default_site: Path, view: tuple[str, Any], tmp_path: Path, assessment_id: str
) -> None:
    name, context = view
    page = context.new_page()
    where = f"{name} {assessment_id}"
    page.goto((built_default_site / "assessments" / f"{assessment_id}.html").as_uri())
    page.click("[data-assessment-workshop]")
    problems = axe_problems(page, f"{where} (empty)")
    page.set_input_files(
        "[data-workshop-files]", results(built_default_site, assessment_id, tmp_path)
    )
    page.wait_for_selector("[data-workshop-topics]")
    page.click("[data-workshop-guide] summary")
    problems += axe_problems(page, f"{where} (group result)")
    page.uncheck("[data-workshop-anonymous]")
    page.wait_for_selector("[data-workshop-people]")
    problems += axe_problems(page, f"{where} (names shown)")
    page.click("[data-workshop-facilitate]")
    page.wait_for_selector("[data-workshop-facilitator]")
    page.click("[data-facilitator-reveal]")
    problems += axe_problems(page, f"{where} (facilitator)")
    assert problems == []
