"""Build a whole site safely: check, build into a temporary folder, then swap it in."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from generator.constants import PLUGIN
from generator.errors import BuildFailed, ProjectError, UsageError
from generator.model import Playbook
from generator.playbook import load_playbook
from generator.project import no_plugin, require_config, unknown_option
from generator.site.plugin import BRAND_ENV, PlaybookPlugin
from generator.site.prepare import project_paths
from generator.reproducible import source_date_epoch

_UNKNOWN_OPTION = re.compile(r"Plugin 'cco-playbook' option '([^']+)': Unrecognised")
Progress = Callable[[str], None]


def load_mkdocs_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load ``mkdocs.yml`` with the plugin in place, or explain what is wrong."""
    require_config(config_file)
    warnings: list[str] = []
    try:
        with _collect_warnings(warnings):
            config = load_config(str(config_file), **overrides)
    except (ConfigurationError, Abort) as exc:
        raise UsageError(f"{config_file}: {exc}") from exc
    for warning in warnings:
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
    strict: bool = False,
    progress: Progress,
    after_build: Callable[[Path, MkDocsConfig, Playbook], None] | None = None,
) -> tuple[Path, MkDocsConfig, Playbook]:
    """Build into a temporary folder and replace ``site_dir`` only when all went well."""
    progress("checking content")
    config = load_mkdocs_config(config_file, strict=strict)
    paths = project_paths(config, brand)
    playbook = load_playbook(paths)
    # The plugin publishes what was just checked: the content is loaded once.
    playbook_plugin(config).use(paths, playbook)
    target = (site_dir or Path(config.site_dir)).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        config.site_dir = str(staging)
        progress("building the site with MkDocs")
        try:
            with _mkdocs_logging(), source_date_epoch(config_file.resolve().parent):
                mkdocs_build(config)
        except (Abort, MkDocsException) as exc:
            raise BuildFailed(f"the MkDocs build failed: {exc}") from exc
        if after_build is not None:
            after_build(staging, config, playbook)
        progress(f"replacing {_shown(target)}")
        _swap(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    config.site_dir = str(target)
    return target, config, playbook


def serve_site(config_file: Path, *, brand: Path | None, dev_addr: str | None) -> None:
    """Check the content, then preview it with MkDocs' live-reloading server."""
    config = load_mkdocs_config(config_file)
    load_playbook(project_paths(config, brand))  # every content error before serving
    if brand is not None:
        # MkDocs re-reads mkdocs.yml for every rebuild: only the environment reaches it.
        os.environ[BRAND_ENV] = str(brand.resolve())
    serve(str(config_file), dev_addr=dev_addr, livereload=True)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target``; the old site survives until the new one is in."""
    old = None
    if target.exists():
        if not target.is_dir():
            raise ProjectError(f"'{target}' exists and is not a folder; choose another --site-dir")
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return path.as_posix() + "/"


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


@contextmanager
def _collect_warnings(sink: list[str]) -> Any:
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
