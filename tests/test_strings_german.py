"""The Acme example brand (``language: de``) built end to end: every word the tool writes in
the site, the ZIP and the PDF is German. The content itself stays English until a German
content layer lands, so the checks look where the tool writes, not at every word."""

from __future__ import annotations

import html
import json
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.ui_strings import browser_strings, fill, ui_strings
from tests.helpers import copy_default_project, run_cli

EN, DE = ui_strings("en"), ui_strings("de")
#: Keys whose words the page templates, the matrix and Material's settings carry.
PAGE_KEYS = [
    k for k in EN if k.startswith(("page_", "glossary_", "structure_", "matrix_", "toggle_"))
] + ["permalink_title", "privacy", "worksheet_hint", "submit"]
#: The folders of the pages the tool generates (the rest is the project's own Markdown).
GENERATED = ("roles", "structures", "starting-points", "assessments")


@dataclass(frozen=True)
class Built:
    site: Path
    zip: Path
    pdf: Path


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = copy_default_project(tmp_path_factory.mktemp("german") / "project")
    result = run_cli(
        "build",
        "--strict",
        "--brand",
        "examples/acme/brand.yml",
        "--site-dir",
        "site",
        "--zip",
        "out/acme.zip",
        "--pdf",
        "out/acme.pdf",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    return Built(project / "site", project / "out/acme.zip", project / "out/acme.pdf")


def _shown(value: str) -> re.Pattern[str]:
    """The words as an element's whole text (a label's colon aside) or attribute value."""
    words = re.escape(html.escape(value, quote=False))
    return re.compile(r'(?:>|")\s*' + words + r'\s*:?\s*(?:<|")')


def _pages(site: Path, generated_only: bool) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*.html"))
        if not generated_only or p.relative_to(site).parts[0] in GENERATED
    }


def test_the_generated_pages_carry_no_english_tool_words(acme: Built) -> None:
    generated = _pages(acme.site, generated_only=True)
    glossary = (acme.site / "glossary.html").read_text(encoding="utf-8")
    found = {
        (key, page)
        for key in PAGE_KEYS
        for page, text in {**generated, "glossary.html": glossary}.items()
        if EN[key] != DE[key]
        and _shown(EN[key]).search(text)
        # The glossary's terms are content ("Staff leader" is one): only its "See:".
        and (page != "glossary.html" or key == "glossary_see")
    }
    assert found == set()
    # Where the English would be, the German is.
    everywhere = "\n".join([*generated.values(), glossary])
    missing = [k for k in PAGE_KEYS if k != "glossary_see" and not _shown(DE[k]).search(everywhere)]
    assert missing == []
    assert f"<p>{DE['glossary_see']} <a" in glossary


def test_every_page_names_its_links_and_toggle_in_german(acme: Built) -> None:
    for page, text in _pages(acme.site, generated_only=False).items():
        for key in ("permalink_title", "toggle_to_dark", "toggle_to_light"):
            assert f'"{EN[key]}"' not in text, (page, key)
        assert f'title="{DE["toggle_to_dark"]}"' in text, page


def test_heading_anchors_are_the_same_in_every_language(acme: Built) -> None:
    """A link into a page (`roles/cco#first-steps`) must survive translation."""
    page = (acme.site / "roles/cco.html").read_text(encoding="utf-8")
    for anchor, key in (
        ("purpose", "page_purpose"),
        ("accountabilities", "page_accountabilities"),
        ("first-steps", "page_first_steps"),
        ("related", "page_related"),
    ):
        assert f'<h2 id="{anchor}">{html.escape(DE[key], quote=False)}<a' in page


def test_structure_pages_and_matrix_label_in_german(acme: Built) -> None:
    page = (acme.site / "structures/line-leader-dedicated-team.html").read_text(encoding="utf-8")
    assert "<p><strong>Leitung:</strong> Linie · <strong>Team:</strong> eigenes Team</p>" in page
    matrix = (acme.site / "structures/index.html").read_text(encoding="utf-8")
    assert '<title id="cco-matrix-title">Teamstrukturen: Art der Leitung nach Art des Teams' in (
        matrix
    )
    for label in ("Leitung im Stab", "Leitung in der Linie", "Eigenes Team", "Verteiltes Team"):
        assert f">{label}</text>" in matrix


def test_the_assessment_interface_is_german(acme: Built) -> None:
    script = (acme.site / "assets/playbook/assessment-data.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.ccoPlaybookData = ").rstrip(";\n"))
    assert data["language"] == "de"
    assert data["strings"] == browser_strings("de")
    page = (acme.site / "assessments/readiness.html").read_text(encoding="utf-8")
    assert f">{DE['submit']}</button>" in page and EN["submit"] not in page


def test_the_not_found_page_is_german(acme: Built) -> None:
    page = (acme.site / "404.html").read_text(encoding="utf-8")
    assert "<h1>404 – Seite nicht gefunden</h1>" in page and "Not found" not in page


def test_the_zip_readme_is_german(acme: Built) -> None:
    with zipfile.ZipFile(acme.zip) as archive:
        (readme,) = [n for n in archive.namelist() if n.endswith("/README.txt")]
        text = archive.read(readme).decode("utf-8")
    # The playbook's title is content: the German layer's.
    assert text.startswith("Das Chief Customer Officer Playbook (Acme Beratung), Version 1.0\n")
    assert "So lesen Sie diese Kopie" in text
    english = fill(EN["zip_readme"], title="", brand="", version="")
    assert [line for line in english.splitlines()[1:] if line.strip() and line in text] == []


def test_the_pdf_cover_contents_and_worksheets_are_german(acme: Built) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(acme.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    lines = {line.strip() for line in text.splitlines()}
    assert "Inhalt" in lines and "Contents" not in lines
    assert "Version 1.0" in lines
    assert flat.count(" ".join(DE["print_worksheet_hint"].split())[:60]) == 2
    assert DE["print_scoring_heading"] in lines
    # English phrases of the print and page strings: none, as a line or within one.
    phrases = [
        " ".join(EN[k].split())
        for k in EN
        if k.startswith("print_") and len(EN[k].split()) >= 3 and "{" not in EN[k]
    ]
    assert [p for p in phrases if p in flat] == []
    # "Related" and "When it fits" are headings of the narrative pages too (content).
    headings = [
        EN[k] for k in EN if k.startswith("page_") and k not in ("page_related", "page_fits_when")
    ]
    assert sorted(lines & set(headings)) == []
    assert {DE["page_accountabilities"], DE["page_not_this"], DE["page_tradeoffs"]} <= lines
    # The content is the German layer's: chapter titles and sentences, no English ones.
    assert {"Warum ein CCO", "Teamstrukturen", "Glossar"} <= lines
    # Links to narrative pages are labelled with their German titles too.
    assert "Why a CCO" not in lines and "Most companies say they put customers first" not in flat
    assert "Siehe: Customer Success Manager, Warum ein CCO" in lines
    assert "Noch nicht übersetzt" not in flat
