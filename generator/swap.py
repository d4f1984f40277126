"""Replace a folder in one step, so a reader or a web server always finds a whole site.

A build writes into a staging folder beside the target (same file system, so a rename
is atomic) and then swaps it in. Where the system can exchange two paths atomically
(Linux ``renameat2``, macOS ``renamex_np``) there is no instant without the target;
elsewhere the old folder is first moved to a fixed name beside it, so a run killed
between the two renames is recovered by the next one. One lock per target keeps two
builds from swapping the same folder at once, and each run clears what a killed run
left behind (staging folders, the moved-aside site, its lock file).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ProjectError, display_path
from generator.outputs import partial_file

if sys.platform == "win32":  # pragma: no cover - the tool is built and tested on POSIX
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


Progress = Callable[[str], None]


def lock_file(target: Path) -> Path:
    """The lock of an output: a hidden file beside it, present only while a run holds it."""
    return target.with_name(f".{target.name}.lock")


def backup_folder(target: Path) -> Path:
    """Where the old folder waits while the new one is renamed in (no atomic exchange)."""
    return target.with_name(f".{target.name}.old")


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.staging-"


@contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold the lock of ``target`` for the duration; refuse at once if another run holds it."""
    path = lock_file(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        # Never through a link: whatever one points at would be truncated.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            _try_lock(fd)
        except OSError as exc:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            who = f" (process {holder})" if holder.isdigit() else ""
            raise ProjectError(
                f"another cco-playbook run is writing '{display_path(target)}'{who}; wait for"
                " it to finish, or write somewhere else"
            ) from exc
        # The previous holder removes the file as it leaves: lock the file that is there now.
        try:
            current = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


@contextmanager
def claimed_file(path: Path) -> Iterator[None]:
    """Hold the lock of a file output, and clear what a killed run left at its partial name."""
    with output_lock(path):
        # Removed, never written through: it may be a leftover, or a link planted there.
        partial_file(path).unlink(missing_ok=True)
        try:
            yield
        finally:
            partial_file(path).unlink(missing_ok=True)


@dataclass(frozen=True)
class FolderSwap:
    """A staging folder, built by the caller, that :meth:`publish` swaps in for ``target``."""

    target: Path
    staging: Path
    marker: str

    def publish(self) -> None:
        """Mark the staging folder as ours, give it normal permissions, swap it in."""
        (self.staging / self.marker).write_text(
            "Written by 'cco-playbook build'; the next build replaces this whole folder.\n",
            encoding="utf-8",
        )
        # mkdtemp makes the folder private (0700) whatever the umask: publish it as
        # mkdir would have made it, or a web server running as another user answers 403.
        os.chmod(self.staging, 0o777 & ~_umask())
        if self.target.is_dir() and exchange(self.staging, self.target):
            return  # the old site now sits at the staging path, which is removed on exit
        replace_by_renames(self.staging, self.target)


@contextmanager
def folder_swap(target: Path, marker: str, progress: Progress) -> Iterator[FolderSwap]:
    """Lock ``target``, recover from earlier runs, and hand out a fresh staging folder.

    On leaving, the staging folder (or the old site it now holds) is removed and the
    lock released, whether or not the new folder was published.
    """
    with output_lock(target):
        recover(target, progress)
        staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(target), dir=target.parent))
        try:
            yield FolderSwap(target, staging, marker)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def recover(target: Path, progress: Progress) -> None:
    """Undo or finish what a killed run left beside ``target`` (call under its lock)."""
    backup = backup_folder(target)
    if backup.is_dir() and not backup.is_symlink():
        if os.path.lexists(target):
            shutil.rmtree(backup)
        else:
            backup.rename(target)
            progress(
                f"put back {display_path(target)}/, which an interrupted build had moved aside"
            )
    for stale in target.parent.glob(f"{_staging_prefix(target)}*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)


def replace_by_renames(new: Path, target: Path) -> None:
    """Move ``target`` aside to a fixed name, rename ``new`` in, then drop the old one.

    Killed between the two renames, the target is missing and the old folder waits at
    :func:`backup_folder`; :func:`recover` puts it back on the next run.
    """
    backup = backup_folder(target)
    if target.is_dir():
        target.rename(backup)
        try:
            new.rename(target)
        except OSError:
            backup.rename(target)
            raise
        shutil.rmtree(backup)
    else:
        new.rename(target)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step; False where the system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    a, b = os.fsencode(first), os.fsencode(second)
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        at_fdcwd, rename_exchange = -100, 2
        result = libc.renameat2(at_fdcwd, a, at_fdcwd, b, rename_exchange)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        rename_swap = 2
        result = libc.renamex_np(a, b, rename_swap)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # e.g. a network file system: fall back to two renames
    raise OSError(code, os.strerror(code), str(second))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
