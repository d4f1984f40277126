"""Self-assessments: questions, answer scales, dimensions, axes, verdicts, outcomes, plans.

Two styles share one model. A readiness-style assessment scores ``dimensions``, reads
them together as weighted ``axes`` (need, readiness, scale) and gives the first of its
``verdicts`` whose conditions hold. A fit-style assessment scores ``outcomes`` and ranks
them within their ``groups``; an answer may rule an outcome out. Both pick a staged plan
from ``actions``. The rules that span fields (a question names a known dimension, a
condition names a known score) live in ``assessment_rules``; the scoring definition in
``generator.scoring``.
"""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Model, Ref, Slug, Text
from generator.model.content import Entity

#: The plan's stages, by number: what a reader sees is in the strings files.
STAGES = (1, 2, 3)


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
    excludes: list[Slug] = Field(
        default_factory=list,
        description="Fit: the outcomes this answer rules out (left out of the ranking).",
    )


class Range(Model):
    """An inclusive range of scores (0 to 100)."""

    min: int = Field(default=0, description="Lowest score that meets the condition.")
    max: int = Field(default=100, description="Highest score that meets the condition.")


class Conditions(Model):
    """Conditions that must all hold: score ranges and the allowed answers to questions."""

    scores: dict[Slug, Range] = Field(
        default_factory=dict, description="{axis_or_dimension_id: {min: 0, max: 100}}."
    )
    answers: dict[Slug, list[Slug]] = Field(
        default_factory=dict, description="{question_id: [allowed choice ids]}."
    )


class Part(Model):
    """A titled part of the questionnaire; questions name the part they belong to."""

    id: Slug
    title: str
    intro: Text | None = None


class Dimension(Model):
    """A readiness-style dimension: the share of the points available, 0 to 100."""

    id: Slug
    title: str
    summary: Text | None = None
    minimum: int | None = Field(
        default=None,
        description="Questions that must be scored for a score (default: half, rounded up).",
    )


class Axis(Model):
    """A named, weighted group of dimensions read together (need, readiness, scale)."""

    id: Slug
    title: str
    summary: Text | None = None
    dimensions: dict[Slug, int] = Field(
        min_length=1, description="{dimension_id: integer weight}, in the order summed."
    )
    minimum: int | None = Field(
        default=None, description="Dimensions that must be scored for a score (default: all)."
    )


class OutcomeGroup(Model):
    """Fit-style: outcomes that answer one question (who leads, where it starts, ...)."""

    id: Slug
    title: str
    summary: Text | None = None


class Outcome(Model):
    """A fit-style option that answers add points to, ranked within its group."""

    id: Slug
    title: str
    group: Slug = Field(description="The id of the group it is ranked in.")
    summary: Text | None = None
    link: Ref = Field(description="The playbook page that describes this option.")
    minimum: int | None = Field(
        default=None,
        description="Questions that must be scored for a score (default: half, rounded up).",
    )


class Question(Model):
    id: Slug
    text: Text
    help: Text | None = None
    part: Slug | None = Field(default=None, description="The id of a part in 'parts'.")
    dimension: Slug | None = Field(default=None, description="Readiness: the dimension scored.")
    scale: Slug | None = Field(default=None, description="The id of a scale in 'scales'.")
    choices: list[Choice] | None = Field(default=None, description="Choices of its own.")
    context: bool = Field(
        default=False,
        description="Asks about the company (size, budget, ...): its choices may give no"
        " points, and verdict or plan conditions read the answer.",
    )
    related: list[Ref] = Field(default_factory=list)


class Recommendation(Model):
    text: Text
    link: Ref


class Verdict(Model):
    """A readiness-style result; the first verdict whose conditions all hold wins."""

    id: Slug
    title: str = Field(description="The verdict in plain words.")
    summary: Text
    when: Conditions = Field(description="Conditions that must all hold.")
    why: Conditions | None = Field(
        default=None,
        description="Which answers to show as the reasons (default: the conditions in 'when').",
    )
    recommendations: list[Recommendation] = Field(default_factory=list)


class Action(Model):
    """One step of the staged plan."""

    id: Slug
    text: Text
    stage: int = Field(description="1: days 1-30, 2: days 31-60, 3: days 61-90.")
    owner: Slug = Field(description="The id of the role that owns the step.")
    priority: int = Field(default=2, description="1 (first) to 3 (last) within its stage.")
    link: Ref = Field(description="The playbook page that helps with the step.")
    verdicts: list[Slug] = Field(
        default_factory=list, description="Picked under these verdicts only (default: any)."
    )
    outcomes: list[Slug] = Field(
        default_factory=list,
        description="Fit: picked when one of these outcomes ranks first in its group.",
    )
    when: Conditions | None = Field(default=None, description="Further conditions to pick it.")


class CrossCheck(Model):
    """Fit: compare with the reader's result of a readiness-style assessment."""

    assessment: Slug
    group: Slug = Field(description="The group whose options the verdicts point to.")
    verdicts: dict[Slug, Slug] = Field(
        description="{verdict_id: outcome_id}: the option each verdict points to."
    )


class Assessment(Entity):
    """``playbook/assessments/<id>.yml``."""

    version: int = Field(
        ge=1, description="Raise it whenever anything that affects scoring changes."
    )
    intro: Text | None = None
    parts: list[Part] = Field(default_factory=list)
    scales: dict[Slug, list[Choice]] = Field(default_factory=dict)
    dimensions: list[Dimension] = Field(default_factory=list)
    axes: list[Axis] = Field(default_factory=list)
    groups: list[OutcomeGroup] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)
    verdicts: list[Verdict] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    actions_per_stage: int = Field(
        default=3, ge=1, description="At most this many actions in each stage of the plan."
    )
    owners: dict[Slug, str] = Field(
        default_factory=dict,
        description="{role_id: name}: how the plan names an owner (default: the role's"
        " abbreviation or title).",
    )
    cross_check: CrossCheck | None = None

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

    def targets(self) -> list[str]:
        """The ids that get a score: dimensions, or outcomes."""
        return [d.id for d in self.dimensions] + [o.id for o in self.outcomes]
