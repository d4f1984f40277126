"""The build-time guard: outside resource loads fail the build, outside links do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.htmlscan import css_urls, is_outside, page_loads
from generator.publish.offline import find_outside_loads
from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("url", "outside"),
    [
        ("https://cdn.example.com/x.js", True),
        ("http://example.com/a.png", True),
        ("//fonts.googleapis.com/css", True),
        ("  HTTPS://EXAMPLE.COM/", True),
        ("ht\ttps://example.com/", True),
        ("../assets/x.css", False),
        ("assets/x.png", False),
        ("data:image/png;base64,AAAA", False),
        ("#top", False),
    ],
)
def test_is_outside(url: str, outside: bool) -> None:
    assert is_outside(url) is outside


def test_page_loads_finds_resources_but_not_links_or_script_strings() -> None:
    html = """
    <link rel="stylesheet" href="https://cdn.example.com/a.css">
    <link rel="preload" href="//cdn.example.com/font.woff2">
    <link rel="canonical" href="https://example.com/page.html">
    <img src="https://img.example.com/x.png" srcset="local.png 1x, https://img.example.com/2x.png 2x">
    <a href="https://example.com/read-more">read more</a>
    <script>var api = "https://api.github.com/repos";</script>
    <p style="background: url('https://bg.example.com/b.png')">x</p>
    <style>@import "https://cdn.example.com/i.css"; b { background: url(/local.png) }</style>
    <svg><image href="https://svg.example.com/i.png"/><a href="https://example.com">x</a></svg>
    """
    outside = sorted(url for url, _ in page_loads(html) if is_outside(url))
    assert outside == [
        "//cdn.example.com/font.woff2",
        "https://bg.example.com/b.png",
        "https://cdn.example.com/a.css",
        "https://cdn.example.com/i.css",
        "https://img.example.com/2x.png",
        "https://img.example.com/x.png",
        "https://svg.example.com/i.png",
    ]


def test_css_urls_reads_url_and_import_but_not_comments() -> None:
    css = """/* url(https://comment.example.com/x.png) */
    @import url("https://a.example.com/a.css");
    @import 'https://b.example.com/b.css';
    .x { background: url( data:image/svg+xml;utf8,<svg/> ) }
    """
    assert sorted(u for u, _ in css_urls(css) if is_outside(u)) == [
        "https://a.example.com/a.css",
        "https://b.example.com/b.css",
    ]


def test_guard_names_page_and_url(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text('<img src="https://x.example.com/i.png">')
    (tmp_path / "style.css").write_text("a { background: url(//y.example.com/b.png) }")
    (tmp_path / "fine.html").write_text('<a href="https://example.com">ok</a>')
    found = [str(load) for load in find_outside_loads(tmp_path)]
    assert found == [
        "style.css: loads //y.example.com/b.png (CSS url())",
        "sub/page.html: loads https://x.example.com/i.png (<img src>)",
    ]


@pytest.mark.slow
def test_build_fails_on_an_outside_image_and_keeps_the_old_site(mini_project: Path) -> None:
    first = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert first.returncode == 0, first.stderr
    before = (mini_project / "site" / "index.html").read_text(encoding="utf-8")
    page = mini_project / "docs" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n\n![Tracker](https://tracker.example.com/pixel.png)\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1
    assert "index.html: loads https://tracker.example.com/pixel.png (<img src>)" in result.stderr
    assert "Traceback" not in result.stderr
    assert (mini_project / "site" / "index.html").read_text(encoding="utf-8") == before


@pytest.mark.slow
def test_build_fails_on_an_outside_stylesheet(mini_project: Path) -> None:
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "extra_css:\n  - https://cdn.example.com/theme.css\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1
    assert "loads https://cdn.example.com/theme.css (<link rel=stylesheet>)" in result.stderr
    assert not (mini_project / "site").exists()


@pytest.mark.slow
def test_build_passes_with_an_outside_link(mini_project: Path) -> None:
    page = mini_project / "docs" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n\nRead [the research](https://example.com/research) and"
        ' <a href="https://example.org/more">more</a>.\n',
        encoding="utf-8",
    )
    result = run_cli("build", "--strict", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 0, result.stderr
    html = (mini_project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.com/research"' in html


@pytest.mark.parametrize("config", ["mkdocs.yml", "tests/fixtures/mini/mkdocs.yml"])
def test_site_configs_are_set_up_for_file_urls(config: str) -> None:
    """Settings that would each break the site on file:// or load from another host."""
    import yaml

    root = Path(__file__).resolve().parent.parent
    settings = yaml.safe_load((root / config).read_text(encoding="utf-8"))
    assert settings["use_directory_urls"] is False
    assert settings["theme"]["font"] is False
    assert "repo_url" not in settings
    assert "navigation.instant" not in settings["theme"].get("features", [])
    assert "offline" in settings["plugins"]
    shim = [p for p in settings["extra"]["polyfills"] if "iframe-worker" in p]
    assert shim and not is_outside(shim[0])
    assert (root / "generator/static" / shim[0].removeprefix("assets/playbook/")).is_file()
