"""Template overrides for Material that ship with the package (accessibility fixes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Partials that replace Material's own; a project's ``custom_dir`` still wins over them.
THEME_OVERRIDES = Path(__file__).resolve().with_name("overrides")


def add_theme_overrides(theme: Any) -> None:
    """Put the package's overrides before Material's templates, after a project's ``custom_dir``."""
    folder = str(THEME_OVERRIDES)
    if folder in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir else 0, folder)
