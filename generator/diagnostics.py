"""How errors are shown: compiler-style lines on stderr, or GitHub annotations on stdout.

What they quote (file names, YAML text, paths) comes from pull requests and the command
line: it is escaped so that it can never start a line that a CI runner acts on.
"""

from __future__ import annotations

import sys

from generator.errors import ContentError, ContentErrors, PlaybookError


def progress(step: str) -> None:
    """One line of progress on stderr (results go to stdout)."""
    print(f"cco-playbook: {step}", file=sys.stderr, flush=True)


def report(exc: PlaybookError, fmt: str) -> None:
    """Print an error: ``file:line:col: message`` lines, or GitHub annotations on stdout."""
    if isinstance(exc, ContentErrors):
        for error in exc.errors:
            if fmt == "github":
                print(
                    f"::error file={_annotation_property(error.file)},line={error.line},"
                    f"col={error.column}::{_annotation_data(error.text)}",
                    file=sys.stdout,
                )
            else:
                print(_printable(str(error)), file=sys.stderr)
        count = len(exc.errors)
        print(
            f"cco-playbook: {count} content error{'s' if count != 1 else ''}; nothing was built",
            file=sys.stderr,
        )
    else:
        report_error(str(exc))


def report_warning(warning: ContentError, fmt: str) -> None:
    """A located warning: a ``warning:`` line on stderr, or a GitHub warning annotation."""
    if fmt == "github":
        print(
            f"::warning file={_annotation_property(warning.file)},line={warning.line},"
            f"col={warning.column}::{_annotation_data(warning.text)}",
            file=sys.stdout,
        )
    else:
        progress(f"warning: {_printable(str(warning))}")


def report_error(message: str) -> None:
    """Print a message that has no place in a content file, one prefixed line per line."""
    # Every line starts with the prefix, so nothing a path holds can begin a line
    # that CI runners read as a command.
    for line in message.splitlines() or [""]:
        print(f"cco-playbook: error: {_printable(line)}", file=sys.stderr)


def _printable(text: str) -> str:
    """Control characters (a newline in a file name) shown as escapes, never acted on."""
    return "".join(
        c if c.isprintable() or c == "\t" else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


def _annotation_data(text: str) -> str:
    """The message of a GitHub workflow command, escaped as the runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _annotation_property(text: str) -> str:
    """A property value (file=...): ':' and ',' would end it early."""
    return _annotation_data(text).replace(":", "%3A").replace(",", "%2C")
