"""The PDF's cover: what it says comes from one function, how it looks from another.

A client edition will add its own fields (the client, the date, the consultant's
contact); they belong in ``Cover`` and ``cover_of``, and ``cover_html`` shows them.
"""

from __future__ import annotations

import base64
import html
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from generator.model import Playbook
from generator.ui_strings import fill


@dataclass(frozen=True)
class Cover:
    """Everything the cover shows, as plain text (``logo`` is a ``data:`` URL or empty)."""

    brand: str
    title: str
    description: str
    version: str
    logo: str = ""


def cover_of(playbook: Playbook, ui: dict[str, str]) -> Cover:
    """The cover's fields for this playbook, in the brand's language."""
    info, brand = playbook.info.model, playbook.brand.model
    return Cover(
        brand=brand.name,
        title=info.title,
        description=info.description,
        version=fill(ui["print_version"], version=info.version),
        logo=_logo_data(playbook),
    )


def cover_html(cover: Cover) -> str:
    """The cover page; the title is the document's first heading."""
    logo = f'<img src="{cover.logo}" alt="">' if cover.logo else ""
    return (
        f'<section class="print-cover">{logo}'
        f'<p class="print-brand">{html.escape(cover.brand)}</p>'
        f"<h1>{html.escape(cover.title)}</h1><p>{html.escape(cover.description)}</p>"
        f"<p>{html.escape(cover.version)}</p></section>"
    )


def _logo_data(playbook: Playbook) -> str:
    """The brand's logo inlined as a ``data:`` URL, so the print page loads no file for it."""
    logo = playbook.brand.model.logo
    if not logo:
        return ""
    path = (Path(playbook.brand.source.path).parent / logo).resolve()
    if not path.is_file():
        return ""
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
