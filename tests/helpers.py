"""Helpers the tests share: the repository's folders, real commands in subprocesses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_default_project(project: Path) -> Path:
    """Copy the repository's project (mkdocs.yml, playbook/, docs/, examples/) into ``project``."""
    project.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "playbook", "docs", "examples"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        else:
            shutil.copy2(src, project / name)
    return project


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``cco-playbook`` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


def run_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


@dataclass
class PageWatch:
    """What a page did that a test may want to assert on."""

    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
