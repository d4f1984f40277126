"""Static files shipped with the package, published under ``assets/playbook/``."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from generator.constants import ASSET_DIR

if TYPE_CHECKING:
    from importlib.abc import Traversable


def _walk(node: Traversable, prefix: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name.startswith(".") or child.name == "__pycache__":
            continue
        path = f"{prefix}/{child.name}"
        if child.is_dir():
            found.update(_walk(child, path))
        else:
            found[path] = child.read_bytes()
    return found


def static_assets() -> dict[str, bytes]:
    """Every file under ``generator/static/``, keyed by its path in the site."""
    return _walk(resources.files("generator").joinpath("static"), ASSET_DIR)
