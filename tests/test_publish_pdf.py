"""``build --pdf``: one branded PDF with cover, numbered contents, bookmarks, every section.

Each check reads the final PDF with poppler, as a reviewer would: the text and boxes of
every page, the bookmarks, the links.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path

import pytest

from generator.model import Playbook
from generator.playbook import check
from generator.publish.printpage import build_print_page, reading_order
from generator.site.build import load_mkdocs_config
from generator.ui_strings import ui_strings
from tests.helpers import copy_default_project, run_cli
from tests.pdf_support import (
    MM,
    Bookmark,
    PageBoxes,
    bookmarks,
    flat,
    page_boxes,
    page_texts,
    poppler,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@dataclass
class Printed:
    project: Path
    pdf: Path
    stderr: str

    @cached_property
    def outline(self) -> list[Bookmark]:
        return bookmarks(self.pdf)

    @cached_property
    def boxes(self) -> list[PageBoxes]:
        return page_boxes(self.pdf)

    @cached_property
    def texts(self) -> list[str]:
        """Each page's text, whitespace collapsed."""
        return [flat(t) for t in page_texts(self.pdf)]

    @cached_property
    def groups(self) -> list[str]:
        """The navigation's groups: the chapters that hold pages."""
        config = load_mkdocs_config(self.project / "mkdocs.yml")
        config.plugins["cco-playbook"].on_config(config)
        found = dict.fromkeys(e.group for e in reading_order(list(config.nav)))
        return [flat(html.unescape(g)) for g in found if g is not None]


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
    info = poppler("pdfinfo", str(printed.pdf))
    assert re.search(r"^Title:\s+" + re.escape(playbook.info.model.title), info, re.M)
    cover = flat(poppler("pdftotext", "-f", "1", "-l", "1", str(printed.pdf), "-"))
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
    xml = poppler(
        "pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "2", "-l", "3", str(printed.pdf)
    )
    links = {
        flat(html.unescape(re.sub(r"<[^>]+>", "", text))): int(page)
        for page, text in re.findall(r'<a href="[^"#]*#(\d+)">(.*?)</a>', xml)
    }
    missing = [t for t in titles if flat(t) not in links]
    assert missing == []
    assert all(page > 2 for page in links.values())


def test_bookmarks_cover_every_section(printed: Printed) -> None:
    titles = _page_titles(printed.project / "site", printed.project)
    xml = poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", str(printed.pdf))
    outline = xml[xml.index("<outline>") :]
    items = {flat(html.unescape(t)) for t in re.findall(r"<item[^>]*>(.*?)</item>", outline)}
    assert [t for t in titles if flat(t) not in items] == []
    assert "Contents" in items


