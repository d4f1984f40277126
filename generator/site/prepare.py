"""The one step between the content and MkDocs: load, render, and set what MkDocs needs.

The plugin's ``on_config`` and ``render --out`` both call :func:`prepare`. A build that
has checked the content already (``cco-playbook build``) hands its playbook in, so the
content is loaded and validated once per build.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.constants import MARKDOWN_EXTENSIONS, PLUGIN
from generator.model import Playbook
from generator.playbook import load_playbook
from generator.project import ProjectPaths
from generator.render import RenderedSite, render_site
from generator.edition.pages import apply_edition
from generator.layer import mark_untranslated
from generator.site.languages import alternates
from generator.site.brand import BRAND_CSS, apply_brand, brand_assets
from generator.ui_strings import ui_strings

log = logging.getLogger("mkdocs.plugins.cco-playbook")


@dataclass(frozen=True)
class Prepared:
    """A playbook ready for MkDocs: where it came from, its content, its pages and files."""

    paths: ProjectPaths
    playbook: Playbook
    site: RenderedSite


def project_paths(
    config: MkDocsConfig,
    brand: Path | None = None,
    language: str | None = None,
    edition: Path | None = None,
) -> ProjectPaths:
    """The content locations the plugin's options name; ``brand`` replaces the brand file,
    ``language`` the brand's language, and ``edition`` names a client edition."""
    return ProjectPaths.from_options(
        Path(config.config_file_path or "mkdocs.yml"),
        Path(config.docs_dir),
        config.plugins[PLUGIN].config,
        brand,
        language,
        edition,
    )


def prepare(config: MkDocsConfig, paths: ProjectPaths, playbook: Playbook | None = None) -> Prepared:
    """Load and validate (unless ``playbook`` is given), render, and set on ``config`` the
    navigation, Markdown extensions, stylesheets, scripts and brand the pages need."""
    if playbook is None:
        playbook = load_playbook(paths)
    site = render_site(playbook, paths.templates)
    _apply_language(playbook, site)
    apply_edition(playbook, site, paths.docs)
    # The brand's stylesheet speaks Material's variables: it belongs to this stage.
    site.assets.update(brand_assets(playbook))
    site.extra_css.append(BRAND_CSS)
    if config.use_directory_urls:
        log.warning(
            "use_directory_urls is true: pages get folder URLs, which do not open from"
            " disk (file://) and break the assessment scripts; set"
            " 'use_directory_urls: false' in mkdocs.yml"
        )
    config.nav = site.nav
    config.markdown_extensions.extend(
        name for name in MARKDOWN_EXTENSIONS if name not in config.markdown_extensions
    )
    config.extra_css = [*site.extra_css, *config.extra_css]
    config.extra_javascript = [*site.extra_javascript, *config.extra_javascript]
    apply_brand(config, playbook, edit_links=bool(paths.edit_url))
    if len(playbook.editions) > 1:
        config.extra["alternate"] = alternates(playbook.editions)
    return Prepared(paths, playbook, site)


def _apply_language(playbook: Playbook, site: RenderedSite) -> None:
    """Publish the language layer's docs pages, and mark every page that shows English
    for want of a current translation; say what is missing (a warning: --strict fails)."""
    layer = playbook.language
    if layer is None:
        return
    ui = ui_strings(layer.report.language)
    title, text = ui["untranslated_title"], ui["untranslated_text"]
    incomplete = layer.report.incomplete()
    for page, source in site.sources.items():
        if page in site.pages and source in incomplete:
            site.pages[page] = mark_untranslated(site.pages[page], title, text)
    for page, markdown in layer.docs.items():
        shown = mark_untranslated(markdown, title, text) if page in layer.docs_in_english else markdown
        site.docs[page] = shown
    for warning in layer.report.warnings:
        log.warning(str(warning))
