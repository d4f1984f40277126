"""One guard for every path the tool writes: refused with exit 2, nothing touched.

Each case runs the real command on a copy of the mini project inside a folder with a
sibling project, and compares every file and folder there (the project, its siblings,
hidden files) before and after.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.outputs import RENDER_MARKER, SITE_MARKER
from tests.outputs_support import error_lines, run_in_process, snapshot

Setup = Callable[[Path], None]


def _nothing(project: Path) -> None:
    pass


def _notes(project: Path) -> None:
    (project / "notes").mkdir()
    (project / "notes" / "mine.txt").write_text("keep me", encoding="utf-8")


def _rendered(project: Path) -> None:
    (project / "rendered").mkdir()
    (project / "rendered" / RENDER_MARKER).write_text("", encoding="utf-8")
    (project / "rendered" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")


def _site(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site" / SITE_MARKER).write_text("", encoding="utf-8")
    (project / "site" / "index.html").write_text("<p>old</p>", encoding="utf-8")


def _link_to_project(project: Path) -> None:
    (project / "here").symlink_to(project, target_is_directory=True)


def _brand_folder(project: Path) -> None:
    (project / "brands" / "acme").mkdir(parents=True)
    shutil.copy(project / "playbook" / "brand.yml", project / "brands" / "acme" / "brand.yml")


def _partial_folder(project: Path) -> None:
    (project / "dist" / ".playbook.zip.partial").mkdir(parents=True)


def _roles_is_a_file(project: Path) -> None:
    shutil.rmtree(project / "playbook" / "structures")
    (project / "playbook" / "structures").write_text("not a folder", encoding="utf-8")


def _dangling_role(project: Path) -> None:
    (project / "playbook" / "roles" / "advisor.yml").symlink_to(project.parent / "elsewhere.txt")


def _roles_lead_out(project: Path) -> None:
    outside = project.parent / "outside-roles"
    outside.mkdir()
    (project / "playbook" / "starting-points").rename(outside / "moved")
    (project / "playbook" / "starting-points").symlink_to(outside, target_is_directory=True)


def _playbook_elsewhere(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("playbook: playbook", "playbook: nowhere"),
        encoding="utf-8",
    )


CASES: list[tuple[str, list[str], Setup, str]] = [
    # build --site-dir
    ("site is the project", ["build", "--site-dir", "."], _nothing, "is the project folder itself"),
    ("site holds the project", ["build", "--site-dir", ".."], _nothing, "holds the project folder"),
    (
        "site is a link to the project",
        ["build", "--site-dir", "here"],
        _link_to_project,
        "is the project folder itself",
    ),
    (
        "site is the content",
        ["build", "--site-dir", "playbook"],
        _nothing,
        "--site-dir 'playbook' is the content folder (playbook/)",
    ),
    (
        "site inside the content",
        ["build", "--site-dir", "playbook/roles"],
        _nothing,
        "is inside the content folder (playbook/)",
    ),
    ("site is docs", ["build", "--site-dir", "docs"], _nothing, "is the docs folder (docs/)"),
    (
        "site inside docs",
        ["build", "--site-dir", "docs/site"],
        _nothing,
        "is inside the docs folder (docs/)",
    ),
    (
        "site is the brand's folder",
        ["build", "--brand", "brands/acme/brand.yml", "--site-dir", "brands/acme"],
        _brand_folder,
        "is the brand's folder (brands/acme/)",
    ),
    (
        "site holds the brand's folder",
        ["build", "--brand", "brands/acme/brand.yml", "--site-dir", "brands"],
        _brand_folder,
        "holds the brand's folder (brands/acme/)",
    ),
    (
        "site is a foreign folder",
        ["build", "--site-dir", "notes"],
        _notes,
        "--site-dir 'notes' is not empty and was not written by 'cco-playbook build'",
    ),
    (
        "site is a rendered project",
        ["build", "--site-dir", "rendered"],
        _rendered,
        "--site-dir 'rendered' is not empty and was not written by 'cco-playbook build'",
    ),
    (
        "site is a file",
        ["build", "--site-dir", "mkdocs.yml"],
        _nothing,
        "--site-dir 'mkdocs.yml' is a file; name a folder",
    ),
    (
        "site below a file",
        ["build", "--site-dir", "mkdocs.yml/site"],
        _nothing,
        "'mkdocs.yml' is a file, not a folder",
    ),
    # build --zip / --pdf
    (
        "zip over the config",
        ["build", "--zip", "mkdocs.yml"],
        _nothing,
        "--zip 'mkdocs.yml' exists and is not a ZIP file",
    ),
    (
        "zip onto a folder",
        ["build", "--zip", "notes"],
        _notes,
        "--zip 'notes' is a folder; name a file, e.g. --zip notes/playbook.zip",
    ),
    (
        "zip into the content",
        ["build", "--zip", "playbook/playbook.zip"],
        _nothing,
        "is inside the content folder (playbook/)",
    ),
    (
        "zip inside the site",
        ["build", "--site-dir", "site", "--zip", "site/playbook.zip"],
        _site,
        "is inside the site folder, which the build replaces",
    ),
    (
        "zip's partial name is a folder",
        ["build", "--zip", "dist/playbook.zip"],
        _partial_folder,
        "'dist/.playbook.zip.partial' is a folder, where --zip writes its file",
    ),
    (
        "pdf over a docs page",
        ["build", "--pdf", "docs/index.md"],
        _nothing,
        "--pdf 'docs/index.md' is inside the docs folder (docs/)",
    ),
    (
        "pdf over the config",
        ["build", "--pdf", "mkdocs.yml"],
        _nothing,
        "--pdf 'mkdocs.yml' exists and is not a PDF",
    ),
    (
        "zip and pdf the same file",
        ["build", "--zip", "out.bin", "--pdf", "out.bin"],
        _nothing,
        "--zip and --pdf name the same file",
    ),
    # render --out
    ("render into the project", ["render", "--out", "."], _nothing, "is the project folder itself"),
    ("render above the project", ["render", "--out", ".."], _nothing, "holds the project folder"),
    (
        "render into the content",
        ["render", "--out", "playbook"],
        _nothing,
        "--out 'playbook' is the content folder (playbook/)",
    ),
    (
        "render into docs",
        ["render", "--out", "docs/rendered"],
        _nothing,
        "is inside the docs folder (docs/)",
    ),
    (
        "render into a foreign folder",
        ["render", "--out", "notes"],
        _notes,
        "--out 'notes' is not empty and was not written by 'cco-playbook render'",
    ),
    (
        "render into a built site",
        ["render", "--out", "site"],
        _site,
        "--out 'site' is not empty and was not written by 'cco-playbook render'",
    ),
    ("render onto a file", ["render", "--out", "mkdocs.yml"], _nothing, "is a file; name a folder"),
    # new (scaffolds)
    (
        "new where a kind's folder is a file",
        ["new", "structure", "line-dispersed"],
        _roles_is_a_file,
        "'playbook/structures' is a file, not a folder",
    ),
    (
        "new over a dangling link",
        ["new", "role", "advisor"],
        _dangling_role,
        "'playbook/roles/advisor.yml' already exists; choose another id",
    ),
    (
        "new through a link out of the playbook",
        ["new", "starting-point", "board"],
        _roles_lead_out,
        "leads out of the playbook folder",
    ),
    (
        "new without a playbook folder",
        ["new", "role", "advisor"],
        _playbook_elsewhere,
        "the playbook folder 'nowhere' does not exist",
    ),
]


@pytest.mark.parametrize(
    ("args", "setup", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refused_with_exit_2_and_nothing_touched(
    tmp_path: Path,
    mini_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    setup: Setup,
    message: str,
) -> None:
    sibling = tmp_path / "neighbour"
    sibling.mkdir()
    (sibling / "work.txt").write_text("a neighbour's file", encoding="utf-8")
    setup(mini_project)
    before = snapshot(tmp_path)

    status, stderr = run_in_process(args, mini_project, monkeypatch, capsys)

    assert status == 2, stderr
    assert [message in line for line in error_lines(stderr)] == [True], stderr
    assert snapshot(tmp_path) == before


def test_render_replaces_only_its_own_folder(
    mini_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other side of the guard: an earlier render, and an empty folder, are written."""
    (mini_project / "empty").mkdir()
    for out in ("rendered", "rendered", "empty"):
        status, stderr = run_in_process(["render", "--out", out], mini_project, monkeypatch, capsys)
        assert status == 0, stderr
        assert (mini_project / out / RENDER_MARKER).is_file()


def test_a_symlinked_site_folder_is_replaced_where_it_points(
    tmp_path: Path, mini_project: Path
) -> None:
    """A site folder that is a link (e.g. into a web root) stays a link; its target is renewed."""
    from tests.conftest import run_cli

    web = tmp_path / "www"
    web.mkdir()
    (mini_project / "site").symlink_to(web, target_is_directory=True)
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    assert (mini_project / "site").is_symlink()
    assert os.readlink(mini_project / "site") == str(web)
    assert (web / "index.html").is_file() and (web / SITE_MARKER).is_file()
