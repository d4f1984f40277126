"""Content as it was at a git ref, for the version gate and the change report.

Only the commands that take ``--since``/``REF`` use git; ``check`` alone never does.
Each file is loaded and validated on its own (no cross-file pass), so a change
report still works when the old or the new tree has an unrelated error.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator.errors import ProjectError, display_path
from generator.load import load_yaml
from generator.model import KINDS, Assessment, Brand, Entity, Item
from generator.model.playbook import BRAND_FILE, Playbook, holds
from generator.model.validate import validate
from generator.project import ProjectPaths

M = TypeVar("M", bound=BaseModel)


@dataclass
class Snapshot:
    """Entities by kind and id, the brand, and the files that did not validate."""

    entities: dict[str, dict[str, Item[Entity]]] = field(default_factory=dict)
    brand: Item[Brand] | None = None
    unreadable: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, playbook: Playbook) -> Snapshot:
        """A snapshot of content already loaded (and cross-checked) by ``load_playbook``."""
        return cls(
            entities={
                kind.name: {item.model.id: item for item in playbook.entities(kind.name)}
                for kind in KINDS
            },
            brand=playbook.brand,
        )

    def assessments(self) -> dict[str, Item[Assessment]]:
        return {
            key: item
            for items in self.entities.values()
            for key, item in items.items()
            if holds(item, Assessment)
        }


def git(cwd: Path, *args: str) -> bytes:
    """Run git in ``cwd``; any failure becomes a ProjectError that says what to do."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, check=False
        )
    except FileNotFoundError as exc:
        raise ProjectError(
            "git is not installed or not on PATH; comparing with a git ref needs git"
            " (plain 'cco-playbook check' does not)"
        ) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ProjectError(f"'git {' '.join(args)}' failed: {detail[-1] if detail else '?'}")
    return done.stdout


def repo_top(path: Path) -> Path:
    """The top folder of the git repository holding ``path``."""
    try:
        out = git(path, "rev-parse", "--show-toplevel")
    except ProjectError as exc:
        raise ProjectError(
            f"'{path}' is not inside a git repository, so there is nothing to compare with ({exc})"
        ) from exc
    return Path(out.decode().strip()).resolve()


def verify_ref(top: Path, ref: str) -> str:
    """The commit ``ref`` names, or a ProjectError explaining how to make it available."""
    try:
        return git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except ProjectError as exc:
        raise ProjectError(
            f"unknown git ref '{ref}': name a branch, tag or commit that exists locally"
            " (in CI, check out with 'fetch-depth: 0' so the base commit is present)"
        ) from exc


def read_content(playbook_dir: Path, brand_file: Path | None, base: Path) -> Snapshot:
    """Load every tracked entity file and the brand, each validated on its own."""
    snap = Snapshot()
    for kind in KINDS:
        found: dict[str, Item[Entity]] = {}
        for path in sorted((playbook_dir / kind.name).glob("*.y*ml")):
            item = _read(path, kind.model, base, snap)
            if item is not None:
                found.setdefault(item.model.id, item)
        snap.entities[kind.name] = found
    if brand_file is not None and brand_file.is_file():
        snap.brand = _read(brand_file, BRAND_FILE.model, base, snap)
    return snap


def content_at(ref: str, paths: ProjectPaths) -> Snapshot:
    """The project's content as committed at ``ref`` (read with ``git show``)."""
    top = repo_top(paths.root)
    commit = verify_ref(top, ref)
    with tempfile.TemporaryDirectory(prefix="cco-playbook-ref-") as tmp:
        out = Path(tmp)
        playbook_rel = _inside(paths.playbook, top)
        brand_rel = _inside(paths.brand, top)
        wanted = [p for p in (playbook_rel, brand_rel) if p is not None]
        listing = (
            git(top, "ls-tree", "-r", "-z", "--name-only", "--full-name", commit, "--", *wanted)
            if wanted
            else b""
        )
        for name in filter(None, listing.decode("utf-8").split("\0")):
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(git(top, "show", f"{commit}:{name}"))
        root_rel = _inside(paths.root, top) or "."
        return read_content(
            out / (playbook_rel or "-missing-"),
            out / brand_rel if brand_rel else None,
            (out / root_rel).resolve(),
        )


def _read(path: Path, model: type[M], base: Path, snap: Snapshot) -> Item[M] | None:
    display = display_path(path, base)
    source, _ = load_yaml(path, display)
    if source is None:
        snap.unreadable.append(display)
        return None
    value, _ = validate(source, model)
    if value is None:
        snap.unreadable.append(display)
        return None
    return Item(value, source)


def _inside(path: Path, top: Path) -> str | None:
    try:
        return path.resolve().relative_to(top).as_posix()
    except ValueError:
        return None
