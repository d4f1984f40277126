"""``build --zip``: the built site as one reproducible ZIP that works from any folder."""

from __future__ import annotations

import json
import re
import time
import zipfile
from pathlib import Path

from generator.errors import ProjectError
from generator.model import Playbook
from generator.reproducible import build_epoch

README_NAME = "README.txt"
#: The earliest time a ZIP entry can carry (the format counts from 1980).
ZIP_EPOCH = 315532800
_LUNR = "assets/javascripts/lunr/"


def build_time(project_dir: Path) -> int:
    """Seconds since 1970 for every entry: $SOURCE_DATE_EPOCH, the last commit, or 1980."""
    epoch = build_epoch(project_dir)
    return ZIP_EPOCH if epoch is None else max(epoch, ZIP_EPOCH)


def search_languages(site_dir: Path) -> list[str]:
    """The languages the built search index uses (Material loads only their lunr files)."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
    langs = config.get("lang", ["en"])
    return [langs] if isinstance(langs, str) else list(langs)


def _lunr_needed(languages: list[str]) -> set[str]:
    """The lunr files Material's search worker imports for these languages."""
    needed: set[str] = set()
    for lang in languages:
        if lang == "ja":
            needed.add("tinyseg.js")
        if lang in ("hi", "th"):
            needed.add("wordcut.js")
        if lang != "en":
            needed.add(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return needed


def zip_members(site_dir: Path) -> list[str]:
    """The site's files that belong in the ZIP, sorted: no source maps, no unused languages."""
    lunr = _lunr_needed(search_languages(site_dir))
    members = []
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        # 404.html only works served from a host's root; nobody opens it from disk.
        if rel.endswith(".map") or rel in ("sitemap.xml.gz", "404.html"):
            continue
        if rel.startswith(_LUNR) and rel[len(_LUNR) :] not in lunr:
            continue
        members.append(rel)
    return sorted(members)


def readme_text(playbook: Playbook) -> str:
    """The short note a reader sees first, in the brand's language: extract, open
    index.html, nothing is sent."""
    from generator.ui_strings import fill, ui_strings

    info = playbook.info.model
    template = ui_strings(playbook.brand.model.language)["zip_readme"]
    return fill(template, title=info.title, brand=playbook.brand.model.name, version=info.version)


def _folder_name(zip_file: Path) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", zip_file.stem).strip("-.")
    return name or "playbook"


def write_zip(site_dir: Path, zip_file: Path, playbook: Playbook) -> int:
    """Write the site, under one folder named after the ZIP, with README.txt; return bytes."""
    members = zip_members(site_dir)
    if README_NAME in members:
        raise ProjectError(
            f"the site already has a {README_NAME} at its top; rename it so the ZIP's"
            " reader notice fits"
        )
    folder = _folder_name(zip_file)
    stamp = time.gmtime(build_time(playbook.root))[:6]
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_file.with_name(f".{zip_file.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            entries = [(README_NAME, readme_text(playbook).encode("utf-8"))]
            entries += [(rel, (site_dir / rel).read_bytes()) for rel in members]
            for rel, data in sorted(entries):
                info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so the permissions below are honoured
                info.external_attr = (0o100644 & 0xFFFF) << 16
                archive.writestr(info, data, compresslevel=9)
        partial.replace(zip_file)
    finally:
        partial.unlink(missing_ok=True)
    return zip_file.stat().st_size
