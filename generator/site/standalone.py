"""``render --out``: a complete project that stock MkDocs + Material builds without us.

The content must outlive any one site generator, so the rendered Markdown, the
assets and a plain ``mkdocs.yml`` are written as ordinary files.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]
import yaml
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data
from mkdocs.utils.rendering import get_heading_text

from generator.constants import PLUGIN
from generator.outputs import RENDER, RENDER_MARKER, check_outputs
from generator.render import with_abbreviations
from generator.edition.pages import HOME_PAGE, with_contact
from generator.site.build import load_mkdocs_config, theme_sources
from generator.site.prepare import prepare, project_paths

_THEME_KEYS = ("language", "features", "palette", "font", "logo", "favicon", "icon")


def write_standalone(
    config_file: Path,
    out: Path,
    *,
    brand: Path | None = None,
    language: str | None = None,
    edition: Path | None = None,
) -> int:
    """Write docs, generated pages, assets and mkdocs.yml to ``out``; return the file count."""
    config = load_mkdocs_config(config_file)
    paths = project_paths(config, brand, language, edition)
    check_outputs(paths, {RENDER: out}, sources=theme_sources(config))
    # Every content error is reported before anything is written.
    prepared = prepare(config, paths)
    site = prepared.site
    titles = _PageTitles(config)
    out.mkdir(parents=True, exist_ok=True)
    (out / RENDER_MARKER).write_text(
        "Written by 'cco-playbook render'; the next render replaces this folder's docs/.\n",
        encoding="utf-8",
    )
    docs_out = out / "docs"
    if docs_out.exists():
        shutil.rmtree(docs_out)
    docs_out.mkdir(parents=True)
    count = 0
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            rel = path.relative_to(docs)
            (docs_out / rel).parent.mkdir(parents=True, exist_ok=True)
            if rel.as_posix() in site.hidden_docs:
                continue
            if path.suffix == ".md":
                text = site.docs.get(rel.as_posix()) or path.read_text(encoding="utf-8")
                if rel.as_posix() == HOME_PAGE:
                    text = with_contact(text, prepared.playbook)
                text = with_abbreviations(text, site.abbreviations)
                (docs_out / rel).write_text(titles.safe(rel.as_posix(), text), encoding="utf-8")
            else:
                shutil.copyfile(path, docs_out / rel)
            count += 1
    for rel_page, page in site.pages.items():
        target = docs_out / rel_page
        target.parent.mkdir(parents=True, exist_ok=True)
        text = with_abbreviations(page, site.abbreviations)
        target.write_text(titles.safe(rel_page, text), encoding="utf-8")
        count += 1
    for rel_asset, data in site.assets.items():
        target = docs_out / rel_asset
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    count += _copy_theme_overrides(config, out)
    (out / "mkdocs.yml").write_text(
        yaml.safe_dump(standalone_config(config), sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return count + 1


class _PageTitles(Treeprocessor):  # type: ignore[misc]
    """Titles that survive Material's ``<title>``, which prints a page's title through
    ``striptags``: that unescapes it, so a heading reading ``</title><script>`` would
    break out. A title in the page's front matter Material prints as it is (escaped once,
    like everywhere else); the plugin build does the same in ``on_page_content``.
    """

    def __init__(self, config: MkDocsConfig) -> None:
        super().__init__(
            markdown.Markdown(
                extensions=config.markdown_extensions, extension_configs=config.mdx_configs
            )
        )
        self.md.treeprocessors.register(self, "cco_page_title", priority=1)
        self.title: str | None = None

    def run(self, root: Any) -> None:
        # MkDocs' own rule: the text of a first-level heading that opens the page.
        first = next(iter(root), None)
        self.title = (
            get_heading_text(first, self.md) if first is not None and first.tag == "h1" else None
        )

    def safe(self, rel: str, text: str) -> str:
        """``text`` with its title in the front matter wherever ``striptags`` would change it."""
        body, meta = get_data(text)
        # The home page's <title> is the site's name; a title of its own would replace it.
        if rel == "index.md" or "title" in meta:
            return text
        self.md.reset()
        self.md.convert(body)
        title = self.title
        # Only there: an entry in the front matter makes Material look up icons, subtitles
        # and status for the page in every page's navigation.
        if title is None or Markup(title).striptags() == title:
            return text
        front = yaml.safe_dump({**meta, "title": title}, sort_keys=False, allow_unicode=True)
        return f"---\n{front}---\n\n{body}"


def _copy_theme_overrides(config: MkDocsConfig, out: Path) -> int:
    custom = config.theme.custom_dir
    if not custom:
        return 0
    target = out / "overrides"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(custom, target)
    return sum(1 for p in target.rglob("*") if p.is_file())


def standalone_config(config: MkDocsConfig) -> dict[str, Any]:
    """The settings of a processed config that a plugin-free build needs."""
    theme: dict[str, Any] = {"name": config.theme.name}
    if config.theme.custom_dir:
        theme["custom_dir"] = "overrides"
    for key in _THEME_KEYS:
        if key in config.theme and config.theme[key] not in (None, [], {}):
            theme[key] = config.theme[key]
    result: dict[str, Any] = {
        # Plain strings for YAML (the brand's are escaped markup, see brand.apply_brand).
        "site_name": str(config.site_name),
        "site_description": str(config.site_description) if config.site_description else None,
        "site_url": config.site_url,
        "copyright": config.copyright,
        "docs_dir": "docs",
        "use_directory_urls": config.use_directory_urls,
        "theme": theme,
        "nav": config.nav,
        "markdown_extensions": [
            {name: config.mdx_configs[name]} if name in config.mdx_configs else name
            for name in config.markdown_extensions
            if (not name.startswith("mkdocs.") and name not in ("toc", "tables", "fenced_code"))
            or name in config.mdx_configs
        ],
        "extra_css": [str(p) for p in config.extra_css],
        "extra_javascript": [_script(s) for s in config.extra_javascript],
        "extra": dict(config.extra),
        "validation": _validation(config),
        "plugins": [
            _plugin(name, plugin) for name, plugin in config.plugins.items() if name != PLUGIN
        ],
    }
    return {k: v for k, v in result.items() if v not in (None, [], {})}


def _plugin(name: str, plugin: Any) -> Any:
    """A plugin with every option that differs from its default (the search's word
    separator, the language the brand chose), or its bare name when none does."""
    defaults = {key: option.default for key, option in plugin.config_scheme}
    options = {k: v for k, v in plugin.config.items() if k not in defaults or v != defaults[k]}
    return {name: options} if options else name


def _script(script: Any) -> Any:
    path = getattr(script, "path", None)
    if path is None:
        return str(script)
    attrs = {k: v for k in ("type", "async", "defer") if (v := getattr(script, k, None))}
    return {"path": path, **attrs} if attrs else path


def _validation(config: MkDocsConfig) -> dict[str, Any]:
    names = {10: "info", 20: "info", 30: "warn"}
    v = config.validation
    return {
        "nav": {
            "omitted_files": names.get(v.nav.omitted_files, "info"),
            "not_found": names.get(v.nav.not_found, "warn"),
            "absolute_links": names.get(v.nav.absolute_links, "info"),
        },
        "links": {
            "not_found": names.get(v.links.not_found, "warn"),
            "absolute_links": names.get(v.links.absolute_links, "info"),
            "unrecognized_links": names.get(v.links.unrecognized_links, "info"),
            "anchors": names.get(v.links.anchors, "info"),
        },
    }
