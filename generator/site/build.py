"""Build a whole site safely: check, build into a temporary folder, then swap it in."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from generator.site.config import check_top_level, config_failure
from generator.constants import PLUGIN
from generator.errors import BuildFailed, UsageError
from generator.model import Playbook
from generator.outputs import SITE, SITE_MARKER, OutputKind, check_outputs, explained_failure
from generator.playbook import load_playbook
from generator.project import ProjectPaths, no_plugin, require_config, unknown_option
from generator.reproducible import check_source_date_epoch, source_date_epoch
from generator.site.languages import Edition, site_editions
from generator.site.plugin import PlaybookPlugin
from generator.site.prepare import project_paths
from generator.site.swap import claimed_file, folder_swap

_UNKNOWN_OPTION = re.compile(r"Plugin 'cco-playbook' option '([^']+)': Unrecognised")
Progress = Callable[[str], None]


def load_mkdocs_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load ``mkdocs.yml`` with the plugin in place, or explain what is wrong."""
    require_config(config_file)
    check_top_level(config_file)
    records: list[logging.LogRecord] = []
    try:
        with _collect_warnings(records):
            config = load_config(str(config_file), **overrides)
    except (ConfigurationError, Abort, RecursionError) as exc:
        raise UsageError(config_failure(config_file, exc, records)) from exc
    except OSError as exc:
        raise UsageError(f"cannot read {config_file}: {exc.strerror}") from exc
    for warning in (r.getMessage() for r in records):
        option = _UNKNOWN_OPTION.search(warning)
        if option:
            raise unknown_option(config_file, option.group(1))
        print(f"WARNING -  {warning}", file=sys.stderr)
    if PLUGIN not in config.plugins:
        raise no_plugin(config_file)
    return config


def playbook_plugin(config: MkDocsConfig) -> PlaybookPlugin:
    """The cco-playbook plugin instance MkDocs created for ``config``."""
    plugin = config.plugins[PLUGIN]
    assert isinstance(plugin, PlaybookPlugin)
    return plugin


def build_site(
    config_file: Path,
    site_dir: Path | None,
    *,
    brand: Path | None = None,
    language: str | None = None,
    edition: Path | None = None,
    strict: bool = False,
    progress: Progress,
    files: Mapping[OutputKind, Path | None] | None = None,
    after_build: Callable[[Path, MkDocsConfig, Playbook], None] | None = None,
) -> tuple[Path, MkDocsConfig, Playbook]:
    """Build into a staging folder and swap it in for ``site_dir`` only when all went well.

    ``files`` are the other outputs ``after_build`` writes (the ZIP, the PDF): they are
    checked with the site folder before anything is built, and held for the whole run.
    """
    progress("checking content")
    config = load_mkdocs_config(config_file, strict=strict)
    paths = project_paths(config, brand, language, edition)
    outputs = check_outputs(
        paths,
        {SITE: site_dir or Path(config.site_dir), **(files or {})},
        sources=theme_sources(config),
    )
    check_source_date_epoch()
    target = outputs[SITE]
    with ExitStack() as claims:
        for kind, path in outputs.items():
            if not kind.folder:
                with explained_failure(kind, path):
                    claims.enter_context(claimed_file(path))
        # Locked and recovered before the content is read: a run that stops at a
        # content error still puts back a site that an interrupted run had moved aside.
        with explained_failure(SITE, target), folder_swap(target, SITE_MARKER, progress) as swap:
            playbook = load_playbook(paths)
            # The plugin publishes what was just checked: the content is loaded once.
            playbook_plugin(config).use(paths, playbook)
            config.site_dir = str(swap.staging)
            progress("building the site with MkDocs")
            _mkdocs_build(config, config_file)
            for other in site_editions(playbook.editions)[1:]:
                _build_edition(config_file, paths, other, swap.staging, strict, progress)
            if after_build is not None:
                after_build(swap.staging, config, playbook)
            progress(f"replacing {_shown(target)}")
            swap.publish()
    config.site_dir = str(target)
    return target, config, playbook




def _mkdocs_build(config: MkDocsConfig, config_file: Path) -> None:
    try:
        with _mkdocs_logging(), source_date_epoch(config_file.resolve().parent):
            mkdocs_build(config)
    except (Abort, MkDocsException) as exc:
        raise BuildFailed(f"the MkDocs build failed: {exc}") from exc


def _build_edition(
    config_file: Path,
    paths: ProjectPaths,
    edition: Edition,
    staging: Path,
    strict: bool,
    progress: Progress,
) -> None:
    """One further language of the site, into its folder of the staging site."""
    folder = staging / edition.folder
    if folder.exists():
        raise BuildFailed(
            f"the site already has a '{edition.folder}/' folder (from docs/), where the"
            f" '{edition.language}' edition goes; rename that docs folder"
        )
    progress(f"building the '{edition.language}' edition into {edition.folder}/")
    edition_paths = replace(paths, language=edition.language)
    config = load_mkdocs_config(config_file, strict=strict)
    playbook_plugin(config).use(edition_paths, load_playbook(edition_paths))
    config.site_dir = str(folder)
    _mkdocs_build(config, config_file)


def theme_sources(config: MkDocsConfig) -> list[tuple[str, Path]]:
    """Folders the theme reads from that an output must never replace."""
    custom = config.theme.custom_dir
    return [("the theme's custom_dir", Path(custom))] if custom else []


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return path.as_posix() + "/"


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record)


@contextmanager
def _collect_warnings(sink: list[logging.LogRecord]) -> Any:
    """Keep MkDocs' configuration warnings, so the command can report them its own way."""
    logger = logging.getLogger("mkdocs")
    handler = _ListHandler(sink)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@contextmanager
def _mkdocs_logging() -> Any:
    """Show MkDocs warnings and errors on stderr, as the mkdocs command would."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
