"""Stage 4b: publish a built site: the site folder, and optionally a ZIP and a PDF.

Everything happens on the freshly built staging folder, before it replaces the
site: a site that would load from another host, or a PDF that cannot be printed,
fails the build and leaves the previous site untouched.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.model import Playbook
from generator.outputs import PDF, ZIP, explained_failure
from generator.publish.archive import write_zip
from generator.publish.offline import check_offline
from generator.publish.pdf import require_playwright, write_pdf
from generator.reproducible import build_epoch
from generator.site.build import Progress, build_site


def human_size(size: int) -> str:
    """``1234567`` -> ``1.2 MB`` (decimal units, as file managers show them)."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def build(
    config_file: Path,
    site_dir: Path | None,
    *,
    brand: Path | None = None,
    language: str | None = None,
    edition: Path | None = None,
    strict: bool = False,
    zip_file: Path | None = None,
    pdf_file: Path | None = None,
    progress: Progress,
) -> Path:
    """Check, build, guard; write the PDF and the ZIP when asked; then swap the site in."""
    given = {ZIP: zip_file, PDF: pdf_file}
    # Resolve now: the build may change folders, and the user meant their own cwd.
    zip_file = zip_file.resolve() if zip_file else None
    pdf_file = pdf_file.resolve() if pdf_file else None
    if pdf_file is not None:
        require_playwright()

    def publish(staging: Path, config: MkDocsConfig, playbook: Playbook) -> None:
        progress("checking that no page loads anything from another host")
        check_offline(staging)
        if pdf_file is not None:
            progress("printing the PDF with headless Chromium")
            with explained_failure(PDF, pdf_file):
                epoch = build_epoch(config_file.resolve().parent)
                size = write_pdf(staging, list(config.nav or []), playbook, pdf_file, epoch=epoch)
            progress(f"wrote {pdf_file} ({human_size(size)})")
        if zip_file is not None:
            with explained_failure(ZIP, zip_file):
                size = write_zip(staging, zip_file, playbook)
            progress(f"wrote {zip_file} ({human_size(size)})")

    target, _config, _playbook = build_site(
        config_file,
        site_dir,
        brand=brand,
        language=language,
        edition=edition,
        strict=strict,
        progress=progress,
        files=given,
        after_build=publish,
    )
    return target
