"""Reading a printed PDF the way a reviewer would: poppler's text, boxes and bookmarks."""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

MM = 72 / 25.4
#: The print page's margins (generator/publish/print.css, pdf.py): top and bottom, in points.
TOP, BOTTOM = 18 * MM, 20 * MM


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    """Whitespace collapsed and ligatures (ﬃ) undone, as poppler may extract them."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def page_texts(pdf: Path, *, layout: bool = False) -> list[str]:
    """The text of each page (index 0 is page 1)."""
    text = poppler("pdftotext", *(["-layout"] if layout else []), str(pdf), "-")
    return text.split("\f")[:-1]


@dataclass
class Bookmark:
    title: str
    page: int
    children: list[Bookmark] = field(default_factory=list)


def bookmarks(pdf: Path) -> list[Bookmark]:
    """The PDF's outline as a tree, from poppler's XML."""
    xml = poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf))
    start = xml.find("<outline>")
    assert start != -1, "the PDF has no outline"
    end = xml.rindex("</outline>") + len("</outline>")
    root = ElementTree.fromstring(xml[start:end])

    def walk(node: ElementTree.Element) -> list[Bookmark]:
        items: list[Bookmark] = []
        for child in node:
            if child.tag == "item":
                items.append(Bookmark(flat(child.text or ""), int(child.get("page", "0"))))
            elif child.tag == "outline" and items:
                items[-1].children = walk(child)
        return items

    return walk(root)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class PageBoxes:
    number: int
    width: float
    height: float
    words: list[Word]

    @property
    def body(self) -> list[Word]:
        """The words inside the page's margins (the footer sits below them)."""
        return [w for w in self.words if w.y1 <= self.height - BOTTOM + 1]

    @property
    def filled(self) -> float:
        """How far down the text area the text reaches, from 0 (empty) to 1 (full)."""
        body = self.body
        if not body:
            return 0.0
        return (max(w.y1 for w in body) - TOP) / (self.height - TOP - BOTTOM)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def page_boxes(pdf: Path) -> list[PageBoxes]:
    """Every word of every page with its box, in points from the top left."""
    out = poppler("pdftotext", "-bbox", str(pdf), "-")
    pages = []
    for number, (width, height, body) in enumerate(_PAGE.findall(out), start=1):
        words = [
            Word(html.unescape(t), float(a), float(b), float(c), float(d))
            for a, b, c, d, t in _WORD.findall(body)
        ]
        pages.append(PageBoxes(number, float(width), float(height), words))
    return pages
