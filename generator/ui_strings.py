"""Every word the tool itself shows a reader, per language, from ``strings/<language>.yml``.

The assessment page, the PDF's cover, contents and worksheets, and the ZIP's README
read their words from here; templates and Python hold none of their own.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from generator.errors import ProjectError

#: The language whose strings fill any gap; every strings file has its keys (tested).
FALLBACK_LANGUAGE = "en"


@cache
def _strings_file(language: str) -> dict[str, str] | None:
    node = resources.files("generator").joinpath("strings").joinpath(f"{language}.yml")
    if not node.is_file():
        return None
    data = yaml.safe_load(node.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ProjectError(f"generator/strings/{language}.yml must map keys to plain strings")
    return {str(k): v for k, v in data.items()}


def strings_languages() -> list[str]:
    """The languages the interface ships strings for."""
    folder = resources.files("generator").joinpath("strings")
    return sorted(n.name.removesuffix(".yml") for n in folder.iterdir() if n.name.endswith(".yml"))


def ui_strings(language: str) -> dict[str, str]:
    """The interface strings for ``language`` ('de', 'de-CH', 'pt_BR'), English as fallback."""
    strings = dict(_strings_file(FALLBACK_LANGUAGE) or {})
    primary = re.split(r"[-_]", language, maxsplit=1)[0].lower()
    for candidate in dict.fromkeys((primary, language)):
        if candidate != FALLBACK_LANGUAGE and re.fullmatch(r"[A-Za-z_-]+", candidate):
            strings.update(_strings_file(candidate) or {})
    return strings


def fill(template: str, **values: str) -> str:
    """Replace ``{name}`` placeholders by plain substitution (values may contain braces)."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)
