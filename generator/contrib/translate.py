"""``cco-playbook translate update``: record which English each translated text translates.

A translator writes the texts; the tool writes the fingerprints (the ``_sources`` map at
the end of a translation file, ``translated_from`` in a docs page's front matter). Each
record holds two fingerprints, of the English and of the translation (``source/text``).
``update`` records the English anew for every text that is new or that the translator
has revised since the last record; a *stale* text (its English changed) that still reads
as it did keeps its old record. When an English edit needs no change in the translation,
the translator confirms the file by naming it:
``translate update de playbook/translations/de/roles/cco.yml``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.errors import (
    ContentErrors,
    ProjectError,
    UsageError,
    display_path,
    suggestion,
)
from generator.layer import (
    SOURCES_KEY,
    TRANSLATIONS,
    FileReport,
    LanguageReport,
    fingerprint,
    path_key,
    record,
)
from generator.load import load_yaml
from generator.model.brand import material_languages
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
        sure = target.resolve() in confirm
        if target.is_file() and _update_yaml(base, target, model, sure, paths.root):
            written.append(target)
    docs = paths.docs
    for english in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        target = layer / "docs" / english.relative_to(docs)
        if target.is_file() and _update_docs(english, target, target.resolve() in confirm):
            written.append(target)
    return written


def scaffold(paths: ProjectPaths, language: str) -> tuple[Path, int]:
    """Start a translation: a copy of every content file and docs page in a new layer.

    Every text stays English and counts as *missing* until it is translated and
    recorded; a language the theme cannot speak is refused, and so is a layer that
    exists already (nothing is overwritten).
    """
    if language not in material_languages():
        raise UsageError(
            f"'{language}' is not a language the site can be published in;"
            f" {suggestion(language, material_languages())}"
        )
    layer = paths.playbook / TRANSLATIONS / language
    if layer.exists():
        raise UsageError(
            f"{display_path(layer, paths.root)} exists already: 'translate new' never"
            " overwrites a translation ('translate stale' lists what is left to do)"
        )
    copies = [
        (base, layer / base.relative_to(paths.playbook))
        for base, _model in content_files(paths.playbook)
    ]
    docs = paths.docs
    copies += [
        (page, layer / "docs" / page.relative_to(docs))
        for page in (sorted(docs.rglob("*.md")) if docs.is_dir() else [])
    ]
    for base, target in copies:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(base, target)
    return layer, len(copies)


def todo(report: LanguageReport) -> list[str]:
    """What is left to translate, one ``file:line:col: key: ...`` line per text: where
    to write it, and the English it has to say now (with the English's own place)."""
    lines = []
    for file in report.files:
        for state, paths in (("stale", file.stale), ("missing", file.missing)):
            lines += [_todo_line(file, path, state) for path in paths]
    return lines


def _todo_line(file: FileReport, path: tuple[str | int, ...], state: str) -> str:
    what = "the English changed since it was translated" if state == "stale" else "not translated"
    if file.base_file is None:  # a docs page: the whole page is one text
        return f"{file.translation or file.base}:1:1: ({state}) the page: {what}; see {file.base}"
    # Where to write it: the translation file once there is one.
    shown = file.layer_file or file.base_file
    pos, base = shown.locate(path), file.base_file.locate(path)
    english = " ".join(str(_at(file.base_file.data, path) or "").split())
    if len(english) > 90:
        english = english[:87] + "..."
    return (
        f"{shown.display}:{pos.line}:{pos.column}: {path_key(path)}: ({state}) {what}; the"
        f' English now reads "{english}" ({file.base_file.display}:{base.line}:{base.column})'
    )


def _load(path: Path, root: Path) -> dict[str, Any]:
    source, errors = load_yaml(path, display_path(path, root), sandbox=root)
    if errors:
        raise ContentErrors(errors)
    assert source is not None
    return dict(source.data)


def _update_yaml(
    base: Path, target: Path, model: type[BaseModel], confirm: bool, root: Path
) -> bool:
    english = _load(base, root)
    text = target.read_text(encoding="utf-8")
    other = _load(target, root)
    recorded = dict(other.pop(SOURCES_KEY, None) or {})
    sources = {}
    for path, value in texts(english, model, ()):
        key, translated = path_key(path), _at(other, path)
        if not isinstance(translated, str):
            continue
        kept = str(recorded.get(key, ""))
        if not kept and translated == value and not confirm:
            continue  # still the English copy 'translate new' made: not translated yet
        revised = not kept.endswith(f"/{fingerprint(translated)}")
        sources[key] = record(value, translated) if confirm or revised else kept
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
    inner = front.group(1) or "" if front is not None else ""
    kept = _FRONT_LINE.search(inner)
    inner = _FRONT_LINE.sub("", inner)
    body = text[front.end() :] if front is not None else text
    # The translation's fingerprint is taken without its own record line.
    translation = f"---\n{inner}---\n{body}" if inner else body
    if (
        kept is not None
        and not confirm
        and kept.group(0).endswith(f"/{fingerprint(translation)}\n")
    ):
        return False
    if kept is None and not confirm and text == english.read_text(encoding="utf-8"):
        return False  # still the English copy 'translate new' made
    line = f"translated_from: {record(english.read_text(encoding='utf-8'), translation)}\n"
    updated = f"---\n{inner}{line}---\n{body}"
    if updated == text:
        return False
    target.write_text(updated, encoding="utf-8")
    return True
