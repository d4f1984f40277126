"""``cco-playbook new`` writes content that passes ``check`` and keeps existing text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.contrib.schema import MODELINE
from tests.conftest import run_cli


def _check_ok(project: Path) -> None:
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("kind", "folder", "schema"),
    [
        ("role", "roles", "role"),
        ("structure", "structures", "structure"),
        ("starting-point", "starting-points", "starting-point"),
    ],
)
def test_new_file_passes_check_and_names_its_schema(
    mini_project: Path, kind: str, folder: str, schema: str
) -> None:
    result = run_cli("new", kind, "brand-new", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    written = mini_project / "playbook" / folder / "brand-new.yml"
    assert f"wrote playbook/{folder}/brand-new.yml" in result.stderr
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"{MODELINE}../../schema/{schema}.schema.json"
    assert "id: brand-new" in lines
    _check_ok(mini_project)


def test_all_scaffolds_together_pass_check(mini_project: Path) -> None:
    for args in (
        ("role", "r1"),
        ("structure", "s1"),
        ("starting-point", "p1"),
        ("question", "q1", "--assessment", "readiness"),
    ):
        result = run_cli("new", *args, cwd=mini_project)
        assert result.returncode == 0, result.stderr
    _check_ok(mini_project)


def test_new_question_appends_to_a_scale_assessment_keeping_the_text(mini_project: Path) -> None:
    path = mini_project / "playbook/assessments/readiness.yml"
    before = path.read_text(encoding="utf-8")
    result = run_cli("new", "question", "budget", "--assessment", "readiness", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    stanza = (
        "  - id: budget\n"
        "    text: The statement or question to answer.\n"
        "    dimension: direction\n"
        "    scale: agreement\n"
    )
    # Inserted at the end of 'questions:', before 'verdicts:'; nothing else touched.
    last_question = (
        "  - {id: resources, text: Resources exist., dimension: capacity, scale: agreement}\n"
    )
    assert after == before.replace(last_question, last_question + stanza)
    _check_ok(mini_project)
    score = run_cli(
        "score", "--assessment", "readiness", str(_answers(mini_project)), cwd=mini_project
    )
    assert score.returncode == 0, score.stderr
    assert '"total": 4' in score.stdout


def _answers(project: Path) -> Path:
    answers = project / "answers.json"
    answers.write_text('{"budget": "yes"}', encoding="utf-8")
    return answers


def test_new_question_on_a_fit_assessment_at_the_end_of_the_file(mini_project: Path) -> None:
    path = mini_project / "playbook/assessments/where.yml"
    text = (
        "id: where\ntitle: Where?\nversion: 1\nsummary: Fit.\n"
        "groups:\n  - {id: where, title: Where}\n"
        "outcomes:\n  - {id: ceo-office, title: CEO office, group: where,"
        " link: starting-points/ceo-office}\n"
        "questions:\n"
        "- id: first\n  text: First?\n  choices:\n"
        "  - {id: a, label: A, points: {ceo-office: 1}}\n"
        "  - {id: b, label: B, points: {ceo-office: 0}}"  # no final newline on purpose
    )
    path.write_text(text, encoding="utf-8")
    _check_ok(mini_project)
    result = run_cli("new", "question", "second", "--assessment", "where", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text + "\n- id: second\n  text: ")
    assert "    points: {ceo-office: 2}\n" in after
    _check_ok(mini_project)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("role", "cco"), "'playbook/roles/cco.yml' already exists; choose another id"),
        (("role", "Bad_Id"), "'Bad_Id' is not a valid id"),
        (
            ("question", "goals", "--assessment", "readiness"),
            "assessment 'readiness' already has a question 'goals'",
        ),
        (
            ("question", "x", "--assessment", "readyness"),
            "unknown assessment 'readyness' (did you mean 'readiness'?)",
        ),
        (("question", "x"), "'new question' needs --assessment ID"),
    ],
)
def test_new_refuses_with_a_usage_error(
    mini_project: Path, args: tuple[str, ...], message: str
) -> None:
    before = {p: p.read_bytes() for p in (mini_project / "playbook").rglob("*.yml")}
    result = run_cli("new", *args, cwd=mini_project)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (mini_project / "playbook").rglob("*.yml")} == before