def test_every_section_is_printed_with_page_numbers(printed: Printed) -> None:
    text = poppler("pdftotext", str(printed.pdf), "-")
    pages = text.split("\f")
    total = int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(printed.pdf)), re.M)[1])
    assert total > 10
    for number in (1, 2, total // 2, total):
        assert f"{number} / {total}" in pages[number - 1], number
    whole = flat(text)
    assert [
        t for t in _page_titles(printed.project / "site", printed.project) if flat(t) not in whole
    ] == []


def test_assessments_are_printable_worksheets(printed: Printed, playbook: Playbook) -> None:
    whole = flat(poppler("pdftotext", str(printed.pdf), "-"))
    assert len(playbook.assessments) >= 2
    for item in playbook.assessments:
        assessment = item.model
        assert assessment.title in whole
        for number, question in enumerate(assessment.questions, start=1):
            words = re.sub(r"\]\([^)]*\)|[\[\]*_`]", "", str(question.text))
            start = flat(words)[:30]
            assert f"{number}. {start}" in whole, (assessment.id, question.id)
            for choice in assessment.choices_of(question):
                assert choice.label in whole
    assert whole.count("Tick one answer per question") == len(playbook.assessments)


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


# --- the contents, the bookmarks, the layout --------------------------------------


def _chapters(printed: Printed) -> list[Bookmark]:
    """The top-level bookmarks after the contents: one per chapter."""
    titles = [b.title for b in printed.outline]
    assert "Contents" in titles
    return printed.outline[titles.index("Contents") + 1 :]


def _contents_pages(printed: Printed) -> range:
    start = next(b.page for b in printed.outline if b.title == "Contents")
    return range(start, _chapters(printed)[0].page)


def _contents_lines(printed: Printed) -> list[tuple[str, int]]:
    """Each contents entry as printed: its title and the page number at the line's end."""
    texts = page_texts(printed.pdf, layout=True)
    entries: list[tuple[str, int]] = []
    pending = ""
    for number in _contents_pages(printed):
        for line in texts[number - 1].splitlines()[:-1]:  # the last line is the footer
            found = re.fullmatch(r"\s*(\S.*?)\s+(\d+)\s*", line)
            if found:
                entries.append((flat(f"{pending} {found.group(1)}"), int(found.group(2))))
                pending = ""
            elif line.strip() and flat(line) != "Contents":
                pending = flat(f"{pending} {line}")  # a title that wraps onto a second line
    return entries


def test_contents_give_the_page_each_heading_is_printed_on(printed: Printed) -> None:
    numbered = _contents_lines(printed)
    titles = {t for t, _ in numbered}
    pages = _page_titles(printed.project / "site", printed.project)
    assert [t for t in pages if flat(t) not in titles] == []
    # Bookmarks point where Chromium laid out each heading; the numbers must agree.
    expected = []
    for chapter in _chapters(printed):
        expected.append((chapter.title, chapter.page))
        if chapter.title in printed.groups:
            expected += [(p.title, p.page) for p in chapter.children if p.title in titles]
    assert numbered == expected
    # pdftotext joins a title that wraps at its own hyphen ("follow-|up" -> "followup").
    texts = [t.replace("-", "") for t in printed.texts]
    assert [(t, n) for t, n in numbered if t.replace("-", "") not in texts[n - 1]] == []
    # A page starts where its title is printed, not on the sheet before it.
    assert [(t, n) for t, n in numbered if texts[n - 2].endswith(t.replace("-", ""))] == []


def test_contents_numbers_match_their_links(printed: Printed) -> None:
    pages = _contents_pages(printed)
    xml = poppler(
        "pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", str(pages.start), "-l",
        str(pages.stop - 1), str(printed.pdf),
    )  # fmt: skip
    targets = {int(p) for p in re.findall(r'<a href="[^"#]*#(\d+)">', xml)}
    assert {n for _, n in _contents_lines(printed)} <= targets


def test_pdf_is_tagged_and_its_bookmarks_follow_the_headings(
    printed: Printed, playbook: Playbook
) -> None:
    info = poppler("pdfinfo", str(printed.pdf))
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    # The cover's title wraps on the page; its bookmark still reads as one phrase.
    assert printed.outline[0].title == flat(playbook.info.model.title)
    chapters = _chapters(printed)
    assert [c.title for c in chapters if c.title in printed.groups] == printed.groups
    # A page's own headings sit under its bookmark, in order.
    roles = next(c for c in chapters if c.title == "Roles")
    cco = next(p for p in roles.children if p.title.startswith("Chief Customer Officer"))
    site_html = (printed.project / "site/roles/cco.html").read_text("utf-8")
    subheadings = [
        flat(re.sub(r"<[^>]+>|¶", "", html.unescape(h)))
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", site_html, re.S)
    ]
    assert len(subheadings) > 3
    assert [b.title for b in cco.children] == subheadings
    assert all(cco.page <= b.page for b in cco.children)


def _sheet_pages(printed: Printed, playbook: Playbook) -> dict[str, range]:
    """The pages each worksheet is printed on, by the assessment's title."""
    sheets = {a.model.title for a in playbook.assessments}
    found: dict[str, range] = {}
    chapters = [*_chapters(printed), Bookmark("", len(printed.boxes) + 1)]
    for chapter, next_chapter in pairwise(chapters):
        for here, after in pairwise([*chapter.children, next_chapter]):
            if here.title in sheets:
                found[here.title] = range(here.page, after.page)
    assert sorted(found) == sorted(sheets)
    return found


def test_no_page_is_nearly_empty_except_at_a_chapter_end(
    printed: Printed, playbook: Playbook
) -> None:
    # Chapters and worksheets start on a new sheet, so the sheet before them may end short.
    starts = {c.page for c in _chapters(printed)}
    starts |= {pages.start for pages in _sheet_pages(printed, playbook).values()}
    ends = {1, len(printed.boxes)} | {start - 1 for start in starts}
    nearly_empty = [(p.number, round(p.filled, 2)) for p in printed.boxes if p.filled < 0.2]
    assert [(n, f) for n, f in nearly_empty if n not in ends] == []


SCREEN_ONLY = re.compile(
    r"\b(hover|click|tap|scroll|swipe|mouse)|Edit this page|Skip to content|Back to top"
    r"|Type to start searching|Copy to clipboard|Initializing search",
    re.IGNORECASE,
)
#: The assessment page's controls, by their keys in generator/strings/*.yml.
CONTROLS = (
    "submit", "print", "download_json", "download_csv", "share", "import", "clear",
    "compare", "compare_download_csv", "compare_print", "compare_close", "keep_shared",
    "back_to_mine", "toolbar_label",
)  # fmt: skip


def test_print_says_nothing_that_only_works_on_a_screen(printed: Printed) -> None:
    text = " ".join(printed.texts)
    assert SCREEN_ONLY.findall(text) == []
    ui = ui_strings("en")
    assert [ui[k] for k in CONTROLS if ui[k] in text] == []


def test_german_print_page_has_no_screen_controls(printed: Printed) -> None:
    german = check(printed.project / "mkdocs.yml", printed.project / "examples/acme/brand.yml")
    config = load_mkdocs_config(printed.project / "mkdocs.yml")
    config.plugins["cco-playbook"].on_config(config)
    page = build_print_page(printed.project / "site", list(config.nav), german)
    text = flat(html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S)))
    ui = ui_strings("de")
    assert [ui[k] for k in CONTROLS if ui[k] in text] == []
    assert re.findall(r"(?i)\b(klick\w*|maus\w*|tipp\w* sie)", text) == []
    # The words the print page adds are German (the content itself stays English here):
    # none of the PDF's own English sentences is left.
    english = ui_strings("en")
    leftovers = [
        english[k]
        for k in english
        if k.startswith("print_") and len(english[k].split()) > 3 and english[k] in text
    ]
    assert leftovers == []


