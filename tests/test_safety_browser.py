"""Hostile strings in every text field of the default playbook: refused, or inert in Chromium.

Every string in every YAML file is classified by the content model: Markdown fields
(``Text``) get Markdown that must be refused, plain fields (titles, labels, the brand's
name and tagline, nav group titles) get markup that must be shown as text. The plain
build is then opened page by page from ``file://`` in Chromium, with every request to
another host blocked and recorded: no payload may run (``window.__pwned`` stays
unset), nothing may be requested from elsewhere, and the text must read literally.
"""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator

from generator.errors import ContentErrors, KeyPath
from generator.model import Brand, Text
from generator.model.kinds import BY_NAME
from generator.model.playbook import SINGLE_FILES
from generator.model.validate import options, step
from generator.playbook import check
from tests.helpers import PageWatch, copy_default_project, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Markdown that the check must refuse, one per kind of attack.
REFUSED_MARKDOWN = (
    '<img src=x onerror="window.__pwned=1">',
    "Hi <script>window.__pwned=1</script>",
    '[x](roles/cco){: onclick="window.__pwned=1" }',
    "[x](javascript:window.__pwned=1)",
    '[x](<javascript:fetch("https://evil.example/")>)',
    "![x](https://evil.example/pixel.png)",
    "[x](//evil.example/)",
    "<!-- window.__pwned=1 -->",
)
#: Plain text full of markup: it must be shown, never run or followed.
PLAIN = (
    '</title><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    ' [t](javascript:window.__pwned=3) {: onclick="window.__pwned=4" }'
    ' "><svg onload=window.__pwned=5> <script>fetch("https://evil.example/")</script>'
    " *Teams* of <5 & AT&T `x` #"
)
#: Markdown the check accepts although it looks like markup: it must read as written.
#: (Python-Markdown does not read a tag whose unquoted attribute value holds '=' as
#: HTML, so it escapes it: the check goes by the parser, the browser proves it inert.)
TRICKY_MARKDOWN = (
    "Teams of <5 & AT&T, cost<target, `<b onclick=go()>` in code,"
    " <img src=x onerror=window.__pwned=7>."
)
TRICKY_READS = (
    "Teams of <5 & AT&T, cost<target, <b onclick=go()> in code,"
    " <img src=x onerror=window.__pwned=7>."
)
_VALIDATORS = (AfterValidator, BeforeValidator)
#: Plain fields that name files or fonts: they are not text.
NOT_TEXT = frozenset({"logo", "favicon", "path", "family", "fallback"})


def model_of(rel: str) -> type[BaseModel]:
    folder, _, name = rel.partition("/")
    if rel == "brand.yml":
        return Brand
    if name:
        return BY_NAME[folder].model
    return next(single.model for single in SINGLE_FILES if single.name == rel)


