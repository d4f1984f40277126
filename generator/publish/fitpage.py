"""One built page fitted into the print page: its article, ids, links and headings.

Ids are prefixed per page so anchors stay unique in the one document, links between
pages become links inside it, and headings move down a level under their chapter.
What only works on a screen (permalink and edit buttons, scripts, forms) is left out;
an assessment is printed as its worksheet instead.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from generator.htmlscan import is_outside
from generator.model.assessment import Assessment
from generator.publish.worksheet import worksheet

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_EDIT_BUTTON = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
_FORM = re.compile(r"<form\b.*?</form>", re.DOTALL | re.IGNORECASE)
# Attributes that hold one id, or (the ARIA ones) a list of ids.
_ID = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_FIRST_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.DOTALL)
_ID_ATTR = re.compile(r'\sid="([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")
# A heading that only links to another page: the card of an index page.
_CARD = re.compile(r'<h2\b([^>]*)>\s*(<a href="#[^"]*">.*?</a>)\s*</h2>', re.DOTALL)


def anchor_of(path: str, fragment: str = "") -> str:
    """The id a page (or an anchor in it) has inside the print page."""
    base = "p-" + re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".html").lower()).strip("-")
    return f"{base}--{fragment}" if fragment else base


class _Rewriter:
    """Makes one built page's HTML fit into the print page at the site's top."""

    def __init__(self, page: str, pages: set[str]) -> None:
        self.page = page
        self.pages = pages

    def ids(self, text: str) -> str:
        def swap(m: re.Match[str]) -> str:
            ids = " ".join(anchor_of(self.page, one) for one in m.group(2).split())
            return f'{m.group(1)}="{ids}"'

        return _ID.sub(swap, text)

    def urls(self, text: str) -> str:
        def swap(m: re.Match[str]) -> str:
            attr, url = m.group(1), html.unescape(m.group(2))
            if is_outside(url) or ":" in url.split("/")[0]:
                return m.group(0)
            path, _, fragment = url.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path))
            target = self.page if not path else target
            if target.endswith(".md"):  # links in YAML text point at the Markdown page
                target = target.removesuffix(".md") + ".html"
            if attr == "href" and target in self.pages:
                return f'href="#{anchor_of(target, fragment)}"'
            return f'{attr}="{html.escape(target + ("#" + fragment if fragment else ""))}"'

        return _URL_ATTR.sub(swap, text)


def demote(text: str, *, keep_h1: bool = False) -> str:
    """Push headings one level down, so a chapter's heading sits above its pages."""

    def swap(m: re.Match[str]) -> str:
        level = int(m.group(2))
        if not (keep_h1 and level == 1):
            level = min(level + 1, 6)
        return f"<{m.group(1)}h{level}"

    return _HEADING.sub(swap, text)


def cards_to_overview(text: str) -> str:
    """An index page's card headings become lead-ins: the pages themselves follow.

    On the site each card is a heading linking to its page; in print the page comes
    right after, under its own heading, so a second heading for it would only repeat
    it in the bookmarks.
    """
    return _CARD.sub(r'<p class="print-overview"\1>\2</p>', text)


def page_content(
    site_dir: Path,
    page: str,
    pages: set[str],
    worksheets: dict[str, Assessment],
    ui: dict[str, str],
) -> str:
    """One page's article (or its assessment's worksheet), fitted into the print page."""
    if page in worksheets:
        content = worksheet(worksheets[page], page, ui)
    else:
        found = _ARTICLE.search((site_dir / page).read_text(encoding="utf-8"))
        content = found.group(1) if found else ""
        for pattern in (_HEADERLINK, _EDIT_BUTTON, _SCRIPT, _FORM):
            content = pattern.sub("", content)
    rewriter = _Rewriter(page, pages)
    return rewriter.urls(rewriter.ids(content))


def title_of(content: str) -> str | None:
    """The text of a page's first heading, as HTML (escaped once when the page was built)."""
    found = _FIRST_HEADING.search(content)
    return _TAGS.sub("", found.group(3)).strip() if found else None


def anchor_heading(content: str, anchor: str) -> tuple[str, str]:
    """Give the page's first heading the page's anchor.

    Returns the id the box around the page keeps (the heading's own id, so links to it
    still land; the anchor itself when there is no heading) and the content.

    The contents and the page numbers point at the heading itself, not at the box
    around the page, so a link lands where the reader sees the title, and the page
    number is the page the title is printed on.
    """
    found = _FIRST_HEADING.search(content)
    if found is None:
        return anchor, content
    had = _ID_ATTR.search(found.group(2))
    attrs = _ID_ATTR.sub("", found.group(2))
    heading = f'<h{found.group(1)} id="{anchor}"{attrs}>{found.group(3)}</h{found.group(1)}>'
    return (
        had.group(1) if had else "",
        content[: found.start()] + heading + content[found.end() :],
    )
