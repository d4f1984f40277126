"""Several languages in one site: English at the root and German in de/, each its own
MkDocs build with its own search, lang and not-found page, joined by Material's
language selector, which leads to the same page in the other language from file://."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.assessment_support import OUR_KEYS, RESULT, answer, checked
from tests.helpers import copy_default_project, run_cli
from tests.test_search_quality import search

ALTERNATE = re.compile(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"')


def with_languages(project: Path, languages: str) -> None:
    brand = project / "playbook" / "brand.yml"
    text = brand.read_text(encoding="utf-8")
    brand.write_text(
        text.replace("language: en\n", f"language: en\nlanguages: {languages}\n"), "utf-8"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_default_project(tmp_path_factory.mktemp("languages"))
    done = run_cli(
        "build", "--strict", "--brand", "examples/bilingual/brand.yml",
        "--site-dir", "site", "--zip", "site.zip", cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "building the 'de' edition into de/" in done.stderr
    return project / "site"


def lang_of(page: Path) -> str:
    found = re.search(r'<html lang="([a-z-]+)"', page.read_text(encoding="utf-8"))
    assert found is not None, page
    return found.group(1)


def test_each_language_is_a_site_of_its_own(site: Path) -> None:
    assert lang_of(site / "index.html") == "en"
    assert lang_of(site / "de" / "index.html") == "de"
    assert lang_of(site / "de" / "roles" / "cco.html") == "de"
    assert "Verantwortlichkeiten" in (site / "de" / "roles" / "cco.html").read_text("utf-8")
    assert "Accountabilities" in (site / "roles" / "cco.html").read_text("utf-8")
    assert (site / "search" / "search_index.json").is_file()
    assert (site / "de" / "search" / "search_index.json").is_file()
    assert "Seite nicht gefunden" in (site / "de" / "404.html").read_text("utf-8")
    assert "404 - Not found" in (site / "404.html").read_text("utf-8")


def test_every_page_links_to_itself_in_every_language(site: Path) -> None:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 100
    for page in pages:
        links = dict((lang, href) for href, lang in ALTERNATE.findall(page.read_text("utf-8")))
        assert set(links) == {"en", "de"}, page
        own = page.relative_to(site).as_posix().removeprefix("de/")
        for lang, href in links.items():
            target = (page.parent / href).resolve()
            expected = site / own if lang == "en" else site / "de" / own
            assert target == expected.resolve(), (page, lang, href)
    for not_found, up in ((site / "404.html", ""), (site / "de" / "404.html", "../")):
        links = dict((lang, href) for href, lang in ALTERNATE.findall(not_found.read_text("utf-8")))
        assert links == {"en": f"{up}index.html", "de": f"{up}de/index.html"}


def test_the_zip_holds_both_languages(site: Path) -> None:
    with zipfile.ZipFile(site.parent / "site.zip") as archive:
        names = set(archive.namelist())
    root = sorted({n.split("/")[0] for n in names})[0]
    assert f"{root}/roles/cco.html" in names and f"{root}/de/roles/cco.html" in names


@pytest.mark.browser
def test_the_selector_switches_language_on_the_same_page_from_file(
    offline_context: Any, site: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((site / "structures" / "staff-leader-dedicated-team.html").as_uri())
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Deutsch").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/de/structures/staff-leader-dedicated-team.html")
    assert page.locator("html").get_attribute("lang") == "de"
    assert "Stabsfunktion" in page.locator("article h1").inner_text()
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/site/structures/staff-leader-dedicated-team.html")
    assert watch.page_errors == [] and watch.outside_requests == []


@pytest.mark.browser
def test_each_language_searches_its_own_pages(offline_context: Any, site: Path) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((site / "de" / "index.html").as_uri(), wait_until="load")
    german = [unquote(urlsplit(h).path) for h in search(page, "Verantwortlichkeiten")]
    assert german and all("/site/de/" in h for h in german), german
    page.goto((site / "index.html").as_uri(), wait_until="load")
    english = [unquote(urlsplit(h).path) for h in search(page, "accountabilities")]
    assert english and not any("/site/de/" in h for h in english), english
    assert search(page, "Verantwortlichkeiten") == []
    assert watch.page_errors == [] and watch.outside_requests == []


@pytest.mark.browser
def test_a_result_shared_in_german_opens_on_the_english_page(
    browser: Any, offline_context: Any, site: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((site / "de" / "assessments" / "readiness.html").as_uri())
    first = page.locator("fieldset[data-question]").first
    question = first.get_attribute("data-question")
    choice = first.locator("input[type=radio]").first.get_attribute("value")
    assert question and choice
    answer(page, {question: choice})
    page.click("button[type=submit]")
    page.click("[data-assessment-share]")
    link = page.locator("[data-assessment-share-link]").input_value()
    english = link.replace("/site/de/assessments/", "/site/assessments/")
    assert english != link
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        errors: list[str] = []
        other.on("pageerror", lambda exc: errors.append(str(exc)))
        other.goto(english)
        other.locator(RESULT).wait_for(state="visible")
        assert checked(other) == {question: choice}
        assert other.locator("html").get_attribute("lang") == "en"
        assert other.evaluate(OUR_KEYS) == []
        assert errors == []
    finally:
        fresh.close()
    assert watch.page_errors == []


def test_a_language_without_a_translation_is_a_located_error(tmp_path: Path) -> None:
    project = copy_default_project(tmp_path / "p")
    with_languages(project, "[de, fr]")
    done = run_cli("check", cwd=project)
    assert done.returncode == 1
    assert re.search(
        r"playbook/brand\.yml:\d+:\d+: languages\[1\]: there is no 'fr' translation to publish"
        r" \(translate the playbook into playbook/translations/fr/ first, or remove 'fr';"
        r" published now: en, de\)",
        done.stderr,
    ), done.stderr


def test_build_language_names_the_languages_there_are(tmp_path: Path) -> None:
    project = copy_default_project(tmp_path / "p")
    done = run_cli("build", "--language", "fr", "--site-dir", "site", cwd=project)
    assert done.returncode == 2
    assert "there is no 'fr' edition of this playbook: it is published in en, de" in done.stderr
    assert not (project / "site").exists()
    german = run_cli("build", "--strict", "--language", "de", "--site-dir", "site", cwd=project)
    assert german.returncode == 0, german.stderr
    assert lang_of(project / "site" / "roles" / "cco.html") == "de"
