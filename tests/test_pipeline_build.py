"""Stage 4 end to end: real MkDocs builds, the command's contract, safe site swaps."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.conftest import run_cli, run_mkdocs

pytestmark = pytest.mark.slow


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def break_content(project: Path) -> None:
    role = project / "playbook" / "roles" / "ceo.yml"
    role.write_text(role.read_text().replace("related: [roles/cco]", "related: [roles/cxo]"))


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built by the plain ``mkdocs build --strict``."""
    import shutil

    project = tmp_path_factory.mktemp("e2e") / "mini"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini", project)
    result = run_mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_plain_mkdocs_build_has_every_page(mkdocs_site: Path) -> None:
    pages = sorted(p.relative_to(mkdocs_site).as_posix() for p in mkdocs_site.rglob("*.html"))
    for page in (
        "index.html",
        "roles/index.html",
        "roles/cco.html",
        "roles/ceo.html",
        "structures/line-dedicated.html",
        "starting-points/ceo-office.html",
        "assessments/readiness.html",
        "glossary.html",
    ):
        assert page in pages


def test_navigation_follows_playbook_yml(mkdocs_site: Path) -> None:
    html = (mkdocs_site / "index.html").read_text()
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    order = [
        nav.index(label)
        for label in (
            "Roles",
            "Team structures",
            "Starting points",
            "Self-assessments",
            "Reference",
        )
    ]
    assert order == sorted(order)
    assert 'href="roles/cco.html"' in nav


def test_edit_links_open_the_yaml_source(mkdocs_site: Path) -> None:
    role = (mkdocs_site / "roles" / "cco.html").read_text()
    assert 'href="https://example.org/repo/edit/main/playbook/roles/cco.yml"' in role
    index = (mkdocs_site / "roles" / "index.html").read_text()
    assert 'href="https://example.org/repo/edit/main/playbook/playbook.yml"' in index
    home = (mkdocs_site / "index.html").read_text()
    assert 'href="https://example.org/repo/edit/main/docs/index.md"' in home
    # No repo_url: nothing on the page calls the GitHub API.
    assert "md-source" not in home


def test_glossary_abbreviations_become_tooltips(mkdocs_site: Path) -> None:
    ceo = (mkdocs_site / "roles" / "ceo.html").read_text()
    assert '<abbr title="Chief Customer Officer">CCO</abbr>' in ceo


def test_check_exit_codes_and_streams(mini_project: Path) -> None:
    ok = run_cli("check", cwd=mini_project)
    assert (ok.returncode, ok.stdout) == (0, "")
    assert "content is valid" in ok.stderr
    break_content(mini_project)
    bad = run_cli("check", cwd=mini_project)
    assert bad.returncode == 1 and bad.stdout == ""
    assert re.search(
        r"^playbook/roles/ceo\.yml:\d+:\d+: related\[0\]: unknown page 'roles/cxo'"
        r" \(did you mean 'roles/c[ce]o'\?\)$",
        bad.stderr,
        re.M,
    ), bad.stderr
    assert "1 content error; nothing was built" in bad.stderr


