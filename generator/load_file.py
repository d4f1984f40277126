"""Stage 1, first step: a content file's text, or a located reason it cannot be read.

Content arrives by pull request, so a path may be anything: a folder, a link that
leads nowhere or out of the project, a named pipe that would block a read for ever,
a file of a gigabyte. The file's type is checked before it is opened, and the read
never waits and never takes more than the size limit.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from generator.errors import ContentError

#: The largest content file read; a playbook file is a few kilobytes.
MAX_FILE_BYTES = 1_000_000

# What YAML allows in a stream (the pure-Python reader's own test): tab, line feed and
# carriage return are the only control characters.
_NOT_ALLOWED = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# What YAML counts as a line break, so a position agrees with the parser's.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class _Refused(Exception):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def read_text(path: Path, display: str, sandbox: Path | None = None) -> str | ContentError:
    """The text of ``path`` (UTF-8, without a byte order mark), or why it cannot be read.

    With ``sandbox``, a path inside that folder must stay inside it once every
    symbolic link is followed.
    """
    try:
        _check_path(path, sandbox)
        raw = _read_regular_file(path)
    except _Refused as refused:
        return ContentError(display, 1, 1, (), refused.message, refused.hint)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return ContentError(
            display,
            line,
            col,
            (),
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8 in your editor",
        )
    text = text.removeprefix("\ufeff")
    bad = _NOT_ALLOWED.search(text)
    if bad is None:
        return text
    return _character_error(display, text, bad.start())


def _check_path(path: Path, sandbox: Path | None) -> None:
    try:
        link = path.lstat()
    except FileNotFoundError:
        raise _Refused("the file does not exist", "check the path") from None
    except OSError as exc:
        raise _unreadable(exc) from None
    if sandbox is not None and _inside(os.path.abspath(path), os.path.abspath(sandbox)):
        real = os.path.realpath(path)
        if not _inside(real, os.path.realpath(sandbox)):
            raise _Refused(
                f"a symbolic link takes this path outside the project folder, to '{real}'",
                "copy the file into the project instead of linking to it",
            )
    try:
        info = path.stat()
    except FileNotFoundError:
        target = os.readlink(path) if stat.S_ISLNK(link.st_mode) else "?"
        raise _Refused(
            f"this is a symbolic link to '{target}', which does not exist",
            "point the link at an existing file, or remove it",
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _Refused(
                "this symbolic link leads round in a circle",
                "point the link at an existing file, or remove it",
            ) from None
        raise _unreadable(exc) from None
    _check_type(info.st_mode)
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large()


def _check_type(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _Refused(
            "this is a folder, not a YAML file",
            "rename the folder, or put the content in a file of this name",
        )
    for test, kind in _SPECIAL_FILES:
        if test(mode):
            raise _Refused(f"this is {kind}, not a regular file", "replace it with a YAML file")


def _read_regular_file(path: Path) -> bytes:
    """Read at most the size limit, and never wait: the file may change after the checks."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _unreadable(exc) from None
    try:
        _check_type(os.fstat(fd).st_mode)
        chunks = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _unreadable(exc) from None
    finally:
        os.close(fd)
    if left <= 0:
        raise _too_large()
    return b"".join(chunks)


def _character_error(display: str, text: str, index: int) -> ContentError:
    before = text[:index]
    breaks = list(_BREAK.finditer(before))
    line = len(breaks) + 1
    column = index - (breaks[-1].end() if breaks else 0) + 1
    char = text[index]
    what = "control character" if ord(char) < 0xA0 else "character"
    more = len(_NOT_ALLOWED.findall(text)) - 1
    elsewhere = f"; {more} more in this file" if more else ""
    return ContentError(
        display,
        line,
        column,
        (),
        f"the {what} U+{ord(char):04X} is not allowed in YAML",
        f"delete it: tab, line feed and carriage return are the only control characters"
        f" a content file may hold{elsewhere}",
    )


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _too_large() -> _Refused:
    return _Refused(
        f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB, the limit for a content file",
        "split the content into several files",
    )


def _unreadable(exc: OSError) -> _Refused:
    reason = exc.strerror or type(exc).__name__
    return _Refused(
        f"the file cannot be read ({reason})", "check that the file exists and may be read"
    )
