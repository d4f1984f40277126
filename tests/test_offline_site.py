"""The default site works from file:// with nothing from other hosts: as built, and as a ZIP.

One build of the default playbook (with ``--zip``) serves every test here; each test
runs twice: on the built site folder and on the ZIP extracted into a fresh folder.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from tests.helpers import PageWatch, copy_default_project, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The default playbook built once (strict, with --zip): the site and the extracted ZIP."""
    project = tmp_path_factory.mktemp("offline-default")
    copy_default_project(project)
    result = run_cli(
        "build", "--strict", "--site-dir", "site", "--zip", "out/playbook.zip", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"wrote .*playbook\.zip \(\d+(\.\d)? [kM]B\)", result.stderr), result.stderr
    extracted = tmp_path_factory.mktemp("fresh-folder")
    with zipfile.ZipFile(project / "out" / "playbook.zip") as archive:
        archive.extractall(extracted)
    return {"folder": project / "site", "zip": extracted / "playbook"}


@pytest.fixture(params=["folder", "zip"])
def site(request: pytest.FixtureRequest, published: dict[str, Path]) -> Path:
    return published[request.param]


def html_pages(site: Path) -> list[Path]:
    """Every page a reader can open from disk. MkDocs' 404.html is for web servers only:
    it links from the host's root, so it is left out of the ZIP and of these checks."""
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 10, f"expected the whole default site, found {len(pages)} pages"
    return pages


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            if tag in ("a", "link", "script", "img", "iframe", "source") and values.get(name):
                self.urls.append(str(values[name]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_loads_nothing_from_other_hosts_and_logs_no_errors(
    site: Path, offline_context: tuple[Any, PageWatch]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    visited = []
    for path in html_pages(site):
        page.goto(path.as_uri(), wait_until="load")
        # Let deferred scripts (search worker, assessment) start and fail if they will.
        page.wait_for_timeout(150)
        visited.append(path.relative_to(site).as_posix())
        assert watch.outside_requests == [], f"{visited[-1]}: {watch.outside_requests}"
        assert watch.console_errors == [], f"{visited[-1]}: {watch.console_errors}"
        assert watch.page_errors == [], f"{visited[-1]}: {watch.page_errors}"
    assert "assessments/readiness.html" in visited


def test_every_internal_link_resolves_to_a_file(site: Path) -> None:
    parsed = {p.relative_to(site).as_posix(): _parse(p) for p in html_pages(site)}
    problems = []
    for page, links in parsed.items():
        for url in links.urls:
            if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE) or url.startswith("//"):
                assert not url.lower().startswith(("javascript:", "data:text/html")), url
                continue
            path, _, fragment = url.partition("#")
            path = path.split("?")[0]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))
            target = page if not path else target
            if target.startswith("../") or not (site / target).is_file():
                problems.append(f"{page}: {url} -> {target} is not a file in the site")
            elif fragment and target in parsed and unquote(fragment) not in parsed[target].ids:
                problems.append(f"{page}: {url} -> no id '{fragment}' in {target}")
    assert problems == []


def _search_words(site: Path) -> list[tuple[str, str]]:
    """(word, page) pairs: the rarest word of a few page titles in the search index.

    The rarest, not the longest: a common title word ("customer") matches dozens of
    pages, and the page whose title holds it need not be among the results shown."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [f"{doc['title']} {doc['text']}".lower() for doc in index["docs"]]

    def pages_with(word: str) -> int:
        return sum(word in text for text in texts)

    pairs = []
    for doc in index["docs"]:
        if "#" in doc["location"] or not doc["title"]:
            continue
        words = re.findall(r"[A-Za-z]{6,}", doc["title"])
        if words:
            pairs.append((min((w.lower() for w in words), key=pages_with), doc["location"]))
    assert pairs, "the search index has no page titles"
    return pairs[:: max(1, len(pairs) // 4)][:4]


def test_search_from_disk_returns_results_for_playbook_words(
    site: Path, offline_context: tuple[Any, PageWatch]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((site / "index.html").as_uri(), wait_until="load")
    for word, location in _search_words(site):
        # Material hides the search box when its worker cannot start (stock offline
        # builds without internet); here it must be there and answer.
        field = page.locator("input.md-search__input")
        field.click()
        field.fill("")
        # Typed key by key: Material searches on keyboard events, not on fill().
        page.keyboard.type(word, delay=20)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible", timeout=10_000)
        hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result a").all()]
        expected = location.split("#")[0] or "index.html"
        assert any(expected in href for href in hrefs), (word, expected, hrefs)
        page.keyboard.press("Escape")
    assert watch.outside_requests == []
    assert watch.console_errors == []
    assert watch.page_errors == []


@pytest.mark.parametrize("assessment", ["readiness", "fit"])
def test_assessment_can_be_completed_from_disk(
    site: Path, assessment: str, offline_context: tuple[Any, PageWatch]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((site / "assessments" / f"{assessment}.html").as_uri(), wait_until="load")
    form = page.locator(f"form[data-assessment='{assessment}']")
    assert form.count() == 1
    questions = form.locator("fieldset[data-question]")
    assert questions.count() > 0
    assert page.locator("[data-assessment-result]").first.is_visible() is False
    for i in range(questions.count()):
        questions.nth(i).locator("input[type=radio]").first.check()
    form.locator("button[type=submit]").first.click()
    page.locator("[data-assessment-result]").first.wait_for(state="visible", timeout=5_000)
    assert page.locator("[data-assessment-result]").first.inner_text().strip() != ""
    assert watch.outside_requests == []
    assert watch.console_errors == []
    assert watch.page_errors == []
