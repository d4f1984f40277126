"""The build-time guard: no page or stylesheet may load anything from another host.

Readers open the site from disk on planes and locked-down networks, and nothing they
read may phone home. The guard reads the built HTML and CSS and fails the build on
every resource load (``src``, ``srcset``, stylesheet/icon/preload links, CSS
``url()`` and ``@import``) that points at another host. Ordinary ``<a href>`` links
stay allowed, and URL strings inside scripts are data, not loads: the browser test
that blocks and records every request is the proof for those.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from generator.errors import OutsideLoad, OutsideLoadsError

#: ``<link rel=...>`` values that make the browser fetch the ``href``.
_LOADING_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "mask-icon",
        "preload",
        "modulepreload",
        "prefetch",
        "prerender",
        "manifest",
    }
)
#: Attributes whose value is one URL the browser fetches, on any element.
_URL_ATTRIBUTES = frozenset({"src", "poster", "background"})
#: SVG elements whose ``href`` is fetched (an ``<a>`` in SVG is a link, not a load).
_SVG_LOADING = frozenset({"image", "use", "feimage", "script"})
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def is_outside(url: str) -> bool:
    """True for a URL that names another host: ``http:``, ``https:`` or ``//host``."""
    value = url.strip().lower()
    # Browsers ignore tabs and newlines inside URLs, so "ht\ttps:" is still https:.
    value = re.sub(r"[\t\n\r]", "", value)
    return value.startswith(("http:", "https:", "//", "\\\\", "/\\", "\\/"))


def css_urls(css: str) -> list[tuple[str, str]]:
    """Every ``url()`` and ``@import`` in a stylesheet, as (url, kind) pairs."""
    css = _CSS_COMMENT.sub("", css)
    found = [(m.group(2).strip(), "CSS url()") for m in _CSS_URL.finditer(css)]
    found += [(m.group(2).strip(), "CSS @import") for m in _CSS_IMPORT.finditer(css)]
    return found


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


class _PageScanner(HTMLParser):
    """Collects the resource URLs of one HTML page (not its links, not script text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self._in_style = False
        self._svg_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "svg":
            self._svg_depth += 1
        for name in _URL_ATTRIBUTES & values.keys():
            self.loads.append((values[name], f"<{tag} {name}>"))
        for name in ("srcset", "imagesrcset"):
            if name in values:
                self.loads += [(u, f"<{tag} {name}>") for u in _srcset_urls(values[name])]
        if tag == "object" and "data" in values:
            self.loads.append((values["data"], "<object data>"))
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & _LOADING_RELS and "href" in values:
                self.loads.append((values["href"], f"<link rel={values.get('rel')}>"))
        if self._svg_depth and tag in _SVG_LOADING:
            for name in ("href", "xlink:href"):
                if name in values:
                    self.loads.append((values[name], f"<svg {tag} {name}>"))
        if "style" in values:
            self.loads += [(u, f"style attribute on <{tag}>") for u, _ in css_urls(values["style"])]
        if tag == "style":
            self._in_style = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        elif tag == "svg" and self._svg_depth:
            self._svg_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.loads += [(u, f"<style> {kind}") for u, kind in css_urls(data)]


def page_loads(html: str) -> list[tuple[str, str]]:
    """Every resource URL an HTML page loads, with how it loads it."""
    scanner = _PageScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.loads


def find_outside_loads(site_dir: Path) -> list[OutsideLoad]:
    """Scan every HTML page and CSS file under ``site_dir``; return the outside loads."""
    found: list[OutsideLoad] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".html", ".htm", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = css_urls(text) if path.suffix.lower() == ".css" else page_loads(text)
        rel = path.relative_to(site_dir).as_posix()
        found += [OutsideLoad(rel, url, how) for url, how in urls if is_outside(url)]
    return sorted(set(found))


def check_offline(site_dir: Path) -> None:
    """Fail, naming each page and URL, when the site loads anything from another host."""
    loads = find_outside_loads(site_dir)
    if loads:
        raise OutsideLoadsError(loads)
