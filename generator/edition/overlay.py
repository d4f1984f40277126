"""Stage 2, before validation: a stack of editions applied to each content file.

Every change names what it changes by id, never by position: an item is a page
(``roles/cco``), a single file (``playbook``, ``glossary``, ``factors``), an item of an
assessment (``assessments/fit/questions/budget``) or a glossary term
(``glossary/net-promoter-score``); a field inside it is a dotted path whose steps are
keys, list positions or the ids of list items (``choices.yes.label``). An edition may
change texts only, as a translation may (see :mod:`generator.model.texts`); what it adds
is validated as if it stood in the base file, and errors in it are located in
``edition.yml``.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.edition.address import get, prune_nav, resolve, set_value, sub_item, term_addresses
from generator.edition.config import EditionLayer, Stack
from generator.edition.prune import Pruned, first_hidden_ref, page_of, prune, prune_assessment
from generator.errors import ContentError, KeyPath, format_key_path, suggestion
from generator.layer import fingerprint
from generator.load import SourceFile
from generator.model.assessment import Assessment
from generator.model.content import Glossary
from generator.model.playbook import PlaybookInfo
from generator.model.texts import is_text, texts

#: The lists of an assessment whose items an edition may hide or add to.
HIDEABLE = ("questions", "actions", "outcomes")
#: The lists of an assessment whose items an edition may add to.
ADDABLE = ("questions", "actions")


@dataclass(frozen=True)
class Origin:
    """The place in an ``edition.yml`` that made a change."""

    source: SourceFile
    path: KeyPath

    def error(self, message: str, hint: str | None = None, *, key: bool = False) -> ContentError:
        return self.source.error(self.path, message, hint, key=key)

    @property
    def where(self) -> str:
        at = self.source.locate(self.path)
        return f"{self.source.display}:{at.line}:{at.column}"


class EditedSource(SourceFile):
    """A content file as an edition changed it. An error in a value the edition wrote is
    located in ``edition.yml``; an error that only the edition's hides can have caused,
    at the line that hid the item; any other where the file beneath locates it."""

    def __init__(
        self, under: SourceFile, data: Any, origins: dict[KeyPath, Origin], hides: list[Origin]
    ) -> None:
        super().__init__(under.path, under.display, data, under.values, under.keys)
        self.under = under
        self.origins = origins
        self.hides = hides

    def error(
        self, path: KeyPath, message: str, hint: str | None = None, *, key: bool = False
    ) -> ContentError:
        for i in range(len(path), -1, -1):
            origin = self.origins.get(path[:i])
            if origin is not None:
                return origin.source.error((*origin.path, *path[i:]), message, hint, key=key)
        found = self.under.error(path, message, hint, key=key)
        if not self.hides:
            return found
        hide = self.hides[0]
        shown = format_key_path(path)
        return hide.error(
            f"hiding this leaves {found.file}:{found.line}:{found.column}"
            f"{' ' + shown if shown else ''} with an error: {message}",
            hint or "hide less, or also hide what depends on it",
        )


@dataclass(frozen=True)
class Override:
    """One text an edition replaced."""

    origin: Origin
    item: str
    field: str
    before: str
    after: str
    stale: bool


@dataclass
class Overlay:
    """A stack of editions, applied to content files as they load."""

    stack: Stack
    #: Hidden items by address, with the place that hid each first.
    hidden: dict[str, Origin] = field(default_factory=dict)
    #: Pages hidden because their one link points at a hidden page: page -> that link.
    cascaded: dict[str, str] = field(default_factory=dict)
    #: Every address the content has, as files load (for did-you-mean).
    addresses: set[str] = field(default_factory=set)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    #: Per edition folder: ``"<item> <field>"`` -> fingerprint of the text overridden now.
    current: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Every override applied: what it replaced and with what, for the report.
    applied: list[Override] = field(default_factory=list)

    def __post_init__(self) -> None:
        for layer in self.stack.layers:
            for i, address in enumerate(layer.model.hide):
                self.hidden.setdefault(address, Origin(layer.source, ("hide", i)))
        renames: dict[str, str] = {}
        for layer in self.stack.layers:
            renames.update(layer.model.rename)
        self.renames = renames
        self._rename = (
            re.compile(
                r"(?<![\w-])("
                + "|".join(re.escape(t) for t in sorted(renames, key=len, reverse=True))
                + r")(?![\w])"
            )
            if renames
            else None
        )

    # -- what is hidden --------------------------------------------------------------

    def hidden_pages(self) -> frozenset[str]:
        """Pages gone from the site: hidden ones, and those hidden with them."""
        pages = {a for a in self.hidden if a.endswith(".md") or _is_page(a)}
        return frozenset(pages | set(self.cascaded))

    def cascade(self, files: Sequence[tuple[str, Any, type[BaseModel]]]) -> None:
        """Hide every page whose one own link names a hidden page, until none is left."""
        changed = True
        while changed:
            changed = False
            hidden = self.hidden_pages()
            for page, data, model in files:
                if page in hidden:
                    continue
                ref = first_hidden_ref(data, model, hidden)
                if ref is not None:
                    self.cascaded[page] = ref
                    changed = True

    def is_hidden(self, page: str) -> bool:
        return page in self.hidden_pages()

    # -- one file ---------------------------------------------------------------------

    def apply(
        self, source: SourceFile, model: type[BaseModel], item: str
    ) -> tuple[SourceFile, list[ContentError]]:
        """``source`` with every edition's changes to ``item`` applied."""
        data = copy.deepcopy(source.data)
        if not isinstance(data, dict):
            return source, []
        self._register(item, data, model)
        origins: dict[KeyPath, Origin] = {}
        hides: list[Origin] = []
        errors: list[ContentError] = []
        for layer in self.stack.layers:
            errors += self._add(layer, item, data, origins)
            errors += self._override(layer, source, item, data, model, origins)
        hidden = self.hidden_pages()
        before = repr(data)
        hides += self._hide_inside(item, data, model)
        if model is PlaybookInfo:
            prune_nav(data, hidden)
        # A page pruned whole was hidden by cascade() already: the collector skips it.
        with contextlib.suppress(Pruned):
            data = prune(data, model, hidden)
        if repr(data) != before:
            hides += [o for page, o in self.hidden.items() if page in before] or list(
                self.hidden.values()
            )[:1]
        if self._rename is not None:
            for path, text in list(texts(data, model, ())):
                target = get(data, path)
                if isinstance(target, dict):  # a navigation group: its title is its key
                    set_value(data, path, {self.rename(text): next(iter(target.values()))})
                else:
                    set_value(data, path, self.rename(text))
        return EditedSource(source, data, origins, hides), errors

    def rename(self, text: str) -> str:
        """``text`` with the terminology map applied, outside link targets."""
        if self._rename is None:
            return text
        rename, terms = self._rename, self.renames
        parts = re.split(r"(\]\([^)]*\)|%[a-z_]+%)", text)
        return "".join(
            p if i % 2 else rename.sub(lambda m: terms[m.group(1)], p) for i, p in enumerate(parts)
        )

    def _register(self, item: str, data: dict[str, Any], model: type[BaseModel]) -> None:
        self.addresses.add(item)
        if model is Glossary:
            for term in data.get("terms") or []:
                if isinstance(term, dict):
                    self.addresses.update(term_addresses(term))
            return
        for name, value in data.items():
            if isinstance(value, list):
                for entry in value:
                    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                        self.addresses.add(f"{item}/{name}/{entry['id']}")

    def _add(
        self, layer: EditionLayer, item: str, data: dict[str, Any], origins: dict[KeyPath, Origin]
    ) -> list[ContentError]:
        for key, entries in layer.model.add.items():
            owner, _, name = key.rpartition("/")
            if owner != item:
                continue
            where = ("add", key)
            if name not in ADDABLE:
                return [
                    layer.source.error(
                        where,
                        f"'{name}' items cannot be added",
                        f"add to {' or '.join(ADDABLE)} of an assessment",
                        key=True,
                    )
                ]
            listed = data.setdefault(name, [])
            for j, entry in enumerate(entries):
                origins[(name, len(listed))] = Origin(layer.source, (*where, j))
                listed.append(copy.deepcopy(entry))
        return []

    def _override(
        self,
        layer: EditionLayer,
        under: SourceFile,
        item: str,
        data: dict[str, Any],
        model: type[BaseModel],
        origins: dict[KeyPath, Origin],
    ) -> list[ContentError]:
        errors = []
        for target, fields in layer.model.overrides.items():
            if target != item and not target.startswith(f"{item}/"):
                continue
            base = sub_item(data, model, target[len(item) + 1 :] if target != item else "")
            for name, text in fields.items():
                where = Origin(layer.source, ("overrides", target, name))
                if base is None:
                    break  # an unknown item: reported with a suggestion at the end
                found = resolve(data, base, name, model)
                if isinstance(found, str):
                    errors.append(where.error(found, key=True))
                    continue
                path, annotation = found
                current = get(data, path)
                if not isinstance(current, str) or not is_text(annotation, path):
                    errors.append(
                        where.error(
                            f"'{name}' of {target} is not a text: ids, links, numbers and"
                            " conditions stay as in the base",
                            "override texts only (a title, a summary, a question's text, a"
                            " choice's label); hide the item or add one instead",
                            key=True,
                        )
                    )
                    continue
                key = f"{target} {name}"
                now = fingerprint(current)
                self.current.setdefault(str(layer.folder), {})[key] = now
                recorded = layer.sources.get(key)
                if recorded != now:
                    self.warnings.append(_stale(where, under, path, recorded))
                self.applied.append(Override(where, target, name, current, text, recorded != now))
                set_value(data, path, text)
                origins[path] = where
        return errors

    def _hide_inside(self, item: str, data: dict[str, Any], model: type[BaseModel]) -> list[Origin]:
        """Remove the hidden items of an assessment or glossary; the hides that did."""
        used: list[Origin] = []
        if model is Glossary:
            terms = [t for t in data.get("terms") or [] if isinstance(t, dict)]
            kept = []
            for term in terms:
                hiding = [self.hidden[a] for a in term_addresses(term) if a in self.hidden]
                used += hiding
                if not hiding:
                    kept.append(term)
            data["terms"] = kept
            return used
        if model is not Assessment:
            return used
        gone: dict[str, set[str]] = {name: set() for name in HIDEABLE}
        for address, origin in self.hidden.items():
            parts = address.split("/")
            if len(parts) == 4 and f"{parts[0]}/{parts[1]}" == item and parts[2] in HIDEABLE:
                gone[parts[2]].add(parts[3])
                used.append(origin)
        for name in HIDEABLE:
            if gone[name] and isinstance(data.get(name), list):
                data[name] = [
                    e for e in data[name] if not (isinstance(e, dict) and e.get("id") in gone[name])
                ]
        prune_assessment(data, gone["outcomes"], gone["questions"], self.hidden_pages())
        return used

    # -- after every file ---------------------------------------------------------------

    def unknown_addresses(self, docs_pages: frozenset[str]) -> list[ContentError]:
        """A hide, override or addition that names nothing: a did-you-mean at its line."""
        known = self.addresses | set(docs_pages)
        errors = []
        for layer in self.stack.layers:
            model = layer.model
            for i, address in enumerate(model.hide):
                if address not in known:
                    errors.append(_unknown(layer, ("hide", i), address, known, key=False))
                elif _hides_what_cannot_go(address):
                    errors.append(
                        layer.source.error(
                            ("hide", i),
                            f"'{address}' cannot be hidden",
                            f"hide a page, a glossary term or an assessment's"
                            f" {', '.join(HIDEABLE)}",
                        )
                    )
            for address in model.overrides:
                if address not in self.addresses:
                    errors.append(_unknown(layer, ("overrides", address), address, known))
            for key in model.add:
                owner = key.rpartition("/")[0]
                if owner not in self.addresses:
                    errors.append(_unknown(layer, ("add", key), owner, known))
        return errors


