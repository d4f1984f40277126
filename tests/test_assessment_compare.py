"""Comparing exported results in a real Chromium, from file:// of a built site."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.assessment import PAGE_SCRIPTS
from generator.model import Assessment
from generator.scoring import score
from generator.site import check
from tests.conftest import FIXTURES, PageWatch, run_cli

pytestmark = pytest.mark.browser

RESULT = "[data-assessment-result]"
NOTICE = "[data-assessment-notice]"
COMPARISON = "[data-assessment-comparison]"
PICK = "[data-assessment-compare]"
READINESS_TITLES = {"direction": "Direction", "capacity": "Capacity"}
FIT_TITLES = {
    "ceo-office": "Office of the CEO",
    "line-dedicated": "Line leader, dedicated team",
    "grassroots": "Grassroots",
    "full-time": "A full-time leader",
    "ceo-led": "The CEO leads it",
}
FIT_GROUPS = {"who": "Who leads", "where": "Where it starts"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The assessment fixture, built once for this module."""
    project = tmp_path_factory.mktemp("compare")
    shutil.copytree(FIXTURES / "assessment", project, dirs_exist_ok=True)
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def assessments(site: Path) -> dict[str, Assessment]:
    return {a.model.id: a.model for a in check(site / "mkdocs.yml").assessments}


def url(site: Path, assessment: str = "readiness") -> str:
    return (site / "site" / "assessments" / f"{assessment}.html").as_uri()


def answer(page: Any, answers: dict[str, str]) -> None:
    for question, choice in answers.items():
        page.check(f"fieldset[data-question={question}] input[value={choice}]")


def export(page: Any, answers: dict[str, str], label: str, folder: Path) -> Path:
    """Answer, show the result, type a label and download the JSON."""
    page.click("[data-assessment-clear]")
    answer(page, answers)
    page.click("button[type=submit]")
    page.fill("[data-assessment-label]", label)
    with page.expect_download() as download:
        page.click("[data-assessment-json]")
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def table(page: Any) -> dict[str, list[str]]:
    """The comparison table as {row key: cells}, with the header row under 'head'."""
    rows: dict[str, list[str]] = {
        "head": page.locator(f"{COMPARISON} thead th").all_inner_texts()[1:]
    }
    for row in page.locator(f"{COMPARISON} tbody tr").all():
        rows[row.get_attribute("data-row")] = row.locator("td").all_inner_texts()
    return rows


def shown(value: int | None) -> str:
    return "not scored" if value is None else str(value)


def clean(watch: PageWatch) -> None:
    assert watch.page_errors == []
    assert watch.outside_requests == []


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_labelled_exports_compare_with_the_python_scores(
    offline_context: Any, site: Path, assessments: dict[str, Assessment], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(site))
    first = {"goals": "yes", "roadmap": "partly", "resources": "no"}
    second = {"goals": "no", "roadmap": "no", "resources": "yes", "mood": "lots"}
    one = export(page, first, "Sales leadership, Q3", tmp_path)
    # The label survives a reload (it is kept with the answers) and names the file.
    page.reload()
    assert page.locator("[data-assessment-label]").input_value() == "Sales leadership, Q3"
    with page.expect_download() as download:
        page.click("[data-assessment-csv]")
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert rows[1] == ["label", "", "", "Sales leadership, Q3"]
    assert rows[2][0] == "exported" and rows[2][3][:4].isdigit()
    two = export(page, second, "Support, Q4", tmp_path)
    assert one.name == "assessment-test-readiness-v4-sales-leadership-q3.json"
    data = json.loads(one.read_text())
    assert (data["label"], data["answers"]) == ("Sales leadership, Q3", first)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", data["exported"])

    page.set_input_files(PICK, [str(one), str(two)])
    page.locator(COMPARISON).wait_for(state="visible")
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-comparison')")
    got = table(page)
    today = data["exported"][:10]
    assert got["head"] == [f"Sales leadership, Q3\n{today}", f"Support, Q4\n{today}"]
    want = [score(assessments["readiness"], a) for a in (first, second)]
    for target in ("direction", "capacity", "spirit"):
        assert got[f"score:{target}"] == [shown(w["scores"][target]) for w in want]
    assert got["axis:support"] == [shown(w["axes"]["support"]) for w in want]
    verdicts = {v.id: v.title for v in assessments["readiness"].verdicts}
    assert got["verdict"] == [verdicts.get(w["verdict"], "not scored") for w in want]
    assert got["answered"] == [str(w["answered"]) for w in want]
    # The chart carries the same numbers: one bar group per result and row.
    chart = page.locator(f"{COMPARISON} svg[role=img]")
    assert chart.get_attribute("aria-labelledby")
    values = chart.locator("text.cco-chart__value").all_text_contents()
    assert values[:2] == [shown(w["axes"]["support"]) for w in want]
    assert page.locator(f"{COMPARISON} .cco-compare__legend li").count() == 2
    clean(watch)


