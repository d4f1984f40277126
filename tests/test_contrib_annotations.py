"""``check --format github`` turns content errors into pull-request annotations."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli


def _break_role(project: Path) -> None:
    path = project / "playbook/roles/cco.yml"
    text = path.read_text(encoding="utf-8")
    # Line 5 of the file: 'order: 1' becomes text, and a key is misspelt on line 2.
    text = text.replace("order: 1\n", "order: first\n").replace("title:", "titel:", 1)
    path.write_text(text, encoding="utf-8")


def test_github_format_prints_exact_annotations(mini_project: Path) -> None:
    _break_role(mini_project)
    result = run_cli("check", "--format", "github", cwd=mini_project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # Exact positions; the wording belongs to the validation messages and may improve.
    expected = [
        ("::error file=playbook/roles/cco.yml,line=1,col=1::", "missing required key 'title'"),
        ("::error file=playbook/roles/cco.yml,line=2,col=1::titel: ", "(did you mean 'title'?)"),
        ("::error file=playbook/roles/cco.yml,line=5,col=8::order: ", "found 'first'"),
    ]
    assert len(lines) == len(expected), result.stdout
    for line, (prefix, part) in zip(lines, expected, strict=True):
        assert line.startswith(prefix), line
        assert part in line
    assert "3 content errors" in result.stderr


def test_text_format_stays_file_line_col(mini_project: Path) -> None:
    _break_role(mini_project)
    result = run_cli("check", cwd=mini_project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "playbook/roles/cco.yml:5:8: order: " in result.stderr
    assert "::error" not in result.stderr


def test_annotation_messages_escape_newlines_and_percent(mini_project: Path) -> None:
    path = mini_project / "playbook/roles/cco.yml"
    path.write_text(path.read_text(encoding="utf-8") + "100%\n  odd: [\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", cwd=mini_project)
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("::error file=playbook/roles/cco.yml,line=")
    assert "\n" not in line.split("::", 2)[2]
