"""Stage 2b: resolve every reference across all files, after each file validated.

Runs outside pydantic on purpose: a model validator is skipped when any field of
its model failed, which would hide reference errors behind field errors.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.errors import ContentError, KeyPath, suggestion
from generator.load import SourceFile
from generator.model.assessment import Assessment
from generator.model.assessment_rules import check_assessment
from generator.model.base import Ref, Text, links_in
from generator.model.brand import check_brand_files
from generator.model.content import Entity
from generator.model.decisions import DecisionMatrix, check_matrices
from generator.model.kinds import KIND_NAMES, KINDS
from generator.model.playbook import DECISIONS_FILE, Item, Playbook
from generator.model.validate import options, step

#: The page the glossary file becomes.
GLOSSARY_PAGE = "glossary.md"
#: How a link to a playbook page is written, for hints.
_LINK_FORMS = (
    "write " + ", ".join(f"'{kind.name}/<id>'" for kind in KINDS) + " or a page like 'why-a-cco.md'"
)


def page_index(playbook: Playbook) -> dict[str, set[str]]:
    """Every page a link may point at, with the anchors the tool itself creates."""
    pages: dict[str, set[str]] = {p: set() for p in playbook.docs_pages}
    pages.update((p, set()) for p in playbook.unvalidated_pages)
    for kind in KINDS:
        items = playbook.entities(kind.name)
        if items or any(p.startswith(f"{kind.name}/") for p in pages):
            pages[kind.index_page] = set()
        for item in items:
            anchors: set[str] = set()
            if isinstance(item.model, Assessment):
                anchors = {q.id for q in item.model.questions}
            pages[kind.page(item.model.id)] = anchors
    if playbook.glossary is not None:
        pages[GLOSSARY_PAGE] = set()
    return pages


def check_references(playbook: Playbook) -> list[ContentError]:
    """Every unresolved reference, duplicate id and inconsistent assessment."""
    pages = page_index(playbook)
    errors: list[ContentError] = []
    items: list[Item[Any]] = [playbook.info, playbook.brand]
    for kind in KINDS:
        items += playbook.entities(kind.name)
        errors += _duplicate_ids(playbook.entities(kind.name))
    items += [i for i in (playbook.factors, playbook.glossary, playbook.decisions) if i is not None]
    for item in items:
        for path, value in _links(item.model, ()):
            errors += _check_value(item.source, path, value, pages)
    for source, model in playbook.unvalidated:
        errors += _check_raw(source, model, pages)
    errors += _check_nav(playbook, pages)
    errors += check_brand_files(playbook.brand.model, playbook.brand.source)
    # A role whose file failed validation is reported there, not again as an owner.
    roles = [r.model.id for r in playbook.roles] + [
        p.removeprefix("roles/").removesuffix(".md")
        for p in playbook.unvalidated_pages
        if p.startswith("roles/")
    ]
    errors += _check_decisions(playbook)
    assessments = {a.model.id: a.model for a in playbook.assessments}
    for assessment in playbook.assessments:
        errors += check_assessment(
            assessment.model, assessment.source, roles=roles, assessments=assessments
        )
    return errors


def _check_decisions(playbook: Playbook) -> list[ContentError]:
    matrices = [
        (item.model, item.source)
        for item in playbook.entities("decision-rights")
        if isinstance(item.model, DecisionMatrix)
    ]
    catalogue = playbook.decisions.model if playbook.decisions is not None else None
    return check_matrices(matrices, catalogue, f"playbook/{DECISIONS_FILE.name}")


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
        if option is Ref:
            return Ref
        if option is Text:
            return Text
    return None


def _links(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Ref | Text]]:
    """Every Ref and Text in validated content, with its key path."""
    if isinstance(value, BaseModel):
        for name in _linking_fields(type(value)):
            yield from _links(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _links(child, (*path, i))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _links(child, (*path, key))
    elif isinstance(value, Ref | Text):
        yield path, value


@functools.cache
def _linking_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that can hold a Ref or a Text at some depth: only they are
    walked (ids, numbers and plain words are most of the content)."""
    return tuple(name for name, info in model.model_fields.items() if _can_link(info.annotation))


def _can_link(annotation: Any) -> bool:
    for option in options(annotation):
        if option is Ref or option is Text:
            return True
        if isinstance(option, type) and issubclass(option, BaseModel):
            if _linking_fields(option):
                return True
        elif any(_can_link(arg) for arg in typing.get_args(option)):
            return True
    return False


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
                        _LINK_FORMS,
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


def _duplicate_ids(items: list[Item[Entity]]) -> list[ContentError]:
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
        if value in KIND_NAMES:
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
                    suggestion(value, [*KIND_NAMES, *pages]),
                )
            )

    for i, item in enumerate(info.nav):
        if isinstance(item, str):
            entry(item, ("nav", i))
        else:
            for title, children in item.items():
                for j, child in enumerate(children):
                    entry(child, ("nav", i, title, j))
    for kind in KIND_NAMES:
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
