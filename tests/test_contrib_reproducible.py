"""Two builds of one commit on different days are byte-identical, site and ZIP.

Builds on the same day are identical anyway and prove nothing, so each build runs
under Debian's ``faketime`` at a different date.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.reproducible import build_epoch
from tests.helpers import FIXTURES, ROOT

DATES = ("2021-03-04 10:00:00", "2023-11-28 23:30:00")
COMMIT_TIME = "2024-01-02T03:04:05+00:00"
COMMIT_EPOCH = 1704164645


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return {
        **env,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": COMMIT_TIME,
        "GIT_COMMITTER_DATE": COMMIT_TIME,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def _committed_project(tmp: Path, sources: list[Path]) -> Path:
    project = tmp / "project"
    project.mkdir()
    for src in sources:
        copy = shutil.copytree if src.is_dir() else shutil.copy2
        copy(src, project / src.name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "content"]):
        subprocess.run(["git", *args], cwd=project, env=_env(), check=True)
    return project


def _build_at(date: str, project: Path) -> tuple[dict[str, bytes], bytes]:
    command = [
        "faketime",
        date,
        sys.executable,
        "-m",
        "generator.cli",
        "build",
        "--site-dir",
        "site",
        "--zip",
        "out/playbook.zip",
    ]
    done = subprocess.run(
        command, cwd=project, env=_env(), capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    site = project / "site"
    tree = {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }
    archive = (project / "out/playbook.zip").read_bytes()
    shutil.rmtree(site)
    (project / "out/playbook.zip").unlink()
    return tree, archive


def test_faketime_really_moves_the_clock() -> None:
    assert shutil.which("faketime"), "install Debian's faketime ('make browser' does)"
    done = subprocess.run(
        ["faketime", DATES[0], sys.executable, "-c", "import time; print(int(time.time()))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert abs(int(done.stdout) - 1614852000) < 86400 * 2


@pytest.mark.parametrize("which", ["mini", "default"])
def test_builds_on_two_dates_are_byte_identical(tmp_path: Path, which: str) -> None:
    base = FIXTURES / "mini" if which == "mini" else ROOT
    project = _committed_project(tmp_path, [base / "mkdocs.yml", base / "playbook", base / "docs"])
    assert build_epoch(project) == COMMIT_EPOCH or os.environ.get("SOURCE_DATE_EPOCH")
    first_site, first_zip = _build_at(DATES[0], project)
    second_site, second_zip = _build_at(DATES[1], project)
    assert "sitemap.xml.gz" in first_site  # its gzip header carries a date
    assert sorted(first_site) == sorted(second_site)
    differing = [name for name in first_site if first_site[name] != second_site[name]]
    assert differing == []
    assert first_zip == second_zip


def test_source_date_epoch_wins_over_the_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    assert build_epoch(tmp_path) == 1600000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_epoch(tmp_path) is None  # not a git repository: dated today, still builds
