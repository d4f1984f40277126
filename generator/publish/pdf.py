"""``build --pdf``: print the one print page with headless Chromium, offline.

Chromium prints twice: the first print shows on which page each chapter and page
starts (its named destinations), the second prints the contents with those numbers.
The contents take the same room either way (see ``generator.publish.contents``), so
the numbers cannot move; the file is read once more to prove it. Chromium makes the
PDF tagged, with bookmarks from the headings (``tagged``, ``outline``), and keeps links
inside the document clickable, so the contents page works in any viewer.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.browser import BROWSER_ENV, NO_BROWSER_HELP, launch_options
from generator.errors import OutsideLoad, OutsideLoadsError, ProjectError, RunnableCode
from generator.htmlscan import is_outside, scan_markup
from generator.model import Playbook
from generator.publish.pdffile import anchor_pages, stamp_dates
from generator.publish.printpage import PRINT_PAGE, PrintBook, print_book
from generator.ui_strings import fill, ui_strings

#: Prints it takes at most for the contents' page numbers to hold (two, unless the
#: numbers changed the layout, which the fixed-width number boxes prevent).
MAX_PRINTS = 3

_FOOTER = (
    '<div style="font-size:8pt;width:100%;margin:0 16mm;display:flex;'
    'justify-content:space-between;color:#555;font-family:sans-serif">'
    "<span>{brand}</span><span>{page_number}</span></div>"
)


#: Playwright and pypdf are optional dependencies: the 'pdf' extra.
NO_PLAYWRIGHT = (
    "--pdf needs Playwright and pypdf, which come with the 'pdf' extra:"
    " pip install 'cco-playbook[pdf]' (or run 'make pdf')"
)


def require_playwright() -> None:
    """Fail before anything is built when ``--pdf`` cannot work in this installation."""
    try:
        import playwright.sync_api  # noqa: F401  (optional: the 'pdf' extra)
        import pypdf  # noqa: F401  (optional: the 'pdf' extra)
    except ImportError as exc:
        raise ProjectError(NO_PLAYWRIGHT) from exc


def _footer(playbook: Playbook) -> str:
    """The footer of every page: the brand, and the page number as the strings file words it."""
    words = ui_strings(playbook.brand.model.language)["print_page_number"]
    number = fill(
        html.escape(words),
        page='<span class="pageNumber"></span>',
        pages='<span class="totalPages"></span>',
    )
    return _FOOTER.format(brand=html.escape(playbook.brand.model.name), page_number=number)


def write_pdf(
    site_dir: Path, nav: list[Any], playbook: Playbook, pdf_file: Path, *, epoch: int | None = None
) -> int:
    """Print the whole playbook from the built site in ``site_dir``; return the PDF's bytes.

    ``epoch`` (seconds since 1970) dates the PDF, so two builds of one commit are
    byte-identical; without it the PDF carries the time it was printed.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise ProjectError(NO_PLAYWRIGHT) from exc
    book = print_book(site_dir, nav, playbook)
    page_file = site_dir / PRINT_PAGE
    _write_guarded(page_file, book.html())
    pdf_file.parent.mkdir(parents=True, exist_ok=True)
    partial = pdf_file.with_name(f".{pdf_file.name}.partial")
    try:
        with sync_playwright() as p:
            try:
                options = launch_options()
                browser = p.chromium.launch(**options)
            except PlaywrightError as exc:
                raise ProjectError(_launch_failure(options, exc)) from exc
            try:
                _print_numbered(browser, book, page_file, partial, _footer(playbook))
            finally:
                browser.close()
        if epoch is not None:
            stamp_dates(partial, epoch)
        partial.replace(pdf_file)
    except PlaywrightError as exc:
        raise ProjectError(f"Chromium could not print the PDF: {exc}") from exc
    finally:
        page_file.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return pdf_file.stat().st_size


def _print_numbered(browser: Any, book: PrintBook, page_file: Path, out: Path, footer: str) -> None:
    """Print until the contents show the pages the PDF really has (normally twice).

    ``page_file`` holds the guarded print page without numbers when this is called.
    """
    numbers: Mapping[str, int] = {}
    for _ in range(MAX_PRINTS):
        if numbers:
            _write_guarded(page_file, book.html(numbers))
        _print(browser, page_file, out, footer)
        found = anchor_pages(out, book.anchors)
        missing = [a for a in book.anchors if a not in found]
        if missing:
            raise ProjectError(
                f"Chromium's PDF does not say where {len(missing)} of the contents' entries"
                f" start (the first is '#{missing[0]}'), so the contents cannot show page"
                f" numbers; use a recent Chromium or Chrome ({BROWSER_ENV} names one)"
            )
        if found == numbers:
            return
        numbers = found
    raise ProjectError(
        f"the contents' page numbers still moved after {MAX_PRINTS} prints; the print"
        " stylesheet lets the numbers change the layout (generator/publish/print.css)"
    )


def _write_guarded(page_file: Path, print_page: str) -> None:
    """The print page is made from guarded pages; guard it too before a browser opens it."""
    loads, code = scan_markup(print_page)
    outside = [OutsideLoad(PRINT_PAGE, url, how) for url, how in loads if is_outside(url)]
    if outside or code:
        raise OutsideLoadsError(outside, [RunnableCode(PRINT_PAGE, e, w) for e, w in code])
    page_file.write_text(print_page, encoding="utf-8")


def _launch_failure(options: dict[str, Any], exc: Exception) -> str:
    """Say which browser failed, or how to get one when there is none."""
    executable = options.get("executable_path")
    if executable is None:
        return f"cannot print the PDF: {NO_BROWSER_HELP}"
    reason = (str(exc).strip().splitlines() or ["it exited at once"])[0]
    return (
        f"cannot print the PDF: the browser at {executable} did not start ({reason}); set"
        f" {BROWSER_ENV} to a working Chromium or Chrome"
    )


def _print(browser: Any, page_file: Path, out: Path, footer: str) -> None:
    # The print page is static HTML and CSS (print_book drops every script):
    # nothing in it needs JavaScript, so none runs while Chromium prints it.
    context = browser.new_context(java_script_enabled=False)
    # The PDF is made offline too: anything not on disk is refused, never fetched.
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort()
        ),
    )
    try:
        page = context.new_page()
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        page.emulate_media(media="print")
        page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer,
            margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
            outline=True,
            tagged=True,
        )
    finally:
        context.close()
