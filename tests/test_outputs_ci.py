"""CI surfaces quote text from pull requests: annotations and the change report must
escape it, so a file name or a title cannot add commands, links, images or HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_contrib_git import commit_all, git

HOSTILE_NAME = "x,y:z%0A%\n::warning title=pwned::gotcha\r.yml"
HOSTILE_TITLE = (
    "[click](https://evil.example) <img src=x onerror=alert(1)> | *@team* www.evil.example"
    " ![i](https://evil.example/t.png) `code` <!-- c --> &amp; # not a heading \\"
)
_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _decode_property(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def _decode_data(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_github_annotations_escape_file_names_and_messages(mini_project: Path) -> None:
    roles = mini_project / "playbook" / "roles"
    (roles / HOSTILE_NAME).write_text("id: [\n", encoding="utf-8")
    cco = roles / "cco.yml"
    cco.write_text(cco.read_text().replace("title:", "ti%0A::warning::tle:", 1), encoding="utf-8")

    result = run_cli("check", "--format", "github", cwd=mini_project)

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::error file=") for line in lines), result.stdout
    parsed = [
        re.fullmatch(r"::error file=([^,]*),line=(\d+),col=(\d+)::(.*)", line) for line in lines
    ]
    assert all(parsed), lines
    files = {_decode_property(m.group(1)) for m in parsed if m}
    assert files == {f"playbook/roles/{HOSTILE_NAME}", "playbook/roles/cco.yml"}
    messages = [_decode_data(m.group(4)) for m in parsed if m]
    assert any("ti%0A::warning::tle" in text for text in messages), messages
    # Text mode: one line per error, with the control characters shown, not acted on.
    text = run_cli("check", cwd=mini_project)
    assert not [line for line in text.stderr.splitlines() if line.lstrip().startswith("::")]
    assert "x,y:z%0A%\\n::warning title=pwned::gotcha\\r.yml:" in text.stderr


def _is_literal_markdown(segment: str) -> bool:
    """Whether CommonMark reads ``segment`` as plain text: every ASCII punctuation mark
    is backslash-escaped, and it holds no line break."""
    chars = iter(segment)
    for char in chars:
        if char == "\\":
            if next(chars, "") not in _PUNCTUATION:
                return False
        elif char in _PUNCTUATION or char in "\r\n":
            return False
    return True


def _unescape(segment: str) -> str:
    return re.sub(r"\\(.)", r"\1", segment)


@pytest.fixture
def hostile_change(mini_project: Path) -> tuple[Path, str]:
    git(mini_project, "init", "-q", "-b", "main")
    base = commit_all(mini_project, "base")
    roles = mini_project / "playbook" / "roles"
    cco = roles / "cco.yml"
    title = HOSTILE_TITLE.replace("\\", "\\\\").replace('"', '\\"')
    cco.write_text(
        re.sub(r"(?m)^title: .*$", lambda _: f'title: "{title}"', cco.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    (roles / "adviser.yml").write_text(
        cco.read_text(encoding="utf-8").replace("id: cco", "id: adviser"), encoding="utf-8"
    )
    (roles / "a`b ## x <img src=y>.yml").write_text("id: [\n", encoding="utf-8")
    brand = mini_project / "playbook" / "brand.yml"
    brand.write_text(
        brand.read_text().replace("name: Mini Co", 'name: "`Mini` [Co](https://evil.example)"')
    )
    return mini_project, base


def test_diff_quotes_titles_as_plain_text(hostile_change: tuple[Path, str]) -> None:
    project, base = hostile_change
    result = run_cli("diff", base, cwd=project)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    changed = re.search(r"^- \*\*changed\*\* `cco` \((.*)\): `title`$", report, re.MULTILINE)
    added = re.search(r"^- \*\*added\*\* `adviser` \((.*)\)$", report, re.MULTILINE)
    assert changed and added, report
    for match in (changed, added):
        assert _is_literal_markdown(match.group(1)), match.group(1)
        assert _unescape(match.group(1)) == HOSTILE_TITLE


def test_diff_quotes_file_names_and_values_as_code(hostile_change: tuple[Path, str]) -> None:
    project, base = hostile_change
    report = run_cli("diff", base, cwd=project).stdout
    [unreadable] = [line for line in report.splitlines() if line.startswith("Not compared")]
    assert unreadable.endswith(": `playbook/roles/a'b ## x <img src=y>.yml`")
    [name] = [line for line in report.splitlines() if line.startswith("- **changed** `name`")]
    # Each value is exactly one code span: its backticks are the two around it.
    assert name == "- **changed** `name`: `Mini Co` → `'Mini' [Co](https://evil.example)`"
    assert len(report.splitlines()) == len(report.split("\n")) - 1
