"""Shared fixtures: real projects in tmp_path, real builds, a real Chromium."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.browser import launch_options
from tests.helpers import FIXTURES, PageWatch, copy_default_project, run_cli

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The loader's cache lives in a folder of the test run's own (the CLI runs inherit it),
# never in the user's ~/.cache.
if "CCO_PLAYBOOK_CACHE" not in os.environ:
    os.environ["CCO_PLAYBOOK_CACHE"] = tempfile.mkdtemp(prefix="cco-playbook-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CCO_PLAYBOOK_CACHE"], ignore_errors=True)


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A copy of the small test playbook (mkdocs.yml, playbook/, docs/) to change freely."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture
def default_project(tmp_path: Path) -> Path:
    """A copy of the repository's default project (content, docs, mkdocs.yml)."""
    return copy_default_project(tmp_path / "default")


@pytest.fixture(scope="session")
def built_default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default playbook built once per test session (strict), for read-only checks."""
    project = tmp_path_factory.mktemp("default-build")
    copy_default_project(project)
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def built_german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The German edition (the Acme brand: language de, the German layer), built once."""
    project = tmp_path_factory.mktemp("german-build")
    copy_default_project(project)
    brand = "examples/acme/brand.yml"
    result = run_cli("build", "--strict", "--brand", brand, "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


# --- the browser ---------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A real headless Chromium, shared by the session."""
    # Playwright comes with the 'test' extra; only the browser tests need it.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(**launch_options())
        yield instance
        instance.close()


@pytest.fixture
def offline_context(browser: Any) -> Iterator[tuple[Any, PageWatch]]:
    """A fresh browser context in which every request to another host is blocked and recorded."""
    context = browser.new_context()
    watch = PageWatch()

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            watch.outside_requests.append(url)
            route.abort()

    context.route("**/*", guard)

    def on_page(page: Any) -> None:
        page.on(
            "console",
            lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))

    context.on("page", on_page)
    yield context, watch
    context.close()
