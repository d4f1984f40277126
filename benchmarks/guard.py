"""The build-time guard, side by side: parsing every page against the quick search.

Builds the default playbook at 1x and 10x its content (as benchmarks/pipeline.py does),
then times, alternated in one run, the guard as it was (every page through the HTML
parser) and the guard as it is (a quick search, the parser only for suspicious pages).
Both read every HTML, SVG and CSS file from disk. Prints medians and their ratio.

    .venv/bin/python benchmarks/guard.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline import make_project  # noqa: E402

from generator.htmlscan import css_urls, is_outside, scan_markup  # noqa: E402
from generator.publish.offline import scan_site  # noqa: E402
from generator.site import build_site  # noqa: E402


def parse_every_page(site: Path) -> int:
    """The guard before the quick search: every page through html.parser."""
    found = 0
    for path in sorted(site.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".htm", ".css", ".svg") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = css_urls(text) if suffix == ".css" else scan_markup(text)[0]
        found += sum(1 for url, _ in urls if is_outside(url))
    return found


def quick_search(site: Path) -> int:
    loads, code = scan_site(site)
    return len(loads) + len(code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="alternated runs per size")
    args = parser.parse_args()
    print(f"{'size':>5} {'pages':>6} {'parse all':>10} {'quick':>9} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 10):
            config, _entities = make_project(Path(tmp) / f"x{factor}", factor)
            site, _config, _playbook = build_site(
                config, config.parent / "site", progress=lambda _m: None
            )
            pages = sum(1 for _ in site.rglob("*.html"))
            old: list[float] = []
            new: list[float] = []
            for _ in range(args.repeat):
                for action, samples in ((parse_every_page, old), (quick_search, new)):
                    start = time.perf_counter()
                    action(site)
                    samples.append(time.perf_counter() - start)
            before, after = statistics.median(old), statistics.median(new)
            print(f"{factor:>4}x {pages:>6} {before:>9.3f}s {after:>8.3f}s {before / after:>6.1f}x")


if __name__ == "__main__":
    main()
