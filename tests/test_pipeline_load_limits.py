"""Stage 1: hostile and broken files end in one located message, never a hang or a crash.

Each table row is a file and the exact message it must give. Every test runs twice:
with libyaml's parser and with the pure-Python one, which must agree word for word.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import load_yaml
from generator.load_compose import compose
from generator.load_file import MAX_FILE_BYTES
from generator.site import check
from tests.conftest import FIXTURES
from tests.load_support import each_parser  # noqa: F401  (autouse: both parsers)

HOSTILE = FIXTURES / "load"
DEEP = "values are nested more than 100 levels deep (content needs only a few levels: flatten the structure)"
ALIASES = (
    "aliases make this file more than 10,000 values larger (the limit was passed here)"
    " (write the values out, or repeat fewer of them: content never needs this many)"
)
RECURSIVE = (
    "stands for a value that contains it (a recursive alias)"
    " (an alias may only repeat a value written before it and outside it)"
)
CONTROL = "(delete it: tab, line feed and carriage return are the only control characters a content file may hold"

# (name, file content, every message it gives)
TEXT_CASES: list[tuple[str, str | bytes, list[str]]] = [
    ("recursive alias in a list", "a: &x [1, *x]\n", [f"f.yml:1:11: a[1]: this alias {RECURSIVE}"]),
    (
        "recursive alias in a mapping",
        "a: &x\n  b: *x\n",
        [f"f.yml:2:6: a.b: this alias {RECURSIVE}"],
    ),
    (
        "recursive merge",
        "a: &x {<<: *x, b: 1}\n",
        [
            "f.yml:1:12: a.<<: this merge takes in the mapping that contains it (a recursive alias)"
            " (an alias may only repeat a value written before it and outside it)"
        ],
    ),
    (
        "aliases repeating 10,000 values",
        "a: &a [" + ", ".join(["x"] * 99) + "]\nb: [" + ", ".join(["*a"] * 100) + "]\n",
        [],
    ),
    (
        "aliases repeating 10,100 values",
        "a: &a [" + ", ".join(["x"] * 99) + "]\nb: [" + ", ".join(["*a"] * 101) + "]\n",
        [f"f.yml:2:{5 + 4 * 100}: b[100]: {ALIASES}"],
    ),
    ("100 levels", "a: " + "[" * 99 + "]" * 99 + "\n", []),
    ("101 levels", "a: " + "[" * 100 + "]" * 100 + "\n", [f"f.yml:1:103: a: {DEEP}"]),
    ("101 levels, never closed", "[" * 5_000, [f"f.yml:1:101: [0]: {DEEP}"]),
    (
        "101 levels in blocks",
        "".join(" " * i + "k:\n" for i in range(101)),
        [f"f.yml:101:101: k: {DEEP}"],
    ),
    (
        "101 levels through an alias",
        "a: &a " + "[" * 50 + "]" * 50 + "\nb: " + "[" * 50 + "*a" + "]" * 50 + "\n",
        [f"f.yml:1:{7 + 49}: b: {DEEP}"],
    ),
    (
        "bell",
        "id: x\ntitle: a\x07b\n",
        [f"f.yml:2:9: the control character U+0007 is not allowed in YAML {CONTROL})"],
    ),
    (
        "NUL, after Windows line ends",
        "id: x\r\ntitle: ab\r\nnote: \x00\x00\n",
        [
            f"f.yml:3:7: the control character U+0000 is not allowed in YAML {CONTROL}; 1 more in this file)"
        ],
    ),
    (
        "DEL",
        "id: x\x7f\n",
        [f"f.yml:1:6: the control character U+007F is not allowed in YAML {CONTROL})"],
    ),
    (
        "C1 control",
        "id: \x9b\n",
        [f"f.yml:1:5: the control character U+009B is not allowed in YAML {CONTROL})"],
    ),
    (
        "non-character",
        "id: \ufffe\n",
        [f"f.yml:1:5: the character U+FFFE is not allowed in YAML {CONTROL})"],
    ),
    ("next line (NEL) is a line break, not an error", "id: x\x85title: y\n", []),
    (
        "an integer that is not one",
        "id: x\nn: 0b_\n",
        [
            "f.yml:2:4: n: '0b_' is not a valid !!int value (quote it to keep it as text, or correct it)"
        ],
    ),
    (
        "a tagged float that is not one",
        "id: x\nn: !!float many\n",
        [
            "f.yml:2:4: n: 'many' is not a valid !!float value (quote it to keep it as text, or correct it)"
        ],
    ),
    (
        "a tagged boolean that is not one",
        "id: x\nn: !!bool maybe\n",
        [
            "f.yml:2:4: n: 'maybe' is not a valid !!bool value (quote it to keep it as text, or correct it)"
        ],
    ),
    (
        "a mapping tag on text",
        "id: x\nn: !!map text\n",
        ["f.yml:2:4: n: the tag '!!map' cannot mark a single value (remove the tag)"],
    ),
    (
        "a text tag on a list",
        "id: x\nn: !!str [a]\n",
        ["f.yml:2:4: n: the tag '!!str' cannot mark a list (remove the tag)"],
    ),
    (
        "merging text",
        "id: x\nm: {<<: 1}\n",
        [
            "f.yml:2:9: m.<<: a merge key ('<<') takes a mapping or a list of mappings, not a single"
            " value (merge an alias of a mapping, or write the keys out)"
        ],
    ),
    (
        "an undefined alias",
        "id: *nope\n",
        ["f.yml:1:5: YAML syntax error: found undefined alias 'nope'"],
    ),
    (
        "an anchor defined twice",
        "a: &x 1\nb: &x 2\n",
        [
            "f.yml:2:4: YAML syntax error: second occurrence (found duplicate anchor 'x'; first occurrence)"
        ],
    ),
    (
        "two documents",
        "a: 1\n---\nb: 2\n",
        [
            "f.yml:2:1: YAML syntax error: but found another document"
            " (expected a single document in the stream)"
        ],
    ),
    (
        "a tab between key and value, refused by both parsers alike",
        "id: x\ntitle:\tThe title\n",
        [
            "f.yml:2:7: YAML syntax error: a tab character is used for indentation"
            " (YAML indents with spaces only; replace the tab with spaces)"
        ],
    ),
    (
        # Read and parsed (to its first line: the error keeps the test quick), not refused.
        "a file of exactly the size limit",
        "]\n" + "#" * (MAX_FILE_BYTES - 3) + "\n",
        [
            "f.yml:1:1: YAML syntax error: expected the node content, but found ']' (while parsing a block node)"
        ],
    ),
    (
        "a byte more than the limit",
        "#" * MAX_FILE_BYTES + "\n",
        [
            "f.yml:1:1: the file is larger than 1 MB, the limit for a content file"
            " (split the content into several files)"
        ],
    ),
]


@pytest.mark.parametrize(
    ("content", "expected"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES]
)
def test_text_case(tmp_path: Path, content: str | bytes, expected: list[str]) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    source, errors = load_yaml(path, "f.yml")
    assert [str(e) for e in errors] == expected
    assert (source is None) == bool(expected)


def test_dates_stay_text_even_when_tagged(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_text("id: x\ndate: !!timestamp 2024-01-31\n")
    source, _ = load_yaml(path, "f.yml")
    assert source is not None and source.data["date"] == "2024-01-31"


# (fixture file, its messages: all of them, or the first and the last)
FIXTURE_CASES = [
    ("billion-laughs.yml", [f"billion-laughs.yml:6:14: lol3[0]: {ALIASES}"]),
    ("recursive-alias.yml", [f"recursive-alias.yml:5:5: steps[1]: this alias {RECURSIVE}"]),
    (
        "merge-laughs.yml",
        [
            "merge-laughs.yml:3:10: m1.a: duplicate key 'a' (first defined at line 3) (keep one of the two entries)",
            "merge-laughs.yml:3:64: stopped after 100 errors in this file (fix these and check again)",
        ],
    ),
]


@pytest.mark.parametrize(("name", "expected"), FIXTURE_CASES, ids=[c[0] for c in FIXTURE_CASES])
def test_hostile_file(name: str, expected: list[str]) -> None:
    path = HOSTILE / name
    source, errors = load_yaml(path, name)
    assert source is None
    messages = [str(e) for e in errors]
    assert ([messages[0], messages[-1]] if len(expected) == 2 else messages) == expected


def test_the_billion_laughs_file_is_small() -> None:
    """The file from the issue's report: 5.5 KB that stand for over 10^17 values."""
    assert 5_000 < (HOSTILE / "billion-laughs.yml").stat().st_size < 5_600


