"""A whole playbook after validation: every item with the file it came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.load import SourceFile
from generator.model.assessment import Assessment
from generator.model.brand import Brand
from generator.model.content import Factors, Glossary, PlaybookInfo, Role, StartingPoint, Structure

M = TypeVar("M", bound=BaseModel)


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
        for kind in ("roles", "structures", "starting-points", "assessments"):
            for item in self.entities(kind):
                yield item.source
        for single in (self.factors, self.glossary):
            if single is not None:
                yield single.source
