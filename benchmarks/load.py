"""What libyaml saves: loading the playbook with libyaml's parser against the pure-Python one.

Times, alternated in one run (these machines are noisy; the ratios are the point):
every YAML file of the default playbook loaded, then the same for a copy 10x its size;
and ``check`` (load + validate + cross-references) as a whole, both ways.

    .venv/bin/python benchmarks/load.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
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

from generator.load import cache as load_cache  # noqa: E402
from generator.load import load_yaml  # noqa: E402
from generator.load import parse as load_compose  # noqa: E402
from generator.playbook import check  # noqa: E402

# Parsing is what is measured: the loader's cache between runs would hide it.
os.environ[load_cache.CACHE_ENV] = "off"

ENTITY_FOLDERS = ("roles", "structures", "starting-points", "assessments")
PARSERS = ("libyaml", "python")


def make_project(target: Path, factor: int) -> Path:
    """Copy the default project, every entity file ``factor`` times under new ids."""
    shutil.copytree(ROOT / "playbook", target / "playbook")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ENTITY_FOLDERS:
        for path in sorted((target / "playbook" / folder).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            for copy in range(1, factor):
                renamed = re.sub(r"^id: (\S+)", rf"id: \1-copy{copy}", text, count=1, flags=re.M)
                path.with_name(f"{path.stem}-copy{copy}.yml").write_text(renamed, encoding="utf-8")
    return target


def load_all(files: list[Path], parser: str) -> None:
    for path in files:
        source, errors = load_yaml(path, path.name, parser=parser)  # type: ignore[arg-type]
        assert source is not None, errors


def check_with(config: Path, parser: str) -> None:
    # check() takes no parser: run it as it runs on a machine without libyaml.
    load_compose.LIBYAML = parser == "libyaml"
    try:
        check(config)
    finally:
        load_compose.LIBYAML = True


def alternated(actions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The median wall time of each action, the actions taking turns."""
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()
    if not load_compose.LIBYAML:
        sys.exit("PyYAML was built without libyaml here: nothing to compare")
    print(f"{'size':>5} {'files':>6} {'what':>6} {'libyaml':>10} {'python':>10} {'speed-up':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 10):
            project = make_project(Path(tmp) / f"x{factor}", factor)
            files = sorted((project / "playbook").rglob("*.yml"))
            config = project / "mkdocs.yml"
            rows = {
                "load": {p: lambda p=p, f=files: load_all(f, p) for p in PARSERS},
                "check": {p: lambda p=p, c=config: check_with(c, p) for p in PARSERS},
            }
            for what, actions in rows.items():
                times = alternated(actions, args.repeat)
                fast, slow = times["libyaml"], times["python"]
                print(
                    f"{factor:>4}x {len(files):>6} {what:>6} {1000 * fast:>8.1f}ms"
                    f" {1000 * slow:>8.1f}ms {slow / fast:>8.1f}x"
                )


if __name__ == "__main__":
    main()
