"""Stage 1: read YAML safely, keeping the source position of every value.

Only plain YAML is accepted: standard tags, no duplicate keys, UTF-8 text, a
mapping at the top. Every problem becomes a located :class:`ContentError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError, KeyPath

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class SourceFile:
    """A loaded YAML file: its data plus where each value and key came from."""

    path: Path
    display: str
    data: Any
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)

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


class _Loader(yaml.SafeLoader):
    """SafeLoader whose timestamps stay strings: dates in content are text."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _pos(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _node_error(
    display: str, node: yaml.Node, path: KeyPath, message: str, hint: str | None = None
) -> ContentError:
    pos = _pos(node.start_mark)
    return ContentError(display, pos.line, pos.column, path, message, hint)


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


def _walk(
    node: yaml.Node,
    path: KeyPath,
    source: SourceFile,
    loader: _Loader,
    errors: list[ContentError],
) -> Any:
    source.values[path] = _pos(node.start_mark)
    if node.tag not in _STANDARD_TAGS:
        errors.append(
            _node_error(
                source.display,
                node,
                path,
                f"the tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                "content is plain YAML: remove the tag and write the value itself",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _walk(key_node, path, source, loader, errors)
            key = key if isinstance(key, str) else str(key)
            child = (*path, key)
            if key in result:
                first = source.keys[child]
                errors.append(
                    _node_error(
                        source.display,
                        key_node,
                        child,
                        f"duplicate key '{key}' (first defined at line {first.line})",
                        "keep one of the two entries",
                    )
                )
                continue
            source.keys[child] = _pos(key_node.start_mark)
            result[key] = _walk(value_node, child, source, loader, errors)
        source.values[path] = _pos(node.start_mark)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(item, (*path, i), source, loader, errors) for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


def load_yaml(path: Path, display: str) -> tuple[SourceFile | None, list[ContentError]]:
    """Load one YAML file; returns the file (or None) and every error found in it."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            ContentError(
                display,
                line,
                col,
                (),
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                "save the file as UTF-8 in your editor",
            )
        ]
    text = text.removeprefix("\ufeff")
    source = SourceFile(path=path, display=display, data=None)
    loader = _Loader(text)
    errors: list[ContentError] = []
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display, exc)]
    finally:
        loader.dispose()
    if node is None:
        return None, [
            ContentError(
                display, 1, 1, (), "the file is empty", "write the content as a YAML mapping"
            )
        ]
    data = _walk(node, (), source, loader, errors)
    if not errors and not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        errors.append(
            _node_error(
                display,
                node,
                (),
                f"expected a mapping of keys to values at the top of the file, found {kind}",
                "start the file with 'id: ...' and the other keys",
            )
        )
    if errors:
        return None, errors
    source.data = data
    return source, []
