"""Where the tool may write: one guard for every path it writes, and the marks it leaves.

The tool replaces whole folders (the site, a rendered project) and overwrites files
(the ZIP, the PDF, a scaffold). Before it touches anything it proves the place is its
own: never the project or a folder it reads from, never a file of another kind, never
a folder that holds someone else's files. A refusal is a usage error (exit status 2)
raised before anything was written.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ProjectError, UsageError, display_path

if TYPE_CHECKING:
    from generator.project import ProjectPaths

#: Marks a site folder written by ``build``: the next build may replace all of it.
SITE_MARKER = ".cco-playbook-site"
#: Marks a folder written by ``render``: the next render may replace its docs/.
RENDER_MARKER = ".cco-playbook-render"


@dataclass(frozen=True)
class OutputKind:
    """One kind of thing the tool writes, and how to recognise an earlier one."""

    option: str
    folder: bool
    example: str
    #: What it is called in a message: "cannot write the ZIP ...".
    what: str
    #: A folder's mark of ownership (a file the tool writes into it).
    marker: str | None = None
    command: str = "build"
    #: A file's kind: how the files the tool writes begin.
    magic: tuple[bytes, ...] = ()
    noun: str = ""


SITE = OutputKind("--site-dir", True, "site", "the site", marker=SITE_MARKER)
RENDER = OutputKind(
    "--out", True, "rendered", "the rendered project", marker=RENDER_MARKER, command="render"
)
ZIP = OutputKind(
    "--zip",
    False,
    "dist/playbook.zip",
    "the ZIP",
    magic=(b"PK\x03\x04", b"PK\x05\x06"),
    noun="ZIP file",
)
PDF = OutputKind("--pdf", False, "dist/playbook.pdf", "the PDF", magic=(b"%PDF-",), noun="PDF")


_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and build again",
    errno.EDQUOT: "the disk quota is used up; free some space and build again",
    errno.EROFS: "the file system is read-only; choose a folder you can write to",
    errno.EACCES: "permission denied; choose a folder you can write to",
    errno.EPERM: "the operation is not permitted; choose a folder you can write to",
    errno.ELOOP: "a link stands where the tool keeps its lock; remove the link",
}


def partial_file(path: Path) -> Path:
    """Where a file output is written before it replaces ``path`` in one rename."""
    return path.with_name(f".{path.name}.partial")


def check_outputs(
    paths: ProjectPaths,
    outputs: Mapping[OutputKind, Path | None],
    *,
    sources: Iterable[tuple[str, Path]] = (),
) -> dict[OutputKind, Path]:
    """Refuse every output the tool must not write; return the allowed ones, resolved.

    ``sources`` adds folders the project reads from beyond the content, docs, templates
    and brand folders (e.g. a theme's ``custom_dir``).
    """
    places = _protected(paths, sources)
    resolved: dict[OutputKind, Path] = {}
    for kind, given in outputs.items():
        if given is None:
            continue
        target = given.resolve()  # a link to the project is the project
        _check_place(kind, given, target, paths.root, places)
        if kind.folder:
            _check_folder(kind, given, target)
        else:
            _check_file(kind, given, target)
        resolved[kind] = target
    _check_together(resolved, outputs)
    return resolved


def check_new_file(paths: ProjectPaths, target: Path) -> None:
    """A scaffold may only create a new file inside the playbook folder."""
    # Not resolved: a link in the way is shown where it is, not where it points.
    shown = Path(os.path.relpath(target, paths.root)).as_posix()
    if not paths.playbook.is_dir():
        raise UsageError(
            f"the playbook folder '{display_path(paths.playbook, paths.root)}' does not exist;"
            " set the cco-playbook plugin's 'playbook' option in mkdocs.yml to the content"
            " folder"
        )
    if os.path.lexists(target):
        raise UsageError(f"'{shown}' already exists; choose another id")
    _first_existing_is_folder(target.parent, f"'{shown}'")
    if target.parent.exists() and paths.playbook not in (
        target.parent.resolve(),
        *target.parent.resolve().parents,
    ):
        raise UsageError(
            f"'{display_path(target.parent, paths.root)}' leads out of the playbook folder"
            " (a link?); make it a real folder inside the playbook"
        )


@contextmanager
def explained_failure(kind: OutputKind, path: Path) -> Iterator[None]:
    """Turn a failed read or write into one line naming the output, the cause and a fix."""
    try:
        yield
    except OSError as exc:
        raise ProjectError(write_failure(kind.what, path, exc)) from exc


def write_failure(what: str, path: Path, exc: OSError) -> str:
    """One line that says which output could not be written, why, and what to do."""
    target = path.resolve()
    failed = None
    if exc.filename:
        # The folder resolved, the name kept: a failing link is the link, not its target.
        named = Path(os.fsdecode(exc.filename))
        failed = named.parent.resolve() / named.name
    advice = _ADVICE.get(exc.errno or 0, exc.strerror or str(exc))
    writing = exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS)
    if failed is not None and not writing and not _written_for(failed, target):
        return f"cannot read '{display_path(failed)}': {exc.strerror or exc}"
    return f"cannot write {what} '{display_path(path)}': {advice}"


def _written_for(failed: Path, target: Path) -> bool:
    """Whether ``failed`` is a path the tool writes for ``target``: the target, a file in
    it, a folder on the way to it, or a hidden sibling (staging, lock, partial file)."""
    if failed in target.parents:
        return True
    return any(
        place == target
        or (place.parent == target.parent and place.name.startswith(f".{target.name}."))
        for place in (failed, *failed.parents)
    )


def is_site_folder(folder: Path) -> bool:
    """Whether a folder was written by ``build`` (or by MkDocs with this plugin)."""
    if (folder / SITE_MARKER).is_file():
        return True
    # Sites built before the marker existed, or by a plain 'mkdocs build'.
    return (folder / "index.html").is_file() and (folder / "assets" / "playbook").is_dir()


def _protected(paths: ProjectPaths, sources: Iterable[tuple[str, Path]]) -> list[tuple[str, Path]]:
    places = [
        ("the content folder", paths.playbook),
        ("the docs folder", paths.docs),
        ("the brand's folder", paths.brand.parent),
        *((("the templates folder", paths.templates),) if paths.templates else ()),
        *((label, folder.resolve()) for label, folder in sources),
    ]
    # A folder that is the project (a brand.yml at the top) is covered by the root rule.
    return [(label, p) for label, p in places if p != paths.root and p not in paths.root.parents]


def _check_place(
    kind: OutputKind, given: Path, target: Path, root: Path, places: list[tuple[str, Path]]
) -> None:
    option = f"{kind.option} '{given}'"
    fix = f"name a {'folder' if kind.folder else 'file'} of its own, e.g. {kind.option} {kind.example}"
    if target == root:
        raise UsageError(f"{option} is the project folder itself; {fix}")
    if target in root.parents:
        raise UsageError(f"{option} holds the project folder; {fix}")
    for label, place in places:
        shown = display_path(place, root) + "/"
        if target == place:
            raise UsageError(f"{option} is {label} ({shown}); {fix}")
        if place in target.parents:
            raise UsageError(f"{option} is inside {label} ({shown}); {fix}")
        if target in place.parents:
            raise UsageError(f"{option} holds {label} ({shown}); {fix}")


def _check_folder(kind: OutputKind, given: Path, target: Path) -> None:
    option = f"{kind.option} '{given}'"
    if os.path.lexists(target) and not target.is_dir():
        raise UsageError(f"{option} is a file; name a folder, e.g. {kind.option} {kind.example}")
    _first_existing_is_folder(target.parent, option)
    if not target.is_dir() or not any(target.iterdir()):
        return
    ours = is_site_folder(target) if kind.marker == SITE_MARKER else False
    if not ours and not (kind.marker and (target / kind.marker).is_file()):
        raise UsageError(
            f"{option} is not empty and was not written by 'cco-playbook {kind.command}';"
            " choose an empty or new folder (nothing was changed)"
        )


def _check_file(kind: OutputKind, given: Path, target: Path) -> None:
    option = f"{kind.option} '{given}'"
    if target.is_dir():
        name = Path(kind.example).name
        raise UsageError(f"{option} is a folder; name a file, e.g. {kind.option} {given / name}")
    if os.path.lexists(target):
        if not target.is_file():
            raise UsageError(f"{option} exists and is not a regular file; choose another name")
        with target.open("rb") as existing:
            head = existing.read(8)
        if head and not head.startswith(kind.magic):
            raise UsageError(
                f"{option} exists and is not a {kind.noun}; choose another name, e.g."
                f" {kind.option} {kind.example} (nothing was changed)"
            )
    partial = partial_file(target)
    if partial.is_dir():
        raise UsageError(
            f"'{display_path(partial)}' is a folder, where {kind.option} writes its file"
            " before renaming it; remove or rename that folder"
        )
    _first_existing_is_folder(target.parent, option)


def _check_together(
    resolved: dict[OutputKind, Path], given: Mapping[OutputKind, Path | None]
) -> None:
    """Outputs of one run must not overwrite each other."""
    site = resolved.get(SITE)
    files = [kind for kind in resolved if not kind.folder]
    for kind in files:
        if site is not None and site in resolved[kind].parents:
            raise UsageError(
                f"{kind.option} '{given[kind]}' is inside the site folder, which the build"
                f" replaces; write it elsewhere, e.g. {kind.option} {kind.example}"
            )
    if len({resolved[k] for k in files}) < len(files):
        raise UsageError("--zip and --pdf name the same file; give each its own name")


def _first_existing_is_folder(folder: Path, option: str) -> None:
    """The nearest existing ancestor must be a folder, or nothing can be created there."""
    for place in (folder, *folder.parents):
        if os.path.lexists(place):
            if not place.is_dir():
                raise UsageError(
                    f"{option}: '{display_path(place)}' is a file, not a folder; choose"
                    " another place"
                )
            return
