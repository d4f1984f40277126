"""The theme's search dialog and every navigation landmark have a name, in the brand's
language, both in a plugin build and in the plugin-free project that stock MkDocs builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run_cli, run_mkdocs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAMES = """() => ({
  dialog: document.querySelector('.md-search[role=dialog]').getAttribute('aria-label'),
  navs: [...document.querySelectorAll('nav')].map(nav => {
    const by = nav.getAttribute('aria-labelledby');
    const label = by ? document.getElementById(by) : null;
    return (nav.getAttribute('aria-label') || (label ? label.textContent : '')).trim();
  }),
})"""


def names(browser: Any, page_file: Path) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(page_file.as_uri(), wait_until="load")
        result: dict[str, Any] = page.evaluate(NAMES)
        return result
    finally:
        context.close()


def test_search_dialog_and_navigation_are_named_in_every_build(
    mini_project: Path, browser: Any
) -> None:
    brand = mini_project / "playbook" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("language: en", "language: de"))
    built = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert built.returncode == 0, built.stderr
    rendered = run_cli("render", "--out", "rendered", cwd=mini_project)
    assert rendered.returncode == 0, rendered.stderr
    stock = run_mkdocs("build", "--strict", cwd=mini_project / "rendered")
    assert stock.returncode == 0, stock.stderr

    for site in (mini_project / "site", mini_project / "rendered" / "site"):
        found = names(browser, site / "index.html")
        assert found["dialog"] == "Suche", site
        # Header, the primary navigation, one per section, table of contents, search options.
        assert len(found["navs"]) >= 5, found
        assert all(found["navs"]), f"{site}: a navigation landmark has no name: {found['navs']}"
        assert len(set(found["navs"])) == len(found["navs"]), found["navs"]
