"""Colour derivation and WCAG AA contrast warnings for brand colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.brand import Brand
from generator.palette import (
    AA,
    BLACK,
    DARK_PAGE,
    WHITE,
    contrast,
    derive_palette,
    luminance,
    readable_on,
    shade,
    text_on,
)
from generator.site.brand import brand_css, footer_html, search_language
from tests.helpers import run_cli


def test_contrast_matches_the_wcag_reference_values() -> None:
    assert contrast(WHITE, BLACK) == pytest.approx(21.0)
    assert contrast("#777777", WHITE) == pytest.approx(4.48, abs=0.01)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast("#1f4e79", "#1f4e79") == 1.0
    assert luminance(WHITE) == pytest.approx(1.0) and luminance(BLACK) == 0.0


def test_shades_keep_the_hue_and_move_the_lightness() -> None:
    assert shade("#4051b5", 0.1) == "#6170c7"
    assert shade("#4051b5", -0.1) == "#33408f"
    assert shade("#ffffff", 0.2) == WHITE and shade("#000000", -0.2) == BLACK


def test_text_colour_is_the_more_readable_of_white_and_black() -> None:
    assert text_on("#1f4e79") == WHITE
    assert text_on("#ffcc00") == BLACK


def test_link_colour_for_the_dark_page_is_lightened_until_it_passes() -> None:
    lifted = readable_on("#1f4e79", DARK_PAGE)
    assert contrast(lifted, DARK_PAGE) >= AA
    assert luminance(lifted) > luminance("#1f4e79")
    assert readable_on("#ffffff", DARK_PAGE) == WHITE


def test_derived_palette_has_every_variable_material_needs() -> None:
    palette = derive_palette("#1f4e79", "#b5471b")
    assert palette.light == {
        "--md-primary-fg-color": "#1f4e79",
        "--md-primary-fg-color--light": "#2968a2",
        "--md-primary-fg-color--dark": "#153450",
        "--md-primary-bg-color": WHITE,
        "--md-primary-bg-color--light": "#ffffffb2",
        "--md-typeset-a-color": "#1f4e79",
        "--md-accent-fg-color": "#b5471b",
        "--md-accent-fg-color--transparent": "#b5471b1a",
        "--md-accent-bg-color": WHITE,
        "--md-accent-bg-color--light": "#ffffffb2",
    }
    assert set(palette.dark) == {
        "--md-typeset-a-color",
        "--md-accent-fg-color",
        "--md-accent-fg-color--transparent",
        "--md-accent-bg-color",
        "--md-accent-bg-color--light",
    }
    assert palette.problems == []


def test_light_brand_colours_are_reported_with_their_ratio() -> None:
    problems = derive_palette("#ffcc00", "#7fdbff").problems
    assert [(p.key, p.where) for p in problems] == [
        (("colors", "primary"), "links in the primary colour on the page"),
        (("colors", "accent"), "hovered links in the accent colour"),
    ]
    assert str(problems[0]) == (
        "links in the primary colour on the page: text #ffcc00 on #ffffff has a contrast of"
        " 1.51:1, below WCAG AA 4.5:1"
    )


def test_brand_css_sets_both_schemes_and_fonts() -> None:
    brand = Brand.model_validate(
        {
            "name": "X",
            "colors": {"primary": "#00695c", "accent": "#7b1fa2"},
            "fonts": {"text": "Georgia, serif"},
        }
    )
    css = brand_css(brand)
    assert "[data-md-color-primary=custom] {\n  --md-primary-fg-color: #00695c;" in css
    assert "[data-md-color-scheme=slate][data-md-color-primary=custom]" in css
    assert "--md-text-font: Georgia, serif;" in css
    assert "--md-code-font: ui-monospace," in css
    assert "url(" not in css


def test_footer_values_are_escaped_because_material_prints_them_raw() -> None:
    brand = Brand.model_validate(
        {
            "name": "X",
            "copyright": "<b>© X</b>",
            "footer": {
                "text": "a & b",
                "links": [{"label": "<i>", "url": "https://x.example/?a=1&b"}],
            },
        }
    )
    assert footer_html(brand) == (
        '<span class="cco-footer__text">a &amp; b</span> <span class="cco-footer__links">'
        '<a href="https://x.example/?a=1&amp;b">&lt;i&gt;</a></span>'
        ' <span class="cco-footer__copyright">&lt;b&gt;© X&lt;/b&gt;</span>'
    )


def test_search_language_follows_materials_mapping() -> None:
    assert search_language("de") == "de"
    assert search_language("pt-BR") == "pt"
    assert search_language("en") == "en"


def test_low_contrast_brand_warns_and_fails_a_strict_build(mini_project: Path) -> None:
    (mini_project / "playbook" / "brand.yml").write_text(
        'name: Mini Co\ncolors:\n  primary: "#ffcc00"\n  accent: "#7b1fa2"\n', encoding="utf-8"
    )
    warning = (
        "playbook/brand.yml:3:12: colors.primary: links in the primary colour on the page: text"
        " #ffcc00 on #ffffff has a contrast of 1.51:1, below WCAG AA 4.5:1 (choose a darker or"
        " lighter colour in brand.yml)"
    )
    relaxed = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert relaxed.returncode == 0, relaxed.stderr
    assert warning in relaxed.stderr
    strict = run_cli("build", "--strict", "--site-dir", "site-strict", cwd=mini_project)
    assert strict.returncode == 1
    assert warning in strict.stderr
    assert not (mini_project / "site-strict").exists()
