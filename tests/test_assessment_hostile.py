"""Hostile input on the assessment page: URL fragments, saved answers, imported files.

They are data, never markup: nothing from them runs or reaches innerHTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.assessment_support import (
    NOTICE,
    RESULT,
    build_sites,
    checked,
    clean,
    url,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_sites(tmp_path_factory)


HOSTILE_FRAGMENTS = [
    "#<img src=x onerror=window.__pwned=1>",
    "#%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
    "#assessment=readiness&version=4&answers=goals:<img src=x onerror=window.__pwned=1>",
    "#assessment=<img src=x onerror=window.__pwned=1>&version=4&answers=goals:yes",
    "#assessment=readiness&version=4&answers=%E0%A4%A",
    "#assessment=readiness&version=4&answers=%",
    "#assessment=readiness&version=99999999999999999999&answers=goals:yes",
    "#assessment=readiness&version=4&answers=goals:" + "y" * 100_000,
    "#assessment=readiness&version=4&answers=" + ",".join(["goals:yes"] * 5000),
    "#assessment=__proto__&version=4&answers=__proto__:x",
    "#assessment=readiness&version=4&answers=__proto__:polluted,constructor:x,toString:y",
    "#assessment=readiness&version=4&answers=__proto__:polluted,goals:yes",
    "#\u0000\ud7ff%ZZ&&==",
]


def assert_untouched(page: Any) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("({}).polluted === undefined && Object.prototype.x === undefined")
    assert page.evaluate("typeof ({}).toString") == "function"


@pytest.mark.parametrize("fragment", HOSTILE_FRAGMENTS)
def test_hostile_fragments_are_data_never_markup(
    offline_context: Any, sites: dict[str, Path], fragment: str
) -> None:
    context, watch = offline_context
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url(sites, fragment=fragment))
    page.wait_for_load_state("load")
    assert_untouched(page)
    assert dialogs == []
    notice = page.locator(NOTICE).inner_text()
    if fragment.endswith("__proto__:polluted,goals:yes"):
        assert checked(page) == {"goals": "yes"}
        assert page.locator(RESULT).is_visible()
        assert "1 answer(s) did not match" in notice
    else:
        assert notice.strip() != ""
        assert page.locator(RESULT).count() == 0 or checked(page) == {}
    clean(watch)


def test_hostile_saved_answers_and_files_are_ignored_with_a_notice(
    offline_context: Any, sites: dict[str, Path], tmp_path: Path
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto(url(sites))
    key = "cco-playbook:assessment-test:Test%20%26%20Co:readiness:v4"
    page.evaluate(
        """key => localStorage.setItem(key, JSON.stringify({shown: true, answers:
        JSON.parse('{"__proto__": {"polluted": 1}, "goals": "<img src=x onerror=window.__pwned=1>",'
                   + ' "roadmap": "yes"}')}))""",
        key,
    )
    page.reload()
    assert_untouched(page)
    assert checked(page) == {"roadmap": "yes"}
    assert "2 answer(s) did not match" in page.locator(NOTICE).inner_text()
    page.evaluate("key => localStorage.setItem(key, '{not json')", key)
    page.reload()
    assert "could not be read" in page.locator(NOTICE).inner_text()
    assert checked(page) == {}

    hostile = tmp_path / "hostile.json"
    hostile.write_text(
        '{"__proto__": {"polluted": 1}, "answers": {"__proto__": {"x": 1},'
        ' "goals": "yes", "roadmap": {"toString": 1}}}'
    )
    page.set_input_files("[data-assessment-import]", str(hostile))
    page.locator(RESULT).wait_for(state="visible")
    assert checked(page) == {"goals": "yes"}
    assert_untouched(page)
    for bad, message in (
        ("[1, 2]", "not a results file"),
        ("<html>", "not a results file"),
        ('{"assessment": "readiness", "version": 1, "answers": {}}', "version 1"),
    ):
        path = tmp_path / "bad.json"
        path.write_text(bad)
        page.set_input_files("[data-assessment-import]", str(path))
        page.wait_for_function(
            "m => document.querySelector('[data-assessment-notice]').textContent.includes(m)",
            arg=message,
        )
    assert checked(page) == {"goals": "yes"}  # nothing was changed by the bad files
    assert_untouched(page)
    clean(watch)
