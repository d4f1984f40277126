"""Stage 3: validated models → ``{path: Markdown}``, navigation and assets.

Content is data: YAML text reaches templates only as values, never as template
source. Plain strings are escaped exactly once, on output, so that neither Markdown
nor HTML reads anything in them (see :func:`plain_markdown`); Markdown ``Text`` has
been checked by the parser already and passes through with its links resolved.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.assessment import assessment_assets, install_page_helpers, plain_text
from generator.assets import static_assets
from generator.constants import ASSET_DIR, BRAND_PLACEHOLDER
from generator.errors import ProjectError
from generator.matrix import structure_matrix
from generator.model import KINDS, Entity, Playbook, Ref, Text
from generator.model.base import internal_link
from generator.model.kinds import BY_NAME
from generator.ui_strings import ui_strings

# Character references mean the same in Markdown and in HTML, so one escaping serves
# both: a title shows literally in a heading, a link label or a raw HTML block alike.
_PLAIN = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "[": "&#91;",
        "]": "&#93;",
        "*": "&#42;",
        "_": "&#95;",
        "`": "&#96;",
        "#": "&#35;",
        "{": "&#123;",
        "}": "&#125;",
        "\\": "&#92;",
        "\n": " ",
        "\r": " ",
    }
)
_LINK = re.compile(r"(\]\(\s*<?)([^)\s>]+)(>?(?:\s+\"[^\"]*\")?\s*\))")
_REF_DEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?(?:\s|$))", re.M)


@dataclass
class RenderedSite:
    """Everything the playbook adds to a site, as plain data any engine can publish."""

    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, bytes] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)
    extra_css: list[str] = field(default_factory=list)
    extra_javascript: list[str] = field(default_factory=list)
    abbreviations: str = ""
    #: Docs pages whose published text differs from docs/ (a language layer's).
    docs: dict[str, str] = field(default_factory=dict)
    #: Docs pages left out of the site (an edition hides them).
    hidden_docs: set[str] = field(default_factory=set)


def link_to(ref: str, page: str) -> str:
    """The relative Markdown link from ``page`` to the playbook page ``ref`` names."""
    return _link_from_folder(str(ref), posixpath.dirname(page))


@functools.lru_cache(maxsize=4096)
def _link_from_folder(ref: str, folder: str) -> str:
    # A pure function of two strings that pages ask for thousands of times over.
    target = Ref(ref)
    rel = relative_path(target.target, folder)
    return f"{rel}#{target.anchor}" if target.anchor else rel


def relative_path(target: str, folder: str) -> str:
    """``posixpath.relpath(target, folder)`` for paths inside the site; it never asks the
    file system for the current folder, which made it the largest cost of rendering."""
    to = posixpath.normpath(target).split("/")
    here = [part for part in posixpath.normpath(folder or ".").split("/") if part != "."]
    common = 0
    while common < min(len(here), len(to) - 1) and here[common] == to[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:])


def resolve_links(text: str, page: str) -> str:
    """Rewrite playbook references in Markdown links to paths relative to ``page``."""

    def swap(m: re.Match[str]) -> str:
        ref = internal_link(m.group(2))
        return m.group(1) + (link_to(ref, page) if ref else m.group(2)) + m.group(3)

    return _REF_DEF.sub(swap, _LINK.sub(swap, text))


class Renderer:
    """One Jinja environment per project: package templates, overridable by the project."""

    def __init__(self, playbook: Playbook, template_dir: Path | None = None) -> None:
        self.playbook = playbook
        loaders: list[jinja2.BaseLoader] = []
        if template_dir is not None:
            loaders.append(jinja2.FileSystemLoader(str(template_dir)))
        loaders.append(jinja2.PackageLoader("generator", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            bytecode_cache=_bytecode_cache(),
            undefined=jinja2.StrictUndefined,
            # Macros then return markup too, so their output is not escaped twice.
            autoescape=True,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_finalize,
        )
        self.env.filters.update(md=self._markdown, item=_list_item, attr=_attribute, url=link_url)
        # Every template, the project's own included, reads the tool's words from here.
        self.ui = ui_strings(playbook.brand.model.language)
        self.env.globals["ui"] = self.ui
        self.brand_name = plain_markdown(playbook.brand.model.name)
        # Link labels, by page: every entity's title up front, other pages when first asked.
        self._titles = {
            kind.page(item.model.id): item.model.title
            for kind in KINDS
            for item in playbook.entities(kind.name)
        }

    def _markdown(self, text: Text | None, page: str) -> Markup:
        """Content Markdown, ready to place on ``page``."""
        if text is None:
            return Markup("")
        return Markup(resolve_links(text.replace(BRAND_PLACEHOLDER, self.brand_name), page))

    def page(self, template: str, path: str, **values: Any) -> str:
        """Render ``template`` for ``path``; a broken template is a ProjectError, not a trace."""
        try:
            return self._page(template, path, **values)
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or exc.name or template
            raise ProjectError(f"{where}:{exc.lineno}: template error: {exc.message}") from exc
        except jinja2.TemplateError as exc:
            raise ProjectError(
                f"template '{template}' failed while rendering {path}: {exc.message}"
                " (check the template's variable names against the content model)"
            ) from exc

    def _page(self, template: str, path: str, **values: Any) -> str:
        tpl = self.env.get_template(template)
        context = {
            "page_path": path,
            "playbook": self.playbook.info.model,
            "brand": self.playbook.brand.model,
            "link": lambda ref: Markup(link_to(ref, path)),
            "title_of": self.title_of,
            **values,
        }
        return tpl.render(context).rstrip("\n") + "\n"

    def title_of(self, ref: str) -> str:
        """The title of the page a reference names, for link labels."""
        target = Ref(ref).target
        if target not in self._titles:
            self._titles[target] = self._other_title(target)
        return self._titles[target]

    def _other_title(self, target: str) -> str:
        kind, _, rest = target.partition("/")
        if rest == "index.md" and kind in self.playbook.info.model.sections:
            return self.playbook.info.model.sections[kind].title
        if target == "glossary.md" and self.playbook.glossary is not None:
            return self.playbook.glossary.model.title
        layer = self.playbook.language
        translated = layer.docs.get(target) if layer is not None else None
        return (
            (markdown_title(translated) if translated is not None else None)
            or docs_page_title(self.playbook.docs_dir / target)
            or target.removesuffix(".md").replace("-", " ").capitalize()
        )


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds (Jinja's private per-user folder in the
    temporary directory; a changed template is compiled afresh): compiling them is most
    of a small playbook's rendering time."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None  # no private temporary folder: compile every time


def docs_page_title(path: Path) -> str | None:
    """The title MkDocs would give a Markdown page: its front-matter title or first H1."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return markdown_title(text)


