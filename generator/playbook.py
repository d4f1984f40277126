"""Stage 2: find every content file of a playbook, load and validate it, then cross-check
them all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator.edition.config import CONTENT_DIR, Stack, load_stack
from generator.edition.overlay import Overlay, hidden_page_of
from generator.errors import (
    ContentError,
    ContentErrors,
    ProjectError,
    UsageError,
    display_path,
    suggestion,
)
from generator.layer import BASE_LANGUAGE, TRANSLATIONS, Layer
from generator.load import SourceFile, load_yaml
from generator.model.base import SLUG
from generator.model.brand import Brand
from generator.model.content import Entity
from generator.model.crossref import GLOSSARY_PAGE, check_references
from generator.model.docs_pages import check_docs_pages
from generator.model.kinds import KIND_NAMES, KINDS, Kind
from generator.model.playbook import (
    BRAND_FILE,
    DECISIONS_FILE,
    FACTORS_FILE,
    GLOSSARY_FILE,
    PLAYBOOK_FILE,
    SINGLE_FILES,
    Item,
    Playbook,
)
from generator.model.validate import validate
from generator.project import ProjectPaths, read_project
from generator.ui_strings import check_strings

M = TypeVar("M", bound=BaseModel)


class _Collector:
    """Loads and validates files, keeping every error instead of stopping."""

    def __init__(self, base: Path) -> None:
        self.base = base
        #: The language layer applied to content files as they load (None: English).
        self.layer: Layer | None = None
        #: The client edition applied after the language layer (None: the base playbook).
        self.overlay: Overlay | None = None
        #: Files of pages the edition hides: not validated, not published.
        self.skipped: set[Path] = set()
        self.errors: list[ContentError] = []
        self.failed: set[str] = set()
        self.unvalidated: list[tuple[SourceFile, type[BaseModel]]] = []

    def read(self, path: Path, model: type[M], item: str | None = None) -> Item[M] | None:
        return self._read(path, model, item)[1]

    def read_single(self, path: Path, model: type[M]) -> Item[M] | None:
        return self.read(path, model, path.stem) if os.path.lexists(path) else None

    def read_kind(self, root: Path, kind: Kind) -> list[Item[Entity]]:
        """Every file in the kind's folder (and the edition's), in page order (``order``,
        then title); a page the edition hides is left out."""
        items = []
        for path in self._kind_files(root, kind):
            source, item = self._read(path, kind.model, kind.name)
            if path in self.skipped:
                continue
            if item is not None:
                items.append(item)
                continue
            # Links to the page of a file that failed are not reported again.
            raw_id = source.data.get("id") if source is not None else None
            page_id = raw_id if isinstance(raw_id, str) and SLUG.fullmatch(raw_id) else path.stem
            self.failed.add(kind.page(page_id))
        return sorted(items, key=lambda i: (i.model.order, i.model.title))

    def _kind_files(self, root: Path, kind: Kind) -> list[Path]:
        files = _content_files(root / kind.name)
        if self.overlay is not None:
            for layer in self.overlay.stack.layers:
                files += _content_files(layer.folder / CONTENT_DIR / kind.name)
        return files

    def kind_data(self, root: Path) -> list[tuple[str, object, type[Entity]]]:
        """Every entity file's page and raw data, for the edition's cascade of hides."""
        found = []
        for kind in KINDS:
            for path in self._kind_files(root, kind):
                source, _ = load_yaml(path, display_path(path, self.base), sandbox=self.base)
                if source is not None:
                    found.append(
                        (hidden_page_of(kind.name, source.data, path.stem), source.data, kind.model)
                    )
        return found

    def _read(
        self, path: Path, model: type[M], item: str | None = None
    ) -> tuple[SourceFile | None, Item[M] | None]:
        source, errors = load_yaml(path, display_path(path, self.base), sandbox=self.base)
        self.errors += errors
        if source is None:
            return None, None
        if self.layer is not None:
            source, errors = self.layer.apply(source, model)
            self.errors += errors
        if self.overlay is not None and item is not None:
            if item in {kind.name for kind in KINDS}:
                item = hidden_page_of(item, source.data, path.stem)
                if self.overlay.is_hidden(item):
                    self.overlay.addresses.add(item)
                    self.skipped.add(path)
                    return None, None
            source, errors = self.overlay.apply(source, model, item)
            self.errors += errors
        value, errors = validate(source, model)
        self.errors += errors
        if value is None:
            self.unvalidated.append((source, model))
            return source, None
        return source, Item(value, source)


def _content_files(folder: Path) -> list[Path]:
    """Every ``*.yml``/``*.yaml`` entry in ``folder``: the loader reports what is not a file."""
    return sorted(folder.glob("*.y*ml")) if folder.is_dir() else []


def check(config_file: Path, brand: Path | None = None, language: str | None = None) -> Playbook:
    """Read the project's options from ``mkdocs.yml``, then load and check its playbook."""
    return load_playbook(read_project(config_file, brand, language))


