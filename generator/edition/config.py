"""An edition folder's ``edition.yml``, and the stack of editions it stands on.

Layers stack in one order: the base playbook, its language layer, then each edition
from the outermost parent (a consultancy's) to the edition built (a client's). A later
edition wins over an earlier one: its brand, language and client replace theirs, its
overrides replace theirs text by text, and its renames replace theirs term by term;
hides, added pages and added items accumulate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field

from generator.errors import ContentError, ContentErrors, ProjectError, display_path
from generator.load import SourceFile, load_yaml
from generator.model.base import Model, Slug
from generator.model.validate import validate

#: The file that makes a folder an edition.
EDITION_FILE = "edition.yml"
#: The key of ``edition.yml`` that holds the fingerprints of the texts it overrides.
SOURCES_KEY = "_sources"
#: Extra content files of an edition, one folder per kind as in the playbook folder.
CONTENT_DIR = "content"


class Client(Model):
    """Who the edition is for, and who prepared it: the PDF cover and the home page."""

    name: str = Field(min_length=1, description="The client, e.g. 'Müller Maschinenbau GmbH'.")
    date: str | None = Field(default=None, description="Shown on the cover, e.g. '2026-11-24'.")
    consultant: str | None = Field(default=None, description="The consultant's name.")
    contact: str | None = Field(
        default=None, description="How to reach the consultant, e.g. 'jana@example.com'."
    )


class EditionFile(Model):
    """``edition.yml``: what one edition changes about the playbook beneath it."""

    id: Slug = Field(description="Stable id of the edition, e.g. 'mueller'.")
    parent: str | None = Field(
        default=None, description="Another edition folder applied first, e.g. '../beratung'."
    )
    brand: str | None = Field(default=None, description="A brand file, relative to this folder.")
    language: str | None = Field(default=None, description="The language to publish, e.g. 'de'.")
    client: Client | None = None
    introduction: str | None = Field(
        default=None, description="A Markdown page shown first, relative to this folder."
    )
    pages: list[str] = Field(
        default_factory=list, description="Further Markdown pages, relative to this folder."
    )
    rename: dict[str, str] = Field(
        default_factory=dict,
        description="Terms replaced in every text: {'Chief Customer Officer': 'Chief Client"
        " Officer'}.",
    )
    hide: list[str] = Field(
        default_factory=list,
        description="Items left out of every output: 'starting-points/marketing',"
        " 'assessments/fit/questions/budget', 'glossary/nps', 'why-a-cco.md'.",
    )
    overrides: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="{item: {field: text}}: 'roles/cco': {summary: ...};"
        " 'assessments/readiness/questions/budget': {text: ...}.",
    )
    add: dict[str, list[dict[str, Any]]] = Field(
        default_factory=dict,
        description="Items added to an assessment: 'assessments/readiness/questions': [...],"
        " '.../actions': [...].",
    )


@dataclass
class EditionLayer:
    """One edition folder, read and validated."""

    folder: Path
    source: SourceFile
    model: EditionFile
    #: Recorded fingerprints: ``"<item> <field>"`` -> the base text's fingerprint.
    sources: dict[str, str]

    def file(self, name: str) -> Path:
        return (self.folder / name).resolve()


@dataclass
class Stack:
    """The editions an edition stands on, outermost parent first, itself last."""

    layers: list[EditionLayer] = field(default_factory=list)

    @property
    def edition(self) -> EditionLayer:
        return self.layers[-1]

    def last(self, name: str) -> tuple[EditionLayer, Any] | None:
        """The last layer that sets ``name``, and its value."""
        for layer in reversed(self.layers):
            value = getattr(layer.model, name)
            if value:
                return layer, value
        return None

    @property
    def brand(self) -> Path | None:
        found = self.last("brand")
        return found[0].file(found[1]) if found else None

    @property
    def language(self) -> str | None:
        found = self.last("language")
        return found[1] if found else None

    @property
    def client(self) -> Client | None:
        found = self.last("client")
        return found[1] if found else None

    def sources(self) -> list[SourceFile]:
        return [layer.source for layer in self.layers]


def load_stack(folder: Path, base: Path) -> Stack:
    """The edition in ``folder`` and its parents, or every error in them at once."""
    stack: list[EditionLayer] = []
    errors: list[ContentError] = []
    seen: dict[Path, SourceFile] = {}
    current = folder.resolve()
    came_from: tuple[SourceFile, str] | None = None
    while True:
        path = current / EDITION_FILE
        if not path.is_file():
            if came_from is None:
                raise ProjectError(
                    f"'{display_path(current, base)}' is not an edition folder: it has no"
                    f" {EDITION_FILE} (start one with 'cco-playbook init CLIENT')"
                )
            child, parent = came_from
            errors.append(
                child.error(
                    ("parent",),
                    f"the parent '{parent}' is not an edition folder (no {EDITION_FILE} in"
                    f" {display_path(current, base)})",
                    "name a folder that holds an edition.yml, relative to this file's folder",
                )
            )
            break
        layer, found = _read_layer(path, base)
        errors += found
        if layer is None:
            break
        seen[current] = layer.source
        stack.append(layer)
        if layer.model.parent is None:
            break
        parent = layer.model.parent
        following = (current / parent).resolve()
        if following in seen:
            errors.append(
                layer.source.error(
                    ("parent",),
                    f"the parents form a cycle: '{parent}' leads back to"
                    f" {display_path(following / EDITION_FILE, base)}",
                    "an edition's parent is the layer beneath it (a consultancy's edition),"
                    " never the edition itself or one above it",
                )
            )
            break
        came_from = (layer.source, parent)
        current = following
    stack.reverse()
    errors += _duplicate_ids(stack)
    if errors:
        raise ContentErrors(errors)
    return Stack(stack)


def _read_layer(path: Path, base: Path) -> tuple[EditionLayer | None, list[ContentError]]:
    source, errors = load_yaml(path, display_path(path, base), sandbox=path.parent)
    if source is None:
        return None, errors
    if not isinstance(source.data, dict):
        return None, [*errors, source.error((), f"{EDITION_FILE} holds a mapping (id: ...)")]
    data = dict(source.data)
    recorded = data.pop(SOURCES_KEY, None) or {}
    if not isinstance(recorded, dict):
        errors.append(source.error((SOURCES_KEY,), "must map overridden texts to fingerprints"))
        recorded = {}
    checked = SourceFile(source.path, source.display, data, source.values, source.keys)
    model, found = validate(checked, EditionFile)
    errors += found
    if model is None:
        return None, errors
    for name in (model.brand, model.introduction, *model.pages):
        if name is not None and not (path.parent / name).is_file():
            key = _key_of(model, name)
            errors.append(
                source.error(
                    key,
                    f"there is no file '{name}' in {display_path(path.parent, base)}",
                    "write the path relative to the edition folder",
                )
            )
    layer = EditionLayer(path.parent, source, model, {str(k): str(v) for k, v in recorded.items()})
    return layer, errors


def _key_of(model: EditionFile, name: str) -> tuple[str | int, ...]:
    if name == model.brand:
        return ("brand",)
    if name == model.introduction:
        return ("introduction",)
    return ("pages", model.pages.index(name))


def _duplicate_ids(stack: list[EditionLayer]) -> list[ContentError]:
    errors = []
    first: dict[str, EditionLayer] = {}
    for layer in stack:
        other = first.setdefault(layer.model.id, layer)
        if other is not layer:
            at = other.source.locate(("id",))
            errors.append(
                layer.source.error(
                    ("id",),
                    f"the id '{layer.model.id}' is already the id of a layer beneath"
                    f" ({other.source.display}:{at.line}:{at.column})",
                    "give each edition in a stack its own id",
                )
            )
    return errors
