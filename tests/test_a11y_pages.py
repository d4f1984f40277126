"""axe-core finds no serious or critical problem on any page of the default site, in any
state a reader can reach: light and dark, desktop and phone width, results shown, a
share link made, results compared, a notice shown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.a11y_support import VIEWS, answer_all, axe_problems, html_pages, loopback_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(params=sorted(VIEWS))
def view(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    """A browser context in one of the views (colour scheme and width)."""
    context = browser.new_context(accept_downloads=True, **VIEWS[request.param])
    yield request.param, context
    context.close()


def assessment_pages(site: Path) -> list[Path]:
    pages = [p for p in sorted((site / "assessments").glob("*.html")) if p.stem != "index"]
    forms = [p for p in pages if "data-assessment=" in p.read_text(encoding="utf-8")]
    assert forms, "the default site has no assessment page"
    return forms


#: The editions checked: the default (English) site and the German one (the Acme brand).
EDITIONS = ("built_default_site", "built_german_site")


@pytest.fixture(params=EDITIONS, ids=("en", "de"))
def edition(request: pytest.FixtureRequest) -> Path:
    """A built site of each edition."""
    site: Path = request.getfixturevalue(request.param)
    return site


def test_every_page_has_no_serious_axe_violation(edition: Path, view: tuple[str, Any]) -> None:
    built_default_site = edition
    name, context = view
    page = context.new_page()
    problems = []
    pages = html_pages(built_default_site)
    for path in pages:
        page.goto(path.as_uri(), wait_until="load")
        where = f"{name} {path.relative_to(built_default_site).as_posix()}"
        problems += axe_problems(page, where)
    assert problems == []
    assert len(pages) >= 20


def test_the_server_404_page_has_no_serious_axe_violation(
    built_default_site: Path, view: tuple[str, Any]
) -> None:
    """404.html uses root-relative links, so it is checked where it is used: on a server."""
    name, context = view
    page = context.new_page()
    with loopback_server(built_default_site) as base:
        response = page.goto(f"{base}/no-such-page.html", wait_until="load")
        assert response is not None and response.status == 404
        page.goto(f"{base}/404.html", wait_until="load")
        assert page.locator("link[rel=stylesheet]").count() > 0
        assert axe_problems(page, f"{name} 404.html") == []


def test_every_assessment_state_has_no_serious_axe_violation(
    edition: Path, view: tuple[str, Any], tmp_path: Path
) -> None:
    built_default_site = edition
    name, context = view
    page = context.new_page()
    problems: list[str] = []
    for path in assessment_pages(built_default_site):
        where = f"{name} {path.relative_to(built_default_site).as_posix()}"
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_selector("form[data-assessment][data-assessment-ready]")

        # Too few answers: the notice names what is missing.
        page.locator("fieldset[data-question] input[type=radio]").first.check()
        page.click("form[data-assessment] button[type=submit]")
        page.wait_for_timeout(100)
        problems += axe_problems(page, f"{where} (one answer)")

        exports = []
        for number, choose in enumerate((0, -2)):
            page.click("[data-assessment-clear]")
            answer_all(page, choose)
            page.click("form[data-assessment] button[type=submit]")
            page.wait_for_selector("[data-assessment-result]", state="visible")
            if number == 0:
                problems += axe_problems(page, f"{where} (result)")
            page.fill("[data-assessment-label]", f"Team {number + 1}")
            with page.expect_download() as download:
                page.click("[data-assessment-json]")
            exported = tmp_path / f"{path.stem}-{number}.json"
            download.value.save_as(exported)
            assert json.loads(exported.read_text(encoding="utf-8"))["label"] == f"Team {number + 1}"
            exports.append(str(exported))

        page.click("[data-assessment-share]")
        page.wait_for_selector("[data-assessment-share-link]", state="visible")
        problems += axe_problems(page, f"{where} (share link)")

        page.set_input_files("[data-assessment-compare]", exports)
        page.wait_for_selector("[data-assessment-comparison]", state="visible")
        problems += axe_problems(page, f"{where} (comparison)")
    assert problems == []
