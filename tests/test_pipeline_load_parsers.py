"""Stage 1: libyaml and the pure-Python parser give the same data, positions and errors.

The loader uses libyaml for speed and promises the pure-Python parser's results, so
the two are compared on the real playbook, on damaged copies of it and on random
scraps of YAML syntax. A new PyYAML or libyaml that parses differently fails here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.load import SourceFile, load_yaml
from generator.load_compose import LIBYAML
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.skipif(not LIBYAML, reason="PyYAML was built without libyaml here")

# Valid content only: the hostile files have their own tests, under both parsers.
CONTENT = sorted(
    p
    for p in [*(ROOT / "playbook").rglob("*.yml"), *FIXTURES.rglob("*.yml")]
    if p.parent.name != "load"
)
SCRAPS = [
    "a",
    "1",
    "0x1f",
    "~",
    "yes",
    "2024-01-01",
    "'q'",
    '"d\\n"',
    "&x",
    "*x",
    "!!str",
    "!!int",
    "<<",
    "-",
    "- ",
    ": ",
    ":",
    "?",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ",",
    " ",
    "  ",
    "\n",
    "\n  ",
    "#c",
    "|",
    ">",
    "|-",
    "\t",
    "---",
    "...",
    "%YAML 1.1",
    "é",
    "😀",
    "\r\n",
    "\u2028",
    "\x85",
    "=",
    "@",
    "`",
    "!x",
    "!",
    "%TAG ! tag:x,2000:",
]


def outcome(path: Path, parser: str) -> object:
    """Everything the loader gives, in a form two runs can be compared by."""
    source, errors = load_yaml(path, "f.yml", parser=parser)  # type: ignore[arg-type]
    return summary(source, errors)


def summary(source: SourceFile | None, errors: list[ContentError]) -> object:
    if source is None:
        return [str(e) for e in errors]
    values = {k: (v.line, v.column) for k, v in source.values.items()}
    keys = {k: (v.line, v.column) for k, v in source.keys.items()}
    return source.data, values, keys


@pytest.mark.parametrize("path", CONTENT, ids=[p.relative_to(ROOT).as_posix() for p in CONTENT])
def test_every_content_file_loads_the_same(path: Path) -> None:
    libyaml = outcome(path, "libyaml")
    assert isinstance(libyaml, tuple), libyaml
    assert libyaml == outcome(path, "python")


def test_damaged_content_loads_the_same(tmp_path: Path) -> None:
    """Characters inserted, deleted and lines moved, as a careless edit would."""
    rng = random.Random(20260101)
    texts = [p.read_text(encoding="utf-8") for p in CONTENT]
    target = tmp_path / "f.yml"
    for _ in range(120):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(text))
            dice = rng.random()
            if dice < 0.4:
                text = text[:at] + rng.choice(SCRAPS) + text[at:]
            elif dice < 0.7:
                text = text[:at] + text[at + rng.randint(1, 5) :]
            else:
                lines = text.split("\n")
                lines.insert(rng.randrange(len(lines)), lines.pop(rng.randrange(len(lines))))
                text = "\n".join(lines)
        target.write_text(text, encoding="utf-8", newline="")
        assert outcome(target, "libyaml") == outcome(target, "python"), text


def test_scraps_of_syntax_load_the_same(tmp_path: Path) -> None:
    """Random runs of YAML's indicators: the odd corners where the parsers differ."""
    rng = random.Random(7)
    target = tmp_path / "f.yml"
    for _ in range(600):
        text = "".join(rng.choice(SCRAPS) for _ in range(rng.randint(1, 25)))
        target.write_text(text, encoding="utf-8", newline="")
        assert outcome(target, "libyaml") == outcome(target, "python"), repr(text)
