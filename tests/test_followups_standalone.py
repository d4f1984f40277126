"""The plugin-free project ``render --out`` writes, built by stock MkDocs + Material, is as
safe and searches as well as the plugin build: a role title full of markup stays text in
``<title>``, and the search splits words with the same options."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import PageWatch, copy_default_project, run_cli, run_mkdocs
from tests.test_search_quality import search, site_path

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Material prints titles through ``striptags``, which would unescape this into markup.
HOSTILE_TITLE = "</title><script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same project built by ``cco-playbook build`` and, rendered, by stock MkDocs."""
    project = copy_default_project(tmp_path_factory.mktemp("standalone") / "project")
    role = project / "playbook" / "roles" / "cco.yml"
    text = role.read_text(encoding="utf-8")
    role.write_text(
        text.replace("title: Chief Customer Officer", f"title: {json.dumps(HOSTILE_TITLE)}"),
        encoding="utf-8",
    )
    built = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert built.returncode == 0, built.stderr
    rendered = run_cli("render", "--out", "rendered", cwd=project)
    assert rendered.returncode == 0, rendered.stderr
    config = yaml.safe_load((project / "rendered" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [str(p) for p in config["plugins"] if "cco-playbook" in str(p)] == []
    stock = run_mkdocs("build", "--strict", cwd=project / "rendered")
    assert stock.returncode == 0, stock.stderr
    return {"plugin": project / "site", "stock": project / "rendered" / "site"}


@pytest.mark.parametrize("build", ["plugin", "stock"])
def test_a_title_full_of_markup_stays_text_in_the_title_element(
    sites: dict[str, Path], build: str, offline_context: tuple[Any, PageWatch]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((sites[build] / "roles" / "cco.html").as_uri(), wait_until="load")
    assert page.evaluate("window.__pwned") is None
    assert page.title() == f"{HOSTILE_TITLE} (CCO) - CCO Playbook"
    assert page.locator("head title").count() == 1
    assert watch.page_errors == []


def _search_config(site: Path) -> dict[str, Any]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    config: dict[str, Any] = index["config"]
    return config


def test_both_builds_split_search_words_alike(sites: dict[str, Path]) -> None:
    plugin, stock = _search_config(sites["plugin"]), _search_config(sites["stock"])
    assert "(" in plugin["separator"]  # the default project's own separator, not Material's
    assert (stock["separator"], stock["lang"]) == (plugin["separator"], plugin["lang"])


@pytest.mark.parametrize("build", ["plugin", "stock"])
def test_searching_an_abbreviation_in_brackets_finds_the_glossary(
    sites: dict[str, Path], build: str, browser: Any
) -> None:
    # "Net Promoter Score (NPS)": only the project's separator splits "(NPS)" into "NPS".
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((sites[build] / "index.html").as_uri(), wait_until="load")
        found = [site_path(href, sites[build]) for href in search(page, "NPS")]
    finally:
        context.close()
    assert "glossary.html" in found[:3], found
