"""The version gate (``check --since REF``) and the change report (``diff REF``) on real
git repositories in tmp_path."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from generator.contrib.gate import scoring_changes
from generator.model import Assessment
from tests.helpers import run_cli

READINESS = "playbook/assessments/readiness.yml"
_GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, **_GIT_ENV},
        check=True,
    )
    return done.stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(mini_project: Path) -> Path:
    git(mini_project, "init", "-q", "-b", "main")
    commit_all(mini_project, "base")
    return mini_project


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the version gate ------------------------------------------------------------


def test_changed_points_without_a_version_bump_fail(repo: Path) -> None:
    edit(
        repo,
        READINESS,
        "{id: partly, label: Partly, points: 1}",
        "{id: partly, label: Partly, points: 2}",
    )
    result = run_cli("check", "--since", "HEAD", cwd=repo)
    assert result.returncode == 1
    assert (
        "playbook/assessments/readiness.yml:3:10: version: the scoring of assessment"
        " 'readiness' changed since HEAD (scale 'agreement', choice 'partly': points 1 → 2),"
        " but its version is still 1 (raise 'version' to 2," in result.stderr
    )


def test_github_format_annotates_the_version_line(repo: Path) -> None:
    edit(
        repo,
        READINESS,
        "dimensions: {direction: 2, capacity: 1}",
        "dimensions: {direction: 3, capacity: 1}",
    )
    result = run_cli("check", "--since", "HEAD", "--format", "github", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=playbook/assessments/readiness.yml,line=3,col=10::version: the scoring"
    )
    assert "axis 'readiness': weight of 'direction' 2 → 3" in result.stdout


def test_a_version_bump_passes(repo: Path) -> None:
    edit(
        repo,
        READINESS,
        "{id: partly, label: Partly, points: 1}",
        "{id: partly, label: Partly, points: 2}",
    )
    edit(repo, READINESS, "version: 1", "version: 2")
    result = run_cli("check", "--since", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "assessment versions match their scoring since HEAD" in result.stderr


def test_rewording_needs_no_bump(repo: Path) -> None:
    edit(repo, READINESS, "text: Someone clarifies goals.", "text: Someone sets clear goals.")
    edit(repo, READINESS, "label: Partly", "label: In part")
    edit(repo, READINESS, "title: Ready,", "title: Ready to go,")
    result = run_cli("check", "--since", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr


def test_the_gate_compares_with_the_ref_not_the_working_tree(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    edit(repo, READINESS, "min: 70", "min: 75")
    edit(repo, READINESS, "version: 1", "version: 2")
    commit_all(repo, "bump")
    assert run_cli("check", "--since", base, cwd=repo).returncode == 0
    edit(repo, READINESS, "min: 75", "min: 80")
    result = run_cli("check", "--since", base, cwd=repo)
    assert result.returncode == 0, "version 2 > 1 at the base: the bump covers every change"
    result = run_cli("check", "--since", "HEAD", cwd=repo)
    assert result.returncode == 1
    assert "verdict 'ready': 'readiness' from 75 → 80" in result.stderr


def test_scoring_changes_lists_each_kind_of_change(repo: Path) -> None:
    import yaml

    data = yaml.safe_load((repo / READINESS).read_text(encoding="utf-8"))
    old = Assessment.model_validate(data)
    data["questions"] = [data["questions"][1], data["questions"][0], data["questions"][2]]
    data["questions"].append(
        {"id": "new", "text": "New.", "dimension": "capacity", "scale": "agreement"}
    )
    data["questions"][2]["dimension"] = "direction"
    data["scales"]["agreement"][3]["not_applicable"] = False
    data["scales"]["agreement"][3]["points"] = 0
    data["verdicts"].pop()
    assert scoring_changes(old, Assessment.model_validate(data)) == [
        "scale 'agreement', choice 'na': points none → 0",
        "scale 'agreement', choice 'na': not applicable yes → no",
        "question 'resources': dimension capacity → direction",
        "question 'new' added",
        "verdict 'not-yet' removed",
        "the questions were reordered",
    ]


def test_git_problems_are_clear_errors(repo: Path, tmp_path: Path) -> None:
    result = run_cli("check", "--since", "no-such-branch", cwd=repo)
    assert result.returncode == 1
    assert "unknown git ref 'no-such-branch'" in result.stderr
    assert "fetch-depth: 0" in result.stderr
    assert "Traceback" not in result.stderr
    outside = tmp_path / "outside"
    subprocess.run(["cp", "-r", str(repo), str(outside)], check=True)
    subprocess.run(["rm", "-rf", str(outside / ".git")], check=True)
    result = run_cli("check", "--since", "HEAD", cwd=outside)
    assert result.returncode == 1
    assert "is not inside a git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_without_since_needs_no_git(mini_project: Path) -> None:
    result = run_cli("check", cwd=mini_project, env={"PATH": "/nonexistent"})
    assert result.returncode == 0, result.stderr


# --- the change report -----------------------------------------------------------


def test_diff_reports_changes_between_two_commits(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    edit(repo, "playbook/roles/ceo.yml", "title:", "title: Chief executive #")
    (repo / "playbook/roles/cco.yml").unlink()
    edit(repo, "playbook/roles/ceo.yml", "roles/cco", "roles/ceo")
    assert run_cli("new", "role", "advocate", cwd=repo).returncode == 0
    assert (
        run_cli("new", "question", "budget", "--assessment", "readiness", cwd=repo).returncode == 0
    )
    edit(repo, READINESS, "text: There is a roadmap.", "text: A roadmap exists.")
    edit(repo, "playbook/brand.yml", "name: Mini Co", "name: Mini Co Europe\nedit_links: false")
    commit_all(repo, "changes")
    result = run_cli("diff", base, cwd=repo)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert report.startswith(f"## Content changes since `{base}`\n")
    assert "### Roles\n\n- **added** `advocate` (Advocate)\n- **removed** `cco`" in report
    assert "- **changed** `ceo`" in report and "`title`" in report
    assert (
        "### Assessments\n\n- **changed** `readiness` (version 1) — **scoring changed**\n"
        "  - question **added** `budget`\n  - question **changed** `roadmap`: `text`\n" in report
    )
    assert "### Brand settings\n\n- **changed** `name`: `Mini Co` → `Mini Co Europe`\n" in report
    assert "- **changed** `edit_links`: `True` → `False`" in report
    assert "### Team structures" not in report


def test_diff_with_no_changes(repo: Path) -> None:
    result = run_cli("diff", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert (
        "No changes to roles, structures, starting points, metrics, methods, decision rights,"
        " assessments or the brand." in result.stdout
    )
