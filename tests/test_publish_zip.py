"""``build --zip``: lean, reproducible, with a reader's README (browser checks: test_offline_site)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.publish.archive import ZIP_EPOCH, build_time, zip_members

pytestmark = pytest.mark.slow


def _build_zip(project: Path, name: str, *, faketime: str | None = None) -> Path:
    """Build with a fixed SOURCE_DATE_EPOCH; under ``faketime`` to change the clock."""
    command = ["build", "--site-dir", "site", "--zip", name]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    prefix = ["faketime", faketime] if faketime else []
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "generator.cli", *command],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return project / name


def test_zip_has_readme_one_folder_and_no_dead_weight(mini_project: Path) -> None:
    path = _build_zip(mini_project, "out/Mini Playbook.zip")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        readme = archive.read("Mini-Playbook/README.txt").decode("utf-8")
        infos = archive.infolist()
    assert names == sorted(names)
    assert all(n.startswith("Mini-Playbook/") for n in names)
    assert "Mini-Playbook/index.html" in names
    assert "Mini-Playbook/assets/playbook/vendor/iframe-worker/shim.js" in names
    assert "Mini-Playbook/search/search_index.js" in names
    assert not [n for n in names if n.endswith(".map")]
    # English needs no lunr language files at all.
    assert not [n for n in names if "/assets/javascripts/lunr/" in n]
    assert "Mini-Playbook/404.html" not in names
    assert "Extract the whole ZIP first" in readme
    assert "Open index.html" in readme
    assert "Nothing is sent anywhere" in readme
    assert readme.startswith("Mini")
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
    assert {stat.S_IMODE(i.external_attr >> 16) for i in infos} == {0o644}


def test_zip_is_identical_when_built_on_different_days(tmp_path: Path, mini_project: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(mini_project, other)
    first = _build_zip(mini_project, "a.zip", faketime="2024-01-02 03:04:05")
    second = _build_zip(other, "a.zip", faketime="2025-06-07 08:09:10")
    assert first.read_bytes() == second.read_bytes()


def test_zip_keeps_the_search_languages_the_brand_uses(mini_project: Path) -> None:
    brand = mini_project / "playbook" / "brand.yml"
    text = brand.read_text(encoding="utf-8")
    if "language:" in text:
        text = "\n".join(
            "language: de" if line.startswith("language:") else line for line in text.splitlines()
        )
    else:
        text += "\nlanguage: de\n"
    brand.write_text(text + "\n", encoding="utf-8")
    path = _build_zip(mini_project, "de.zip")
    lunr = sorted(n.split("/lunr/")[1] for n in zipfile.ZipFile(path).namelist() if "/lunr/" in n)
    assert lunr == ["min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"]
    # The reader's README speaks the brand's language too.
    readme = zipfile.ZipFile(path).read("de/README.txt").decode("utf-8")
    assert readme.startswith("Mini playbook (Mini Co), Version 0.1\n")
    assert "Entpacken Sie zuerst das ganze ZIP" in readme
    assert "Extract" not in readme
    assert len(zip_members(mini_project / "site")) < len(list((mini_project / "site").rglob("*")))


def test_build_time_prefers_source_date_epoch_then_git_then_1980(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_time(tmp_path) == 1700000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    # A folder outside any repository: the ZIP format's earliest time.
    outside = Path("/") if not (Path("/") / ".git").exists() else tmp_path
    assert build_time(outside) == ZIP_EPOCH
    repo = Path(__file__).resolve().parent.parent
    assert build_time(repo) > ZIP_EPOCH
