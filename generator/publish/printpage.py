"""One print page for the PDF: cover, linked contents, every page, assessment worksheets.

It is assembled from the built site (the same HTML readers see), in navigation
order. Ids are prefixed per page so anchors stay unique, and links between pages
become links inside the one document, so the PDF's contents and cross-references
are clickable.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.htmlscan import is_outside
from generator.model import Playbook
from generator.model.assessment import Assessment
from generator.publish.worksheet import WORKSHEET_CSS, worksheet
from generator.ui_strings import fill, ui_strings

PRINT_PAGE = "print-playbook.html"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_EDIT_BUTTON = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
_FORM = re.compile(r"<form\b.*?</form>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\b(id|for)="([^"]*)"')
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_H1_TEXT = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
_BODY = re.compile(r"<body([^>]*)>")

PRINT_CSS = (
    """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html, body { background: #fff; }
body { font-size: 11pt; }
.md-typeset { font-size: 11pt; line-height: 1.5; }
.print-cover { height: 240mm; display: flex; flex-direction: column; justify-content: center;
  text-align: center; break-after: page; }
.print-cover img { max-width: 60mm; max-height: 40mm; margin: 0 auto 12mm; }
.print-cover .print-brand { font-size: 14pt; letter-spacing: .08em; text-transform: uppercase; }
.print-cover h1 { font-size: 28pt; margin: 6mm 0; }
.print-toc { break-after: page; }
.print-toc ul { list-style: none; padding-left: 0; margin: 0; }
.md-typeset .print-toc li { margin: 0 0 1mm; }
.print-toc ul ul { padding-left: 8mm; }
.print-toc a { color: inherit; text-decoration: none; }
.print-section { break-before: page; }
.md-typeset a { color: inherit; }
"""
    + WORKSHEET_CSS
)


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
        return _ID.sub(lambda m: f'{m.group(1)}="{anchor_of(self.page, m.group(2))}"', text)

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


def _demote(text: str, *, keep_h1: bool = False) -> str:
    """Push headings one level down, so a nav group's heading sits above its pages."""

    def swap(m: re.Match[str]) -> str:
        level = int(m.group(2))
        if not (keep_h1 and level == 1):
            level = min(level + 1, 6)
        return f"<{m.group(1)}h{level}"

    return _HEADING.sub(swap, text)


def _page_content(
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


def _logo_tag(playbook: Playbook) -> str:
    """The brand's logo inlined as data (the brand model may not have one yet)."""
    logo = getattr(playbook.brand.model, "logo", None)
    if not logo:
        return ""
    path = (Path(playbook.brand.source.path).parent / str(logo)).resolve()
    if not path.is_file():
        return ""
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img src="data:{mime};base64,{data}" alt="">'


def build_print_page(site_dir: Path, nav: list[Any], playbook: Playbook) -> str:
    """The whole playbook as one HTML document at the top of ``site_dir``."""
    entries = [e for e in reading_order(nav) if (site_dir / e.path).is_file()]
    pages = {e.path for e in entries}
    worksheets = {f"assessments/{a.model.id}.html": a.model for a in playbook.assessments}
    front = (site_dir / "index.html").read_text(encoding="utf-8")
    styles = "".join(f'<link rel="stylesheet" href="{h}">' for h in _STYLESHEET.findall(front))
    body_attrs = m.group(1) if (m := _BODY.search(front)) else ""
    info, brand = playbook.info.model, playbook.brand.model
    ui = ui_strings(brand.language)
    toc: list[str] = []
    sections: list[str] = []
    current_group: str | None = None
    for entry in entries:
        content = _page_content(site_dir, entry.path, pages, worksheets, ui)
        title_match = _H1_TEXT.search(content)
        # The heading's text is HTML already (escaped once when the page was built).
        title = (
            _TAGS.sub("", title_match.group(1)).strip() if title_match else html.escape(entry.path)
        )
        section_id = anchor_of(entry.path)
        if entry.group != current_group:
            if current_group is not None:
                toc.append("</ul></li>")
            current_group = entry.group
            if entry.group is not None:
                if posixpath.basename(entry.path) == "index.html":
                    # A section's index page is the heading its pages sit under.
                    toc.append(f'<li><a href="#{section_id}">{entry.group}</a><ul>')
                    sections.append(
                        f'<section class="print-section" id="{section_id}">'
                        f"{_demote(content, keep_h1=True)}</section>"
                    )
                    continue
                group_id = anchor_of("group-" + entry.group)
                toc.append(f'<li><a href="#{group_id}">{entry.group}</a><ul>')
                content = f'<h1 id="{group_id}">{entry.group}</h1>{_demote(content)}'
        elif entry.group is not None:
            content = _demote(content)
        toc.append(f'<li><a href="#{section_id}">{title}</a></li>')
        sections.append(f'<section class="print-section" id="{section_id}">{content}</section>')
    if current_group is not None:
        toc.append("</ul></li>")
    cover = (
        f'<section class="print-cover">{_logo_tag(playbook)}'
        f'<p class="print-brand">{html.escape(brand.name)}</p>'
        f"<h1>{html.escape(info.title)}</h1><p>{html.escape(info.description)}</p>"
        f"<p>{html.escape(fill(ui['print_version'], version=info.version))}</p></section>"
    )
    contents = (
        f'<nav class="print-toc"><h1>{html.escape(ui["print_contents"])}</h1>'
        f"<ul>{''.join(toc)}</ul></nav>"
    )
    return (
        f'<!doctype html><html lang="{html.escape(brand.language)}"><head>'
        f'<meta charset="utf-8"><title>{html.escape(info.title)}</title>{styles}'
        f"<style>{PRINT_CSS}</style></head><body{body_attrs}>"
        f'<div class="md-typeset">{cover}{contents}{"".join(sections)}</div></body></html>'
    )
