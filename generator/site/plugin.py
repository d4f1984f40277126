"""The MkDocs plugin. Thin: it hands MkDocs what the plain functions made.

``mkdocs build`` and ``mkdocs serve`` re-read ``mkdocs.yml`` and create the plugin
afresh for every (re)build, so the one thing ``cco-playbook serve --brand FILE`` cannot
pass as an argument reaches the plugin through the environment: ``CCO_PLAYBOOK_BRAND``
names a brand file that replaces the one in the options (documented in the README;
plain ``mkdocs build``/``serve`` honour it too).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.edition.pages import HOME_PAGE, with_contact
from generator.errors import PlaybookError
from generator.model import Playbook
from generator.project import DEFAULT_PLAYBOOK, ProjectPaths
from generator.render import with_abbreviations
from generator.site.languages import link_alternates
from generator.site.prepare import Prepared, prepare, project_paths

#: The brand file for builds that MkDocs itself starts (see the module's docstring).
BRAND_ENV = "CCO_PLAYBOOK_BRAND"
#: How ``serve --language`` reaches the plugin in MkDocs' rebuilds, as BRAND_ENV does.
LANGUAGE_ENV = "CCO_PLAYBOOK_LANGUAGE"
#: How ``serve --edition`` reaches the plugin in MkDocs' rebuilds, as BRAND_ENV does.
EDITION_ENV = "CCO_PLAYBOOK_EDITION"


class PlaybookConfig(Config):
    playbook = c.Type(str, default=DEFAULT_PLAYBOOK)
    brand = c.Optional(c.Type(str))
    templates = c.Optional(c.Type(str))
    edit_url = c.Optional(c.Type(str))


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    """Prepares the playbook in ``on_config`` so broken content stops the build before
    MkDocs empties the site folder, and adds the rendered pages in ``on_files``."""

    def __init__(self) -> None:
        self.loaded: tuple[ProjectPaths, Playbook] | None = None
        self.prepared: Prepared | None = None

    def use(self, paths: ProjectPaths, playbook: Playbook) -> None:
        """Publish this playbook, already loaded and checked, instead of loading it again."""
        self.loaded = (paths, playbook)

    # Before the search plugin's on_config, which fixes the index language it reads
    # from the theme: the brand decides that language.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            if self.loaded is not None:
                self.prepared = prepare(config, *self.loaded)
            else:
                brand = os.environ.get(BRAND_ENV)
                language = os.environ.get(LANGUAGE_ENV) or None
                edition = os.environ.get(EDITION_ENV)
                paths = project_paths(
                    config,
                    Path(brand) if brand else None,
                    language,
                    Path(edition) if edition else None,
                )
                self.prepared = prepare(config, paths)
        except PlaybookError as exc:
            raise PluginError(str(exc)) from exc
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.prepared is not None
        site = self.prepared.site
        collisions = [p for p in (*site.pages, *site.assets) if files.get_file_from_path(p)]
        if collisions:
            raise PluginError(
                "\n".join(
                    f"docs/{p} collides with the generated page {p}; rename or remove the file"
                    " in docs/"
                    for p in collisions
                )
            )
        for path, markdown in site.pages.items():
            files.append(File.generated(config, path, content=markdown))
        # A language layer publishes its translation of a docs page in the page's place.
        for path, markdown in site.docs.items():
            english = files.get_file_from_path(path)
            if english is not None:
                files.remove(english)
                files.append(File.generated(config, path, content=markdown))
        for path in site.hidden_docs:
            hidden = files.get_file_from_path(path)
            if hidden is not None:
                files.remove(hidden)
        for path, data in site.assets.items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.prepared is not None
        paths, playbook, site = self.prepared.paths, self.prepared.playbook, self.prepared.site
        if playbook.brand.model.edit_links:
            source = site.sources.get(page.file.src_uri)
            if source is None and page.file.abs_src_path:
                source = Path(page.file.abs_src_path)
            page.edit_url = paths.edit_link(source) if source else None
        else:
            page.edit_url = None
        if page.file.src_uri == HOME_PAGE:
            markdown = with_contact(markdown, playbook)
        return with_abbreviations(markdown, site.abbreviations)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Material prints a page's title in <title> through `striptags`, which unescapes
        # it ("</title><script>" would break out); a title in the page's meta it prints
        # as it is, escaped once like everywhere else.
        # Only where striptags would change the title: an entry in meta makes Material
        # look up icons, subtitles and status for the page in every page's navigation.
        title = page.title
        if (
            title is not None
            and not page.is_homepage
            and "title" not in page.meta
            and Markup(title).striptags() != title
        ):
            page.meta["title"] = title
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material's language selector leads to this same page in each language.
        return self._link_alternates(output, page.url)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # A page of the theme's own (404) has no equivalent: each language's home.
        return self._link_alternates(output_content, template_name)

    def _link_alternates(self, html: str, page_url: str) -> str:
        assert self.prepared is not None
        playbook = self.prepared.playbook
        if len(playbook.editions) < 2:
            return html
        return link_alternates(html, playbook.brand.model.language, playbook.editions, page_url)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.prepared is not None:
            paths = self.prepared.paths
            server.watch(str(paths.playbook))
            # The brand's folder, not just its file: the logo and fonts live beside it.
            server.watch(str(paths.brand.parent))
            if paths.templates is not None:
                server.watch(str(paths.templates))
            edition = self.prepared.playbook.edition
            for layer in edition.stack.layers if edition is not None else []:
                server.watch(str(layer.folder))
        return server
