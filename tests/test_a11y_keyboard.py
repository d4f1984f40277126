"""The keyboard alone is enough: an assessment is answered and submitted, and every
action on the result works, with Tab, Space and Enter in a real Chromium. Focus is
always visible, and readers who ask for less motion get none."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.a11y_support import answer_all

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAX_TABS = 400
FORM = "form[data-assessment]"
RESULT = "[data-assessment-result]"
#: What the focused element is, in words a failure message can show.
DESCRIBE = """() => { const e = document.activeElement;
  return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    [...e.attributes].filter(a => a.name.startsWith('data-')).map(a => '[' + a.name + ']').join('')
    : 'nothing'; }"""


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1000, "height": 800})
    yield context
    context.close()


def assessments(site: Path) -> list[str]:
    pages = sorted((site / "assessments").glob("*.html"))
    found = [p.stem for p in pages if "data-assessment=" in p.read_text(encoding="utf-8")]
    assert found
    return found


def tab_to(page: Any, selector: str, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches ``selector``."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(
        f"{selector} is never reached with {key}; focus ends on {page.evaluate(DESCRIBE)}"
    )


def answer_by_keyboard(page: Any) -> int:
    """Tab through the form from the top, answering each question with the arrow keys
    and Space; submit with Enter. Returns the number of questions answered."""
    page.locator("body").focus()
    answered = 0
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            f"""() => {{ const e = document.activeElement;
                if (!e || !e.closest('{FORM}')) return 'outside';
                if (e.type === 'submit') return 'submit';
                if (e.type === 'radio') return e.checked ? 'answered' : 'question';
                return 'other'; }}"""
        )
        if focused == "question":
            # The group's first choice has focus; move to the second and back, which
            # checks a choice the way a keyboard user does.
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowUp")
            page.keyboard.press("Space")
            answered += 1
        elif focused == "submit":
            page.keyboard.press("Enter")
            return answered
    raise AssertionError("the submit button was never reached with Tab")


def press_for_download(page: Any, selector: str) -> Any:
    tab_to(page, selector)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    return download.value


@pytest.mark.parametrize("which", [0, 1])
def test_an_assessment_and_every_result_action_work_by_keyboard_alone(
    built_default_site: Path, context: Any, tmp_path: Path, which: int
) -> None:
    names = assessments(built_default_site)
    if which >= len(names):
        pytest.fail(f"the default site has {len(names)} assessment(s); expected readiness and fit")
    name = names[which]
    page = context.new_page()
    page.goto((built_default_site / "assessments" / f"{name}.html").as_uri(), wait_until="load")
    page.wait_for_selector(f"{FORM}[data-assessment-ready]")
    questions = page.locator(f"{FORM} fieldset[data-question]").count()

    assert answer_by_keyboard(page) == questions
    page.wait_for_selector(RESULT, state="visible")
    unanswered = page.locator(f"{FORM} fieldset[data-question]:not(:has(input:checked))").count()
    assert unanswered == 0
    # The result takes focus, so a screen reader reads it next, and it is a named region.
    assert page.evaluate(f"document.activeElement.closest('{RESULT}') !== null")
    region = page.locator(RESULT).evaluate(
        "e => (e.tagName === 'SECTION' || e.getAttribute('role') === 'region')"
        " && Boolean(e.getAttribute('aria-labelledby') || e.getAttribute('aria-label'))"
    )
    assert region, "the result is not a named region landmark"

    # Every control in the result is in the tab order (none only reachable by mouse).
    controls = page.locator(
        f"{RESULT} :is(a[href], button, input, select, textarea, [tabindex='0']):visible"
    ).count()
    reached: set[str] = set()
    tab_to(page, f"{RESULT} :is(a[href], button, input, select, textarea, [tabindex='0'])")
    for _ in range(MAX_TABS):
        key = page.evaluate(
            f"""() => {{ const e = document.activeElement, r = document.querySelector('{RESULT}');
                if (!r.contains(e)) return null;
                return [...r.querySelectorAll('*')].indexOf(e).toString(); }}"""
        )
        if key is None:
            break
        reached.add(key)
        page.keyboard.press("Tab")
    assert len(reached) == controls

    # The label, typed; then each action by Enter.
    tab_to(page, "[data-assessment-label]", backwards=True)
    page.keyboard.type("Board, Q3")
    exported = press_for_download(page, "[data-assessment-json]")
    saved = tmp_path / "mine.json"
    exported.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["label"] == "Board, Q3"
    assert press_for_download(page, "[data-assessment-csv]").suggested_filename.endswith(".csv")

    tab_to(page, "[data-assessment-share]")
    page.keyboard.press("Enter")
    link = page.locator("[data-assessment-share-link]")
    link.wait_for(state="visible")
    assert "#" in link.input_value()

    page.evaluate("window.__printed = 0; addEventListener('beforeprint', () => window.__printed++)")
    tab_to(page, "[data-assessment-print]", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_function("window.__printed === 1")

    # Clear, then bring the answers back from the exported file. Whether Space opens
    # Chromium's native chooser depends on the session's window focus, so the file goes
    # to the input that has keyboard focus; reaching it by keyboard is the point here.
    tab_to(page, "[data-assessment-clear]", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULT, state="detached")
    assert page.locator(f"{FORM} input:checked").count() == 0
    tab_to(page, "[data-assessment-import]")
    page.set_input_files("[data-assessment-import]:focus", str(saved))
    page.wait_for_function(
        f"document.querySelectorAll('{FORM} input:checked').length === {questions}"
    )

    # Compare two results: reach the chooser by keyboard, then use and close the comparison.
    # A second result to compare with, made quickly (the keyboard path is proven above).
    answer_all(page, -2)
    page.click(f"{FORM} button[type=submit]")
    other = press_for_download(page, "[data-assessment-json]")
    second = tmp_path / "other.json"
    other.save_as(second)
    tab_to(page, "[data-assessment-compare]", backwards=True)
    page.set_input_files("[data-assessment-compare]:focus", [str(saved), str(second)])
    comparison = page.locator("[data-assessment-comparison]")
    comparison.wait_for(state="visible")
    assert page.evaluate(
        "document.activeElement.closest('[data-assessment-comparison]') !== null"
    ), "the comparison does not take focus"
    assert press_for_download(page, "[data-assessment-compare-csv]").suggested_filename.endswith(
        ".csv"
    )
    tab_to(page, "[data-assessment-compare-close]")
    page.keyboard.press("Enter")
    comparison.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.matches('[data-assessment-compare]')")


def test_focus_is_visible_on_every_control_reached_by_keyboard(
    built_default_site: Path, context: Any
) -> None:
    """Tab through the home page and an assessment: each stop shows an outline of at least
    2 CSS pixels in a colour other than the background."""
    page = context.new_page()
    problems = []
    for rel in ("index.html", f"assessments/{assessments(built_default_site)[0]}.html"):
        page.goto((built_default_site / rel).as_uri(), wait_until="load")
        page.locator("body").focus()
        seen = 0
        for _ in range(60):
            page.keyboard.press("Tab")
            ring = page.evaluate(
                """() => { const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  const s = getComputedStyle(e);
                  return { what: e.outerHTML.slice(0, 80), style: s.outlineStyle,
                           width: parseFloat(s.outlineWidth), colour: s.outlineColor }; }"""
            )
            if ring is None:
                break
            seen += 1
            if ring["style"] in ("none", "hidden") or ring["width"] < 2:
                problems.append(f"{rel}: {ring['what']} has no focus ring ({ring})")
        assert seen >= 20, f"{rel}: only {seen} stops"
    assert problems == []


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_motion_stops_when_the_reader_asks_for_less(
    built_default_site: Path, browser: Any, motion: str
) -> None:
    """Opening the navigation drawer on a phone animates, unless the reader asked for
    reduced motion; then nothing moves, not even an animation or smooth scrolling that a
    page's own content or script asks for."""
    context = browser.new_context(reduced_motion=motion, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto((built_default_site / "index.html").as_uri(), wait_until="load")
        page.click("label.md-header__button[for=__drawer]")
        running = page.evaluate("document.getAnimations().length")
        added = page.evaluate(
            """() => {
              document.documentElement.style.scrollBehavior = 'smooth';
              const spin = document.createElement('div');
              spin.style.animation = 'spin 1s infinite';
              document.querySelector('.md-content').append(spin);
              return [getComputedStyle(spin).animationName,
                      getComputedStyle(document.documentElement).scrollBehavior]; }"""
        )
    finally:
        context.close()
    if motion == "reduce":
        assert running == 0
        assert added == ["none", "auto"]
    else:
        assert running > 0
        assert added == ["spin", "smooth"]
