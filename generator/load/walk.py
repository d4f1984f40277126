"""Stage 1, third step: nodes to plain data, noting where every key and value came from.

Aliases make a small file stand for a huge one ("billion laughs") or for an endless
one (an alias inside the value it names). The walk counts the values that aliases
repeat and knows the branch it is on, so both end in one located error, quickly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from generator.errors import ContentError, KeyPath
from generator.load.parse import MAX_DEPTH, STANDARD_TAGS, AliasNode

#: Values that aliases (and merge keys) may repeat in one file, in total.
MAX_ALIAS_VALUES = 10_000
#: Errors reported from one file before the walk stops: a file this broken needs
#: fixing more than it needs a complete list.
MAX_ERRORS = 100

_YAML = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (f"{_YAML}{t}" for t in ("str", "null", "bool", "int", "float"))
_MAP, _SEQ, _TIMESTAMP = (f"{_YAML}{t}" for t in ("map", "seq", "timestamp"))
_MERGE, _VALUE = f"{_YAML}merge", f"{_YAML}value"

_RECURSIVE_HINT = "an alias may only repeat a value written before it and outside it"

#: A mapping entry, and the alias that repeats it through a merge key (if any).
_Pair = tuple[yaml.Node, yaml.Node, AliasNode | None]


@dataclass(frozen=True)
class Position:
    line: int
    column: int


def position(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class Positions(Mapping[KeyPath, Position]):
    """Key paths to positions, kept as the parser's (line, column) until one is asked for.

    A file has a position for every key and value, and almost none is ever read:
    an error or a consumer asks for a few. Pairs of ints, unlike marks, are not
    tracked by the cyclic collector, and let the parser's nodes go after the load.
    """

    __slots__ = ("marks",)

    def __init__(self, marks: dict[KeyPath, tuple[int, int]] | None = None) -> None:
        self.marks: dict[KeyPath, tuple[int, int]] = {} if marks is None else marks

    def __getitem__(self, path: KeyPath) -> Position:
        line, column = self.marks[path]
        return Position(line + 1, column + 1)

    def __contains__(self, path: object) -> bool:
        return path in self.marks

    def __iter__(self) -> Iterator[KeyPath]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


def short_tag(tag: str) -> str:
    return tag.replace(_YAML, "!!")


def too_deep() -> tuple[str, str]:
    """The message and hint for values nested deeper than the limit.

    Such an error names only the top-level key: the full path would be a hundred steps.
    """
    return (
        f"values are nested more than {MAX_DEPTH} levels deep",
        "content needs only a few levels: flatten the structure",
    )


def _target(node: yaml.Node) -> yaml.Node:
    return node.target if isinstance(node, AliasNode) else node


class _Stop(Exception):
    """A limit was reached: the walk ends with this one error."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


