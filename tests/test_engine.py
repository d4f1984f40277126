"""The engine's shape: one load per build, commands that import only what they need,
and the plugin's options read the same way with and without MkDocs."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import generator.playbook
from generator.errors import UsageError
from generator.load import SourceFile, load_yaml
from generator.playbook import check
from generator.project import OPTIONS, read_project
from generator.publish import build
from generator.site.build import load_mkdocs_config
from generator.site.plugin import PlaybookConfig
from generator.site.prepare import project_paths
from generator.site.standalone import write_standalone
from tests.helpers import copy_default_project

#: What ``check``, ``score`` and ``--help`` must start without.
HEAVY = ("mkdocs", "material", "playwright", "jinja2")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every YAML file the content loader reads, in order (the real loader does the work)."""
    seen: list[str] = []

    def counting(path: Path, display: str, **options: Any) -> tuple[SourceFile | None, list[Any]]:
        seen.append(display)
        return load_yaml(path, display, **options)

    monkeypatch.setattr(generator.playbook, "load_yaml", counting)
    yield seen


def test_a_build_with_zip_loads_every_content_file_once(
    mini_project: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini_project)
    files = len(list(check(mini_project / "mkdocs.yml").sources()))
    assert files == len(list((mini_project / "playbook").rglob("*.yml")))
    loads.clear()
    build(
        mini_project / "mkdocs.yml",
        mini_project / "site",
        zip_file=mini_project / "site.zip",
        progress=lambda _step: None,
    )
    assert (mini_project / "site" / "roles" / "cco.html").is_file()
    assert (mini_project / "site.zip").is_file()
    assert len(loads) == files, loads
    assert len(set(loads)) == files


def test_render_out_loads_every_content_file_once(
    mini_project: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini_project)
    write_standalone(mini_project / "mkdocs.yml", mini_project / "rendered")
    assert (mini_project / "rendered" / "docs" / "roles" / "cco.md").is_file()
    assert len(loads) == len(set(loads)) == len(list((mini_project / "playbook").rglob("*.yml")))


@pytest.mark.parametrize(
    "args",
    [("check",), ("--help",), ("score", "--assessment", "readiness", "answers.json")],
    ids=["check", "help", "score"],
)
def test_light_commands_start_without_mkdocs_material_jinja_or_playwright(
    mini_project: Path, args: tuple[str, ...]
) -> None:
    (mini_project / "answers.json").write_text(json.dumps({"goals": "yes"}), encoding="utf-8")
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n"
        f"    code = main({list(args)!r})\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
        "print('HEAVY', code, heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=mini_project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "HEAVY 0 []" in done.stderr, done.stderr


def test_the_light_reader_knows_the_plugins_options() -> None:
    assert {key for key, _ in PlaybookConfig._schema} == set(OPTIONS)


def test_both_readers_find_the_same_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_default_project(tmp_path / "p")
    config_file = project / "mkdocs.yml"
    brand = project / "examples" / "acme" / "brand.yml"
    monkeypatch.chdir(tmp_path)
    for chosen in (None, brand):
        light = read_project(config_file, chosen)
        full = project_paths(load_mkdocs_config(config_file), chosen)
        assert light == full
    assert read_project(config_file, brand).brand == brand.resolve()


def test_the_light_reader_follows_env_tags_and_inherit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "base.yml").write_text(
        "site_name: x\n"
        "docs_dir: pages\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - cco-playbook:\n"
        "      playbook: !ENV [CCO_TEST_CONTENT, content]\n",
        encoding="utf-8",
    )
    child = tmp_path / "site" / "mkdocs.yml"
    child.parent.mkdir()
    child.write_text("INHERIT: ../base.yml\nsite_name: y\n", encoding="utf-8")
    monkeypatch.delenv("CCO_TEST_CONTENT", raising=False)
    paths = read_project(child)
    assert paths.playbook == (tmp_path / "site" / "content").resolve()
    assert paths.docs == (tmp_path / "site" / "pages").resolve()
    monkeypatch.setenv("CCO_TEST_CONTENT", "elsewhere")
    assert read_project(child).playbook.name == "elsewhere"


