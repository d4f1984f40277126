"""A strings file is complete, or the build and ``check`` say what is missing and what is
extra, at its file, line and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.ui_strings import (
    STRINGS_DIR,
    browser_strings,
    check_strings,
    strings_language,
    strings_languages,
    ui_strings,
)
from tests.helpers import run_cli


@pytest.mark.parametrize("language", strings_languages())
def test_every_shipped_strings_file_is_complete(language: str) -> None:
    assert check_strings(language) == []
    assert set(ui_strings(language)) == set(ui_strings("en"))


def test_english_and_german_have_the_same_keys_in_the_same_order() -> None:
    """Same order too: a translator reads both files side by side."""
    import yaml

    english = yaml.safe_load((STRINGS_DIR / "en.yml").read_text(encoding="utf-8"))
    german = yaml.safe_load((STRINGS_DIR / "de.yml").read_text(encoding="utf-8"))
    assert list(german) == list(english)


def test_german_is_german_wherever_english_is_not_a_shared_word() -> None:
    """A key left in English is a gap in the translation, not a translation."""
    english, german = ui_strings("en"), ui_strings("de")
    # The same words in both languages: placeholders only, and words German borrowed.
    same = {k for k in english if english[k] == german[k]}
    assert same == {
        "print_version",
        "print_page_number",
        "print_contact",
        "print_col_dimension",
        "print_col_option",
        "print_and",
        "compare_series",
        "workshop_count_of",
        "workshop_answer_count",
        "workshop_col_median",
        "workshop_col_team",
        "workshop_col_name",
        "workshop_teams_heading",
        "workshop_who",
        "structure_team",
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A strings folder with the real English file and a German one to break."""
    shutil.copy(STRINGS_DIR / "en.yml", tmp_path / "en.yml")
    shutil.copy(STRINGS_DIR / "de.yml", tmp_path / "de.yml")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(start))


def test_missing_extra_and_broken_keys_are_reported_each_at_its_line(folder: Path) -> None:
    german = folder / "de.yml"
    _edit(german, "page_related: Verwandte Seiten\n", "")
    _edit(german, "page_risks: Risiken\n", "page_risk: Risiken\n")
    _edit(german, "{answered} von {total}", "{beantwortet} von {total}")
    _edit(german, "submit: Ergebnis anzeigen", "submit: [Ergebnis]")
    shown = str(german)
    errors = [str(e) for e in check_strings("de", folder)]
    assert errors == [
        f"{shown}:1:1: page_risks: missing; in English: “Risks” (add it with its translation"
        " where generator/strings/en.yml has it)",
        f"{shown}:1:1: page_related: missing; in English: “Related” (add it with its"
        " translation where generator/strings/en.yml has it)",
        f"{shown}:{_line_of(german, 'submit:')}:9: submit: must be text (write the words in quotes:"
        " YAML reads yes, no, numbers and [ ] as other things)",
        f"{shown}:{_line_of(german, 'answered:')}:11: answered: other placeholders than in"
        " English (expected: {answered}, {total}) (keep every {name} in braces exactly as it"
        " is; translate only the words)",
        f"{shown}:{_line_of(german, 'page_risk:')}:1: page_risk: not a key the tool reads"
        " (did you mean 'page_risks'?)",
    ]


def test_a_regional_language_is_checked_against_its_own_file_too(folder: Path) -> None:
    (folder / "de-CH.yml").write_text("submit: Resultat anzeigen\nsubmt: x\n", encoding="utf-8")
    errors = check_strings("de-CH", folder)
    # de.yml is complete; de-CH.yml misses nearly every key and has one typo.
    assert all(e.file == str(folder / "de-CH.yml") for e in errors)
    assert [e.text for e in errors if "not a key" in e.message] == [
        "submt: not a key the tool reads (did you mean 'submit'?)"
    ]
    assert len(errors) == len(ui_strings("en")) - 1 + 1


def test_a_language_without_strings_falls_back_to_english_whole() -> None:
    assert strings_language("fr") == "en" and strings_language("de-AT") == "de"
    assert check_strings("fr") == []
    assert ui_strings("fr") == ui_strings("en")


def test_the_page_scripts_get_only_the_words_they_show() -> None:
    words = browser_strings("de")
    assert words["submit"] == "Ergebnis anzeigen"
    assert not [k for k in words if k.startswith(("print_", "zip_", "page_", "matrix_"))]


def test_a_brand_language_without_strings_warns_and_fails_strict(mini_project: Path) -> None:
    brand = mini_project / "playbook" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("language: en", "language: fr"))
    line = _line_of(brand, "language:")
    strict = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert strict.returncode == 1
    assert (
        f"playbook/brand.yml:{line}:11: language: the tool has no strings file for 'fr': its own words"
        " (headings, labels, the assessment, the PDF and the ZIP) would stay English"
    ) in strict.stderr
    assert "add generator/strings/fr.yml with every key of en.yml" in strict.stderr
    assert not (mini_project / "site").exists()
    # Without --strict the site builds, in English tool words, and says so.
    loose = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert loose.returncode == 0, loose.stderr
    assert "no strings file for 'fr'" in loose.stderr
    assert '<h2 id="related">Related' in (mini_project / "site/roles/cco.html").read_text(
        encoding="utf-8"
    )
    # The tool's not-found page says in English exactly what Material's own says.
    not_found = (mini_project / "site/404.html").read_text(encoding="utf-8")
    assert "\n  <h1>404 - Not found</h1>\n" in not_found


def test_a_translated_yes_that_yaml_reads_as_true_is_caught(folder: Path) -> None:
    """OWASP SAMM's French model turned a boolean answer into 'Non'; here YAML would."""
    german = folder / "de.yml"
    _edit(german, 'workshop_csv_yes: "ja"', "workshop_csv_yes: yes")
    (error,) = check_strings("de", folder)
    assert (error.line, error.column, error.key_path) == (
        _line_of(german, "workshop_csv_yes:"),
        19,
        ("workshop_csv_yes",),
    )
    assert error.message == "must be text"


def test_check_and_build_stop_at_a_broken_strings_file(tmp_path: Path, mini_project: Path) -> None:
    """The real command, run from a copy of the package whose German file lost a key."""
    package = tmp_path / "package"
    shutil.copytree(
        STRINGS_DIR.parent, package / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    german = package / "generator" / "strings" / "de.yml"
    _edit(german, "page_related: Verwandte Seiten\n", "page_relatd: Verwandte Seiten\n")
    brand = mini_project / "playbook" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("language: en", "language: de"))
    env = {"PYTHONPATH": str(package)}
    line = _line_of(german, "page_relatd:")
    for command in (["check"], ["build", "--site-dir", "site"]):
        done = run_cli(*command, cwd=mini_project, env=env)
        assert done.returncode == 1, done.stderr
        assert done.stderr.splitlines()[-3:] == [
            "generator/strings/de.yml:1:1: page_related: missing; in English: “Related” (add it"
            " with its translation where generator/strings/en.yml has it)",
            f"generator/strings/de.yml:{line}:1: page_relatd: not a key the tool reads (did you"
            " mean 'page_related'?)",
            "cco-playbook: 2 content errors; nothing was built",
        ]
    assert not (mini_project / "site").exists()
