"""JSON Schemas for the content files, generated from the content models.

Editors that speak the yaml-language-server protocol (VS Code's YAML extension,
JetBrains IDEs, Neovim) read a ``# yaml-language-server: $schema=...`` first line
and then validate and complete while a contributor types. The schemas are
committed under ``schema/``; a test regenerates them to catch drift.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from generator.edition.config import EditionFile
from generator.errors import ProjectError
from generator.model import KINDS
from generator.model.playbook import BRAND_FILE, SINGLE_FILES

_SINGLES = (*SINGLE_FILES, BRAND_FILE)
#: Schema name (``schema/<name>.schema.json``) → the model it describes.
SCHEMAS: dict[str, type[BaseModel]] = {
    **{kind.schema: kind.model for kind in KINDS},
    **{single.schema: single.model for single in _SINGLES},
    "edition": EditionFile,
}
#: Which schema a file in the playbook folder uses, by folder or file name.
_BY_FOLDER = {kind.name: kind.schema for kind in KINDS}
_BY_FILE = {single.name: single.schema for single in _SINGLES}
#: What each file is, for schemas whose model has no docstring.
_FILES = {
    **{kind.schema: f"playbook/{kind.name}/<id>.yml" for kind in KINDS},
    **{single.schema: f"playbook/{single.name}" for single in _SINGLES},
    "edition": "<edition folder>/edition.yml",
}
DRAFT = "https://json-schema.org/draft/2020-12/schema"
MODELINE = "# yaml-language-server: $schema="
# Named groups are spelled differently in Python and ECMAScript (which editors use);
# a non-capturing group means the same in both.
_PY_GROUP = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of content file, ready to write."""
    model = SCHEMAS[name]
    body = _portable(model.model_json_schema())
    body.setdefault("description", f"A cco-playbook content file: {_FILES[name]}.")
    return {"$schema": DRAFT, **body}


def render_schemas() -> dict[str, str]:
    """Every schema file's name and its exact text (stable, ends with a newline)."""
    return {
        f"{name}.schema.json": json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n"
        for name in SCHEMAS
    }


def write_schemas(out: Path) -> list[Path]:
    """Write every schema under ``out``; returns the files written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for filename, text in render_schemas().items():
            path = out / filename
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise ProjectError(f"cannot write the schemas to '{out}': {exc.strerror}") from exc
    return written


def schema_name_for(relative: str) -> str | None:
    """The schema a content file uses, from its path inside the playbook folder."""
    path = PurePosixPath(relative)
    if len(path.parts) == 2 and path.parts[0] in _BY_FOLDER:
        return _BY_FOLDER[path.parts[0]]
    if len(path.parts) == 1:
        return _BY_FILE.get(path.name)
    return None


def _portable(node: Any) -> Any:
    """Rewrite Python-only regex syntax so JavaScript validators accept the patterns."""
    if isinstance(node, dict):
        return {
            key: _PY_GROUP.sub("(?:", value)
            if key == "pattern" and isinstance(value, str)
            else _portable(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_portable(value) for value in node]
    return node
