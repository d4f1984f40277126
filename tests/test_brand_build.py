"""End to end: the same content built under the default brand and the Acme example brand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.helpers import copy_default_project, run_cli

EDIT_URL = "https://example.org/cco-playbook/edit/main/"


def copy_project(target: Path) -> Path:
    """The repository's project (content, docs, brands) with edit links configured."""
    copy_default_project(target)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    if not re.search(r"^\s*edit_url:", config, re.M):
        config = config.replace(
            "      brand: playbook/brand.yml\n",
            f"      brand: playbook/brand.yml\n      edit_url: {EDIT_URL}\n",
        )
        assert "edit_url:" in config
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("brands") / "project")
    # Session-scoped: the browser tests in test_brand_browser.py use the same two sites.
    default = run_cli("build", "--strict", "--site-dir", "site", cwd=project)
    assert default.returncode == 0, default.stderr
    acme = run_cli(
        "build",
        "--strict",
        "--brand",
        "examples/acme/brand.yml",
        "--site-dir",
        "site-acme",
        cwd=project,
    )
    assert acme.returncode == 0, acme.stderr
    return project


def page(site: Path, rel: str = "index.html") -> str:
    return (site / rel).read_text(encoding="utf-8")


def css_variables(css: str, selector: str) -> dict[str, str]:
    body = css.split(selector + " {", 1)[1].split("}", 1)[0]
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", body))


@pytest.mark.parametrize(
    ("site_dir", "name", "primary", "logo", "favicon"),
    [
        (
            "site",
            "CCO Playbook",
            "#1f4e79",
            "playbook/brand/logo.svg",
            "playbook/brand/favicon.svg",
        ),
        (
            "site-acme",
            "Acme Beratung",
            "#00695c",
            "examples/acme/logo.svg",
            "examples/acme/favicon.png",
        ),
    ],
)
def test_brand_reaches_header_logo_favicon_and_colours(
    project: Path, site_dir: str, name: str, primary: str, logo: str, favicon: str
) -> None:
    site = project / site_dir
    html = page(site)
    assert f"<title>{name}</title>" in html or f"- {name}</title>" in html
    assert re.search(rf'<span class="md-ellipsis">\s*{re.escape(name)}\s*</span>', html)
    logo_site = f"assets/playbook/brand/logo{Path(logo).suffix}"
    favicon_site = f"assets/playbook/brand/favicon{Path(favicon).suffix}"
    assert f'<img src="{logo_site}" alt="logo">' in html
    assert f'<link rel="icon" href="{favicon_site}">' in html
    assert (site / logo_site).read_bytes() == (project / logo).read_bytes()
    assert (site / favicon_site).read_bytes() == (project / favicon).read_bytes()
    assert 'data-md-color-primary="custom"' in html and 'data-md-color-accent="custom"' in html
    assert 'data-md-color-scheme="slate"' in html  # the dark scheme and its toggle
    assert '<link rel="stylesheet" href="assets/playbook/brand/brand.css">' in html
    css = page(site, "assets/playbook/brand/brand.css")
    variables = css_variables(css, "[data-md-color-primary=custom]")
    assert variables["--md-primary-fg-color"] == primary
    assert variables["--md-primary-bg-color"] == "#ffffff"
    assert set(variables) >= {"--md-primary-fg-color--light", "--md-primary-fg-color--dark"}
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert "Made with" not in html and "squidfunk.github.io" not in html


def test_default_brand_footer_language_and_edit_links(project: Path) -> None:
    site = project / "site"
    html = page(site)
    assert '<html lang="en"' in html
    assert '<span class="cco-footer__text">An open playbook for customer leadership.</span>' in html
    assert '<a href="https://creativecommons.org/licenses/by/4.0/">' in html
    assert '<span class="cco-footer__copyright">© The cco-playbook authors</span>' in html
    assert json.loads(page(site, "search/search_index.json"))["config"]["lang"] == ["en"]
    role = page(site, "roles/cco.html")
    assert f'href="{EDIT_URL}playbook/roles/cco.yml"' in role
    assert "md-content__button" in role


def test_example_brand_is_german_without_edit_links(project: Path) -> None:
    site = project / "site-acme"
    html = page(site)
    assert '<html lang="de"' in html
    assert 'placeholder="Suche"' in html
    assert '<meta name="description" content="Braucht Ihr Unternehmen' in html
    assert '<a href="https://acme.example/impressum">Impressum</a>' in html
    assert '<span class="cco-footer__copyright">© Acme Beratung GmbH</span>' in html
    assert json.loads(page(site, "search/search_index.json"))["config"]["lang"] == ["de"]
    css = page(site, "assets/playbook/brand/brand.css")
    assert '--md-text-font: Georgia, "Times New Roman", serif;' in css
    for built in site.rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        assert "md-content__button" not in text, built
        assert EDIT_URL not in text, built


def test_same_content_under_both_brands(project: Path) -> None:
    pages = {p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*.html")}
    acme = {
        p.relative_to(project / "site-acme").as_posix()
        for p in (project / "site-acme").rglob("*.html")
    }
    assert pages == acme
    assert "assessments/readiness.html" in pages


def test_render_out_keeps_the_brand_for_a_plugin_free_build(project: Path) -> None:
    out = project / "rendered-acme"
    result = run_cli("render", "--brand", "examples/acme/brand.yml", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Acme Beratung"
    assert config["theme"]["language"] == "de"
    assert config["theme"]["logo"] == "assets/playbook/brand/logo.svg"
    assert [s["primary"] for s in config["theme"]["palette"]] == ["custom", "custom"]
    assert config["extra"]["generator"] is False
    assert "Impressum" in config["copyright"]
    assert "assets/playbook/brand/brand.css" in config["extra_css"]
    assert (out / "docs/assets/playbook/brand/favicon.png").is_file()
