"""Every word the tool itself writes, per language, from ``strings/<language>.yml``.

Page headings and labels, the structure matrix, the colour-scheme toggle, the
assessment interface, the PDF's cover, contents and worksheets and the ZIP's README
read their words from here; templates and Python hold none of their own. Every
template sees the playbook language's strings as ``ui`` (``{{ ui.page_related }}``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from generator.errors import ContentError, ProjectError, display_path, suggestion
from generator.load import SourceFile, load_yaml

#: The language whose strings fill any gap; every strings file has its keys (checked).
FALLBACK_LANGUAGE = "en"
STRINGS_DIR = Path(__file__).parent / "strings"
#: Where a strings file is shown in messages: as it sits in the source tree.
_DISPLAY = "generator/strings/{}.yml"
#: Keys the page scripts never read: they stay out of the assessment page's data.
_NOT_IN_BROWSER = (
    "print_",
    "zip_",
    "page_",
    "glossary_",
    "structure_",
    "leader_",
    "team_",
    "matrix_",
    "toggle_",
    "permalink_",
    "not_found",
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def _strings_file(language: str, folder: Path = STRINGS_DIR) -> dict[str, str] | None:
    path = folder / f"{language}.yml"
    if not path.is_file():
        return None
    # libyaml's parser where it is installed: these files are read on every build.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ProjectError(f"{_DISPLAY.format(language)} must map keys to plain strings")
    return {str(k): v for k, v in data.items()}


def strings_languages() -> list[str]:
    """The languages the tool ships strings for."""
    return sorted(p.stem for p in STRINGS_DIR.glob("*.yml"))


def _candidates(language: str) -> list[str]:
    """The strings files that speak for ``language``, broadest first ('de', then 'de-CH')."""
    primary = re.split(r"[-_]", language, maxsplit=1)[0].lower()
    return [
        c
        for c in dict.fromkeys((primary, language))
        if c != FALLBACK_LANGUAGE and re.fullmatch(r"[A-Za-z_-]+", c)
    ]


def strings_language(language: str) -> str:
    """The strings file ``language`` is written in: its own, its primary's, or English."""
    found = [c for c in _candidates(language) if (STRINGS_DIR / f"{c}.yml").is_file()]
    return found[-1] if found else FALLBACK_LANGUAGE


def ui_strings(language: str) -> dict[str, str]:
    """The tool's words for ``language`` ('de', 'de-CH', 'pt_BR'), English as fallback."""
    strings = dict(_strings_file(FALLBACK_LANGUAGE) or {})
    for candidate in _candidates(language):
        strings.update(_strings_file(candidate) or {})
    return strings


def browser_strings(language: str) -> dict[str, str]:
    """The words the assessment page's scripts show: print, ZIP and page words stay out."""
    return {k: v for k, v in ui_strings(language).items() if not k.startswith(_NOT_IN_BROWSER)}


def fill(template: str, **values: str) -> str:
    """Replace ``{name}`` placeholders by plain substitution (values may contain braces)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def check_strings(language: str, folder: Path = STRINGS_DIR) -> list[ContentError]:
    """Every way the strings files for ``language`` differ from English: a missing key,
    an extra one (a typo, most likely), a value that is not text or lost a placeholder."""
    english = _strings_file(FALLBACK_LANGUAGE, folder) or {}
    errors: list[ContentError] = []
    for candidate in _candidates(language):
        path = folder / f"{candidate}.yml"
        if not path.is_file():
            continue
        shown = _DISPLAY.format(candidate) if folder == STRINGS_DIR else display_path(path)
        source, found = load_yaml(path, shown)
        errors += found
        if source is not None:
            errors += _compare(source, english)
    return errors


def _compare(source: SourceFile, english: dict[str, str]) -> list[ContentError]:
    errors = []
    data = source.data
    for key in english:
        if key not in data:
            errors.append(
                ContentError(
                    source.display,
                    1,
                    1,
                    (key,),
                    f"missing; in English: “{_excerpt(english[key])}”",
                    f"add it with its translation where {_DISPLAY.format(FALLBACK_LANGUAGE)} has it",
                )
            )
    for key, value in data.items():
        if key not in english:
            message = "not a key the tool reads"
            errors.append(source.error((key,), message, suggestion(key, english), key=True))
        elif not isinstance(value, str) or not value.strip():
            hint = "write the words in quotes: YAML reads yes, no, numbers and [ ] as other things"
            errors.append(source.error((key,), "must be text", hint))
        elif sorted(_PLACEHOLDER.findall(value)) != sorted(_PLACEHOLDER.findall(english[key])):
            wanted = ", ".join(f"{{{p}}}" for p in _PLACEHOLDER.findall(english[key])) or "none"
            errors.append(
                source.error(
                    (key,),
                    f"other placeholders than in English (expected: {wanted})",
                    "keep every {name} in braces exactly as it is; translate only the words",
                )
            )
    return errors


def _excerpt(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
