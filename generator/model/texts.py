"""Which values of the content are texts for readers, and which are locked.

A translation or an edition may change texts only. Whether a value is a text follows from
the content models: plain text, Markdown and abbreviations are texts; ids, references,
enumeration values, numbers and versions are not; in the navigation only a group's title
is a text.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.errors import KeyPath
from generator.model.base import Text, check_slug
from generator.model.validate import options

#: Plain-text fields that are identifiers of a release, not words for readers.
_LOCKED_FIELDS = frozenset({"version"})


def is_group(value: dict[str, Any], path: KeyPath) -> bool:
    return bool(path) and path[0] == "nav" and len(path) == 2 and len(value) == 1


def is_text(annotation: Any, path: KeyPath) -> bool:
    # Navigation entries name pages; only a group's title (see _is_group) is a text.
    if path and (path[-1] in _LOCKED_FIELDS or path[0] == "nav"):
        return False
    for option in options(annotation):
        if option is str or option is Text:
            return True
        if typing.get_origin(option) is typing.Annotated and typing.get_args(option)[0] is str:
            # Plain text with constraints (an abbreviation, a minimum length), unless an id.
            return not any(getattr(m, "func", None) is check_slug for m in option.__metadata__)
    return False


def step(annotation: Any, part: str | int) -> Any:
    """The type of the value at ``part`` inside a value of type ``annotation``.

    Unlike :func:`generator.model.validate.step` it keeps a field's metadata: pydantic
    moves ``Annotated`` constraints off the field's type, and they tell an id from a text.
    """
    for option in options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel) and isinstance(part, str):
            info = option.model_fields.get(part)
            if info is not None:
                if info.metadata and info.annotation is str:
                    return typing.Annotated[(info.annotation, *info.metadata)]
                return info.annotation
        args = typing.get_args(option)
        if typing.get_origin(option) is list and isinstance(part, int):
            return args[0]
        if typing.get_origin(option) is dict and isinstance(part, str):
            return args[1]
    return None


def texts(value: Any, annotation: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """Every text in a base value, with its key path."""
    if isinstance(value, dict):
        if is_group(value, path):
            yield path, next(iter(value))
            return
        for key, child in value.items():
            yield from texts(child, step(annotation, key), (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from texts(child, step(annotation, i), (*path, i))
    elif isinstance(value, str) and is_text(annotation, path):
        yield path, value
