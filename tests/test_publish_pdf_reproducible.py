"""``build --pdf`` on two dates gives the same bytes, dated by the build's epoch.

Chromium stamps a PDF with the time it printed it; the build dates it from
``SOURCE_DATE_EPOCH`` (or the last commit) instead. Each build runs under Debian's
``faketime`` at a different date, so a clock that leaks in shows as a difference.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pdf_support import poppler

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EPOCH = 1700000000  # 2023-11-14 22:13:20 UTC


def _build_pdf(project: Path, name: str, date: str) -> bytes:
    result = subprocess.run(
        ["faketime", date, sys.executable, "-m", "generator.cli", "build", "--site-dir",
         "site", "--pdf", name],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)},
        timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return (project / name).read_bytes()


def test_pdfs_printed_on_two_dates_are_byte_identical(mini_project: Path, tmp_path: Path) -> None:
    assert shutil.which("faketime"), "install Debian's faketime ('make browser' does)"
    other = tmp_path / "other"
    shutil.copytree(mini_project, other)
    first = _build_pdf(mini_project, "a.pdf", "2021-03-04 10:00:00")
    second = _build_pdf(other, "a.pdf", "2025-06-07 08:09:10")
    assert first[:5] == b"%PDF-"
    assert first == second
    info = poppler("pdfinfo", "-isodates", str(mini_project / "a.pdf"))
    assert re.search(r"^CreationDate:\s+2023-11-14T22:13:20(Z|\+00)", info, re.M), info
    assert re.search(r"^ModDate:\s+2023-11-14T22:13:20(Z|\+00)", info, re.M), info
