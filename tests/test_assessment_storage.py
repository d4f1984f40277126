"""Saved answers, share links and storage in a real Chromium: what the reader saved is
never changed by viewing someone else's result, unless they choose to keep it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.assessment_support import (
    NOTICE,
    OUR_KEYS,
    RESULT,
    answer,
    build_sites,
    checked,
    clean,
    url,
)

pytestmark = pytest.mark.browser

KEY = "cco-playbook:assessment-test:Test%20%26%20Co:readiness:v4"
SHARED = "#assessment=readiness&version=4&answers=goals:yes,roadmap:yes,resources:partly"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_sites(tmp_path_factory)


def saved(page: Any) -> Any:
    stored = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if stored is None else json.loads(stored)


def save_my_own(page: Any, sites: dict[str, Path]) -> Any:
    """The reader's own answers and label, saved with the result shown."""
    page.goto(url(sites))
    answer(page, {"goals": "no", "resources": "no"})
    page.click("button[type=submit]")
    page.fill("[data-assessment-label]", "Mine")
    mine = saved(page)
    assert mine["answers"] == {"goals": "no", "resources": "no"} and mine["label"] == "Mine"
    return mine


def test_answers_are_kept_across_reloads_until_cleared(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answer(page, {"goals": "no", "mood": "lots"})
    page.reload()
    assert checked(page) == {"goals": "no", "mood": "lots"}  # kept before submitting
    assert not page.locator(RESULT).is_visible()
    page.click("button[type=submit]")
    page.reload()
    assert checked(page) == {"goals": "no", "mood": "lots"}
    assert page.locator(RESULT).is_visible()
    assert page.evaluate(OUR_KEYS) == [KEY]
    page.click("[data-assessment-clear]")
    assert checked(page) == {}
    assert page.locator(RESULT).count() == 0
    assert "cleared" in page.locator(NOTICE).inner_text()
    assert page.evaluate(OUR_KEYS) == []
    page.reload()
    assert checked(page) == {}
    clean(watch)


def test_a_share_link_shows_the_same_result_in_a_fresh_browser(
    browser: Any, offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answer(page, {"goals": "partly", "roadmap": "yes", "resources": "na", "mood": "little"})
    page.click("button[type=submit]")
    original = page.locator(RESULT).inner_text()
    page.click("[data-assessment-share]")
    link = page.locator("[data-assessment-share-link]").input_value()
    assert link.startswith(url(sites) + "#assessment=readiness&version=4&answers=")
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        errors: list[str] = []
        other.on("pageerror", lambda exc: errors.append(str(exc)))
        other.goto(link)
        other.locator(RESULT).wait_for(state="visible")
        assert other.locator(RESULT).inner_text() == original
        assert "share link" in other.locator(NOTICE).inner_text()
        assert other.evaluate(OUR_KEYS) == []
        assert errors == []
    finally:
        fresh.close()
    clean(watch)


def test_changing_a_shared_view_never_touches_the_readers_own_answers(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    mine = save_my_own(page, sites)
    page.goto(url(sites, fragment=SHARED))
    page.locator(RESULT).wait_for(state="visible")
    assert checked(page) == {"goals": "yes", "roadmap": "yes", "resources": "partly"}
    assert page.locator("[data-assessment-label]").input_value() == ""
    notice = page.locator(f"{NOTICE} [data-assessment-shared]")
    assert "were not changed" in notice.inner_text()
    # Exploring the shared answers, naming them, showing the result again: nothing saved.
    answer(page, {"roadmap": "partly", "mood": "lots"})
    page.fill("[data-assessment-label]", "Theirs")
    page.click("button[type=submit]")
    assert saved(page) == mine
    assert page.locator(f"{NOTICE} [data-assessment-shared]").is_visible()
    # "Clear my answers" in a shared view clears the page, not what the reader saved.
    page.click("[data-assessment-clear]")
    assert checked(page) == {}
    assert saved(page) == mine
    assert "Your own saved answers were not changed" in page.locator(NOTICE).inner_text()
    assert page.evaluate("location.hash") == ""
    page.reload()
    assert checked(page) == mine["answers"]
    assert page.locator("[data-assessment-label]").input_value() == "Mine"
    clean(watch)


def test_the_reader_can_go_back_to_their_answers_or_keep_the_shared_ones(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    mine = save_my_own(page, sites)
    page.goto(url(sites, fragment=SHARED))
    page.locator(RESULT).wait_for(state="visible")
    page.click("[data-assessment-mine]")
    assert checked(page) == mine["answers"]
    assert page.evaluate("location.hash") == ""
    assert page.locator("[data-assessment-label]").input_value() == "Mine"
    assert page.locator(f"{NOTICE} [data-assessment-shared]").count() == 0
    assert saved(page) == mine
    page.goto(url(sites, fragment=SHARED))
    page.locator(RESULT).wait_for(state="visible")
    page.click("[data-assessment-keep]")
    kept = saved(page)
    assert kept["answers"] == {"goals": "yes", "roadmap": "yes", "resources": "partly"}
    assert "now saved as yours" in page.locator(NOTICE).inner_text()
    answer(page, {"mood": "lots"})  # now the reader's own: changes are saved again
    assert saved(page)["answers"]["mood"] == "lots"
    clean(watch)


def test_the_storage_warning_stays_after_show_my_result(
    browser: Any, sites: dict[str, Path]
) -> None:
    context = browser.new_context()
    # Writing fails, as in a private window with no storage quota.
    context.add_init_script(
        """Storage.prototype.setItem = function () {
             throw new DOMException('full', 'QuotaExceededError'); };"""
    )
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url(sites))
        warning = "This browser does not allow saving answers."
        assert warning not in page.locator(NOTICE).inner_text()
        answer(page, {"goals": "yes"})  # the first save fails: the warning appears
        assert warning in page.locator(NOTICE).inner_text()
        page.click("button[type=submit]")
        page.locator(RESULT).wait_for(state="visible")
        assert page.locator(NOTICE).inner_text().count(warning) == 1
        page.click("button[type=submit]")
        page.click("[data-assessment-clear]")
        assert page.locator(NOTICE).inner_text().count(warning) == 1
        assert errors == []
    finally:
        context.close()


def test_a_link_from_an_older_version_shows_a_notice_not_a_result(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites, fragment="#assessment=readiness&version=3&answers=goals:yes"))
    notice = page.locator(NOTICE).inner_text()
    assert "version 3" in notice and "version 4" in notice
    assert page.locator(RESULT).count() == 0
    assert checked(page) == {}
    page.goto(url(sites, "fit", fragment="#assessment=readiness&version=4&answers=goals:yes"))
    assert "another assessment ('readiness')" in page.locator(NOTICE).inner_text()
    assert page.locator(RESULT).count() == 0
    clean(watch)


def test_question_anchor_is_not_mistaken_for_a_share_link(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites, fragment="#resources"))
    assert page.locator(NOTICE).inner_text() == ""
    assert page.evaluate("location.hash") == "#resources"
    clean(watch)


def test_two_playbooks_from_two_folders_keep_separate_answers(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites, site="a"))
    answer(page, {"goals": "yes"})
    page.goto(url(sites, site="b"))
    assert checked(page) == {}
    answer(page, {"goals": "no", "roadmap": "no"})
    page.goto(url(sites, site="a"))
    assert checked(page) == {"goals": "yes"}
    page.goto(url(sites, site="b"))
    assert checked(page) == {"goals": "no", "roadmap": "no"}
    assert len(page.evaluate(OUR_KEYS)) == 2
    clean(watch)
