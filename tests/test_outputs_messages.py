"""Every failure the tool can meet while reading its configuration or writing its outputs
is one line with exit status 1 or 2: never a traceback, and nothing else changed.

The disk faults are real: a tiny tmpfs that fills up, a read-only remount, a folder
without write permission.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.outputs_support import (
    error_lines,
    run_in_process,
    run_with_mount,
    run_without_write_permission,
    snapshot,
)

pytestmark = pytest.mark.slow

FULL = "the disk is full; free some space and build again"
READ_ONLY = "the file system is read-only; choose a folder you can write to"
DENIED = "permission denied; choose a folder you can write to"

# (case, command, read-only?, expected message); the tmpfs is mounted at out/.
DISK_FAULTS: list[tuple[str, list[str], bool, str]] = [
    (
        "site on a full disk",
        ["build", "--site-dir", "out/site"],
        False,
        f"cannot write the site 'out/site': {FULL}",
    ),
    (
        "zip on a full disk",
        ["build", "--site-dir", "site", "--zip", "out/playbook.zip"],
        False,
        f"cannot write the ZIP 'out/playbook.zip': {FULL}",
    ),
    (
        "pdf on a full disk",
        ["build", "--site-dir", "site", "--pdf", "out/playbook.pdf"],
        False,
        f"cannot write the PDF 'out/playbook.pdf': {FULL}",
    ),
    (
        "render on a full disk",
        ["render", "--out", "out/rendered"],
        False,
        f"cannot write the rendered project 'out/rendered': {FULL}",
    ),
    (
        "site on a read-only disk",
        ["build", "--site-dir", "out/site"],
        True,
        f"cannot write the site 'out/site': {READ_ONLY}",
    ),
    (
        "zip on a read-only disk",
        ["build", "--site-dir", "site", "--zip", "out/playbook.zip"],
        True,
        f"cannot write the ZIP 'out/playbook.zip': {READ_ONLY}",
    ),
    (
        "pdf on a read-only disk",
        ["build", "--site-dir", "site", "--pdf", "out/playbook.pdf"],
        True,
        f"cannot write the PDF 'out/playbook.pdf': {READ_ONLY}",
    ),
]


@pytest.mark.parametrize(
    ("args", "read_only", "message"), [c[1:] for c in DISK_FAULTS], ids=[c[0] for c in DISK_FAULTS]
)
def test_a_disk_fault_is_one_line_and_leaves_no_litter(
    mini_project: Path, args: list[str], read_only: bool, message: str
) -> None:
    out = mini_project / "out"
    out.mkdir()
    (out / "keep.txt").write_text("someone's file", encoding="utf-8")
    before = snapshot(mini_project, skip=("site",))

    result = run_with_mount(args, mini_project, out, size_kb=100, read_only=read_only)

    assert result.returncode == 1, result.stderr
    assert error_lines(result.stderr) == [f"cco-playbook: error: {message}"], result.stderr
    assert "Traceback" not in result.stderr
    # What the tmpfs held afterwards: the file that was there, and nothing half-written.
    # (A failed render keeps its own marked folder, which the next render replaces.)
    after = snapshot(mini_project.parent / "out-seed.after", skip=("rendered",))
    assert after == snapshot(mini_project.parent / "out-seed")
    assert snapshot(mini_project, skip=("site",)) == before


def test_a_full_disk_keeps_the_previous_site(mini_project: Path) -> None:
    out = mini_project / "out"
    out.mkdir()
    assert run_cli("build", "--site-dir", "out/site", cwd=mini_project).returncode == 0
    old = snapshot(out)
    used = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) // 1024
    # Room for the old site and a little more, not for a second copy beside it.
    result = run_with_mount(
        ["build", "--site-dir", "out/site"], mini_project, out, size_kb=used * 3 // 2
    )
    assert result.returncode == 1, result.stderr
    assert error_lines(result.stderr) == [
        f"cco-playbook: error: cannot write the site 'out/site': {FULL}"
    ]
    assert snapshot(mini_project.parent / "out-seed.after") == old


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--site-dir", "locked/site"], f"cannot write the site 'locked/site': {DENIED}"),
        (
            ["build", "--site-dir", "site", "--zip", "locked/playbook.zip"],
            f"cannot write the ZIP 'locked/playbook.zip': {DENIED}",
        ),
    ],
    ids=["site", "zip"],
)
def test_a_folder_without_write_permission(
    mini_project: Path, args: list[str], message: str
) -> None:
    locked = mini_project / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        before = snapshot(mini_project, skip=("site",))
        result = run_without_write_permission(args, mini_project)
        after = snapshot(mini_project, skip=("site",))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert error_lines(result.stderr) == [f"cco-playbook: error: {message}"], result.stderr
    assert after == before


def test_an_unreadable_source_is_named_as_one(mini_project: Path) -> None:
    page = mini_project / "docs" / "index.md"
    page.chmod(0o000)
    try:
        result = run_without_write_permission(["build", "--site-dir", "site"], mini_project)
    finally:
        page.chmod(0o644)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "cco-playbook: error: cannot read 'docs/index.md': Permission denied"
    ]
    assert not (mini_project / "site").exists()
    assert [p.name for p in mini_project.iterdir() if p.name.startswith(".site")] == []


# --- the environment and the configuration: usage errors, exit 2 ------------------

EPOCH = (
    "SOURCE_DATE_EPOCH={value} is not a time in seconds since 1970 (a whole number from 0 to"
    " 4294967295); unset it, or set it e.g. to the last commit's time:"
    " SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)"
)


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "1e9", "99999999999", "１２３"])
def test_a_bad_source_date_epoch_is_refused_before_anything_is_written(
    mini_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    value: str,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    before = snapshot(mini_project.parent)
    status, stderr = run_in_process(["build", "--zip", "p.zip"], mini_project, monkeypatch, capsys)
    assert status == 2
    assert error_lines(stderr) == [f"cco-playbook: error: {EPOCH.format(value=repr(value))}"]
    assert snapshot(mini_project.parent) == before


def test_a_blank_source_date_epoch_counts_as_unset(mini_project: Path) -> None:
    result = run_cli(
        "build", "--site-dir", "site", cwd=mini_project, env={"SOURCE_DATE_EPOCH": " "}
    )
    assert result.returncode == 0, result.stderr


CONFIGS: list[tuple[str, str, str]] = [
    ("empty", "", "c.yml: site_name: Required configuration not provided."),
    ("a list", "- a\n", "c.yml:1:1: the configuration is a list; it must be a mapping of settings"),
    (
        "a string",
        "just text\n",
        "c.yml:1:1: the configuration is a single value; it must be a mapping of settings",
    ),
    ("a number", "42\n", "c.yml:1:1: the configuration is a single value"),
    (
        "inherits from itself",
        "site_name: x\nINHERIT: c.yml\n",
        "c.yml: the configuration nests too deeply, or its INHERIT chain leads back to itself",
    ),
    (
        "unknown Markdown extension",
        "site_name: x\nplugins: [cco-playbook]\nmarkdown_extensions: [nope]\n",
        "c.yml: markdown_extensions: Failed to load extension 'nope'. ModuleNotFoundError: No"
        " module named 'nope'",
    ),
    (
        "unknown theme",
        "site_name: x\nplugins: [cco-playbook]\ntheme: {name: nope}\n",
        "c.yml: theme: Unrecognised theme name: 'nope'.",
    ),
    (
        "nav not a list",
        "site_name: x\nplugins: [cco-playbook]\nnav: 3\n",
        "c.yml: nav: Expected nav to be a list, got a int: 3",
    ),
    (
        "site_dir holds docs",
        "site_name: x\nplugins: [cco-playbook]\nsite_dir: docs\n",
        "c.yml: site_dir: The 'docs_dir' should not be within the 'site_dir'",
    ),
    (
        "bad YAML",
        "site_name: [x\n",
        "c.yml:2:1: invalid YAML: expected ',' or ']', but got '<stream end>'"
        " (while parsing a flow sequence)",
    ),
    (
        "unknown tag",
        "site_name: !shout x\n",
        "c.yml:1:12: invalid YAML: could not determine a constructor for the tag '!shout'",
    ),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in CONFIGS], ids=[c[0] for c in CONFIGS])
@pytest.mark.parametrize("command", [["check"], ["build"], ["render", "--out", "r"]])
def test_a_configuration_error_keeps_mkdocs_reason(
    mini_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    message: str,
    command: list[str],
) -> None:
    (mini_project / "c.yml").write_text(text, encoding="utf-8")
    before = snapshot(mini_project.parent)
    status, stderr = run_in_process(["-f", "c.yml", *command], mini_project, monkeypatch, capsys)
    assert status == 2
    [line] = error_lines(stderr)
    assert line.startswith(f"cco-playbook: error: {message}"), stderr
    assert "Aborted with" not in stderr
    assert snapshot(mini_project.parent) == before


def test_the_configuration_as_a_folder_is_a_usage_error(
    mini_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_project / "conf.yml").mkdir()
    status, stderr = run_in_process(["-f", "conf.yml", "check"], mini_project, monkeypatch, capsys)
    assert status == 2
    assert error_lines(stderr) == [
        "cco-playbook: error: no MkDocs configuration at 'conf.yml'; run the command in a project"
        " folder or name the file with -f path/to/mkdocs.yml"
    ]
    shutil.rmtree(mini_project / "conf.yml")
