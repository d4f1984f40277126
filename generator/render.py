"""Stage 3: validated models → ``{path: Markdown}``, navigation and assets.

Content is data: YAML text reaches templates only as values, never as template
source. Plain strings are escaped exactly once, on output, so that neither Markdown
nor HTML reads anything in them (see :func:`plain_markdown`); Markdown ``Text`` has
been checked by the parser already and passes through with its links resolved.
"""

from __future__ import annotations

import html
import posixpath
import re
import urllib.parse
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.errors import ProjectError
from generator.model import KINDS, Playbook, Ref, Text
from generator.model.base import internal_link

#: Where generated assets live in the site.
ASSET_DIR = "assets/playbook"
#: Markdown extensions the generated pages rely on (tooltips, ids, HTML blocks, glossary).
MARKDOWN_EXTENSIONS = ("abbr", "attr_list", "def_list", "md_in_html", "tables")
#: Replaced by the brand's name in content text (plain substitution, never a template).
BRAND_PLACEHOLDER = "%brand%"

_TEMPLATES = {
    "roles": "role.md.j2",
    "structures": "structure.md.j2",
    "starting-points": "starting-point.md.j2",
    "assessments": "assessment.md.j2",
}
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


def link_to(ref: str, page: str) -> str:
    """The relative Markdown link from ``page`` to the playbook page ``ref`` names."""
    target = Ref(ref)
    rel = posixpath.relpath(target.target, posixpath.dirname(page) or ".")
    return f"{rel}#{target.anchor}" if target.anchor else rel


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
            undefined=jinja2.StrictUndefined,
            # Macros then return markup too, so their output is not escaped twice.
            autoescape=True,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_finalize,
        )
        self.env.filters.update(md=self._markdown, item=_list_item, attr=_attribute, url=link_url)
        self.brand_name = plain_markdown(playbook.brand.model.name)

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
        kind, _, rest = target.partition("/")
        for item in self.playbook.entities(kind) if kind in KINDS else []:
            if f"{item.model.id}.md" == rest:  # type: ignore[attr-defined]
                return str(item.model.title)  # type: ignore[attr-defined]
        if rest == "index.md" and kind in self.playbook.info.model.sections:
            return self.playbook.info.model.sections[kind].title
        if target == "glossary.md" and self.playbook.glossary is not None:
            return self.playbook.glossary.model.title
        return (
            docs_page_title(self.playbook.docs_dir / target)
            or target.removesuffix(".md").replace("-", " ").capitalize()
        )


def docs_page_title(path: Path) -> str | None:
    """The title MkDocs would give a Markdown page: its front-matter title or first H1."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    front = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if front:
        title = re.search(r"^title:\s*(.+?)\s*$", front.group(1), re.M)
        if title:
            return title.group(1).strip("'\"")
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
    return heading.group(1) if heading else None


def plain_markdown(text: str) -> Markup:
    """Plain text as Markdown that shows it literally, in Markdown and raw HTML alike.

    ``[t](javascript:…)`` stays brackets, ``</title>`` stays text, ``Teams of <5`` and
    ``AT&T`` read exactly so once rendered. Lines are joined: a plain field is one line.
    """
    return Markup(str(text).translate(_PLAIN))


def _finalize(value: Any) -> Any:
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
    """Render every generated page, the navigation and the assets."""
    from generator.assessment import assessment_assets, install_page_helpers
    from generator.assets import static_assets
    from generator.brand import BRAND_CSS, brand_assets
    from generator.matrix import structure_matrix

    renderer = Renderer(playbook, template_dir)
    install_page_helpers(renderer.env, playbook)
    backlinks, questions = cross_links(playbook)
    site = RenderedSite()
    info = playbook.info.model
    for kind, template in _TEMPLATES.items():
        items = playbook.entities(kind)
        if not items:
            continue
        index = f"{kind}/index.md"
        extra: dict[str, Any] = {}
        if kind == "starting-points" and playbook.factors is not None:
            extra["factors"] = playbook.factors.model
        if kind == "structures":
            extra["matrix"] = structure_matrix(playbook)
        site.pages[index] = renderer.page(
            f"{kind}-index.md.j2",
            index,
            section=info.sections[kind],  # type: ignore[index]
            items=[i.model for i in items],
            kind=kind,
            **extra,
        )
        site.sources[index] = playbook.info.source.path
        for item in items:
            path = f"{kind}/{item.model.id}.md"  # type: ignore[attr-defined]
            site.pages[path] = renderer.page(
                template,
                path,
                item=item.model,
                kind=kind,
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
    site.assets.update(brand_assets(playbook))
    site.nav = build_nav(playbook, site)
    site.extra_css = [f"{ASSET_DIR}/playbook.css", BRAND_CSS]
    site.extra_javascript = [f"{ASSET_DIR}/accessibility.js"]
    site.abbreviations = abbreviations(playbook)
    return site


def cross_links(
    playbook: Playbook,
) -> tuple[dict[str, list[str]], dict[str, list[tuple[str, str]]]]:
    """Who links to each page: entities that list it as related (so links run both
    ways without copy-paste), and assessment questions that list it (link, label)."""
    from generator.assessment import plain_text

    backlinks: dict[str, list[str]] = {}
    questions: dict[str, list[tuple[str, str]]] = {}
    for kind in KINDS:
        for item in playbook.entities(kind):
            source = f"{kind}/{item.model.id}"  # type: ignore[attr-defined]
            for ref in getattr(item.model, "related", []):
                backlinks.setdefault(Ref(ref).target, []).append(source)
    for assessment in playbook.assessments:
        a = assessment.model
        for q in a.questions:
            label = f"{a.title}: {plain_text(q.text)}"
            for ref in q.related:
                entry = (f"assessments/{a.id}#{q.id}", label)
                questions.setdefault(Ref(ref).target, []).append(entry)
    return backlinks, questions


def related_pages(entity: Any, path: str, backlinks: dict[str, list[str]]) -> list[str]:
    """The entity's own related pages, then the entity pages that point at it."""
    own = [str(r) for r in entity.related]
    seen = {Ref(r).target for r in own} | {path}
    extra = [b for b in backlinks.get(path, []) if Ref(b).target not in seen]
    return own + list(dict.fromkeys(extra))


def build_nav(playbook: Playbook, site: RenderedSite) -> list[Any]:
    """MkDocs ``nav`` in the order ``playbook.yml`` gives, generated sections expanded."""
    sections = playbook.info.model.sections

    def expand(entry: str) -> Any:
        if entry in KINDS:
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


def package_file(*parts: str) -> bytes:
    """Read a file shipped inside the package."""
    return resources.files("generator").joinpath(*parts).read_bytes()
