"""Colour arithmetic for brands: Material's variants from two hex colours, and WCAG contrast.

Material for MkDocs needs more than a brand's two colours: a lighter and a darker
shade of the primary colour, a text colour on each, and link colours that stay
readable on the light and the dark page. They are derived here, and every pair
of text and background the site will show is measured against WCAG AA (4.5:1).
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field

from generator.errors import KeyPath

#: WCAG 2 level AA for body text.
AA = 4.5
WHITE = "#ffffff"
BLACK = "#000000"
#: Material's page backgrounds: white, and the slate scheme's hsl(232, 15%, 14%) as
#: Chromium paints it (#1e2129; the exact conversion gives #1e2029, and a link colour
#: derived against that one falls just short of AA on the real page).
LIGHT_PAGE = WHITE
DARK_PAGE = "#1e2129"
#: The slate scheme's lighter surface, hsl(232, 15%, 18%): code blocks, and the notices
#: and boxes that use the code background. Links sit on it too, so dark-scheme link
#: colours are made readable on it, and so on the darker page as well.
DARK_SURFACE = "#272a35"
_STEP = 0.02


def rgb(colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` as three channels from 0 to 1."""
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def to_hex(red: float, green: float, blue: float) -> str:
    """Three channels from 0 to 1 as ``#rrggbb``."""
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in (red, green, blue))


def luminance(colour: str) -> float:
    """WCAG relative luminance."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def shade(colour: str, delta: float) -> str:
    """The colour with its HSL lightness moved by ``delta`` (-1 to 1)."""
    hue, light, sat = colorsys.rgb_to_hls(*rgb(colour))
    return to_hex(*colorsys.hls_to_rgb(hue, min(max(light + delta, 0.0), 1.0), sat))


def text_on(background: str) -> str:
    """White or black, whichever reads better on ``background``."""
    return WHITE if contrast(WHITE, background) >= contrast(BLACK, background) else BLACK


def readable_on(colour: str, background: str) -> str:
    """``colour`` lightened (on a dark page) or darkened until it reaches AA on ``background``."""
    direction = _STEP if luminance(background) < 0.5 else -_STEP
    candidate = colour
    for _ in range(int(1 / _STEP) + 1):
        if contrast(candidate, background) >= AA:
            return candidate
        candidate = shade(candidate, direction)
    return text_on(background)


def _translucent(text: str, alpha: float) -> str:
    return f"{text}{round(alpha * 255):02x}"


@dataclass(frozen=True)
class ContrastProblem:
    """Text that fails WCAG AA on its background, and the brand key that decides it."""

    key: KeyPath
    text: str
    background: str
    where: str
    ratio: float

    def __str__(self) -> str:
        return (
            f"{self.where}: text {self.text} on {self.background} has a contrast of"
            f" {self.ratio:.2f}:1, below WCAG AA {AA}:1"
        )


@dataclass
class BrandPalette:
    """The CSS variables of the light and the dark scheme, and any contrast problems."""

    light: dict[str, str] = field(default_factory=dict)
    dark: dict[str, str] = field(default_factory=dict)
    problems: list[ContrastProblem] = field(default_factory=list)


def derive_palette(primary: str, accent: str) -> BrandPalette:
    """Material's colour variables for both schemes, checked against WCAG AA."""
    palette = BrandPalette()
    primary_text = text_on(primary)
    accent_text = text_on(accent)
    palette.light = {
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": shade(primary, 0.1),
        "--md-primary-fg-color--dark": shade(primary, -0.1),
        "--md-primary-bg-color": primary_text,
        "--md-primary-bg-color--light": _translucent(primary_text, 0.7),
        "--md-typeset-a-color": primary,
        "--md-accent-fg-color": accent,
        "--md-accent-fg-color--transparent": _translucent(accent, 0.1),
        "--md-accent-bg-color": accent_text,
        "--md-accent-bg-color--light": _translucent(accent_text, 0.7),
    }
    # The dark page keeps the brand's header but needs lighter link and hover colours.
    dark_accent = readable_on(accent, DARK_SURFACE)
    dark_accent_text = text_on(dark_accent)
    palette.dark = {
        "--md-typeset-a-color": readable_on(primary, DARK_SURFACE),
        "--md-accent-fg-color": dark_accent,
        "--md-accent-fg-color--transparent": _translucent(dark_accent, 0.1),
        "--md-accent-bg-color": dark_accent_text,
        "--md-accent-bg-color--light": _translucent(dark_accent_text, 0.7),
    }
    checks = [
        (("colors", "primary"), primary_text, primary, "header text on the primary colour"),
        (("colors", "primary"), primary, LIGHT_PAGE, "links in the primary colour on the page"),
        (("colors", "accent"), accent_text, accent, "button text on the accent colour"),
        (("colors", "accent"), accent, LIGHT_PAGE, "hovered links in the accent colour"),
        (
            ("colors", "primary"),
            palette.dark["--md-typeset-a-color"],
            DARK_SURFACE,
            "links on the dark page",
        ),
        (("colors", "accent"), dark_accent, DARK_SURFACE, "hovered links on the dark page"),
    ]
    for key, text, background, where in checks:
        ratio = contrast(text, background)
        if ratio < AA:
            palette.problems.append(ContrastProblem(key, text, background, where, ratio))
    return palette
