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
from typing import Literal

import yaml
from yaml.composer import ComposerError

#: Collections inside collections, counted from the top of the file.
MAX_DEPTH = 100

Parser = Literal["auto", "libyaml", "python"]

LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _without_timestamps(
    resolvers: dict[str, list[tuple[str, object]]],
) -> dict[str, list[tuple[str, object]]]:
    """Dates in content are text: drop the resolver that would turn them into dates."""
    return {
        ch: [(tag, rx) for tag, rx in entries if tag != _TIMESTAMP]
        for ch, entries in resolvers.items()
    }


class _PythonParser(yaml.SafeLoader):
    """The pure-Python parser; only its events and its tag resolution are used."""


_PythonParser.yaml_implicit_resolvers = _without_timestamps(
    yaml.SafeLoader.yaml_implicit_resolvers
)

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

    def __init__(self, mark: yaml.Mark, path: tuple[str | int, ...]) -> None:
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
    except (yaml.YAMLError, _MarksDiffer):
        # libyaml words its errors its own way: let the reference parser say it.
        return _Composer(_PythonParser(text)).document()


# Text that libyaml accepts and the pure-Python parser refuses: a tab outside
# indentation ("key:<tab>value"), a comment right after a block scalar's "|".
_LIBYAML_DIFFERS = re.compile(r"\t|[|>][-+0-9]{0,2}#")


class _MarksDiffer(Exception):
    """libyaml placed an empty value elsewhere than the pure-Python parser would."""


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

    def __init__(self, loader: yaml.SafeLoader | yaml.CSafeLoader, text: str | None = None) -> None:
        self.loader = loader
        #: The text, when libyaml's marks of empty values need checking against it.
        self.text = text
        self.anchors: dict[str, yaml.Node] = {}
        self.stack: list[_Open] = []

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
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append(_Open(node, step))  # type: ignore[arg-type]
            elif not stack:
                return node

    def node(self, event: yaml.Event) -> yaml.Node:
        anchors = self.anchors
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", event.start_mark
                )
            return AliasNode(anchors[event.anchor], event.start_mark, event.end_mark)
        assert isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent))
        anchor = event.anchor
        if anchor is not None and anchor in anchors:
            raise ComposerError(
                f"found duplicate anchor {anchor!r}; first occurrence",
                anchors[anchor].start_mark,
                "second occurrence",
                event.start_mark,
            )
        node = self.scalar(event) if isinstance(event, yaml.ScalarEvent) else self.open(event)
        if anchor is not None:
            anchors[anchor] = node
        return node

    def scalar(self, event: yaml.ScalarEvent) -> yaml.ScalarNode:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if self.text is not None and not event.value and not event.style:
            self.check_empty(event)
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)

    def check_empty(self, event: yaml.ScalarEvent) -> None:
        """Both parsers put an empty block value right after its ':' or '-'; elsewhere
        (in braces, after a '?') libyaml puts it at the next token, often the next line."""
        if event.anchor is not None or event.tag is not None:
            return
        parent = self.stack[-1].node if self.stack else None
        mark = event.start_mark
        assert self.text is not None
        if (
            parent is None
            or parent.flow_style
            or mark.column == 0
            or self.text[mark.index - 1] not in ":-"
        ):
            raise _MarksDiffer()

    def open(self, event: yaml.CollectionStartEvent) -> yaml.CollectionNode:
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

    def path(self) -> tuple[str | int, ...]:
        """Where the next node goes, as a key path (for the depth error)."""
        steps = [frame.step for frame in self.stack]
        top = self.stack[-1]
        if isinstance(top.node, yaml.SequenceNode):
            steps.append(len(top.node.value))
        elif isinstance(top.key, yaml.ScalarNode):
            steps.append(str(top.key.value))
        return tuple(step for step in steps if step is not None)
