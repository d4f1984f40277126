"""A glossary that fails validation is reported in its own file only: the nav entry and
the links that name its page are not reported again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.playbook import check


def errors_of(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    return [str(e) for e in info.value.errors]


@pytest.mark.parametrize(
    ("glossary", "expected"),
    [
        ("terms: 3\n", "playbook/glossary.yml:1:8: terms: input should be a valid list, found 3"),
        ("terms: [\n", "playbook/glossary.yml:2:1: "),
    ],
    ids=["field", "syntax"],
)
def test_a_failing_glossary_reports_only_its_own_errors(
    mini_project: Path, glossary: str, expected: str
) -> None:
    playbook = mini_project / "playbook"
    nav = (playbook / "playbook.yml").read_text(encoding="utf-8")
    assert "glossary.md" in nav  # the nav names the glossary's page
    role = playbook / "roles" / "cco.yml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("  - roles/ceo\n", "  - roles/ceo\n  - glossary.md\n", 1))
    (playbook / "glossary.yml").write_text(glossary, encoding="utf-8")
    errors = errors_of(mini_project)
    assert len(errors) == 1, errors
    assert errors[0].startswith(expected), errors
