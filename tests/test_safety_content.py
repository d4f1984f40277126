"""Hostile content and brand files: each is a located error, or renders inert.

One table per kind of input: the value written into a copy of the mini playbook and
the exact message ``check`` prints for it. Legitimate text that looks like markup
(``<5``, ``AT&T``, a tag in backticks) must pass and read exactly as written.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import markdown
import pytest

from generator.constants import MARKDOWN_EXTENSIONS
from generator.errors import ContentErrors
from generator.htmlscan import scan_markup
from generator.model.markup import CHECKED_EXTENSIONS
from generator.playbook import check
from generator.render import render_site

RAW_HTML_HINT = (
    " (write Markdown instead: **bold**, _italic_, [label](roles/cco); to show a tag as"
    " text, put it in backticks)"
)
ATTR_LIST_HINT = " (the templates decide classes and attributes: remove it)"
SCHEME_HINT = " (link to a playbook page such as 'roles/cco', or an https: or mailto: URL)"

# (Markdown written into a Text field, what check says about it)
HOSTILE_TEXT = [
    (
        "<img/src=x onerror=go()>",
        "raw HTML '<img/src=x onerror=go()>' is not allowed in content text" + RAW_HTML_HINT,
    ),
    (
        "Hello <script>window.__pwned=1</script>",
        "raw HTML '<script>' is not allowed in content text" + RAW_HTML_HINT,
    ),
    (
        "<!-- hidden -->",
        "raw HTML '<!-- hidden -->' is not allowed in content text" + RAW_HTML_HINT,
    ),
    (
        '<div markdown="1">x</div>',
        "raw HTML '<div>' is not allowed in content text" + RAW_HTML_HINT,
    ),
    (
        '[a](roles/cco){: onclick="window.__pwned=1" }',
        "the attribute list '{: onclick=\"window.__pwned=1\" }' is not allowed in content text"
        + ATTR_LIST_HINT,
    ),
    (
        "- an item\n{: onmouseover=go() }",
        "the attribute list '{: onmouseover=go() }' is not allowed in content text"
        + ATTR_LIST_HINT,
    ),
    (
        "[t](javascript:window.__pwned=1)",
        "the link 'javascript:window.__pwned=1' uses 'javascript:', which is not allowed"
        + SCHEME_HINT,
    ),
    (
        "[t](JaVaScRiPt:go())",
        "the link 'JaVaScRiPt:go()' uses 'JaVaScRiPt:', which is not allowed" + SCHEME_HINT,
    ),
    (
        "[t](&#106;avascript:go())",
        "the link 'javascript:go()' uses 'javascript:', which is not allowed" + SCHEME_HINT,
    ),
    (
        "[t][r]\n\n[r]: javascript:go()",
        "the link 'javascript:go()' uses 'javascript:', which is not allowed" + SCHEME_HINT,
    ),
    (
        "[t](data:text/html;base64,AAAA)",
        "the link 'data:text/html;base64,AAAA' uses 'data:', which is not allowed" + SCHEME_HINT,
    ),
    (
        "[t](//evil.example/x)",
        "the link '//evil.example/x' names another host without 'https:' (write the whole"
        " address, e.g. 'https://example.org/page')",
    ),
    (
        "![pixel](https://evil.example/p.png)",
        "the image 'https://evil.example/p.png' is not a file of the site (the site loads"
        " nothing from other hosts: ship the picture in docs/ and link a page)",
    ),
    (
        "[t](../elsewhere.html)",
        "the link '../elsewhere.html' is not a playbook link (write 'roles/<id>',"
        " 'structures/<id>', 'starting-points/<id>', 'metrics/<id>', 'methods/<id>',"
        " 'decision-rights/<id>', 'assessments/<id>' or a page like 'why-a-cco.md')",
    ),
]

# Text that looks like markup but is legitimate: it passes and reads as written.
LEGITIMATE_TEXT = (
    "Teams of <5 staff, AT&T, cost<target, `<abbr>` in code, {braces}, a [page](roles/cco),"
    " [a site](https://example.org), <https://example.org> and [mail](mailto:a@example.org)."
)
LEGITIMATE_READS = (
    "Teams of <5 staff, AT&T, cost<target, <abbr> in code, {braces}, a page, a site,"
    " https://example.org and mail."
)


def errors_of(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    return [str(e) for e in info.value.errors]


def set_value(project: Path, rel: str, old: str, key: str, value: str) -> None:
    """Replace the line ``old`` with ``key: value`` (a JSON string is valid YAML)."""
    path = project / "playbook" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, f"{key}: {json.dumps(value)}", 1), encoding="utf-8")


@pytest.mark.parametrize(("value", "message"), HOSTILE_TEXT)
def test_hostile_markdown_is_a_located_error(mini_project: Path, value: str, message: str) -> None:
    set_value(
        mini_project,
        "roles/ceo.yml",
        "summary: Sets the customer vision with the CCO.",
        "summary",
        value,
    )
    assert errors_of(mini_project) == [f"playbook/roles/ceo.yml:3:10: summary: {message}"]


def test_legitimate_text_passes_and_reads_as_written(mini_project: Path) -> None:
    set_value(
        mini_project,
        "roles/ceo.yml",
        "summary: Sets the customer vision with the CCO.",
        "summary",
        LEGITIMATE_TEXT,
    )
    page = render_site(check(mini_project / "mkdocs.yml")).pages["roles/ceo.md"]
    body = markdown.markdown(page, extensions=list(CHECKED_EXTENSIONS))
    paragraph = next(p for p in body.split("\n") if "Teams of" in p)
    assert " ".join(html.unescape(_strip_tags(paragraph)).split()) == LEGITIMATE_READS


def _strip_tags(fragment: str) -> str:
    out, inside = [], False
    for char in fragment:
        if char == "<" and not inside:
            inside = True
        elif char == ">" and inside:
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "ceo\n",
            "'ceo\\n' is not a valid id: use lowercase letters, digits and hyphens"
            " (for example 'ceo')",
        ),
        ("CEO Role", "'CEO Role' is not a valid id: use lowercase letters, digits and hyphens"),
    ],
)
def test_ids_are_whole_strings(mini_project: Path, value: str, message: str) -> None:
    set_value(mini_project, "roles/ceo.yml", "id: ceo", "id", value)
    errors = errors_of(mini_project)
    assert errors[0].startswith(f"playbook/roles/ceo.yml:1:5: id: {message}"), errors


def test_an_abbreviation_cannot_break_out_of_its_definition(mini_project: Path) -> None:
    glossary = mini_project / "playbook" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if "abbreviation:" in line)
    hostile = "X]: y\n\n<script>window.__pwned=1</script>"
    glossary.write_text(
        text.replace(first, first.split(":")[0] + ": " + json.dumps(hostile), 1),
        encoding="utf-8",
    )
    errors = errors_of(mini_project)
    assert errors[0] == (
        "playbook/glossary.yml:3:19: terms[0].abbreviation:"
        " 'X]: y\\n\\n<script>window.__pwned=1</script>' is not an abbreviation (use"
        " letters, digits, spaces and . & ' / + -, e.g. 'CCO')"
    )


# Plain-text fields: whatever they hold is shown, never read as Markdown or HTML.
PLAIN_PAYLOAD = (
    "</title><script>window.__pwned=1</script> [t](javascript:window.__pwned=2)"
    ' {: onclick="window.__pwned=3" } <img src=x onerror=window.__pwned=4> *x* _y_ `z` #'
    " Teams of <5 & AT&T"
)


def test_plain_text_renders_inert_and_escaped_once(mini_project: Path) -> None:
    set_value(mini_project, "roles/ceo.yml", "title: The CEO's part", "title", PLAIN_PAYLOAD)
    pages = render_site(check(mini_project / "mkdocs.yml")).pages
    for path in ("roles/ceo.md", "roles/index.md", "roles/cco.md"):
        body = markdown.markdown(pages[path], extensions=list(CHECKED_EXTENSIONS))
        assert "<script" not in body and "<img" not in body
        assert scan_markup(body) == ([], []), path
        # The title reads exactly as written: in the heading, in lists and in "Related".
        assert PLAIN_PAYLOAD in html.unescape(_strip_tags(body)), path


def test_the_checked_extensions_are_the_sites() -> None:
    assert set(MARKDOWN_EXTENSIONS) <= set(CHECKED_EXTENSIONS)
    config = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    used = {line.strip(" -:") for line in config.split("markdown_extensions:")[1].splitlines()}
    # superfences is fenced_code's superset; toc and details add no links or HTML.
    assert {"abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables"} <= used


# --- brand files -----------------------------------------------------------------

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
SVG_HINT = " (export it again as a plain drawing (no scripts, no links to other files or hosts))"


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (
            f"{SVG_OPEN}<script>window.__pwned=1</script></svg>",
            "<script> (a script inside an SVG file)",
        ),
        (
            SVG_OPEN.replace(">", ' onload="window.__pwned=1">', 1) + "</svg>",
            "<svg onload> (an inline event handler)",
        ),
        (
            f'{SVG_OPEN}<a href="javascript:window.__pwned=1"><rect/></a></svg>',
            '<a href="javascript:window.__pwned=1"> (a script URL)',
        ),
        (
            f'{SVG_OPEN}<image href="https://evil.example/x.png"/></svg>',
            "loads https://evil.example/x.png (<svg image href>)",
        ),
    ],
)
def test_a_logo_that_runs_or_loads_is_refused(mini_project: Path, svg: str, message: str) -> None:
    (mini_project / "playbook" / "logo.svg").write_text(svg, encoding="utf-8")
    (mini_project / "playbook" / "brand.yml").write_text(
        "name: Mini Co\nlogo: logo.svg\n", encoding="utf-8"
    )
    assert errors_of(mini_project) == [
        f"playbook/brand.yml:2:7: logo: the SVG 'logo.svg' runs or loads something: {message}"
        + SVG_HINT.replace(
            " (export it again as a plain drawing (", " (export it again as a plain drawing ("
        )
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "logo: ../outside.svg",
            "playbook/brand.yml:2:7: logo: '../outside.svg' leaves the brand's folder (keep the"
            " brand's files in the folder of its brand file, or below it, e.g. 'brand/logo.svg')",
        ),
        (
            "favicon: brand/../../x.png",
            "playbook/brand.yml:2:10: favicon: 'brand/../../x.png' leaves the brand's folder"
            " (keep the brand's files in the folder of its brand file, or below it, e.g."
            " 'brand/logo.svg')",
        ),
        (
            """fonts: {text: 'Georgia, "Times New Roman, serif'}""",
            "playbook/brand.yml:2:15: fonts.text: 'Georgia, \"Times New Roman, serif' has an"
            " unbalanced quote in '\"Times New Roman', which makes browsers drop the whole font"
            ' setting (quote a name at both ends, or not at all: \'Georgia, "Times New Roman",'
            " serif')",
        ),
    ],
)
def test_brand_paths_and_fonts(mini_project: Path, line: str, message: str) -> None:
    (mini_project / "playbook" / "brand.yml").write_text(
        f"name: Mini Co\n{line}\n", encoding="utf-8"
    )
    assert errors_of(mini_project) == [message]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_brand_file_linked_from_outside_is_refused(mini_project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 16)
    (mini_project / "playbook" / "icon.png").symlink_to(outside)
    (mini_project / "playbook" / "brand.yml").write_text(
        "name: Mini Co\nfavicon: icon.png\n", encoding="utf-8"
    )
    assert errors_of(mini_project) == [
        "playbook/brand.yml:2:10: favicon: 'icon.png' leads out of the brand's folder (through"
        " a link) (copy the file into the brand's folder instead of linking to it)"
    ]
