"""What a printed PDF says about itself: where each anchor landed, and its dates."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from pathlib import Path

# Skia writes both dates in the document information, uncompressed, in this form.
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})(Z|[+-]\d\d'\d\d')\)")


def anchor_pages(pdf: Path, wanted: Iterable[str]) -> dict[str, int]:
    """The page (from 1) each wanted anchor is on, from the PDF's named destinations.

    Chromium makes a named destination for every element that a link in the document
    points at, named by the element's id; anchors it did not write are left out.
    """
    # pypdf is optional (the 'pdf' extra), like Playwright: imported only to print.
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    found = {str(name).removeprefix("/"): dest for name, dest in reader.named_destinations.items()}
    pages: dict[str, int] = {}
    for anchor in wanted:
        dest = found.get(anchor)
        if dest is not None:
            index = reader.get_destination_page_number(dest)
            if index is not None and index >= 0:
                pages[anchor] = index + 1
    return pages


def stamp_dates(pdf: Path, epoch: int) -> None:
    """Date the PDF at ``epoch`` instead of the clock, so a rebuild gives the same bytes.

    The dates are rewritten in place with text of the same length, so every offset in
    the file stays valid.
    """
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode("ascii")

    def swap(m: re.Match[bytes]) -> bytes:
        zone = b"Z" if m.group(3) == b"Z" else b"+00'00'"
        return b"/" + m.group(1) + b" (D:" + stamp + zone + b")"

    data = pdf.read_bytes()
    pdf.write_bytes(_DATE.sub(swap, data))
