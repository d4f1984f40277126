"""How an edition names what it changes: items by id, fields by dotted paths.

An item is a page (``roles/cco``), a single file (``playbook``, ``glossary``), an item of
an assessment (``assessments/fit/questions/budget``) or a glossary term
(``glossary/net-promoter-score``, from its term or abbreviation); a field inside it is a
dotted path whose steps are keys, list positions or the ids of list items
(``choices.yes.label``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.errors import KeyPath, format_key_path, suggestion
from generator.model.base import _slugify
from generator.model.content import Glossary
from generator.model.texts import step


def term_addresses(term: dict[str, Any]) -> set[str]:
    found = set()
    if isinstance(term.get("term"), str):
        found.add(f"glossary/{_slugify(term['term'])}")
    if isinstance(term.get("abbreviation"), str):
        found.add(f"glossary/{_slugify(term['abbreviation'])}")
    return found


def sub_item(data: dict[str, Any], model: type[BaseModel], rest: str) -> KeyPath | None:
    """The key path of ``list/id`` (or a glossary term's slug) inside an item."""
    if not rest:
        return ()
    if model is Glossary:
        for i, term in enumerate(data.get("terms") or []):
            if isinstance(term, dict) and f"glossary/{rest}" in term_addresses(term):
                return ("terms", i)
        return None
    name, _, wanted = rest.partition("/")
    for i, entry in enumerate(data.get(name) or []):
        if isinstance(entry, dict) and entry.get("id") == wanted:
            return (name, i)
    return None


def resolve(
    data: dict[str, Any], base: KeyPath, dotted: str, model: type[BaseModel]
) -> tuple[KeyPath, Any] | str:
    """The key path and type of ``dotted`` inside the item at ``base``, or what is wrong."""
    path: list[str | int] = list(base)
    annotation: Any = model
    for key in base:
        annotation = step(annotation, key)
    value: Any = get(data, base)
    for raw in dotted.split("."):
        part: str | int
        if isinstance(value, list):
            if raw.isdigit() and int(raw) < len(value):
                part = int(raw)
            else:
                ids = [e.get("id") for e in value if isinstance(e, dict)]
                if raw not in ids:
                    return f"'{raw}' is not an item of {format_key_path(tuple(path))}: " + (
                        suggestion(raw, [str(i) for i in ids if i])
                        if any(ids)
                        else "use a position"
                    )
                part = ids.index(raw)
        elif isinstance(value, dict):
            if raw not in value:
                return f"'{dotted}' names no field here: {suggestion(raw, value)}"
            part = raw
        else:
            return f"'{dotted}' names no field here"
        annotation = step(annotation, part)
        path.append(part)
        value = value[part]
    return tuple(path), annotation


def get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def set_value(data: Any, path: KeyPath, value: Any) -> None:
    parent = get(data, path[:-1])
    parent[path[-1]] = value


def prune_nav(data: dict[str, Any], hidden: frozenset[str]) -> None:
    def keep(entries: list[Any]) -> list[Any]:
        kept: list[Any] = []
        for entry in entries:
            if isinstance(entry, str):
                if entry not in hidden:
                    kept.append(entry)
            elif isinstance(entry, dict):
                kept.append({k: keep(v) if isinstance(v, list) else v for k, v in entry.items()})
        return kept

    if isinstance(data.get("nav"), list):
        data["nav"] = keep(data["nav"])
