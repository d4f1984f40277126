"""The printed worksheet: enough on paper to reach the page's result without a computer."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from generator.model import Assessment
from generator.publish.worksheet import worksheet
from generator.scoring import score
from generator.site import check
from generator.ui_strings import ui_strings
from tests.conftest import ROOT


class _Text(HTMLParser):
    """The text of an HTML fragment, and its tables as rows of cells."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def assessments() -> dict[str, Assessment]:
    return {a.model.id: a.model for a in check(ROOT / "mkdocs.yml").assessments}


def parsed(assessment: Assessment, language: str = "en") -> _Text:
    text = _Text()
    text.feed(worksheet(assessment, f"assessments/{assessment.id}.html", ui_strings(language)))
    return text


def test_choices_print_with_their_points_and_what_they_rule_out(
    assessments: dict[str, Assessment],
) -> None:
    readiness = " ".join(" ".join(parsed(assessments["readiness"]).parts).split())
    assert "Yes (0) Partly (1) No (2) Not sure (no points)" in readiness
    assert "Counts towards: Undone: direction" in readiness
    assert "Fewer than 20 (Size and complexity +0)" in readiness
    fit = " ".join(" ".join(parsed(assessments["fit"]).parts).split())
    assert "rules out Company-wide campaign" in fit
    assert "Nothing new; it would have to come from people already here (" in fit


def test_the_scoring_grid_reproduces_the_pages_numbers(
    assessments: dict[str, Assessment],
) -> None:
    """Filling the grid by hand, as the printed steps say, gives the scorer's scores."""
    readiness = assessments["readiness"]
    sheet = parsed(readiness)
    name, date = sheet.tables[0][0][0], sheet.tables[0][0][2]
    assert (name, date) == ("Name or team", "Date")
    grid = {row[0]: row for row in sheet.tables[1][1:]}
    assert sheet.tables[1][0] == [
        "Dimension",
        "Questions",
        "Needs",
        "Lowest",
        "Highest",
        "Your points",
        "Score",
    ]
    answers = {q.id: readiness.choices_of(q)[0].id for q in readiness.questions}
    answers["goals-owner"] = "no"
    result = score(readiness, answers)
    for dimension in readiness.dimensions:
        row = grid[dimension.title]
        numbers = [int(n) for n in row[1].split(", ")]
        points = 0
        for n in numbers:
            question = readiness.questions[n - 1]
            choice = next(c for c in readiness.choices_of(question) if c.id == answers[question.id])
            points += readiness.points_of(question, choice).get(dimension.id, 0)
        low, high = int(row[3]), int(row[4])
        by_hand = (200 * (points - low) + (high - low)) // (2 * (high - low))
        assert by_hand == result["scores"][dimension.id], dimension.id
        assert row[5] == row[6] == ""  # left blank to fill in
    axes = {row[0]: row for row in sheet.tables[2][1:]}
    assert axes["Need for someone to drive the customer work"][1] == (
        "Undone: direction × 2, Undone: roles and ways of working × 1, Undone: participation"
        " and resources × 1, Undone: sharing and recognition × 1, Nobody drives it × 3"
    )
    verdicts = sheet.tables[3][1:]
    assert [row[1] for row in verdicts] == [v.title for v in readiness.verdicts]
    hire = next(row for row in verdicts if row[1] == "Hire a full-time Chief Customer Officer")
    assert hire[2].startswith(
        "Need for someone to drive the customer work at least 50; Readiness to support a"
        " customer leader at least 60; Scale that justifies a full-time executive at least 60;"
        " question 1 answered “100 to 499” or “500 or more”"
    )
    assert "Notes" in sheet.parts


def test_fit_prints_a_grid_per_group_with_a_rank_column(
    assessments: dict[str, Assessment],
) -> None:
    fit = assessments["fit"]
    sheet = parsed(fit)
    grids = sheet.tables[1:]
    assert len(grids) == len(fit.groups)
    for grid, group in zip(grids, fit.groups, strict=True):
        assert grid[0][-1] == "Rank"
        assert [row[0] for row in grid[1:]] == [
            o.title for o in fit.outcomes if o.group == group.id
        ]


def test_the_worksheet_speaks_the_brand_language(assessments: dict[str, Assessment]) -> None:
    text = " ".join(parsed(assessments["readiness"], "de").parts)
    assert "Kreuzen Sie pro Frage eine Antwort an." in text
    assert "Auswertung auf Papier" in text and "Ihre Punkte" in text
    assert not re.search(r"\bYour points\b|\bScoring it on paper\b", text)
