"""Stage 1: the loader refuses unsafe or broken YAML with a located message.

Every test here runs twice: with libyaml's parser and with the pure-Python one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.load import load_yaml
from tests.load_support import each_parser  # noqa: F401  (autouse: both parsers)


def load(tmp_path: Path, content: bytes | str) -> tuple[object, list[ContentError]]:
    path = tmp_path / "file.yml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return load_yaml(path, "file.yml")


def only_error(tmp_path: Path, content: bytes | str) -> str:
    source, errors = load(tmp_path, content)
    assert source is None
    assert len(errors) == 1, errors
    return str(errors[0])


def test_python_tag_is_refused(tmp_path: Path) -> None:
    message = only_error(tmp_path, 'id: x\nrun: !!python/object/apply:os.system ["echo hi"]\n')
    assert message == (
        "file.yml:2:6: run: the tag '!!python/object/apply:os.system' is not allowed"
        " (content is plain YAML: remove the tag and write the value itself)"
    )


def test_custom_tag_is_refused(tmp_path: Path) -> None:
    message = only_error(tmp_path, "id: x\ntitle: !include other.yml\n")
    assert message.startswith("file.yml:2:8: title: the tag '!include' is not allowed")


def test_duplicate_key(tmp_path: Path) -> None:
    message = only_error(tmp_path, "id: x\nnested:\n  title: a\n  title: b\n")
    assert message == (
        "file.yml:4:3: nested.title: duplicate key 'title' (first defined at line 3)"
        " (keep one of the two entries)"
    )


def test_tab_indentation(tmp_path: Path) -> None:
    message = only_error(tmp_path, "id: x\nitems:\n\t- a\n")
    assert message == (
        "file.yml:3:1: YAML syntax error: a tab character is used for indentation"
        " (YAML indents with spaces only; replace the tab with spaces)"
    )


def test_not_utf8(tmp_path: Path) -> None:
    message = only_error(tmp_path, b"id: x\ntitle: caf\xe9\n")
    assert message == (
        "file.yml:2:11: the file is not UTF-8 text (byte 0xe9) (save the file as UTF-8 in your editor)"
    )


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    assert only_error(tmp_path, content) == (
        "file.yml:1:1: the file is empty (write the content as a YAML mapping)"
    )


def test_top_level_must_be_mapping(tmp_path: Path) -> None:
    message = only_error(tmp_path, "- a\n- b\n")
    assert message.startswith("file.yml:1:1: expected a mapping of keys to values")


def test_syntax_error_is_located(tmp_path: Path) -> None:
    message = only_error(tmp_path, "id: x\nlist: [a, b\nnext: 1\n")
    assert message.startswith("file.yml:3:5: YAML syntax error: expected ',' or ']'")


def test_every_value_and_key_keeps_its_position(tmp_path: Path) -> None:
    source, errors = load(tmp_path, "id: x\nquestions:\n  - id: q1\n    text: Hello\n")
    assert not errors and source is not None
    assert source.values[("questions", 0, "text")].line == 4
    assert source.values[("questions", 0, "text")].column == 11
    assert source.keys[("questions", 0, "text")].column == 5
    # A path the file does not have falls back to its closest parent.
    assert source.locate(("questions", 0, "missing")).line == 3


def test_dates_stay_text(tmp_path: Path) -> None:
    source, _ = load(tmp_path, "id: x\nversion: 2024-01-31\n")
    assert source is not None
    assert source.data["version"] == "2024-01-31"  # type: ignore[attr-defined]


def test_bom_is_ignored(tmp_path: Path) -> None:
    source, errors = load(tmp_path, "\ufeffid: x\n".encode())
    assert not errors and source is not None
