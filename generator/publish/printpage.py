"""One print page for the PDF: cover, contents with page numbers, chapters, worksheets.

It is assembled from the built site (the same HTML readers see), in navigation
order, so the PDF's contents and cross-references are links inside one document.
A chapter is a top-level entry of the navigation: a group of pages, or a page on its
own. Chapters start on a new page; the pages inside a chapter follow one another,
so a short page (an index that is mostly a list of links) shares its sheet with the
next instead of leaving it nearly empty. A worksheet starts on a page of its own too:
it is a sheet to hand out.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from generator.model import Playbook
from generator.publish.contents import ContentsEntry, anchors, contents_html
from generator.publish.cover import cover_html, cover_of
from generator.publish.fitpage import (
    anchor_heading,
    anchor_of,
    cards_to_overview,
    demote,
    page_content,
    title_of,
)
from generator.publish.worksheet import WORKSHEET_CSS
from generator.ui_strings import ui_strings

PRINT_PAGE = "print-playbook.html"
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
_BODY = re.compile(r"<body([^>]*)>")

PRINT_CSS = files("generator.publish").joinpath("print.css").read_text("utf-8") + WORKSHEET_CSS


@dataclass(frozen=True)
class PrintEntry:
    """One page of the site in reading order, with the nav group it sits in.

    ``group`` is HTML, as MkDocs' nav carries titles (escaped once by the renderer).
    """

    path: str
    group: str | None


def reading_order(nav: list[Any]) -> list[PrintEntry]:
    """Flatten MkDocs' nav setting into built page paths (``x.md`` -> ``x.html``)."""
    entries: list[PrintEntry] = []

    def walk(items: list[Any], group: str | None) -> None:
        for item in items:
            if isinstance(item, str):
                if item.endswith(".md"):
                    entries.append(PrintEntry(item.removesuffix(".md") + ".html", group))
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        walk(value, str(title) if group is None else group)
                    else:
                        walk([value], group)

    walk(nav, None)
    return entries


def chapters(entries: list[PrintEntry]) -> list[list[PrintEntry]]:
    """Entries split into chapters: each nav group, and each page outside a group."""
    out: list[list[PrintEntry]] = []
    for entry in entries:
        if entry.group is not None and out and out[-1][0].group == entry.group:
            out[-1].append(entry)
        else:
            out.append([entry])
    return out


def _is_index(entry: PrintEntry) -> bool:
    return entry.group is not None and posixpath.basename(entry.path) == "index.html"


@dataclass(frozen=True)
class PrintBook:
    """The print page in its parts; only the contents' page numbers change between prints."""

    head: str
    cover: str
    contents_heading: str
    contents: list[ContentsEntry]
    body: str

    @property
    def anchors(self) -> list[str]:
        """The anchors whose page numbers the contents show."""
        return list(anchors(self.contents))

    def html(self, numbers: Mapping[str, int] | None = None) -> str:
        """The whole print page, with the contents' page numbers where known."""
        toc = contents_html(self.contents, self.contents_heading, numbers or {})
        return f"{self.head}{self.cover}{toc}{self.body}</div></body></html>"


class _Assembler:
    """Walks the chapters once, collecting their HTML and the contents' entries."""

    def __init__(self, site_dir: Path, entries: list[PrintEntry], playbook: Playbook) -> None:
        self.site_dir = site_dir
        self.pages = {e.path for e in entries}
        self.worksheets = {f"assessments/{a.model.id}.html": a.model for a in playbook.assessments}
        self.ui = ui_strings(playbook.brand.model.language)
        self.contents: list[ContentsEntry] = []
        self.body: list[str] = []

    def page(self, entry: PrintEntry, *, level: int) -> ContentsEntry:
        """One page at heading ``level`` (1 opens a chapter), wrapped in its own section."""
        content = page_content(self.site_dir, entry.path, self.pages, self.worksheets, self.ui)
        if level > 1:
            content = demote(content)
        elif _is_index(entry):
            content = demote(cards_to_overview(content), keep_h1=True)
        anchor = anchor_of(entry.path)
        title = title_of(content) or html.escape(entry.path)
        box_id, content = anchor_heading(content, anchor)
        kind = "print-page print-sheet" if entry.path in self.worksheets else "print-page"
        id_attr = f' id="{box_id}"' if box_id else ""
        self.body.append(f'<section class="{kind}"{id_attr}>{content}</section>')
        return ContentsEntry(anchor, title)

    def chapter(self, entries: list[PrintEntry]) -> None:
        self.body.append('<section class="print-chapter">')
        first, group = entries[0], entries[0].group
        if group is None:
            self.contents.append(self.page(first, level=1))
        elif _is_index(first):
            # A section's index page is the heading its pages sit under, named as the nav names it.
            opener = self.page(first, level=1)
            self.contents.append(ContentsEntry(opener.anchor, group))
            entries = entries[1:]
        else:
            anchor = anchor_of("group-" + group)
            self.body.append(f'<h1 id="{anchor}">{group}</h1>')
            self.contents.append(ContentsEntry(anchor, group))
        if group is not None:
            self.contents[-1].children = [self.page(e, level=2) for e in entries]
        self.body.append("</section>")


def print_book(site_dir: Path, nav: list[Any], playbook: Playbook) -> PrintBook:
    """The whole playbook as the parts of one HTML document at the top of ``site_dir``."""
    entries = [e for e in reading_order(nav) if (site_dir / e.path).is_file()]
    assembler = _Assembler(site_dir, entries, playbook)
    for chapter in chapters(entries):
        assembler.chapter(chapter)
    front = (site_dir / "index.html").read_text(encoding="utf-8")
    styles = "".join(f'<link rel="stylesheet" href="{h}">' for h in _STYLESHEET.findall(front))
    body_attrs = m.group(1) if (m := _BODY.search(front)) else ""
    info, brand = playbook.info.model, playbook.brand.model
    head = (
        f'<!doctype html><html lang="{html.escape(brand.language)}"><head>'
        f'<meta charset="utf-8"><title>{html.escape(info.title)}</title>{styles}'
        f'<style>{PRINT_CSS}</style></head><body{body_attrs}><div class="md-typeset">'
    )
    return PrintBook(
        head=head,
        cover=cover_html(cover_of(playbook, assembler.ui)),
        contents_heading=assembler.ui["print_contents"],
        contents=assembler.contents,
        body="".join(assembler.body),
    )


def build_print_page(
    site_dir: Path, nav: list[Any], playbook: Playbook, numbers: Mapping[str, int] | None = None
) -> str:
    """The whole playbook as one HTML document, with the contents' page numbers if given."""
    return print_book(site_dir, nav, playbook).html(numbers)
