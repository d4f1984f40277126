"""The leader × team matrix of team structures, drawn as SVG at build time."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from generator.model import Playbook, Structure

_LEADERS = ("staff", "line")
_TEAMS = ("dedicated", "dispersed")


def structure_matrix(playbook: Playbook, ui: dict[str, str]) -> Markup:
    """An accessible inline SVG placing each structure in its leader × team cell,
    labelled in the words of ``ui`` (the playbook language's strings)."""
    cells: dict[tuple[str, str], Structure] = {
        (s.model.leader, s.model.team): s.model for s in playbook.structures
    }
    size, pad = 200, 90
    width, height = pad + 2 * size + 10, pad + 2 * size + 10
    parts = [
        f'<svg class="cco-matrix" role="img" aria-labelledby="cco-matrix-title"'
        f' viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="cco-matrix-title">{escape(ui["matrix_title"])}</title>',
    ]
    for col, team in enumerate(_TEAMS):
        x = pad + col * size + size // 2
        parts.append(
            f'<text x="{x}" y="{pad - 20}" text-anchor="middle"'
            f' font-weight="bold" fill="currentColor">{escape(ui[f"matrix_team_{team}"])}</text>'
        )
    for row, leader in enumerate(_LEADERS):
        y = pad + row * size + size // 2
        parts.append(
            f'<text x="{pad - 20}" y="{y}" text-anchor="middle" font-weight="bold"'
            ' fill="currentColor"'
            f' transform="rotate(-90 {pad - 20} {y})">{escape(ui[f"matrix_leader_{leader}"])}</text>'
        )
        for col, team in enumerate(_TEAMS):
            x0, y0 = pad + col * size, pad + row * size
            parts.append(
                f'<rect x="{x0}" y="{y0}" width="{size}" height="{size}"'
                ' fill="none" stroke="currentColor" stroke-width="2"/>'
            )
            structure = cells.get((leader, team))
            if structure is None:
                continue
            words = escape(structure.title).split()
            lines = [" ".join(words[i : i + 3]) for i in range(0, len(words), 3)]
            for i, line in enumerate(lines):
                ty = y0 + size // 2 + (i - (len(lines) - 1) / 2) * 20
                parts.append(
                    f'<text x="{x0 + size // 2}" y="{ty:.0f}" text-anchor="middle"'
                    f' fill="currentColor">{line}</text>'
                )
    parts.append("</svg>")
    # Every value in it went through escape(): the SVG is safe to place as markup.
    return Markup("\n".join(parts))
