"""``cco-playbook score``: the browser's checks on results files, and the interface strings."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import Assessment
from generator.results import check_results, clean_answers
from generator.site import check
from generator.ui_strings import strings_languages, ui_strings
from tests.conftest import FIXTURES, run_cli

PROJECT = FIXTURES / "assessment"


@pytest.fixture(scope="module")
def readiness() -> Assessment:
    found = {a.model.id: a.model for a in check(PROJECT / "mkdocs.yml").assessments}
    return found["readiness"]


def write(tmp_path: Path, data: Any, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def score_cli(path: Path, assessment: str = "readiness") -> Any:
    return run_cli("score", "--assessment", assessment, str(path), cwd=PROJECT)


def test_score_prints_the_result_json(tmp_path: Path) -> None:
    result = score_cli(write(tmp_path, {"goals": "yes", "roadmap": "partly", "resources": "no"}))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "assessment": "readiness",
        "version": 4,
        "answered": 3,
        "total": 5,
        "scores": {"direction": 75, "capacity": 0, "spirit": None},
        "axes": {"support": 50},
        "verdict": "almost",
        "ranking": {},
        "reasons": {},
        "excluded": {},
        "plan": ["statement", "name-owner", "metrics", "review"],
    }
    exported = write(tmp_path, {"assessment": "fit", "version": 3, "answers": {"backing": "staff"}})
    result = score_cli(exported, "fit")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ranking"] == {
        "who": ["ceo-led", "full-time"],
        "where": ["ceo-office", "line-dedicated", "grassroots"],  # one answer: all null
    }


def test_score_says_what_it_ignored_on_stderr(tmp_path: Path) -> None:
    result = score_cli(
        write(tmp_path, {"goals": "yes", "nope": "yes", "roadmap": "maybe", "mood": 3})
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answered"] == 1
    assert result.stderr == (
        "cco-playbook: ignored 3 answers that do not match the questions of 'readiness':"
        " 'nope' (no such question); 'roadmap': 'maybe' (not one of its choices);"
        " 'mood': '3' (not one of its choices)\n"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"assessment": "fit", "version": 3, "answers": {"backing": "ceo"}},
            "this results file belongs to assessment 'fit', not to 'readiness':"
            " score it with --assessment fit",
        ),
        (
            {"assessment": "readiness", "version": 3, "answers": {"goals": "yes"}},
            "this results file was made for version 3 of 'readiness', which is now version 4",
        ),
        (
            {"assessment": "readiness", "version": True, "answers": {}},
            "made for version ? of 'readiness'",
        ),
        ({"version": 4, "answers": {}}, "belongs to another assessment, not to 'readiness'"),
        ({"assessment": "readiness", "version": 4, "answers": []}, "holds no answers object"),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_score_refuses_a_file_from_another_assessment_or_version(
    tmp_path: Path, data: Any, message: str
) -> None:
    result = score_cli(write(tmp_path, data))
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "the JSON is nested too deeply for a results file"),
        ('{"goals": ', "invalid JSON"),
        ('{"goals": "' + "y" * 1_100_000 + '"}', "too large for a results file"),
        (b"\xff\xfe{}", "the file is not UTF-8 text"),
    ],
)
def test_broken_files_are_one_line_errors(tmp_path: Path, text: str | bytes, message: str) -> None:
    path = tmp_path / "broken.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    result = score_cli(path)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_usage_errors(tmp_path: Path) -> None:
    answers = write(tmp_path, {})
    unknown = score_cli(answers, "readines")
    assert unknown.returncode == 2
    assert "unknown assessment 'readines'" in unknown.stderr and "readiness" in unknown.stderr
    assert unknown.stdout == ""
    missing = score_cli(tmp_path / "no.json")
    assert missing.returncode == 2 and "no answers file" in missing.stderr


def test_cleaning_matches_the_browser(readiness: Assessment) -> None:
    cleaned = clean_answers(readiness, {"goals": "yes", "__proto__": "x", "roadmap": ["yes"]})
    assert cleaned.answers == {"goals": "yes"} and len(cleaned.ignored) == 2
    many = {f"q{i}": "yes" for i in range(501)}
    assert clean_answers(readiness, many).answers == {}
    # An unstamped file may hold the answers directly or under "answers".
    assert check_results(readiness, {"answers": {"goals": "no"}}).answers == {"goals": "no"}
    assert check_results(readiness, {"goals": "no"}).answers == {"goals": "no"}
    assert check_results(readiness, {"assessment": "readiness", "version": 4.0, "answers": {}})


# --- interface strings ------------------------------------------------------------


def test_every_strings_file_has_the_same_keys_and_placeholders() -> None:
    folder = Path(__file__).resolve().parent.parent / "generator" / "strings"
    files = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yml")}
    assert {"en", "de"} <= set(files) == set(strings_languages())
    english = files["en"]
    for language, strings in files.items():
        assert set(strings) == set(english), language
        for key, value in strings.items():
            assert isinstance(value, str) and value.strip(), (language, key)
            placeholders = sorted(part.split("}")[0] for part in value.split("{")[1:])
            expected = sorted(part.split("}")[0] for part in english[key].split("{")[1:])
            assert placeholders == expected, (language, key)


def test_every_string_the_page_scripts_ask_for_exists() -> None:
    static = Path(__file__).resolve().parent.parent / "generator" / "static"
    source = "\n".join(p.read_text(encoding="utf-8") for p in static.glob("assessment*.js"))
    asked = set(re.findall(r'\bt\("([a-z_0-9]*[a-z0-9])"', source))
    asked |= set(re.findall(r'notice\("([a-z_]+)"', source))
    asked |= {f"stage_{n}" for n in (1, 2, 3)}
    asked |= {f"cross_{s}" for s in ("first", "ranked", "excluded", "unscored", "none")}
    assert asked - set(ui_strings("en")) == set()


def test_strings_follow_the_brand_language_with_english_as_fallback() -> None:
    assert ui_strings("de")["submit"] == "Ergebnis anzeigen"
    assert ui_strings("de-CH")["submit"] == "Ergebnis anzeigen"
    assert ui_strings("fr")["submit"] == "Show my result"
    assert ui_strings("../../etc")["submit"] == "Show my result"
