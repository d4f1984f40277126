"""Stage 3: rendered Markdown, compared with reviewed golden files.

After an intended change to a template, regenerate the golden files with
``UPDATE_GOLDEN=1 pytest tests/test_pipeline_render.py`` and review the diff.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import ProjectError
from generator.playbook import check
from generator.render import link_to, relative_path, render_site, resolve_links

GOLDEN = Path(__file__).parent / "golden" / "mini"
FIXTURE = Path(__file__).parent / "fixtures" / "mini" / "mkdocs.yml"
GOLDEN_PAGES = [
    "roles/index.md",
    "roles/cco.md",
    "structures/index.md",
    "structures/line-dedicated.md",
    "starting-points/index.md",
    "starting-points/ceo-office.md",
    "glossary.md",
    "assessments/index.md",
    "assessments/readiness.md",
    "metrics/index.md",
    "metrics/grr.md",
    "methods/index.md",
    "methods/journey-mapping.md",
    "decision-rights/index.md",
    "decision-rights/line-dedicated.md",
]


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return render_site(check(FIXTURE)).pages


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_golden_markdown(rendered: dict[str, str], page: str) -> None:
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered[page], encoding="utf-8")
    assert rendered[page] == golden.read_text(encoding="utf-8")


def test_every_entity_has_a_page(rendered: dict[str, str]) -> None:
    assert sorted(rendered) == sorted([*GOLDEN_PAGES, "roles/ceo.md"])


def test_content_is_data_not_template_code(rendered: dict[str, str]) -> None:
    # The fixture's summary contains a Jinja expression; it must arrive literally.
    assert "Not {{ 7 * 7 }} things." in rendered["roles/cco.md"]
    assert "49" not in rendered["roles/cco.md"]


def test_brand_placeholder_is_plain_substitution(rendered: dict[str, str]) -> None:
    assert "Holds the whole customer picture for Mini Co." in rendered["roles/cco.md"]


def test_plain_strings_are_escaped(mini_project: Path) -> None:
    role = mini_project / "playbook" / "roles" / "ceo.yml"
    role.write_text(
        role.read_text().replace(
            "title: The CEO's part", 'title: "<img src=x onerror=alert(1)> & co"'
        )
    )
    pages = render_site(check(mini_project / "mkdocs.yml")).pages
    assert "# &lt;img src=x onerror=alert(1)&gt; &amp; co" in pages["roles/ceo.md"]
    assert "<img" not in pages["roles/ceo.md"]


def test_links_resolve_relative_to_the_page() -> None:
    assert link_to("roles/cco", "roles/ceo.md") == "cco.md"
    assert (
        link_to("assessments/readiness#goals", "roles/cco.md")
        == "../assessments/readiness.md#goals"
    )
    assert link_to("why-a-cco.md", "structures/index.md") == "../why-a-cco.md"
    assert link_to("roles/cco", "glossary.md") == "roles/cco.md"
    text = "See [a](roles/cco), [b](https://x.org/roles/cco) and [c](#here).\n\n[d]: roles/ceo"
    assert resolve_links(text, "structures/x.md") == (
        "See [a](../roles/cco.md), [b](https://x.org/roles/cco) and [c](#here).\n\n"
        "[d]: ../roles/ceo.md"
    )


def test_project_templates_override_the_package(mini_project: Path) -> None:
    templates = mini_project / "templates"
    templates.mkdir()
    (templates / "role.md.j2").write_text("# {{ item.title }}\n\nCustom layout.\n")
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      playbook: playbook\n", "      playbook: playbook\n      templates: templates\n"
        )
    )
    pages = render_site(check(config), mini_project / "templates").pages
    assert pages["roles/cco.md"] == "# Chief Customer Officer\n\nCustom layout.\n"
    assert "## Trade-offs" in pages["structures/line-dedicated.md"]


def test_undefined_template_value_is_an_error(mini_project: Path) -> None:
    templates = mini_project / "templates"
    templates.mkdir()
    (templates / "role.md.j2").write_text("# {{ item.no_such_field }}\n")
    with pytest.raises(
        ProjectError,
        match=r"template 'role.md.j2' failed while rendering"
        r" roles/cco.md: .* has no attribute 'no_such_field'",
    ):
        render_site(check(mini_project / "mkdocs.yml"), templates)


def test_template_syntax_error_names_file_and_line(mini_project: Path) -> None:
    templates = mini_project / "templates"
    templates.mkdir()
    (templates / "role.md.j2").write_text("# title\n\n{% if %}\n")
    with pytest.raises(ProjectError, match=r"role.md.j2:3: template error: "):
        render_site(check(mini_project / "mkdocs.yml"), templates)


def test_structure_matrix_is_generated_svg(rendered: dict[str, str]) -> None:
    index = rendered["structures/index.md"]
    assert '<svg class="cco-matrix" role="img"' in index
    assert ">Line leader, dedicated</text>" in index
    assert "Staff leader</text>" in index and "Dispersed team</text>" in index


def test_links_to_narrative_pages_use_their_heading(mini_project: Path) -> None:
    role = mini_project / "playbook" / "roles" / "ceo.yml"
    role.write_text(role.read_text().replace("related: [roles/cco]", "related: [index.md]"))
    pages = render_site(check(mini_project / "mkdocs.yml")).pages
    assert "- [Mini playbook](../index.md)" in pages["roles/ceo.md"]


@given(
    st.lists(st.sampled_from(["roles", "a", "b-c", "..", "."]), max_size=3),
    st.lists(st.sampled_from(["roles", "a", "b-c"]), max_size=3),
    st.sampled_from(["x.md", "index.md"]),
)
def test_relative_path_agrees_with_posixpath(
    folders: list[str], here: list[str], name: str
) -> None:
    target = "/".join([*folders, name])
    folder = "/".join(here)
    if posixpath.normpath(target).startswith("../"):
        return  # outside the site: no page links there
    assert relative_path(target, folder) == posixpath.relpath(target, folder or ".")
