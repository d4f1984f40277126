"""What an edition changes against its base, as a reviewer reads it: text for a
terminal, Markdown for a pull request."""

from __future__ import annotations

from dataclasses import dataclass

from generator.edition.overlay import Overlay
from generator.layer import BASE_LANGUAGE


@dataclass(frozen=True)
class Section:
    title: str
    #: Rows of cells; the first row names the columns.
    rows: list[tuple[str, ...]]


def edition_summary(overlay: Overlay) -> str:
    """One line for ``check``: the edition and how much it changes."""
    edition = overlay.stack.edition.model
    hidden = len(overlay.hidden) + len(overlay.cascaded)
    added = sum(len(v) for layer in overlay.stack.layers for v in layer.model.add.values())
    stale = len(overlay.warnings)
    return (
        f"edition '{edition.id}' ({len(overlay.stack.layers)} layer(s)):"
        f" {len(overlay.applied)} override(s), {hidden} hidden, {added} added,"
        f" {len(overlay.renames)} rename(s); {stale} override(s) to review"
    )


def sections(overlay: Overlay, language: str) -> list[Section]:
    """The report's parts, each a small table."""
    stack = overlay.stack
    layers = [("base", "playbook/", "")]
    if language != BASE_LANGUAGE:
        layers.append(("language", f"playbook/translations/{language}/", ""))
    for layer in stack.layers:
        notes = ", ".join(
            f"{name}: {value}"
            for name, value in (
                ("brand", layer.model.brand),
                ("language", layer.model.language),
                ("client", layer.model.client.name if layer.model.client else None),
            )
            if value
        )
        layers.append((f"edition '{layer.model.id}'", layer.source.display, notes))
    result = [Section("Layers, applied in this order", [("layer", "file", "sets"), *layers])]
    overrides: list[tuple[str, ...]] = [("item", "field", "base text", "edition text", "state")]
    for o in overlay.applied:
        state = "review: the base text changed" if o.stale else "current"
        overrides.append((o.item, o.field, _short(o.before), _short(o.after), state))
    result.append(Section("Overrides", overrides))
    hidden: list[tuple[str, ...]] = [("item", "why", "where")]
    for address, origin in overlay.hidden.items():
        hidden.append((address, "hidden", origin.where))
    for page, ref in sorted(overlay.cascaded.items()):
        hidden.append((page, f"hidden with {ref}, its one link", ""))
    result.append(Section("Hidden", hidden))
    added: list[tuple[str, ...]] = [("item", "where")]
    for layer in stack.layers:
        if layer.model.introduction:
            added.append((f"introduction page {layer.model.introduction}", layer.source.display))
        added += [(f"page {page}", layer.source.display) for page in layer.model.pages]
        for key, entries in layer.model.add.items():
            added += [(f"{key}/{e.get('id', '?')}", layer.source.display) for e in entries]
        content = layer.folder / "content"
        if content.is_dir():
            added += [
                (f"{p.parent.name}/{p.stem}", layer.source.display)
                for p in sorted(content.glob("*/*.y*ml"))
            ]
    result.append(Section("Added", added))
    renamed: list[tuple[str, ...]] = [("term", "becomes"), *sorted(overlay.renames.items())]
    result.append(Section("Renamed terms", renamed))
    return result


def report_text(overlay: Overlay, language: str) -> str:
    lines = []
    for section in sections(overlay, language):
        lines.append(f"{section.title}:")
        if len(section.rows) == 1:
            lines.append("  (none)")
        for row in section.rows[1:]:
            lines.append("  " + " | ".join(cell for cell in row if cell))
        lines.append("")
    return "\n".join(lines)


def report_markdown(overlay: Overlay, language: str) -> str:
    edition = overlay.stack.edition.model
    lines = [f"## Edition `{edition.id}` against its base", ""]
    for section in sections(overlay, language):
        lines += [f"### {section.title}", ""]
        if len(section.rows) == 1:
            lines += ["None.", ""]
            continue
        header, *rows = section.rows
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _cell(text: str) -> str:
    # A pipe would end the cell; a backtick or bracket would start Markdown in it.
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("[", "\\[")