def test_check_github_annotations(mini_project: Path) -> None:
    break_content(mini_project)
    result = run_cli("check", "--format", "github", cwd=mini_project)
    assert result.returncode == 1
    assert re.fullmatch(
        r"::error file=playbook/roles/ceo\.yml,line=\d+,col=\d+::related\[0\]:"
        r" unknown page 'roles/cxo' \(did you mean '[^']+'\?\)\n",
        result.stdout,
    )


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = run_cli("-f", "nope.yml", "check", cwd=tmp_path)
    assert missing.returncode == 2
    assert "no MkDocs configuration at 'nope.yml'" in missing.stderr
    unknown = run_cli("frobnicate", cwd=tmp_path)
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr
    version = run_cli("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("cco-playbook ")


def test_config_without_the_plugin_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "does not use the 'cco-playbook' plugin" in result.stderr


def test_build_reports_progress_and_swaps_in_the_site(mini_project: Path) -> None:
    result = run_cli("build", "--strict", "--site-dir", "out", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "cco-playbook: checking content" in result.stderr
    assert "cco-playbook: building" in result.stderr
    assert (mini_project / "out" / "roles" / "cco.html").is_file()
    leftovers = [p.name for p in mini_project.iterdir() if p.name.startswith(".out")]
    assert leftovers == []


def test_failed_build_leaves_the_previous_site_untouched(mini_project: Path) -> None:
    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    before = tree_digest(mini_project / "site")
    break_content(mini_project)
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1
    assert tree_digest(mini_project / "site") == before


def test_failed_mkdocs_build_in_strict_mode_leaves_the_site(mini_project: Path) -> None:
    assert run_cli("build", "--site-dir", "site", cwd=mini_project).returncode == 0
    before = tree_digest(mini_project / "site")
    (mini_project / "docs" / "index.md").write_text("# Home\n\n[broken](nowhere.md)\n")
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1
    assert "nowhere.md" in result.stderr
    assert tree_digest(mini_project / "site") == before


def test_failed_plain_mkdocs_build_leaves_the_site(mini_project: Path) -> None:
    assert run_mkdocs("build", cwd=mini_project).returncode == 0
    before = tree_digest(mini_project / "site")
    break_content(mini_project)
    result = run_mkdocs("build", cwd=mini_project)
    assert result.returncode == 1
    assert "unknown page 'roles/cxo'" in result.stderr
    assert tree_digest(mini_project / "site") == before


def test_generated_page_colliding_with_docs_is_an_error(mini_project: Path) -> None:
    (mini_project / "docs" / "roles").mkdir()
    (mini_project / "docs" / "roles" / "cco.md").write_text("# Mine\n")
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1
    assert "docs/roles/cco.md collides with the generated page roles/cco.md" in result.stderr


def _article(html: str) -> str:
    body = html[html.index("<article") : html.index("</article>")]
    body = re.sub(
        r'<a href="[^"]*" title="[^"]*" class="md-content__button[^>]*>.*?</a>',
        "",
        body,
        flags=re.S,
    )
    return re.sub(r"\s+", " ", body)


def test_render_out_builds_with_stock_mkdocs(mini_project: Path, mkdocs_site: Path) -> None:
    out = mini_project.parent / "rendered"
    result = run_cli("render", "--out", str(out), cwd=mini_project)
    assert result.returncode == 0, result.stderr
    config = (out / "mkdocs.yml").read_text()
    assert "cco-playbook" not in config
    built = run_mkdocs("build", "--strict", cwd=out)
    assert built.returncode == 0, built.stderr
    ours = {p.relative_to(mkdocs_site).as_posix() for p in mkdocs_site.rglob("*.html")}
    stock = {p.relative_to(out / "site").as_posix() for p in (out / "site").rglob("*.html")}
    assert ours == stock
    for page in sorted(ours - {"404.html"}):
        assert _article((out / "site" / page).read_text()) == _article(
            (mkdocs_site / page).read_text()
        ), page


def test_check_on_the_default_playbook_locates_a_misspelt_reference(
    default_project: Path,
) -> None:
    assert run_cli("check", cwd=default_project).returncode == 0
    role = default_project / "playbook" / "roles" / "cco.yml"
    lines = role.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip() == "- roles/ceo")
    lines[index] = lines[index].replace("roles/ceo", "roles/ce0")
    role.write_text("\n".join(lines) + "\n")
    result = run_cli("check", cwd=default_project)
    assert result.returncode == 1
    column = lines[index].index("roles/ce0") + 1
    assert re.search(
        rf"^playbook/roles/cco\.yml:{index + 1}:{column}: related\[\d+\]: unknown page"
        r" 'roles/ce0' \(did you mean 'roles/ceo'\?\)$",
        result.stderr,
        re.M,
    ), result.stderr


def test_serve_watches_the_content_and_the_brand(mini_project: Path) -> None:
    from mkdocs.livereload import LiveReloadServer

    from generator.site import load_mkdocs_config

    config = load_mkdocs_config(mini_project / "mkdocs.yml")
    config = config.plugins.on_config(config)
    server = LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(mini_project)
    )
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    watched = set(server._watched_paths)
    assert str((mini_project / "playbook").resolve()) in watched
    assert str((mini_project / "playbook").resolve()) in watched  # brand.yml and its files


def test_markdown_extensions_the_pages_need_are_added(mini_project: Path) -> None:
    config = mini_project / "mkdocs.yml"
    text = config.read_text()
    for name in ("  - abbr\n", "  - attr_list\n", "  - def_list\n", "  - md_in_html\n"):
        text = text.replace(name, "")
    config.write_text(text)
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    ceo = (mini_project / "site" / "roles" / "ceo.html").read_text()
    assert '<abbr title="Chief Customer Officer">CCO</abbr>' in ceo
    glossary = (mini_project / "site" / "glossary.html").read_text()
    assert "<dl>" in glossary


def test_directory_urls_are_refused_in_strict_mode(mini_project: Path) -> None:
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("use_directory_urls: false", "use_directory_urls: true")
    )
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1
    assert "use_directory_urls is true: pages get folder URLs" in result.stderr


def test_config_file_option_works_before_and_after_the_command(
    mini_project: Path, tmp_path: Path
) -> None:
    config = str(mini_project / "mkdocs.yml")
    before = run_cli("-f", config, "check", cwd=tmp_path)
    after = run_cli("check", "-f", config, cwd=tmp_path)
    assert (before.returncode, after.returncode) == (0, 0), before.stderr + after.stderr


def test_render_out_never_overwrites_what_it_did_not_write(mini_project: Path) -> None:
    (mini_project / "notes").mkdir()
    (mini_project / "notes" / "mine.txt").write_text("keep me")
    cases = {
        ".": "is the project folder itself",
        "mkdocs.yml": "is a file; name a folder",
        "notes": "is not empty and was not written by 'cco-playbook render'",
    }
    for out, message in cases.items():
        result = run_cli("render", "--out", out, cwd=mini_project)
        assert result.returncode == 2, out
        assert message in result.stderr, result.stderr
    assert (mini_project / "notes" / "mine.txt").read_text() == "keep me"
    # A folder written by an earlier render is replaced without complaint.
    assert run_cli("render", "--out", "rendered", cwd=mini_project).returncode == 0
    assert run_cli("render", "--out", "rendered", cwd=mini_project).returncode == 0


def test_render_out_reports_content_errors_without_writing(mini_project: Path) -> None:
    break_content(mini_project)
    result = run_cli("render", "--out", "rendered", cwd=mini_project)
    assert result.returncode == 1
    assert "unknown page 'roles/cxo'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (mini_project / "rendered").exists()


def test_misspelt_plugin_option_is_a_usage_error(mini_project: Path) -> None:
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("      playbook: playbook", "      playbok: playbook")
    )
    result = run_cli("check", cwd=mini_project)
    assert result.returncode == 2
    assert (
        "mkdocs.yml: unknown option 'playbok' of the cco-playbook plugin"
        " (did you mean 'playbook'?)" in result.stderr
    )