@pytest.mark.parametrize(
    ("plugins", "message"),
    [
        ("  - search\n", "does not use the 'cco-playbook' plugin; add it under 'plugins:'"),
        (
            "  - cco-playbook:\n      enabled: false\n",
            "does not use the 'cco-playbook' plugin",
        ),
        (
            "  - cco-playbook:\n      brnad: x.yml\n",
            "unknown option 'brnad' of the cco-playbook plugin (did you mean 'brand'?)",
        ),
        (
            "  - cco-playbook:\n      brand: 3\n",
            "option 'brand' of the cco-playbook plugin must be text, not int",
        ),
    ],
)
def test_the_light_reader_reports_usage_errors(tmp_path: Path, plugins: str, message: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nplugins:\n{plugins}", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_project(config)
    assert message in str(caught.value)


@pytest.mark.parametrize("missing", ["playwright", "pypdf"])
def test_pdf_without_its_extra_fails_at_once_in_one_line(mini_project: Path, missing: str) -> None:
    # A None entry in sys.modules is how Python spells "not installed" for one import.
    probe = (
        "import sys\n"
        f"sys.modules['{missing}'] = None\n"
        "from generator.cli import main\n"
        "sys.exit(main(['build', '--site-dir', 'site', '--pdf', 'playbook.pdf']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=mini_project, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "cco-playbook: error: --pdf needs Playwright and pypdf, which come with the 'pdf' extra:"
        " pip install 'cco-playbook[pdf]' (or run 'make pdf')"
    ]
    assert not (mini_project / "site").exists()


# --- the house rules: one-way imports, imports at the top, files one can read ---------

PACKAGE = Path(generator.playbook.__file__).resolve().parent
#: Imports that may wait inside a function: heavy, and needed by some commands only.
DEFERRED = {
    "generator.publish.pdf": {"playwright.sync_api", "pypdf"},
    "generator.publish.pdffile": {"pypdf"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """The modules ``path`` imports at its top, and those it imports inside functions."""
    top: set[str] = set()
    local: set[str] = set()

    def walk(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue  # for the type checker only
            (local if in_function else top).update(_named(child))
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            walk(child, inner)

    walk(ast.parse(path.read_text(encoding="utf-8")), in_function=False)
    return top, local


def _named(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        return {node.module}
    return set()


def test_imports_run_one_way_and_sit_at_the_top() -> None:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        top, local = _imports(path)
        graph[name] = {m for m in top if m in modules}
        assert local <= DEFERRED.get(name, set()), f"{name} imports {local} inside a function"

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, "import circle: " + " -> ".join((*trail, name))
        for target in sorted(graph[name]):
            if target not in done:
                visit(target, (*trail, name))
        done.add(name)

    done: set[str] = set()
    for name in sorted(graph):
        visit(name, ())


def test_no_source_file_is_over_about_400_lines() -> None:
    sources = [*PACKAGE.rglob("*.py"), *PACKAGE.glob("static/*.js")]
    long = {p.name: n for p in sources if (n := len(p.read_text("utf-8").splitlines())) > 420}
    assert not long, long


def test_build_starts_without_the_contributor_tools_the_preview_server_or_playwright(
    mini_project: Path,
) -> None:
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        "code = main(['build', '--site-dir', 'site'])\n"
        "unneeded = sorted(m for m in sys.modules if m.startswith(('generator.contrib',"
        " 'playwright', 'pypdf', 'mkdocs.commands.serve', 'mkdocs.livereload', 'watchdog')))\n"
        "print('UNNEEDED', code, unneeded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=mini_project, capture_output=True, text=True, timeout=300
    )
    assert "UNNEEDED 0 []" in done.stderr, done.stderr
