"""The hand-written pages in ``docs/``: they arrive by pull request like the YAML content,
so nothing in them may run in a reader's browser.

A page is judged by the HTML Python-Markdown makes of it (a ``<script>`` in backticks is
text); what is found is then located in the page's source for the message.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# MkDocs' own reader of front matter, so a page's title means here what it means there.
from mkdocs.utils.meta import get_data

from generator.errors import ContentError, display_path
from generator.htmlscan import Found, content_code
from generator.model.markup import page_code

_HINTS = {
    "a script": "remove it; to show code as text, put it in backticks",
    "an inline event handler": "remove the attribute; the site's own scripts do the rest",
    "a script URL": "link to a page or an https: address instead",
}
_DEFAULT_HINT = "remove it"
_HANDLER = re.compile(r"<[^ >]+ (on[^ >=]*)")
_CODE = re.compile(r"^(`{3,}|~{3,}).*?^\1|(`+)[^\n]+?\2", re.MULTILINE | re.DOTALL)


def check_docs_pages(docs_dir: Path, base: Path) -> list[ContentError]:
    """Every script, inline handler and script URL in the Markdown pages of ``docs_dir``."""
    if not docs_dir.is_dir():
        return []
    errors: list[ContentError] = []
    for path in sorted(docs_dir.rglob("*.md")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        name = display_path(path, base)
        body, meta = get_data(text)
        # Each kind of finding comes in page order: look for the next one after the last.
        starts: dict[str, int] = {}
        # Code is text: blanked out (same length), the search does not stop there.
        prose = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
        for shown, what in [*_title_code(meta), *page_code(body)]:
            line, column = _locate(prose, shown, what, starts)
            message = f"'{shown}' is {what}, which would run in every reader's browser"
            errors.append(
                ContentError(name, line, column, (), message, _HINTS.get(what, _DEFAULT_HINT))
            )
    return errors


def _title_code(meta: dict[str, Any]) -> Found:
    # Material prints a title from the front matter as HTML (in the nav and in <title>).
    title = meta.get("title")
    return content_code(str(title)) if title is not None else []


def _locate(text: str, shown: str, what: str, starts: dict[str, int]) -> tuple[int, int]:
    """Where the source spells what the parser found, after the last finding of its kind
    (``starts``); 1:1 when it is spelt with entities the search does not see."""
    handler = _HANDLER.match(shown)
    if what == "an inline event handler" and handler:
        pattern = re.escape(handler.group(1))
    elif what == "a script URL":
        pattern = r"(?:java|vb|live)\s*script\s*:"
    elif what == "a script":
        pattern = r"<\s*script"
    else:
        pattern = re.escape(shown.split()[-1].strip("<>=\"'"))
    spelt = re.compile(pattern, re.IGNORECASE)
    found = spelt.search(text, starts.get(pattern, 0)) or spelt.search(text)
    if found is None:
        return 1, 1
    starts[pattern] = found.end()
    before = text[: found.start()]
    return before.count("\n") + 1, found.start() - (before.rfind("\n") + 1) + 1
