"""One real-browser smoke test: the built home page opens cleanly from disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import PageWatch

pytestmark = pytest.mark.browser


def test_home_page_opens_without_console_errors(
    built_default_site: Path, offline_context: tuple[Any, PageWatch]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((built_default_site / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().strip() != ""
    assert page.locator("nav.md-nav--primary").count() == 1
    assert watch.console_errors == []
    assert watch.page_errors == []
    assert watch.outside_requests == []
