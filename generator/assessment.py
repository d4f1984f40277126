"""The assessment pages' data: what the browser needs to score, explain and label results.

The scoring definition itself is in ``generator.scoring`` (and its twin
``static/assessment-score.js``); the words the page shows are in ``generator.ui_strings``.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.constants import ASSET_DIR, BRAND_PLACEHOLDER
from generator.model import Assessment, Playbook
from generator.model.assessment import Conditions
from generator.ui_strings import browser_strings

if TYPE_CHECKING:
    import jinja2

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
#: The page scripts, in the order they load: each depends only on those before it.
PAGE_SCRIPTS = (
    "assessment-data.js",
    "assessment-score.js",
    "assessment-explain.js",
    "assessment-input.js",
    "assessment-group.js",
    "assessment-group-files.js",
    "assessment-view.js",
    "assessment-result.js",
    "assessment-export.js",
    "assessment-compare.js",
    "assessment-workshop-view.js",
    "assessment-workshop-pack.js",
    "assessment-facilitator.js",
    "assessment-workshop.js",
    "assessment.js",
)


def _asset_url(name: str, page: str) -> str:
    """The relative URL of a generated asset from a page (MkDocs leaves raw HTML alone)."""
    return posixpath.relpath(f"{ASSET_DIR}/{name}", posixpath.dirname(page) or ".")


def _one_line(markdown: Markup | str) -> Markup:
    """Markdown text as one line, so it fits an inline element such as a ``legend``."""
    return Markup(" ".join(str(markdown).split()))


def _contact(playbook: Playbook) -> tuple[str, str] | None:
    """The brand's call to action as (label, url), if the brand has one."""
    contact = playbook.brand.model.contact
    if contact is None or not str(contact.url).startswith(("https:", "mailto:")):
        return None
    return contact.label, str(contact.url)


def install_page_helpers(env: jinja2.Environment, playbook: Playbook) -> None:
    """Give templates the helpers the assessment page uses (``ui`` is every template's)."""
    env.globals["asset_url"] = _asset_url
    env.globals["contact"] = _contact(playbook)
    env.globals["page_scripts"] = PAGE_SCRIPTS
    roles = {r.model.id: r.model.abbreviation or r.model.title for r in playbook.roles}
    env.globals["owner_name"] = lambda item, role_id: item.owners.get(
        role_id, roles.get(role_id, role_id)
    )
    env.filters["one_line"] = _one_line


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable plain text (link labels kept), for CSV and charts."""
    return " ".join(_MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", markdown)).split())


def _conditions(conditions: Conditions | None) -> dict[str, Any] | None:
    """Conditions as ordered pairs: a browser object would put digit keys first."""
    if conditions is None:
        return None
    return {
        "scores": [[k, r.min, r.max] for k, r in conditions.scores.items()],
        "answers": [[k, list(v)] for k, v in conditions.answers.items()],
    }


def _spec(a: Assessment, brand: str) -> dict[str, Any]:
    """One assessment as the page scripts read it."""
    return {
        "id": a.id,
        "version": a.version,
        "style": a.style,
        "title": a.title.replace(BRAND_PLACEHOLDER, brand),
        "targets": [
            {"id": d.id, "title": d.title, "minimum": d.minimum, "group": None}
            for d in a.dimensions
        ]
        + [
            {"id": o.id, "title": o.title, "minimum": o.minimum, "group": o.group}
            for o in a.outcomes
        ],
        "axes": [
            {
                "id": x.id,
                "title": x.title,
                "dimensions": [[d, w] for d, w in x.dimensions.items()],
                "minimum": x.minimum,
            }
            for x in a.axes
        ],
        "groups": [{"id": g.id, "title": g.title} for g in a.groups],
        "questions": [
            {
                "id": q.id,
                "text": plain_text(q.text.replace(BRAND_PLACEHOLDER, brand)),
                "context": q.context,
                "choices": [
                    {
                        "id": c.id,
                        "label": c.label,
                        "na": c.not_applicable,
                        "points": a.points_of(q, c),
                        "excludes": list(c.excludes),
                    }
                    for c in a.choices_of(q)
                ],
            }
            for q in a.questions
        ],
        "verdicts": [
            {
                "id": v.id,
                "title": v.title,
                "when": _conditions(v.when),
                "why": _conditions(v.why),
            }
            for v in a.verdicts
        ],
        "actions": [
            {
                "id": x.id,
                "stage": x.stage,
                "priority": x.priority,
                "verdicts": list(x.verdicts),
                "outcomes": list(x.outcomes),
                "when": _conditions(x.when),
            }
            for x in a.actions
        ],
        "actionsPerStage": a.actions_per_stage,
        "crossCheck": None
        if a.cross_check is None
        else {
            "assessment": a.cross_check.assessment,
            "group": a.cross_check.group,
            "verdicts": [[v, o] for v, o in a.cross_check.verdicts.items()],
        },
    }


def assessment_data(playbook: Playbook) -> dict[str, Any]:
    """What the browser needs to score every assessment and label its result."""
    brand = playbook.brand.model.name
    return {item.model.id: _spec(item.model, brand) for item in playbook.assessments}


def assessment_assets(playbook: Playbook) -> dict[str, bytes]:
    """The generated script that hands the assessment data and strings to the page."""
    if not playbook.assessments:
        return {}
    payload = json.dumps(
        {
            "playbook": playbook.info.model.id,
            "brand": playbook.brand.model.name,
            "language": playbook.brand.model.language,
            "strings": browser_strings(playbook.brand.model.language),
            "assessments": assessment_data(playbook),
        },
        ensure_ascii=True,
        sort_keys=True,
        separators=(",", ":"),
    ).replace("</", "<\\/")
    script = f"window.ccoPlaybookData = {payload};\n"
    return {f"{ASSET_DIR}/assessment-data.js": script.encode("utf-8")}
