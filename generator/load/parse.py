"""Stage 1, second step: YAML text to a graph of nodes that keep their positions.

libyaml's C parser does the work where it is installed; the pure-Python parser is
the reference. Whatever libyaml refuses is parsed again by the pure-Python one, so
every syntax error reads the same, word for word and position for position,
whichever parser is installed.

The nodes are composed here from the parser's events, in a loop, and nesting is
limited while the text is parsed, not afterwards: both parsers slow down with the
square of the depth, PyYAML's composer recurses in Python and libyaml's in C, so a
small file of nothing but ``[`` would otherwise hang the one and crash the other.
(Composing in Python costs about a sixth more than libyaml's own composer.)
"""

from __future__ import annotations

import re
from typing import Any, Literal, Protocol

import yaml
from yaml.composer import ComposerError

from generator.errors import KeyPath

#: Collections inside collections, counted from the top of the file.
MAX_DEPTH = 100

Parser = Literal["auto", "libyaml", "python"]

LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: The tags content may use (it is plain YAML): every other tag is an error.
STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


def _without_timestamps(
    resolvers: dict[str, list[tuple[str, object]]],
) -> dict[str, list[tuple[str, object]]]:
    """Dates in content are text: drop the resolver that would turn them into dates."""
    return {
        ch: [(tag, rx) for tag, rx in entries if tag != _TIMESTAMP]
        for ch, entries in resolvers.items()
    }


def active_parser() -> str:
    """The parser ``auto`` uses on this machine."""
    return "libyaml" if LIBYAML else "python"


class _PythonParser(yaml.SafeLoader):
    """The pure-Python parser; only its events and its tag resolution are used."""


_PythonParser.yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader.yaml_implicit_resolvers)

if LIBYAML:

    class _LibyamlParser(yaml.CSafeLoader):
        """libyaml's parser, resolving tags exactly as the pure-Python one does."""

    _LibyamlParser.yaml_implicit_resolvers = _PythonParser.yaml_implicit_resolvers


class AliasNode(yaml.Node):
    """An alias where it is written: the node it repeats, and the alias's own place."""

    id = "alias"

    def __init__(self, target: yaml.Node, start_mark: yaml.Mark, end_mark: yaml.Mark) -> None:
        super().__init__(target.tag, target.value, start_mark, end_mark)
        self.target = target


class TooDeep(Exception):
    """The text nests collections deeper than :data:`MAX_DEPTH`."""

    def __init__(self, mark: yaml.Mark, path: KeyPath) -> None:
        super().__init__(f"nested deeper than {MAX_DEPTH} levels")
        self.mark = mark
        self.path = path


def compose(text: str, parser: Parser = "auto") -> yaml.Node | None:
    """The single document in ``text`` as nodes (None when it holds no document).

    Raises :class:`yaml.MarkedYAMLError` for invalid YAML and :class:`TooDeep`.
    """
    if parser == "libyaml" and not LIBYAML:
        raise RuntimeError("libyaml is not installed: PyYAML was built without it")
    if parser == "python" or not LIBYAML or _LIBYAML_DIFFERS.search(text):
        return _Composer(_PythonParser(text)).document()
    try:
        return _Composer(_LibyamlParser(text), text).document()
    except (yaml.YAMLError, _ParsersDiffer):
        # libyaml words its errors its own way: let the reference parser say it.
        return _Composer(_PythonParser(text)).document()


# Text that libyaml accepts and the pure-Python parser refuses: a tab outside
# indentation ("key:<tab>value"), a comment right after a block scalar's "|".
_LIBYAML_DIFFERS = re.compile(r"\t|[|>][-+0-9]{0,2}#")


class _ParsersDiffer(Exception):
    """libyaml read an empty value otherwise than the pure-Python parser would."""


class _Events(Protocol):
    """What the composer needs of a parser: PyYAML's and libyaml's both have it.

    Their events are typed ``Any``: the two parsers' marks are of different classes.
    """

    def get_event(self) -> Any: ...
    def check_event(self, *choices: type[yaml.Event]) -> bool: ...
    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str: ...
    def dispose(self) -> None: ...


class _Open:
    """A collection being composed, and the step that leads to it from its parent."""

    __slots__ = ("key", "node", "step")

    def __init__(self, node: yaml.CollectionNode, step: str | int | None) -> None:
        self.node = node
        self.step = step
        self.key: yaml.Node | None = None


