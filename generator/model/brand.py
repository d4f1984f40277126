"""``brand.yml``: whose name, colours and language the published playbook carries."""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Model, Text


class Link(Model):
    label: str
    url: str


class Footer(Model):
    text: Text | None = None
    links: list[Link] = Field(default_factory=list)


class Brand(Model):
    name: str = Field(description="Shown in the header, as the site name and on the PDF cover.")
    tagline: str | None = None
    language: str = Field(default="en", description="Interface and search language, e.g. 'en'.")
    footer: Footer = Field(default_factory=Footer)
    copyright: str | None = None
    generator_notice: bool = Field(default=False, description="Show 'Made with Material'.")
    edit_links: bool = Field(default=True, description="Show 'edit this page' buttons.")
