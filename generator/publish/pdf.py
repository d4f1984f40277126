"""``build --pdf``: print the one print page with headless Chromium, offline.

Chromium makes the PDF bookmarks from the headings (``outline=True``) and keeps
links inside the document clickable, so the contents page works in any viewer.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from generator.browser import BROWSER_ENV, NO_BROWSER_HELP, launch_options
from generator.errors import ProjectError
from generator.htmlscan import is_outside, scan_markup
from generator.model import Playbook
from generator.publish.offline import OutsideLoad, OutsideLoadsError, RunnableCode
from generator.publish.printpage import PRINT_PAGE, build_print_page

_FOOTER = (
    '<div style="font-size:8pt;width:100%;margin:0 16mm;display:flex;'
    'justify-content:space-between;color:#555;font-family:sans-serif">'
    '<span>{brand}</span><span><span class="pageNumber"></span> / '
    '<span class="totalPages"></span></span></div>'
)


def write_pdf(site_dir: Path, nav: list[Any], playbook: Playbook, pdf_file: Path) -> int:
    """Print the whole playbook from the built site in ``site_dir``; return the PDF's bytes."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise ProjectError(
            "--pdf needs the Python package 'playwright' (pip install playwright) and a"
            " Chromium: " + NO_BROWSER_HELP
        ) from exc
    page_file = site_dir / PRINT_PAGE
    print_page = build_print_page(site_dir, nav, playbook)
    # The print page is made from guarded pages; guard it too before a browser opens it.
    loads, code = scan_markup(print_page)
    outside = [OutsideLoad(PRINT_PAGE, url, how) for url, how in loads if is_outside(url)]
    if outside or code:
        raise OutsideLoadsError(outside, [RunnableCode(PRINT_PAGE, e, w) for e, w in code])
    page_file.write_text(print_page, encoding="utf-8")
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
                _print(browser, page_file, partial, playbook.brand.model.name)
            finally:
                browser.close()
        partial.replace(pdf_file)
    except PlaywrightError as exc:
        raise ProjectError(f"Chromium could not print the PDF: {exc}") from exc
    finally:
        page_file.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return pdf_file.stat().st_size


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


def _print(browser: Any, page_file: Path, out: Path, brand: str) -> None:
    # The print page is static HTML and CSS (build_print_page drops every script):
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
            footer_template=_FOOTER.format(brand=html.escape(brand)),
            margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
            outline=True,
            tagged=True,
        )
    finally:
        context.close()