def test_scores_come_from_the_answers_not_the_file(
    offline_context: Any, site: Path, assessments: dict[str, Assessment], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(site, "fit"))
    over_time = [
        ("2024-03-31T10:00:00.000Z", {"backing": "staff", "scale": "small"}),
        ("2024-09-30T10:00:00.000Z", {"backing": "ceo", "scale": "large", "tie": "a"}),
    ]
    files = [
        write(
            tmp_path,
            f"team-{i}.json",
            {
                "assessment": "fit",
                "version": 3,
                "label": "Team A",
                "exported": date,
                "answers": answers,
                "result": {"scores": {"grassroots": 999}, "ranking": ["nonsense"]},
            },
        )
        for i, (date, answers) in enumerate(over_time)
    ]
    page.set_input_files(PICK, [str(f) for f in files])
    page.locator(COMPARISON).wait_for(state="visible")
    got = table(page)
    assert got["head"] == ["Team A\n2024-03-31", "Team A\n2024-09-30"]
    want = [score(assessments["fit"], a) for _, a in over_time]
    for outcome in FIT_TITLES:
        assert got[f"score:{outcome}"] == [shown(w["scores"][outcome]) for w in want]
    for group, ranked in want[1]["ranking"].items():
        for rank in range(1, len(ranked) + 1):
            assert got[f"rank:{group}-{rank}"] == [
                FIT_TITLES[w["ranking"][group][rank - 1]]
                if w["scores"][w["ranking"][group][rank - 1]] is not None
                else "not scored"
                for w in want
            ]
    assert "999" not in page.locator(COMPARISON).inner_text()
    clean(watch)


def test_other_versions_and_unreadable_files_are_listed_and_left_out(
    offline_context: Any, site: Path, tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(site))
    good = write(
        tmp_path,
        "good.json",
        {"assessment": "readiness", "version": 4, "answers": {"goals": "yes"}},
    )
    old = write(
        tmp_path, "old.json", {"assessment": "readiness", "version": 3, "answers": {"goals": "no"}}
    )
    other = write(tmp_path, "other.json", {"assessment": "fit", "version": 3, "answers": {}})
    broken = write(tmp_path, "broken.json", "{not json")
    empty = write(tmp_path, "empty.json", {"assessment": "readiness", "version": 4, "answers": {}})
    page.set_input_files(PICK, [str(p) for p in (good, old, other, broken, empty)])
    page.locator(COMPARISON).wait_for(state="visible")
    notices = page.locator(f"{NOTICE} p").all_inner_texts()
    assert notices[0].startswith("old.json was left out: ")
    assert "version 3" in notices[0] and "version 4" in notices[0]
    assert notices[1].startswith("other.json was left out: ") and "('fit')" in notices[1]
    assert notices[2] == "broken.json was left out: " + (
        "The file is not a results file from this assessment, so nothing was changed."
    )
    assert notices[3].startswith("empty.json was left out: it holds no answers")
    assert len(notices) == 4
    assert table(page)["head"] == ["good.json"]
    # Nothing usable: a notice, no comparison.
    page.set_input_files(PICK, [str(old), str(broken)])
    page.wait_for_function("() => !document.querySelector('[data-assessment-comparison]')")
    assert "None of the chosen files could be compared." in page.locator(NOTICE).inner_text()
    clean(watch)


def test_hostile_files_are_data_never_markup(
    offline_context: Any, site: Path, tmp_path: Path
) -> None:
    context, watch = offline_context
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url(site))
    xss = "<img src=x onerror=window.__pwned=1>"
    hostile = write(
        tmp_path,
        xss.replace("<", "").replace(">", "").replace("/", "") + ".json",
        '{"__proto__": {"polluted": 1}, "assessment": "readiness", "version": 4,'
        f' "label": "{xss}\\u202e' + "x" * 200_000 + '", "exported": "<script>",'
        ' "answers": {"__proto__": {"x": 1}, "constructor": "yes", "goals": "yes",'
        f' "roadmap": {{"toString": 1}}, "resources": "{"y" * 300_000}"}}}}',
    )
    many = write(
        tmp_path,
        "many-keys.json",
        {"assessment": "readiness", "version": 4, "answers": {f"k{i}": "yes" for i in range(600)}},
    )
    huge = write(tmp_path, "huge.json", '{"answers": {"goals": "' + "z" * 1_100_000 + '"}}')
    xss_named = write(tmp_path, "named.json", {"goals": "no"})
    page.set_input_files(PICK, [str(hostile), str(many), str(huge), str(xss_named)])
    page.locator(COMPARISON).wait_for(state="visible")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.locator(f"{COMPARISON} script").count() == 0
    assert page.evaluate("({}).polluted === undefined && Object.prototype.x === undefined")
    assert dialogs == []
    head = table(page)["head"]
    # The label is shown as text, one line, cut to 80 characters, no date from "<script>".
    assert head[0] == (xss + " " + "x" * 80)[:80]
    assert head[1] == "named.json"
    notices = page.locator(f"{NOTICE} p").all_inner_texts()
    assert any("4 answer(s) did not match" in n for n in notices)
    assert any(n.startswith("many-keys.json was left out") for n in notices)
    assert any(n.startswith("huge.json was left out") for n in notices)
    clean(watch)


