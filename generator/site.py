"""Build a whole site safely: check, build into a temporary folder, then swap it in."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from generator.configfile import check_top_level, config_failure
from generator.errors import PlaybookError, UsageError, suggestion
from generator.model import Playbook
from generator.outputs import SITE, SITE_MARKER, OutputKind, check_outputs, explained_failure
from generator.project import ProjectPaths
from generator.reproducible import check_source_date_epoch, source_date_epoch
from generator.swap import claimed_file, folder_swap

PLUGIN = "cco-playbook"
_UNKNOWN_OPTION = re.compile(r"Plugin 'cco-playbook' option '([^']+)': Unrecognised")
Progress = Callable[[str], None]


class BuildFailed(PlaybookError):
    """MkDocs could not build the site (exit status 1)."""


def load_mkdocs_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load ``mkdocs.yml`` with the plugin in place, or explain what is wrong."""
    if not config_file.is_file():
        raise UsageError(
            f"no MkDocs configuration at '{config_file}'; run the command in a project folder"
            " or name the file with -f path/to/mkdocs.yml"
        )
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
            allowed = [key for key, _ in type(config.plugins[PLUGIN].config)._schema]
            raise UsageError(
                f"{config_file}: unknown option '{option.group(1)}' of the {PLUGIN} plugin"
                f" ({suggestion(option.group(1), allowed)})"
            )
        print(f"WARNING -  {warning}", file=sys.stderr)
    if PLUGIN not in config.plugins:
        raise UsageError(
            f"{config_file} does not use the '{PLUGIN}' plugin; add it under 'plugins:'"
        )
    return config


def project_paths(config: MkDocsConfig, brand: Path | None = None) -> ProjectPaths:
    """The content locations named by the plugin options (``brand`` overrides the file)."""
    options = config.plugins[PLUGIN].config
    if brand is not None:
        options.brand = str(brand.resolve())
    return ProjectPaths.from_options(
        Path(config.config_file_path or "mkdocs.yml"),
        Path(config.docs_dir),
        options.playbook,
        options.brand,
        options.templates,
        options.edit_url,
    )


def check(config_file: Path, brand: Path | None = None) -> Playbook:
    """Load and validate; raises ContentErrors naming every problem."""
    config = load_mkdocs_config(config_file)
    return project_paths(config, brand).load()


def build_site(
    config_file: Path,
    site_dir: Path | None,
    *,
    brand: Path | None = None,
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
    paths = project_paths(config, brand)
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
            playbook = paths.load()
            config.site_dir = str(swap.staging)
            progress("building the site with MkDocs")
            try:
                with _mkdocs_logging(), source_date_epoch(config_file.resolve().parent):
                    mkdocs_build(config)
            except (Abort, MkDocsException) as exc:
                raise BuildFailed(f"the MkDocs build failed: {exc}") from exc
            if after_build is not None:
                after_build(swap.staging, config, playbook)
            progress(f"replacing {_shown(target)}")
            swap.publish()
    config.site_dir = str(target)
    return target, config, playbook


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
