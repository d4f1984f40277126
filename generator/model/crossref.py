"""Stage 2b: resolve every reference across all files, after each file validated.

Runs outside pydantic on purpose: a model validator is skipped when any field of
its model failed, which would hide reference errors behind field errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.errors import ContentError, KeyPath, suggestion
from generator.load import SourceFile
from generator.model.assessment import Assessment
from generator.model.base import KINDS, Ref, Text, links_in
from generator.model.brand import check_brand_files
from generator.model.project import Item, Playbook
from generator.model.validate import options, step

GENERATED_SINGLE_PAGES = {"glossary.md": "glossary"}


def page_index(playbook: Playbook) -> dict[str, set[str]]:
    """Every page a link may point at, with the anchors the tool itself creates."""
    pages: dict[str, set[str]] = {p: set() for p in playbook.docs_pages}
    pages.update((p, set()) for p in playbook.unvalidated_pages)
    for kind in KINDS:
        if playbook.entities(kind) or any(p.startswith(f"{kind}/") for p in pages):
            pages[f"{kind}/index.md"] = set()
        for item in playbook.entities(kind):
            anchors: set[str] = set()
            if isinstance(item.model, Assessment):
                anchors = {q.id for q in item.model.questions}
            pages[f"{kind}/{item.model.id}.md"] = anchors  # type: ignore[attr-defined]
    if playbook.glossary is not None:
        pages["glossary.md"] = set()
    return pages


def check_references(playbook: Playbook) -> list[ContentError]:
    """Every unresolved reference, duplicate id and inconsistent assessment."""
    pages = page_index(playbook)
    errors: list[ContentError] = []
    items: list[Item[Any]] = [playbook.info, playbook.brand]
    for kind in KINDS:
        items += playbook.entities(kind)
        errors += _duplicate_ids(playbook.entities(kind))
    items += [i for i in (playbook.factors, playbook.glossary) if i is not None]
    for item in items:
        for path, value in _walk(item.model, ()):
            errors += _check_value(item.source, path, value, pages)
    for source, model in playbook.unvalidated:
        errors += _check_raw(source, model, pages)
    errors += _check_nav(playbook, pages)
    errors += check_brand_files(playbook.brand.model, playbook.brand.source)
    for assessment in playbook.assessments:
        errors += check_assessment(assessment.model, assessment.source)
    return errors


def _check_raw(
    source: SourceFile, model: type[BaseModel], pages: dict[str, set[str]]
) -> list[ContentError]:
    """References in a file that failed validation: they are reported in the same run."""
    errors: list[ContentError] = []
    for path, value in _walk(source.data, ()):
        if not isinstance(value, str):
            continue
        kind = _leaf_type(model, path)
        if kind is Ref and Ref.pattern.fullmatch(value):
            errors += _check_value(source, path, Ref(value), pages)
        elif kind is Text and _valid_text(value):
            errors += _check_value(source, path, Text(value), pages)
    return errors


def _valid_text(value: str) -> bool:
    """Whether a text passed its own checks (a refused one is reported once, not twice)."""
    try:
        Text._validate(value)
    except ValueError:
        return False
    return True


def _leaf_type(model: type[BaseModel], path: KeyPath) -> type | None:
    annotation: Any = model
    for part in path:
        annotation = step(annotation, part)
        if annotation is None:
            return None
    for option in options(annotation):
        if option in (Ref, Text):
            return option  # type: ignore[no-any-return]
    return None


def _walk(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Any]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, (*path, i))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, (*path, key))
    else:
        yield path, value


def _check_value(
    source: SourceFile, path: KeyPath, value: Any, pages: dict[str, set[str]]
) -> list[ContentError]:
    if isinstance(value, Ref):
        problem = resolve(value, pages)
        return [source.error(path, problem[0], problem[1])] if problem else []
    if isinstance(value, Text):
        errors = []
        for target in links_in(value):
            if ":" in target.split("/")[0] or target.startswith("#"):
                continue
            if not Ref.pattern.fullmatch(target):
                errors.append(
                    source.error(
                        path,
                        f"the link '{target}' is not a playbook link",
                        "write 'roles/<id>', 'structures/<id>', 'starting-points/<id>',"
                        " 'assessments/<id>' or a page like 'why-a-cco.md'",
                    )
                )
                continue
            problem = resolve(Ref(target), pages)
            if problem:
                errors.append(source.error(path, problem[0], problem[1]))
        return errors
    return []


def resolve(ref: Ref, pages: dict[str, set[str]]) -> tuple[str, str] | None:
    """Why ``ref`` does not resolve (message, hint), or None when it does."""
    target = ref.target
    if target not in pages:
        kind = target.split("/")[0] if "/" in target else None
        same_kind = [p.removesuffix(".md") for p in pages if kind and p.startswith(f"{kind}/")]
        candidates = same_kind or [p.removesuffix(".md") if "/" in p else p for p in pages]
        wanted = target.removesuffix(".md") if "/" in target else target
        return f"unknown page '{ref}'", suggestion(wanted, candidates)
    anchor = ref.anchor
    if anchor and pages[target] and anchor not in pages[target]:
        return f"unknown question '{anchor}' in '{target}'", suggestion(anchor, pages[target])
    return None


def _duplicate_ids(items: list[Item[Any]]) -> list[ContentError]:
    seen: dict[str, SourceFile] = {}
    errors = []
    for item in items:
        first = seen.setdefault(item.model.id, item.source)
        if first is not item.source:
            errors.append(
                item.source.error(
                    ("id",),
                    f"the id '{item.model.id}' is already used by {first.display}",
                    "ids must be unique within a kind; rename one of them",
                )
            )
    return errors


def _check_nav(playbook: Playbook, pages: dict[str, set[str]]) -> list[ContentError]:
    info, source = playbook.info.model, playbook.info.source
    errors: list[ContentError] = []
    placed: set[str] = set()

    def entry(value: str, path: KeyPath) -> None:
        if value in KINDS:
            if value in placed:
                errors.append(source.error(path, f"'{value}' is placed twice in the nav"))
            placed.add(value)
            if value not in info.sections:
                errors.append(
                    source.error(
                        ("sections",),
                        f"'{value}' is in the nav but has no entry under 'sections'",
                        f"add 'sections: {value}: {{title: ..., intro: ...}}'",
                        key=True,
                    )
                )
        elif value not in pages:
            errors.append(
                source.error(
                    path,
                    f"the nav names '{value}', which is neither a page in docs/ nor a kind"
                    " of generated page",
                    suggestion(value, [*KINDS, *pages]),
                )
            )

    for i, item in enumerate(info.nav):
        if isinstance(item, str):
            entry(item, ("nav", i))
        else:
            for title, children in item.items():
                for j, child in enumerate(children):
                    entry(child, ("nav", i, title, j))
    for kind in KINDS:
        if playbook.entities(kind) and kind not in placed:
            errors.append(
                source.error(
                    ("nav",),
                    f"there is content in '{kind}/' but the nav does not place it",
                    f"add '- {kind}' to the nav",
                    key=True,
                )
            )
    return errors


def check_assessment(assessment: Assessment, source: SourceFile) -> list[ContentError]:
    """The rules that span an assessment's fields, each located in its file."""
    errors: list[ContentError] = []
    err = errors.append
    dims = {d.id for d in assessment.dimensions}
    outs = {o.id for o in assessment.outcomes}
    targets = dims | outs
    if bool(dims) == bool(outs):
        err(
            source.error(
                (),
                "an assessment has either 'dimensions' (readiness) or 'outcomes'"
                " (fit), not both and not neither",
                "keep one of the two lists",
            )
        )
    for name, values in (
        ("dimensions", [d.id for d in assessment.dimensions]),
        ("outcomes", [o.id for o in assessment.outcomes]),
        ("questions", [q.id for q in assessment.questions]),
        ("bands", [b.id for b in assessment.bands]),
    ):
        for i, value in enumerate(values):
            if value in values[:i]:
                err(source.error((name, i, "id"), f"duplicate id '{value}' in {name}"))
    if dims and not any(b.min == 0 for b in assessment.bands):
        err(
            source.error(
                ("bands",),
                "a readiness assessment needs a band with 'min: 0'",
                "so that every overall score falls in a band",
                key=True,
            )
        )
    if outs and assessment.bands:
        err(source.error(("bands",), "bands only apply to readiness assessments", key=True))
    for s_id, choices in assessment.scales.items():
        errors.extend(_check_choices(source, ("scales", s_id), choices, targets, dims=bool(dims)))
    for qi, q in enumerate(assessment.questions):
        at: KeyPath = ("questions", qi)
        if (q.scale is None) == (q.choices is None):
            err(
                source.error(
                    at,
                    "a question has either 'scale' or 'choices'",
                    f"add 'scale: {next(iter(assessment.scales), 'agreement')}'",
                )
            )
        if q.scale is not None and q.scale not in assessment.scales:
            err(
                source.error(
                    (*at, "scale"),
                    f"unknown scale '{q.scale}'",
                    suggestion(q.scale, assessment.scales),
                )
            )
        if q.dimension is not None and q.dimension not in dims:
            err(
                source.error(
                    (*at, "dimension"),
                    f"unknown dimension '{q.dimension}'",
                    suggestion(q.dimension, dims),
                )
            )
        if dims and q.scale is not None and q.dimension is None:
            err(source.error(at, "a question on a scale needs a 'dimension'", suggestion("", dims)))
        if q.choices is not None:
            errors.extend(_check_choices(source, (*at, "choices"), q.choices, targets, dims=False))
        choices = assessment.choices_of(q)
        if choices and all(c.not_applicable for c in choices):
            err(source.error(at, "every choice is 'not applicable': nothing can be scored"))
    return errors


