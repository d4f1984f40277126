"""Stage 2, before validation: a language layer over the base content.

A translation lives in ``playbook/translations/<lang>/``, one file per base file at the
same relative path (``roles/cco.yml``, ``docs/why-a-cco.md`` for the narrative pages). A
translation file has the base file's keys and may change texts only: which values are
texts is read from the content models (plain text, Markdown, abbreviations, navigation
group titles), so ids, references, numbers, enumeration values, versions, link targets
inside Markdown and ``%brand%`` are locked, and a change to one is a located error.

Each translated text records a fingerprint of the English it translates, in the file's
``_sources`` map (written by ``cco-playbook translate update``). When the English changes
the fingerprint no longer matches: the text is *stale*. Stale and missing texts are shown
in English, on a page marked "not yet translated", never silently mixed; ``--strict``
fails on them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.errors import ContentError, KeyPath, display_path, suggestion
from generator.load import SourceFile, load_yaml
from generator.model.base import links_in
from generator.model.texts import is_group, is_text, step, texts

#: The folder of translations inside the playbook folder.
TRANSLATIONS = "translations"
#: The language the base content is written in.
BASE_LANGUAGE = "en"
#: The key of a translation file that holds the fingerprints of its sources.
SOURCES_KEY = "_sources"
_PLACEHOLDER = re.compile(r"%[a-z_]+%")


def fingerprint(text: str) -> str:
    """A short fingerprint of an English text: its translation records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def record(english: str, translation: str) -> str:
    """What a translation file keeps of one text: the fingerprints of the English it
    translates and of the translation itself (``source/text``). The second lets
    ``translate update`` tell a translation that was revised from one left as it was."""
    return f"{fingerprint(english)}/{fingerprint(translation)}"


def recorded_source(value: str | None) -> str | None:
    """The English fingerprint in a record (None when there is none)."""
    return value.split("/", 1)[0] if value else None


def path_key(path: KeyPath) -> str:
    """``("questions", 3, "text")`` -> ``questions.3.text``, the key in ``_sources``."""
    return ".".join(str(part) for part in path)


class LayeredSource(SourceFile):
    """A base file with a translation applied: an error in a translated value is
    located in the translation file, any other in the base file."""

    def __init__(self, base: SourceFile, layer: SourceFile, data: Any, translated: set[KeyPath]):
        super().__init__(base.path, base.display, data, base.values, base.keys)
        self.layer = layer
        self.translated = translated

    def error(
        self, path: KeyPath, message: str, hint: str | None = None, *, key: bool = False
    ) -> ContentError:
        if any(path[:i] in self.translated for i in range(len(path), 0, -1)):
            return self.layer.error(path, message, hint, key=key)
        return super().error(path, message, hint, key=key)


@dataclass
class FileReport:
    """What a translation says about one base file."""

    base: str
    translation: str | None
    #: The base file (None for a docs page).
    path: Path | None = None
    #: The base file and the translation as loaded, for locating their texts.
    base_file: SourceFile | None = None
    layer_file: SourceFile | None = None
    translated: int = 0
    stale: list[KeyPath] = field(default_factory=list)
    missing: list[KeyPath] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.stale and not self.missing


@dataclass
class LanguageReport:
    """The state of one language layer: per file, and the warnings it gives."""

    language: str
    root: Path
    files: list[FileReport] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)

    def totals(self) -> tuple[int, int, int]:
        """Texts translated, stale and missing, over every file."""
        return (
            sum(f.translated for f in self.files),
            sum(len(f.stale) for f in self.files),
            sum(len(f.missing) for f in self.files),
        )

    def incomplete(self) -> set[Path]:
        """The base files some of whose texts are shown in English."""
        return {f.path for f in self.files if f.path is not None and not f.complete}

    def table(self) -> str:
        """The coverage table ``check`` and ``translate status`` print."""
        width = max([40, *(len(f.base) for f in self.files)])
        rows = [f"{'file':<{width}} {'translated':>10} {'stale':>6} {'missing':>8}"]
        for f in self.files:
            rows.append(
                f"{f.base:<{width}} {f.translated:>10} {len(f.stale):>6} {len(f.missing):>8}"
            )
        done, stale, missing = self.totals()
        total = done + stale + missing
        share = f"{100 * done // total}%" if total else "-"
        summary = f"all ({share} translated)"
        rows.append(f"{summary:<{width}} {done:>10} {stale:>6} {missing:>8}")
        return "\n".join(rows)


