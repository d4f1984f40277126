"""Stage 1 kept between runs: a cached load is the load, and only a clean load is kept."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.load import cache, load_yaml
from generator.load.walk import Position

CONTENT = (
    "id: cco\ntitle: Chief Customer Officer\nfirst_steps:\n  - Listen\n  - 'Agree: three metrics'\n"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of this test's own."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    cache.cache_dir.cache_clear()
    yield tmp_path / "cache" / "yaml"
    cache.cache_dir.cache_clear()


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def write(tmp_path: Path, text: str, name: str = "role.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_cached_load_has_the_same_data_and_positions(tmp_path: Path, folder: Path) -> None:
    path = write(tmp_path, CONTENT)
    first, errors = load_yaml(path, "role.yml")
    assert errors == [] and first is not None
    assert len(entries(folder)) == 1
    second, errors = load_yaml(path, "role.yml")
    assert errors == [] and second is not None
    assert (
        second.data
        == first.data
        == {
            "id": "cco",
            "title": "Chief Customer Officer",
            "first_steps": ["Listen", "Agree: three metrics"],
        }
    )
    assert dict(second.values) == dict(first.values)
    assert dict(second.keys) == dict(first.keys)
    assert second.values[("first_steps", 1)] == Position(5, 5)
    # Each load gets its own objects: a consumer that changes them changes nothing else.
    second.data["first_steps"].append("x")
    third, _ = load_yaml(path, "role.yml")
    assert third is not None and third.data["first_steps"] == ["Listen", "Agree: three metrics"]


def test_a_changed_text_is_parsed_again(tmp_path: Path, folder: Path) -> None:
    path = write(tmp_path, CONTENT)
    load_yaml(path, "role.yml")
    write(tmp_path, CONTENT.replace("Listen", "Listen first"))
    source, _ = load_yaml(path, "role.yml")
    assert source is not None and source.data["first_steps"][0] == "Listen first"
    assert len(entries(folder)) == 2


def test_a_file_with_errors_is_never_kept(tmp_path: Path, folder: Path) -> None:
    path = write(tmp_path, "id: cco\nid: again\n")
    for _ in range(2):
        source, errors = load_yaml(path, "role.yml")
        assert source is None
        assert [str(e) for e in errors] == [
            "role.yml:2:1: id: duplicate key 'id' (first defined at line 1)"
            " (keep one of the two entries)"
        ]
    assert entries(folder) == []


def test_each_parser_has_its_own_entries(tmp_path: Path, folder: Path) -> None:
    assert cache.entry_key(CONTENT, "libyaml") != cache.entry_key(CONTENT, "python")


def test_a_damaged_entry_is_a_miss(tmp_path: Path, folder: Path) -> None:
    path = write(tmp_path, CONTENT)
    load_yaml(path, "role.yml")
    (entry,) = entries(folder)
    entry.write_bytes(b"\x00not marshal")
    source, errors = load_yaml(path, "role.yml")
    assert errors == [] and source is not None and source.data["id"] == "cco"


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    cache.cache_dir.cache_clear()
    try:
        source, _ = load_yaml(write(tmp_path, CONTENT), "role.yml")
        assert source is not None and cache.cache_dir() is None
    finally:
        cache.cache_dir.cache_clear()


def test_a_folder_others_can_write_to_is_not_used(tmp_path: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert cache.cache_dir() is None
    source, _ = load_yaml(write(tmp_path, CONTENT), "role.yml")
    assert source is not None and entries(folder) == []


def test_prune_keeps_the_most_recently_used(tmp_path: Path, folder: Path) -> None:
    for n in range(5):
        load_yaml(write(tmp_path, CONTENT.replace("cco", f"cco{n}"), f"r{n}.yml"), "r.yml")
    kept = entries(folder)
    assert len(kept) == 5
    for age, entry in enumerate(kept):
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))
    cache.prune(limit=2)
    assert entries(folder) == kept[-2:]
