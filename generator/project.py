"""Where a project's content lives, as the cco-playbook plugin's options in ``mkdocs.yml``
name it.

Reading those few options needs no MkDocs: ``check``, ``score``, ``new`` and ``diff``
start without importing it, and report a missing file, a missing plugin or a misspelt
option in the same words a build does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.constants import PLUGIN
from generator.errors import UsageError, display_path, suggestion

#: The plugin's options (``generator.site.plugin.PlaybookConfig`` declares the same).
OPTIONS = ("playbook", "brand", "templates", "edit_url")
#: The playbook folder when the options name none.
DEFAULT_PLAYBOOK = "playbook"
#: The brand file, inside the playbook folder, when the options name none.
DEFAULT_BRAND = "brand.yml"


@dataclass(frozen=True)
class ProjectPaths:
    """The folders and files one project is built from."""

    root: Path
    playbook: Path
    brand: Path
    docs: Path
    templates: Path | None
    edit_url: str | None
    #: The language to publish (``--language``); None: the brand's (or the edition's).
    language: str | None = None
    #: A client edition folder (``--edition``) whose changes the content is read with.
    edition: Path | None = None

    @classmethod
    def from_options(
        cls,
        config_file: Path,
        docs_dir: Path,
        options: Mapping[str, Any],
        brand: Path | None = None,
        language: str | None = None,
        edition: Path | None = None,
    ) -> ProjectPaths:
        """The paths the plugin ``options`` name; ``brand`` (``--brand``) replaces theirs,
        and ``language`` (``--language``) the brand's language."""
        root = config_file.resolve().parent
        playbook_dir = (root / (options.get("playbook") or DEFAULT_PLAYBOOK)).resolve()
        named_brand = options.get("brand")
        if brand is not None:
            brand_file = brand.resolve()
        elif named_brand:
            brand_file = (root / named_brand).resolve()
        else:
            brand_file = playbook_dir / DEFAULT_BRAND
        templates = options.get("templates")
        return cls(
            root=root,
            playbook=playbook_dir,
            brand=brand_file,
            docs=docs_dir.resolve(),
            templates=(root / templates).resolve() if templates else None,
            edit_url=options.get("edit_url") or None,
            language=language,
            edition=edition.resolve() if edition is not None else None,
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


def read_project(
    config_file: Path,
    brand: Path | None = None,
    language: str | None = None,
    edition: Path | None = None,
) -> ProjectPaths:
    """The project ``config_file`` describes, read without MkDocs."""
    require_config(config_file)
    config = _read_config(config_file)
    # The one setting MkDocs requires, checked here too so that check and build agree.
    if "site_name" not in config:
        raise UsageError(f"{config_file}: site_name: Required configuration not provided.")
    options = plugin_options(config, config_file)
    docs = config.get("docs_dir") or "docs"
    if not isinstance(docs, str):
        raise UsageError(f"{config_file}: 'docs_dir' must name a folder")
    return ProjectPaths.from_options(
        config_file, config_file.resolve().parent / docs, options, brand, language, edition
    )


def require_config(config_file: Path) -> None:
    """A usage error when there is no ``mkdocs.yml`` to read."""
    if not config_file.is_file():
        raise UsageError(
            f"no MkDocs configuration at '{config_file}'; run the command in a project folder"
            " or name the file with -f path/to/mkdocs.yml"
        )


def no_plugin(config_file: Path) -> UsageError:
    """The configuration does not list the cco-playbook plugin."""
    return UsageError(f"{config_file} does not use the '{PLUGIN}' plugin; add it under 'plugins:'")


def unknown_option(config_file: Path, option: str) -> UsageError:
    """A misspelt or unknown plugin option, with the closest known one."""
    return UsageError(
        f"{config_file}: unknown option '{option}' of the {PLUGIN} plugin"
        f" ({suggestion(option, OPTIONS)})"
    )


def plugin_options(config: Mapping[str, Any], config_file: Path) -> dict[str, Any]:
    """The cco-playbook plugin's options from a parsed ``mkdocs.yml``, checked."""
    for name, options in _plugin_entries(config.get("plugins", ["search"]), config_file):
        if name.lstrip("/") != PLUGIN:
            continue
        if options is None:
            options = {}
        if not isinstance(options, dict):
            raise UsageError(f"{config_file}: invalid options for the '{PLUGIN}' plugin")
        options = dict(options)
        # MkDocs' generic switch for plugins without an 'enabled' option of their own.
        if options.pop("enabled", True) is False:
            break
        for key, value in options.items():
            if key not in OPTIONS:
                raise unknown_option(config_file, str(key))
            if value is not None and not isinstance(value, str):
                raise UsageError(
                    f"{config_file}: option '{key}' of the {PLUGIN} plugin must be text,"
                    f" not {type(value).__name__}"
                )
        return options
    raise no_plugin(config_file)


def _plugin_entries(plugins: Any, config_file: Path) -> list[tuple[str, Any]]:
    # MkDocs accepts a list of names and one-key mappings, or one mapping of them all.
    if isinstance(plugins, dict):
        return [(str(name), options) for name, options in plugins.items()]
    if not isinstance(plugins, list):
        raise UsageError(f"{config_file}: 'plugins' must be a list")
    entries: list[tuple[str, Any]] = []
    for item in plugins:
        if isinstance(item, dict) and len(item) == 1:
            entries.extend((str(name), options) for name, options in item.items())
        elif isinstance(item, str):
            entries.append((item, {}))
    return entries


class _ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` as MkDocs does, for the options only: the tags MkDocs accepts
    (``!ENV``, ``!relative``, ``!!python/...``) are read, never run; others are errors."""


def _environment(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV VAR`` and ``!ENV [VAR, OTHER, default]``."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    if not isinstance(node, yaml.SequenceNode):
        return None
    names = [str(loader.construct_scalar(n)) for n in node.value if isinstance(n, yaml.ScalarNode)]
    fallback = names.pop() if len(names) > 1 else None
    return next((os.environ[name] for name in names if name in os.environ), fallback)


def _not_ours(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_constructor("!relative", lambda loader, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _not_ours)
_SHAPES = {yaml.ScalarNode: "a single value", yaml.SequenceNode: "a list"}


def not_a_mapping(config_file: Path, node: yaml.Node) -> UsageError:
    """The configuration is a list or a single value instead of settings."""
    mark = node.start_mark
    return UsageError(
        f"{config_file}:{mark.line + 1}:{mark.column + 1}: the configuration is"
        f" {_SHAPES.get(type(node), 'not a mapping')}; it must be a mapping of settings,"
        " e.g. 'site_name: My playbook' and 'plugins: [cco-playbook]' on lines of their own"
    )


def inherit_loop(config_file: Path) -> UsageError:
    """The configuration inherits from itself, directly or through others."""
    return UsageError(
        f"{config_file}: the configuration nests too deeply, or its INHERIT chain leads"
        " back to itself; inherit from a different file"
    )


def invalid_yaml(config_file: Path, exc: yaml.MarkedYAMLError) -> str:
    """A YAML syntax or tag error in ``config_file``, located on one line."""
    mark = exc.problem_mark
    assert mark is not None
    context = f" ({exc.context})" if exc.context else ""
    where = display_path(config_file)
    return f"{where}:{mark.line + 1}:{mark.column + 1}: invalid YAML: {exc.problem}{context}"


def _read_config(
    config_file: Path, origin: Path | None = None, seen: frozenset[Path] = frozenset()
) -> dict[str, Any]:
    """``mkdocs.yml`` as data, with an ``INHERIT``-ed parent merged in as MkDocs does."""
    origin = origin or config_file
    if config_file.resolve() in seen:
        raise inherit_loop(origin)
    try:
        with config_file.open("rb") as stream:
            loader = _ConfigLoader(stream)
            try:
                node = loader.get_single_node()
                if node is not None and not isinstance(node, yaml.MappingNode):
                    raise not_a_mapping(config_file, node)
                data = loader.construct_document(node) if node is not None else {}
            finally:
                loader.dispose()
    except yaml.MarkedYAMLError as exc:
        if exc.problem_mark is None:
            raise UsageError(f"{config_file}: {exc}") from exc
        raise UsageError(invalid_yaml(config_file, exc)) from exc
    except OSError as exc:
        raise UsageError(f"cannot read {config_file}: {exc.strerror}") from exc
    settings: dict[str, Any] = data
    parent = settings.pop("INHERIT", None)
    if isinstance(parent, str):
        parent_file = Path(os.path.normpath(config_file.parent / parent))
        if not parent_file.is_file():
            raise UsageError(f"{config_file}: the inherited file '{parent}' does not exist")
        parent_settings = _read_config(parent_file, origin, seen | {config_file.resolve()})
        settings = _merge(parent_settings, settings)
    return settings


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        old = merged.get(key)
        merged[key] = (
            _merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return merged
