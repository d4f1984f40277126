"""Results files gathered for a group, and `cco-playbook aggregate`: every file is
counted or skipped with its reason, never silently; hostile files stay data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.group import Respondent, aggregate
from generator.group_files import MAX_FILES, clean_label, gather
from generator.model import Assessment
from generator.playbook import check
from tests.helpers import FIXTURES, run_cli

PLAYBOOK = "assessment-test"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("workshop-files")
    shutil.copytree(FIXTURES / "assessment", target, dirs_exist_ok=True)
    return target


@pytest.fixture(scope="module")
def readiness(project: Path) -> Assessment:
    found = {a.model.id: a.model for a in check(project / "mkdocs.yml").assessments}
    return found["readiness"]


def export(answers: dict[str, str] | None = None, **changes: Any) -> dict[str, Any]:
    """A results file as the assessment page exports it."""
    data: dict[str, Any] = {
        "format": "cco-playbook-assessment",
        "playbook": PLAYBOOK,
        "brand": "Test & Co",
        "assessment": "readiness",
        "version": 4,
        "label": "",
        "exported": "2025-03-01T09:00:00.000Z",
        "answers": {"goals": "yes", "roadmap": "no"} if answers is None else answers,
        "result": {"verdict": "ready"},
    }
    data.update(changes)
    return data


def as_file(name: str, data: Any) -> tuple[str, bytes | None]:
    return name, (data if isinstance(data, bytes) else json.dumps(data).encode())


def reasons(readiness: Assessment, *files: tuple[str, bytes | None]) -> list[tuple[str, str]]:
    return [(s.file, s.reason) for s in gather(readiness, PLAYBOOK, list(files)).skipped]


def test_each_kind_of_bad_file_is_skipped_with_its_reason(readiness: Assessment) -> None:
    cases = {
        "broken.json": b'{"answers": ',
        "nan.json": b'{"answers": NaN}',
        "list.json": [1, 2],
        "plain.json": {"goals": "yes"},
        "format.json": export(format="something-else"),
        "playbook.json": export(playbook="other-playbook"),
        "assessment.json": export(assessment="fit"),
        "version.json": export(version=3),
        "answers-list.json": export(answers=["yes"]),
        "label-object.json": export(label={"name": "x"}),
        "unknown.json": export({"goals": "yes", "mood": "bogus", "nope": "yes"}),
        "markup.json": export(label="<img src=x onerror=alert(1)>"),
        "formula.json": export(label='=HYPERLINK("http://x")'),
        "minus.json": export(label="-2+3"),
        "tab.json": export(label="\t@SUM(A1)"),
        "team.json": export(team="<script>alert(1)</script>"),
        "empty.json": export({}),
    }
    got = reasons(readiness, *(as_file(n, d) for n, d in cases.items()), ("huge.json", None))
    assert got == [
        ("broken.json", "unreadable"),
        ("nan.json", "unreadable"),
        ("list.json", "unreadable"),
        ("plain.json", "not_export"),
        ("format.json", "not_export"),
        ("playbook.json", "other_playbook"),
        ("assessment.json", "other_assessment"),
        ("version.json", "other_version"),
        ("answers-list.json", "unreadable"),
        ("label-object.json", "unreadable"),
        ("unknown.json", "mismatched"),
        ("markup.json", "hostile"),
        ("formula.json", "hostile"),
        ("minus.json", "hostile"),
        ("tab.json", "hostile"),
        ("team.json", "hostile"),
        ("empty.json", "no_answers"),
        ("huge.json", "too_large"),
    ]
    skipped = gather(readiness, PLAYBOOK, [as_file("v.json", export(version=3))]).skipped[0]
    assert skipped.values == {"version": 3, "current": 4}
    assert skipped.message() == (
        "v.json: skipped: made for version 3 of the assessment, which is now version 4;"
        " the questions have changed, so it is never mixed in"
    )
    mismatched = gather(readiness, PLAYBOOK, [as_file("u.json", cases["unknown.json"])])
    assert mismatched.skipped[0].values == {"count": 2}


def test_ids_named_in_messages_are_only_ever_slugs(readiness: Assessment) -> None:
    got = gather(
        readiness,
        PLAYBOOK,
        [
            as_file("a.json", export(assessment="<b>x</b>")),
            as_file("b.json", export(playbook="fit")),
            as_file("c.json", export(version="4")),
        ],
    ).skipped
    assert [s.values for s in got] == [{"id": "?"}, {"id": "fit"}, {"version": "?", "current": 4}]


def test_the_same_respondent_counts_once_from_the_later_export(readiness: Assessment) -> None:
    early = export({"goals": "no"}, label="Sales: Anna", exported="2025-03-01T09:00:00.000Z")
    late = export({"goals": "yes"}, label="Sales: Anna", exported="2025-03-02T09:00:00.000Z")
    other = export({"goals": "partly"}, label="Ops: Ben")
    found = gather(
        readiness,
        PLAYBOOK,
        [as_file("late.json", late), as_file("ben.json", other), as_file("early.json", early)],
    )
    assert [e.file for e in found.entries] == ["late.json", "ben.json"]
    assert [(s.file, s.reason, s.values) for s in found.skipped] == [
        ("early.json", "duplicate", {"other": "late.json"})
    ]
    # Given the other way round, the later export still wins, in the first one's place.
    found = gather(readiness, PLAYBOOK, [as_file("early.json", early), as_file("late.json", late)])
    assert [e.file for e in found.entries] == ["late.json"]
    assert found.skipped[0].file == "early.json"
    # No label: the same export time and answers is the same file given twice.
    twice = gather(readiness, PLAYBOOK, [as_file("x.json", export()), as_file("y.json", export())])
    assert [(s.file, s.values) for s in twice.skipped] == [("y.json", {"other": "x.json"})]
    apart = export(exported="2025-03-05T09:00:00.000Z")
    assert (
        len(
            gather(
                readiness, PLAYBOOK, [as_file("x.json", export()), as_file("z.json", apart)]
            ).entries
        )
        == 2
    )


def test_teams_come_from_the_team_field_or_the_label(readiness: Assessment) -> None:
    found = gather(
        readiness,
        PLAYBOOK,
        [
            as_file("a.json", export(label="  Sales :  Anna ")),
            as_file(
                "b.json", export(label="Ben", team="Board", exported="2025-03-02T09:00:00.000Z")
            ),
            as_file("c.json", export(label="Cleo")),
            as_file("d.json", export(label=": Dan")),
        ],
    )
    assert [(e.label, e.respondent.team) for e in found.entries] == [
        ("Sales : Anna", "Sales"),
        ("Ben", "Board"),
        ("Cleo", ""),
        (": Dan", ""),
    ]


def test_too_many_files_are_reported_not_dropped(readiness: Assessment) -> None:
    files = [as_file(f"{i}.json", export(label=f"Person {i}")) for i in range(MAX_FILES + 2)]
    found = gather(readiness, PLAYBOOK, files)
    assert len(found.entries) == MAX_FILES
    assert [(s.file, s.reason) for s in found.skipped] == [
        (f"{MAX_FILES}.json", "too_many"),
        (f"{MAX_FILES + 1}.json", "too_many"),
    ]


def test_labels_are_cleaned_as_the_browser_cleans_them() -> None:
    assert clean_label("a\u202eb\u2028c\x00d\ufeff") == "a b c d"
    assert clean_label("😀" * 50) == "😀" * 40  # 80 UTF-16 units
    assert clean_label("x" * 79 + "😀") == "x" * 79 + "\ud83d"  # cut as JavaScript cuts
    assert clean_label(42) == ""


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_aggregate_prints_the_group_json_and_lists_what_it_skipped(
    project: Path, readiness: Assessment, tmp_path: Path
) -> None:
    answers = [{"goals": "yes", "roadmap": c} for c in ("yes", "partly", "no", "no", "yes")]
    files = [
        write(tmp_path, f"r{i}.json", export(a, label=f"Sales: P{i}"))
        for i, a in enumerate(answers)
    ]
    old = write(tmp_path, "old.json", export(version=3))
    evil = write(tmp_path, "evil.json", export(label="<svg onload=alert(1)>"))
    base = [write(tmp_path, f"b{i}.json", export({"goals": "no"}, label=f"B{i}")) for i in range(5)]
    result = run_cli(
        "aggregate",
        "--assessment",
        "readiness",
        *map(str, [*files, old, evil]),
        "--baseline",
        *map(str, base),
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    expected = aggregate(
        readiness,
        [Respondent(a, "Sales") for a in answers],
        5,
        [Respondent({"goals": "no"}) for _ in range(5)],
    )
    assert json.loads(result.stdout) == expected
    assert "P0" not in result.stdout and "<svg" not in result.stdout
    lines = result.stderr.splitlines()
    assert (
        f"cco-playbook: {old}: skipped: made for version 3 of the assessment, which is now version 4;"
        in lines[0]
    )
    assert lines[1] == (
        f"cco-playbook: {evil}: skipped: its label or team looks like markup or a spreadsheet formula"
    )
    assert len(lines) == 2


def test_aggregate_exit_status_and_usage_errors(project: Path, tmp_path: Path) -> None:
    one = write(tmp_path, "one.json", export())
    bad = write(tmp_path, "bad.json", "not json")
    nothing = run_cli("aggregate", "--assessment", "readiness", str(bad), cwd=project)
    assert nothing.returncode == 1
    assert json.loads(nothing.stdout)["respondents"] == 0
    assert nothing.stderr.splitlines()[-1] == "cco-playbook: no results file could be counted"
    small = run_cli(
        "aggregate", "--assessment", "readiness", str(one), "--min-group", "2", cwd=project
    )
    assert small.returncode == 2
    assert "--min-group must be at least 3" in small.stderr
    unknown = run_cli("aggregate", "--assessment", "readines", str(one), cwd=project)
    assert unknown.returncode == 2
    assert "unknown assessment 'readines'" in unknown.stderr
    missing = run_cli(
        "aggregate", "--assessment", "readiness", str(tmp_path / "no.json"), cwd=project
    )
    assert missing.returncode == 2
    assert "no results file at" in missing.stderr
    shown = run_cli("aggregate", "--assessment", "readiness", str(one), "--all-groups", cwd=project)
    group = json.loads(shown.stdout)
    assert (shown.returncode, group["min_group"], group["hidden"]) == (0, None, False)
    assert group["questions"]["goals"]["median"] == "yes"
