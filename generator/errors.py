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


class ScaffoldError(UsageError):
    """The scaffold cannot be written: the id is taken or invalid, the assessment unknown."""


class BuildFailed(PlaybookError):
    """MkDocs could not build the site (exit status 1)."""


@dataclass(frozen=True, order=True)
class OutsideLoad:
    """One resource a page or stylesheet would load from another host."""

    file: str
    url: str
    how: str

    def __str__(self) -> str:
        return f"{self.file}: loads {self.url} ({self.how})"


@dataclass(frozen=True, order=True)
class RunnableCode:
    """One piece of markup in the site that would run code in a reader's browser."""

    file: str
    element: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.element} ({self.what})"


class OutsideLoadsError(ProjectError):
    """The built site would load resources from other hosts, or run code in its markup."""

    def __init__(self, loads: list[OutsideLoad], code: list[RunnableCode] | None = None) -> None:
        self.loads = sorted(loads)
        self.code = sorted(code or [])
        parts = []
        if self.loads:
            count = len(self.loads)
            lines = "\n".join(f"  {load}" for load in self.loads)
            parts.append(
                f"the site would load {count} resource{'s' if count != 1 else ''} from other"
                f" hosts, which breaks it offline and tells those hosts who reads it:\n{lines}\n"
                "Ship the file inside docs/ (or the brand folder) and refer to it by a relative"
                " path; plain <a href> links to other sites are fine."
            )
        if self.code:
            lines = "\n".join(f"  {item}" for item in self.code)
            parts.append(
                "the site would run code that is not one of its own scripts:\n"
                f"{lines}\nRemove the handler, the script link or the script from the page's"
                " source (raw HTML in docs/, a template or an SVG file); readers' browsers"
                " run only the project's own scripts."
            )
        super().__init__("\n".join(parts))


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as a contributor would type it: relative to ``root`` or the cwd.

    The path as written comes first, so that a symbolic link shows as itself and
    not as the place it leads to.
    """
    written = Path(os.path.abspath(path))
    for base in (root, Path.cwd()):
        if base is None:
            continue
        shown = _relative(written, Path(os.path.abspath(base)))
        if shown is None:
            # Resolving asks the file system about every folder: only when needed.
            shown = _relative(path.resolve(), base.resolve())
        if shown is not None:
            return shown
    return path.resolve().as_posix()


def _relative(path: Path, folder: Path) -> str | None:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return None
