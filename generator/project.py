"""Where a project's content lives, as named by the plugin options in ``mkdocs.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectPaths:
    """The folders and files one project is built from."""

    root: Path
    playbook: Path
    brand: Path
    docs: Path
    templates: Path | None
    edit_url: str | None

    @classmethod
    def from_options(
        cls,
        config_file: Path,
        docs_dir: Path,
        playbook: str,
        brand: str | None,
        templates: str | None,
        edit_url: str | None,
    ) -> ProjectPaths:
        root = config_file.resolve().parent
        playbook_dir = (root / playbook).resolve()
        return cls(
            root=root,
            playbook=playbook_dir,
            brand=(root / brand).resolve() if brand else playbook_dir / "brand.yml",
            docs=docs_dir.resolve(),
            templates=(root / templates).resolve() if templates else None,
            edit_url=edit_url,
        )

    def edit_link(self, source: Path) -> str | None:
        """The repository URL that edits ``source``, when edit links are configured."""
        if not self.edit_url:
            return None
        try:
            rel = source.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None
        return self.edit_url.rstrip("/") + "/" + rel
