"""Stage 1, kept between runs: what a YAML text loaded to, keyed by the text itself.

Parsing is most of a large playbook's generation time, and between two builds almost
every file is unchanged (``serve`` rebuilds, a second ``build``, CI after a one-line
pull request). A file that loaded without an error is stored as its data and the
positions of its keys and values, under a hash of its text and of the loader's own
source code, so a changed file or a changed loader never reads an old entry. Files
with errors are never stored: their messages always come from a fresh parse.

The entries live in a private per-user folder (``$XDG_CACHE_HOME/cco-playbook``,
else ``~/.cache/cco-playbook``); ``CCO_PLAYBOOK_CACHE`` names another folder, or
``off`` turns the cache off. A folder that others could write to is not used: an
entry is trusted data. Anything unreadable counts as a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.errors import KeyPath

#: The environment variable naming the cache folder, or ``off``.
CACHE_ENV = "CCO_PLAYBOOK_CACHE"
#: Entries kept; past this, the least recently used are removed at the end of a load.
MAX_ENTRIES = 4096

Marks = dict[KeyPath, tuple[int, int]]
Entry = tuple[Any, Marks, Marks]

_LOADER_SOURCES = ("__init__.py", "file.py", "parse.py", "walk.py", "cache.py")
_pruned: list[bool] = []


@cache
def _salt() -> bytes:
    """What else decides an entry: the loader's code, the marshal format, PyYAML."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}|{yaml.__version__}".encode())
    here = Path(__file__).parent
    for name in _LOADER_SOURCES:
        digest.update((here / name).read_bytes())
    return digest.digest()


@cache
def cache_dir() -> Path | None:
    """The folder entries are kept in, created private; None when off or unsafe."""
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        folder = Path(chosen)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
        folder = Path(base) / "cco-playbook"
    folder = folder / "yaml"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    private = info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return folder if private and stat.S_ISDIR(info.st_mode) else None


def entry_key(text: str, parser: str) -> str:
    """The entry of ``text`` as read by ``parser`` (each parser's results are its own)."""
    digest = hashlib.sha256(_salt())
    digest.update(parser.encode())
    digest.update(b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def read_entry(text_key: str) -> Entry | None:
    """The stored load of a text, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = marshal.loads((folder / text_key).read_bytes())
        os.utime(folder / text_key)  # recently used: the last to be pruned
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (
        isinstance(entry, tuple)
        and len(entry) == 3
        and isinstance(entry[1], dict)
        and isinstance(entry[2], dict)
    ):
        return None
    return entry


def write_entry(text_key: str, data: Any, values: Marks, keys: Marks) -> None:
    """Store a successful load; a full disk or a read-only folder only costs speed."""
    folder = cache_dir()
    if folder is None:
        return
    if not _pruned:
        # Once per run that adds entries: the folder stays bounded at little cost.
        _pruned.append(True)
        prune()
    try:
        blob = marshal.dumps((data, values, keys))
        # Written aside and renamed: a parallel run never reads half an entry.
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".new-")
        with os.fdopen(fd, "wb") as out:
            out.write(blob)
        os.replace(temporary, folder / text_key)
    except (OSError, ValueError):
        return


def prune(limit: int = MAX_ENTRIES) -> None:
    """Remove the least recently used entries past ``limit`` (and stray partial writes)."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        entries = list(_entries(folder))
    except OSError:
        return
    if len(entries) <= limit:
        return
    entries.sort(key=lambda e: e[0])
    for _, path in entries[: len(entries) - limit]:
        with contextlib.suppress(OSError):
            path.unlink()


def _entries(folder: Path) -> Iterator[tuple[float, Path]]:
    with os.scandir(folder) as listing:
        for item in listing:
            if item.is_file(follow_symlinks=False):
                yield item.stat(follow_symlinks=False).st_mtime, Path(item.path)
