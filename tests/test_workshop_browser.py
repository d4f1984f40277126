"""The workshop view in a real Chromium, from file:// of a built site: the group's
numbers match `cco-playbook aggregate`, anonymity holds, bad files are reported and
skipped, and nothing a file says reaches the page as markup."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from generator.group import Respondent, aggregate
from generator.group_files import aggregate_paths
from generator.model import Assessment
from tests.helpers import PageWatch
from tests.workshop_support import (
    BASELINE,
    PANEL,
    PLAYBOOK,
    SUMMARY,
    build_fixture,
    download,
    export,
    load,
    open_panel,
    room,
    skipped,
    write,
)

pytestmark = pytest.mark.browser

ROWS: list[tuple[str, dict[str, str]]] = [
    (
        "Sales: Anouk",
        {"size": "large", "goals": "yes", "roadmap": "yes", "resources": "yes", "mood": "lots"},
    ),
    (
        "Sales: Bertil",
        {"size": "large", "goals": "yes", "roadmap": "partly", "resources": "no", "mood": "lots"},
    ),
    (
        "Sales: Cleopatra",
        {"size": "large", "goals": "yes", "roadmap": "no", "resources": "no", "mood": "little"},
    ),
    (
        "Ops: Dorian",
        {"size": "large", "goals": "partly", "roadmap": "yes", "resources": "yes", "mood": "lots"},
    ),
    (
        "Ops: Evander",
        {"size": "small", "goals": "yes", "roadmap": "no", "resources": "na", "mood": "little"},
    ),
    (
        "Ops: Finnegan",
        {"size": "large", "goals": "no", "roadmap": "yes", "resources": "yes", "mood": "lots"},
    ),
]
NAMES = ("Anouk", "Bertil", "Cleopatra", "Dorian", "Evander", "Finnegan")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Assessment]]:
    return build_fixture(tmp_path_factory.mktemp("workshop"))


def expected(
    built: tuple[Path, dict[str, Assessment]],
    rows: list[tuple[str, dict[str, str]]],
    min_group: int | None = 5,
) -> dict[str, Any]:
    people = [Respondent(a, label.split(":")[0] if ":" in label else "") for label, a in rows]
    return aggregate(built[1]["readiness"], people, min_group)


def clean(watch: PageWatch) -> None:
    assert watch.page_errors == []
    assert watch.console_errors == []
    assert watch.outside_requests == []


def test_the_group_view_matches_the_python_reference(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-workshop-panel')")
    assert page.locator("[data-workshop-guide] li").count() == 5
    load(page, room(tmp_path, ROWS), respondents=6)
    want = expected(built, ROWS)
    summary = page.locator(SUMMARY)
    assert summary.locator("[data-group-verdict]").get_attribute("data-group-verdict") == (
        want["result"]["verdict"] or ""
    )
    counts = {
        li.get_attribute("data-verdict-count"): li.inner_text()
        for li in summary.locator("[data-verdict-count]").all()
    }
    titles = {v.id: v.title for v in built[1]["readiness"].verdicts}
    assert counts == {
        **{v: f"{titles[v]}: {n}" for v, n in want["verdicts"].items()},
        "": f"No verdict yet: {want['no_verdict']}",
    }
    # Disagreement first: the topics, then every question, most divided first.
    topics = page.locator("[data-workshop-topics] [data-topic]")
    assert [t.get_attribute("data-topic") for t in topics.all()] == want["topics"]
    rows = page.locator("[data-workshop-questions] tbody tr").all()
    assert [r.get_attribute("data-row") for r in rows] == [
        f"question:{q}" for q in want["ranked"]["questions"]
    ]
    for row in rows:
        question = want["questions"][row.get_attribute("data-row").split(":")[1]]
        assert row.locator("td").nth(2).inner_text() == str(question["spread"])
        shown = dict(
            (li.get_attribute("data-choice"), li.inner_text().rsplit(": ", 1)[1])
            for li in row.locator("[data-choice]").all()
        )
        assert shown == {c: str(n) for c, n in question["counts"].items()}
    chart = page.locator("[data-workshop-chart]")
    assert chart.locator(".cco-strip__row").count() == 4  # three dimensions and the axis
    assert chart.locator("[data-row='score:direction'] .cco-strip__dot").count() == 6
    # Anonymity on: no names anywhere, and the teams of three show counts only.
    text = page.locator(PANEL).inner_text()
    assert not any(name in text for name in NAMES)
    assert "Team detail is hidden" in text
    assert page.locator("[data-workshop-people]").count() == 0
    assert json.loads(download(page, "[data-workshop-json]")) == want
    clean(watch)


def test_names_and_small_groups_show_only_with_anonymity_off(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    load(page, room(tmp_path, ROWS[:4]), respondents=4)
    assert "Fewer than 5 respondents" in page.locator("[data-workshop-hidden]").inner_text()
    assert page.locator("[data-workshop-questions], [data-workshop-topics]").count() == 0
    assert page.locator("[data-workshop-facilitate]").is_disabled()
    assert json.loads(download(page, "[data-workshop-json]")) == expected(built, ROWS[:4])
    # The threshold never goes below three.
    page.fill("[data-workshop-min-group]", "2")
    page.dispatch_event("[data-workshop-min-group]", "change")
    assert page.input_value("[data-workshop-min-group]") == "3"
    assert page.locator("[data-workshop-questions]").is_visible()
    assert json.loads(download(page, "[data-workshop-json]")) == expected(built, ROWS[:4], 3)
    page.uncheck("[data-workshop-anonymous]")
    people = page.locator("[data-workshop-people] tbody th").all_inner_texts()
    assert people == ["Sales: Anouk", "Sales: Bertil", "Sales: Cleopatra", "Ops: Dorian"]
    teams = page.locator("[data-workshop-teams] thead th").all_inner_texts()
    assert teams == ["Team", "Sales", "Ops"]
    assert json.loads(download(page, "[data-workshop-json]")) == expected(built, ROWS[:4], None)
    # A team typed in by hand is plain text, and a formula in it is neutralised in the CSV.
    page.fill("[data-workshop-team='0']", '=HYPERLINK("http://x")<b>')
    page.dispatch_event("[data-workshop-team='0']", "change")
    assert page.locator(f"{PANEL} b").count() == 0
    table = list(csv.reader(io.StringIO(download(page, "[data-workshop-csv]"))))
    team_rows = [r for r in table if r[0] == "team"]
    assert team_rows[0][1] == '\'=HYPERLINK("http://x")<b>'
    assert all(not r[1].startswith(("=", "+", "-", "@")) for r in table)
    assert table[0][:3] == ["Kind", "Id", "Title"]
    assert table[1][:4] == ["respondents", "", "Do you need a CCO?", "4"]
    clean(watch)


def test_bad_files_are_reported_skipped_and_never_run(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    good = room(tmp_path, ROWS[:5])
    evil = '<img src=x onerror="window.pwned=1">'
    bad = [
        write(tmp_path, "old.json", export(ROWS[0][1], "Old", version=3)),
        write(tmp_path, "other.json", export(ROWS[0][1], "Other", playbook="other-playbook")),
        write(tmp_path, "fit.json", export({"people": "few"}, "Fit", assessment="fit")),
        write(tmp_path, "broken.json", '{"answers": {'),
        write(tmp_path, f"{evil}.json", export(ROWS[1][1], evil)),
        write(tmp_path, "formula.json", export(ROWS[1][1], "=cmd|' /C calc'!A0")),
        write(tmp_path, "tampered.json", export({**ROWS[2][1], "goals": "<script>"}, "T")),
        write(
            tmp_path,
            "again.json",
            export(ROWS[3][1], ROWS[0][0], exported="2025-02-01T00:00:00.000Z"),
        ),
    ]
    # Read as a browser reads a file: by its byte order mark, bad bytes replaced.
    utf16 = tmp_path / "utf16.json"
    utf16.write_bytes(json.dumps(export(ROWS[5][1], "Board: Wide")).encode("utf-16"))
    latin = tmp_path / "latin.json"
    latin.write_bytes(
        json.dumps(export(ROWS[5][1], "Board: JOSE")).encode().replace(b"JOSE", b"Jos\xe9")
    )
    files = [good[0], *bad[:4], good[1], good[2], *bad[4:], utf16, good[3], good[4], latin]
    load(page, files, respondents=7)
    reasons = skipped(page)
    group, notes = aggregate_paths(built[1]["readiness"], PLAYBOOK, files)
    # The page and `aggregate` skip the same files, for the same reasons, in the same order.
    assert [r for r, _ in reasons] == [
        "other_version",
        "other_playbook",
        "other_assessment",
        "unreadable",
        "hostile",
        "hostile",
        "mismatched",
        "duplicate",
    ]
    assert [n.split(": skipped")[0] for n in notes] == [str(f) for f in bad]
    assert reasons[0][1] == (
        "old.json was skipped: it was made for version 3 of this assessment, which is now"
        " version 4. The questions have changed, so results of different versions are never mixed."
    )
    assert reasons[4][1].startswith(f"{evil}.json was skipped: its label or team looks like")
    assert reasons[7][1] == (
        "again.json was skipped: it is the same respondent as r0.json, which is counted"
        " instead (the later export counts)."
    )
    assert (
        page.locator(".cco-workshop__counted").inner_text()
        == "7 result(s) counted, 8 file(s) skipped."
    )
    assert page.evaluate("window.pwned") is None
    assert page.locator(f"{PANEL} img, {PANEL} script").count() == 0
    assert json.loads(download(page, "[data-workshop-json]")) == group
    # An earlier round of another version is refused too: never mixed into the trend.
    load(page, [bad[0]], target=BASELINE)
    page.locator("[data-skip-round=earlier]").wait_for()
    assert skipped(page)[-1][1].startswith(
        "Earlier round: old.json was skipped: it was made for version 3"
    )
    assert json.loads(download(page, "[data-workshop-json]"))["baseline"]["respondents"] == 0
    clean(watch)


def test_a_baseline_gives_trend_arrows(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    now = [(label, {**a, "resources": "yes"}) for label, a in ROWS]
    load(page, room(tmp_path, now), respondents=6)
    load(page, room(tmp_path, ROWS, prefix="q3-"), target=BASELINE)
    page.locator("[data-workshop-trend]").wait_for()
    rows = {
        r.get_attribute("data-row"): r.locator("td").all_inner_texts()
        for r in page.locator("[data-workshop-trend] tbody tr").all()
    }
    people = [Respondent(a, label.split(":")[0]) for label, a in now]
    before = [Respondent(a, label.split(":")[0]) for label, a in ROWS]
    want = aggregate(built[1]["readiness"], people, 5, before)
    change = want["trend"]["capacity"]
    assert change["arrow"] == "up"
    assert rows["score:capacity"] == [
        str(want["baseline"]["scores"]["capacity"]),
        str(want["scores"]["capacity"]["median"]),
        f"▲ up +{change['delta']}",
    ]
    assert json.loads(download(page, "[data-workshop-json]")) == want
    clean(watch)


def test_files_dropped_on_the_page_count_like_chosen_ones(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    texts = [json.dumps(export(a, label)) for label, a in ROWS]
    page.evaluate(
        """texts => {
             const data = new DataTransfer();
             texts.forEach((t, i) => data.items.add(new File([t], 'dropped' + i + '.json')));
             const zone = document.querySelector('[data-workshop-files-zone]');
             zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
             zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
           }""",
        texts,
    )
    page.wait_for_function(
        "() => document.querySelector('.cco-workshop__count')?.textContent.startsWith('6 ')"
    )
    assert json.loads(download(page, "[data-workshop-json]")) == expected(built, ROWS)
    clean(watch)


def test_the_keyboard_reaches_every_control(
    offline_context: Any, built: tuple[Path, dict[str, Assessment]], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    open_panel(page, built[0])
    page.click("[data-workshop-close]")
    assert page.locator(PANEL).count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-workshop')")
    page.keyboard.press("Enter")
    page.locator(PANEL).wait_for()
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => { const a = document.activeElement;
                           return [...a.attributes].map(x => x.name).find(n => n.startsWith('data-') && n !== 'data-focus-visible-added')
                                  || a.tagName.toLowerCase(); }"""
            )
        )
    assert reached == [
        "summary",
        "data-workshop-files",
        "data-workshop-baseline",
        "data-workshop-anonymous",
        "data-workshop-min-group",
        "data-workshop-clear",  # the group's tools wait for results
    ]
    clean(watch)
