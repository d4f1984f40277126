"""The PDF's contents: every chapter and page, with the page it starts on.

Chromium has no ``target-counter()``, so the numbers come from a first print (see
``generator.publish.pdf``). A title may take all the line but a fixed room kept for
its number, so the contents wrap the same with or without numbers and the second print
lays out exactly as the first.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass
class ContentsEntry:
    """A chapter or a page: the anchor of its heading, its title as HTML, what it holds."""

    anchor: str
    title: str
    children: list[ContentsEntry] = field(default_factory=list)


def anchors(entries: list[ContentsEntry]) -> Iterator[str]:
    """Every anchor the contents point at, in reading order."""
    for entry in entries:
        yield entry.anchor
        yield from anchors(entry.children)


def contents_html(entries: list[ContentsEntry], heading: str, numbers: Mapping[str, int]) -> str:
    """The contents page; an anchor missing from ``numbers`` gets an empty number box."""

    def items(level: list[ContentsEntry]) -> str:
        out = []
        for entry in level:
            number = numbers.get(entry.anchor)
            inner = f"<ul>{items(entry.children)}</ul>" if entry.children else ""
            out.append(
                f'<li><a href="#{entry.anchor}"><span class="print-toc-title">{entry.title}</span>'
                '<span class="print-toc-leader" aria-hidden="true"></span>'
                f'<span class="print-toc-page">{"" if number is None else number}</span></a>'
                f"{inner}</li>"
            )
        return "".join(out)

    return f'<nav class="print-toc"><h1>{html.escape(heading)}</h1><ul>{items(entries)}</ul></nav>'
