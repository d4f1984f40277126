"""The build-time guard: the site loads nothing from other hosts and runs only its own scripts.

Readers open the site from disk on planes and locked-down networks, and nothing they
read may phone home. The guard reads the built HTML, SVG and CSS and fails the build on
every resource load (``src``, ``srcset``, stylesheet/icon/preload links, CSS ``url()``
and ``@import``) that points at another host, and on everything in the markup that
runs code: inline event handlers, ``javascript:`` URLs, ``srcdoc`` documents and
scripts inside SVG files. Ordinary ``<a href>`` links stay allowed, and URL strings
inside scripts are data, not loads: the browser test that blocks and records every
request is the proof for those.

It is cheap: a page is parsed only when a quick search finds something that could be
a load or code; the theme's own constants (its SVG namespaces, its no-op search link)
are set aside first, so an ordinary page is never parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ProjectError
from generator.htmlscan import Found, css_urls, is_outside, scan_markup

# The theme's constants that would otherwise send every page to the parser.
_THEME_CONSTANTS = (
    b'xmlns="http://www.w3.org/2000/svg"',
    b'xmlns:xlink="http://www.w3.org/1999/xlink"',
    b'href="javascript:void(0)"',
)
# Anything that could be a load from another host or code, in any spelling a browser
# reads: a handler attribute, a script URL, a character reference that may hide one of
# them (except the few the theme and our escaping write for quotes, < > & and
# Markdown punctuation; a literal & before a reference stays in the value), an address
# with a host (a link's own address, the first attribute of an <a>, is never a load),
# CSS imports, srcdoc documents. Script text is data, as for the parser. Browsers fold
# case in ASCII only, so the search runs on the page's bytes, lowercased; each pattern
# starts with a literal, which keeps it fast.
_SUSPECTS = tuple(
    re.compile(pattern)
    for pattern in (
        rb"script[\t\n\r]*:",
        rb"&#(?!(?:3[45894]|6[02]|9[135]|42|12[35]|x2[267]|x3[ce]);)",
        rb"&(?<!&&)(?!(?:amp|lt|gt|quot|apos|nbsp|para|copy|mdash|ndash|hellip);)[a-z]",
        rb'http(?<!<a href="http)',
        rb'//(?<!<a href="https://)(?<!<a href="http://)',
        rb"\\",
        rb"@import\s*(?:url\(\s*)?['\"]?\s*(?![.\w/\s'\"(-])",
        rb"srcdoc",
    )
)
_HANDLER = re.compile(rb"on[a-z0-9_-]*[\t\n\f\r ]*=")
_NAME_STARTS = frozenset(b" \t\n\f\r/\"'")


@dataclass(frozen=True, order=True)
class OutsideLoad:
    """One resource a page or stylesheet would load from another host."""

    file: str
    url: str
    how: str

    def __str__(self) -> str:
        return f"{self.file}: loads {self.url} ({self.how})"


@dataclass(frozen=True, order=True)
class RunnableCode:
    """One piece of markup in the site that would run code in a reader's browser."""

    file: str
    element: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.element} ({self.what})"


class OutsideLoadsError(ProjectError):
    """The built site would load resources from other hosts, or run code in its markup."""

    def __init__(self, loads: list[OutsideLoad], code: list[RunnableCode] | None = None) -> None:
        self.loads = sorted(loads)
        self.code = sorted(code or [])
        parts = []
        if self.loads:
            count = len(self.loads)
            lines = "\n".join(f"  {load}" for load in self.loads)
            parts.append(
                f"the site would load {count} resource{'s' if count != 1 else ''} from other"
                f" hosts, which breaks it offline and tells those hosts who reads it:\n{lines}\n"
                "Ship the file inside docs/ (or the brand folder) and refer to it by a relative"
                " path; plain <a href> links to other sites are fine."
            )
        if self.code:
            lines = "\n".join(f"  {item}" for item in self.code)
            parts.append(
                "the site would run code that is not one of its own scripts:\n"
                f"{lines}\nRemove the handler, the script link or the script from the page's"
                " source (raw HTML in docs/, a template or an SVG file); readers' browsers"
                " run only the project's own scripts."
            )
        super().__init__("\n".join(parts))


def needs_scan(page: bytes | str) -> bool:
    """Whether a page holds anything that could be a load or code (else it is clean)."""
    data = (page.encode("utf-8") if isinstance(page, str) else page).lower()
    for constant in _THEME_CONSTANTS:
        data = data.replace(constant, b"")
    if any(pattern.search(data) for pattern in _SUSPECTS):
        return True
    # An attribute name starts after a space, a slash or a closing quote.
    return any(data[m.start() - 1] in _NAME_STARTS for m in _HANDLER.finditer(data, 1))


def scan_site(site_dir: Path) -> tuple[list[OutsideLoad], list[RunnableCode]]:
    """Scan every HTML page, SVG and CSS file under ``site_dir``: outside loads, and code."""
    loads: set[OutsideLoad] = set()
    code: set[RunnableCode] = set()
    for path in sorted(site_dir.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".htm", ".css", ".svg") or not path.is_file():
            continue
        data = path.read_bytes()
        if suffix in (".html", ".htm") and not needs_scan(data):
            continue
        text = data.decode("utf-8", errors="replace")
        rel = path.relative_to(site_dir).as_posix()
        found: Found = []
        if suffix == ".css":
            urls = css_urls(text)
        else:
            urls, found = scan_markup(text, svg_file=suffix == ".svg")
        loads.update(OutsideLoad(rel, url, how) for url, how in urls if is_outside(url))
        code.update(RunnableCode(rel, element, what) for element, what in found)
    return sorted(loads), sorted(code)


def find_outside_loads(site_dir: Path) -> list[OutsideLoad]:
    """Scan every HTML page, SVG and CSS file under ``site_dir``; return the outside loads."""
    return scan_site(site_dir)[0]


def check_offline(site_dir: Path) -> None:
    """Fail, naming each page and element, when the site loads from another host or
    carries code in its markup."""
    loads, code = scan_site(site_dir)
    if loads or code:
        raise OutsideLoadsError(loads, code)
