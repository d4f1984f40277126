"""The assessment page in a real Chromium, opened from file:// of a built site."""

from __future__ import annotations

import csv
import io
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
    expected,
    url,
)
from tests.helpers import run_cli

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_sites(tmp_path_factory)


def test_answer_by_keyboard_and_see_the_result(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    assert not page.locator(RESULT).is_visible()
    page.locator("fieldset[data-question=goals] input").first.focus()
    page.keyboard.press("Space")  # goals: yes
    page.keyboard.press("Tab")  # into the roadmap group, nothing checked yet
    page.keyboard.press("ArrowRight")  # roadmap: partly
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # resources: no
    page.keyboard.press("Enter")  # implicit submission of the form
    result = page.locator(RESULT)
    result.wait_for(state="visible")
    answers = {"goals": "yes", "roadmap": "partly", "resources": "no"}
    assert checked(page) == answers
    want = expected(sites, answers)
    assert (want["overall"], want["band"]) == (50, "almost")
    assert page.locator(".cco-result__verdict").inner_text() == "Almost"
    assert "Overall score: 50 out of 100" in result.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-result')")
    assert "Almost" in page.locator(".cco-sr-only[aria-live]").inner_text()
    rows = result.locator("tbody tr").all_inner_texts()
    assert [r.split("\t")[:2] for r in rows] == [
        ["Direction", "75"],
        ["Capacity", "0"],
        ['Spirit <b>& "quotes"</b>', "not scored"],
    ]
    assert result.locator("svg rect.cco-chart__bar").count() == 2
    # Recommendations and first actions are links into the playbook, resolved at build time.
    links = result.locator(".cco-result__links a")
    assert links.first.get_attribute("href") == "../structures/line-dedicated.html"
    assert result.locator(".cco-result__actions li").all_inner_texts() == [
        "Ring-fence a small budget."
    ]
    assert (
        result.locator(".cco-result__contact a").get_attribute("href") == "mailto:hello@example.org"
    )
    clean(watch)


def test_fit_ranks_the_options(offline_context: Any, sites: dict[str, Path]) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites, "fit"))
    answer(page, {"backing": "staff", "scale": "small"})
    page.click("button[type=submit]")
    assert page.locator(".cco-result__verdict").inner_text() == "Best fit: Grassroots"
    ranked = page.locator(f"{RESULT} tbody tr th").all_inner_texts()
    want = expected(sites, {"backing": "staff", "scale": "small"}, "fit")["ranking"]
    titles = {
        "grassroots": "Grassroots",
        "ceo-office": "Office of the CEO",
        "line-dedicated": "Line leader, dedicated team",
    }
    assert ranked == [titles[i] for i in want]
    assert page.locator(".cco-result__actions li").count() == 0  # grassroots has no actions
    clean(watch)


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
    keys = page.evaluate(OUR_KEYS)
    assert keys == ["cco-playbook:assessment-test:Test%20%26%20Co:readiness:v3"]
    page.click("[data-assessment-clear]")
    assert checked(page) == {}
    assert page.locator(RESULT).count() == 0
    assert "cleared" in page.locator(NOTICE).inner_text()
    assert page.evaluate(OUR_KEYS) == []
    page.reload()
    assert checked(page) == {}
    clean(watch)


def test_share_link_shows_the_same_result_in_a_fresh_browser(
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
    assert link.startswith(url(sites) + "#assessment=readiness&version=3&answers=")
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        errors: list[str] = []
        other.on("pageerror", lambda exc: errors.append(str(exc)))
        other.goto(link)
        other.locator(RESULT).wait_for(state="visible")
        assert other.locator(RESULT).inner_text() == original
        assert "share link" in other.locator(NOTICE).inner_text()
        # Opening someone's link does not overwrite the reader's own saved answers.
        assert other.evaluate(OUR_KEYS) == []
        assert errors == []
    finally:
        fresh.close()
    clean(watch)


def test_a_link_from_an_older_version_shows_a_notice_not_a_result(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites, fragment="#assessment=readiness&version=2&answers=goals:yes"))
    notice = page.locator(NOTICE).inner_text()
    assert "version 2" in notice and "version 3" in notice
    assert page.locator(RESULT).count() == 0
    assert checked(page) == {}
    page.goto(url(sites, "fit", fragment="#assessment=readiness&version=3&answers=goals:yes"))
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


