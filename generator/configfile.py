"""What is wrong with an ``mkdocs.yml``, told in one located line per problem.

MkDocs logs the reasons of a bad configuration and then raises an ``Abort`` that
says only "Aborted with a configuration error!"; a few shapes of file (a bare number
at the top, an ``INHERIT`` that names itself) raise Python errors instead. This
module turns both into messages.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import Abort

from generator.errors import UsageError, display_path

_CONFIG_VALUE = re.compile(r"^Config value '([^']+)': ")
_SHAPES = {yaml.ScalarNode: "a single value", yaml.SequenceNode: "a list"}


def check_top_level(config_file: Path) -> None:
    """Refuse a configuration that is not a mapping of settings, before MkDocs reads it."""
    try:
        with config_file.open("rb") as source:
            root = yaml.compose(source, Loader=yaml.SafeLoader)  # nodes only: any tag is fine
    except (yaml.YAMLError, OSError):
        return  # MkDocs reads it next and says what is wrong, located
    if root is None or isinstance(root, yaml.MappingNode):
        return
    mark = root.start_mark
    raise UsageError(
        f"{config_file}:{mark.line + 1}:{mark.column + 1}: the configuration is"
        f" {_SHAPES.get(type(root), 'not a mapping')}; it must be a mapping of settings,"
        " e.g. 'site_name: My playbook' and 'plugins: [cco-playbook]' on lines of their own"
    )


def config_failure(config_file: Path, exc: Exception, records: list[logging.LogRecord]) -> str:
    """MkDocs' own reasons, one line each: its Abort says only that there were some."""
    syntax = exc.__context__
    if isinstance(syntax, yaml.MarkedYAMLError) and syntax.problem_mark is not None:
        mark = syntax.problem_mark
        # The mark names the file that failed, which INHERIT may make another one.
        where = display_path(Path(mark.name)) if Path(mark.name).is_file() else str(config_file)
        context = f" ({syntax.context})" if syntax.context else ""
        return f"{where}:{mark.line + 1}:{mark.column + 1}: invalid YAML: {syntax.problem}{context}"
    if isinstance(exc, RecursionError):
        return (
            f"{config_file}: the configuration nests too deeply, or its INHERIT chain leads"
            " back to itself; inherit from a different file"
        )
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    if not errors and isinstance(exc, Abort):
        errors = [r.getMessage() for r in records]  # strict mode: the warnings abort
    reasons = [" ".join(_CONFIG_VALUE.sub(r"\1: ", line).split("\n")) for line in errors]
    return "\n".join(f"{config_file}: {reason}" for reason in reasons or [str(exc)])
