"""Offline publishing, side by side: our ZIP vs stock Material's offline build, and page weight.

Run from the repository: ``.venv/bin/python benchmarks/offline.py [-f mkdocs.yml]``.

1. Builds the default playbook with ``cco-playbook build --zip``.
2. Renders the same Markdown (``cco-playbook render --out``) and builds it with stock
   MkDocs + Material with the ``offline`` plugin added (Material's own polyfill URL,
   every file it writes), then zips that site the same way for a fair size.
3. Weighs the assessment page (HTML + the scripts and stylesheets it loads) against a
   plain content page.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, cwd: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr}")


def _zip_folder(folder: Path, out: Path) -> int:
    """Zip every file as our ZIP does (deflate level 9), for a like-for-like size."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return out.stat().st_size


def _stock_offline(config_file: Path, work: Path) -> tuple[int, int, int]:
    """Stock Material offline build of the rendered Markdown: (zip bytes, files, bytes)."""
    rendered = work / "rendered"
    _run(
        sys.executable,
        "-m",
        "generator.cli",
        "-f",
        str(config_file),
        "render",
        "--out",
        str(rendered),
        cwd=ROOT,
    )
    config_path = rendered / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    # Stock: Material's own offline plugin, no shipped polyfill (it adds unpkg's).
    config["plugins"] = ["search", "offline"]
    extra = config.get("extra", {})
    extra.pop("polyfills", None)
    config["extra"] = extra
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    _run(
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(config_path),
        "-d",
        str(work / "stock-site"),
        cwd=rendered,
    )
    files = [p for p in (work / "stock-site").rglob("*") if p.is_file()]
    size = _zip_folder(work / "stock-site", work / "stock.zip")
    return size, len(files), sum(p.stat().st_size for p in files)


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """Bytes of the page's HTML plus every local script and stylesheet it loads; file count."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    urls = re.findall(r'<script[^>]+src="([^"]+)"', html)
    urls += re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    total, count = html_path.stat().st_size, 1
    for url in urls:
        if re.match(r"^[a-z]+:|^//", url):
            continue
        path = (html_path.parent / url.split("?")[0]).resolve()
        total += path.stat().st_size
        count += 1
    # Material loads the search index into every page on file:// (search_index.js).
    index = site / "search" / "search_index.js"
    if index.is_file():
        total += index.stat().st_size
        count += 1
    return total, count


def _kb(size: int) -> str:
    return f"{size / 1000:,.1f} kB"


def main() -> None:
    """Build both, print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args()
    config_file = args.config_file.resolve()
    with tempfile.TemporaryDirectory(prefix="cco-offline-bench-") as tmp:
        work = Path(tmp)
        _run(
            sys.executable,
            "-m",
            "generator.cli",
            "-f",
            str(config_file),
            "build",
            "--strict",
            "--site-dir",
            str(work / "site"),
            "--zip",
            str(work / "ours.zip"),
            cwd=ROOT,
        )
        ours = (work / "ours.zip").stat().st_size
        with zipfile.ZipFile(work / "ours.zip") as archive:
            our_files = len(archive.namelist())
            our_bytes = sum(i.file_size for i in archive.infolist())
        stock, stock_files, stock_bytes = _stock_offline(config_file, work)
        assessment, a_files = page_weight(work / "site", "assessments/readiness.html")
        content, c_files = page_weight(work / "site", "roles/cco.html")

    print("Offline ZIP of the default playbook")
    print(f"  cco-playbook --zip       {_kb(ours):>10}  ({our_files} files, {_kb(our_bytes)})")
    print(
        f"  stock Material offline   {_kb(stock):>10}  ({stock_files} files,"
        f" {_kb(stock_bytes)}), zipped the same way"
    )
    print(f"  ratio ours / stock       {ours / stock:10.2f}")
    print("Page weight from disk (HTML + scripts + stylesheets + search index)")
    print(f"  assessment page          {_kb(assessment):>10}  ({a_files} files)")
    print(f"  plain content page       {_kb(content):>10}  ({c_files} files)")
    print(f"  ratio assessment / plain {assessment / content:10.2f}")


if __name__ == "__main__":
    main()
