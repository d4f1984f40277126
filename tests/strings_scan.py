"""A practical search for words a reader would see that bypass the strings files.

Templates: whatever survives once Jinja tags, comments, HTML tags, Markdown attribute
lists and style/script bodies are gone is text a reader sees, so any word there is
suspect; string literals inside Jinja tags are suspect when they read like prose
(a capital letter, or two words). Python: string literals outside docstrings and
error/log messages (which speak to the maintainer, in English) are suspect when they
hold the text of an HTML element, a reader-facing attribute, or a capitalised phrase.
"""

from __future__ import annotations

import ast
import re

#: Words templates may hold outside tags: front matter keys and admonition types
#: Material reads (syntax, never shown: an admonition shows the title it is given).
TEMPLATE_ALLOWED = frozenset({"search", "boost", "example"})
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_JINJA_LITERAL = re.compile(r"\"([^\"]*)\"|'([^']*)'")
_ELEMENT_BODY = re.compile(r"<(style|script)\b[^>]*>.*?</\1>", re.S | re.I)
_READER_ATTRIBUTE = re.compile(r"\b(?:alt|title|aria-label|placeholder)=\"([^\"{]*)\"")
_HTML_TAG = re.compile(r"<[^>]*>")
_ATTR_LIST = re.compile(r"\{:[^}]*\}")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_PROSE = re.compile(r"[A-Z][a-z]+|[a-z]+ [a-z]+")
_PHRASE = re.compile(r"\b[A-Z][a-z]+(?: [A-Za-z][a-z'’-]*)+")
_TEXT_NODE = re.compile(r">([^<>]*)<")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_PLACEHOLDER = re.compile(r"\{\w*\}")
#: Calls whose arguments speak to the maintainer or the log, never to a reader.
_MAINTAINER_CALLS = re.compile(
    r"(Error|Errors|Exception|Failed)$|^(error|warning|info|debug|progress|report_error)$"
)


def english_in_template(source: str) -> list[str]:
    """Words a template writes itself instead of taking them from ``ui``."""
    found = []
    for tag in _JINJA_TAG.findall(_JINJA_COMMENT.sub("", source)):
        for double, single in _JINJA_LITERAL.findall(tag):
            literal = double or single
            if _PROSE.search(literal):
                found.append(literal)
    text = _JINJA_TAG.sub(" ", _JINJA_COMMENT.sub("", source))
    text = _ELEMENT_BODY.sub(" ", text)
    found += [w for value in _READER_ATTRIBUTE.findall(text) for w in _WORD.findall(value)]
    text = _ATTR_LIST.sub(" ", _HTML_TAG.sub(" ", _LINK_TARGET.sub("]", text)))
    found += [w for w in _WORD.findall(text) if w not in TEMPLATE_ALLOWED]
    return found


def english_in_python(source: str) -> list[tuple[int, str]]:
    """(line, text) of string literals in a module that look like words for a reader."""
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        if isinstance(node, ast.Call) and _MAINTAINER_CALLS.search(_call_name(node.func)):
            skipped.update(id(n) for arg in node.args for n in ast.walk(arg))
        if isinstance(node, ast.Raise):
            skipped.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        text = _literal_text(node)
        if text is not None and _reads_like_words(text):
            found.append((node.lineno, text))
    return found


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal_text(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's holes become a neutral mark."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "\x00" for v in node.values)
    return None


def _reads_like_words(text: str) -> bool:
    text = _PLACEHOLDER.sub(" ", _CSS_COMMENT.sub(" ", text))
    if "<" in text or ">" in text:
        nodes = _TEXT_NODE.findall(text) + _READER_ATTRIBUTE.findall(text)
        return any(_WORD.search(n) for n in nodes)
    return bool(_PHRASE.search(text))