def _is_page(address: str) -> bool:
    parts = address.split("/")
    return len(parts) == 2 and parts[0] != "glossary"


def _hides_what_cannot_go(address: str) -> bool:
    parts = address.split("/")
    if address.endswith(".md") or _is_page(address) or parts[0] == "glossary":
        return False
    return not (len(parts) == 4 and parts[2] in HIDEABLE)


def _unknown(
    layer: EditionLayer, where: KeyPath, address: str, known: set[str], *, key: bool = True
) -> ContentError:
    return layer.source.error(
        where,
        f"'{address}' names nothing in the playbook",
        suggestion(address, known),
        key=key,
    )


def _stale(where: Origin, under: SourceFile, path: KeyPath, recorded: str | None) -> ContentError:
    # Where the reader's text comes from: the translation when it is translated.
    at = under.error(path, "")
    base = f"{at.file}:{at.line}:{at.column}"
    if recorded is None:
        message = f"no fingerprint of the text this overrides ({base}) is recorded"
    else:
        message = f"the text this overrides changed since the override was written ({base})"
    folder = where.source.display.rpartition("/")[0] or "."
    return where.error(
        message,
        f"check the override against the base text, then run 'cco-playbook edition update"
        f" {folder}'",
    )


def hidden_page_of(kind: str, data: Any, stem: str) -> str:
    """The page id of a kind's file: ``kind/<id>`` (the file name when the id is bad)."""
    raw = data.get("id") if isinstance(data, dict) else None
    return f"{kind}/{raw if isinstance(raw, str) else stem}"


__all__ = ["EditedSource", "Origin", "Overlay", "hidden_page_of", "page_of"]
