"""The German language layer: a complete edition, locked values, drift, coverage.

Every test works on a copy of the repository's project and runs the real command.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.helpers import run_cli

ACME = "examples/acme/brand.yml"
DE = Path("playbook/translations/de")


def article_text(page: Path) -> str:
    found = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S)
    assert found, page
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(project: Path, *more: str) -> tuple[int, list[str]]:
    done = run_cli("check", "--brand", ACME, *more, cwd=project)
    return done.returncode, done.stderr.splitlines()


@pytest.mark.slow
def test_the_german_edition_is_german_on_every_page(default_project: Path) -> None:
    done = run_cli("build", "--strict", "--brand", ACME, "--site-dir", "site", cwd=default_project)
    assert done.returncode == 0, done.stderr
    site = default_project / "site"
    pages = {
        "index.html": "Dieses Playbook hilft Ihnen",
        "roles/cco.html": "Verantwortlichkeiten",
        "why-a-cco.html": "Warum ein CCO",
        "assessments/readiness.html": "Siebenundzwanzig Fragen",
        "structures/index.html": "Zwei Entscheidungen prägen",
        "glossary.html": "Glossar",
    }
    for page, german in pages.items():
        text = article_text(site / page)
        assert german in text, page
        assert "Noch nicht übersetzt" not in text, page
    # English sentences of the base content appear nowhere in the articles.
    english = ["Most companies say", "Accountabilities", "Who it is for", "Twenty-seven questions"]
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        text = article_text(page) if "<article" in page.read_text(encoding="utf-8") else ""
        assert not [e for e in english if e in text], page
    navigation = (site / "index.html").read_text(encoding="utf-8")
    assert "Einstellen und einkaufen" in navigation and "Hire and buy" not in navigation
    # Result ids are language-free: the German page keeps the English ids.
    readiness = (site / "assessments/readiness.html").read_text(encoding="utf-8")
    assert 'data-assessment="readiness"' in readiness


@pytest.mark.slow
def test_the_english_edition_is_untouched_by_the_translation(default_project: Path) -> None:
    done = run_cli("build", "--strict", "--site-dir", "site", cwd=default_project)
    assert done.returncode == 0, done.stderr
    text = article_text(default_project / "site/roles/cco.html")
    assert "Accountabilities" in text and "Verantwortlichkeiten" not in text
    assert "Not yet translated" not in text


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "roles/cco.yml",
            "id: cco\n",
            "id: cco-de\n",
            r"roles/cco\.yml:\d+:5: id: 'cco-de' differs from the base file's 'cco'"
            r" \(playbook/roles/cco\.yml:\d+:5\): only texts are translated",
        ),
        (
            "structures/staff-leader-dedicated-team.yml",
            "leader: staff",
            "leader: stab",
            r"staff-leader-dedicated-team\.yml:\d+:\d+: leader: 'stab' differs from the base"
            r" file's 'staff'",
        ),
        (
            "assessments/readiness.yml",
            "points: 2",
            "points: 3",
            r"readiness\.yml:\d+:\d+: scales\.\w+\[\d\]\.points: 3 differs from the base file's 2",
        ),
        (
            "playbook.yml",
            "(roles/cco)",
            "(roles/ceo)",
            r"playbook\.yml:\d+:\d+: sections\.roles\.intro: the translation changes the link"
            r" targets",
        ),
        (
            "roles/cco.yml",
            "title: ",
            "titel: x\ntitle: ",
            r"roles/cco\.yml:\d+:1: titel: 'titel' is not a key of the base file"
            r" playbook/roles/cco\.yml \(did you mean 'title'\?\)",
        ),
    ],
)
def test_a_translation_changes_texts_only(
    default_project: Path, file: str, old: str, new: str, expected: str
) -> None:
    edit(default_project / DE / file, old, new)
    code, lines = check(default_project)
    assert code == 1
    found = [line for line in lines if re.search(expected, line)]
    assert len(found) == 1, lines
    assert found[0].startswith(f"playbook/translations/de/{file}:")


def test_a_translation_that_drops_a_list_item_is_located(default_project: Path) -> None:
    path = default_project / DE / "roles/cco.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("accountabilities:\n") + len("accountabilities:\n")
    end = text.index("\n", start) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    code, lines = check(default_project)
    assert code == 1
    assert any(
        re.match(
            r"playbook/translations/de/roles/cco\.yml:\d+:\d+: accountabilities: expected a list"
            r" of \d+ items, as in the base file; found \d+ items",
            line,
        )
        for line in lines
    ), lines


@pytest.mark.slow
def test_an_english_edit_makes_its_translation_stale_until_confirmed(
    default_project: Path,
) -> None:
    edit(
        default_project / "playbook/roles/ceo.yml",
        "purpose: ",
        "purpose: Above all, ",
    )
    code, lines = check(default_project)
    assert code == 0
    stale = [line for line in lines if "(stale)" in line]
    assert len(stale) == 1, lines
    assert re.search(
        r"warning: playbook/translations/de/roles/ceo\.yml:\d+:\d+: purpose: the English text"
        r" changed since this was translated \(stale\): shown in English \(update the translation"
        r" to match playbook/roles/ceo\.yml:\d+:\d+",
        stale[0],
    )
    assert any(re.match(r"playbook/roles/ceo\.yml +\d+ +1 +0$", line.strip()) for line in lines), (
        lines
    )
    assert check(default_project, "--strict")[0] == 1

    # A build shows the English purpose, under a notice; --strict refuses to build.
    strict = run_cli(
        "build", "--strict", "--brand", ACME, "--site-dir", "site", cwd=default_project
    )
    assert strict.returncode == 1 and not (default_project / "site").exists()
    done = run_cli("build", "--brand", ACME, "--site-dir", "site", cwd=default_project)
    assert done.returncode == 0, done.stderr
    text = article_text(default_project / "site/roles/ceo.html")
    assert "Noch nicht übersetzt" in text and "Above all," in text
    assert "Noch nicht übersetzt" not in article_text(default_project / "site/roles/cco.html")

    # An untouched stale text stays stale through 'update'; once revised, 'update'
    # records it: the warning is gone.
    run_cli("translate", "update", "de", cwd=default_project)
    assert check(default_project, "--strict")[0] == 1
    edit(default_project / DE / "roles/ceo.yml", "purpose: |\n  ", "purpose: |\n  Vor allem: ")
    done = run_cli("translate", "update", "de", cwd=default_project)
    assert done.returncode == 0 and "1 file(s) updated" in done.stderr, done.stderr
    code, lines = check(default_project, "--strict")
    assert code == 0 and not [line for line in lines if "(stale)" in line], lines


def test_a_missing_translation_is_reported_and_a_new_one_recorded(default_project: Path) -> None:
    path = default_project / DE / "roles/ceo.yml"
    translated = path.read_text(encoding="utf-8")
    path.unlink()
    code, lines = check(default_project)
    assert code == 0
    assert any(
        re.match(
            r"cco-playbook: warning: playbook/roles/ceo\.yml:1:1: \d+ text\(s\) not translated"
            r" into 'de' \(the first: title\): shown in English",
            line,
        )
        for line in lines
    ), lines
    # A new translation without fingerprints: 'update' records them, nothing else changes.
    body = translated[: translated.index("# Written by 'cco-playbook translate update'")]
    path.write_text(body, encoding="utf-8")
    assert check(default_project, "--strict")[0] == 1
    done = run_cli("translate", "update", "de", cwd=default_project)
    assert done.returncode == 0 and "1 file(s) updated" in done.stderr, done.stderr
    assert path.read_text(encoding="utf-8") == translated
    status = run_cli("translate", "status", "de", "--strict", cwd=default_project)
    assert status.returncode == 0, status.stdout
    assert re.search(r"all \(100% translated\) +\d+ +0 +0", status.stdout)


def test_a_stale_docs_page_is_shown_in_english_under_a_notice(default_project: Path) -> None:
    edit(default_project / "docs/why-a-cco.md", "# Why a CCO", "# Why a CCO at all")
    code, lines = check(default_project)
    assert code == 0
    assert any(
        line.startswith("cco-playbook: warning: playbook/translations/de/docs/why-a-cco.md:1:1:")
        and "the English page changed since this was translated (stale)" in line
        for line in lines
    ), lines
    done = run_cli("build", "--brand", ACME, "--site-dir", "site", cwd=default_project)
    assert done.returncode == 0, done.stderr
    text = article_text(default_project / "site/why-a-cco.html")
    assert "Noch nicht übersetzt" in text and "Why a CCO at all" in text
    # The translator decides the German needs no change and confirms the page by name.
    page = str(DE / "docs/why-a-cco.md")
    assert run_cli("translate", "update", "de", cwd=default_project).returncode == 0
    assert check(default_project, "--strict")[0] == 1
    confirm = run_cli("translate", "update", "de", page, cwd=default_project)
    assert confirm.returncode == 0, confirm.stderr
    assert check(default_project, "--strict")[0] == 0


def test_translate_update_reports_a_broken_file_where_it_is(default_project: Path) -> None:
    edit(default_project / DE / "roles/ceo.yml", "purpose: |", "purpose: x: |")
    done = run_cli("translate", "update", "de", cwd=default_project)
    assert done.returncode == 1
    assert done.stderr.startswith("playbook/translations/de/roles/ceo.yml:"), done.stderr
    assert "Traceback" not in done.stderr


def test_translate_names_what_it_cannot_do(default_project: Path) -> None:
    done = run_cli("translate", "status", "fr", cwd=default_project)
    assert done.returncode == 1
    assert "there is no 'fr' translation" in done.stderr
    done = run_cli("translate", "update", "de", "docs/index.md", cwd=default_project)
    assert done.returncode == 1
    assert "is not a file of the 'de' translation" in done.stderr


def test_a_translated_docs_page_runs_no_script(default_project: Path) -> None:
    edit(
        default_project / DE / "docs/why-a-cco.md",
        "\n# Warum ein CCO",
        "\n<img src=x onerror=alert(1)>\n\n# Warum ein CCO",
    )
    code, lines = check(default_project)
    assert code == 1
    assert any(
        re.match(r"playbook/translations/de/docs/why-a-cco\.md:\d+:\d+: .*onerror", line)
        for line in lines
    ), lines


def test_translation_warnings_become_github_annotations(default_project: Path) -> None:
    edit(default_project / "playbook/roles/ceo.yml", "purpose: |\n  ", "purpose: |\n  Above all, ")
    done = run_cli("check", "--brand", ACME, "--format", "github", cwd=default_project)
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("::warning")]
    assert re.match(
        r"::warning file=playbook/translations/de/roles/ceo\.yml,line=\d+,col=\d+::purpose: the"
        r" English text changed since this was translated \(stale\)",
        line,
    ), line
