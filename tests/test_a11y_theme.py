"""The package's Material template overrides: they reach every build, a project's own
``custom_dir`` still wins, and they stay copies of Material's partials with one change."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from generator.theme import THEME_OVERRIDES
from tests.conftest import run_cli, run_mkdocs

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
#: Each override: what it changes in Material's partial, as (Material's text, ours).
CHANGES = {
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog"'
            " aria-label=\"{{ lang.t('search') }}\">",
        )
    ],
    "partials/nav-item.html": [
        (
            'aria-labelledby="{{ path }}_label" aria-expanded',
            'aria-labelledby="{{ path }}_title" aria-expanded',
        ),
        (
            '<label class="md-nav__title" for="{{ path }}">',
            '<label class="md-nav__title" for="{{ path }}" id="{{ path }}_title">',
        ),
    ],
}
_HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


def test_every_override_is_listed_here() -> None:
    shipped = sorted(
        p.relative_to(THEME_OVERRIDES).as_posix() for p in THEME_OVERRIDES.rglob("*") if p.is_file()
    )
    assert shipped == sorted(CHANGES)


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_override_is_materials_partial_with_only_our_change(name: str) -> None:
    """When Material changes the partial, copy it again and re-apply the change."""
    ours = _HEADER.sub("", (THEME_OVERRIDES / name).read_text(encoding="utf-8"))
    theirs = _HEADER.sub("", (MATERIAL_PARTIALS.parent / name).read_text(encoding="utf-8"))
    for old, new in CHANGES[name]:
        assert theirs.count(old) == 1, f"Material's {name} changed near: {old}"
        assert ours.count(new) == 1, f"our {name} lost its change: {new}"
        theirs = theirs.replace(old, new)
    assert ours == theirs


def _search_dialog(html: str) -> str:
    found = re.search(r'<div class="md-search"[^>]*>', html)
    assert found, "no search dialog in the page"
    return found.group(0)


def _nested_navs(html: str) -> list[str]:
    return re.findall(r'<nav class="md-nav" data-md-level="1" aria-labelledby="([^"]+)"', html)


@pytest.mark.slow
def test_built_and_rendered_sites_name_the_search_dialog_and_sections_in_the_brand_language(
    mini_project: Path,
) -> None:
    brand = mini_project / "playbook" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("language: en", "language: de"))
    built = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert built.returncode == 0, built.stderr
    html = (mini_project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Suche"' in _search_dialog(html)
    navs = _nested_navs(html)
    assert navs, "the mini site has no nested navigation sections"
    for label in navs:
        assert label.endswith("_title")
        assert f'<label class="md-nav__title" for="{label[: -len("_title")]}" id="{label}">' in html

    rendered = run_cli("render", "--out", "rendered", cwd=mini_project)
    assert rendered.returncode == 0, rendered.stderr
    stock = run_mkdocs("build", "--strict", cwd=mini_project / "rendered")
    assert stock.returncode == 0, stock.stderr
    html = (mini_project / "rendered" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Suche"' in _search_dialog(html)
    assert _nested_navs(html) == navs


@pytest.mark.slow
def test_a_projects_own_custom_dir_wins_over_the_packages_overrides(mini_project: Path) -> None:
    custom = mini_project / "theme" / "partials"
    custom.mkdir(parents=True)
    (custom / "search.html").write_text('<div class="md-search" data-project-own="yes"></div>\n')
    config = mini_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\ntheme:\n  name: material\n" in text
    config.write_text(
        text.replace(
            "\ntheme:\n  name: material\n", "\ntheme:\n  name: material\n  custom_dir: theme\n"
        )
    )
    built = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert built.returncode == 0, built.stderr
    html = (mini_project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-project-own="yes"' in _search_dialog(html)
    # The package's other override still applies beneath the project's folder.
    assert _nested_navs(html) and all(n.endswith("_title") for n in _nested_navs(html))

    rendered = run_cli("render", "--out", "rendered", cwd=mini_project)
    assert rendered.returncode == 0, rendered.stderr
    overrides = mini_project / "rendered" / "overrides" / "partials"
    assert "data-project-own" in (overrides / "search.html").read_text(encoding="utf-8")
    assert (overrides / "nav-item.html").read_text(encoding="utf-8") == (
        THEME_OVERRIDES / "partials" / "nav-item.html"
    ).read_text(encoding="utf-8")
