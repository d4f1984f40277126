"""The workshop view with many results, from file:// in Chromium, beside the Python reference.

Run from the repository: ``.venv/bin/python benchmarks/workshop.py [--rounds 5]``.

Builds the default playbook, writes N exported results of "Do you need a CCO?" (random
answers, three teams) and, for N = 50 and N = 500 alternated, measures in the page the
time from the files being handed to the input to the group view being drawn (reading,
checking, scoring and drawing), the in-page aggregation alone, and `aggregate` in Python
on the same answers. Medians; the goal is under one second for 50 files in the page.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.browser import launch_options  # noqa: E402
from generator.group import Respondent, aggregate  # noqa: E402
from generator.model import Assessment  # noqa: E402
from generator.playbook import check  # noqa: E402

SIZES = (50, 500)
# Records when the input hears of the files and when the summary shows them all.
TIMER = """n => { window.ccoBenchmark = new Promise(resolve => {
  const input = document.querySelector('[data-workshop-files]');
  let start = 0;
  input.addEventListener('change', () => { start = performance.now(); }, {capture: true, once: true});
  const done = () => {
    const count = document.querySelector('[data-workshop-summary] .cco-workshop__count');
    if (start && count && count.textContent.startsWith(n + ' ')) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  };
  const observer = new MutationObserver(done);
  observer.observe(document.body, {childList: true, subtree: true});
}); }"""
AGGREGATE = """people => {
  const start = performance.now();
  window.ccoPlaybook.group.aggregate('readiness', people, {minGroup: 5});
  return performance.now() - start;
}"""


def build(work: Path) -> Path:
    for name in ("mkdocs.yml", "playbook", "docs"):
        subprocess.run(["cp", "-r", str(ROOT / name), str(work / name)], check=True)
    subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--site-dir", "site"],
        cwd=work,
        check=True,
        capture_output=True,
    )
    return work / "site"


def results(assessment: Assessment, count: int, folder: Path) -> list[tuple[Path, dict[str, str]]]:
    rng = random.Random(count)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        answers = {q.id: rng.choice(assessment.choices_of(q)).id for q in assessment.questions}
        data = {
            "format": "cco-playbook-assessment",
            "playbook": "cco-playbook",
            "assessment": assessment.id,
            "version": assessment.version,
            "label": f"{('Sales', 'Service', 'Board')[i % 3]}: Person {i}",
            "exported": f"2025-03-01T09:{i // 60 % 60:02d}:{i % 60:02d}.{i // 3600:03d}Z",
            "answers": answers,
        }
        path = folder / f"result-{i:03d}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        made.append((path, answers))
    return made


def in_page(
    browser: Any, page_url: str, files: list[Path], people: list[dict[str, Any]]
) -> tuple[float, float]:
    page = browser.new_page()
    page.goto(page_url)
    page.click("[data-assessment-workshop]")
    page.evaluate(TIMER, len(files))
    page.set_input_files("[data-workshop-files]", [str(f) for f in files])
    drawn = float(page.evaluate("() => window.ccoBenchmark"))
    alone = float(page.evaluate(AGGREGATE, people))
    page.close()
    return drawn / 1000, alone / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = build(work)
        assessment = {a.model.id: a.model for a in check(work / "mkdocs.yml").assessments}[
            "readiness"
        ]
        page_url = (site / "assessments" / "readiness.html").as_uri()
        sets = {n: results(assessment, n, work / f"results-{n}") for n in SIZES}
        times: dict[int, dict[str, list[float]]] = {
            n: {"page": [], "js": [], "py": []} for n in SIZES
        }
        with sync_playwright() as p:
            browser = p.chromium.launch(**launch_options())
            for _ in range(args.rounds):
                for n in SIZES:
                    files = [path for path, _ in sets[n]]
                    people = [{"answers": a, "team": ""} for _, a in sets[n]]
                    drawn, alone = in_page(browser, page_url, files, people)
                    started = time.perf_counter()
                    aggregate(assessment, [Respondent(a) for _, a in sets[n]], 5)
                    times[n]["py"].append(time.perf_counter() - started)
                    times[n]["page"].append(drawn)
                    times[n]["js"].append(alone)
            browser.close()
    print(
        "| results | files to view drawn (page) | aggregation in the page | aggregation in Python | page / Python |"
    )
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n in SIZES:
        med = {k: statistics.median(v) for k, v in times[n].items()}
        print(
            f"| {n} | {med['page'] * 1000:.0f} ms | {med['js'] * 1000:.1f} ms"
            f" | {med['py'] * 1000:.1f} ms | {med['js'] / med['py']:.2f} |"
        )


if __name__ == "__main__":
    main()
