"""Every error the tool reports, under one base class.

Content errors carry a source position and are collected, never raised one at a
time: a contributor sees every problem in every file in one run.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """Render ``("questions", 3, "dimension")`` as ``questions[3].dimension``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """Return the closest known spelling of ``word``, if one is close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def suggestion(word: str, choices: Iterable[str]) -> str:
    """A ``did you mean`` hint, or a list of what is allowed when nothing is close."""
    options = sorted(set(choices))
    close = did_you_mean(word, options)
    if close:
        return f"did you mean '{close}'?"
    if not options:
        return "there is nothing to refer to yet"
    shown = ", ".join(f"'{o}'" for o in options[:8])
    more = f" and {len(options) - 8} more" if len(options) > 8 else ""
    return f"expected one of {shown}{more}"


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, located by line, column and key path."""

    file: str
    line: int
    column: int
    key_path: KeyPath = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.text}"

    @property
    def text(self) -> str:
        """The message without its location prefix (for annotations)."""
        where = format_key_path(self.key_path)
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class PlaybookError(Exception):
    """Base class of every error this tool reports to a user."""


class ContentErrors(PlaybookError):
    """The content has one or more errors; all of them are listed."""

    def __init__(self, errors: Sequence[ContentError]) -> None:
        self.errors = sorted(errors)
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = "\n".join(str(e) for e in self.errors)
        super().__init__(f"{count} content {noun}:\n{lines}")


class ProjectError(PlaybookError):
    """A problem with no position in a content file: configuration, tools, files."""


class UsageError(PlaybookError):
    """The command line, the environment or mkdocs.yml is wrong (exit status 2)."""


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as a contributor would type it: relative to ``root`` or the cwd.

    The path as written comes first, so that a symbolic link shows as itself and
    not as the place it leads to.
    """
    written, real = Path(os.path.abspath(path)), path.resolve()
    for base in (root, Path.cwd()):
        if base is None:
            continue
        for candidate, folder in ((written, Path(os.path.abspath(base))), (real, base.resolve())):
            try:
                return candidate.relative_to(folder).as_posix()
            except ValueError:
                continue
    return real.as_posix()
