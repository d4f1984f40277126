"""Shared by the accessibility tests: axe-core in a real Chromium, a loopback server."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe

#: What the site promises: no violation of these impacts on any page, in any state.
BLOCKING = ("serious", "critical")
#: Landmarks are how screen-reader users move around a page, so these count at any impact.
LANDMARK_RULES = ("region", "landmark-unique", "landmark-one-main", "landmark-no-duplicate-main")
#: The states a reader can put a page in: light at desktop width, dark on a phone.
VIEWS = {
    "light-1280": {"color_scheme": "light", "viewport": {"width": 1280, "height": 900}},
    "dark-390": {"color_scheme": "dark", "viewport": {"width": 390, "height": 844}},
}


@functools.cache
def _axe() -> Axe:
    return Axe()


def settle(page: Any) -> None:
    """Wait until no CSS transition or animation runs: axe must see the end state
    (a button half-way through its hover colour is not what a reader sees)."""
    page.wait_for_function("document.getAnimations().length === 0", timeout=5_000)


def axe_problems(page: Any, where: str) -> list[str]:
    """One line per blocking axe violation on the page as it is now, naming the elements."""
    settle(page)
    results = _axe().run(page, options={"resultTypes": ["violations"]}).response
    problems = []
    for violation in results["violations"]:
        if violation["impact"] in BLOCKING or violation["id"] in LANDMARK_RULES:
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            problems.append(
                f"{where}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])}"
                f" elements: {targets}): {violation['help']}"
            )
    return problems


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site, the server-only 404 page left out."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def loopback_server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def answer_all(page: Any, choose: int) -> None:
    """Answer every question: ``choose`` picks the choice by index (negative from the end)."""
    for fieldset in page.locator("form[data-assessment] fieldset[data-question]").all():
        radios = fieldset.locator("input[type=radio]")
        count = radios.count()
        radios.nth(choose % count).check()
