"""The Python reference scorer, the interface strings and ``cco-playbook score``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.assessment import answers_from, score, strings_languages, ui_strings
from generator.model import Assessment
from tests.helpers import FIXTURES, run_cli

AGREEMENT = [
    {"id": "yes", "label": "Yes", "points": 2},
    {"id": "partly", "label": "Partly", "points": 1},
    {"id": "no", "label": "No", "points": 0},
    {"id": "na", "label": "n/a", "not_applicable": True},
]


def readiness(**changes: Any) -> Assessment:
    data: dict[str, Any] = {
        "id": "ready-check",
        "title": "Ready?",
        "version": 4,
        "summary": "S.",
        "scales": {"agreement": AGREEMENT},
        "dimensions": [
            {"id": "a", "title": "A", "weight": 2},
            {"id": "b", "title": "B"},
            {"id": "c", "title": "C"},
        ],
        "questions": [
            {"id": "q1", "text": "One.", "dimension": "a", "scale": "agreement"},
            {"id": "q2", "text": "Two.", "dimension": "a", "scale": "agreement"},
            {"id": "q3", "text": "Three.", "dimension": "b", "scale": "agreement"},
            {"id": "q4", "text": "Four.", "dimension": "a", "scale": "agreement"},
            {"id": "q5", "text": "Five.", "dimension": "a", "scale": "agreement"},
        ],
        "bands": [
            {"id": "low", "min": 0, "title": "Low", "summary": "L."},
            {"id": "mid", "min": 50, "title": "Mid", "summary": "M."},
            {"id": "high", "min": 80, "title": "High", "summary": "H."},
        ],
    }
    data.update(changes)
    return Assessment.model_validate(data)


def fit() -> Assessment:
    return Assessment.model_validate(
        {
            "id": "fit",
            "title": "Fit",
            "version": 1,
            "summary": "S.",
            "outcomes": [
                {"id": "x", "title": "X", "link": "roles/cco"},
                {"id": "y", "title": "Y", "link": "roles/cco"},
                {"id": "z", "title": "Z", "link": "roles/cco"},
                {"id": "never", "title": "Never", "link": "roles/cco"},
            ],
            "questions": [
                {
                    "id": "q1",
                    "text": "One.",
                    "choices": [
                        {"id": "a", "label": "A", "points": {"x": 2, "y": 0}},
                        {"id": "b", "label": "B", "points": {"y": 2}},
                        {"id": "na", "label": "n/a", "not_applicable": True},
                    ],
                },
                {
                    "id": "q2",
                    "text": "Two.",
                    "choices": [
                        {"id": "a", "label": "A", "points": {"z": 1}},
                        {"id": "b", "label": "B", "points": {"z": 1}},
                    ],
                },
            ],
        }
    )


def test_result_has_exactly_the_contract_keys() -> None:
    result = score(readiness(), {"q1": "yes"})
    assert list(result) == [
        "assessment",
        "version",
        "answered",
        "total",
        "scores",
        "overall",
        "band",
        "ranking",
    ]
    assert result["assessment"] == "ready-check" and result["version"] == 4
    assert result["total"] == 5 and result["answered"] == 1


def test_rounding_is_floor_of_x_plus_half() -> None:
    # a: raw 1 of lo 0, hi 8 -> 12.5 -> 13 (not banker's rounding to 12)
    answers = {"q1": "partly", "q2": "no", "q4": "no", "q5": "no"}
    assert score(readiness(), answers)["scores"]["a"] == 13
    # 3 of 8 -> 37.5 -> 38; 1 of 6 -> 16.67 -> 17; 2 of 6 -> 33.3 -> 33
    assert score(readiness(), {**answers, "q2": "partly", "q4": "partly"})["scores"]["a"] == 38
    three = {"q1": "partly", "q2": "no", "q4": "no"}
    assert score(readiness(), three)["scores"]["a"] == 17
    assert score(readiness(), {**three, "q2": "partly"})["scores"]["a"] == 33


def test_not_applicable_leaves_the_question_out_of_lo_and_hi() -> None:
    result = score(readiness(), {"q1": "yes", "q2": "na", "q4": "na", "q5": "na"})
    assert result["scores"]["a"] == 100
    assert result["answered"] == 4
    only_na = score(readiness(), {"q1": "na"})
    assert only_na["scores"] == {"a": None, "b": None, "c": None}
    assert only_na["overall"] is None and only_na["band"] is None and only_na["answered"] == 1


def test_null_when_nothing_answered_touches_a_dimension_or_hi_equals_lo() -> None:
    assert score(readiness(), {})["scores"] == {"a": None, "b": None, "c": None}
    assert score(readiness(), {})["overall"] is None
    result = score(fit(), {"q2": "a"})
    assert result["scores"]["z"] is None  # every choice gives z the same: hi == lo
    assert result["scores"]["never"] is None


def test_overall_is_the_weighted_mean_rounded_the_same_way() -> None:
    # a = 100 (weight 2), b = 0 (weight 1): 200 / 3 = 66.67 -> 67
    result = score(readiness(), {"q1": "yes", "q3": "no"})
    assert result["scores"] == {"a": 100, "b": 0, "c": None}
    assert result["overall"] == 67 and result["band"] == "mid"
    # a weight of 0 counts for nothing; only weight-0 dimensions -> null overall
    zero = readiness(
        dimensions=[
            {"id": "a", "title": "A", "weight": 0},
            {"id": "b", "title": "B"},
            {"id": "c", "title": "C"},
        ]
    )
    assert score(zero, {"q1": "yes", "q3": "no"})["overall"] == 0
    assert score(zero, {"q1": "yes"})["overall"] is None


@pytest.mark.parametrize(
    ("answers", "overall", "band"),
    [
        ({"q1": "no"}, 0, "low"),
        ({"q1": "yes", "q2": "no"}, 50, "mid"),  # exactly on the lower edge: inclusive
        ({"q1": "yes", "q2": "partly", "q4": "partly", "q5": "no"}, 50, "mid"),
        ({"q1": "yes", "q2": "yes", "q4": "yes", "q5": "partly"}, 88, "high"),
        ({"q1": "yes", "q2": "yes", "q4": "yes", "q5": "no"}, 75, "mid"),
    ],
)
def test_band_is_the_highest_min_not_above_overall(
    answers: dict[str, str], overall: int, band: str
) -> None:
    result = score(readiness(), answers)
    assert (result["overall"], result["band"]) == (overall, band)


def test_ranking_highest_first_ties_in_yaml_order_nulls_last() -> None:
    assert score(fit(), {})["ranking"] == ["x", "y", "z", "never"]
    assert score(fit(), {"q1": "b"})["ranking"] == ["y", "x", "z", "never"]
    tie = fit().model_copy(update={"outcomes": list(reversed(fit().outcomes))})
    assert score(tie, {"q1": "na"})["ranking"] == ["never", "z", "y", "x"]
    result = score(fit(), {"q1": "a"})
    assert result["scores"] == {"x": 100, "y": 0, "z": None, "never": None}
    assert result["ranking"] == ["x", "y", "z", "never"]
    assert result["overall"] is None and result["band"] is None


def test_unknown_questions_and_choices_are_ignored() -> None:
    result = score(readiness(), {"q1": "maybe", "nope": "yes", "q3": "yes"})
    assert result["answered"] == 1 and result["scores"]["b"] == 100


def test_answers_from_accepts_answers_or_an_exported_results_file() -> None:
    assert answers_from({"q1": "yes", "n": 3}) == {"q1": "yes"}
    assert answers_from({"assessment": "a", "version": 1, "answers": {"q1": "no"}}) == {"q1": "no"}
    with pytest.raises(ValueError, match="expected a JSON object"):
        answers_from(["q1"])


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


def test_strings_follow_the_brand_language_with_english_as_fallback() -> None:
    assert ui_strings("de")["submit"] == "Ergebnis anzeigen"
    assert ui_strings("de-CH")["submit"] == "Ergebnis anzeigen"
    assert ui_strings("fr")["submit"] == "Show my result"
    assert ui_strings("../../etc")["submit"] == "Show my result"


# --- the command ------------------------------------------------------------------

PROJECT = FIXTURES / "assessment"


def test_score_command_prints_the_result_json(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"goals": "yes", "resources": "no"}))
    result = run_cli("score", "--assessment", "readiness", str(answers), cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "assessment": "readiness",
        "version": 3,
        "answered": 2,
        "total": 4,
        "scores": {"direction": 100, "capacity": 0, "spirit": None},
        "overall": 67,
        "band": "almost",
        "ranking": [],
    }
    exported = tmp_path / "export.json"
    exported.write_text(
        json.dumps(
            {"assessment": "fit", "version": 2, "answers": {"backing": "staff"}, "result": {}}
        )
    )
    result = run_cli("score", "--assessment", "fit", str(exported), cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ranking"] == ["grassroots", "ceo-office", "line-dedicated"]


def test_score_command_exit_codes(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("{}")
    unknown = run_cli("score", "--assessment", "readines", str(answers), cwd=PROJECT)
    assert unknown.returncode == 2
    assert "unknown assessment 'readines'" in unknown.stderr and "readiness" in unknown.stderr
    assert unknown.stdout == ""
    missing = run_cli("score", "--assessment", "readiness", str(tmp_path / "no.json"), cwd=PROJECT)
    assert missing.returncode == 2 and "no answers file" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"goals": ')
    invalid = run_cli("score", "--assessment", "readiness", str(broken), cwd=PROJECT)
    assert invalid.returncode == 1 and "invalid JSON" in invalid.stderr
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]")
    assert run_cli("score", "--assessment", "readiness", str(listed), cwd=PROJECT).returncode == 1
