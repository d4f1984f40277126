"""Finding a Chromium for PDF printing and tests, without downloading one."""

from __future__ import annotations

import os
import shutil
from typing import Any

from generator.errors import ProjectError

BROWSER_ENV = "CCO_PLAYBOOK_BROWSER"
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Flags that keep a headless Chromium quiet on a machine with no network.
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def find_browser() -> str | None:
    """``$CCO_PLAYBOOK_BROWSER``, then Chromium or Chrome on PATH; None: Playwright's own."""
    named = os.environ.get(BROWSER_ENV)
    if named:
        if not (os.path.isfile(named) and os.access(named, os.X_OK)):
            raise ProjectError(f"{BROWSER_ENV}={named} is not an executable file")
        return named
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_options() -> dict[str, Any]:
    """Keyword arguments for Playwright's ``chromium.launch``."""
    options: dict[str, Any] = {"headless": True, "args": list(LAUNCH_ARGS)}
    executable = find_browser()
    if executable:
        options["executable_path"] = executable
    return options


NO_BROWSER_HELP = (
    "no Chromium or Chrome was found. Install one (Debian/Ubuntu: 'sudo apt-get install"
    " chromium'; elsewhere with internet: 'python -m playwright install chromium'), or set"
    f" {BROWSER_ENV} to the browser's executable"
)
