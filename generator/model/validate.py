"""Stage 2a: turn loaded YAML into typed models, mapping pydantic errors onto YAML."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from generator.errors import ContentError, KeyPath, did_you_mean, suggestion
from generator.load import SourceFile

M = TypeVar("M", bound=BaseModel)

_YAML_BOOLEAN_WORDS = "yes, no, on, off, true, false"


def validate(source: SourceFile, model: type[M]) -> tuple[M | None, list[ContentError]]:
    """Validate one file's data as ``model``; every error is located in the file."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        errors: dict[KeyPath, ContentError] = {}
        for detail in exc.errors():
            error = _locate(source, model, detail)
            # A union reports one error per branch at the same place: keep the first.
            errors.setdefault(error.key_path, error)
        return None, list(errors.values())


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[KeyPath, bool]:
    """Drop pydantic's union and function tags from ``loc``; say whether the last
    element names a key that is absent from the data (a missing field)."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str):
            if part not in node:
                if i == len(loc) - 1:
                    return (*path, part), True
                continue  # a union branch tag, not a key of the data
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if part < len(node) else None
        # anything else is a tag naming a union branch or validator, not a key
    return tuple(path), False


def _locate(source: SourceFile, model: type[BaseModel], detail: Any) -> ContentError:
    path, absent = _data_path(source.data, tuple(detail["loc"]))
    kind = detail["type"]
    value = detail.get("input")
    if kind == "missing":
        field = path[-1] if path else "?"
        return (
            source.error(
                path, f"missing required key '{field}'", f"add '{field}: ...'", key=bool(path[:-1])
            )
            if absent
            else source.error(path, "a value is required here")
        )
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = _fields_at(model, path[:-1])
        return source.error(path, f"unknown key '{key}'", suggestion(key, allowed), key=True)
    message, hint = _describe(kind, detail["msg"], value, detail.get("ctx") or {})
    return source.error(path, message, hint)


def _describe(kind: str, msg: str, value: Any, ctx: dict[str, Any]) -> tuple[str, str | None]:
    if kind == "value_error":
        text = msg.removeprefix("Value error, ")
        if text.endswith(")") and " (" in text:
            main, _, hint = text.rpartition(" (")
            return main, hint[:-1]
        return text, None
    if isinstance(value, bool) and kind in ("string_type", "int_type"):
        return (
            f"expected {'text' if kind == 'string_type' else 'a whole number'},"
            f" found the boolean {str(value).lower()}",
            f"YAML reads unquoted {_YAML_BOOLEAN_WORDS} as booleans: put the value in quotes",
        )
    if value is None and kind.endswith("_type"):
        return "the value is empty", "write a value after the colon, or remove the key"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        close = did_you_mean(str(value), options) if isinstance(value, str) else None
        hint = f"did you mean '{close}'?" if close else f"expected {expected}"
        return f"'{value}' is not allowed here", hint
    if kind in ("too_short", "too_long"):
        return msg.replace("List", "the list").replace("Value", "the list"), None
    expected = msg[0].lower() + msg[1:] if msg else "invalid value"
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return f"{expected}, found {shown}", None


def _fields_at(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The keys allowed in the mapping at ``path`` of a ``model`` document."""
    annotation: Any = model
    for part in path:
        annotation = step(annotation, part)
        if annotation is None:
            return []
    cls = _model_in(annotation)
    return list(cls.model_fields) if cls else []


def step(annotation: Any, part: str | int) -> Any:
    for option in options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel) and isinstance(part, str):
            field = option.model_fields.get(part)
            if field is not None:
                return field.annotation
        origin = typing.get_origin(option)
        args = typing.get_args(option)
        if origin is list and isinstance(part, int):
            return args[0]
        if origin is dict and isinstance(part, str):
            return args[1]
    return None


def options(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return list(typing.get_args(annotation))
    return [annotation]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for option in options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None
