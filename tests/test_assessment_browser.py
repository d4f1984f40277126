"""The assessment result in a real Chromium, opened from file:// of a built site."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.assessment_support import (
    NOTICE,
    RESULT,
    answer,
    build_sites,
    checked,
    clean,
    expected,
    url,
)
from tests.conftest import run_cli

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_sites(tmp_path_factory)


def test_answer_by_keyboard_and_see_the_verdict_first(
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
    assert (want["axes"], want["verdict"]) == ({"support": 50}, "almost")
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-result')")
    # The verdict comes first, in plain words, with the answer that decided it.
    decision = result.locator("[data-verdict]")
    assert decision.get_attribute("data-verdict") == "almost"
    assert decision.locator(".cco-result__verdict").inner_text() == "Almost"
    assert decision.locator(".cco-result__summary").inner_text() == "A few gaps remain."
    why = decision.locator(".cco-result__why li")
    assert why.all_inner_texts() == [
        "2. Someone clarifies the goals for Test & Co. – you answered “Yes”"
    ]
    assert why.locator("a").get_attribute("href") == "#goals"
    first = result.locator("p, h3, div").first
    assert first.evaluate("e => e.closest('[data-verdict]') !== null")
    assert "Almost" in page.locator(".cco-sr-only[aria-live]").inner_text()
    clean(watch)


def test_the_plan_is_staged_with_owners_and_links(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answer(page, {"goals": "yes", "roadmap": "partly", "resources": "no"})
    page.click("button[type=submit]")
    plan = page.locator(f"{RESULT} .cco-plan")
    assert plan.locator("h4").all_inner_texts() == [
        "Days 1 to 30",
        "Days 31 to 60",
        "Days 61 to 90",
    ]
    actions = plan.locator("[data-action]")
    want = expected(sites, {"goals": "yes", "roadmap": "partly", "resources": "no"})["plan"]
    assert [actions.nth(i).get_attribute("data-action") for i in range(actions.count())] == want
    first = actions.first
    assert first.locator("p").first.inner_text() == "Write a one-page customer statement."
    meta = first.locator(".cco-plan__meta")
    assert meta.inner_text() == "Owner: CCO · How: Chief Customer Officer"
    assert [a.get_attribute("href") for a in meta.locator("a").all()] == [
        "../roles/cco.html",
        "../roles/cco.html",
    ]
    # At most two per stage here (actions_per_stage: 2): the low-priority third is left out.
    assert plan.locator("ol").first.locator("li").count() == 2
    clean(watch)


def test_one_table_one_chart_and_described_links_to_read_next(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answer(page, {"goals": "yes", "roadmap": "partly", "resources": "no"})
    page.click("button[type=submit]")
    result = page.locator(RESULT)
    assert result.locator("table").count() == 1
    assert result.locator("figure").count() == 1
    rows = result.locator("tbody tr").all_inner_texts()
    assert [r.split("\t") for r in rows] == [
        ["Support", "50", "The verdict"],
        ["Direction", "75", "Support (weight 2)"],
        ["Capacity", "0", "Support (weight 1)"],
        ['Spirit <b>& "quotes"</b>', "not scored", ""],
    ]
    assert result.inner_text().count("Scores from 0 to 100") == 1
    assert result.locator(".cco-bars__fill").count() == 3
    links = result.locator(".cco-result__links li")
    assert links.all_inner_texts() == [
        "Line leader, dedicated team: Look at the dedicated team structure.",
        "The CEO's part: Read about the CEO's part.",
    ]
    assert links.first.locator("a").get_attribute("href") == "../structures/line-dedicated.html"
    contact = result.locator(".cco-result__contact a")
    assert contact.get_attribute("href") == "mailto:hello@example.org"
    clean(watch)


def test_the_result_reads_well_at_390_pixels(browser: Any, sites: dict[str, Path]) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(url(sites))
        answer(page, {"goals": "yes", "roadmap": "no", "resources": "no", "size": "large"})
        page.click("button[type=submit]")
        labels = page.locator(f"{RESULT} .cco-bars__label")
        sizes = labels.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert min(sizes) >= 12
        widths = labels.evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
        assert max(widths) <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # The label field has a visible edge in the light scheme.
        border = page.locator("[data-assessment-label]").evaluate(
            "e => [getComputedStyle(e).borderTopWidth, getComputedStyle(e).borderTopColor]"
        )
        assert float(border[0].removesuffix("px")) >= 1
        assert border[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    finally:
        context.close()


def test_too_few_answers_name_the_questions_still_needed(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answer(page, {"size": "large"})
    page.click("button[type=submit]")
    result = page.locator(RESULT)
    assert result.locator("[data-verdict]").count() == 0
    assert result.locator(".cco-result__verdict").first.inner_text() == (
        "Not enough answers yet for a verdict"
    )
    needed = result.locator(".cco-result__needed a")
    assert [a.get_attribute("href") for a in needed.all()] == [
        "#goals",
        "#roadmap",
        "#resources",
        "#mood",
    ]
    assert result.locator(".cco-plan").count() == 0
    # Following a link to a question keeps the result and the answers.
    needed.first.click()
    assert page.evaluate("location.hash") == "#goals"
    assert result.is_visible() and checked(page) == {"size": "large"}
    clean(watch)


def test_fit_ranks_each_group_with_reasons_ruled_out_options_and_a_cross_check(
    offline_context: Any, sites: dict[str, Path]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    answer(page, {"size": "large", "goals": "yes", "roadmap": "yes", "resources": "yes"})
    page.click("button[type=submit]")
    assert page.locator("[data-verdict=ready]").is_visible()
    page.goto(url(sites, "fit"))
    fit = {"backing": "ceo", "scale": "large", "campaigns": "faded"}
    answer(page, fit)
    page.click("button[type=submit]")
    result = page.locator(RESULT)
    assert result.locator("[data-verdict]").count() == 0
    want = expected(sites, fit, "fit")
    groups = result.locator("[data-group]")
    assert [groups.nth(i).get_attribute("data-group") for i in range(2)] == ["who", "where"]
    where = result.locator("[data-group=where]")
    ranked = where.locator("[data-outcome]")
    assert [ranked.nth(i).get_attribute("data-outcome") for i in range(ranked.count())] == [
        o for o in want["ranking"]["where"] if want["scores"][o] is not None
    ]
    top = ranked.first
    assert top.locator("a").first.get_attribute("href") == "../starting-points/ceo-office.html"
    numbered = {
        "backing": "1. Who backs the customer work?",
        "scale": "2. How big is the commitment?",
        "tie": "3. A question that gives the same to everyone.",
        "campaigns": "4. Have earlier campaigns faded?",
    }
    assert want["reasons"]["ceo-office"] == ["backing", "scale", "campaigns"]
    assert top.locator(".cco-result__reasons a").all_inner_texts() == [
        numbered[q] for q in want["reasons"]["ceo-office"]
    ]
    ruled = where.locator("[data-excluded=grassroots]")
    assert (
        "Grassroots" in ruled.inner_text() and "Have earlier campaigns faded?" in ruled.inner_text()
    )
    cross = result.locator("[data-cross-check]")
    assert cross.get_attribute("data-cross-check") == "first"
    assert "“Ready. Create the role”" in cross.inner_text()
    assert "“A full-time leader”, which also comes first here" in cross.inner_text()
    assert result.locator(".cco-result__verdict").first.inner_text() == (
        "Best fit: A full-time leader; Office of the CEO"
    )
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
    assert exported.name == "assessment-test-readiness-v4.json"
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["answers"] == answers
    assert data["result"] == expected(sites, answers)
    assert (data["playbook"], data["brand"], data["version"]) == ("assessment-test", "Test & Co", 4)
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
    assert ["axis", "support", "Support", str(data["result"]["axes"]["support"])] in rows
    assert data["result"]["verdict"] == "not-yet"
    assert [r for r in rows if r[0] == "verdict"] == [["verdict", "not-yet", "Not yet", ""]]
    assert [r[1] for r in rows if r[0] == "plan"] == data["result"]["plan"]

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


def test_without_scripts_the_page_is_a_blank_worksheet(
    browser: Any, sites: dict[str, Path]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(sites))
        page.emulate_media(media="print")
        fieldsets = page.locator("form[data-assessment=readiness] fieldset[data-question]")
        assert fieldsets.count() == 5
        assert fieldsets.nth(1).locator("legend").inner_text().startswith("2. Someone clarifies")
        assert fieldsets.nth(1).locator("input[type=radio]").count() == 4
        assert all(fieldsets.nth(i).is_visible() for i in range(5))
        parts = page.locator("form[data-assessment=readiness] h2").all_inner_texts()
        assert [p.strip("¶ ") for p in parts] == ["About the company", "The work today"]
        assert page.locator("[data-assessment-content]").is_hidden()
        assert page.locator(RESULT).count() == 0
        assert page.locator("button[type=submit]").is_hidden()  # print hides the button
        assert page.pdf().startswith(b"%PDF")
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


def test_only_assessment_pages_load_the_scripts_in_dependency_order(
    sites: dict[str, Path],
) -> None:
    from generator.assessment import PAGE_SCRIPTS

    site = sites["a"] / "site"
    page = (site / "assessments" / "readiness.html").read_text(encoding="utf-8")
    found = [page.index(f'<script src="../assets/playbook/{name}">') for name in PAGE_SCRIPTS]
    assert found == sorted(found)
    for other in ("index.html", "roles/cco.html", "assessments/index.html"):
        text = (site / other).read_text(encoding="utf-8")
        assert not any(name in text for name in PAGE_SCRIPTS), other
