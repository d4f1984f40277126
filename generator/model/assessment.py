"""Self-assessments: questions, answer scales, dimensions or outcomes, bands.

Two styles share one model. Readiness-style assessments have ``dimensions``
(scores per dimension, an overall score and a band); fit-style assessments have
``outcomes`` (options ranked by score). Checks that span fields (a question's
dimension exists, points name known outcomes) run in the cross-reference pass.
"""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Model, Ref, Slug, Text
from generator.model.content import Entity


class Choice(Model):
    """One answer. ``points`` is a number on a scale used by a dimension question,
    or a mapping ``{dimension_or_outcome: points}`` on a question's own choices."""

    id: Slug
    label: str
    points: int | dict[Slug, int] | None = Field(
        default=None, description="Integer points, or {dimension_or_outcome_id: points}."
    )
    not_applicable: bool = Field(
        default=False, description="Gives no points and removes the question from the score."
    )


class Dimension(Model):
    """A readiness dimension; its score is the share of the points available."""

    id: Slug
    title: str
    summary: Text | None = None
    weight: int = Field(default=1, ge=0, description="Weight in the overall score.")
    actions: list[Text] = Field(
        default_factory=list, description="First-90-days actions when this dimension is weak."
    )
    related: list[Ref] = Field(default_factory=list)


class Outcome(Model):
    """A fit-style option that answers add points to, ranked in the result."""

    id: Slug
    title: str
    summary: Text | None = None
    link: Ref = Field(description="The playbook page that describes this option.")
    actions: list[Text] = Field(
        default_factory=list, description="First-90-days actions when this option ranks first."
    )


class Question(Model):
    id: Slug
    text: Text
    help: Text | None = None
    dimension: Slug | None = Field(default=None, description="Readiness: the dimension scored.")
    scale: Slug | None = Field(default=None, description="The id of a scale in 'scales'.")
    choices: list[Choice] | None = Field(default=None, description="Choices of its own.")
    related: list[Ref] = Field(default_factory=list)


class Recommendation(Model):
    text: Text
    link: Ref


class Band(Model):
    """A result band; a score falls in the band with the highest ``min`` not above it."""

    id: Slug
    min: int = Field(ge=0, le=100)
    title: str
    summary: Text
    recommendations: list[Recommendation] = Field(default_factory=list)


class Assessment(Entity):
    """``playbook/assessments/<id>.yml``."""

    version: int = Field(
        ge=1, description="Raise it whenever anything that affects scoring changes."
    )
    intro: Text | None = None
    scales: dict[Slug, list[Choice]] = Field(default_factory=dict)
    dimensions: list[Dimension] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)
    bands: list[Band] = Field(default_factory=list)

    @property
    def style(self) -> str:
        return "fit" if self.outcomes else "readiness"

    def choices_of(self, question: Question) -> list[Choice]:
        """The choices a question offers, from its own list or its scale."""
        if question.choices is not None:
            return question.choices
        return self.scales.get(question.scale or "", [])

    def points_of(self, question: Question, choice: Choice) -> dict[str, int]:
        """What a choice gives, as ``{target: points}`` (empty when not applicable)."""
        if choice.not_applicable or choice.points is None:
            return {}
        if isinstance(choice.points, int):
            return {question.dimension: choice.points} if question.dimension else {}
        return dict(choice.points)
