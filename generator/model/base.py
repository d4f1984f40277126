"""Types shared by every content model: ids, references and Markdown text."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from generator.model.markup import findings

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

_REF = re.compile(
    # Any kind's name: which kinds and pages exist is the cross-reference pass's question.
    r"^(?:(?P<kind>[a-z0-9][a-z0-9-]*)/(?P<id>[a-z0-9][a-z0-9-]*)"
    r"|(?P<page>[A-Za-z0-9_./-]+\.md))(?:#(?P<anchor>[A-Za-z0-9_-]+))?$"
)
_ABBREVIATION = re.compile(r"[\w .&'/+-]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_ALLOWED_SCHEMES = frozenset({"https", "mailto"})


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def _quoted(value: str) -> str:
    """A value in a message; invisible characters (a trailing newline) are shown escaped."""
    return f"'{value}'" if value.isprintable() else repr(value)


def check_slug(value: str) -> str:
    if not SLUG.fullmatch(value):
        raise ValueError(
            f"{_quoted(value)} is not a valid id: use lowercase letters, digits and hyphens"
            f" (for example '{_slugify(value) or 'my-id'}')"
        )
    return value


def _check_abbreviation(value: str) -> str:
    # It becomes a Markdown abbreviation definition on every page: *[CCO]: ...
    if not _ABBREVIATION.fullmatch(value):
        raise ValueError(
            f"{_quoted(value)} is not an abbreviation (use letters, digits, spaces and"
            " . & ' / + -, e.g. 'CCO')"
        )
    return value


#: A short form shown as a tooltip wherever it appears: ``CCO``, ``CX``, ``R&D``.
Abbreviation = Annotated[
    str,
    AfterValidator(_check_abbreviation),
    WithJsonSchema({"type": "string", "pattern": r"^[\w .&'/+-]+$"}),
]

#: A stable id: lowercase letters, digits and hyphens.
Slug = Annotated[
    str,
    AfterValidator(check_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG.pattern}),
]


class _CheckedStr(str):
    """A string type whose instances passed ``_validate``: later stages can tell them apart."""

    json_schema: ClassVar[dict[str, Any]] = {"type": "string"}

    @classmethod
    def _validate(cls, value: str) -> _CheckedStr:
        return cls(value)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(cls._validate, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return dict(cls.json_schema)


class Ref(_CheckedStr):
    """A link to a playbook page: ``roles/cco``, ``assessments/readiness#q``, ``why.md``."""

    pattern: ClassVar[re.Pattern[str]] = _REF

    @classmethod
    def _validate(cls, value: str) -> Ref:
        if not _REF.fullmatch(value):
            raise ValueError(
                f"{_quoted(value)} is not a playbook link: write '<kind>/<id>' (such as"
                " 'roles/cco' or 'assessments/readiness#question') or a page like 'why-a-cco.md'"
            )
        return cls(value)

    @property
    def target(self) -> str:
        """The page path this reference points at (``roles/cco.md``)."""
        m = _REF.fullmatch(self)
        assert m is not None
        return m["page"] or f"{m['kind']}/{m['id']}.md"

    @property
    def anchor(self) -> str | None:
        m = _REF.fullmatch(self)
        assert m is not None
        return m["anchor"]

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "pattern": _REF.pattern,
        "examples": ["roles/cco"],
    }


class Text(_CheckedStr):
    """Markdown text from content: no raw HTML, no attribute lists, links only to
    playbook pages, ``https:`` or ``mailto:``. Judged by what the parser makes of it."""

    @classmethod
    def _validate(cls, value: str) -> Text:
        found = findings(value)
        if found.raw_html:
            raise ValueError(
                f"raw HTML '{found.raw_html[0][:40]}' is not allowed in content text"
                " (write Markdown instead: **bold**, _italic_, [label](roles/cco); to show"
                " a tag as text, put it in backticks)"
            )
        if found.attribute_lists:
            raise ValueError(
                f"the attribute list '{found.attribute_lists[0][:40]}' is not allowed in"
                " content text (the templates decide classes and attributes: remove it)"
            )
        for target in found.links:
            problem = _unsafe_target(target)
            if problem:
                raise ValueError(problem)
        for target in found.images:
            if _SCHEME.match(target) or target.startswith(("//", "\\")):
                raise ValueError(
                    f"the image '{target[:60]}' is not a file of the site (the site loads"
                    " nothing from other hosts: ship the picture in docs/ and link a page)"
                )
        return cls(value)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "Markdown text without raw HTML",
    }


def _unsafe_target(target: str) -> str | None:
    """Why a link target may not appear in content, or None when it may."""
    # Browsers ignore tabs and newlines inside URLs and spaces around them.
    plain = "".join(target.split())
    scheme = _SCHEME.match(plain)
    if scheme and scheme.group(1).lower() not in _ALLOWED_SCHEMES:
        return (
            f"the link '{target[:60]}' uses '{scheme.group(1)}:', which is not allowed"
            " (link to a playbook page such as 'roles/cco', or an https: or mailto: URL)"
        )
    if plain.startswith(("//", "\\\\", "/\\", "\\/")):
        return (
            f"the link '{target[:60]}' names another host without 'https:'"
            " (write the whole address, e.g. 'https://example.org/page')"
        )
    return None


def links_in(text: str) -> list[str]:
    """Every link and image target the Markdown parser finds in a text."""
    found = findings(text)
    return [*found.links, *found.images]


def internal_link(target: str) -> Ref | None:
    """The playbook reference a Markdown link target names, or None for URLs and anchors."""
    if _SCHEME.match(target) or target.startswith("#"):
        return None
    return Ref(target) if _REF.fullmatch(target) else None


def _slugify(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
