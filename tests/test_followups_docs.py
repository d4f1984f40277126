"""Hand-written pages in docs/ arrive by pull request like the YAML content: a script, an
inline handler, a script URL or a handler set by an attribute list is a located content
error from ``check`` and ``build``, judged by what the Markdown parser makes of the page;
harmless raw HTML and text that only looks like markup stay allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.playbook import check
from tests.helpers import run_cli

HANDLER = "which would run in every reader's browser (remove the attribute; the site's own scripts do the rest)"
SCRIPT = "which would run in every reader's browser (remove it; to show code as text, put it in backticks)"
URL = "which would run in every reader's browser (link to a page or an https: address instead)"


def write_page(project: Path, text: str) -> None:
    (project / "docs" / "notes.md").write_text(f"# Notes\n\nSome text.\n\n{text}\n", "utf-8")


def errors_of(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    return [str(e) for e in info.value.errors]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Hi <script>alert(1)</script>", f"5:4: '<script>' is a script, {SCRIPT}"),
        (
            '<img src=x onerror="alert(1)">',
            f"5:12: '<img onerror>' is an inline event handler, {HANDLER}",
        ),
        (
            "<img/src=x onerror=alert(1)>",
            f"5:12: '<img onerror>' is an inline event handler, {HANDLER}",
        ),
        (
            '<a href="x.md" onclick="go()">x</a>',
            f"5:16: '<a onclick>' is an inline event handler, {HANDLER}",
        ),
        (
            "A [link](javascript:alert(1)).",
            f"5:10: '<a href=\"javascript:alert(1)\">' is a script URL, {URL}",
        ),
        (
            "A [link](<JavaScript:alert(1)>).",
            f"5:11: '<a href=\"JavaScript:alert(1)\">' is a script URL, {URL}",
        ),
        (
            '[x](why-a-cco.md){: onclick="alert(1)" }',
            f"5:21: '<a onclick>' is an inline event handler, {HANDLER}",
        ),
        (
            # A heading anchor alone needs no parse; one beside a handler still does.
            '## A { #a }\n\n[x](why-a-cco.md){ #b onclick="alert(1)" }',
            f"7:23: '<a onclick>' is an inline event handler, {HANDLER}",
        ),
        (
            "<div markdown>\n*x* <svg onload=alert(1)></svg>\n</div>",
            f"6:10: '<svg onload>' is an inline event handler, {HANDLER}",
        ),
    ],
    ids=[
        "script",
        "img-onerror",
        "img-slash",
        "a-onclick",
        "js-link",
        "js-autolink",
        "attr-list",
        "anchor-and-handler",
        "md-in-html",
    ],
)
def test_code_in_a_docs_page_is_a_located_error(
    mini_project: Path, markdown: str, expected: str
) -> None:
    write_page(mini_project, markdown)
    assert errors_of(mini_project) == [f"docs/notes.md:{expected}"]


META = (
    'holds markup characters (< > "), and the theme prints front matter as HTML: it would'
    " run in every reader's browser (write plain text; the page's own heading may use"
    " Markdown)"
)


def test_front_matter_holds_no_markup(mini_project: Path) -> None:
    # Material prints front matter unescaped: the title in the nav and in <title>, the
    # description inside an attribute.
    page = mini_project / "docs" / "notes.md"
    page.write_text(
        '---\nsearch:\n  boost: 2\ntitle: "</title><script>alert(1)</script>"\n'
        "description: 'x\" onmouseover=\"alert(1)'\nauthor: AT&T\n---\n# Notes\n",
        "utf-8",
    )
    assert errors_of(mini_project) == [
        f"docs/notes.md:4:1: title: '</title><script>alert(1)</script>' {META}",
        f"docs/notes.md:5:1: description: 'x\" onmouseover=\"alert(1)' {META}",
    ]


def test_front_matter_aliases_are_read_once(mini_project: Path) -> None:
    lines = ["---", 'a0: &a0 ["<b>", "<b>"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 40)]
    page = mini_project / "docs" / "notes.md"
    page.write_text("\n".join([*lines, "---", "# Notes", ""]), "utf-8")
    errors = errors_of(mini_project)
    assert errors == [
        f"docs/notes.md:2:1: a0[0]: '<b>' {META}",
        f"docs/notes.md:2:1: a0[1]: '<b>' {META}",
    ]


def test_every_finding_is_reported_where_it_is_written(mini_project: Path) -> None:
    write_page(
        mini_project,
        "<img src=x onerror=a()> and <img src=y onerror=b()>\n\n`<script>` is text;"
        " <script>c()</script>",
    )
    assert errors_of(mini_project) == [
        f"docs/notes.md:5:12: '<img onerror>' is an inline event handler, {HANDLER}",
        f"docs/notes.md:5:40: '<img onerror>' is an inline event handler, {HANDLER}",
        f"docs/notes.md:7:21: '<script>' is a script, {SCRIPT}",
    ]


def test_harmless_markup_and_text_that_looks_like_markup_pass(mini_project: Path) -> None:
    write_page(
        mini_project,
        "<div markdown>\n*Teams* of <5 & AT&T, cost<target.\n</div>\n\n"
        'An <abbr title="Net Promoter Score">NPS</abbr> and `<script>alert(1)</script>`.\n\n'
        "[A page](why-a-cco.md){: .md-button } and [mail](mailto:a@example.org).\n\n"
        "    <img src=x onerror=alert(1)>\n\nA transcript: javascript is a language.",
    )
    check(mini_project / "mkdocs.yml")


def test_the_default_docs_pages_pass() -> None:
    root = Path(__file__).resolve().parent.parent
    check(root / "mkdocs.yml")


def test_build_refuses_the_page_and_keeps_the_previous_site(mini_project: Path) -> None:
    first = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert first.returncode == 0, first.stderr
    before = (mini_project / "site" / "index.html").read_bytes()
    write_page(mini_project, '<img src=x onerror="alert(1)">')
    result = run_cli("build", "--site-dir", "site", cwd=mini_project)
    assert result.returncode == 1
    assert f"docs/notes.md:5:12: '<img onerror>' is an inline event handler, {HANDLER}" in (
        result.stderr
    )
    assert (mini_project / "site" / "index.html").read_bytes() == before
    assert not (mini_project / "site" / "notes.html").exists()
