"""Shared by the loader tests: every one of them runs under both YAML parsers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator import load_compose


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def each_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test with libyaml, then as on a machine where libyaml is missing."""
    if request.param == "libyaml" and not load_compose.LIBYAML:
        pytest.skip("PyYAML was built without libyaml here")
    if request.param == "python":
        monkeypatch.setattr(load_compose, "LIBYAML", False)
    yield request.param
