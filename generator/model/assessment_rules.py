"""The rules that span an assessment's fields, each error located in its file.

They run in the cross-reference pass, after every file validated (pydantic skips model
validators when a field failed, which would hide these errors behind others). Owners and
cross-checks name things outside the assessment (roles, other assessments): the caller
passes what exists, or ``None`` where it cannot know (a scaffold checking one file).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from generator.errors import ContentError, KeyPath, suggestion
from generator.load import SourceFile
from generator.model.assessment import STAGES, Assessment, Choice, Conditions

_PRIORITIES = (1, 2, 3)


@dataclass
class _Report:
    """Collects located errors for one assessment file."""

    source: SourceFile
    errors: list[ContentError] = field(default_factory=list)

    def add(self, at: KeyPath, message: str, hint: str | None = None, *, key: bool = False) -> None:
        self.errors.append(self.source.error(at, message, hint, key=key))

    def unknown(
        self, at: KeyPath, what: str, value: str, known: Iterable[str], *, key: bool = False
    ) -> None:
        self.add(at, f"unknown {what} '{value}'", suggestion(value, known), key=key)


def check_assessment(
    assessment: Assessment,
    source: SourceFile,
    *,
    roles: Collection[str] | None = None,
    assessments: Mapping[str, Assessment] | None = None,
) -> list[ContentError]:
    """Every rule that spans the fields of ``assessment``."""
    report = _Report(source)
    _check_shape(assessment, report)
    _check_ids(assessment, report)
    for s_id, choices in assessment.scales.items():
        _check_choices(assessment, report, ("scales", s_id), choices, own=False, context=False)
    _check_questions(assessment, report)
    _check_targets(assessment, report)
    _check_axes(assessment, report)
    _check_verdicts(assessment, report)
    _check_actions(assessment, report, roles)
    _check_cross_check(assessment, report, assessments)
    return report.errors


def _check_shape(a: Assessment, report: _Report) -> None:
    if bool(a.dimensions) == bool(a.outcomes):
        report.add(
            (),
            "an assessment has either 'dimensions' (readiness) or 'outcomes' (fit),"
            " not both and not neither",
            "keep one of the two lists",
        )
    readiness_only = (("axes", a.axes), ("verdicts", a.verdicts))
    fit_only = (("groups", a.groups), ("cross_check", a.cross_check))
    for name, value in readiness_only if a.outcomes else fit_only if a.dimensions else ():
        if value:
            style = "readiness (with 'dimensions')" if a.outcomes else "fit (with 'outcomes')"
            report.add((name,), f"'{name}' only apply to {style} assessments", key=True)


def _check_ids(a: Assessment, report: _Report) -> None:
    lists: dict[str, list[str]] = {
        "parts": [p.id for p in a.parts],
        "dimensions": [d.id for d in a.dimensions],
        "axes": [x.id for x in a.axes],
        "groups": [g.id for g in a.groups],
        "outcomes": [o.id for o in a.outcomes],
        "questions": [q.id for q in a.questions],
        "verdicts": [v.id for v in a.verdicts],
        "actions": [x.id for x in a.actions],
    }
    for name, values in lists.items():
        for i, value in enumerate(values):
            if value in values[:i]:
                report.add((name, i, "id"), f"duplicate id '{value}' in {name}")
            elif value.isdigit() and name in ("dimensions", "axes", "groups", "outcomes"):
                # They become keys of the result JSON; a browser puts digit keys first.
                report.add(
                    (name, i, "id"), f"the id '{value}' needs a letter", f"'{name[0]}{value}'"
                )
    dims = set(lists["dimensions"])
    for i, axis in enumerate(a.axes):
        if axis.id in dims:
            report.add(
                ("axes", i, "id"),
                f"the axis '{axis.id}' has the id of a dimension",
                "conditions name scores by id: rename one of them",
            )


def _check_questions(a: Assessment, report: _Report) -> None:
    parts = [p.id for p in a.parts]
    dims = [d.id for d in a.dimensions]
    seen_parts: list[str] = []
    for qi, q in enumerate(a.questions):
        at: KeyPath = ("questions", qi)
        if (q.scale is None) == (q.choices is None):
            report.add(at, "a question has either 'scale' or 'choices'", _first_scale(a))
        if q.scale is not None and q.scale not in a.scales:
            report.unknown((*at, "scale"), "scale", q.scale, a.scales)
        if q.dimension is not None and q.dimension not in dims:
            report.unknown((*at, "dimension"), "dimension", q.dimension, dims)
        if dims and q.scale is not None and q.dimension is None and not q.context:
            report.add(at, "a question on a scale needs a 'dimension'", suggestion("", dims))
        if q.choices is not None:
            _check_choices(a, report, (*at, "choices"), q.choices, own=True, context=q.context)
        choices = a.choices_of(q)
        if choices and all(c.not_applicable for c in choices):
            report.add(at, "every choice is 'not applicable': nothing can be answered")
        if parts and q.part is None:
            report.add(
                at, "the questions are in parts: name this one's 'part'", suggestion("", parts)
            )
        elif q.part is not None and q.part not in parts:
            report.unknown((*at, "part"), "part", q.part, parts)
        elif q.part is not None and q.part in seen_parts[:-1]:
            report.add(
                (*at, "part"),
                f"the questions of part '{q.part}' must follow each other",
                "move this question next to the others of its part",
            )
        if q.part is not None and (not seen_parts or seen_parts[-1] != q.part):
            seen_parts.append(q.part)


def _first_scale(a: Assessment) -> str:
    return f"add 'scale: {next(iter(a.scales), 'agreement')}'"


def _check_choices(
    a: Assessment,
    report: _Report,
    at: KeyPath,
    choices: list[Choice],
    *,
    own: bool,
    context: bool,
) -> None:
    targets = a.targets()
    outcomes = [o.id for o in a.outcomes]
    ids = [c.id for c in choices]
    for ci, choice in enumerate(choices):
        here = (*at, ci)
        if choice.id in ids[:ci]:
            report.add((*here, "id"), f"duplicate choice id '{choice.id}'")
        for ei, excluded in enumerate(choice.excludes):
            if excluded not in outcomes:
                report.unknown((*here, "excludes", ei), "outcome", excluded, outcomes)
        if choice.not_applicable:
            if choice.points is not None:
                report.add(
                    (*here, "points"),
                    "a 'not applicable' choice gives no points",
                    "remove 'points'",
                )
            continue
        if choice.points is None:
            if not context:
                report.add(
                    here,
                    "the choice has no 'points'",
                    "add 'points: 0' or points per dimension or outcome"
                    " (a question about the company itself can be 'context: true')",
                )
        elif isinstance(choice.points, dict):
            for target in choice.points:
                if target not in targets:
                    report.add(
                        (*here, "points", target),
                        f"unknown dimension or outcome '{target}'",
                        suggestion(target, targets),
                        key=True,
                    )
        elif own:
            report.add(
                (*here, "points"),
                "points on a question's own choices name their targets",
                "write 'points: {outcome-id: 2}'",
            )


def _questions_per_target(a: Assessment) -> dict[str, int]:
    counts = dict.fromkeys(a.targets(), 0)
    for q in a.questions:
        gives = {t for c in a.choices_of(q) for t in a.points_of(q, c)}
        for target in gives & counts.keys():
            counts[target] += 1
    return counts


def _check_targets(a: Assessment, report: _Report) -> None:
    counts = _questions_per_target(a)
    # A misspelt target in a question is reported there; its target is not reported too.
    known = set(counts)
    questions_sound = all(
        (q.dimension is None or q.dimension in known)
        and all(set(a.points_of(q, c)) <= known for c in a.choices_of(q))
        for q in a.questions
    )
    groups = [g.id for g in a.groups]
    scored: list[tuple[str, list[tuple[str, int | None]]]] = [
        ("dimensions", [(d.id, d.minimum) for d in a.dimensions]),
        ("outcomes", [(o.id, o.minimum) for o in a.outcomes]),
    ]
    for name, items in scored:
        for i, (target, minimum) in enumerate(items):
            count = counts[target]
            if count == 0 and questions_sound:
                report.add((name, i), f"no question gives points to '{target}'")
            elif minimum is not None and not 1 <= minimum <= count:
                report.add(
                    (name, i, "minimum"),
                    f"'minimum' must be between 1 and {count}, the questions that score '{target}'",
                )
    for i, outcome in enumerate(a.outcomes):
        if outcome.group not in groups:
            report.unknown(("outcomes", i, "group"), "group", outcome.group, groups)
    for i, group in enumerate(a.groups):
        if not any(o.group == group.id for o in a.outcomes):
            report.add(("groups", i), f"no outcome is in the group '{group.id}'")


def _check_axes(a: Assessment, report: _Report) -> None:
    dims = [d.id for d in a.dimensions]
    for i, axis in enumerate(a.axes):
        for dim, weight in axis.dimensions.items():
            if dim not in dims:
                report.unknown(("axes", i, "dimensions", dim), "dimension", dim, dims, key=True)
            if weight < 1:
                report.add(("axes", i, "dimensions", dim), "a weight is a whole number from 1")
        count = len(axis.dimensions)
        if axis.minimum is not None and not 1 <= axis.minimum <= count:
            report.add(
                ("axes", i, "minimum"),
                f"'minimum' must be between 1 and {count}, the dimensions of '{axis.id}'",
            )


def _check_conditions(a: Assessment, report: _Report, at: KeyPath, conditions: Conditions) -> None:
    scores = [x.id for x in a.axes] + a.targets()
    for score_id, wanted in conditions.scores.items():
        here = (*at, "scores", score_id)
        if score_id not in scores:
            report.unknown(here, "score", score_id, scores, key=True)
        if not 0 <= wanted.min <= wanted.max <= 100:
            report.add(
                here,
                f"the range {wanted.min} to {wanted.max} is not within 0 to 100",
                "write 'min' and 'max' with 0 <= min <= max <= 100",
            )
    questions = {q.id: q for q in a.questions}
    for question_id, allowed in conditions.answers.items():
        here = (*at, "answers", question_id)
        question = questions.get(question_id)
        if question is None:
            report.unknown(here, "question", question_id, questions, key=True)
            continue
        choices = [c.id for c in a.choices_of(question)]
        if not allowed:
            report.add(here, "name at least one allowed choice", suggestion("", choices))
        for ci, choice in enumerate(allowed):
            if choice not in choices:
                report.unknown((*here, ci), f"choice of '{question_id}'", choice, choices)


def _check_verdicts(a: Assessment, report: _Report) -> None:
    catch_all: str | None = None
    for i, verdict in enumerate(a.verdicts):
        at: KeyPath = ("verdicts", i)
        if catch_all is not None:
            report.add(
                at,
                f"the verdict '{verdict.id}' can never be given",
                f"'{catch_all}' before it has no conditions, so it always wins",
            )
        _check_conditions(a, report, (*at, "when"), verdict.when)
        if verdict.why is not None:
            _check_conditions(a, report, (*at, "why"), verdict.why)
        if not verdict.when.scores and not verdict.when.answers and catch_all is None:
            catch_all = verdict.id


def _check_actions(a: Assessment, report: _Report, roles: Collection[str] | None) -> None:
    verdicts = [v.id for v in a.verdicts]
    outcomes = [o.id for o in a.outcomes]
    for role in a.owners:
        if roles is not None and role not in roles:
            report.unknown(("owners", role), "role", role, roles, key=True)
    for i, action in enumerate(a.actions):
        at: KeyPath = ("actions", i)
        if action.stage not in STAGES:
            report.add(
                (*at, "stage"),
                f"the stage {action.stage} is not a stage of the plan",
                "write 1 (days 1-30), 2 (days 31-60) or 3 (days 61-90)",
            )
        if action.priority not in _PRIORITIES:
            report.add((*at, "priority"), "the priority is 1 (first), 2 or 3 (last)")
        if roles is not None and action.owner not in roles:
            report.unknown((*at, "owner"), "role", action.owner, roles)
        for vi, verdict in enumerate(action.verdicts):
            if verdict not in verdicts:
                report.unknown((*at, "verdicts", vi), "verdict", verdict, verdicts)
        for oi, outcome in enumerate(action.outcomes):
            if outcome not in outcomes:
                report.unknown((*at, "outcomes", oi), "outcome", outcome, outcomes)
        if action.when is not None:
            _check_conditions(a, report, (*at, "when"), action.when)


def _check_cross_check(
    a: Assessment, report: _Report, assessments: Mapping[str, Assessment] | None
) -> None:
    check = a.cross_check
    if check is None:
        return
    at: KeyPath = ("cross_check",)
    groups = [g.id for g in a.groups]
    if check.group not in groups:
        report.unknown((*at, "group"), "group", check.group, groups)
    in_group = [o.id for o in a.outcomes if o.group == check.group]
    for verdict, outcome in check.verdicts.items():
        if outcome not in in_group:
            report.unknown(
                (*at, "verdicts", verdict), f"outcome of '{check.group}'", outcome, in_group
            )
    if assessments is None:
        return
    other = assessments.get(check.assessment)
    if other is None or not other.verdicts:
        with_verdicts = [k for k, v in assessments.items() if v.verdicts]
        report.unknown(
            (*at, "assessment"), "assessment with verdicts", check.assessment, with_verdicts
        )
        return
    known = [v.id for v in other.verdicts]
    for verdict in check.verdicts:
        if verdict not in known:
            report.unknown(
                (*at, "verdicts", verdict), f"verdict of '{other.id}'", verdict, known, key=True
            )