def markdown_title(text: str) -> str | None:
    """The title of a Markdown page's text: its front-matter title or first H1 (without
    an attribute list such as ``{ #anchor }``)."""
    front = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if front:
        title = re.search(r"^title:\s*(.+?)\s*$", front.group(1), re.M)
        if title:
            return title.group(1).strip("'\"")
    heading = re.search(r"^#\s+(.+?)\s*(?:\{:?[^}]*\})?\s*#*\s*$", text, re.M)
    return heading.group(1) if heading else None


@functools.lru_cache(maxsize=8192)
def plain_markdown(text: str) -> Markup:
    """Plain text as Markdown that shows it literally, in Markdown and raw HTML alike.

    ``[t](javascript:…)`` stays brackets, ``</title>`` stays text, ``Teams of <5`` and
    ``AT&T`` read exactly so once rendered. Lines are joined: a plain field is one line.
    """
    return Markup(str(text).translate(_PLAIN))


def _finalize(value: Any) -> Any:
    if type(value) is str:  # most values: labels and titles, repeated across pages
        return plain_markdown(value)
    # Plain strings from YAML (titles, labels) are data: they never become markup.
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    if isinstance(value, Text):
        return Markup(value)  # checked Markdown; templates pass it through ``md``
    return plain_markdown(value)


def _list_item(text: Markup | str) -> Markup:
    """Indent continuation lines so a multi-line text stays inside its list item."""
    return Markup(str(text).strip().replace("\n", "\n    "))


def link_url(value: str) -> Markup:
    """A validated URL as a Markdown link destination (``[label](<url>)``).

    Character references mean nothing in a URL, so it is percent-encoded instead:
    nothing in it can close the ``<…>`` or start a new line.
    """
    return Markup(urllib.parse.quote(str(value), safe="/:?#@!$&'()*+,;=%~-._"))


def _attribute(value: str) -> Markup:
    return Markup(html.escape(str(value), quote=True))


