"""The PDF's cover: what it says comes from one function, how it looks from another.

A client edition adds the client, the date and the consultant's contact; every brand
adds its call to action, footer, copyright and legal links at the foot of the cover,
since a printed copy has no page footer to carry them.
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
    #: "Prepared for ...", the date, "Prepared by ...", the consultant's contact.
    client: tuple[str, ...] = ()
    #: The call to action, the footer text, the links and the copyright.
    notices: tuple[str, ...] = ()


def cover_of(playbook: Playbook, ui: dict[str, str]) -> Cover:
    """The cover's fields for this playbook, in the brand's language."""
    info, brand = playbook.info.model, playbook.brand.model
    return Cover(
        brand=brand.name,
        title=info.title,
        description=info.description,
        version=fill(ui["print_version"], version=info.version),
        logo=_logo_data(playbook),
        client=_client_lines(playbook, ui),
        notices=_notices(playbook, ui),
    )


def _client_lines(playbook: Playbook, ui: dict[str, str]) -> tuple[str, ...]:
    client = playbook.edition.stack.client if playbook.edition is not None else None
    if client is None:
        return ()
    lines = [fill(ui["print_prepared_for"], client=client.name)]
    if client.date:
        lines.append(client.date)
    if client.consultant:
        lines.append(fill(ui["print_prepared_by"], consultant=client.consultant))
    if client.contact:
        lines.append(client.contact)
    return tuple(lines)


def _notices(playbook: Playbook, ui: dict[str, str]) -> tuple[str, ...]:
    brand = playbook.brand.model
    lines = []
    if brand.contact is not None:
        lines.append(
            fill(ui["print_contact"], label=brand.contact.label, url=str(brand.contact.url))
        )
    if brand.footer.text:
        lines.append(brand.footer.text)
    lines += [
        fill(ui["print_contact"], label=link.label, url=str(link.url))
        for link in brand.footer.links
    ]
    if brand.copyright:
        lines.append(brand.copyright)
    return tuple(lines)


def cover_html(cover: Cover) -> str:
    """The cover page; the title is the document's first heading."""
    logo = f'<img src="{cover.logo}" alt="">' if cover.logo else ""
    return (
        f'<section class="print-cover">{logo}'
        f'<p class="print-brand">{html.escape(cover.brand)}</p>'
        f"<h1>{html.escape(cover.title)}</h1><p>{html.escape(cover.description)}</p>"
        f"<p>{html.escape(cover.version)}</p>{_lines('print-client', cover.client)}"
        f"{_lines('print-notices', cover.notices)}</section>"
    )


def _lines(css_class: str, lines: tuple[str, ...]) -> str:
    if not lines:
        return ""
    shown = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f'<div class="{css_class}">{shown}</div>'


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
