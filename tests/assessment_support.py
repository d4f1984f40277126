"""Shared by the assessment browser tests: the built sites and page helpers."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.scoring import score
from generator.site import check
from tests.conftest import FIXTURES, PageWatch, run_cli

#: Realistic answer patterns and the advice they call for (see the file's header).
SCENARIOS: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "data" / "assessment_scenarios.yml").read_text(encoding="utf-8")
)
RESULT = "[data-assessment-result]"
OUR_KEYS = "Object.keys(localStorage).filter(k => k.startsWith('cco-playbook:'))"
NOTICE = "[data-assessment-notice]"


def build_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The assessment fixture built twice: as itself, and as another playbook in another folder."""
    built: dict[str, Path] = {}
    for name, playbook_id in (("a", "assessment-test"), ("b", "other-playbook")):
        project = tmp_path_factory.mktemp(f"assessment-{name}")
        shutil.copytree(FIXTURES / "assessment", project, dirs_exist_ok=True)
        info = project / "playbook" / "playbook.yml"
        info.write_text(info.read_text().replace("id: assessment-test", f"id: {playbook_id}"))
        result = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
        assert result.returncode == 0, result.stderr
        built[name] = project
    return built


def url(
    sites: dict[str, Path], assessment: str = "readiness", fragment: str = "", site: str = "a"
) -> str:
    return (sites[site] / "site" / "assessments" / f"{assessment}.html").as_uri() + fragment


def expected(sites: dict[str, Path], answers: dict[str, str], assessment: str = "readiness") -> Any:
    playbook = check(sites["a"] / "mkdocs.yml")
    found = {a.model.id: a.model for a in playbook.assessments}
    return score(found[assessment], answers)


def checked(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('input[type=radio]:checked')]
                                     .map(i => [i.name, i.value]))"""
    )


def answer(page: Any, answers: dict[str, str]) -> None:
    for question, choice in answers.items():
        page.check(f"fieldset[data-question='{question}'] input[value='{choice}']")


def clean(watch: PageWatch) -> None:
    assert watch.page_errors == []
    assert watch.outside_requests == []