def render_site(playbook: Playbook, template_dir: Path | None = None) -> RenderedSite:
    """Render every generated page, the navigation and the playbook's own assets."""
    renderer = Renderer(playbook, template_dir)
    install_page_helpers(renderer.env, playbook)
    # The factors (starting points) and the matrix (structures) are there for any index.
    if playbook.factors is not None:
        renderer.env.globals["factors"] = playbook.factors.model
    if playbook.structures:
        renderer.env.globals["matrix"] = structure_matrix(playbook, renderer.ui)
    if playbook.decisions is not None:
        renderer.env.globals["decisions"] = playbook.decisions.model
    backlinks, questions = cross_links(playbook)
    site = RenderedSite()
    info = playbook.info.model
    for kind in KINDS:
        items = playbook.entities(kind.name)
        if not items:
            continue
        site.pages[kind.index_page] = renderer.page(
            kind.index_template,
            kind.index_page,
            section=info.sections[kind.name],
            items=[i.model for i in items],
            kind=kind.name,
        )
        site.sources[kind.index_page] = playbook.info.source.path
        for item in items:
            path = kind.page(item.model.id)
            site.pages[path] = renderer.page(
                kind.template,
                path,
                item=item.model,
                kind=kind.name,
                related=related_pages(item.model, path, backlinks),
                questions=questions.get(path, []),
            )
            site.sources[path] = item.source.path
    if playbook.glossary is not None:
        site.pages["glossary.md"] = renderer.page(
            "glossary.md.j2", "glossary.md", glossary=playbook.glossary.model
        )
        site.sources["glossary.md"] = playbook.glossary.source.path
    site.assets.update(static_assets())
    site.assets.update(assessment_assets(playbook))
    site.nav = build_nav(playbook, site)
    site.extra_css = [f"{ASSET_DIR}/playbook.css"]
    site.extra_javascript = [f"{ASSET_DIR}/accessibility.js"]
    site.abbreviations = abbreviations(playbook)
    return site


def cross_links(
    playbook: Playbook,
) -> tuple[dict[str, list[str]], dict[str, list[tuple[str, str]]]]:
    """Who links to each page: entities that list it as related (so links run both
    ways without copy-paste), and assessment questions that list it (link, label)."""
    backlinks: dict[str, list[str]] = {}
    questions: dict[str, list[tuple[str, str]]] = {}
    for kind in KINDS:
        for item in playbook.entities(kind.name):
            source = f"{kind.name}/{item.model.id}"
            for ref in [*item.model.related, *item.model.linked_from()]:
                backlinks.setdefault(Ref(ref).target, []).append(source)
    for assessment in playbook.assessments:
        a = assessment.model
        for q in a.questions:
            label = f"{a.title}: {plain_text(q.text)}"
            for ref in q.related:
                entry = (f"assessments/{a.id}#{q.id}", label)
                questions.setdefault(Ref(ref).target, []).append(entry)
    return backlinks, questions


def related_pages(entity: Entity, path: str, backlinks: dict[str, list[str]]) -> list[str]:
    """The entity's own related pages, then the entity pages that point at it."""
    own = [str(r) for r in entity.related]
    seen = {Ref(r).target for r in own} | {path}
    extra = [b for b in backlinks.get(path, []) if Ref(b).target not in seen]
    return own + list(dict.fromkeys(extra))


def build_nav(playbook: Playbook, site: RenderedSite) -> list[Any]:
    """MkDocs ``nav`` in the order ``playbook.yml`` gives, generated sections expanded."""
    sections = playbook.info.model.sections

    def expand(entry: str) -> Any:
        if entry in BY_NAME:
            if entry not in sections:
                return entry
            pages = [
                p for p in site.pages if p.startswith(f"{entry}/") and p != f"{entry}/index.md"
            ]
            return {nav_title(sections[entry].title): [f"{entry}/index.md", *pages]}
        return entry

    nav: list[Any] = []
    for item in playbook.info.model.nav:
        if isinstance(item, str):
            nav.append(expand(item))
        else:
            nav.extend(
                {nav_title(title): [expand(e) for e in entries]} for title, entries in item.items()
            )
    return nav


def nav_title(title: str) -> str:
    """A section title as MkDocs' nav carries it: themes print nav titles as HTML."""
    return html.escape(title)


def abbreviations(playbook: Playbook) -> str:
    """Markdown abbreviation definitions for every glossary term that has one."""
    if playbook.glossary is None:
        return ""
    lines = [
        f"*[{t.abbreviation}]: {' '.join(t.term.split())}"
        for t in playbook.glossary.model.terms
        if t.abbreviation
    ]
    return "\n".join(lines)


def with_abbreviations(markdown: str, abbreviation_block: str) -> str:
    """Append the abbreviation definitions so Material shows them as tooltips."""
    return f"{markdown.rstrip()}\n\n{abbreviation_block}\n" if abbreviation_block else markdown
