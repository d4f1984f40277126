"""A whole playbook: ``playbook.yml``, the single files beside it, and every validated
item with the file it came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Literal, TypeGuard, TypeVar

from pydantic import BaseModel, Field

from generator.load import SourceFile
from generator.model.assessment import Assessment
from generator.model.base import Model, Slug, Text
from generator.model.brand import Brand
from generator.model.content import Entity, Factors, Glossary, Role, Structure
from generator.model.decisions import DecisionCatalogue
from generator.model.kinds import KIND_NAMES, KINDS

E = TypeVar("E", bound=Entity)
M_co = TypeVar("M_co", bound=BaseModel, covariant=True)

NavItem = str | dict[str, list[str]]
if TYPE_CHECKING:
    from generator.edition.overlay import Overlay
    from generator.layer import Layer

    KindName = str
else:
    # Built from the table, so an unknown section is reported with the kinds there are.
    KindName = Literal[KIND_NAMES]


class Section(Model):
    """How one kind of generated page is introduced and titled."""

    title: str = Field(description="Title of the section in the navigation and its index page.")
    intro: Text = Field(description="Markdown shown at the top of the section's index page.")


class PlaybookInfo(Model):
    """``playbook.yml``: the playbook's identity and the order of its sections."""

    id: Slug = Field(description="Stable id; part of the browser storage keys.")
    title: str = Field(description="Title of the playbook (site name, PDF cover).")
    version: str = Field(description="Release version of the content, e.g. '1.0'.")
    description: str = Field(description="One sentence for search engines and the PDF cover.")
    sections: dict[KindName, Section]
    nav: list[NavItem] = Field(
        description=(
            "Navigation order: a docs page ('why-a-cco.md'), a kind of generated page"
            f" ({', '.join(KIND_NAMES)}), or a titled group {{'Title': [pages]}}."
        )
    )


@dataclass(frozen=True)
class SingleFile(Generic[M_co]):
    """A content file of its own (not one of a kind's folder), and its model and schema."""

    name: str
    model: type[M_co]
    schema: str


PLAYBOOK_FILE = SingleFile("playbook.yml", PlaybookInfo, "playbook")
FACTORS_FILE = SingleFile("factors.yml", Factors, "factors")
GLOSSARY_FILE = SingleFile("glossary.yml", Glossary, "glossary")
DECISIONS_FILE = SingleFile("decisions.yml", DecisionCatalogue, "decisions")
#: The files at the top of the playbook folder.
SINGLE_FILES: tuple[SingleFile[Model], ...] = (
    PLAYBOOK_FILE,
    FACTORS_FILE,
    GLOSSARY_FILE,
    DECISIONS_FILE,
)
#: The brand file: ``brand.yml`` in the playbook folder unless the options name another.
BRAND_FILE = SingleFile("brand.yml", Brand, "brand")


@dataclass(frozen=True)
class Item(Generic[M_co]):
    """A validated model together with the file it came from."""

    model: M_co
    source: SourceFile


def holds(item: Item[Entity], model: type[E]) -> TypeGuard[Item[E]]:
    """Whether ``item`` is an entity of ``model``."""
    return isinstance(item.model, model)


@dataclass
class Playbook:
    """All validated content of one project, ready to render."""

    root: Path
    docs_dir: Path
    info: Item[PlaybookInfo]
    brand: Item[Brand]
    #: Entities by kind name, each kind in page order.
    by_kind: dict[str, list[Item[Entity]]] = field(default_factory=dict)
    factors: Item[Factors] | None = None
    glossary: Item[Glossary] | None = None
    #: The rows and columns of the decision-rights matrices.
    decisions: Item[DecisionCatalogue] | None = None
    docs_pages: frozenset[str] = frozenset()
    #: Pages whose files failed validation: links to them are not reported twice.
    unvalidated_pages: frozenset[str] = frozenset()
    #: Files that loaded but failed validation, with the model they were meant for.
    unvalidated: list[tuple[SourceFile, type[BaseModel]]] = field(default_factory=list)
    #: The language layer the content was read through (None: the base language).
    language: Layer | None = None
    #: The languages the site publishes, the one at its root first.
    editions: tuple[str, ...] = ()
    #: The client edition the content was read with (None: the base playbook).
    edition: Overlay | None = None

    def entities(self, kind: str) -> list[Item[Entity]]:
        """The entities of one kind, in page order."""
        return self.by_kind.get(kind, [])

    def of_model(self, model: type[E]) -> list[Item[E]]:
        """The entities whose model is ``model``, typed as such."""
        return [item for kind in KINDS for item in self.entities(kind.name) if holds(item, model)]

    @property
    def roles(self) -> list[Item[Role]]:
        return self.of_model(Role)

    @property
    def assessments(self) -> list[Item[Assessment]]:
        return self.of_model(Assessment)

    @property
    def structures(self) -> list[Item[Structure]]:
        return self.of_model(Structure)

    def sources(self) -> Iterator[SourceFile]:
        """Every content file, for watching and for edit links."""
        yield self.info.source
        yield self.brand.source
        for kind in KINDS:
            for item in self.entities(kind.name):
                yield item.source
        for single in (self.factors, self.glossary, self.decisions):
            if single is not None:
                yield single.source
