"""What the engine reads from the installed Material theme, found without importing it
(``check`` and ``score`` start without MkDocs and Material)."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def material_languages_dir() -> Path:
    """Material's folder of interface translations, one ``<language>.html`` each."""
    spec = find_spec("material")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise ModuleNotFoundError("mkdocs-material is not installed (pip install mkdocs-material)")
    return Path(folders[0]) / "templates" / "partials" / "languages"
