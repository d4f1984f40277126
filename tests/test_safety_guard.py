"""The guard checks what can run, not only what loads, and stays cheap on ordinary pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.htmlscan import is_outside, runs_script, scan_markup
from generator.publish.offline import OutsideLoadsError, check_offline, needs_scan, scan_site
from tests.helpers import run_cli

# (markup, the element the guard names)
RUNNABLE = [
    ("<img src=x onerror=alert(1)>", "<img onerror>"),
    ("<img/src=x onerror=alert(1)>", "<img onerror>"),
    ('<img/src="x"/onerror=alert(1)>', "<img onerror>"),
    ('<a href="x"onclick="go()">x</a>', "<a onclick>"),
    ("<BODY ONLOAD=go()>", "<body onload>"),
    ("<svg><animate onbegin=go() /></svg>", "<animate onbegin>"),
    ('<a href="javascript:go()">x</a>', '<a href="javascript:go()">'),
    ('<a href=" JaVaScRiPt:go()">x</a>', '<a href=" JaVaScRiPt:go()">'),
    ('<a href="java&#x09;script:go()">x</a>', '<a href="java\tscript:go()">'),
    ('<a href="&#106;avascript:go()">x</a>', '<a href="javascript:go()">'),
    ('<a href="javascript&colon;go()">x</a>', '<a href="javascript:go()">'),
    ('<a href="&#0000106avascript:go()">x</a>', '<a href="javascript:go()">'),
    ('<iframe src="vbscript:go"></iframe>', '<iframe src="vbscript:go">'),
    ('<form action="javascript:go()"></form>', '<form action="javascript:go()">'),
    (
        '<meta http-equiv="refresh" content="0;url=javascript:go()">',
        '<meta content="0;url=javascript:go()">',
    ),
    ('<svg><a xlink:href="javascript:go()">x</a></svg>', '<a xlink:href="javascript:go()">'),
    ('<svg><set attributeName="href" to="javascript:go()"/></svg>', '<set to="javascript:go()">'),
    ('<iframe srcdoc="&lt;script&gt;go()&lt;/script&gt;"></iframe>', "<iframe srcdoc>"),
]

HARMLESS = [
    '<a href="javascript:void(0)" class="md-search__icon">share</a>',
    '<a href="https://example.com/">a link</a>',
    "<p>javascript: is only text here, and so is on=1</p>",
    '<a href="../roles/cco.html" title="javascript:go()">a title is not a URL</a>',
    "<p>Teams of &lt;5 &amp; AT&amp;T &#91;t&#93;</p>",
    "<script>var a = 1 && b; // script text is data</script>",
]


@pytest.mark.parametrize(("markup", "element"), RUNNABLE)
def test_the_guard_names_code_in_markup(markup: str, element: str) -> None:
    page = f"<html><body>{markup}</body></html>"
    assert needs_scan(page), "the quick search must never let code through unparsed"
    _loads, code = scan_markup(page)
    assert [found for found, _what in code] == [element]


@pytest.mark.parametrize("markup", HARMLESS)
def test_the_guard_leaves_harmless_markup_alone(markup: str) -> None:
    assert scan_markup(f"<html><body>{markup}</body></html>")[1] == []


@pytest.mark.parametrize(
    ("name", "value", "runs"),
    [
        ("href", "\x01javascript:go()", True),
        ("values", "red;javascript:go()", True),
        ("srcset", "a.png 1x, javascript:go() 2x", True),
        ("title", "javascript:go()", False),
        ("href", "javascript:void(0)", False),
        ("href", "roles/javascript.html", False),
    ],
)
def test_runs_script(name: str, value: str, runs: bool) -> None:
    assert runs_script(name, value) is runs


def test_svg_files_with_scripts_or_outside_references_fail(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>go()</script>'
        '<image href="https://evil.example/x.png"/></svg>'
    )
    (tmp_path / "page.html").write_text('<p><a href="x" onmouseover="go()">x</a></p>')
    with pytest.raises(OutsideLoadsError) as caught:
        check_offline(tmp_path)
    assert str(caught.value).splitlines() == [
        "the site would load 1 resource from other hosts, which breaks it offline and tells"
        " those hosts who reads it:",
        "  logo.svg: loads https://evil.example/x.png (<svg image href>)",
        "Ship the file inside docs/ (or the brand folder) and refer to it by a relative path;"
        " plain <a href> links to other sites are fine.",
        "the site would run code that is not one of its own scripts:",
        "  logo.svg: <script> (a script inside an SVG file)",
        "  page.html: <a onmouseover> (an inline event handler)",
        "Remove the handler, the script link or the script from the page's source (raw HTML"
        " in docs/, a template or an SVG file); readers' browsers run only the project's own"
        " scripts.",
    ]


@pytest.mark.slow
def test_ordinary_pages_take_the_cheap_path(built_default_site: Path) -> None:
    pages = sorted(built_default_site.rglob("*.html"))
    assert pages
    parsed = [
        p.relative_to(built_default_site).as_posix() for p in pages if needs_scan(p.read_text())
    ]
    assert parsed == []
    assert scan_site(built_default_site) == ([], [])


@pytest.mark.slow
def test_a_handler_in_a_theme_override_fails_the_build_naming_page_and_element(
    mini_project: Path,
) -> None:
    # A handler in a docs page is refused before the build (tests/test_followups_docs.py);
    # one in a theme override reaches the built HTML, where the guard finds it.
    overrides = mini_project / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ super() }}'
        '<p><a href="#" onclick="go()">x</a></p>{% endblock %}\n',
        encoding="utf-8",
    )
    config = mini_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"))
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1, result.stderr
    assert "index.html: <a onclick> (an inline event handler)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (mini_project / "site").exists()


_TAGS = st.sampled_from(["a", "img", "iframe", "svg", "link", "form", "meta", "div", "base"])
_NAMES = st.sampled_from(
    [
        "href",
        "src",
        "srcset",
        "action",
        "content",
        "style",
        "srcdoc",
        "title",
        "onclick",
        "ONLOAD",
        "xlink:href",
        "rel",
        "data",
        "poster",
        "to",
        "values",
    ]
)
_VALUES = st.sampled_from(
    [
        "javascript:go()",
        " JAVA\tSCRIPT:go()",
        "&#106;avascript:go()",
        "&#x6A;avascript:go()",
        "javascript&colon;go()",
        "java&Tab;script:go()",
        "https://evil.example/x",
        "&#104;ttps://evil.example/x",
        "//evil.example/x",
        "\\\\evil.example\\x",
        "background: url(https://evil.example/x)",
        "stylesheet",
        "0;url=javascript:go()",
        "../local.png",
        "#top",
        "plain words",
        "red;javascript:go()",
        "&lt;b&gt;",
    ]
)
_QUOTES = st.sampled_from(['"', "'", ""])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(_TAGS, st.lists(st.tuples(_NAMES, _VALUES, _QUOTES), max_size=3)), max_size=4
    )
)
def test_the_quick_search_never_misses_what_the_parser_finds(
    elements: list[tuple[str, list[tuple[str, str, str]]]],
) -> None:
    markup = "".join(
        f"<{tag}"
        + "".join(
            f" {name}={q}{value.replace(q, '') if q else value.replace(' ', '')}{q}"
            for name, value, q in attrs
        )
        + ">x"
        for tag, attrs in elements
    )
    page = f"<html><body><p>text</p>{markup}</body></html>"
    loads, code = scan_markup(page)
    if code or [u for u, _ in loads if is_outside(u)]:
        assert needs_scan(page), page