def test_worksheet_questions_never_split_across_pages(printed: Printed, playbook: Playbook) -> None:
    sheets = _sheet_pages(printed, playbook)
    for item in playbook.assessments:
        assessment = item.model
        for number, question in enumerate(assessment.questions, start=1):
            words = re.sub(r"\]\([^)]*\)|[\[\]*_`]", "", str(question.text))
            start = f"{number}. {flat(words)[:30]}"
            pages = [n for n in sheets[assessment.title] if start in printed.texts[n - 1]]
            assert len(pages) == 1, (assessment.id, question.id, pages)
            rest = printed.texts[pages[0] - 1].split(start, 1)[1]
            for choice in assessment.choices_of(question):
                # Every choice follows the question on the same page.
                assert choice.label in rest, (assessment.id, question.id, choice.id)
                rest = rest.split(choice.label, 1)[1]


def test_worksheets_are_legible_and_fit_the_page_width(
    printed: Printed, playbook: Playbook
) -> None:
    pages = {n for sheet in _sheet_pages(printed, playbook).values() for n in sheet}
    assert len(pages) >= 2 * len(playbook.assessments)
    for page in printed.boxes:
        if page.number not in pages:
            continue
        body = page.body
        assert body, page.number
        # Points and notes are the smallest print; 9pt type gives boxes about 10pt high.
        assert min(w.y1 - w.y0 for w in body) >= 8, page.number
        left, right = 16 * MM - 1, page.width - 16 * MM + 1
        assert [w.text for w in body if w.x0 < left or w.x1 > right] == [], page.number


def test_pages_print_at_full_size(printed: Printed) -> None:
    # Anything wider than the page (a table with too many columns) makes Chromium shrink
    # every page to fit it. Body text is 11pt, whose word boxes poppler makes ~12.8pt high.
    heights = Counter(round(w.y1 - w.y0, 1) for page in printed.boxes for w in page.body)
    assert heights.most_common(1)[0][0] >= 12.5
    for page in printed.boxes:
        right = page.width - 16 * MM + 1
        assert [w.text for w in page.body if w.x1 > right] == [], page.number
