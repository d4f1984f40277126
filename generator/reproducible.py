"""Reproducible builds: every date a build writes comes from the content, not the clock.

MkDocs stamps the sitemap (and its gzip header) with the build date unless
``SOURCE_DATE_EPOCH`` is set. Two builds of one commit on different days must be
byte-identical, so a preview diff shows only real changes: when the variable is
unset, the time of the last git commit is used instead.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "SOURCE_DATE_EPOCH"


def build_epoch(project_root: Path) -> int | None:
    """``$SOURCE_DATE_EPOCH``, else the last commit's time, else None (no git here)."""
    named = os.environ.get(ENV, "").strip()
    if named.isdigit():
        return int(named)
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=project_root,
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git: a build still works, it is just dated today
    stamp = done.stdout.strip()
    return int(stamp) if done.returncode == 0 and stamp.isdigit() else None


@contextmanager
def source_date_epoch(project_root: Path) -> Iterator[int | None]:
    """Set ``SOURCE_DATE_EPOCH`` for the duration of a build, when it is not set already."""
    if os.environ.get(ENV):
        yield build_epoch(project_root)
        return
    epoch = build_epoch(project_root)
    if epoch is None:
        yield None
        return
    os.environ[ENV] = str(epoch)
    try:
        yield epoch
    finally:
        os.environ.pop(ENV, None)
