"""Running the workshop in a real Chromium: the facilitator view stepped by keyboard,
the printed pack (one page per topic), the share link from file://, and comparison
series that stay distinct past eight."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.group import Respondent, aggregate
from generator.model import Assessment
from tests.helpers import PageWatch
from tests.workshop_support import build_fixture, export, load, open_panel, room, url, write

pytestmark = pytest.mark.browser

OVERLAY = "[data-workshop-facilitator]"
ROWS: list[tuple[str, dict[str, str]]] = [
    (f"Team {'AB'[i % 2]}: Person{i}", {"goals": g, "roadmap": r, "resources": "yes", "mood": m})
    for i, (g, r, m) in enumerate(
        [
            ("yes", "yes", "lots"),
            ("yes", "no", "little"),
            ("no", "partly", "lots"),
            ("yes", "no", "little"),
            ("partly", "yes", "lots"),
            ("no", "no", "lots"),
        ]
    )
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Assessment]]:
    return build_fixture(tmp_path_factory.mktemp("facilitate"))


@pytest.fixture
def topics(built: tuple[Path, dict[str, Assessment]]) -> list[str]:
    people = [Respondent(a, label.split(":")[0]) for label, a in ROWS]
    found: list[str] = aggregate(built[1]["readiness"], people, 5)["topics"]
    assert len(found) >= 3
    return found


def clean(watch: PageWatch) -> None:
    assert watch.page_errors == []
    assert watch.outside_requests == []


def shown_topic(page: Any) -> tuple[str, str]:
    stage = page.locator(f"{OVERLAY} .cco-facilitator__stage")
    return page.locator(".cco-facilitator__position").inner_text(), stage.get_attribute(
        "data-topic"
    )


def test_the_facilitator_steps_through_the_topics_by_keyboard(
    offline_context: Any,
    built: tuple[Path, dict[str, Assessment]],
    topics: list[str],
    tmp_path: Path,
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    load(page, room(tmp_path, ROWS), respondents=6)
    page.focus("[data-workshop-facilitate]")
    page.keyboard.press("Enter")
    page.locator(OVERLAY).wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-workshop-facilitator')")
    assert page.get_attribute(OVERLAY, "role") == "dialog"
    total = len(topics)
    assert shown_topic(page) == (f"Topic 1 of {total}", topics[0])
    page.keyboard.press("ArrowRight")
    assert shown_topic(page) == (f"Topic 2 of {total}", topics[1])
    page.keyboard.press(" ")
    assert shown_topic(page) == (f"Topic 3 of {total}", topics[2])
    page.keyboard.press("ArrowLeft")
    assert shown_topic(page)[1] == topics[1]
    page.keyboard.press("End")
    assert shown_topic(page) == (f"Topic {total} of {total}", topics[-1])
    page.keyboard.press("ArrowRight")  # stays on the last one
    assert shown_topic(page)[1] == topics[-1]
    page.keyboard.press("Home")
    assert shown_topic(page)[1] == topics[0]
    # Large type for a projector, the room's answers first, and no names with anonymity on.
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.cco-facilitator__question')).fontSize)"
    )
    assert size >= 40
    assert page.locator(f"{OVERLAY} .cco-dist__part").count() >= 2
    assert page.locator("[data-facilitator-reveal]").count() == 0
    assert "Person" not in page.locator(OVERLAY).inner_text()
    page.keyboard.press("Escape")
    assert page.locator(OVERLAY).count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-workshop-facilitate')")
    clean(watch)


def test_names_come_after_the_distribution_and_only_on_request(
    offline_context: Any,
    built: tuple[Path, dict[str, Assessment]],
    topics: list[str],
    tmp_path: Path,
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    load(page, room(tmp_path, ROWS), respondents=6)
    page.uncheck("[data-workshop-anonymous]")
    page.click("[data-workshop-facilitate]")
    page.locator(OVERLAY).wait_for()
    assert page.locator("[data-facilitator-names]").is_hidden()
    assert "Person" not in page.locator(OVERLAY).inner_text()
    page.click("[data-facilitator-reveal]")
    names = page.locator("[data-facilitator-names] li").all_inner_texts()
    first = topics[0]
    by_choice: dict[str, list[str]] = {}
    for label, answers in ROWS:
        if first in answers:
            by_choice.setdefault(answers[first], []).append(label)
    assert sorted(n.split(": ", 1)[1] for n in names) == sorted(
        ", ".join(v) for v in by_choice.values()
    )
    page.keyboard.press("ArrowRight")  # the next topic starts without names again
    assert page.locator("[data-facilitator-names]").is_hidden()
    clean(watch)


def pdf_pages(pdf: bytes, folder: Path) -> list[str]:
    path = folder / "pack.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_the_pack_prints_one_page_per_topic_with_the_agreed_action(
    offline_context: Any,
    built: tuple[Path, dict[str, Assessment]],
    topics: list[str],
    tmp_path: Path,
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    load(page, room(tmp_path, ROWS), respondents=6)
    first = page.locator("[data-workshop-topics] [data-topic]").first
    first.locator("[data-agreed=action]").fill("Agree one owner for the customer goals")
    first.locator("[data-agreed=owner]").fill("The CEO")
    first.locator("[data-agreed=date]").fill("2025-04-30")
    page.evaluate("window.print = () => {}")
    page.click("[data-workshop-print]")
    pages = pdf_pages(page.pdf(), tmp_path)
    starts = [i for i, text in enumerate(pages) if "Topic 1:" in text]
    assert len(starts) == 1
    topic_pages = pages[starts[0] :]
    assert len(topic_pages) == len(topics)
    for number, text in enumerate(topic_pages, start=1):
        assert f"Topic {number}:" in text
        assert text.count("Topic ") == 1
        assert "Agreed action" in text and "Owner" in text and "Date" in text
    assert "Agree one owner for the customer goals" in topic_pages[0]
    assert "The CEO" in topic_pages[0]
    summary = "".join(pages[: starts[0]])
    assert "Workshop pack: Do you need a CCO?" in summary
    assert "6 respondent(s)" in summary
    everything = "".join(pages)
    assert "Person" not in everything
    assert "Choose files" not in everything and "Show my result" not in everything
    # After printing, the page is the page again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="print")
    assert page.locator("form[data-assessment]").is_visible()
    assert page.locator("[data-assessment-workshop-panel]").is_hidden()
    clean(watch)


def test_a_share_link_from_a_file_says_it_opens_only_here(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(built[0]))
    page.check("fieldset[data-question=goals] input[value=yes]")
    page.click("button[type=submit]")
    page.click("[data-assessment-share]")
    status = page.locator("[data-assessment-share-local]")
    assert status.inner_text() == (
        "This page was opened from a file on this computer, so the link opens only here:"
        " nobody else can open it. To share your result, download it as JSON and send the file."
    )
    assert "copied" not in page.locator(".cco-result__share").inner_text()
    with page.expect_download() as done:
        page.click("[data-assessment-share-export]")
    assert done.value.suggested_filename == "assessment-test-readiness-v4.json"
    clean(watch)


def test_comparison_series_past_eight_keep_apart(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(built[0]))
    choices = ["yes", "partly", "no"]
    files = [
        write(tmp_path, f"c{i}.json", export({"goals": choices[i % 3]}, f"P{i + 1}"))
        for i in range(10)
    ]
    page.set_input_files("[data-assessment-compare]", [str(f) for f in files])
    page.locator("[data-assessment-comparison]").wait_for()
    legend = page.locator(".cco-compare__legend li")
    assert legend.nth(8).inner_text().startswith("9. P9")
    swatches = [legend.nth(i).locator(".cco-compare__swatch") for i in (0, 8)]
    first, ninth = (s.get_attribute("class") for s in swatches)
    assert "cco-series--c0" in first and "cco-series--c0" in ninth
    assert "cco-series--p0" in first and "cco-series--p1" in ninth
    styles = [s.evaluate("e => getComputedStyle(e).backgroundImage") for s in swatches]
    assert styles[0] == "none" and "gradient" in styles[1]
    chart = page.locator("[data-assessment-comparison] svg")
    assert chart.locator("pattern").count() == 3
    # Every bar of results 9 and 10 (and only theirs) carries the stripes over its colour.
    bars = chart.locator("g.cco-series--p1 rect.cco-compare__bar").count()
    assert bars >= 2
    assert chart.locator("g.cco-series--p1 rect[fill$='stripes)']").count() == bars
    assert chart.locator("g.cco-series--p0 rect[fill^='url(#']").count() == 0
    numbers = chart.locator("text.cco-chart__series").all_text_contents()
    assert numbers[:10] == [str(n) for n in range(1, 11)]
    clean(watch)
