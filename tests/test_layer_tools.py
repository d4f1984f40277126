"""Tools for translators: starting a language, the list of what is left, and the
parity checks a translation must pass (each located where the slip is)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import copy_default_project, run_cli
from tests.test_layer_language import DE, check, edit

FR = Path("playbook/translations/fr")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_default_project(tmp_path / "p")


def total_texts(project: Path) -> int:
    done = run_cli("translate", "status", "de", cwd=project)
    assert done.returncode == 0, done.stderr
    found = re.search(r"^all \(100% translated\)\s+(\d+)\s+0\s+0$", done.stdout, re.M)
    assert found, done.stdout
    return int(found.group(1))


def test_a_new_language_starts_with_every_text_missing(project: Path) -> None:
    texts = total_texts(project)
    done = run_cli("translate", "new", "fr", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "copied 55 files to playbook/translations/fr/" in done.stderr
    assert "generator/strings/fr.yml" in done.stderr  # the tool's words need a file too
    assert (project / FR / "roles" / "cco.yml").is_file()
    assert (project / FR / "docs" / "why-a-cco.md").is_file()
    status = run_cli("translate", "status", "fr", cwd=project)
    assert re.search(rf"^all \(0% translated\)\s+0\s+0\s+{texts}$", status.stdout, re.M)
    assert run_cli("check", "--language", "fr", cwd=project).returncode == 0
    assert run_cli("check", "--language", "fr", "--strict", cwd=project).returncode == 1
    # Recording changes nothing until a text is translated.
    assert "0 file(s) updated" in run_cli("translate", "update", "fr", cwd=project).stderr
    again = run_cli("translate", "new", "fr", cwd=project)
    assert again.returncode == 2
    assert "playbook/translations/fr exists already" in again.stderr
    unknown = run_cli("translate", "new", "xx", cwd=project)
    assert unknown.returncode == 2 and "'xx' is not a language" in unknown.stderr


def test_a_translated_text_is_counted_once_recorded(project: Path) -> None:
    run_cli("translate", "new", "fr", cwd=project)
    edit(
        project / FR / "roles" / "cco.yml",
        "title: Chief Customer Officer",
        "title: Directeur client",
    )
    done = run_cli("translate", "update", "fr", cwd=project)
    assert "recorded sources in playbook/translations/fr/roles/cco.yml" in done.stderr
    assert "1 file(s) updated" in done.stderr
    status = run_cli("translate", "status", "fr", cwd=project).stdout
    row = re.search(r"^playbook/roles/cco\.yml\s+(\d+)\s+(\d+)\s+(\d+)$", status, re.M)
    assert row and row.group(1, 2) == ("1", "0") and int(row.group(3)) > 20
    todo = run_cli("translate", "stale", "fr", cwd=project).stdout
    assert "roles/cco.yml:3:8: title:" not in todo
    assert re.search(
        r"^playbook/translations/fr/roles/cco\.yml:\d+:\d+: summary: \(missing\) not translated;"
        r' the English now reads "The executive who owns',
        todo,
        re.M,
    )
    built = run_cli("build", "--language", "fr", "--site-dir", "site", cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "roles" / "cco.html").read_text(encoding="utf-8")
    assert "Directeur client" in page and 'lang="fr"' in page


def test_stale_lists_each_text_with_both_places(project: Path) -> None:
    edit(project / "playbook/roles/cco.yml", "title: Chief Customer Officer", "title: The CCO")
    done = run_cli("translate", "stale", "de", cwd=project)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        "playbook/translations/de/roles/cco.yml:2:8: title: (stale) the English changed since"
        ' it was translated; the English now reads "The CCO" (playbook/roles/cco.yml:3:8)'
    ]
    assert "1 text(s) left to translate into 'de'" in done.stderr
    assert run_cli("translate", "stale", "de", "--strict", cwd=project).returncode == 1


@pytest.mark.parametrize(
    ("file", "base_edit", "old", "new", "expected"),
    [
        (
            "roles/cco.yml",
            ("summary: >-\n", "summary: >-\n  At %brand%,\n"),
            None,
            None,
            r"roles/cco\.yml:\d+:\d+: summary: the translation changes the placeholders"
            r" \['%brand%'\]",
        ),
        (
            "assessments/readiness.yml",
            None,
            "      not_applicable: true",
            "      not_applicable: Nein",
            r"readiness\.yml:\d+:\d+: .*not_applicable: 'Nein' differs from the base file's True",
        ),
        (
            "roles/cco.yml",
            None,
            "order: 1\n",
            "",
            r"roles/cco\.yml:1:1: 'order' is missing: a translation keeps every key of the base"
            r" file playbook/roles/cco\.yml \(copy it unchanged from the base file: order: 1\)",
        ),
    ],
    ids=["dropped-placeholder", "boolean-as-a-word", "missing-key"],
)
def test_parity_slips_are_located(
    project: Path,
    file: str,
    base_edit: tuple[str, str] | None,
    old: str | None,
    new: str | None,
    expected: str,
) -> None:
    if base_edit is not None:
        edit(project / "playbook" / file, *base_edit)
    if old is not None and new is not None:
        edit(project / DE / file, old, new)
    code, lines = check(project)
    assert code == 1
    found = [line for line in lines if re.search(expected, line)]
    assert len(found) == 1, lines
    assert found[0].startswith(f"playbook/translations/de/{file}:")
