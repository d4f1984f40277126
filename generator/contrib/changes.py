"""The change report for reviewers: what content was added, removed or changed since a ref.

Printed as Markdown, ready to post as a pull-request comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.contrib.gate import scoring_changes
from generator.contrib.gitref import Snapshot, content_at, read_content
from generator.model import Assessment, Item
from generator.project import ProjectPaths

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_HEADINGS = {
    "roles": "Roles",
    "structures": "Team structures",
    "starting-points": "Starting points",
}


@dataclass
class Section:
    """One heading of the report and its lines."""

    title: str
    lines: list[str] = field(default_factory=list)


def change_report(paths: ProjectPaths, ref: str) -> str:
    """The Markdown change report of the project's content since ``ref``."""
    old = content_at(ref, paths)
    new = read_content(paths.playbook, paths.brand, paths.root)
    return render_report(ref, old, new)


def render_report(ref: str, old: Snapshot, new: Snapshot) -> str:
    """Compare two snapshots and format the differences as Markdown."""
    sections = [
        *(
            _entity_section(title, old.entities.get(kind, {}), new.entities.get(kind, {}))
            for kind, title in _HEADINGS.items()
        ),
        _assessment_section(old.assessments(), new.assessments()),
        _brand_section(old, new),
    ]
    out = [f"## Content changes since {_code(ref)}", ""]
    shown = [s for s in sections if s.lines]
    if not shown:
        out.append("No changes to roles, structures, starting points, assessments or the brand.")
    for section in shown:
        out += [f"### {section.title}", "", *section.lines, ""]
    unreadable = sorted(set(old.unreadable) | set(new.unreadable))
    if unreadable:
        out += [
            "Not compared (the file does not validate on one side): "
            + ", ".join(_code(name) for name in unreadable),
            "",
        ]
    return "\n".join(out).rstrip("\n") + "\n"


def _entity_section(
    title: str, old: dict[str, Item[BaseModel]], new: dict[str, Item[BaseModel]]
) -> Section:
    section = Section(title)
    for line in _added_removed(old, new):
        section.lines.append(line)
    for key in new:
        if key in old:
            fields = _changed_fields(old[key].model, new[key].model)
            if fields:
                section.lines.append(
                    f"- **changed** `{key}` ({_label(new[key].model)}): {', '.join(fields)}"
                )
    return section


def _assessment_section(
    old: dict[str, Item[Assessment]], new: dict[str, Item[Assessment]]
) -> Section:
    section = Section("Assessments")
    section.lines += _added_removed(old, new)  # type: ignore[arg-type]
    for key, item in new.items():
        if key not in old:
            continue
        before, after = old[key].model, item.model
        lines: list[str] = []
        old_q = {q.id: q for q in before.questions}
        new_q = {q.id: q for q in after.questions}
        lines += [f"  - question **added** `{q}`" for q in new_q if q not in old_q]
        lines += [f"  - question **removed** `{q}`" for q in old_q if q not in new_q]
        for q_id, q in new_q.items():
            if q_id in old_q and old_q[q_id] != q:
                fields = _changed_fields(old_q[q_id], q)
                lines.append(f"  - question **changed** `{q_id}`: {', '.join(fields)}")
        others = _changed_fields(before, after, skip={"questions"})
        if others:
            lines.append(f"  - also changed: {', '.join(others)}")
        scoring = scoring_changes(before, after)
        if lines or scoring:
            version = (
                f"version {before.version} → {after.version}"
                if before.version != after.version
                else f"version {after.version}"
            )
            gate = " — **scoring changed**" if scoring else ""
            section.lines.append(f"- **changed** `{key}` ({version}){gate}")
            section.lines += lines
    return section


def _brand_section(old: Snapshot, new: Snapshot) -> Section:
    section = Section("Brand settings")
    before = dict(_flatten(old.brand.model.model_dump(mode="json"))) if old.brand else {}
    after = dict(_flatten(new.brand.model.model_dump(mode="json"))) if new.brand else {}
    for key in after:
        if key not in before:
            section.lines.append(f"- **added** `{key}`: {_value(after[key])}")
        elif before[key] != after[key]:
            section.lines.append(
                f"- **changed** `{key}`: {_value(before[key])} → {_value(after[key])}"
            )
    section.lines += [f"- **removed** `{key}`" for key in before if key not in after]
    return section


def _added_removed(old: dict[str, Item[BaseModel]], new: dict[str, Item[BaseModel]]) -> list[str]:
    lines = [f"- **added** `{k}` ({_label(v.model)})" for k, v in new.items() if k not in old]
    lines += [f"- **removed** `{k}` ({_label(v.model)})" for k, v in old.items() if k not in new]
    return lines


def _changed_fields(old: BaseModel, new: BaseModel, skip: set[str] | None = None) -> list[str]:
    return [
        f"`{name}`"
        for name in type(new).model_fields
        if name not in (skip or set()) and getattr(old, name) != getattr(new, name)
    ]


def _label(model: BaseModel) -> str:
    return _plain(str(getattr(model, "title", "")))


def _plain(text: str) -> str:
    """Text from a pull request as inert Markdown: on one line, every ASCII punctuation
    mark escaped, so it cannot become a link, an image, HTML, a heading or a table cell."""
    return _PUNCTUATION.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _code(text: str, limit: int = 200) -> str:
    """Text from a pull request as one code span, where Markdown interprets nothing."""
    text = _SPACE.sub(" ", text).replace("`", "'").strip()
    return f"`{text[:limit]}{'…' if len(text) > limit else ''}`"


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Brand settings as dotted keys; lists stay whole (a list changes as one setting)."""
    if isinstance(value, dict) and value:
        for key, child in value.items():
            yield from _flatten(child, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, value


def _value(value: Any) -> str:
    return _code("none" if value is None else str(value), limit=80)