def load_playbook(paths: ProjectPaths, *, language: str | None = None) -> Playbook:
    """Load, validate and cross-check a whole playbook, or raise every error at once.

    Error paths are shown relative to the project folder. The content is read in
    ``language`` (default: the brand's) through its translation when there is one.
    """
    root, base = paths.playbook, paths.root
    if not root.is_dir():
        raise ProjectError(
            f"the playbook folder '{display_path(root, base)}' does not exist; set the"
            " cco-playbook plugin's 'playbook' option in mkdocs.yml to the content folder"
        )
    if not os.path.lexists(paths.brand):
        raise ProjectError(
            f"the brand file '{display_path(paths.brand, base)}' does not exist; create it"
            " (see playbook/brand.yml) or pass --brand FILE"
        )
    if not os.path.lexists(root / PLAYBOOK_FILE.name):
        raise ProjectError(
            f"'{display_path(root / PLAYBOOK_FILE.name, base)}' is missing; every playbook"
            " folder starts with a playbook.yml naming its id, title and navigation"
        )
    stack = load_stack(paths.edition, base) if paths.edition is not None else None
    brand_file = (stack.brand if stack is not None else None) or paths.brand
    collect = _Collector(base)
    # The brand comes first: its language chooses the layer the content is read through.
    brand = collect.read(brand_file, BRAND_FILE.model)
    editions = _editions(brand, collect.errors, root, base)
    chosen = language or paths.language or (stack.language if stack is not None else None)
    if chosen is not None:
        require_language(root, chosen, base)
        if brand is not None and brand.model.language != chosen:
            # This edition speaks the chosen language: the tool's words, search and
            # the page's lang follow it as they follow a brand's own language.
            brand = Item(brand.model.model_copy(update={"language": chosen}), brand.source)
    if language is None:
        language = chosen or (brand.model.language if brand is not None else BASE_LANGUAGE)
    if language != BASE_LANGUAGE and (root / TRANSLATIONS / language).is_dir():
        collect.layer = Layer(root, language, base)
    if stack is not None:
        collect.overlay = _overlay(stack, collect, root)
        if brand is not None and brand.model.tagline:
            # The site's description speaks the client's terms too.
            tagline = collect.overlay.rename(brand.model.tagline)
            brand = Item(brand.model.model_copy(update={"tagline": tagline}), brand.source)
    by_kind = {kind.name: collect.read_kind(root, kind) for kind in KINDS}
    info = collect.read(root / PLAYBOOK_FILE.name, PLAYBOOK_FILE.model, "playbook")
    factors = collect.read_single(root / FACTORS_FILE.name, FACTORS_FILE.model)
    glossary = collect.read_single(root / GLOSSARY_FILE.name, GLOSSARY_FILE.model)
    decisions = collect.read_single(root / DECISIONS_FILE.name, DECISIONS_FILE.model)
    if glossary is None and os.path.lexists(root / GLOSSARY_FILE.name):
        # Reported in the file itself, not again where the nav or a link names its page.
        collect.failed.add(GLOSSARY_PAGE)
    collect.errors += _stray_files(root, paths.brand, base)
    collect.errors += check_docs_pages(paths.docs, base)
    # Translated pages arrive by pull request too: nothing in them may run either.
    for translated_docs in sorted((root / TRANSLATIONS).glob("*/docs")):
        collect.errors += check_docs_pages(translated_docs, base)
    docs_pages = _docs_pages(paths.docs)
    if collect.overlay is not None:
        for layer in collect.overlay.stack.layers:
            collect.errors += check_docs_pages(layer.folder, base)
        collect.errors += collect.overlay.unknown_addresses(docs_pages)
        collect.errors += collect.overlay.errors
        docs_pages = docs_pages - collect.overlay.hidden_pages()
    if brand is not None:
        # The tool's own words in the brand's language: a gap would mix languages.
        collect.errors += check_strings(brand.model.language)
    if info is None or brand is None:
        raise ContentErrors(collect.errors)
    playbook = Playbook(
        root=root,
        docs_dir=paths.docs,
        info=info,
        brand=brand,
        by_kind=by_kind,
        factors=factors,
        glossary=glossary,
        decisions=decisions,
        docs_pages=docs_pages,
        unvalidated_pages=frozenset(collect.failed),
        unvalidated=collect.unvalidated,
        language=collect.layer,
        editions=editions,
        edition=collect.overlay,
    )
    if collect.layer is not None:
        collect.layer.read_docs(paths.docs, playbook.docs_pages)
    collect.errors += check_references(playbook)
    if collect.errors:
        raise ContentErrors(collect.errors)
    return playbook


