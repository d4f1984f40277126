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

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

_REF = re.compile(
    # Any kind's name: which kinds and pages exist is the cross-reference pass's question.
    r"^(?:(?P<kind>[a-z0-9][a-z0-9-]*)/(?P<id>[a-z0-9][a-z0-9-]*)"
    r"|(?P<page>[A-Za-z0-9_./-]+\.md))(?:#(?P<anchor>[A-Za-z0-9_-]+))?$"
)
# A tag, a comment or a processing instruction: none belong in content text.
_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?)>", re.S)
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_ALLOWED_SCHEMES = frozenset({"https", "mailto"})


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def _check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use lowercase letters, digits and hyphens"
            f" (for example '{_slugify(value) or 'my-id'}')"
        )
    return value


#: A stable id: lowercase letters, digits and hyphens.
Slug = Annotated[
    str,
    AfterValidator(_check_slug),
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
        if not _REF.match(value):
            raise ValueError(
                f"'{value}' is not a playbook link: write '<kind>/<id>' (such as 'roles/cco'"
                " or 'assessments/readiness#question') or a page like 'why-a-cco.md'"
            )
        return cls(value)

    @property
    def target(self) -> str:
        """The page path this reference points at (``roles/cco.md``)."""
        m = _REF.match(self)
        assert m is not None
        return m["page"] or f"{m['kind']}/{m['id']}.md"

    @property
    def anchor(self) -> str | None:
        m = _REF.match(self)
        assert m is not None
        return m["anchor"]

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "pattern": _REF.pattern,
        "examples": ["roles/cco"],
    }


class Text(_CheckedStr):
    """Markdown text from content: no raw HTML, links only to pages, https: or mailto:."""

    @classmethod
    def _validate(cls, value: str) -> Text:
        tag = _HTML.search(value)
        if tag:
            raise ValueError(
                f"raw HTML '{tag.group(0)[:40]}' is not allowed in content text"
                " (write Markdown instead: **bold**, _italic_, [label](roles/cco))"
            )
        for target in links_in(value):
            scheme = _SCHEME.match(target)
            if scheme and scheme.group(1).lower() not in _ALLOWED_SCHEMES:
                raise ValueError(
                    f"the link '{target[:60]}' uses '{scheme.group(1)}:', which is not allowed"
                    " (link to a playbook page such as 'roles/cco', or an https: or mailto: URL)"
                )
        return cls(value)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "Markdown text without raw HTML",
    }


def links_in(text: str) -> list[str]:
    """Every link target written in a Markdown text (inline and reference style)."""
    return _INLINE_LINK.findall(text) + _REF_DEFINITION.findall(text)


def internal_link(target: str) -> Ref | None:
    """The playbook reference a Markdown link target names, or None for URLs and anchors."""
    if _SCHEME.match(target) or target.startswith("#"):
        return None
    return Ref(target) if _REF.match(target) else None


def _slugify(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
