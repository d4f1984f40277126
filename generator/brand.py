"""Apply a validated brand to the MkDocs configuration."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from generator.model import Playbook


def apply_brand(config: MkDocsConfig, playbook: Playbook, *, edit_links: bool) -> None:
    """Site name, language and edit buttons from ``brand.yml``."""
    brand = playbook.brand.model
    config.site_name = brand.name
    config.theme["language"] = brand.language
    features = list(config.theme.get("features") or [])
    if edit_links and brand.edit_links and "content.action.edit" not in features:
        features.append("content.action.edit")
    config.theme["features"] = features
