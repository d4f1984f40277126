"""What a content text becomes once Python-Markdown has parsed it.

Content text is judged by the parser's own output, not by patterns on its source:
raw HTML is what the parser stashes to pass through untouched, an attribute list is
what the ``attr_list`` extension applies to an element, and a link is an ``href`` or
``src`` in the element tree. So ``<5 staff``, ``AT&T`` and `` `<abbr>` `` stay text,
and ``<img/src=x onerror=…>`` is found however it is spelt.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.etree.ElementTree import Element

import markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.extensions.attr_list import (  # type: ignore[import-untyped]
    AttrListTreeprocessor,
    get_attrs_and_remainder,
)
from markdown.extensions.fenced_code import FencedBlockPreprocessor  # type: ignore[import-untyped]
from markdown.util import AMP_SUBSTITUTE  # type: ignore[import-untyped]

from generator.htmlscan import Found, content_code

#: The extensions a content text is parsed with: those the plugin turns on, and those
#: the default ``mkdocs.yml`` adds, so a text means here what it means on the page.
CHECKED_EXTENSIONS = (
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "fenced_code",
)
# Without one of these a text can make no element, link or attribute: no need to parse.
_SYNTAX_CHARS = frozenset("<[{")
# Without one of these (spaces aside) a page holds no raw HTML, attribute list, entity or
# script URL: most pages need no parse at all.
_PAGE_SYNTAX = ("<", "{", "&", "script:")
# A heading's anchor (``{ #who-decides-what }``, as translated pages keep the English
# ones) sets an id and nothing else: it cannot run anything, and need not cost a parse.
_ANCHOR_ONLY = re.compile(r"\{:?[ \t]*#[A-Za-z0-9_-]+[ \t]*\}")


@dataclass(frozen=True)
class Findings:
    """What the parser made of one text that a content text may not contain, and its links."""

    raw_html: tuple[str, ...] = ()
    attribute_lists: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    images: tuple[str, ...] = ()


class _RecordingAttrList(AttrListTreeprocessor):  # type: ignore[misc]
    """``attr_list`` as the site runs it, noting every list it applies."""

    applied: list[str]

    def assign_attrs(self, elem: Element, attrs_string: str, *, strict: bool = False) -> str:
        attrs, remainder = get_attrs_and_remainder(attrs_string)
        if attrs and not (strict and remainder):
            self.applied.append("{: " + attrs_string.strip() + " }")
        return str(super().assign_attrs(elem, attrs_string, strict=strict))


class _RecordingAttrListExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Any) -> None:
        md.treeprocessors.register(_RecordingAttrList(md), "attr_list", 8)
        md.registerExtension(self)


def _parser() -> tuple[Any, _RecordingAttrList]:
    names = [e for e in CHECKED_EXTENSIONS if e != "attr_list"]
    md = markdown.Markdown(extensions=[*names, _RecordingAttrListExtension()])
    attr_list = md.treeprocessors["attr_list"]
    assert isinstance(attr_list, _RecordingAttrList)
    return md, attr_list


# One parser, reset before each text (building one per text costs more than the parse);
# validation runs in one thread.
_MD, _ATTR_LIST = _parser()


def _url(value: str) -> str:
    """A tree attribute as the browser reads it (Markdown keeps ``&`` as a placeholder)."""
    return html.unescape(value.replace(AMP_SUBSTITUTE, "&"))


def _shown(stashed: Any) -> str:
    """The first tag of a stashed piece of raw HTML, as its author wrote it."""
    if isinstance(stashed, Element):
        return f"<{stashed.tag}>"
    text = str(stashed).strip()
    end = text.find(">")
    return text[: end + 1] if end != -1 else text


def _raw_html(stash: list[Any]) -> tuple[str, ...]:
    # Entities (``&amp;``) are stashed too; they are text.
    return tuple(_shown(p) for p in stash if isinstance(p, Element) or "<" in str(p))


@lru_cache(maxsize=4096)
def findings(text: str) -> Findings:
    """Parse ``text`` as the site would and report its raw HTML, attribute lists and links."""
    if not _SYNTAX_CHARS.intersection(text):
        return Findings()
    md = _MD
    md.reset()
    _ATTR_LIST.applied = []
    lines = text.split("\n")
    code_blocks = 0
    for step in md.preprocessors:
        lines = step.run(lines)
        if isinstance(step, FencedBlockPreprocessor):
            # Fenced code is stashed too, already escaped: it is text, not raw HTML.
            code_blocks = len(md.htmlStash.rawHtmlBlocks)
    raw = _raw_html(md.htmlStash.rawHtmlBlocks[code_blocks:])
    root = md.parser.parseDocument(lines).getroot()
    for step in md.treeprocessors:
        root = step.run(root) or root
    # Inline HTML is stashed while the tree is built; md_in_html takes its blocks out.
    raw += tuple(r for r in _raw_html(md.htmlStash.rawHtmlBlocks[code_blocks:]) if r not in raw)
    links = tuple(_url(e.get("href", "")) for e in root.iter("a"))
    images = tuple(_url(e.get("src", "")) for e in root.iter("img"))
    return Findings(raw, tuple(_ATTR_LIST.applied), links, images)


@lru_cache(maxsize=1)
def _page_parser() -> Any:
    # Built on first use: most builds find no page that needs parsing.
    return markdown.Markdown(extensions=list(CHECKED_EXTENSIONS))


def page_code(markdown_text: str) -> Found:
    """Everything in a hand-written page that would run in a reader's browser, judged by
    the HTML the parser makes of it: (the element and attribute, what it is), in order."""
    squeezed = "".join(_ANCHOR_ONLY.sub("", markdown_text).lower().split())
    if not any(syntax in squeezed for syntax in _PAGE_SYNTAX):
        return []
    md = _page_parser()
    md.reset()
    return content_code(md.convert(markdown_text))
