"""Reading HTML and SVG for what a browser would load or run.

Shared by the build-time guard (every built page) and the brand check (SVG logos and
favicons, before anything is built). Only what the markup itself does counts: an
``<a href>`` is a link, not a load, and text inside scripts is data.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
#: Attributes that hold URLs a browser may navigate to or run (lists split on , and ;).
_URL_HOLDERS = frozenset(
    {
        "href",
        "xlink:href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "background",
        "cite",
        "ping",
        "srcset",
        "imagesrcset",
        "to",
        "from",
        "by",
        "values",
        "content",
    }
)
# What browsers strip around a URL: spaces and C0 control characters.
_URL_PADDING = "".join(map(chr, range(0x21)))
_SCRIPT_SCHEME = re.compile(r"^(?:url\s*=\s*)?['\"]?(?:javascript|vbscript|livescript):")
#: Material's search "share" button: a link that does nothing, on every page.
_NO_OP_LINK = "javascript:void(0)"
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def is_outside(url: str) -> bool:
    """True for a URL that names another host: ``http:``, ``https:`` or ``//host``."""
    value = url.strip().lower()
    # Browsers ignore tabs and newlines inside URLs, so "ht\ttps:" is still https:.
    value = re.sub(r"[\t\n\r]", "", value)
    return value.startswith(("http:", "https:", "//", "\\\\", "/\\", "\\/"))


def runs_script(name: str, value: str) -> bool:
    """True when the attribute ``name="value"`` holds a script URL a browser would run."""
    if name not in _URL_HOLDERS or value.strip() == _NO_OP_LINK:
        return False
    # Browsers drop tabs and newlines anywhere in a URL, and spaces and controls around it.
    plain = re.sub(r"[\t\n\r]", "", value).lower()
    parts = re.split(r"[;,]", plain) if name in ("values", "content", "srcset") else [plain]
    return any(_SCRIPT_SCHEME.match(part.strip(_URL_PADDING)) for part in parts)


def css_urls(css: str) -> list[tuple[str, str]]:
    """Every ``url()`` and ``@import`` in a stylesheet, as (url, kind) pairs."""
    css = _CSS_COMMENT.sub("", css)
    found = [(m.group(2).strip(), "CSS url()") for m in _CSS_URL.finditer(css)]
    found += [(m.group(2).strip(), "CSS @import") for m in _CSS_IMPORT.finditer(css)]
    return found


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _shown(tag: str, name: str, value: str | None = None) -> str:
    if value is None:
        return f"<{tag} {name}>"
    short = value if len(value) <= 60 else value[:57] + "..."
    return f'<{tag} {name}="{short}">'


class _PageScanner(HTMLParser):
    """Collects one page's resource URLs (not its links, not script text) and its code."""

    def __init__(self, *, svg_file: bool = False, content: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self.code: list[tuple[str, str]] = []
        self._in_style = False
        self._svg_depth = 1 if svg_file else 0
        self._svg_file = svg_file
        # In a page's own content every <script> is foreign: the theme's come later.
        self._content = content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "svg":
            self._svg_depth += 1
        self._check_code(tag, values)
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
        if tag == "base" and "href" in values:
            # Every relative script and stylesheet would load from there.
            self.loads.append((values["href"], "<base href>"))
        if self._svg_depth and tag in _SVG_LOADING:
            for name in ("href", "xlink:href"):
                if name in values:
                    self.loads.append((values[name], f"<svg {tag} {name}>"))
        if "style" in values:
            self.loads += [(u, f"style attribute on <{tag}>") for u, _ in css_urls(values["style"])]
        if tag == "style":
            self._in_style = True

    def _check_code(self, tag: str, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name.startswith("on"):
                self.code.append((_shown(tag, name), "an inline event handler"))
            elif runs_script(name, value):
                self.code.append((_shown(tag, name, value), "a script URL"))
        if "srcdoc" in values:
            self.code.append((_shown(tag, "srcdoc"), "a document with its own scripts"))
        if tag.rpartition(":")[2] == "script":
            if self._svg_file:
                self.code.append(("<script>", "a script inside an SVG file"))
            elif self._content:
                self.code.append(("<script>", "a script"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        elif tag == "svg" and self._svg_depth:
            self._svg_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.loads += [(u, f"<style> {kind}") for u, kind in css_urls(data)]


Found = list[tuple[str, str]]


def scan_markup(text: str, *, svg_file: bool = False) -> tuple[Found, Found]:
    """Every resource URL a page or SVG loads (with how), and every piece of code in it."""
    scanner = _PageScanner(svg_file=svg_file)
    scanner.feed(text)
    scanner.close()
    return scanner.loads, scanner.code


def content_code(html: str) -> Found:
    """Every piece of code in a page's own content (``<script>`` included), in order."""
    scanner = _PageScanner(content=True)
    scanner.feed(html)
    scanner.close()
    return scanner.code


def page_loads(html: str) -> list[tuple[str, str]]:
    """Every resource URL an HTML page loads, with how it loads it."""
    return scan_markup(html)[0]
