"""``brand.yml``: whose name, colours, fonts and language the published playbook carries.

Files a brand names (logo, favicon, fonts) are paths relative to the brand file;
that they exist and are what their name says is checked by :func:`check_brand_files`,
which the cross-reference pass calls once every file has validated.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, field_validator

from generator.errors import ContentError, KeyPath, did_you_mean
from generator.htmlscan import is_outside, scan_markup
from generator.load import SourceFile
from generator.model.base import Model
from generator.theme import material_languages_dir

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# A family name or a stack goes into CSS: letters, digits, spaces, hyphens, commas
# and quotes only, so nothing in brand.yml can close a rule or load a URL.
_FAMILY = re.compile(r"^[A-Za-z0-9 _-]+$")
_STACK = re.compile(r"^[A-Za-z0-9 _,\"'-]+$")
IMAGE_TYPES = (".svg", ".png")
FAVICON_TYPES = (".svg", ".png", ".ico")
FONT_TYPES = (".woff2", ".woff", ".ttf", ".otf")
#: What ``fonts.text: system`` and ``fonts.code: system`` stand for.
SYSTEM_TEXT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
SYSTEM_CODE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'


def _hex_colour(value: Any) -> str:
    if value is None or value == "":
        raise ValueError(
            "the colour is empty (an unquoted '#' starts a YAML comment, so '#1a73e8' without"
            ' quotes reads as nothing: put the colour in quotes, e.g. "#1a73e8")'
        )
    if not isinstance(value, str) or not _HEX.match(value):
        shown = f"'{value}'" if isinstance(value, str) else repr(value)
        example = (
            f'"#{value}"' if isinstance(value, str) and _HEX.match(f"#{value}") else '"#1a73e8"'
        )
        raise ValueError(
            f"{shown} is not a hex colour (write '#' and six hex digits, in quotes: {example})"
        )
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return str(value).lower()


HexColour = Annotated[str, BeforeValidator(_hex_colour)]


def _web_url(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "mailto:")):
        shown = f"'{value}'" if isinstance(value, str) else repr(value)
        raise ValueError(
            f"{shown} is not an https: or mailto: address"
            " (write 'https://example.com/contact' or 'mailto:hello@example.com')"
        )
    return value


WebUrl = Annotated[str, BeforeValidator(_web_url)]


def _relative_file(value: str, kinds: tuple[str, ...], what: str) -> str:
    if _SCHEME.match(value) or value.startswith("//"):
        raise ValueError(
            f"the {what} must be a file shipped beside the brand file, not the address '{value}'"
            " (the site loads nothing from other hosts: save the file next to brand.yml and"
            " name its path)"
        )
    if value.startswith("/") or not value.strip():
        raise ValueError(
            f"'{value}' is not a relative path (write a path relative to the brand"
            " file, e.g. 'brand/logo.svg')"
        )
    if ".." in PurePosixPath(value.replace("\\", "/")).parts:
        raise ValueError(
            f"'{value}' leaves the brand's folder (keep the brand's files in the folder of"
            " its brand file, or below it, e.g. 'brand/logo.svg')"
        )
    if PurePosixPath(value).suffix.lower() not in kinds:
        raise ValueError(
            f"the {what} '{value}' is not {_kinds(kinds)} (use a file of type {_kinds(kinds)})"
        )
    return value


def _kinds(kinds: tuple[str, ...]) -> str:
    names = [k.lstrip(".").upper() for k in kinds]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


class Link(Model):
    label: str = Field(min_length=1)
    url: WebUrl


class Footer(Model):
    text: str | None = Field(default=None, description="Plain text shown in every page's footer.")
    links: list[Link] = Field(default_factory=list)


class Contact(Model):
    """The call to action shown with assessment results."""

    label: str = Field(min_length=1, description="e.g. 'Talk to us about your results'.")
    url: WebUrl


class Colors(Model):
    primary: HexColour = Field(default="#1f4e79", description="Header and links, e.g. '#1a73e8'.")
    accent: HexColour = Field(default="#b5471b", description="Hover and focus, e.g. '#e8710a'.")


class FontFile(Model):
    path: str
    weight: int = Field(default=400, ge=100, le=900)
    style: Literal["normal", "italic"] = "normal"

    @field_validator("path")
    @classmethod
    def _font_path(cls, value: str) -> str:
        return _relative_file(value, FONT_TYPES, "font file")


class FontFamily(Model):
    """A family whose files ship beside the brand (never a font service)."""

    family: str
    files: list[FontFile] = Field(min_length=1)
    fallback: str = Field(default="system", description="A system stack used while loading.")

    @field_validator("family")
    @classmethod
    def _family_name(cls, value: str) -> str:
        if not _FAMILY.match(value):
            raise ValueError(
                f"'{value}' is not a font family name (use letters, digits, spaces"
                " and hyphens, e.g. 'Source Sans 3')"
            )
        return value

    @field_validator("fallback")
    @classmethod
    def _fallback(cls, value: str) -> str:
        return _stack(value)


def _stack(value: Any) -> str:
    if not isinstance(value, str) or not _STACK.match(value):
        raise ValueError(
            f"{value!r} is not a font stack (write 'system', or family names separated by"
            " commas such as 'Georgia, serif'; fonts are never loaded from a font service)"
        )
    for family in value.split(","):
        name = family.strip()
        quoted = len(name) >= 2 and name[0] == name[-1] and name[0] in "'\""
        if not name or (quoted and any(q in name[1:-1] for q in "'\"")):
            raise ValueError(
                f"{value!r} has an empty or oddly quoted family name (separate names with"
                ' single commas and quote a name as a whole: \'Georgia, "Times New Roman",'
                " serif')"
            )
        if not quoted and any(q in name for q in "'\""):
            raise ValueError(
                f"{value!r} has an unbalanced quote in {name!r}, which makes browsers drop"
                " the whole font setting (quote a name at both ends, or not at all:"
                " 'Georgia, \"Times New Roman\", serif')"
            )
    return value


FontStack = Annotated[str, BeforeValidator(_stack)]


def _font_kind(value: Any) -> str:
    return "font-files" if isinstance(value, (dict, FontFamily)) else "font-stack"


# A mapping is a shipped family, anything else a stack: one branch reports errors,
# instead of both branches of a plain union.
FontChoice = Annotated[
    Annotated[FontFamily, Tag("font-files")] | Annotated[FontStack, Tag("font-stack")],
    Discriminator(_font_kind),
]


class Fonts(Model):
    text: FontChoice = "system"
    code: FontChoice = "system"


def _language(value: Any) -> str:
    if not isinstance(value, str) or value not in material_languages():
        close = did_you_mean(str(value), material_languages())
        hint = f"did you mean '{close}'?" if close else "use a code such as 'en', 'de', 'fr'"
        raise ValueError(f"'{value}' is not an interface language Material knows ({hint})")
    return value


def material_languages() -> list[str]:
    """The interface languages the installed Material theme translates."""
    folder = material_languages_dir()
    return sorted(p.stem for p in folder.glob("*.html") if p.stem != "custom")


class Brand(Model):
    name: str = Field(min_length=1, description="Header, site name and PDF cover.")
    tagline: str | None = Field(default=None, description="The site description.")
    logo: str | None = Field(default=None, description="SVG or PNG, relative to brand.yml.")
    favicon: str | None = Field(default=None, description="SVG, PNG or ICO, relative to brand.yml.")
    colors: Colors = Field(default_factory=Colors)
    fonts: Fonts = Field(default_factory=Fonts)
    language: Annotated[str, BeforeValidator(_language)] = Field(
        default="en", description="Interface, search and assessment language, e.g. 'en'."
    )
    languages: list[Annotated[str, BeforeValidator(_language)]] = Field(
        default_factory=list,
        description=(
            "Further languages to publish beside 'language', each in its own folder"
            " (de/) with a language selector on every page, e.g. ['de']."
        ),
    )
    footer: Footer = Field(default_factory=Footer)
    copyright: str | None = None
    contact: Contact | None = None
    generator_notice: bool = Field(default=False, description="Show 'Made with Material'.")
    edit_links: bool = Field(default=True, description="Show 'edit this page' buttons.")

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str | None) -> str | None:
        return None if value is None else _relative_file(value, IMAGE_TYPES, "logo")

    @field_validator("favicon")
    @classmethod
    def _favicon(cls, value: str | None) -> str | None:
        return None if value is None else _relative_file(value, FAVICON_TYPES, "favicon")

    def files(self) -> list[tuple[KeyPath, str]]:
        """Every file the brand names, with where it is named."""
        found: list[tuple[KeyPath, str]] = []
        if self.logo:
            found.append((("logo",), self.logo))
        if self.favicon:
            found.append((("favicon",), self.favicon))
        for role in ("text", "code"):
            font = getattr(self.fonts, role)
            if isinstance(font, FontFamily):
                found += [
                    (("fonts", role, "files", i, "path"), f.path) for i, f in enumerate(font.files)
                ]
        return found


_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".ico": (b"\x00\x00\x01\x00",),
    ".woff2": (b"wOF2",),
    ".woff": (b"wOFF",),
    ".ttf": (b"\x00\x01\x00\x00", b"true"),
    ".otf": (b"OTTO",),
}


def check_brand_files(brand: Brand, source: SourceFile) -> list[ContentError]:
    """Every file the brand names exists beside it and holds what its name says."""
    errors = []
    base = source.path.parent
    for path, rel in brand.files():
        file = base / rel
        suffix = file.suffix.lower()
        if file.exists() and not file.resolve().is_relative_to(base.resolve()):
            errors.append(
                source.error(
                    path,
                    f"'{rel}' leads out of the brand's folder (through a link)",
                    "copy the file into the brand's folder instead of linking to it",
                )
            )
            continue
        if not file.is_file():
            errors.append(
                source.error(
                    path,
                    f"the file '{rel}' does not exist",
                    f"paths are relative to the brand file's folder, {base.name or '.'}/",
                )
            )
            continue
        head = file.read_bytes()[:512]
        if suffix == ".svg":
            ok = b"<svg" in head or head.lstrip().startswith(b"<?xml")
        else:
            ok = head.startswith(_MAGIC[suffix])
        if not ok:
            errors.append(
                source.error(
                    path,
                    f"'{rel}' is not a valid {suffix.lstrip('.').upper()} file",
                    "export the file again, or fix its extension",
                )
            )
        elif suffix == ".svg":
            errors += _svg_problems(file, rel, path, source)
    return errors


def _svg_problems(file: Path, rel: str, path: KeyPath, source: SourceFile) -> list[ContentError]:
    """An SVG ships as it is: it may hold no script and load nothing from elsewhere."""
    text = file.read_bytes().decode("utf-8", errors="replace")
    loads, code = scan_markup(text, svg_file=True)
    problems = [f"{element} ({what})" for element, what in code]
    problems += [f"loads {url} ({how})" for url, how in loads if is_outside(url)]
    return [
        source.error(
            path,
            f"the SVG '{rel}' runs or loads something: {problem}",
            "export it again as a plain drawing (no scripts, no links to other files or hosts)",
        )
        for problem in problems
    ]
