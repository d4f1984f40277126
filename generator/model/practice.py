"""The practitioner's tools: customer metrics and working methods.

A metric or a method has one owner, a role that keeps it and answers for it, and may
name the roles that help; the role pages list both (see
:func:`generator.render.cross_links`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from generator.model.base import Abbreviation, Model, Ref, Text
from generator.model.content import Entity

_ROLE_HINT = "write a role reference such as 'roles/cco'"


def _role(value: Ref) -> Ref:
    if not value.startswith("roles/") or "#" in value:
        raise ValueError(f"'{value}' is not a role: {_ROLE_HINT}")
    return value


class Owned(Entity):
    """An entity one role owns and others help with."""

    owner: Ref = Field(description="The role that keeps it and answers for it (roles/<id>).")
    contributors: list[Ref] = Field(
        default_factory=list, description="Roles that help produce or move it."
    )
    source: Text | None = Field(
        default=None, description="A named public source it draws on (title, author, year)."
    )

    def linked_from(self) -> list[Ref]:
        return [self.owner, *self.contributors]

    @field_validator("owner")
    @classmethod
    def _owner_is_a_role(cls, value: Ref) -> Ref:
        return _role(value)

    @field_validator("contributors")
    @classmethod
    def _contributors_are_roles(cls, value: list[Ref]) -> list[Ref]:
        return [_role(ref) for ref in value]


class Metric(Owned):
    """A customer metric (``playbook/metrics/<id>.yml``)."""

    abbreviation: Abbreviation | None = Field(default=None, examples=["NRR"])
    category: Literal["retention-and-revenue", "perception", "value-and-adoption", "economics"]
    answers: Text = Field(description="The business question it answers.")
    formula: Text = Field(description="How to calculate it, in words a spreadsheet can follow.")
    example: Text = Field(description="A worked example with round numbers, marked as one.")
    collect: Text = Field(description="Where the data comes from, how often, who produces it.")
    use_when: list[Text] = Field(min_length=1)
    avoid_when: list[Text] = Field(min_length=1)
    pitfalls: list[Text] = Field(min_length=1)
    ownership_note: Text | None = Field(
        default=None, description="Who carries the target when that depends on the structure."
    )


class Step(Model):
    """One step of a method."""

    title: str
    text: Text


class Method(Owned):
    """A way of working (``playbook/methods/<id>.yml``)."""

    purpose: Text = Field(description="The problem the method solves.")
    use_when: list[Text] = Field(min_length=1)
    effort: Text | None = Field(default=None, description="Rough time and people it takes.")
    steps: list[Step] = Field(min_length=2)
    outputs: list[Text] = Field(min_length=1, description="What you have when it is done.")
    pitfalls: list[Text] = Field(min_length=1)