def leaves(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaves(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from leaves(child, (*path, i))
    elif isinstance(value, str):
        yield path, value


def kind_of(model: type[BaseModel], path: KeyPath) -> str | None:
    """'text' for a Markdown field, 'plain' for a plain string, None for anything else."""
    parent: Any = model
    for part in path[:-1]:
        parent = step(parent, part)
        if parent is None:
            return None
    annotation = step(parent, path[-1])
    kinds = set(options(annotation)) - {type(None)}
    if kinds == {Text}:
        return "text"
    if kinds != {str} or path[-1] in NOT_TEXT:
        return None
    # A str with validators (an id, a URL, a colour) is not free text.
    owner = next(
        (o for o in options(parent) if isinstance(o, type) and issubclass(o, BaseModel)), None
    )
    field = owner.model_fields.get(str(path[-1])) if owner else None
    checked = field is None or any(isinstance(m, _VALIDATORS) for m in field.metadata)
    return None if checked else "plain"


def put(data: Any, path: KeyPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def inject(project: Path, choose: Callable[[str, int], str | None]) -> list[tuple[str, KeyPath]]:
    """Rewrite every field whose kind ``choose`` answers for; return (file, path) of each."""
    root = project / "playbook"
    changed: list[tuple[str, KeyPath]] = []
    for file in sorted(root.rglob("*.yml")):
        rel = file.relative_to(root).as_posix()
        if rel.startswith("translations/"):
            continue  # a language layer: the English build these tests make does not read it
        model = model_of(rel)
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for path, _value in list(leaves(data)):
            kind = kind_of(model, path)
            new = choose(kind, len(changed)) if kind else None
            if new is not None:
                put(data, path, new)
                changed.append((f"playbook/{rel}", path))
        if rel == "playbook.yml":
            # Nav group titles are plain text too, as keys.
            data["nav"] = [
                {f"{PLAIN} {i}": v for i, v in enumerate(item.values())}
                if isinstance(item, dict)
                else item
                for item in data["nav"]
            ]
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return changed


def test_every_markdown_field_refuses_hostile_markdown(tmp_path: Path) -> None:
    project = copy_default_project(tmp_path / "project")
    fields = inject(
        project,
        lambda kind, n: REFUSED_MARKDOWN[n % len(REFUSED_MARKDOWN)] if kind == "text" else None,
    )
    assert len(fields) > 100, "the walk should reach every Markdown field of the playbook"
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    reported = {(e.file, e.key_path) for e in info.value.errors}
    assert [f for f in fields if f not in reported] == []


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_default_project(tmp_path_factory.mktemp("hostile") / "project")
    fields = inject(
        project,
        lambda kind, _n: {"plain": PLAIN, "text": TRICKY_MARKDOWN}.get(kind or ""),
    )
    assert sum(1 for f, p in fields if p[-1] in ("title", "label", "name", "tagline")) > 40
    result = run_cli(
        "build", "--site-dir", "site", "--zip", "out.zip", "--pdf", "out.pdf", cwd=project
    )
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_pdf_and_the_zip_readme_read_plain_text_literally(hostile_site: Path) -> None:
    project = hostile_site.parent
    text = subprocess.run(
        ["pdftotext", str(project / "out.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "*Teams* of <5 & AT&T `x` #" in " ".join(text.split())
    with zipfile.ZipFile(project / "out.zip") as archive:
        readme = archive.read("out/README.txt").decode("utf-8")
    assert readme.startswith(f"{PLAIN} ({PLAIN}), version {PLAIN}")


def _pwned(page: Any) -> Any:
    return page.evaluate("window.__pwned")


def test_nothing_runs_and_nothing_loads_on_any_page(
    hostile_site: Path, offline_context: tuple[Any, PageWatch]
) -> None:
    context, watch = offline_context
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    page = context.new_page()
    for path in pages:
        page.goto(path.as_uri(), wait_until="load")
        for fieldset in page.locator("fieldset[data-question]").all():
            fieldset.locator("input[type=radio]").first.check()
        if page.locator("form[data-assessment] button[type=submit]").count():
            page.locator("form[data-assessment] button[type=submit]").click()
            page.locator("[data-assessment-result]").wait_for(state="visible")
        assert _pwned(page) is None, path
    assert watch.outside_requests == []
    assert watch.page_errors == []


def test_titles_and_text_read_literally(
    hostile_site: Path, offline_context: tuple[Any, PageWatch]
) -> None:
    context, watch = offline_context
    page = context.new_page()
    page.goto((hostile_site / "roles" / "cco.html").as_uri(), wait_until="load")
    shown = " ".join(PLAIN.split())
    heading = " ".join(page.locator("article h1").inner_text().split())
    assert heading == f"{shown} (CCO)¶"  # the role's abbreviation, the permalink
    assert page.title() == f"{heading.removesuffix('¶')} - {shown}"
    body = " ".join(page.locator("article").inner_text().split())
    assert TRICKY_READS in body
    assert page.locator("article a[href^='javascript:']").count() == 0
    # Search renders titles from the index as HTML: they are escaped there exactly once.
    field = page.locator("input.md-search__input")
    field.click()
    page.keyboard.type("Teams", delay=20)  # Material searches on keyboard events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    found = [" ".join(r.inner_text().split()) for r in results.all()]
    assert any(shown in text for text in found), found
    assert _pwned(page) is None
    assert watch.outside_requests == []
