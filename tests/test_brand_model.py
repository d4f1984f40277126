"""brand.yml validation: every mistake located at file:line:col, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.model.brand import Brand, FontFamily
from generator.playbook import check
from generator.site.brand import brand_assets
from tests.helpers import ROOT, copy_default_project, run_cli

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'


def write_brand(project: Path, text: str) -> Path:
    path = project / "playbook" / "brand.yml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    return [str(e) for e in info.value.errors]


def test_unquoted_colour_is_a_yaml_comment_and_gets_the_quote_hint(mini_project: Path) -> None:
    write_brand(mini_project, "name: Mini Co\ncolors:\n  primary: #1a73e8\n")
    assert errors_of(mini_project) == [
        "playbook/brand.yml:3:11: colors.primary: the colour is empty (an unquoted '#' starts a"
        " YAML comment, so '#1a73e8' without quotes reads as nothing: put the colour in quotes,"
        ' e.g. "#1a73e8")'
    ]


def test_the_cli_prints_the_located_colour_error(mini_project: Path) -> None:
    write_brand(mini_project, 'name: Mini Co\ncolors:\n  primary: "#1a73e8"\n  accent: 1a73e8\n')
    result = run_cli("check", cwd=mini_project)
    assert result.returncode == 1
    assert (
        "playbook/brand.yml:4:11: colors.accent: '1a73e8' is not a hex colour (write '#' and six"
        ' hex digits, in quotes: "#1a73e8")'
    ) in result.stdout + result.stderr


def test_short_hex_colours_are_expanded() -> None:
    brand = Brand.model_validate({"name": "X", "colors": {"primary": "#ABC", "accent": "#00FF00"}})
    assert (brand.colors.primary, brand.colors.accent) == ("#aabbcc", "#00ff00")


def test_every_field_error_in_one_run(mini_project: Path) -> None:
    write_brand(
        mini_project,
        "name: Mini Co\n"
        "logo: https://cdn.example/logo.svg\n"
        "favicon: icon.gif\n"
        "language: deu\n"
        "fonts:\n"
        '  text: "x; } body { background: url(https://evil.example/x) "\n'
        "  code: {family: Mono, files: []}\n"
        "contact: {label: Call us, url: 'javascript:alert(1)'}\n"
        "footer:\n"
        "  links:\n"
        "    - {label: Home, url: 'http://example.org'}\n"
        "edit_link: false\n",
    )
    assert errors_of(mini_project) == [
        "playbook/brand.yml:2:7: logo: the logo must be a file shipped beside the brand file,"
        " not the address 'https://cdn.example/logo.svg' (the site loads nothing from other"
        " hosts: save the file next to brand.yml and name its path)",
        "playbook/brand.yml:3:10: favicon: the favicon 'icon.gif' is not SVG, PNG or ICO"
        " (use a file of type SVG, PNG or ICO)",
        "playbook/brand.yml:4:11: language: 'deu' is not an interface language Material knows"
        " (did you mean 'eu'?)",
        "playbook/brand.yml:6:9: fonts.text: 'x; } body { background:"
        " url(https://evil.example/x) ' is not a font stack (write 'system', or family names"
        " separated by commas such as 'Georgia, serif'; fonts are never loaded from a font"
        " service)",
        "playbook/brand.yml:7:31: fonts.code.files: the list should have at least 1 item after"
        " validation, not 0",
        "playbook/brand.yml:8:32: contact.url: 'javascript:alert(1)' is not an https: or mailto:"
        " address (write 'https://example.com/contact' or 'mailto:hello@example.com')",
        "playbook/brand.yml:11:26: footer.links[0].url: 'http://example.org' is not an https: or"
        " mailto: address (write 'https://example.com/contact' or 'mailto:hello@example.com')",
        "playbook/brand.yml:12:1: edit_link: unknown key 'edit_link' (did you mean 'edit_links'?)",
    ]


def test_brand_files_must_exist_and_be_what_they_say(mini_project: Path) -> None:
    (mini_project / "playbook" / "art").mkdir()
    (mini_project / "playbook" / "art" / "logo.png").write_bytes(SVG)
    write_brand(
        mini_project,
        "name: Mini Co\n"
        "logo: art/logo.png\n"
        "favicon: art/favicon.ico\n"
        "fonts:\n"
        "  text:\n"
        "    family: Brand Sans\n"
        "    files:\n"
        "      - path: fonts/BrandSans.woff2\n",
    )
    assert errors_of(mini_project) == [
        "playbook/brand.yml:2:7: logo: 'art/logo.png' is not a valid PNG file (export the file"
        " again, or fix its extension)",
        "playbook/brand.yml:3:10: favicon: the file 'art/favicon.ico' does not exist (paths are"
        " relative to the brand file's folder, playbook/)",
        "playbook/brand.yml:8:15: fonts.text.files[0].path: the file 'fonts/BrandSans.woff2' does"
        " not exist (paths are relative to the brand file's folder, playbook/)",
    ]


def test_a_valid_brand_with_shipped_font_files(mini_project: Path) -> None:
    art = mini_project / "playbook" / "art"
    (art / "fonts").mkdir(parents=True)
    (art / "logo.svg").write_bytes(SVG)
    (art / "favicon.png").write_bytes(PNG)
    (art / "fonts" / "BrandSans.woff2").write_bytes(b"wOF2" + b"\x00" * 16)
    write_brand(
        mini_project,
        "name: Mini Co\nlogo: art/logo.svg\nfavicon: art/favicon.png\n"
        "fonts:\n  text:\n    family: Brand Sans\n    files:\n"
        "      - {path: art/fonts/BrandSans.woff2, weight: 700}\n  code: Courier New, monospace\n",
    )
    playbook = check(mini_project / "mkdocs.yml")
    brand = playbook.brand.model
    assets = brand_assets(playbook)
    assert assets["assets/playbook/brand/fonts/BrandSans.woff2"].startswith(b"wOF2")
    assert assets["assets/playbook/brand/logo.svg"] == SVG
    assert assets["assets/playbook/brand/favicon.png"] == PNG
    css = assets["assets/playbook/brand/brand.css"].decode()
    assert (
        '@font-face { font-family: "Brand Sans"; src: url("fonts/BrandSans.woff2")'
        ' format("woff2"); font-weight: 700; font-style: normal; font-display: swap; }'
    ) in css
    assert '--md-text-font: "Brand Sans", system-ui,' in css
    assert "--md-code-font: Courier New, monospace;" in css
    assert isinstance(brand.fonts.text, FontFamily)
    assert brand.fonts.text.files[0].weight == 700
    assert brand.fonts.code == "Courier New, monospace"
    assert brand.generator_notice is False and brand.edit_links is True


def test_the_other_brand_file_leaves_playbook_brand_yml_alone(tmp_path: Path) -> None:
    project = copy_default_project(tmp_path / "p")
    result = run_cli("check", "--brand", "examples/acme/brand.yml", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_shipped_brands_are_valid() -> None:
    result = run_cli("check", "--brand", "examples/acme/brand.yml", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    acme = check(ROOT / "mkdocs.yml", ROOT / "examples/acme/brand.yml").brand.model
    default = check(ROOT / "mkdocs.yml").brand.model
    assert (acme.language, acme.edit_links) == ("de", False)
    assert default.contact is not None and default.contact.url.startswith(("https:", "mailto:"))
    assert acme.colors.primary != default.colors.primary
