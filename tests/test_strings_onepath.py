"""One path for the tool's words: templates and page-writing Python hold none of their own,
and every template, a project's own included, reads them from ``ui``."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ProjectError
from generator.matrix import structure_matrix
from generator.playbook import check
from generator.render import render_site
from generator.site.brand import palette_toggle
from generator.ui_strings import ui_strings
from tests.helpers import ROOT
from tests.strings_scan import english_in_python, english_in_template

TEMPLATES = sorted(
    [
        *(ROOT / "generator" / "templates").glob("*.j2"),
        *(ROOT / "generator" / "site" / "overrides").glob("*.html"),
    ]
)
#: The modules whose strings end up in a page, the PDF, the ZIP or Material's settings.
PAGE_WRITERS = sorted(
    [
        *(ROOT / "generator").glob("*.py"),
        *(ROOT / "generator" / "site").glob("*.py"),
        *(ROOT / "generator" / "publish").glob("*.py"),
    ]
)
#: Literals the scan flags that speak to a maintainer, never to a reader, and why.
MAINTAINER_TEXT = {
    # The notes that mark the folders `render --out` and `build` own (outputs.py).
    "generator/site/standalone.py": ("Written by 'cco-playbook render'",),
    "generator/site/swap.py": ("Written by 'cco-playbook build'",),
    # Command-line messages when the PDF cannot be printed.
    "generator/publish/pdf.py": ("--pdf needs Playwright", "cannot print the PDF", " to a working"),
}
#: Modules that talk to the command line or to other programs only, not to readers.
NOT_PAGE_WRITERS = {
    "generator/browser.py",
    "generator/cli.py",
    "generator/diagnostics.py",
    "generator/errors.py",
    "generator/group.py",
    "generator/group_files.py",
    # Content errors and warnings for translators; the notice on pages comes from ui.
    "generator/layer.py",
    "generator/site/config.py",
}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_write_no_words_of_their_own(template: Path) -> None:
    assert english_in_template(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "module",
    [p for p in PAGE_WRITERS if p.relative_to(ROOT).as_posix() not in NOT_PAGE_WRITERS],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_page_writing_modules_write_no_words_of_their_own(module: Path) -> None:
    rel = module.relative_to(ROOT).as_posix()
    allowed = MAINTAINER_TEXT.get(rel, ())
    found = [
        (line, text)
        for line, text in english_in_python(module.read_text(encoding="utf-8"))
        if not text.startswith(allowed)
    ]
    assert found == []


def test_the_template_scan_catches_a_heading_typed_into_a_template() -> None:
    assert english_in_template("## Related\n") == ["Related"]
    assert english_in_template('{{ m.section("What it is not", item.not_this) }}\n') == [
        "What it is not"
    ]
    assert english_in_template('<p title="Print this">{{ ui.print }}</p>\n') == ["Print", "this"]
    assert english_in_template("**Leader:** {{ item.leader }}\n") == ["Leader"]
    # What is no word for a reader passes: tags, ids, link targets, classes, front matter.
    fine = (
        "---\nsearch:\n  boost: 1.5\n---\n{# A comment may say anything. #}\n"
        '## [{{ e.title }}]({{ e.id }}.md)\n<div class="cco-x" markdown="1">\n'
        "{{ ui.page_related }}\n</div>\n[x](<{{ u | url }}>){: .md-button }\n"
        "{% set part = item.parts | selectattr('id', 'equalto', q.part) | first %}\n"
        "<style>@import url(\"{{ asset_url('a.css', page_path) }}\");</style>\n"
    )
    assert english_in_template(fine) == []


def test_the_python_scan_catches_labels_typed_into_python() -> None:
    source = (
        '"""A docstring says anything."""\n'
        '_TOGGLE = {"en": ("Switch to dark mode", "Switch to light mode")}\n'
        "svg = f'<text x=\"{x}\">{team.capitalize()} team</text>'\n"
        'alt = \'<img src="x.png" alt="Company logo">\'\n'
        'raise ProjectError(f"Cannot read the file {name}")\n'
        'log.warning("Something went wrong here")\n'
        "css = '/* Kept in one place. */ .a { color: red; }'\n"
        "html = f'<p class=\"x\">{escape(words)}</p>'\n"
    )
    assert sorted(line for line, _ in english_in_python(source)) == [2, 2, 3, 4]
    # The matrix's labels as they were written before they moved to the strings files.
    matrix = (
        "parts = [\n"
        "    '<title id=\"cco-matrix-title\">Team structures: leader type by team type</title>',\n"
        "    f'<text fill=\"currentColor\">{leader.capitalize()} leader</text>',\n"
        "]\n"
    )
    assert sorted(line for line, _ in english_in_python(matrix)) == [2, 3]


def test_every_template_a_project_adds_reads_ui(mini_project: Path) -> None:
    """A project's own template (and a new kind's) sees ``ui`` as the package's do."""
    brand = mini_project / "playbook" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("language: en", "language: de"))
    templates = mini_project / "templates"
    templates.mkdir()
    (templates / "roles-index.md.j2").write_text(
        "# {{ section.title }}\n\n{{ ui.page_related }} · {{ ui.page_first_steps }}\n",
        encoding="utf-8",
    )
    playbook = check(mini_project / "mkdocs.yml")
    site = render_site(playbook, templates)
    assert site.pages["roles/index.md"].endswith("Verwandte Seiten · Erste Schritte\n")
    assert "## Verantwortlichkeiten {: #accountabilities }\n" in site.pages["roles/cco.md"]
    assert (
        "**Leitung:** Linie · **Team:** eigenes Team" in site.pages["structures/line-dedicated.md"]
    )
    assert "## Related" not in "".join(site.pages.values())


def test_a_missing_key_in_a_template_is_an_error_not_a_blank(mini_project: Path) -> None:
    templates = mini_project / "templates"
    templates.mkdir()
    (templates / "roles-index.md.j2").write_text("{{ ui.page_relatd }}\n", encoding="utf-8")
    playbook = check(mini_project / "mkdocs.yml")
    with pytest.raises(ProjectError, match="page_relatd"):
        render_site(playbook, templates)


def test_the_matrix_and_the_toggle_speak_the_language(mini_project: Path) -> None:
    playbook = check(mini_project / "mkdocs.yml")
    german = str(structure_matrix(playbook, ui_strings("de")))
    assert '<title id="cco-matrix-title">Teamstrukturen: Art der Leitung nach Art des Teams' in (
        german
    )
    for label in ("Eigenes Team", "Verteiltes Team", "Leitung im Stab", "Leitung in der Linie"):
        assert f">{label}</text>" in german
    english = str(structure_matrix(playbook, ui_strings("en")))
    for label in ("Dedicated team", "Dispersed team", "Staff leader", "Line leader"):
        assert f">{label}</text>" in english
    toggles = [scheme["toggle"]["name"] for scheme in palette_toggle("de")]
    assert toggles == ["Zum dunklen Modus wechseln", "Zum hellen Modus wechseln"]
    assert [s["toggle"]["name"] for s in palette_toggle("en-GB")] == [
        "Switch to dark mode",
        "Switch to light mode",
    ]