class _Composer:
    """PyYAML's ``get_single_node``, in a loop instead of recursion, up to MAX_DEPTH.

    One difference: an alias becomes an :class:`AliasNode` instead of the node it
    names, so that what aliases repeat can be counted and located.
    """

    def __init__(self, loader: _Events, text: str | None = None) -> None:
        self.loader = loader
        #: The text, when libyaml's marks of empty values need checking against it.
        self.text = text
        self.anchors: dict[str, yaml.Node] = {}
        self.stack: list[_Open] = []
        #: Tags resolved so far, by text: content repeats the same few plain values.
        self.resolved: dict[tuple[str, Any], str] = {}

    def document(self) -> yaml.Node | None:
        loader = self.loader
        try:
            loader.get_event()
            if loader.check_event(yaml.StreamEndEvent):
                return None
            loader.get_event()
            root = self.root()
            loader.get_event()
            if not loader.check_event(yaml.StreamEndEvent):
                event = loader.get_event()
                raise ComposerError(
                    "expected a single document in the stream",
                    root.start_mark,
                    "but found another document",
                    event.start_mark,
                )
            return root
        finally:
            loader.dispose()

    def root(self) -> yaml.Node:
        stack = self.stack
        while True:
            event = self.loader.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                done = stack.pop().node
                done.end_mark = event.end_mark
                if not stack:
                    return done
                continue
            node = self.node(event)
            step = self.attach(node) if stack else None
            if isinstance(node, yaml.CollectionNode):
                stack.append(_Open(node, step))
            elif not stack:
                return node

    def node(self, event: Any) -> yaml.Node:
        anchors = self.anchors
        anchor, mark, end = event.anchor, event.start_mark, event.end_mark
        if isinstance(event, yaml.AliasEvent):
            if anchor not in anchors:
                raise ComposerError(None, None, f"found undefined alias {anchor!r}", mark)
            return AliasNode(anchors[anchor], mark, end)
        if anchor is not None and anchor in anchors:
            raise ComposerError(
                f"found duplicate anchor {anchor!r}; first occurrence",
                anchors[anchor].start_mark,
                "second occurrence",
                mark,
            )
        if (
            self.text is not None
            and event.tag not in (None, "!")
            and event.tag not in STANDARD_TAGS
        ):
            # The file is refused for its tag anyway, and libyaml reads odd tags its own way.
            raise _ParsersDiffer()
        node = self.scalar(event) if isinstance(event, yaml.ScalarEvent) else self.open(event)
        if anchor is not None:
            anchors[anchor] = node
        return node

    def scalar(self, event: Any) -> yaml.ScalarNode:
        tag = event.tag
        if tag is None or tag == "!":
            key = (event.value, event.implicit)
            tag = self.resolved.get(key)
            if tag is None:
                tag = self.resolved[key] = self.loader.resolve(
                    yaml.ScalarNode, event.value, event.implicit
                )
        if self.text is not None and not event.value and not event.style and self.differs(event):
            raise _ParsersDiffer()
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)

    def differs(self, empty: Any) -> bool:
        """Whether libyaml read this empty value otherwise than the pure-Python parser.

        Both put an empty block value right after its ':' or '-'; elsewhere (in braces,
        after a '?') libyaml puts it at the next token, often on the next line. And
        libyaml does not resolve an empty value tagged only '!'.
        """
        if empty.tag == "!":
            return True
        if empty.anchor is not None or empty.tag is not None:
            return False
        parent = self.stack[-1].node if self.stack else None
        mark = empty.start_mark
        assert self.text is not None
        return (
            parent is None
            or bool(parent.flow_style)
            or mark.column == 0
            or self.text[mark.index - 1] not in ":-"
        )

    def open(self, event: Any) -> yaml.CollectionNode:
        if len(self.stack) >= MAX_DEPTH:
            raise TooDeep(event.start_mark, self.path())
        kind: type[yaml.CollectionNode] = (
            yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        )
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(kind, None, event.implicit)
        return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)

    def attach(self, node: yaml.Node) -> str | int | None:
        """Put ``node`` into the open collection; returns its step there (None for a key)."""
        parent = self.stack[-1]
        if isinstance(parent.node, yaml.SequenceNode):
            parent.node.value.append(node)
            return len(parent.node.value) - 1
        if parent.key is None:
            parent.key = node
            return None
        key, parent.key = parent.key, None
        parent.node.value.append((key, node))
        return str(key.value) if isinstance(key, yaml.ScalarNode) else None

    def path(self) -> KeyPath:
        """Where the next node goes, as a key path (for the depth error)."""
        steps = [frame.step for frame in self.stack]
        top = self.stack[-1]
        if isinstance(top.node, yaml.SequenceNode):
            steps.append(len(top.node.value))
        elif isinstance(top.key, yaml.ScalarNode):
            steps.append(str(top.key.value))
        return tuple(step for step in steps if step is not None)
