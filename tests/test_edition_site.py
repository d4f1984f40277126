"""The example client edition end to end: a German consultancy's edition for one client,
built as a site, a ZIP and a PDF from one small folder, without touching playbook/."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT, copy_default_project, run_cli
from tests.pdf_support import flat, page_texts

EDITION = "examples/editions/mueller"
#: Words only the hidden starting point's page says (its German definition).
HIDDEN_WORDS = "Das Marketing will über Kampagnen, Kundendaten und Werbung hinausgehen"
GOLDEN = ROOT / "tests" / "golden" / "edition-diff.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_default_project(tmp_path_factory.mktemp("edition"))
    done = run_cli(
        "build", "--strict", "--edition", EDITION, "--site-dir", "site",
        "--zip", "mueller.zip", "--pdf", "mueller.pdf", cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return project


def html_pages(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")
    }


def test_the_hidden_starting_point_is_gone_from_every_output(built: Path) -> None:
    site = built / "site"
    assert not (site / "starting-points" / "marketing.html").exists()
    pages = html_pages(site)
    assert len(pages) > 40
    for name, text in pages.items():
        assert "starting-points/marketing" not in text, name
        assert HIDDEN_WORDS not in text, name
        assert "marketing-readiness" not in text, name
    search_index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "starting-points/marketing" not in search_index
    assert HIDDEN_WORDS not in search_index
    with zipfile.ZipFile(built / "mueller.zip") as archive:
        names = archive.namelist()
        assert not [n for n in names if "starting-points/marketing" in n]
        for name in names:
            if name.endswith((".html", ".json", ".js")):
                data = archive.read(name).decode("utf-8")
                assert HIDDEN_WORDS not in data, name
                assert "starting-points/marketing" not in data, name
    pdf = flat(" ".join(page_texts(built / "mueller.pdf")))
    assert flat(HIDDEN_WORDS) not in pdf


def test_the_assessment_data_leaves_the_hidden_outcome_and_question_out(built: Path) -> None:
    data = (built / "site" / "assets" / "playbook" / "assessment-data.js").read_text("utf-8")
    assessments = json.loads(data[data.index("{") : data.rindex("}") + 1])["assessments"]
    text = json.dumps(assessments["fit"])
    assert '"marketing"' not in text
    assert "marketing-readiness" not in text
    # The other options of the group are still ranked, with the points they had.
    assert '"customer-service"' in text
    assert "dealer-network" in json.dumps(assessments["readiness"])


def test_the_renamed_term_is_used_everywhere(built: Path) -> None:
    site = built / "site"
    for name, text in html_pages(site).items():
        assert "Chief Customer Officer" not in text, name
    assert "Chief Client Officer" in (site / "glossary.html").read_text("utf-8")
    search_index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Chief Customer Officer" not in search_index
    assert "Chief Client Officer" in search_index


def test_the_client_sees_an_introduction_an_override_and_an_added_question(built: Path) -> None:
    site = built / "site"
    home = (site / "index.html").read_text("utf-8")
    nav = re.findall(r'<a href="([^"#]+)" class="md-nav__link', home)
    assert nav[:2] == ["index.html", "einfuehrung.html"]
    assert "Für Müller Maschinenbau" in (site / "einfuehrung.html").read_text("utf-8")
    assert "bei Müller die Erfahrung der Händler" in (site / "roles" / "cco.html").read_text(
        "utf-8"
    )
    readiness = (site / "assessments" / "readiness.html").read_text("utf-8")
    assert "Tragen die Vertriebspartner und Händler die Kundenarbeit mit?" in readiness
    # The call to action is on the home page, not only after an assessment.
    assert "https://acme.example/kontakt" in home
    assert 'lang="de"' in home


def test_the_pdf_cover_names_the_client_and_the_consultant(built: Path) -> None:
    pages = page_texts(built / "mueller.pdf")
    cover = flat(pages[0])
    for words in (
        "Erstellt für Müller Maschinenbau GmbH",
        "2026-11-24",
        "Erstellt von Jana Beispiel, Acme Beratung",
        "jana.beispiel@acme.example",
        "Ergebnis mit Acme besprechen: https://acme.example/kontakt",
        "Impressum: https://acme.example/impressum",
        "© Acme Beratung GmbH",
    ):
        assert words in cover
    assert "Für Müller Maschinenbau" in flat(" ".join(pages[1:]))


def test_the_report_lists_every_change_against_the_base(tmp_path: Path) -> None:
    project = copy_default_project(tmp_path / "p")
    done = run_cli("diff", "--edition", EDITION, cwd=project)
    assert done.returncode == 0, done.stderr
    assert done.stdout == GOLDEN.read_text(encoding="utf-8")
    text = run_cli("diff", "--edition", EDITION, "--format", "text", cwd=project)
    assert "starting-points/marketing | hidden" in text.stdout
    assert "Chief Customer Officer | Chief Client Officer" in text.stdout


def test_the_playbook_folder_is_untouched_by_the_edition(built: Path) -> None:
    for path in (ROOT / "playbook").rglob("*.yml"):
        rel = path.relative_to(ROOT)
        assert (built / rel).read_bytes() == path.read_bytes(), rel
