"""The German edition reads German: outside proper names, terms the German text uses
as they are (Time to Value) and the titles of the English sources it cites, no page
holds common English words. A missed string, template word or untranslated text shows
up here as "the", "and" or "your"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

#: Words German never uses, so any of them means English text.
ENGLISH = frozenset(
    [
        "the",
        "and",
        "with",
        "your",
        "you",
        "of",
        "to",
        "is",
        "are",
        "for",
        "that",
        "this",
        "what",
        "when",
        "who",
        "how",
        "not",
        "it",
        "be",
        "by",
        "from",
        "which",
        "should",
        "must",
        "have",
        "has",
        "our",
        "their",
    ]
)
#: English the German text keeps on purpose: terms of the trade, job titles, and the
#: titles of the source articles (sources.md names them as published).
KEPT = (
    "Time to Value",
    "Voice-of-the-Customer",
    "Voice of the Customer",
    "Head of Customer",
    "„Head of“",
    "What a fractional Chief Customer Officer [ CCO ] does in small and medium businesses",
    "Do You Need a Chief Customer Officer?",
    "Chief Customer Officer is key in the customer economy.",
    "What the heck is a Chief Customer Officer ( CCO )?",
    "Where Should Your Chief Customer Officer Report?",
    "The Customer Focus Smorgasbord",
    "(Cost to Serve)",
)
#: Cited titles: in quotation marks or italics, they stay as published.
_TITLES = re.compile(r"„[^“]*“|<em>.*?</em>|<cite>.*?</cite>", re.S)
_ARTICLE = re.compile(r"<article.*?</article>", re.S)
_WORD = re.compile(r"\b[A-Za-z]+\b")


def english_words(page: Path) -> list[str]:
    found = _ARTICLE.search(page.read_text(encoding="utf-8"))
    if found is None:
        return []
    markup = _TITLES.sub(" ", re.sub(r"<style.*?</style>", " ", found.group(0), flags=re.S))
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
    text = _TITLES.sub(" ", text)
    for term in KEPT:
        text = text.replace(term, " ")
    return [w for w in _WORD.findall(text) if w.lower() in ENGLISH]


def test_no_german_page_holds_english_words(built_german_site: Path) -> None:
    pages = sorted(built_german_site.rglob("*.html"))
    assert len(pages) > 50
    found = {
        page.relative_to(built_german_site).as_posix(): words
        for page in pages
        if (words := english_words(page))
    }
    assert found == {}


def test_the_scan_finds_english(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<article><p>Die Kundenarbeit. Talk to us about your results.</p>"
        "<p>„Stop Trying to Delight Your Customers“, <em>Leading the Change</em>,"
        " Time to Value.</p></article>",
        encoding="utf-8",
    )
    assert english_words(page) == ["to", "your"]
