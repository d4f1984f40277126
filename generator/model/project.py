"""Stage 2: find every content file, validate it, then cross-check them all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.errors import ContentError, ContentErrors, ProjectError, display_path, suggestion
from generator.load import SourceFile, load_yaml
from generator.model.assessment import Assessment
from generator.model.base import SLUG
from generator.model.brand import Brand
from generator.model.content import Factors, Glossary, PlaybookInfo, Role, StartingPoint, Structure
from generator.model.validate import validate

M = TypeVar("M", bound=BaseModel)

#: Folders of entity files, one YAML file per entity, and their models.
ENTITY_FOLDERS: dict[str, type[BaseModel]] = {
    "roles": Role,
    "structures": Structure,
    "starting-points": StartingPoint,
    "assessments": Assessment,
}
#: Single files at the top of the playbook folder.
SINGLE_FILES: dict[str, type[BaseModel]] = {
    "playbook.yml": PlaybookInfo,
    "factors.yml": Factors,
    "glossary.yml": Glossary,
}


@dataclass(frozen=True)
class Item(Generic[M]):
    """A validated model together with the file it came from."""

    model: M
    source: SourceFile


@dataclass
class Playbook:
    """All validated content of one project, ready to render."""

    root: Path
    docs_dir: Path
    info: Item[PlaybookInfo]
    brand: Item[Brand]
    roles: list[Item[Role]] = field(default_factory=list)
    structures: list[Item[Structure]] = field(default_factory=list)
    starting_points: list[Item[StartingPoint]] = field(default_factory=list)
    assessments: list[Item[Assessment]] = field(default_factory=list)
    factors: Item[Factors] | None = None
    glossary: Item[Glossary] | None = None
    docs_pages: frozenset[str] = frozenset()
    #: Pages whose files failed validation: links to them are not reported twice.
    unvalidated_pages: frozenset[str] = frozenset()
    #: Files that loaded but failed validation, with the model they were meant for.
    unvalidated: list[tuple[SourceFile, type[BaseModel]]] = field(default_factory=list)

    def entities(self, kind: str) -> list[Item[BaseModel]]:
        items: dict[str, list[Item[BaseModel]]] = {
            "roles": list(self.roles),  # type: ignore[arg-type]
            "structures": list(self.structures),  # type: ignore[arg-type]
            "starting-points": list(self.starting_points),  # type: ignore[arg-type]
            "assessments": list(self.assessments),  # type: ignore[arg-type]
        }
        return items[kind]

    def sources(self) -> Iterator[SourceFile]:
        """Every content file, for watching and for edit links."""
        yield self.info.source
        yield self.brand.source
        for kind in ENTITY_FOLDERS:
            for item in self.entities(kind):
                yield item.source
        for single in (self.factors, self.glossary):
            if single is not None:
                yield single.source


class _Collector:
    """Loads and validates files, keeping every error instead of stopping."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.errors: list[ContentError] = []
        self.failed: set[str] = set()
        self.unvalidated: list[tuple[SourceFile, type[BaseModel]]] = []

    def read(self, path: Path, model: type[M], kind: str | None = None) -> Item[M] | None:
        source, errors = load_yaml(path, display_path(path, self.base), sandbox=self.base)
        self.errors += errors
        value = None
        if source is not None:
            value, errors = validate(source, model)
            self.errors += errors
            if value is None:
                self.unvalidated.append((source, model))
        if value is None and kind is not None:
            raw_id = source.data.get("id") if source is not None else None
            known = isinstance(raw_id, str) and SLUG.fullmatch(raw_id)
            self.failed.add(f"{kind}/{raw_id if known else path.stem}.md")
        return Item(value, source) if value is not None and source is not None else None


def _order_key(item: Item[BaseModel]) -> tuple[int, str]:
    return (getattr(item.model, "order", 100), getattr(item.model, "title", ""))


def load_playbook(root: Path, brand_file: Path, docs_dir: Path, base: Path) -> Playbook:
    """Load, validate and cross-check a whole playbook, or raise every error at once.

    ``base`` is the folder that error paths are shown relative to (the project).
    """
    from generator.model.crossref import check_references

    if not root.is_dir():
        raise ProjectError(
            f"the playbook folder '{display_path(root, base)}' does not exist; set the"
            " cco-playbook plugin's 'playbook' option in mkdocs.yml to the content folder"
        )
    if not brand_file.is_file():
        raise ProjectError(
            f"the brand file '{display_path(brand_file, base)}' does not exist; create it"
            " (see playbook/brand.yml) or pass --brand FILE"
        )
    collect = _Collector(base)
    entities: dict[str, list[Item[BaseModel]]] = {}
    for folder, model in ENTITY_FOLDERS.items():
        items = [collect.read(p, model, folder) for p in sorted((root / folder).glob("*.y*ml"))]
        entities[folder] = sorted((i for i in items if i is not None), key=_order_key)
    singles = {
        name: collect.read(root / name, model)
        for name, model in SINGLE_FILES.items()
        if (root / name).is_file()
    }
    if not (root / "playbook.yml").is_file():
        raise ProjectError(
            f"'{display_path(root / 'playbook.yml', base)}' is missing; every playbook folder"
            " starts with a playbook.yml naming its id, title and navigation"
        )
    brand = collect.read(brand_file, Brand)
    collect.errors += _stray_files(root, brand_file, base)
    info = singles.get("playbook.yml")
    if info is None or brand is None:
        raise ContentErrors(collect.errors)
    docs_pages = (
        frozenset(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
        if docs_dir.is_dir()
        else frozenset()
    )
    playbook = Playbook(
        root=root,
        docs_dir=docs_dir,
        info=info,  # type: ignore[arg-type]
        brand=brand,
        roles=entities["roles"],  # type: ignore[arg-type]
        structures=entities["structures"],  # type: ignore[arg-type]
        starting_points=entities["starting-points"],  # type: ignore[arg-type]
        assessments=entities["assessments"],  # type: ignore[arg-type]
        factors=singles.get("factors.yml"),  # type: ignore[arg-type]
        glossary=singles.get("glossary.yml"),  # type: ignore[arg-type]
        docs_pages=docs_pages,
        unvalidated_pages=frozenset(collect.failed),
        unvalidated=collect.unvalidated,
    )
    collect.errors += check_references(playbook)
    if collect.errors:
        raise ContentErrors(collect.errors)
    return playbook


def _stray_files(root: Path, brand_file: Path, base: Path) -> list[ContentError]:
    """A YAML file the tool would silently ignore is almost always a mistake."""
    # playbook/brand.yml stays known when --brand names another file.
    known = {*SINGLE_FILES, "brand.yml"}
    if brand_file.resolve().is_relative_to(root.resolve()):
        known.add(brand_file.resolve().relative_to(root.resolve()).as_posix())
    errors = []
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root).as_posix()
        folder = rel.split("/")[0] if "/" in rel else None
        if rel in known or (folder in ENTITY_FOLDERS and rel.count("/") == 1):
            continue
        where = "folder" if folder else "file"
        allowed = list(ENTITY_FOLDERS) if folder else [*SINGLE_FILES, "brand.yml"]
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
