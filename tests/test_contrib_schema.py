"""The JSON Schemas are generated from the models, committed, and named by every file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.contrib.schema import MODELINE, SCHEMAS, schema_name_for
from tests.helpers import ROOT, run_cli

SCHEMA_DIR = ROOT / "schema"


def test_committed_schemas_match_the_models(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path / "fresh"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    fresh = sorted(p.name for p in (tmp_path / "fresh").iterdir())
    committed = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert fresh == committed == sorted(f"{name}.schema.json" for name in SCHEMAS)
    stale = [
        name
        for name in fresh
        if (tmp_path / "fresh" / name).read_bytes() != (SCHEMA_DIR / name).read_bytes()
    ]
    assert not stale, (
        f"schema/ is out of date for {stale}: run 'cco-playbook schema --out schema' and commit"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schemas_carry_descriptions_and_editor_safe_patterns(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["description"]
    text = json.dumps(schema)
    # Editors validate with ECMAScript regular expressions: no Python-only syntax.
    assert "(?P<" not in text
    patterns = [json.loads(f'"{p}"') for p in re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', text)]
    for pattern in patterns:
        re.compile(pattern)
        assert not re.search(r"\(\?P|\\[AZz]|\(\?[aiLmsux]", pattern), pattern
    node = shutil.which("node")
    if node and patterns:  # where Node.js is at hand, let a JavaScript engine compile them
        script = "for (const p of JSON.parse(process.argv[1])) new RegExp(p, 'u');"
        done = subprocess.run(
            [node, "-e", script, json.dumps(patterns)], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr


def test_schemas_keep_examples_from_the_models() -> None:
    role = json.loads((SCHEMA_DIR / "role.schema.json").read_text(encoding="utf-8"))
    assert role["properties"]["abbreviation"]["examples"] == ["CCO"]
    assert role["properties"]["summary"]["description"].startswith("One or two sentences")


def _content_files() -> list[Path]:
    # Translations are checked against their base file by the language layer instead.
    files = sorted(p for p in (ROOT / "playbook").rglob("*.y*ml") if "translations" not in p.parts)
    assert files, "the default playbook has no YAML files"
    return files + sorted((ROOT / "examples").rglob("brand.y*ml"))


@pytest.mark.parametrize("path", _content_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_content_file_names_its_schema(path: Path) -> None:
    rel = path.relative_to(ROOT / "playbook").as_posix() if "playbook" in path.parts else path.name
    name = schema_name_for(rel)
    assert name is not None, f"no schema for {path.relative_to(ROOT)}"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE), f"{path.relative_to(ROOT)} does not start with {MODELINE!r}"
    target = (path.parent / first.removeprefix(MODELINE)).resolve()
    assert target == (SCHEMA_DIR / f"{name}.schema.json").resolve()
    assert target.is_file()


def _content_files() -> list[Path]:
    files = sorted(p for p in (ROOT / "playbook").rglob("*.yml") if "translations" not in p.parts)
    return [*files, *sorted((ROOT / "examples").rglob("brand.yml"))]


@pytest.mark.parametrize("path", _content_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_content_file_validates_against_its_schema(path: Path) -> None:
    """What an editor checks while typing agrees with what `check` accepts."""
    import jsonschema
    import yaml

    header = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.search(r"\$schema=(\S+)", header)
    assert match, f"{path} names no schema on its first line"
    schema_path = (path.parent / match.group(1)).resolve()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert problems == []
