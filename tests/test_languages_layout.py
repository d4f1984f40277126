"""Long German compounds ("Kundenerlebnismanagerin", "Verlängerungsprozess") break
across lines instead of breaking the layout: at 390 px no German page scrolls sideways
and no heading, paragraph or list item runs out of its box (tables may scroll inside
their own frame, as Material wraps them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OVERFLOWING = """() => {
  const page = document.scrollingElement;
  const boxes = [...document.querySelectorAll(
    'article h1, article h2, article h3, article p, article li, article label'
  )].filter(e => e.closest('.md-typeset__scrollwrap') === null && e.clientWidth > 0);
  const over = boxes.filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 60));
  return {page: page.scrollWidth - page.clientWidth, over};
}"""


def test_german_pages_fit_a_phone(browser: Any, built_german_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    try:
        page = context.new_page()
        problems = []
        pages = sorted(p for p in built_german_site.rglob("*.html") if p.name != "404.html")
        assert len(pages) > 50
        for html in pages:
            page.goto(html.as_uri(), wait_until="load")
            hyphens = page.evaluate(
                "getComputedStyle(document.querySelector('.md-typeset')).hyphens"
            )
            assert hyphens == "auto", html
            found = page.evaluate(OVERFLOWING)
            if found["page"] > 0 or found["over"]:
                problems.append((html.relative_to(built_german_site).as_posix(), found))
        assert problems == []
    finally:
        context.close()
