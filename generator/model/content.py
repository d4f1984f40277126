"""The playbook's guidance: roles, team structures, starting points, factors, terms."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Abbreviation, Model, Ref, Slug, Text


class Entity(Model):
    """Fields every playbook entity has."""

    id: Slug = Field(description="Stable id; the page lives at <kind>/<id>.md.")
    title: str
    summary: Text = Field(description="One or two sentences shown in lists and at the top.")
    order: int = Field(default=100, description="Position within its section (lowest first).")
    related: list[Ref] = Field(default_factory=list, description="Related playbook pages.")

    def linked_from(self) -> list[Ref]:
        """Pages that list this entity among their related pages without naming it in
        their own ``related`` (a metric's owner role, a matrix's structure)."""
        return []


class Role(Entity):
    """A role in customer leadership (``playbook/roles/<id>.yml``)."""

    abbreviation: Abbreviation | None = Field(default=None, examples=["CCO"])
    purpose: Text
    accountabilities: list[Text] = Field(min_length=1)
    not_this: list[Text] = Field(min_length=1, description="What the role is not.")
    fits_when: list[Text] = Field(min_length=1)
    signals: list[Text] = Field(min_length=1, description="Signs the company needs the role.")
    first_steps: list[Text] = Field(min_length=1)


class Structure(Entity):
    """One cell of the leader × team matrix (``playbook/structures/<id>.yml``)."""

    leader: Literal["staff", "line"] = Field(
        description="A staff leader advises and coordinates; a line leader owns delivery."
    )
    team: Literal["dedicated", "dispersed"] = Field(
        description="A dedicated team reports to the leader; a dispersed one stays in its units."
    )
    description: Text
    fits_when: list[Text] = Field(min_length=1)
    strengths: list[Text] = Field(min_length=1)
    tradeoffs: list[Text] = Field(min_length=1)
    first_steps: list[Text] = Field(min_length=1)


class StartingPoint(Entity):
    """Where the customer effort starts or reports (``playbook/starting-points/<id>.yml``)."""

    kind: Literal["origin", "reporting-line"] = Field(
        description="'origin': how the effort begins; 'reporting-line': where the leader reports."
    )
    definition: Text
    strengths: list[Text] = Field(min_length=1)
    risks: list[Text] = Field(min_length=1)
    conditions: list[Text] = Field(min_length=1, description="What it needs to succeed.")
    first_steps: list[Text] = Field(min_length=1)


class Factor(Model):
    """Something that decides the shape of the role."""

    id: Slug
    title: str
    summary: Text
    questions: list[Text] = Field(default_factory=list, description="Questions to ask yourself.")
    related: list[Ref] = Field(default_factory=list)


class Factors(Model):
    """``playbook/factors.yml``: what decides the shape and place of the role."""

    title: str
    intro: Text
    factors: list[Factor] = Field(min_length=1)


class Term(Model):
    """A glossary entry; an abbreviation becomes a tooltip on every page."""

    term: str
    abbreviation: Abbreviation | None = Field(default=None, examples=["CCO"])
    definition: Text
    related: list[Ref] = Field(default_factory=list)


class Glossary(Model):
    """``playbook/glossary.yml``."""

    title: str = "Glossary"
    intro: Text | None = None
    terms: list[Term] = Field(min_length=1)