def test_export_json_and_csv_then_import_the_json(
    browser: Any, offline_context: Any, sites: dict[str, Path], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answers = {"goals": "yes", "roadmap": "no", "mood": "little"}
    answer(page, answers)
    page.click("button[type=submit]")
    with page.expect_download() as download:
        page.click("[data-assessment-json]")
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name == "assessment-test-readiness-v3.json"
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["answers"] == answers
    assert data["result"] == expected(sites, answers)
    assert (data["playbook"], data["brand"], data["version"]) == ("assessment-test", "Test & Co", 3)
    scored = run_cli("score", "--assessment", "readiness", str(exported), cwd=sites["a"])
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout) == data["result"]

    with page.expect_download() as download:
        page.click("[data-assessment-csv]")
    table = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(table)))
    assert rows[0] == ["Kind", "Id", "Title", "Value"]
    assert ["question", "goals", "Someone clarifies the goals for Test & Co.", "Yes"] in rows
    # A label that starts like a formula is neutralised for spreadsheets.
    assert ["question", "mood", "People care.", "'=1+1 (a little)"] in rows
    assert ["overall", "", "", str(data["result"]["overall"])] in rows

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(url(sites))
        other.set_input_files("[data-assessment-import]", str(exported))
        other.locator(RESULT).wait_for(state="visible")
        assert checked(other) == answers
        assert other.locator(RESULT).inner_text() == page.locator(RESULT).inner_text()
        assert "loaded" in other.locator(NOTICE).inner_text()
        other.reload()  # an import is the reader's own: it is kept
        assert checked(other) == answers
    finally:
        fresh.close()
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


def test_without_scripts_the_page_is_a_blank_worksheet(
    browser: Any, sites: dict[str, Path]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(sites))
        page.emulate_media(media="print")
        fieldsets = page.locator("form[data-assessment=readiness] fieldset[data-question]")
        assert fieldsets.count() == 4
        assert fieldsets.first.locator("legend").inner_text().startswith("1. Someone clarifies")
        assert fieldsets.first.locator("input[type=radio]").count() == 4
        assert all(fieldsets.nth(i).is_visible() for i in range(4))
        assert page.locator("[data-assessment-content]").is_hidden()
        assert page.locator(RESULT).count() == 0
        assert page.locator("button[type=submit]").is_hidden()  # print hides the button
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()


def test_print_layout_puts_the_result_first(offline_context: Any, sites: dict[str, Path]) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answer(page, {"goals": "yes"})
    page.click("button[type=submit]")
    page.emulate_media(media="print")
    result_top = page.locator(RESULT).bounding_box()["y"]
    form_top = page.locator("form[data-assessment]").bounding_box()["y"]
    assert result_top < form_top
    assert page.locator(".cco-result__tools").is_hidden()
    assert page.locator(".cco-assessment__tools").is_hidden()
    clean(watch)


def test_only_assessment_pages_load_the_assessment_scripts(sites: dict[str, Path]) -> None:
    site = sites["a"] / "site"
    page = (site / "assessments" / "readiness.html").read_text(encoding="utf-8")
    assert '<script src="../assets/playbook/assessment.js">' in page
    assert '<script src="../assets/playbook/assessment-data.js">' in page
    for other in ("index.html", "roles/cco.html", "assessments/index.html"):
        assert "assessment.js" not in (site / other).read_text(encoding="utf-8"), other
        assert "assessment-data.js" not in (site / other).read_text(encoding="utf-8"), other