def _overlay(stack: Stack, collect: _Collector, root: Path) -> Overlay:
    """The edition's changes, with the pages its hides take along worked out first."""
    overlay = Overlay(stack)
    overlay.cascade(collect.kind_data(root))
    return overlay


def _editions(
    brand: Item[Brand] | None, errors: list[ContentError], root: Path, base: Path
) -> tuple[str, ...]:
    """The brand's languages, its own first; one without a translation is an error."""
    if brand is None:
        return (BASE_LANGUAGE,)
    own = brand.model.language
    languages = list(dict.fromkeys([own, *brand.model.languages]))
    available = published_languages(root)
    for i, language in enumerate(brand.model.languages):
        if language not in available:
            errors.append(
                brand.source.error(
                    ("languages", i),
                    f"there is no '{language}' translation to publish",
                    f"translate the playbook into {display_path(root / TRANSLATIONS, base)}"
                    f"/{language}/ first, or remove '{language}'; published now:"
                    f" {', '.join(available)}",
                )
            )
    return tuple(languages)


def published_languages(root: Path) -> list[str]:
    """The languages the playbook can be published in: its own and its translations'."""
    translations = root / TRANSLATIONS
    found = (
        sorted(p.name for p in translations.iterdir() if p.is_dir())
        if translations.is_dir()
        else []
    )
    return [BASE_LANGUAGE, *found]


def require_language(root: Path, language: str, base: Path) -> None:
    """A usage error for a language the playbook has no translation into."""
    languages = published_languages(root)
    if language not in languages:
        raise UsageError(
            f"there is no '{language}' edition of this playbook: it is published in"
            f" {', '.join(languages)} (a translation lives in"
            f" {display_path(root / TRANSLATIONS, base)}/<language>/; see"
            " 'cco-playbook translate --help')"
        )


def paths_language(paths: ProjectPaths, language: str) -> Layer:
    """The playbook read through the ``language`` layer, for reports on the translation
    (whatever language the brand names)."""
    root = paths.playbook
    if not (root / TRANSLATIONS / language).is_dir():
        raise ProjectError(
            f"there is no '{language}' translation: create"
            f" {display_path(root / TRANSLATIONS / language, paths.root)} with files mirroring"
            f" {display_path(root, paths.root)}"
        )
    playbook = load_playbook(paths, language=language)
    assert playbook.language is not None
    return playbook.language


def _docs_pages(docs_dir: Path) -> frozenset[str]:
    if not docs_dir.is_dir():
        return frozenset()
    return frozenset(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))


def _stray_files(root: Path, brand_file: Path, base: Path) -> list[ContentError]:
    """A YAML file the tool would silently ignore is almost always a mistake."""
    singles = [single.name for single in SINGLE_FILES] + [BRAND_FILE.name]
    # playbook/brand.yml stays known when --brand names another file.
    known = set(singles)
    if brand_file.resolve().is_relative_to(root.resolve()):
        known.add(brand_file.resolve().relative_to(root.resolve()).as_posix())
    errors = []
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root).as_posix()
        folder = rel.split("/")[0] if "/" in rel else None
        if rel in known or (folder in KIND_NAMES and rel.count("/") == 1) or folder == TRANSLATIONS:
            continue
        where = "folder" if folder else "file"
        allowed = list(KIND_NAMES) if folder else singles
        name = folder if folder else rel
        errors.append(
            ContentError(
                display_path(path, base),
                1,
                1,
                (),
                f"unknown content {where} '{name}': this file is not read",
                suggestion(name or "", allowed),
            )
        )
    return errors
