"""``cco-playbook serve``: check the content, then MkDocs' live-reloading preview."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.serve import serve

from generator.playbook import load_playbook
from generator.site.build import load_mkdocs_config
from generator.site.plugin import BRAND_ENV, EDITION_ENV, LANGUAGE_ENV
from generator.site.prepare import project_paths

def serve_site(
    config_file: Path,
    *,
    brand: Path | None,
    language: str | None,
    dev_addr: str | None,
    edition: Path | None = None,
) -> None:
    """Check the content, then preview it with MkDocs' live-reloading server."""
    config = load_mkdocs_config(config_file)
    load_playbook(project_paths(config, brand, language, edition))  # every content error before serving
    # MkDocs re-reads mkdocs.yml for every rebuild: only the environment reaches it.
    if brand is not None:
        os.environ[BRAND_ENV] = str(brand.resolve())
    if language is not None:
        os.environ[LANGUAGE_ENV] = language
    if edition is not None:
        os.environ[EDITION_ENV] = str(edition.resolve())
    serve(str(config_file), dev_addr=dev_addr, livereload=True)