def _directory(base: Path) -> Path:
    (base / "f.yml").mkdir()
    return base / "f.yml"


def _broken_link(base: Path) -> Path:
    (base / "f.yml").symlink_to("gone.yml")
    return base / "f.yml"


def _link_loop(base: Path) -> Path:
    (base / "f.yml").symlink_to("g.yml")
    (base / "g.yml").symlink_to("f.yml")
    return base / "f.yml"


def _fifo(base: Path) -> Path:
    os.mkfifo(base / "f.yml")
    return base / "f.yml"


def _link_out(base: Path) -> Path:
    (base.parent / "secret.yml").write_text("password: hunter2\n")
    (base / "f.yml").symlink_to(base.parent / "secret.yml")
    return base / "f.yml"


def _folder_link_out(base: Path) -> Path:
    (base.parent / "elsewhere").mkdir()
    (base.parent / "elsewhere" / "f.yml").write_text("id: x\n")
    (base / "roles").symlink_to(base.parent / "elsewhere")
    return base / "roles" / "f.yml"


def _link_in(base: Path) -> Path:
    (base / "real.yml").write_text("id: x\n")
    (base / "f.yml").symlink_to("real.yml")
    return base / "f.yml"


def _missing(base: Path) -> Path:
    return base / "f.yml"


