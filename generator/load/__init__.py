"""Stage 1: read YAML safely, keeping the source position of every value.

Only plain YAML is accepted: standard tags, no duplicate keys, UTF-8 text, a
mapping at the top. Every problem becomes a located :class:`ContentError`, and
every file ends in a bounded time and memory whatever it holds (see the limits in
:mod:`generator.load.file`, :mod:`generator.load.parse` and
:mod:`generator.load.walk`).
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError, KeyPath
from generator.load.cache import entry_key, read_entry, write_entry
from generator.load.file import read_text
from generator.load.parse import Parser, TooDeep, active_parser, compose
from generator.load.walk import Position, Positions, Walk, position, too_deep

__all__ = ["Position", "SourceFile", "load_yaml"]


@dataclass
class SourceFile:
    """A loaded YAML file: its data plus where each value and key came from."""

    path: Path
    display: str
    data: Any
    values: Mapping[KeyPath, Position] = field(default_factory=Positions)
    keys: Mapping[KeyPath, Position] = field(default_factory=Positions)

    def locate(self, path: KeyPath, *, key: bool = False) -> Position:
        """The closest known position for ``path`` (falling back to its parents)."""
        table = self.keys if key else self.values
        probe = path
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(1, 1))

    def error(
        self, path: KeyPath, message: str, hint: str | None = None, *, key: bool = False
    ) -> ContentError:
        pos = self.locate(path, key=key)
        return ContentError(self.display, pos.line, pos.column, path, message, hint)


def _syntax_error(display: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    hint = None
    if "'\\t'" in problem or "\\t" in problem:
        problem = "a tab character is used for indentation"
        hint = "YAML indents with spaces only; replace the tab with spaces"
    elif exc.context:
        problem = f"{problem} ({exc.context})"
    return ContentError(display, line, col, (), f"YAML syntax error: {problem}", hint)


def load_yaml(
    path: Path, display: str, *, sandbox: Path | None = None, parser: Parser = "auto"
) -> tuple[SourceFile | None, list[ContentError]]:
    """Load one YAML file; returns the file (or None) and every error found in it.

    ``sandbox`` is the project folder: a path inside it that a symbolic link takes
    outside is refused. ``parser`` chooses libyaml or the pure-Python parser
    (``auto``: libyaml where it is installed); both give the same result.
    """
    text = read_text(path, display, sandbox)
    if isinstance(text, ContentError):
        return None, [text]
    # A file becomes tens of thousands of small objects, none of them in a cycle that
    # outlives the load: the cyclic collector's passes over them would be wasted work.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(path, display, text, parser)
    finally:
        if collecting:
            gc.enable()


def _load(
    path: Path, display: str, text: str, parser: Parser
) -> tuple[SourceFile | None, list[ContentError]]:
    # A chosen parser is always run (the parsers' parity is tested that way).
    text_key = entry_key(text, active_parser()) if parser == "auto" else None
    if text_key is not None and (entry := read_entry(text_key)) is not None:
        data, values, keys = entry
        return SourceFile(path, display, data, Positions(values), Positions(keys)), []
    try:
        node = compose(text, parser)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display, exc)]
    except TooDeep as exc:
        pos = position(exc.mark)
        return None, [ContentError(display, pos.line, pos.column, exc.path[:1], *too_deep())]
    if node is None:
        return None, [
            ContentError(
                display, 1, 1, (), "the file is empty", "write the content as a YAML mapping"
            )
        ]
    walk = Walk(display)
    data = walk.run(node)
    errors = walk.errors
    if not errors and not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        pos = position(node.start_mark)
        errors.append(
            ContentError(
                display,
                pos.line,
                pos.column,
                (),
                f"expected a mapping of keys to values at the top of the file, found {kind}",
                "start the file with 'id: ...' and the other keys",
            )
        )
    if errors:
        return None, errors
    if text_key is not None:
        write_entry(text_key, data, walk.values, walk.keys)
    return SourceFile(path, display, data, Positions(walk.values), Positions(walk.keys)), []