class Walk:
    """One walk over one file's nodes: its data, and where each value and key came from."""

    def __init__(self, display: str) -> None:
        self.display = display
        #: Where each value and key starts: the parser's line and column, from 0.
        self.values: dict[KeyPath, tuple[int, int]] = {}
        self.keys: dict[KeyPath, tuple[int, int]] = {}
        self.errors: list[ContentError] = []
        constructor = SafeConstructor()
        self.scalars: dict[str, Callable[[yaml.ScalarNode], Any]] = {
            _BOOL: constructor.construct_yaml_bool,
            _INT: constructor.construct_yaml_int,
            _FLOAT: constructor.construct_yaml_float,
        }
        #: The collections on the branch being walked (by identity).
        self.branch: set[int] = set()
        #: How many aliases enclose the node being walked, the outermost one and its
        #: path, and how many values aliases have repeated so far.
        self.aliased = 0
        self.outermost: tuple[KeyPath, yaml.Node] | None = None
        self.repeated = 0

    def run(self, node: yaml.Node) -> Any:
        try:
            return self.value(node, (), 1)
        except _Stop as stop:
            self.errors.append(stop.error)
            return None

    def located(self, node: yaml.Node, path: KeyPath, message: str, hint: str) -> ContentError:
        pos = position(node.start_mark)
        return ContentError(self.display, pos.line, pos.column, path, message, hint)

    def error(self, node: yaml.Node, path: KeyPath, message: str, hint: str) -> None:
        # What an alias repeats was walked where it was written: its errors are known.
        if self.aliased:
            return
        self.errors.append(self.located(node, path, message, hint))
        if len(self.errors) >= MAX_ERRORS:
            stop = f"stopped after {MAX_ERRORS} errors in this file"
            raise _Stop(self.located(node, (), stop, "fix these and check again"))

    def value(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        if isinstance(node, AliasNode):
            return self.alias(node, path, depth)
        mark = node.start_mark
        self.values[path] = (mark.line, mark.column)
        if self.aliased:
            self.count(1)
        if node.tag not in STANDARD_TAGS:
            self.error(
                node,
                path,
                f"the tag '{short_tag(node.tag)}' is not allowed",
                "content is plain YAML: remove the tag and write the value itself",
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if depth > MAX_DEPTH:
            raise _Stop(self.located(node, path[:1], *too_deep()))
        if node.tag != (_MAP if isinstance(node, yaml.MappingNode) else _SEQ):
            kind = "a mapping" if isinstance(node, yaml.MappingNode) else "a list"
            self.error(
                node, path, f"the tag '{short_tag(node.tag)}' cannot mark {kind}", "remove the tag"
            )
            return None
        self.branch.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path, depth)
            return [self.value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        finally:
            self.branch.discard(id(node))

    def alias(self, alias: AliasNode, path: KeyPath, depth: int) -> Any:
        if id(alias.target) in self.branch:
            message = "this alias stands for a value that contains it (a recursive alias)"
            raise _Stop(self.located(alias, path, message, _RECURSIVE_HINT))
        with self.repeating(path, alias):
            return self.value(alias.target, path, depth)

    @contextmanager
    def repeating(self, path: KeyPath, alias: AliasNode) -> Iterator[None]:
        """Walk what ``alias`` repeats: count it, and report no error twice."""
        self.aliased += 1
        outermost = self.outermost is None
        if outermost:
            self.outermost = (path, alias)
        try:
            yield
        finally:
            self.aliased -= 1
            if outermost:
                self.outermost = None

    def mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node, via in self.pairs(node, path, frozenset()):
            key = self.merged(via, path, key_node, path, depth + 1)
            key = key if isinstance(key, str) else str(key)
            child = (*path, key)
            # Outside the merge's alias: a key twice in this mapping is this mapping's error.
            if key in result:
                first = self.keys[child]
                self.error(
                    key_node,
                    child,
                    f"duplicate key '{key}' (first defined at line {first[0] + 1})",
                    "keep one of the two entries",
                )
                continue
            mark = _target(key_node).start_mark
            self.keys[child] = (mark.line, mark.column)
            result[key] = self.merged(via, path, value_node, child, depth + 1)
        mark = node.start_mark
        self.values[path] = (mark.line, mark.column)
        return result

    def merged(
        self, via: AliasNode | None, mapping: KeyPath, node: yaml.Node, path: KeyPath, depth: int
    ) -> Any:
        """Walk a mapping's key or value, which ``via`` (if any) merged into it."""
        if via is None:
            return self.value(node, path, depth)
        with self.repeating((*mapping, "<<"), via):
            return self.value(node, path, depth)

    def pairs(self, node: yaml.MappingNode, path: KeyPath, merging: frozenset[int]) -> list[_Pair]:
        """The mapping's entries, merge keys (``<<``) expanded as PyYAML's loader does."""
        merged: list[_Pair] = []
        own: list[_Pair] = []
        merging |= {id(node)}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                via = value_node if isinstance(value_node, AliasNode) else None
                target = _target(value_node)
                parts = target.value if isinstance(target, yaml.SequenceNode) else [value_node]
                for part in reversed(parts):
                    merged += self.merge(part, path, merging, via)
                continue
            if key_node.tag == _VALUE:
                key_node.tag = _STR
            own.append((key_node, value_node, None))
        return merged + own

    def merge(
        self, part: yaml.Node, path: KeyPath, merging: frozenset[int], via: AliasNode | None
    ) -> list[_Pair]:
        target = _target(part)
        where = (*path, "<<")
        if not isinstance(target, yaml.MappingNode):
            kind = "a list" if isinstance(target, yaml.SequenceNode) else "a single value"
            self.error(
                part,
                where,
                f"a merge key ('<<') takes a mapping or a list of mappings, not {kind}",
                "merge an alias of a mapping, or write the keys out",
            )
            return []
        if id(target) in merging or id(target) in self.branch:
            message = "this merge takes in the mapping that contains it (a recursive alias)"
            raise _Stop(self.located(part, where, message, _RECURSIVE_HINT))
        entries = self.pairs(target, path, merging)
        via = via or (part if isinstance(part, AliasNode) else None)
        if via is not None:
            entries = [(key, value, via) for key, value, _ in entries]
            self.count(len(entries), (where, via))
        return entries

    def count(self, values: int, where: tuple[KeyPath, yaml.Node] | None = None) -> None:
        self.repeated += values
        if self.repeated <= MAX_ALIAS_VALUES:
            return
        where = self.outermost or where
        assert where is not None, "only what aliases repeat is counted"
        path, node = where
        raise _Stop(
            self.located(
                node,
                path,
                f"aliases make this file more than {MAX_ALIAS_VALUES:,} values larger"
                " (the limit was passed here)",
                "write the values out, or repeat fewer of them: content never needs this many",
            )
        )

    def scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        tag = node.tag
        if tag in (_STR, _TIMESTAMP):
            return node.value
        if tag == _NULL:
            return None
        construct = self.scalars.get(tag)
        if construct is None:
            self.error(
                node,
                path,
                f"the tag '{short_tag(tag)}' cannot mark a single value",
                "remove the tag",
            )
            return None
        try:
            return construct(node)
        except (ArithmeticError, LookupError, ValueError):
            self.error(
                node,
                path,
                f"'{node.value}' is not a valid {short_tag(tag)} value",
                "quote it to keep it as text, or correct it",
            )
            return None
