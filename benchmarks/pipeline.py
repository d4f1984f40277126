"""What the engine adds to MkDocs, and how it grows.

Times, side by side in one run: load + validate + render alone against the full
build, for the default playbook and a generated playbook 10x its size; and the
generation step alone for 100x. Prints ratios and time per entity.

    .venv/bin/python benchmarks/pipeline.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.render import render_site  # noqa: E402
from generator.site.build import build_site, check  # noqa: E402

ENTITY_FOLDERS = ("roles", "structures", "starting-points", "assessments")


def make_project(target: Path, factor: int) -> tuple[Path, int]:
    """Copy the default project, multiplying every entity ``factor`` times."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "playbook", "docs"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        else:
            shutil.copy2(src, target / name)
    entities = 0
    for folder in ENTITY_FOLDERS:
        for path in sorted((target / "playbook" / folder).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            entities += factor
            for copy in range(1, factor):
                renamed = re.sub(r"^id: (\S+)", rf"id: \1-copy{copy}", text, count=1, flags=re.M)
                path.with_name(f"{path.stem}-copy{copy}.yml").write_text(renamed, encoding="utf-8")
    return target / "mkdocs.yml", entities


def timed(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs, in seconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor, full in ((1, True), (10, True), (100, False)):
            config, entities = make_project(Path(tmp) / f"x{factor}", factor)
            generate = timed(lambda c=config: render_site(check(c)), args.repeat)
            build = None
            if full:
                site = config.parent / "site"
                build = timed(
                    lambda c=config, s=site: build_site(c, s, progress=lambda _m: None),
                    args.repeat,
                )
            rows.append((factor, entities, generate, build))
    print(
        f"{'size':>6} {'entities':>9} {'generate':>10} {'full build':>11} {'share':>7}"
        f" {'ms/entity':>10}"
    )
    for factor, entities, generate, build in rows:
        share = f"{generate / build:6.1%}" if build else "    -"
        full = f"{build:10.2f}s" if build else "         -"
        print(
            f"{factor:>5}x {entities:>9} {generate:>9.3f}s {full} {share:>7}"
            f" {1000 * generate / entities:>9.2f}"
        )
    base = rows[0][2] / rows[0][1]
    print(
        f"\ngeneration time per entity at 10x: {rows[1][2] / rows[1][1] / base:.2f}x the 1x"
        f" figure; at 100x: {rows[2][2] / rows[2][1] / base:.2f}x (1.00 = linear growth)"
    )


if __name__ == "__main__":
    main()
