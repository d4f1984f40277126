"""Real Chromium: both brands look like themselves, on the home page and on a result.

Screenshots go to test-artifacts/brand/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.palette import derive_palette, rgb
from tests import test_brand_build
from tests.helpers import ROOT, PageWatch

pytestmark = pytest.mark.browser
#: The two sites built once per session by test_brand_build.
project = test_brand_build.project

ARTIFACTS = ROOT / "test-artifacts" / "brand"
BRANDS = {
    "default": ("site", "#1f4e79", "mailto:playbook@example.org"),
    "acme": ("site-acme", "#00695c", "https://acme.example/kontakt"),
}


ACCENTS = {"default": "#b5471b", "acme": "#7b1fa2"}
TOGGLE = {"default": "Switch to dark mode", "acme": "Zum dunklen Modus wechseln"}


def css_rgb(colour: str) -> str:
    red, green, blue = (round(c * 255) for c in rgb(colour))
    return f"rgb({red}, {green}, {blue})"


def header_colour(page: Any) -> str:
    return str(
        page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    )


def answer_everything(page: Any) -> None:
    form = page.locator("form[data-assessment]")
    for fieldset in form.locator("fieldset[data-question]").all():
        fieldset.locator("input[type=radio]").first.check(force=True)
    form.locator("button[type=submit]").click()
    page.locator("[data-assessment-result]").wait_for(state="visible")


@pytest.mark.parametrize("brand", sorted(BRANDS))
def test_header_is_the_brand_colour_in_light_and_dark(
    brand: str,
    project: Path,
    offline_context: tuple[Any, PageWatch],
) -> None:
    site_dir, primary, _ = BRANDS[brand]
    context, watch = offline_context
    page = context.new_page()
    page.goto((project / site_dir / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert header_colour(page) == css_rgb(primary)
    assert page.locator("img[src$='assets/playbook/brand/logo.svg']").first.is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{brand}-home.png"), full_page=True)
    # The header's toggle switches to the dark scheme, named in the brand's language.
    toggle = page.locator("form[data-md-component=palette] label:visible").first
    assert toggle.get_attribute("title") == TOGGLE[brand]
    toggle.click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert header_colour(page) == css_rgb(primary)
    dark_links = derive_palette(primary, ACCENTS[brand]).dark["--md-typeset-a-color"]
    assert (
        page.evaluate(
            "getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()"
        )
        == dark_links
    )
    page.screenshot(path=str(ARTIFACTS / f"{brand}-home-dark.png"))
    assert watch.outside_requests == [] and watch.page_errors == []


@pytest.mark.parametrize("brand", sorted(BRANDS))
def test_assessment_result_carries_the_brand(
    brand: str,
    project: Path,
    offline_context: tuple[Any, PageWatch],
) -> None:
    site_dir, primary, contact = BRANDS[brand]
    context, watch = offline_context
    page = context.new_page()
    page.goto((project / site_dir / "assessments" / "readiness.html").as_uri())
    page.wait_for_load_state("load")
    answer_everything(page)
    assert header_colour(page) == css_rgb(primary)
    result = page.locator("[data-assessment-result]")
    call_to_action = result.locator(f"a[href='{contact}']")
    assert call_to_action.count() >= 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{brand}-readiness-result.png"), full_page=True)
    assert watch.outside_requests == [] and watch.page_errors == []
