"""``build --pdf``: one branded PDF with cover, linked contents, bookmarks, every section."""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.model import Playbook
from generator.publish.printpage import build_print_page, reading_order
from generator.site import check, load_mkdocs_config
from tests.conftest import copy_default_project, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@dataclass
class Printed:
    project: Path
    pdf: Path
    stderr: str


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The default playbook built once with ``--pdf``."""
    project = tmp_path_factory.mktemp("pdf-default")
    copy_default_project(project)
    result = run_cli(
        "build", "--strict", "--site-dir", "site", "--pdf", "out/playbook.pdf", cwd=project
    )
    assert result.returncode == 0, result.stderr
    return Printed(project, project / "out" / "playbook.pdf", result.stderr)


@pytest.fixture(scope="module")
def playbook(printed: Printed) -> Playbook:
    return check(printed.project / "mkdocs.yml")


def _poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _flat(text: str) -> str:
    """Whitespace collapsed and ligatures (ﬃ) undone, as poppler may extract them."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _page_titles(site: Path, project: Path) -> list[str]:
    """The h1 of every page in the navigation, as the reader sees it."""
    config = load_mkdocs_config(project / "mkdocs.yml")
    config.plugins["cco-playbook"].on_config(config)
    titles = []
    for entry in reading_order(list(config.nav)):
        found = re.search(r"<h1[^>]*>(.*?)</h1>", (site / entry.path).read_text("utf-8"), re.S)
        assert found, entry.path
        title = re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", found.group(1))
        titles.append(html.unescape(title).strip())
    assert len(titles) > 10
    return titles


def test_cover_has_brand_and_title(printed: Printed, playbook: Playbook) -> None:
    info = _poppler("pdfinfo", str(printed.pdf))
    assert re.search(r"^Title:\s+" + re.escape(playbook.info.model.title), info, re.M)
    cover = _flat(_poppler("pdftotext", "-f", "1", "-l", "1", str(printed.pdf), "-"))
    assert playbook.brand.model.name in cover
    assert playbook.info.model.title in cover
    assert "wrote " in printed.stderr and "playbook.pdf (" in printed.stderr


def test_cover_shows_the_brand_logo_when_there_is_one(printed: Printed, playbook: Playbook) -> None:
    config = load_mkdocs_config(printed.project / "mkdocs.yml")
    config.plugins["cco-playbook"].on_config(config)
    page = build_print_page(printed.project / "site", list(config.nav), playbook)
    cover = page.split('<nav class="print-toc">')[0]
    if getattr(playbook.brand.model, "logo", None):
        assert re.search(r'<img src="data:image/[a-z+]+;base64,', cover)
    else:
        assert "<img" not in cover


def test_contents_are_linked_to_every_section(printed: Printed) -> None:
    titles = _page_titles(printed.project / "site", printed.project)
    xml = _poppler(
        "pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "2", "-l", "3", str(printed.pdf)
    )
    links = {
        _flat(html.unescape(re.sub(r"<[^>]+>", "", text))): int(page)
        for page, text in re.findall(r'<a href="[^"#]*#(\d+)">(.*?)</a>', xml)
    }
    missing = [t for t in titles if _flat(t) not in links]
    assert missing == []
    assert all(page > 2 for page in links.values())


def test_bookmarks_cover_every_section(printed: Printed) -> None:
    titles = _page_titles(printed.project / "site", printed.project)
    xml = _poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", str(printed.pdf))
    outline = xml[xml.index("<outline>") :]
    items = {_flat(html.unescape(t)) for t in re.findall(r"<item[^>]*>(.*?)</item>", outline)}
    assert [t for t in titles if _flat(t) not in items] == []
    assert "Contents" in items


def test_every_section_is_printed_with_page_numbers(printed: Printed) -> None:
    text = _poppler("pdftotext", str(printed.pdf), "-")
    pages = text.split("\f")
    total = int(re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", str(printed.pdf)), re.M)[1])
    assert total > 10
    for number in (1, 2, total // 2, total):
        assert f"{number} / {total}" in pages[number - 1], number
    flat = _flat(text)
    assert [
        t for t in _page_titles(printed.project / "site", printed.project) if _flat(t) not in flat
    ] == []


def test_assessments_are_printable_worksheets(printed: Printed, playbook: Playbook) -> None:
    flat = _flat(_poppler("pdftotext", str(printed.pdf), "-"))
    assert len(playbook.assessments) >= 2
    for item in playbook.assessments:
        assessment = item.model
        assert assessment.title in flat
        for number, question in enumerate(assessment.questions, start=1):
            words = re.sub(r"\]\([^)]*\)|[\[\]*_`]", "", str(question.text))
            start = _flat(words)[:30]
            assert f"{number}. {start}" in flat, (assessment.id, question.id)
            for choice in assessment.choices_of(question):
                assert choice.label in flat
    assert flat.count("Tick one answer per question") == len(playbook.assessments)


def test_print_page_speaks_the_brand_language(printed: Printed) -> None:
    german = check(printed.project / "mkdocs.yml", printed.project / "examples/acme/brand.yml")
    assert german.brand.model.language == "de"
    config = load_mkdocs_config(printed.project / "mkdocs.yml")
    config.plugins["cco-playbook"].on_config(config)
    page = build_print_page(printed.project / "site", list(config.nav), german)
    assert f"<p>Version {german.info.model.version}</p>" in page
    assert '<nav class="print-toc"><h1>Inhalt</h1>' in page
    assert page.count("Kreuzen Sie pro Frage eine Antwort an.") == len(german.assessments)
    # Worksheet headings are demoted under their nav group, so match any level.
    assert re.search(r"<h\d>Auswertung auf Papier</h\d>", page)
    assert "<th>Ihre Punkte</th>" in page and "<th>Empfehlung</th>" in page
    assert "Tick one answer" not in page and "Contents" not in page


def test_a_missing_browser_is_explained(mini_project: Path) -> None:
    result = run_cli(
        "build",
        "--site-dir",
        "site",
        "--pdf",
        "x.pdf",
        cwd=mini_project,
        env={"CCO_PLAYBOOK_BROWSER": str(mini_project / "no-such-browser")},
    )
    assert result.returncode == 1
    assert "CCO_PLAYBOOK_BROWSER" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (mini_project / "site").exists()
    assert not (mini_project / "x.pdf").exists()
