"""What the engine adds to MkDocs, and how it grows.

Two measurements, each side by side in one run (shared machines drift; ratios are the
point):

1. The full ``cco-playbook build --strict`` against stock MkDocs + Material building the
   plugin-free project that ``cco-playbook render --out`` writes (the same pages), for the
   default playbook and one 10x its size. Both run as commands, alternated, and the
   median of the per-pair ratios is reported.
   The CPU-time ratio is printed beside it: on a shared machine it moves far less.
2. Generation alone (load + validate + render, in this process) at 1x, 10x and 100x, in
   milliseconds per entity: cold (the loader's cache off, every file parsed) and warm
   (unchanged files read from the cache, as in a second build or a ``serve`` rebuild).

    .venv/bin/python benchmarks/pipeline.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.load import cache  # noqa: E402
from generator.model import KINDS  # noqa: E402
from generator.playbook import check  # noqa: E402
from generator.render import render_site  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


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
    for kind in KINDS:
        for path in sorted((target / "playbook" / kind.name).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            entities += factor
            for copy in range(1, factor):
                renamed = re.sub(r"^id: (\S+)", rf"id: \1-copy{copy}", text, count=1, flags=re.M)
                # A matrix is named after its structure: the copy belongs to the copy.
                renamed = re.sub(
                    r"^structure: (\S+)", rf"structure: \1-copy{copy}", renamed, flags=re.M
                )
                path.with_name(f"{path.stem}-copy{copy}.yml").write_text(renamed, encoding="utf-8")
    return target / "mkdocs.yml", entities


def run(*command: str, cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one command, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def build_against_stock(config: Path, repeat: int) -> tuple[float, float, float, float]:
    """Median wall times of our build and the stock build, and the medians of the
    per-pair ratios of wall time and of CPU time (the latter barely moves with the
    machine's other load)."""
    project = config.parent
    run(sys.executable, "-m", "generator.cli", "render", "--out", "rendered", cwd=project)
    ours_cmd = (sys.executable, "-m", "generator.cli", "build", "--strict", "--site-dir", "ours")
    stock_cmd = (sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "../stock")
    pairs = []
    for _ in range(repeat + 1):  # the first pair warms the caches and is dropped
        pairs.append((run(*ours_cmd, cwd=project), run(*stock_cmd, cwd=project / "rendered")))
    pairs = pairs[1:]
    wall = statistics.median(o[0] / s[0] for o, s in pairs)
    cpu = statistics.median(o[1] / s[1] for o, s in pairs)
    return (
        statistics.median(o[0] for o, _ in pairs),
        statistics.median(s[0] for _, s in pairs),
        wall,
        cpu,
    )


def generation_time(config: Path, repeat: int, *, warm: bool) -> tuple[float, float]:
    """The median wall and CPU times of load + validate + render in this process, with
    the loader's cache (filled by a first run) or without it."""
    previous = os.environ.get(cache.CACHE_ENV)
    os.environ[cache.CACHE_ENV] = str(config.parent / ".cache") if warm else "off"
    cache.cache_dir.cache_clear()
    try:
        if warm:
            render_site(check(config))
        wall, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            render_site(check(config))
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        return statistics.median(wall), statistics.median(cpu)
    finally:
        if previous is None:
            os.environ.pop(cache.CACHE_ENV, None)
        else:
            os.environ[cache.CACHE_ENV] = previous
        cache.cache_dir.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()
    builds: list[tuple[int, int, float, float, float, float]] = []
    generation: list[tuple[int, int, float, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        # Our builds keep the loader's cache here; the dropped first pair fills it.
        ENV[cache.CACHE_ENV] = str(Path(tmp) / ".build-cache")
        for factor in (1, 10, 100):
            config, entities = make_project(Path(tmp) / f"x{factor}", factor)
            if factor <= 10:
                builds.append((factor, entities, *build_against_stock(config, args.repeat)))
            cold = generation_time(config, args.repeat, warm=False)
            warm = generation_time(config, args.repeat, warm=True)
            generation.append((factor, entities, *cold, *warm))
    print("Full build against stock MkDocs + Material on the render --out project")
    print(f"{'size':>6} {'entities':>9} {'ours':>8} {'stock':>8} {'ratio':>6} {'CPU ratio':>10}")
    for factor, entities, ours, stock, ratio, cpu in builds:
        print(f"{factor:>5}x {entities:>9} {ours:>7.2f}s {stock:>7.2f}s {ratio:>6.2f} {cpu:>10.2f}")
    print("\nGeneration (load + validate + render), per entity: cold (no cache) and warm")
    print(
        f"{'size':>6} {'entities':>9} {'cold':>9} {'ms/entity':>10} {'CPU ms':>7}"
        f" {'warm':>9} {'ms/entity':>10} {'CPU ms':>7}"
    )
    for factor, entities, cold, cold_cpu, warm, warm_cpu in generation:
        print(
            f"{factor:>5}x {entities:>9} {cold:>8.3f}s {1000 * cold / entities:>10.2f}"
            f" {1000 * cold_cpu / entities:>7.2f} {warm:>8.3f}s {1000 * warm / entities:>10.2f}"
            f" {1000 * warm_cpu / entities:>7.2f}"
        )


if __name__ == "__main__":
    main()
