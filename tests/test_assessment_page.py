"""The generated assessment page: interface language, question anchors, content blocks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.render import render_site
from generator.site import check
from tests.conftest import FIXTURES, run_cli


def test_interface_strings_follow_the_brand_language(mini_project: Path) -> None:
    brand = mini_project / "playbook" / "brand.yml"
    brand.write_text(brand.read_text().replace("language: en", "language: de"))
    result = run_cli("render", "--out", "out", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    page = (mini_project / "out" / "docs" / "assessments" / "readiness.md").read_text()
    assert '<button type="submit" class="md-button md-button--primary">Ergebnis anzeigen' in page
    assert "Ihre Antworten bleiben in diesem Browser" in page
    data = (
        mini_project / "out" / "docs" / "assets" / "playbook" / "assessment-data.js"
    ).read_text()
    assert '"clear":"Meine Antworten l\\u00f6schen"' in data
    assert '"language":"de"' in data


def test_question_anchors_resolve_under_strict_validation(mini_project: Path) -> None:
    index = mini_project / "docs" / "index.md"
    index.write_text(index.read_text() + "\n[A question](assessments/readiness.md#roadmap)\n")
    ok = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert ok.returncode == 0, ok.stderr
    html = (mini_project / "site" / "assessments" / "readiness.html").read_text()
    assert '<fieldset class="cco-question" data-question="roadmap" id="roadmap">' in html
    assert "<legend>2. There is a roadmap.</legend>" in html
    index.write_text(index.read_text() + "\n[Nothing](assessments/readiness.md#no-such-question)\n")
    broken = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert broken.returncode != 0
    assert "no-such-question" in broken.stderr


def test_result_content_is_rendered_from_markdown_with_resolved_links(
    mini_project: Path,
) -> None:
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    html = (mini_project / "site" / "assessments" / "readiness.html").read_text()
    assert (
        '<div class="cco-assessment__content" data-assessment-content=""'
        ' data-search-exclude="" hidden="hidden">' in html
    )
    assert '<li><a href="../roles/ceo.html">' in html
    assert "markdown=" not in html  # every Markdown block was processed


GOLDEN = Path(__file__).parent / "golden" / "assessment"


@pytest.mark.parametrize("page", ["readiness.md", "fit.md"])
def test_golden_assessment_pages(page: str) -> None:
    """Parts, context questions, verdicts, plan steps and options, as reviewed Markdown.
    After an intended change: ``UPDATE_GOLDEN=1 pytest tests/test_assessment_page.py``."""
    rendered = render_site(check(FIXTURES / "assessment" / "mkdocs.yml")).pages
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered[f"assessments/{page}"], encoding="utf-8")
    assert rendered[f"assessments/{page}"] == golden.read_text(encoding="utf-8")


def test_search_finds_the_questions_not_the_answer_labels_or_hidden_blocks(
    mini_project: Path,
) -> None:
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    index = json.loads((mini_project / "site" / "search" / "search_index.json").read_text())
    text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("assessments/"))
    assert "There is a roadmap." in text
    assert "Not applicable" not in text  # an answer label
    for hidden in ("Build the basics first.", "Name one owner", "Announce the role", "Owner:"):
        assert hidden not in text, hidden
