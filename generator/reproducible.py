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

from generator.errors import UsageError

ENV = "SOURCE_DATE_EPOCH"
#: The latest time every stamp can hold: a gzip header (the sitemap) counts in 32 bits.
LATEST = 2**32 - 1


def check_source_date_epoch() -> int | None:
    """``$SOURCE_DATE_EPOCH`` as a number, None when unset; a usage error when malformed."""
    named = os.environ.get(ENV, "").strip()
    if not named:
        return None
    if not named.isascii() or not named.isdigit() or int(named) > LATEST:
        raise UsageError(
            f"{ENV}={named[:40]!r} is not a time in seconds since 1970 (a whole number from"
            f" 0 to {LATEST}); unset it, or set it e.g. to the last commit's time:"
            f" {ENV}=$(git log -1 --format=%ct)"
        )
    return int(named)


def build_epoch(project_root: Path) -> int | None:
    """``$SOURCE_DATE_EPOCH``, else the last commit's time, else None (no git here)."""
    named = check_source_date_epoch()
    if named is not None:
        return named
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
    if check_source_date_epoch() is not None:
        yield build_epoch(project_root)
        return
    # Unset, or set but blank (which MkDocs would fail to read): use the commit's time.
    before = os.environ.pop(ENV, None)
    epoch = build_epoch(project_root)
    if epoch is not None:
        os.environ[ENV] = str(epoch)
    try:
        yield epoch
    finally:
        os.environ.pop(ENV, None)
        if before is not None:
            os.environ[ENV] = before