class Layer:
    """The translation of one language, applied to base files as they are loaded."""

    def __init__(self, playbook_root: Path, language: str, base: Path) -> None:
        self.playbook_root = playbook_root
        self.root = playbook_root / TRANSLATIONS / language
        self.base = base
        self.report = LanguageReport(language, self.root)
        #: Docs pages (relative to docs/) as the build publishes them in this language.
        self.docs: dict[str, str] = {}
        #: The docs pages among them shown in English (no current translation).
        self.docs_in_english: set[str] = set()

    def translation_of(self, base_file: Path) -> Path:
        return self.root / base_file.relative_to(self.playbook_root)

    def apply(
        self, source: SourceFile, model: type[BaseModel]
    ) -> tuple[SourceFile, list[ContentError]]:
        """``source`` with its translation applied, and the translation's errors."""
        target = self.translation_of(source.path)
        report = FileReport(source.display, None, source.path, base_file=source)
        self.report.files.append(report)
        if not target.exists():
            report.missing = [p for p, _ in texts(source.data, model, ())]
            self._warn_missing(report, source.display, display_path(target, self.base))
            return source, []
        layer, errors = load_yaml(target, display_path(target, self.base), sandbox=self.base)
        report.translation = display_path(target, self.base)
        if layer is None:
            return source, errors
        report.layer_file = layer
        if not isinstance(layer.data, dict):
            return source, [layer.error((), "a translation file holds a mapping, like its base")]
        data = dict(layer.data)
        sources = data.pop(SOURCES_KEY, None) or {}
        if not isinstance(sources, dict):
            return source, [layer.error((SOURCES_KEY,), "must map key paths to fingerprints")]
        merge = _Merge(source, layer, {str(k): str(v) for k, v in sources.items()}, report)
        merged = merge.value(source.data, data, model, ())
        self.report.warnings += [
            layer.error(
                path,
                "the English text changed since this was translated (stale): shown in English",
                f"update the translation to match {source.display}:"
                f"{source.locate(path).line}:{source.locate(path).column}, then run"
                f" 'cco-playbook translate update {self.report.language}'",
            )
            for path in report.stale
        ]
        self._warn_missing(report, report.translation, report.translation)
        return LayeredSource(source, layer, merged, merge.translated), merge.errors

    def _warn_missing(self, report: FileReport, where: str, translation: str) -> None:
        if report.missing:
            first = path_key(report.missing[0]) or "(the page)"
            self.report.warnings.append(
                ContentError(
                    where,
                    1,
                    1,
                    (),
                    f"{len(report.missing)} text(s) not translated into"
                    f" '{self.report.language}' (the first: {first}): shown in English",
                    f"translate them in {translation}, then run"
                    f" 'cco-playbook translate update {self.report.language}'",
                )
            )

    def read_docs(self, docs_dir: Path, pages: frozenset[str]) -> None:
        """Read the translation of every docs page: :attr:`docs` gets the translated
        pages that are current, and the English of the others, marked (see
        :func:`mark_untranslated`)."""
        for rel in sorted(pages):
            english = (docs_dir / rel).read_text(encoding="utf-8")
            translated = self._docs_page(rel, english)
            self.docs[rel] = translated if translated is not None else english
            if translated is None:
                self.docs_in_english.add(rel)

    def _docs_page(self, rel: str, english: str) -> str | None:
        """The translation of docs page ``rel`` when there is one and it is current."""
        target = self.root / "docs" / rel
        report = FileReport(f"docs/{rel}", None)
        self.report.files.append(report)
        if not target.is_file():
            report.missing = [()]
            self._warn_missing(report, f"docs/{rel}", display_path(target, self.base))
            return None
        report.translation = display_path(target, self.base)
        text = target.read_text(encoding="utf-8")
        recorded = recorded_source(_front_matter_source(text))
        if recorded is None and text == english:
            report.missing = [()]
            self._warn_missing(report, report.translation, report.translation)
            return None
        if recorded != fingerprint(english):
            report.stale = [()]
            self.report.warnings.append(
                ContentError(
                    report.translation,
                    1,
                    1,
                    (),
                    "the English page changed since this was translated (stale)"
                    if recorded
                    else "no fingerprint of the English page is recorded",
                    f"check it against docs/{rel}, then run"
                    f" 'cco-playbook translate update {self.report.language}"
                    f" {report.translation}'",
                )
            )
            return None
        report.translated = 1
        return text


def mark_untranslated(markdown: str, title: str, text: str) -> str:
    """``markdown`` with a notice at its top that some of it is shown in English."""
    shown = title.replace('"', "'")
    notice = f'!!! warning "{shown}"\n\n    {text}\n\n'
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            cut = end + len("\n---\n")
            return markdown[:cut] + notice + markdown[cut:]
    return notice + markdown


_FRONT_SOURCE = re.compile(
    r"\A---\n(?:.*\n)*?translated_from: *([0-9a-f]+(?:/[0-9a-f]+)?) *\n(?:.*\n)*?---\n"
)


def _front_matter_source(text: str) -> str | None:
    found = _FRONT_SOURCE.match(text)
    return found.group(1) if found else None


