"""Stage 2: every content error in every file, located, with a suggestion."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.site import check


def errors_of(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    return [str(e) for e in info.value.errors]


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / "playbook" / rel
    text = path.read_text()
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1))


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / "playbook" / rel).read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_the_fixture_is_valid(mini_project: Path) -> None:
    playbook = check(mini_project / "mkdocs.yml")
    assert [r.model.id for r in playbook.roles] == ["cco", "ceo"]


def test_unknown_key_suggests_the_field(mini_project: Path) -> None:
    edit(mini_project, "roles/ceo.yml", "signals:", "signal:")
    line = line_of(mini_project, "roles/ceo.yml", "signal:")
    assert errors_of(mini_project) == [
        "playbook/roles/ceo.yml:1:1: signals: missing required key 'signals' (add 'signals: ...')",
        f"playbook/roles/ceo.yml:{line}:1: signal: unknown key 'signal' (did you mean 'signals'?)",
    ]


def test_unknown_dimension_in_a_question(mini_project: Path) -> None:
    edit(mini_project, "assessments/readiness.yml", "dimension: capacity", "dimension: capasity")
    line = line_of(mini_project, "assessments/readiness.yml", "capasity")
    col = (mini_project / "playbook/assessments/readiness.yml").read_text().splitlines()[
        line - 1
    ].index("capasity") + 1
    assert errors_of(mini_project) == [
        f"playbook/assessments/readiness.yml:{line}:{col}: questions[2].dimension:"
        " unknown dimension 'capasity' (did you mean 'capacity'?)"
    ]


def test_unquoted_yes_gets_a_hint(mini_project: Path) -> None:
    edit(mini_project, "assessments/readiness.yml", '{id: "yes"', "{id: yes")
    (error,) = errors_of(mini_project)
    assert re.fullmatch(
        r"playbook/assessments/readiness\.yml:\d+:\d+: scales\.agreement\[0\]\.id: expected text,"
        r" found the boolean true \(YAML reads unquoted yes, no, on, off, true, false as"
        r" booleans: put the value in quotes\)",
        error,
    )


def test_invalid_id(mini_project: Path) -> None:
    edit(mini_project, "roles/ceo.yml", "id: ceo", "id: The CEO")
    (error,) = errors_of(mini_project)
    assert error == (
        "playbook/roles/ceo.yml:1:5: id: 'The CEO' is not a valid id: use lowercase letters,"
        " digits and hyphens (for example 'the-ceo')"
    )


def test_errors_in_several_files_are_all_reported(mini_project: Path) -> None:
    edit(mini_project, "roles/ceo.yml", "title: The CEO's part", "title: [not, text]")
    edit(mini_project, "structures/line-dedicated.yml", "leader: line", "leader: lin")
    (mini_project / "playbook/starting-points/ceo-office.yml").write_text("id: ceo-office\n\tbad\n")
    errors = errors_of(mini_project)
    files = sorted({e.split(":")[0] for e in errors})
    assert files == [
        "playbook/roles/ceo.yml",
        "playbook/starting-points/ceo-office.yml",
        "playbook/structures/line-dedicated.yml",
    ]
    assert any("leader: 'lin' is not allowed here (did you mean 'line'?)" in e for e in errors)
    # A file that failed still counts as a page: links to it are not reported twice.
    assert not any("unknown page" in e for e in errors), errors


def test_reference_error_reported_beside_a_field_error_in_the_same_file(
    mini_project: Path,
) -> None:
    edit(mini_project, "roles/cco.yml", "  - roles/ceo\n", "  - roles/cxo\n")
    edit(mini_project, "roles/cco.yml", "order: 1", "order: first")
    errors = errors_of(mini_project)
    line = line_of(mini_project, "roles/cco.yml", "roles/cxo")
    assert errors == [
        "playbook/roles/cco.yml:5:8: order: input should be a valid integer, unable to parse"
        " string as an integer, found 'first'",
        f"playbook/roles/cco.yml:{line}:5: related[0]: unknown page 'roles/cxo'"
        " (did you mean 'roles/ceo'?)",
    ]


def test_reference_error_with_suggestion(mini_project: Path) -> None:
    edit(mini_project, "roles/cco.yml", "  - roles/ceo\n", "  - roles/cxo\n")
    line = line_of(mini_project, "roles/cco.yml", "roles/cxo")
    assert errors_of(mini_project) == [
        f"playbook/roles/cco.yml:{line}:5: related[0]: unknown page 'roles/cxo'"
        " (did you mean 'roles/ceo'?)"
    ]


def test_links_inside_text_are_checked(mini_project: Path) -> None:
    edit(mini_project, "roles/cco.yml", "[the CEO](roles/ceo)", "[the CEO](roles/chief)")
    (error,) = errors_of(mini_project)
    assert "purpose: unknown page 'roles/chief'" in error


def test_unknown_question_anchor(mini_project: Path) -> None:
    edit(mini_project, "roles/cco.yml", "readiness#goals", "readiness#gaols")
    (error,) = errors_of(mini_project)
    assert "unknown question 'gaols' in 'assessments/readiness.md' (did you mean 'goals'?)" in error


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello <script>alert(1)</script>", "raw HTML '<script>' is not allowed in content text"),
        ("See <b>this</b>", "raw HTML '<b>' is not allowed in content text"),
        ("[click](javascript:alert(1))", "the link 'javascript:alert(1)' uses 'javascript:'"),
        ("[x](data:text/html;base64,AAAA)", "uses 'data:', which is not allowed"),
        ("[x](../elsewhere.html)", "the link '../elsewhere.html' is not a playbook link"),
    ],
)
def test_text_fields_refuse_html_and_unsafe_links(
    mini_project: Path, text: str, expected: str
) -> None:
    edit(
        mini_project,
        "roles/ceo.yml",
        "summary: Sets the customer vision with the CCO.",
        f"summary: {text!r}".replace("'", '"'),
    )
    (error,) = errors_of(mini_project)
    assert error.startswith("playbook/roles/ceo.yml:3:10: summary: "), error
    assert expected in error


def test_https_mailto_and_autolinks_are_fine(mini_project: Path) -> None:
    edit(
        mini_project,
        "roles/ceo.yml",
        "summary: Sets the customer vision with the CCO.",
        'summary: "[site](https://example.org), [mail](mailto:a@b.c), <https://x.org>, 1 < 2"',
    )
    check(mini_project / "mkdocs.yml")


def test_stray_file_is_reported(mini_project: Path) -> None:
    (mini_project / "playbook" / "role").mkdir()
    (mini_project / "playbook" / "role" / "x.yml").write_text("id: x\n")
    assert errors_of(mini_project) == [
        "playbook/role/x.yml:1:1: unknown content folder 'role': this file is not read"
        " (did you mean 'roles'?)"
    ]


def test_nav_entries_are_checked(mini_project: Path) -> None:
    edit(mini_project, "playbook.yml", "  - structures\n", "  - structure\n")
    errors = errors_of(mini_project)
    assert any(
        "nav[2]: the nav names 'structure'" in e and "did you mean 'structures'" in e
        for e in errors
    ), errors
    assert any(
        "there is content in 'structures/' but the nav does not place it" in e for e in errors
    ), errors


def test_assessment_rules(mini_project: Path) -> None:
    edit(
        mini_project,
        "assessments/readiness.yml",
        "{readiness: {max: 69}}",
        "{readyness: {max: 69}}",
    )
    edit(mini_project, "assessments/readiness.yml", "scale: agreement}", "scale: agree}")
    errors = errors_of(mini_project)
    assert any(
        "verdicts[1].when.scores.readyness: unknown score 'readyness'"
        " (did you mean 'readiness'?)" in e
        for e in errors
    )
    assert any(
        "questions[1].scale: unknown scale 'agree' (did you mean 'agreement'?)" in e for e in errors
    )


def test_duplicate_ids_across_files(mini_project: Path) -> None:
    text = (mini_project / "playbook/roles/ceo.yml").read_text()
    (mini_project / "playbook/roles/ceo-copy.yml").write_text(text)
    (error,) = errors_of(mini_project)
    assert error.startswith(
        "playbook/roles/ceo.yml:1:5: id: the id 'ceo' is already used by"
        " playbook/roles/ceo-copy.yml"
    )
