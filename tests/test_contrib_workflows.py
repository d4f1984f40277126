"""The CI workflows and pre-commit hooks parse, and every command they run exists."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import _parser
from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def _load(path: Path) -> Any:
    # PyYAML reads the key 'on' as True (YAML 1.1); the workflow text is still right.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^([A-Z_]+)\s*[:?]?=\s*(\S+)\s*$", text, re.M))
    targets: set[str] = set()
    for line in re.findall(r"^([^\s#=][^:=]*):(?!=)", text, re.M):
        for name in line.split():
            targets.add(re.sub(r"\$\((\w+)\)", lambda m: variables.get(m[1], m[0]), name))
    return targets


def _commands(script: str) -> list[list[str]]:
    """Each simple command of a shell script, split into words (continuations joined)."""
    out = []
    for line in script.replace("\\\n", " ").splitlines():
        for part in re.split(r"\|\||&&|\||;", line):
            words = shlex.split(part.split(" #")[0], posix=True) if part.strip() else []
            if words:
                out.append(words)
    return out


def _runs(data: Any) -> list[str]:
    scripts = []
    for job in data["jobs"].values():
        for step in job.get("steps", []):
            if "run" in step:
                scripts.append(step["run"])
    return scripts


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _check_cco_playbook(words: list[str]) -> None:
    subs = _subcommands()
    index = next(i for i, w in enumerate(words) if w.endswith("cco-playbook"))
    rest = words[index + 1 :]
    assert rest and rest[0] in subs, f"unknown cco-playbook subcommand in {words}"
    options = subs[rest[0]]._option_string_actions
    for word in rest[1:]:
        if word.startswith("--"):
            assert word.split("=")[0] in options, f"'{word}' is not an option of {rest[0]}"


def _check_make(words: list[str], targets: set[str]) -> None:
    for target in (w for w in words[1:] if not w.startswith("-") and "=" not in w):
        assert target in targets, f"make target '{target}' is not in the Makefile"


def _check_scripts(scripts: list[str]) -> int:
    targets = _make_targets()
    seen = 0
    for script in scripts:
        for words in _commands(script):
            if words[0] == "make":
                _check_make(words, targets)
                seen += 1
            elif any(w.endswith("cco-playbook") for w in words[:1]):
                _check_cco_playbook(words)
                seen += 1
            elif words[0].endswith("python") and words[1:2] != ["-m"] and len(words) > 1:
                assert (ROOT / words[1]).is_file(), f"no script {words[1]}"
                seen += 1
    return seen


def test_there_is_a_pull_request_and_a_publish_workflow() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "publish.yml"} <= names
    pr = _load(ROOT / ".github/workflows/pull-request.yml")
    assert "pull_request" in pr[True]
    publish = _load(ROOT / ".github/workflows/publish.yml")
    assert publish[True]["push"]["branches"] == ["main"]
    assert publish["permissions"]["pages"] == "write"
    uses = [s.get("uses", "") for job in publish["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_pull_request_workflow_runs_the_gate_tests_and_uploads_previews() -> None:
    pr = _load(ROOT / ".github/workflows/pull-request.yml")
    text = "\n".join(_runs(pr))
    assert "cco-playbook check --format github --since" in text
    assert "git merge-base" in text
    assert "cco-playbook diff" in text
    assert "make test" in text
    assert "playwright install --with-deps chromium" in text
    assert re.search(r"cco-playbook build .*--zip", text)
    steps = [s for job in pr["jobs"].values() for s in job["steps"]]
    uploads = [
        s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert "site/" in uploads and any(p.endswith(".zip") for p in uploads)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the merge base must be fetched


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_command_a_workflow_runs_exists(path: Path) -> None:
    data = _load(path)
    for job in data["jobs"].values():
        for step in job["steps"]:
            assert ("run" in step) != ("uses" in step), step
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
    assert _check_scripts(_runs(data)) >= 1


def test_pre_commit_runs_check_and_ruff() -> None:
    config = _load(ROOT / ".pre-commit-config.yaml")
    hooks = {h["id"]: (repo["repo"], h) for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["ruff-check"][0] == "https://github.com/astral-sh/ruff-pre-commit"
    assert "ruff-format" in hooks
    local = hooks["cco-playbook-check"][1]
    assert _check_scripts([local["entry"]]) == 1
    assert re.search(local["files"], "playbook/roles/cco.yml")
    ruff_rev = next(r["rev"] for r in config["repos"] if "ruff" in r["repo"])
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert f"ruff=={ruff_rev.removeprefix('v')}" in constraints


def test_the_checker_catches_a_missing_command() -> None:
    with pytest.raises(AssertionError, match="not in the Makefile"):
        _check_scripts(["make no-such-target"])
    with pytest.raises(AssertionError, match="unknown cco-playbook subcommand"):
        _check_scripts([".venv/bin/cco-playbook publish"])
    with pytest.raises(AssertionError, match="is not an option"):
        _check_scripts(['.venv/bin/cco-playbook check --sinse "$BASE"'])