class _Merge:
    """Walks a base value and its translation together."""

    def __init__(
        self, base: SourceFile, layer: SourceFile, sources: dict[str, str], report: FileReport
    ) -> None:
        self.base, self.layer, self.sources, self.report = base, layer, sources, report
        self.errors: list[ContentError] = []
        self.translated: set[KeyPath] = set()

    def value(self, english: Any, other: Any, annotation: Any, path: KeyPath) -> Any:
        if isinstance(english, dict):
            return self._mapping(english, other, annotation, path)
        if isinstance(english, list):
            return self._sequence(english, other, annotation, path)
        if isinstance(english, str) and is_text(annotation, path):
            return self._text(english, other, path)
        if other != english:
            self._locked(english, other, path)
        return english

    def _mapping(self, english: dict[str, Any], other: Any, annotation: Any, path: KeyPath) -> Any:
        if not isinstance(other, dict):
            self.errors.append(self.layer.error(path, "expected a mapping, as in the base file"))
            return english
        if is_group(english, path):
            # A titled navigation group: its one key is its title, a text.
            ((title, pages),) = english.items()
            if len(other) != 1:
                self.errors.append(
                    self.layer.error(path, "expected one group title, as in the base")
                )
                return english
            ((other_title, other_pages),) = other.items()
            shown = self._text(title, other_title, path)
            return {shown: self.value(pages, other_pages, list[str], (*path, title))}
        merged: dict[str, Any] = {}
        for key, child in english.items():
            if key in other:
                merged[key] = self.value(child, other[key], step(annotation, key), (*path, key))
                continue
            merged[key] = child
            untranslated = [p for p, _ in texts(child, step(annotation, key), (*path, key))]
            self.report.missing += untranslated
            if not untranslated:
                # Nothing to translate there: a key left out is a slip, not work to do.
                self.errors.append(
                    self.layer.error(
                        path,
                        f"'{key}' is missing: a translation keeps every key of the base file"
                        f" {self.base.display}",
                        f"copy it unchanged from the base file: {key}: {_shown(child)}",
                        key=True,
                    )
                )
        for key in other:
            if key not in english:
                self.errors.append(
                    self.layer.error(
                        (*path, key),
                        f"'{key}' is not a key of the base file {self.base.display}",
                        suggestion(key, english),
                        key=True,
                    )
                )
        return merged

    def _sequence(self, english: list[Any], other: Any, annotation: Any, path: KeyPath) -> Any:
        if not isinstance(other, list) or len(other) != len(english):
            found = f"{len(other)} items" if isinstance(other, list) else type(other).__name__
            self.errors.append(
                self.layer.error(
                    path,
                    f"expected a list of {len(english)} items, as in the base file; found {found}",
                    "translate each item in place: a translation cannot add, drop or reorder items",
                )
            )
            return english
        return [
            self.value(e, o, step(annotation, i), (*path, i))
            for i, (e, o) in enumerate(zip(english, other, strict=True))
        ]

    def _text(self, english: str, other: Any, path: KeyPath) -> str:
        if not isinstance(other, str):
            self.errors.append(self.layer.error(path, "expected text, as in the base file"))
            return english
        lost = _locked_parts(english, other)
        if lost:
            self.errors.append(
                self.layer.error(
                    path,
                    f"the translation changes {lost}",
                    "link targets and placeholders stay as in the English; translate only"
                    " the words",
                )
            )
            return english
        recorded = recorded_source(self.sources.get(path_key(path)))
        if recorded is None and other == english:
            # Copied, not yet translated (as 'translate new' leaves every text).
            self.report.missing.append(path)
            return english
        if recorded != fingerprint(english):
            self.report.stale.append(path)
            return english
        self.report.translated += 1
        self.translated.add(path)
        return other

    def _locked(self, english: Any, other: Any, path: KeyPath) -> None:
        at = self.base.locate(path)
        self.errors.append(
            self.layer.error(
                path,
                f"{other!r} differs from the base file's {english!r}"
                f" ({self.base.display}:{at.line}:{at.column}): only texts are translated",
                f"write {english!r} as in the base file",
            )
        )


def _shown(value: Any) -> str:
    """A base value as the hint shows it: YAML, on one line."""
    if isinstance(value, (dict, list)):
        return "(the whole block)"
    return repr(value)


def _locked_parts(english: str, other: str) -> str | None:
    """What a translation changed that must stay: link targets and placeholders."""
    if sorted(_PLACEHOLDER.findall(english)) != sorted(_PLACEHOLDER.findall(other)):
        return f"the placeholders {_PLACEHOLDER.findall(english)}"
    if ("](" in english or "](" in other) and sorted(links_in(english)) != sorted(links_in(other)):
        return f"the link targets (the English links to {sorted(links_in(english))})"
    return None
