"""The site swap: always a whole site in place, recovered after a kill, one build at a time,
published with normal permissions, and nothing left behind."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.outputs import SITE_MARKER
from generator.swap import (
    backup_folder,
    exchange,
    lock_file,
    output_lock,
    recover,
    replace_by_renames,
)
from tests.conftest import run_cli
from tests.outputs_support import error_lines, snapshot

pytestmark = pytest.mark.slow


def _folder(path: Path, **files: str) -> Path:
    path.mkdir(parents=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _leftovers(project: Path, name: str = "site") -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(f".{name}."))


# --- the steps, on real folders -------------------------------------------------


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    old = _folder(tmp_path / "site", page="old")
    new = _folder(tmp_path / ".site.staging-1", page="new")
    swapped = exchange(new, old)
    if sys.platform.startswith("linux"):
        assert swapped  # renameat2(RENAME_EXCHANGE): ext4, tmpfs, btrfs, xfs all have it
    if swapped:
        assert (old / "page").read_text() == "new"
        assert (new / "page").read_text() == "old"


def test_replace_by_renames_keeps_nothing_but_the_new_folder(tmp_path: Path) -> None:
    target = _folder(tmp_path / "site", page="old")
    new = _folder(tmp_path / ".site.staging-1", page="new")
    replace_by_renames(new, target)
    assert (target / "page").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


Kill = Callable[[Path], None]


def _between_the_renames(tmp: Path) -> None:
    _folder(tmp / ".site.old", page="old")


def _while_removing_the_old_site(tmp: Path) -> None:
    _folder(tmp / "site", page="new")
    _folder(tmp / ".site.old" / "half", rest="old")


def _during_a_build(tmp: Path) -> None:
    _folder(tmp / "site", page="old")
    _folder(tmp / ".site.staging-abc1" / "assets", half="written")
    _folder(tmp / ".site.staging-def2")


KILLS: list[tuple[str, Kill, str]] = [
    ("between the two renames", _between_the_renames, "old"),
    ("while removing the old site", _while_removing_the_old_site, "new"),
    ("during a build", _during_a_build, "old"),
]


@pytest.mark.parametrize(("kill", "page"), [k[1:] for k in KILLS], ids=[k[0] for k in KILLS])
def test_recover_puts_back_or_finishes_what_a_killed_run_left(
    tmp_path: Path, kill: Kill, page: str
) -> None:
    kill(tmp_path)
    neighbours = {
        ".site-notes": _folder(tmp_path / ".site-notes", mine="keep"),
        "site.bak": _folder(tmp_path / "site.bak", mine="keep"),
        ".sitemap": _folder(tmp_path / ".sitemap", mine="keep"),
    }
    messages: list[str] = []
    recover(tmp_path / "site", messages.append)
    assert (tmp_path / "site" / "page").read_text() == page
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", *neighbours])
    assert all((p / "mine").read_text() == "keep" for p in neighbours.values())
    assert bool(messages) == (kill is _between_the_renames)


def test_the_lock_is_gone_after_use_and_a_stale_one_does_not_block(tmp_path: Path) -> None:
    target = tmp_path / "site"
    lock_file(target).write_text("999999\n")  # left by a run that was killed
    with output_lock(target):
        assert lock_file(target).read_text() == f"{os.getpid()}\n"
    assert not lock_file(target).exists()


def test_a_link_planted_at_a_lock_or_partial_name_is_never_written_through(
    mini_project: Path,
) -> None:
    config = mini_project / "mkdocs.yml"
    before = config.read_bytes()
    lock_file(mini_project / "site").symlink_to(config)
    (mini_project / ".p.zip.partial").symlink_to(config)
    result = run_cli("build", "--site-dir", "site", "--zip", "p.zip", cwd=mini_project)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "cco-playbook: error: cannot write the site 'site': a link stands where the tool keeps"
        " its lock; remove the link"
    ]
    assert config.read_bytes() == before
    assert not (mini_project / ".p.zip.partial").is_symlink()  # the link was removed


# --- the whole command ------------------------------------------------------------


def test_a_second_build_of_the_same_site_is_refused_while_one_runs(mini_project: Path) -> None:
    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    before = snapshot(mini_project, skip=(".site.lock",))
    with output_lock(mini_project / "site"):
        result = run_cli("build", "--site-dir", "site", cwd=mini_project)
        assert snapshot(mini_project, skip=(".site.lock",)) == before
    assert result.returncode == 1
    assert (
        f"cco-playbook: error: another cco-playbook run is writing 'site' (process {os.getpid()});"
        " wait for it to finish, or write somewhere else" in result.stderr.splitlines()
    )
    assert "Traceback" not in result.stderr


def test_a_killed_swap_is_recovered_even_when_the_next_build_fails(mini_project: Path) -> None:
    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    built = snapshot(mini_project / "site")
    # The state a kill leaves between the two renames, plus a killed build's litter.
    (mini_project / "site").rename(backup_folder(mini_project / "site"))
    _folder(mini_project / ".site.staging-x1y2" / "roles", half="written")
    lock_file(mini_project / "site").write_text("999999\n")
    _folder(mini_project / "dist")
    (mini_project / "dist" / ".playbook.zip.partial").write_bytes(b"PK\x03\x04 half")
    role = mini_project / "playbook" / "roles" / "ceo.yml"
    role.write_text(role.read_text().replace("related: [roles/cco]", "related: [roles/cxo]"))

    result = run_cli("build", "--site-dir", "site", "--zip", "dist/playbook.zip", cwd=mini_project)

    assert result.returncode == 1
    assert "unknown page 'roles/cxo'" in result.stderr
    assert "put back site/, which an interrupted build had moved aside" in result.stderr
    assert snapshot(mini_project / "site") == built
    assert _leftovers(mini_project) == []
    assert os.listdir(mini_project / "dist") == []


def test_the_site_is_never_missing_while_a_build_replaces_it(mini_project: Path) -> None:
    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    index = mini_project / "site" / "index.html"
    seen = {"checks": 0, "missing": 0}
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen["checks"] += 1
            if not index.is_file():
                seen["missing"] += 1

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    finally:
        done.set()
        watcher.join()
    assert result.returncode == 0, result.stderr
    assert seen["checks"] > 100 and seen["missing"] == 0, seen
    assert (mini_project / "site" / SITE_MARKER).is_file()
    assert _leftovers(mini_project) == []


def _modes(folder: Path) -> set[tuple[str, int]]:
    found = {("dir", stat.S_IMODE(folder.stat().st_mode))}
    for path in folder.rglob("*"):
        found.add(("dir" if path.is_dir() else "file", stat.S_IMODE(path.stat().st_mode)))
    return found


@pytest.mark.parametrize(
    ("umask", "folders", "files"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)]
)
def test_the_site_and_the_zip_are_published_as_the_umask_says(
    mini_project: Path, umask: int, folders: int, files: int
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site-dir", "site", "--zip", "p.zip"],
        cwd=mini_project,
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(umask),
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _modes(mini_project / "site") == {("dir", folders), ("file", files)}
    assert stat.S_IMODE((mini_project / "p.zip").stat().st_mode) == files


def test_an_unmarked_site_from_an_earlier_version_is_still_replaced(mini_project: Path) -> None:
    """Sites built before the marker existed (or by plain 'mkdocs build') are recognised."""
    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    (mini_project / "site" / SITE_MARKER).unlink()
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    assert (mini_project / "site" / SITE_MARKER).is_file()


def test_the_marker_stays_out_of_the_zip(mini_project: Path) -> None:
    import zipfile

    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    assert (
        run_cli("build", "--site-dir", "site", "--zip", "p.zip", cwd=mini_project).returncode == 0
    )
    names = zipfile.ZipFile(mini_project / "p.zip").namelist()
    assert not [n for n in names if SITE_MARKER in n]
    shutil.rmtree(mini_project / "site")


def test_a_terminated_build_cleans_up_and_keeps_the_old_site(mini_project: Path) -> None:
    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    built = snapshot(mini_project / "site")
    build = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", "--site-dir", "site", "--zip", "p.zip"],
        cwd=mini_project,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(mini_project.glob(".site.staging-*/*")) and time.monotonic() < deadline:
        time.sleep(0.01)  # until MkDocs is writing into the staging folder
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=120)
    assert build.returncode == 128 + signal.SIGTERM, stderr
    assert snapshot(mini_project / "site") == built
    assert _leftovers(mini_project) == [] and not (mini_project / "p.zip").exists()
    assert [p.name for p in mini_project.iterdir() if p.name.startswith(".p.zip")] == []