def _check_choices(
    source: SourceFile, at: KeyPath, choices: list[Any], targets: set[str], *, dims: bool
) -> list[ContentError]:
    errors = []
    ids = [c.id for c in choices]
    for ci, choice in enumerate(choices):
        here = (*at, ci)
        if choice.id in ids[:ci]:
            errors.append(source.error((*here, "id"), f"duplicate choice id '{choice.id}'"))
        if choice.not_applicable:
            if choice.points is not None:
                errors.append(
                    source.error(
                        (*here, "points"),
                        "a 'not applicable' choice gives no points",
                        "remove 'points'",
                    )
                )
            continue
        if choice.points is None:
            errors.append(
                source.error(
                    here,
                    "the choice has no 'points'",
                    "add 'points: 0' or points per dimension or outcome",
                )
            )
        elif isinstance(choice.points, dict):
            for target in choice.points:
                if target not in targets:
                    errors.append(
                        source.error(
                            (*here, "points", target),
                            f"unknown dimension or outcome '{target}'",
                            suggestion(target, targets),
                            key=True,
                        )
                    )
        elif not dims:
            errors.append(
                source.error(
                    (*here, "points"),
                    "points on a question's own choices name their targets",
                    "write 'points: {outcome-id: 2}'",
                )
            )
    return errors
