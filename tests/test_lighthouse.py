"""Lighthouse on the built default site (``make lighthouse``): accessibility and best
practices score 100 on the home page, a content page and both assessments.

Lighthouse (npm, pinned in tests/lighthouse/) drives the system Chromium through
CHROME_PATH against a loopback server, with the desktop preset. Performance is printed
beside the other scores, not asserted: speed is a measurement, not a test."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from generator.browser import find_browser
from tests.a11y_support import loopback_server
from tests.helpers import ROOT

pytestmark = [pytest.mark.lighthouse, pytest.mark.slow]

LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = ("index.html", "why-a-cco.html", "assessments/readiness.html", "assessments/fit.html")
CATEGORIES = ("accessibility", "best-practices", "performance", "seo")


def lighthouse(url: str, report: Path) -> dict[str, int]:
    browser = find_browser()
    assert browser, "no Chromium found; set CCO_PLAYBOOK_BROWSER"
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--preset=desktop",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
            "--output=json",
            f"--output-path={report}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROME_PATH": browser},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    failing = [
        f"{ref['id']} ({audits[ref['id']].get('displayValue', '')})"
        for category in data["categories"].values()
        if category["id"] != "performance"
        for ref in category["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] not in (None, 1)
    ]
    scores = {k: round(100 * v["score"]) for k, v in data["categories"].items()}
    print(f"{url.split('/', 3)[-1]:32} {scores} {failing or ''}")
    return scores


def test_lighthouse_accessibility_and_best_practices_are_100(
    built_default_site: Path, tmp_path: Path
) -> None:
    if not LIGHTHOUSE.is_file():
        pytest.fail("Lighthouse is not installed; run 'make lighthouse'")
    problems = []
    with loopback_server(built_default_site) as base:
        for number, page in enumerate(PAGES):
            scores = lighthouse(f"{base}/{page}", tmp_path / f"report-{number}.json")
            problems += [
                f"{page}: {category} {scores[category]}"
                for category in ("accessibility", "best-practices")
                if scores[category] < 100
            ]
    assert problems == []
