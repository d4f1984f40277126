"""``cco-playbook translate update``: record which English each translated text translates.

A translator writes the texts; the tool writes the fingerprints (the ``_sources`` map at
the end of a translation file, ``translated_from`` in a docs page's front matter). A text
with no fingerprint yet is a new translation and gets one. A *stale* text (its English
changed) keeps its old fingerprint until the translator has checked it and names its file:
``translate update de playbook/translations/de/roles/cco.yml`` confirms that file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import BaseModel

from generator.errors import ProjectError
from generator.layer import SOURCES_KEY, TRANSLATIONS, fingerprint, path_key
from generator.model.kinds import KINDS
from generator.model.playbook import SINGLE_FILES
from generator.model.texts import texts
from generator.project import ProjectPaths

_NOTE = "# Written by 'cco-playbook translate update': the English each text translates.\n"
_SOURCES_BLOCK = re.compile(rf"^(?:{re.escape(_NOTE)})*{SOURCES_KEY}:.*\Z", re.M | re.S)
_FRONT = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
_FRONT_LINE = re.compile(r"^translated_from:.*\n", re.M)


def content_files(root: Path) -> Iterable[tuple[Path, type[BaseModel]]]:
    """Every base content file with its model (the brand is not translated)."""
    for single in SINGLE_FILES:
        if (root / single.name).is_file():
            yield root / single.name, single.model
    for kind in KINDS:
        for path in sorted((root / kind.name).glob("*.y*ml")):
            yield path, kind.model


def update(paths: ProjectPaths, language: str, confirmed: Iterable[Path] = ()) -> list[Path]:
    """Record fingerprints in the translation files of ``language``; return those written.

    Texts without a fingerprint get one; in the ``confirmed`` files every translated text
    gets the fingerprint of its English as it is now.
    """
    layer = paths.playbook / TRANSLATIONS / language
    if not layer.is_dir():
        raise ProjectError(
            f"there is no '{language}' translation: create {layer} with files mirroring"
            f" {paths.playbook} (see CONTRIBUTING.md, 'Translating the playbook')"
        )
    confirm = {p.resolve() for p in confirmed}
    unknown = [p for p in confirm if not p.is_relative_to(layer.resolve())]
    if unknown:
        raise ProjectError(f"'{unknown[0]}' is not a file of the '{language}' translation")
    written = []
    for base, model in content_files(paths.playbook):
        target = layer / base.relative_to(paths.playbook)
        if target.is_file() and _update_yaml(base, target, model, target.resolve() in confirm):
            written.append(target)
    docs = paths.docs
    for english in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        target = layer / "docs" / english.relative_to(docs)
        if target.is_file() and _update_docs(english, target, target.resolve() in confirm):
            written.append(target)
    return written


def _update_yaml(base: Path, target: Path, model: type[BaseModel], confirm: bool) -> bool:
    english = yaml.safe_load(base.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    other = yaml.safe_load(text) or {}
    recorded = dict(other.pop(SOURCES_KEY, None) or {})
    sources = {}
    for path, value in texts(english, model, ()):
        key = path_key(path)
        if _at(other, path) is None:
            continue
        if confirm or key not in recorded:
            sources[key] = fingerprint(value)
        else:
            sources[key] = str(recorded[key])
    if sources == recorded:
        return False
    body = _SOURCES_BLOCK.sub("", text).rstrip("\n") + "\n"
    block = yaml.safe_dump({SOURCES_KEY: sources}, sort_keys=False, allow_unicode=True)
    target.write_text(body + _NOTE + block, encoding="utf-8")
    return True


def _at(data: object, path: tuple[str | int, ...]) -> object:
    """The value at ``path`` in ``data``, or None; a navigation group's title is its key."""
    for part in path:
        if isinstance(data, list) and isinstance(part, int):
            data = data[part] if part < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    if isinstance(data, dict) and len(data) == 1 and path and path[0] == "nav":
        return next(iter(data))
    return data


def _update_docs(english: Path, target: Path, confirm: bool) -> bool:
    text = target.read_text(encoding="utf-8")
    front = _FRONT.match(text)
    has = front is not None and _FRONT_LINE.search(front.group(1) or "") is not None
    if has and not confirm:
        return False
    line = f"translated_from: {fingerprint(english.read_text(encoding='utf-8'))}\n"
    if front is None:
        updated = f"---\n{line}---\n{text}"
    else:
        inner = _FRONT_LINE.sub("", front.group(1) or "")
        updated = f"---\n{inner}{line}---\n{text[front.end() :]}"
    if updated == text:
        return False
    target.write_text(updated, encoding="utf-8")
    return True
