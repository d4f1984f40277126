"""Shared by the output tests: snapshots of whole folders, and real file-system faults."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

Snapshot = dict[str, tuple[str, ...]]


def snapshot(root: Path, *, skip: tuple[str, ...] = ()) -> Snapshot:
    """Every entry under ``root``: kind, mode and content (or link target).

    ``skip`` names paths (relative to ``root``) that the tool may write: they and
    everything under them are left out.
    """
    state: Snapshot = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if any(rel == s or rel.startswith(f"{s}/") for s in skip):
                continue
            info = path.lstat()
            mode = oct(stat.S_IMODE(info.st_mode))
            if stat.S_ISLNK(info.st_mode):
                state[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                state[rel] = ("dir", mode)
            else:
                state[rel] = ("file", mode, hashlib.sha256(path.read_bytes()).hexdigest())
    return state


def run_in_process(
    args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Run ``cco-playbook`` in this process (fast for refusals); return status and stderr."""
    monkeypatch.chdir(cwd)
    capsys.readouterr()
    status = main(args)
    return status, capsys.readouterr().err


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("cco-playbook: error:")]


# --- real faults: a full disk, a read-only file system, a folder without permission ----


def _namespace_prefix() -> list[str] | None:
    """How to get a private mount namespace here (root, or an unprivileged user namespace)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for prefix in ([unshare, "-m"], [unshare, "-r", "-m"]):
        probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return prefix
    return None


def run_with_mount(
    args: list[str], cwd: Path, mount: Path, *, size_kb: int, read_only: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the real command with a small tmpfs at ``mount`` (full soon, or read-only).

    Whatever is already in ``mount`` is copied onto the tmpfs first, so a test can
    start from an earlier site and see that it survives the fault.
    """
    prefix = _namespace_prefix()
    if prefix is None:
        pytest.skip("no mount namespace (unshare) on this machine to fake a full or read-only disk")
    seed = cwd.parent / f"{mount.name}-seed"
    shutil.copytree(mount, seed, symlinks=True)
    command = shlex.join([sys.executable, "-m", "generator.cli", *args])
    script = "\n".join(
        [
            "set -e",
            f"mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(mount))}",
            f"cp -a {shlex.quote(str(seed))}/. {shlex.quote(str(mount))}/",
            *([f"mount -o remount,ro {shlex.quote(str(mount))}"] if read_only else []),
            "set +e",
            f"{command}; status=$?",
            # What the command left on the tmpfs, for the test to compare.
            f"cp -a {shlex.quote(str(mount))}/. {shlex.quote(str(seed))}.after/ 2>/dev/null",
            "exit $status",
        ]
    )
    (cwd.parent / f"{mount.name}-seed.after").mkdir()
    return subprocess.run(
        [*prefix, "sh", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def run_without_write_permission(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command so that file permissions apply (root ignores them otherwise)."""
    command = [sys.executable, "-m", "generator.cli", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
        check=False,
    )