OUTSIDE = "a symbolic link takes this path outside the project folder, to '{}' (copy the file into the project instead of linking to it)"

# (name, how to make the path inside the project folder, the message or None when it loads)
PATH_CASES: list[tuple[str, Callable[[Path], Path], str | None]] = [
    (
        "a folder",
        _directory,
        "this is a folder, not a YAML file (rename the folder, or put the content in a file of this name)",
    ),
    (
        "a broken link",
        _broken_link,
        "this is a symbolic link to 'gone.yml', which does not exist (point the link at an existing file, or remove it)",
    ),
    (
        "a link loop",
        _link_loop,
        "this symbolic link leads round in a circle (point the link at an existing file, or remove it)",
    ),
    (
        "a named pipe",
        _fifo,
        "this is a named pipe, not a regular file (replace it with a YAML file)",
    ),
    ("a link out of the project", _link_out, OUTSIDE.format("{parent}/secret.yml")),
    (
        "a folder linked out of the project",
        _folder_link_out,
        OUTSIDE.format("{parent}/elsewhere/f.yml"),
    ),
    ("a link within the project", _link_in, None),
    ("a missing file", _missing, "the file does not exist (check the path)"),
]


@pytest.mark.parametrize(
    ("make", "expected"), [c[1:] for c in PATH_CASES], ids=[c[0] for c in PATH_CASES]
)
def test_path_case(tmp_path: Path, make: Callable[[Path], Path], expected: str | None) -> None:
    project = tmp_path / "project"
    project.mkdir()
    path = make(project)
    source, errors = load_yaml(path, "f.yml", sandbox=project)
    if expected is None:
        assert not errors and source is not None and source.data == {"id": "x"}
    else:
        assert [str(e) for e in errors] == [
            "f.yml:1:1: " + expected.format(parent=tmp_path.resolve())
        ]


def test_a_path_given_outside_the_sandbox_is_the_callers_choice(tmp_path: Path) -> None:
    """Only links are checked: a brand file passed with --brand may live anywhere."""
    (tmp_path / "brand.yml").write_text("id: x\n")
    (tmp_path / "project").mkdir()
    source, errors = load_yaml(tmp_path / "brand.yml", "brand.yml", sandbox=tmp_path / "project")
    assert not errors and source is not None


def test_the_fixture_switches_parser(each_parser: str) -> None:  # noqa: F811
    # libyaml reports a plain scalar's style as '' where PyYAML says None.
    root = compose("a: b\n")
    assert root is not None
    assert root.value[0][1].style == ("" if each_parser == "libyaml" else None)


def test_check_reports_what_a_pull_request_could_slip_into_the_content(
    mini_project: Path, tmp_path: Path
) -> None:
    """A link to a secret, a pipe that would block the read, a folder: each a line."""
    roles = mini_project / "playbook" / "roles"
    (tmp_path / "secret.yml").write_text("id: secret\npassword: hunter2\n")
    (roles / "stolen.yml").symlink_to(tmp_path / "secret.yml")
    os.mkfifo(roles / "pipe.yml")
    (roles / "folder.yml").mkdir()
    with pytest.raises(ContentErrors) as info:
        check(mini_project / "mkdocs.yml")
    assert [str(e) for e in info.value.errors] == [
        "playbook/roles/folder.yml:1:1: this is a folder, not a YAML file"
        " (rename the folder, or put the content in a file of this name)",
        "playbook/roles/pipe.yml:1:1: this is a named pipe, not a regular file"
        " (replace it with a YAML file)",
        "playbook/roles/stolen.yml:1:1: " + OUTSIDE.format(f"{tmp_path.resolve()}/secret.yml"),
    ]
