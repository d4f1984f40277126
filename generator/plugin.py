"""Stage 4: the MkDocs plugin. Thin: it hands MkDocs what the plain functions made."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.brand import apply_brand
from generator.errors import PlaybookError
from generator.model import Playbook
from generator.project import ProjectPaths
from generator.render import (
    MARKDOWN_EXTENSIONS,
    RenderedSite,
    render_site,
    with_abbreviations,
)

log = logging.getLogger("mkdocs.plugins.cco-playbook")


class PlaybookConfig(Config):
    playbook = c.Type(str, default="playbook")
    brand = c.Optional(c.Type(str))
    templates = c.Optional(c.Type(str))
    edit_url = c.Optional(c.Type(str))


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    """Loads the playbook in ``on_config`` so broken content stops the build before
    MkDocs empties the site folder, and adds the rendered pages in ``on_files``."""

    def __init__(self) -> None:
        self.paths: ProjectPaths | None = None
        self.playbook: Playbook | None = None
        self.site: RenderedSite | None = None

    # Before the search plugin's on_config, which fixes the index language it reads
    # from the theme: the brand decides that language.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.paths = ProjectPaths.from_options(
            Path(config.config_file_path or "mkdocs.yml"),
            Path(config.docs_dir),
            self.config.playbook,
            os.environ.get("CCO_PLAYBOOK_BRAND") or self.config.brand,
            self.config.templates,
            self.config.edit_url,
        )
        try:
            self.playbook = self.paths.load()
            self.site = render_site(self.playbook, self.paths.templates)
        except PlaybookError as exc:
            raise PluginError(str(exc)) from exc
        if config.use_directory_urls:
            log.warning(
                "use_directory_urls is true: pages get folder URLs, which do not open from"
                " disk (file://) and break the assessment scripts; set"
                " 'use_directory_urls: false' in mkdocs.yml"
            )
        config.nav = self.site.nav
        config.markdown_extensions.extend(
            name for name in MARKDOWN_EXTENSIONS if name not in config.markdown_extensions
        )
        config.extra_css = [*self.site.extra_css, *config.extra_css]
        config.extra_javascript = [*self.site.extra_javascript, *config.extra_javascript]
        apply_brand(config, self.playbook, edit_links=bool(self.paths.edit_url))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        collisions = [
            p for p in (*self.site.pages, *self.site.assets) if files.get_file_from_path(p)
        ]
        if collisions:
            raise PluginError(
                "\n".join(
                    f"docs/{p} collides with the generated page {p}; rename or remove the file"
                    " in docs/"
                    for p in collisions
                )
            )
        for path, markdown in self.site.pages.items():
            files.append(File.generated(config, path, content=markdown))
        for path, data in self.site.assets.items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.site is not None and self.paths is not None and self.playbook is not None
        if self.playbook.brand.model.edit_links:
            source = self.site.sources.get(page.file.src_uri)
            if source is None and page.file.abs_src_path:
                source = Path(page.file.abs_src_path)
            page.edit_url = self.paths.edit_link(source) if source else None
        else:
            page.edit_url = None
        return with_abbreviations(markdown, self.site.abbreviations)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Material prints a page's title in <title> through `striptags`, which unescapes
        # it ("</title><script>" would break out); a title in the page's meta it prints
        # as it is, escaped once like everywhere else.
        if page.title is not None and not page.is_homepage and "title" not in page.meta:
            page.meta["title"] = page.title
        return html

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.paths is not None:
            server.watch(str(self.paths.playbook))
            # The brand's folder, not just its file: the logo and fonts live beside it.
            server.watch(str(self.paths.brand.parent))
            if self.paths.templates is not None:
                server.watch(str(self.paths.templates))
        return server
