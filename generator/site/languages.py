"""Several languages in one site: the first at the root, each other in its own folder
(``de/``), and on every page Material's language selector leading to the same page in
each language.

The links are worked out for each page while the site is built, as relative paths:
they work from ``file://`` and from any web folder, with no script and no sitemap to
fetch. Every language has every page (a language layer mirrors the base, and shows the
English of what it has not translated yet), so the same page always exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.ui_strings import ui_strings

#: Where a language's pages go when a page has no equivalent (Material's 404 page).
HOME = "index.html"
NOT_FOUND = "404.html"


@dataclass(frozen=True)
class Edition:
    """One language of a site and the folder it is published in ("" for the root)."""

    language: str
    folder: str

    @property
    def prefix(self) -> str:
        return f"{self.folder}/" if self.folder else ""


def site_editions(languages: tuple[str, ...]) -> list[Edition]:
    """The first language at the root, the others each in a folder named after it."""
    return [Edition(language, "" if i == 0 else language) for i, language in enumerate(languages)]


def alternates(languages: tuple[str, ...]) -> list[dict[str, Any]]:
    """Material's ``extra.alternate``, one entry per language, each link a placeholder
    that :func:`link_alternates` replaces in the page (MkDocs' ``url`` filter, which
    Material applies to these links, cannot make a link that leaves a build's folder)."""
    return [
        {
            "name": ui_strings(language)["language_name"],
            "lang": language,
            "link": f"#{_PLACEHOLDER}{language}",
        }
        for language in languages
    ]


def link_alternates(html: str, current: str, languages: tuple[str, ...], page_url: str) -> str:
    """``html`` with each placeholder link replaced by the relative link to ``page_url``
    in that language (the page's own URL in the build of the ``current`` language)."""
    editions = site_editions(languages)
    here = next(e for e in editions if e.language == current)
    up = "../" * page_url.count("/") + ("../" if here.folder else "")
    for edition in editions:
        target = page_url if page_url != NOT_FOUND else HOME
        html = html.replace(
            f'href="#{_PLACEHOLDER}{edition.language}"',
            f'href="{up}{edition.prefix}{target}"',
        )
    return html


_PLACEHOLDER = "cco-playbook-language-"
