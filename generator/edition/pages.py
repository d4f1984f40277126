"""The narrative pages of an edition: its introduction and own pages added, hidden pages
removed, links to hidden pages reduced to their words, terms renamed; and the contact
call to action on the home page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from generator.edition.overlay import Overlay
from generator.edition.prune import page_of
from generator.model import Playbook
from generator.render import RenderedSite, link_url, markdown_title, nav_title, plain_markdown
from generator.ui_strings import ui_strings

HOME_PAGE = "index.md"
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def unlink_hidden(markdown: str, page: str, hidden: frozenset[str]) -> str:
    """``markdown`` (of docs page ``page``) with links to hidden pages reduced to words."""

    def swap(m: re.Match[str]) -> str:
        target = m.group(3)
        if m.group(1) or _SCHEME.match(target) or target.startswith("#"):
            return m.group(0)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target.split("#")[0]))
        return m.group(2) if page_of(path) in hidden else m.group(0)

    return _LINK.sub(swap, markdown)


def apply_edition(playbook: Playbook, site: RenderedSite, docs_dir: Path) -> None:
    """Publish the edition's pages and edit the docs pages as the edition says."""
    overlay = playbook.edition
    if overlay is None:
        return
    hidden = overlay.hidden_pages()
    for page in sorted(_docs_pages(docs_dir) | set(site.docs)):
        if page in hidden:
            site.hidden_docs.add(page)
            site.docs.pop(page, None)
            continue
        text = site.docs.get(page)
        if text is None:
            text = (docs_dir / page).read_text(encoding="utf-8")
        edited = overlay.rename(unlink_hidden(text, page, hidden))
        if edited != text:
            site.docs[page] = edited
    added = _edition_pages(overlay, site)
    if added:
        _place_in_nav(site, added, overlay)


def _docs_pages(docs_dir: Path) -> set[str]:
    if not docs_dir.is_dir():
        return set()
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


def _edition_pages(overlay: Overlay, site: RenderedSite) -> list[str]:
    """The introduction and pages of every layer, published at the site's top level."""
    added: list[str] = []
    for layer in overlay.stack.layers:
        names = [layer.model.introduction] if layer.model.introduction else []
        for name in [*names, *layer.model.pages]:
            source = layer.file(name)
            page = Path(name).name
            site.pages[page] = overlay.rename(source.read_text(encoding="utf-8"))
            site.sources[page] = source
            added.append(page)
    return list(dict.fromkeys(added))


def _place_in_nav(site: RenderedSite, pages: list[str], overlay: Overlay) -> None:
    """The edition's pages right after the home page: one page as itself, several as a
    section named after the client."""
    client = overlay.stack.client
    if len(pages) == 1:
        entry: object = pages[0]
    else:
        title = client.name if client else markdown_title(site.pages[pages[0]]) or pages[0]
        entry = {nav_title(title): pages}
    at = 1 if site.nav and site.nav[0] == HOME_PAGE else 0
    site.nav.insert(at, entry)


def with_contact(markdown: str, playbook: Playbook) -> str:
    """The home page with the brand's call to action at its end: it belongs where every
    reader starts, not only after an assessment."""
    block = contact_block(playbook, ui_strings(playbook.brand.model.language)["contact_heading"])
    return f"{markdown.rstrip()}\n\n{block}" if block else markdown


def contact_block(playbook: Playbook, heading: str) -> str:
    """The brand's call to action as Markdown for the end of the home page ('' if none)."""
    contact = playbook.brand.model.contact
    if contact is None or not str(contact.url).startswith(("https:", "mailto:")):
        return ""
    client = playbook.edition.stack.client if playbook.edition is not None else None
    lines = [f"## {plain_markdown(heading)}", ""]
    if client is not None and (client.consultant or client.contact):
        who = " · ".join(plain_markdown(v) for v in (client.consultant, client.contact) if v)
        lines += [who, ""]
    lines.append(
        f"[{plain_markdown(contact.label)}](<{link_url(str(contact.url))}>)"
        "{: .md-button .md-button--primary }"
    )
    return "\n".join(lines) + "\n"