def test_comparison_csv_has_a_row_per_score(
    offline_context: Any, site: Path, assessments: dict[str, Assessment], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(site))
    answers = [{"goals": "yes", "mood": "little"}, {"roadmap": "no", "resources": "partly"}]
    files = [
        write(
            tmp_path,
            f"r{i}.json",
            {
                "assessment": "readiness",
                "version": 4,
                "label": label,
                "answers": a,
                "exported": "2025-01-0" + str(i + 1),
            },
        )
        for i, (label, a) in enumerate(zip(["=HYPERLINK(1)", "Ops"], answers, strict=True))
    ]
    page.set_input_files(PICK, [str(f) for f in files])
    page.locator(COMPARISON).wait_for(state="visible")
    with page.expect_download() as download:
        page.click("[data-assessment-compare-csv]")
    assert download.value.suggested_filename == "assessment-test-readiness-v4-comparison.csv"
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    want = [score(assessments["readiness"], a) for a in answers]
    verdicts = {v.id: v.title for v in assessments["readiness"].verdicts}

    def cells(values: list[Any]) -> list[str]:
        return ["" if v is None else str(v) for v in values]

    assert rows == [
        ["Kind", "Id", "Title", "'=HYPERLINK(1)", "Ops"],
        ["date", "", "", "2025-01-01", "2025-01-02"],
        ["axis", "support", "Support", *cells([w["axes"]["support"] for w in want])],
        ["score", "direction", "Direction", *cells([w["scores"]["direction"] for w in want])],
        ["score", "capacity", "Capacity", *cells([w["scores"]["capacity"] for w in want])],
        [
            "score",
            "spirit",
            'Spirit <b>& "quotes"</b>',
            *cells([w["scores"]["spirit"] for w in want]),
        ],
        ["verdict", "", "Verdict", *cells([verdicts.get(w["verdict"]) for w in want])],
        ["answered", "", "Questions answered (of 5)", *cells([w["answered"] for w in want])],
    ]
    clean(watch)


def test_keyboard_reaches_the_file_input_and_the_comparison_tools(
    offline_context: Any, site: Path, tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(site))
    page.focus("[data-assessment-clear]")
    page.keyboard.press("Tab")  # the import input
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-compare')")
    # Whether Space opens a native chooser depends on the session's focus state, so the
    # files are handed to the focused input directly; reaching it by keyboard is the point.
    assert page.evaluate("document.activeElement.multiple && document.activeElement.type") == "file"
    page.set_input_files(
        PICK,
        [
            str(write(tmp_path, "a.json", {"goals": "yes"})),
            str(write(tmp_path, "b.json", {"goals": "no"})),
        ],
    )
    page.locator(COMPARISON).wait_for(state="visible")
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-comparison')")
    for hook in ("csv", "print", "close"):
        page.keyboard.press("Tab")
        assert page.evaluate(
            f"document.activeElement.hasAttribute('data-assessment-compare-{hook}')"
        )
    page.keyboard.press("Enter")  # close
    assert page.locator(COMPARISON).count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-assessment-compare')")
    clean(watch)


def test_the_comparison_prints_first_and_alone_from_its_button(
    offline_context: Any, site: Path, tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(site))
    answer(page, {"goals": "yes"})
    page.click("button[type=submit]")
    page.set_input_files(PICK, [str(write(tmp_path, "a.json", {"goals": "partly"}))])
    page.locator(COMPARISON).wait_for(state="visible")
    page.emulate_media(media="print")
    top = page.locator(COMPARISON).bounding_box()["y"]
    assert top < page.locator(RESULT).bounding_box()["y"]
    assert top < page.locator("form[data-assessment]").bounding_box()["y"]
    assert page.locator(".cco-compare__tools").is_hidden()
    assert (
        page.locator(f"{COMPARISON} table").bounding_box()["width"] <= page.viewport_size["width"]
    )
    # The comparison's own print button prints it alone (window.print is stubbed: headless).
    page.evaluate("window.print = () => {}")
    page.emulate_media(media="screen")
    page.click("[data-assessment-compare-print]")
    page.emulate_media(media="print")
    assert page.locator("form[data-assessment]").is_hidden()
    assert page.locator(RESULT).is_hidden()
    assert page.locator(COMPARISON).is_visible()
    assert page.pdf().startswith(b"%PDF")
    clean(watch)


def test_only_assessment_pages_load_the_scorer_and_the_comparison(site: Path) -> None:
    built = site / "site"
    page = (built / "assessments" / "readiness.html").read_text(encoding="utf-8")
    found = [page.index(f'<script src="../assets/playbook/{name}">') for name in PAGE_SCRIPTS]
    assert found == sorted(found)  # each script loads after those it depends on
    assert PAGE_SCRIPTS.index("assessment-compare.js") < PAGE_SCRIPTS.index("assessment.js")
    for other in ("index.html", "roles/cco.html", "assessments/index.html"):
        text = (built / other).read_text(encoding="utf-8")
        assert not any(name in text for name in PAGE_SCRIPTS), other
