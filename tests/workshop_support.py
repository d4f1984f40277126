"""Shared by the workshop browser tests: a built site, results files, the panel."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from generator.model import Assessment
from generator.playbook import check
from tests.helpers import FIXTURES, run_cli

PANEL = "[data-assessment-workshop-panel]"
FILES = "[data-workshop-files]"
BASELINE = "[data-workshop-baseline]"
SUMMARY = "[data-workshop-summary]"
PLAYBOOK = "assessment-test"


def build_fixture(project: Path) -> tuple[Path, dict[str, Assessment]]:
    """The assessment fixture built into ``project``, and its validated assessments."""
    shutil.copytree(FIXTURES / "assessment", project, dirs_exist_ok=True)
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project, {a.model.id: a.model for a in check(project / "mkdocs.yml").assessments}


def url(project: Path, assessment: str = "readiness") -> str:
    return (project / "site" / "assessments" / f"{assessment}.html").as_uri()


def export(answers: dict[str, str], label: str = "", **changes: Any) -> dict[str, Any]:
    """A results file as the readiness page of the fixture exports it."""
    data: dict[str, Any] = {
        "format": "cco-playbook-assessment",
        "playbook": PLAYBOOK,
        "brand": "Test & Co",
        "assessment": "readiness",
        "version": 4,
        "label": label,
        "exported": "2025-03-01T09:00:00.000Z",
        "answers": answers,
        "result": {"verdict": "ready", "scores": {"direction": 100}},
    }
    data.update(changes)
    return data


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def room(folder: Path, rows: list[tuple[str, dict[str, str]]], prefix: str = "r") -> list[Path]:
    """One file per (label, answers), each exported a second apart."""
    return [
        write(
            folder,
            f"{prefix}{i}.json",
            export(answers, label, exported=f"2025-03-01T09:00:{i:02d}.000Z"),
        )
        for i, (label, answers) in enumerate(rows)
    ]


def open_panel(page: Any, project: Path, assessment: str = "readiness") -> None:
    page.goto(url(project, assessment))
    page.click("[data-assessment-workshop]")
    page.locator(PANEL).wait_for(state="visible")


def load(page: Any, files: list[Path], target: str = FILES, respondents: int | None = None) -> None:
    """Hand files to an input and wait until the view has counted them."""
    page.set_input_files(target, [str(f) for f in files])
    page.locator(f"{SUMMARY}, [data-workshop-notices] .cco-notice").first.wait_for()
    if respondents is not None:
        page.wait_for_function(
            "n => document.querySelector('[data-workshop-summary] .cco-workshop__count')"
            "?.textContent.startsWith(n + ' ')",
            arg=respondents,
        )


def skipped(page: Any) -> list[tuple[str, str]]:
    """The skip notices as (reason, text)."""
    notes = page.locator("[data-workshop-notices] [data-skip-reason]").all()
    return [(n.get_attribute("data-skip-reason"), n.inner_text()) for n in notes]


def download(page: Any, hook: str) -> str:
    with page.expect_download() as done:
        page.click(hook)
    return Path(done.value.path()).read_text(encoding="utf-8-sig")
