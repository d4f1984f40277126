"""The hand-written pages in ``docs/``: they arrive by pull request like the YAML content,
so nothing in them may run in a reader's browser.

A page is judged by the HTML Python-Markdown makes of it (a ``<script>`` in backticks is
text); what is found is then located in the page's source for the message.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError, KeyPath, display_path
from generator.model.markup import page_code

_HINTS = {
    "a script": "remove it; to show code as text, put it in backticks",
    "an inline event handler": "remove the attribute; the site's own scripts do the rest",
    "a script URL": "link to a page or an https: address instead",
}
_DEFAULT_HINT = "remove it"
_HANDLER = re.compile(r"<[^ >]+ (on[^ >=]*)")
# Front matter as MkDocs finds it: YAML between two lines of dashes (or '...') at the top.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# Material prints front-matter values unescaped, in text and in attributes.
_MARKUP_CHARS = frozenset('<>"')
_MAX_META_NODES = 10_000
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
        body, meta = _front_matter(text)
        errors += [_meta_error(name, text, path, value) for path, value in _markup_in(meta)]
        # Each kind of finding comes in page order: look for the next one after the last.
        starts: dict[str, int] = {}
        # Code is text: blanked out (same length), the search does not stop there.
        prose = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
        for shown, what in page_code(body):
            line, column = _locate(prose, shown, what, starts)
            message = f"'{shown}' is {what}, which would run in every reader's browser"
            errors.append(
                ContentError(name, line, column, (), message, _HINTS.get(what, _DEFAULT_HINT))
            )
    return errors


def _front_matter(text: str) -> tuple[str, dict[str, Any]]:
    """A page's Markdown and its front matter, split as MkDocs splits them: a block that
    is not a YAML mapping stays part of the Markdown."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return text, {}
    try:
        meta = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return text, {}
    return (text[found.end() :], meta) if isinstance(meta, dict) else (text, {})


def _markup_in(meta: dict[str, Any]) -> list[tuple[KeyPath, str]]:
    """Every front-matter string that holds markup characters, with its key path."""
    found: list[tuple[KeyPath, str]] = []
    seen: set[int] = set()  # YAML aliases share one object: each is read once
    todo: deque[tuple[KeyPath, Any]] = deque([((), meta)])
    while todo and len(seen) < _MAX_META_NODES:
        path, value = todo.popleft()
        if isinstance(value, str):
            if _MARKUP_CHARS.intersection(value):
                found.append((path, value))
        elif id(value) not in seen and isinstance(value, (dict, list)):
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            todo += [((*path, key), child) for key, child in items]
    return found


def _meta_error(file: str, text: str, path: KeyPath, value: str) -> ContentError:
    key = re.search(rf"^{re.escape(str(path[0]))}\s*:", text, re.MULTILINE) if path else None
    line = text[: key.start()].count("\n") + 1 if key else 1
    shown = value if len(value) <= 40 else value[:37] + "..."
    return ContentError(
        file,
        line,
        1,
        path,
        f"'{shown}' holds markup characters (< > \"), and the theme prints front matter"
        " as HTML: it would run in every reader's browser",
        "write plain text; the page's own heading may use Markdown",
    )


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
