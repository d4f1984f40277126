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
from html.parser import HTMLParser
from pathlib import Path

from generator.errors import ProjectError

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

    def __init__(self, *, svg_file: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self.code: list[tuple[str, str]] = []
        self._in_style = False
        self._svg_depth = 1 if svg_file else 0
        self._svg_file = svg_file

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
        if tag == "script" and self._svg_file:
            self.code.append(("<script>", "a script inside an SVG file"))

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


def page_loads(html: str) -> list[tuple[str, str]]:
    """Every resource URL an HTML page loads, with how it loads it."""
    return scan_markup(html)[0]


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
