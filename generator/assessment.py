"""The Python reference of the scoring definition, and the browser's assessment data.

KEEP IN STEP: the same definition is implemented in ``static/assessment-score.js``;
change both together. ``tests/test_assessment_parity.py`` proves the two agree on
generated answer sets.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import Markup

from generator.constants import ASSET_DIR, BRAND_PLACEHOLDER

if TYPE_CHECKING:
    import jinja2
from generator.errors import ProjectError
from generator.model import Assessment, Playbook

#: The language whose strings fill any gap; every strings file has its keys (tested).
FALLBACK_LANGUAGE = "en"
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def _round(numerator: int, denominator: int) -> int:
    """``floor(numerator / denominator + 0.5)`` in exact integer arithmetic."""
    return (2 * numerator + denominator) // (2 * denominator)


def score(assessment: Assessment, answers: Mapping[str, str]) -> dict[str, Any]:
    """Score ``{question_id: choice_id}``; unknown questions or choices are ignored."""
    targets = [d.id for d in assessment.dimensions] or [o.id for o in assessment.outcomes]
    raw = dict.fromkeys(targets, 0)
    lo = dict.fromkeys(targets, 0)
    hi = dict.fromkeys(targets, 0)
    touched: set[str] = set()
    answered = 0
    for question in assessment.questions:
        chosen_id = answers.get(question.id)
        choices = assessment.choices_of(question)
        chosen = next((c for c in choices if c.id == chosen_id), None)
        if chosen is None:
            continue
        answered += 1
        if chosen.not_applicable:
            continue
        scored = [assessment.points_of(question, c) for c in choices if not c.not_applicable]
        gives = {t for points in scored for t in points}
        picked = assessment.points_of(question, chosen)
        for target in targets:
            if target not in gives:
                continue
            touched.add(target)
            values = [points.get(target, 0) for points in scored]
            raw[target] += picked.get(target, 0)
            lo[target] += min(values)
            hi[target] += max(values)
    scores: dict[str, int | None] = {}
    for target in targets:
        span = hi[target] - lo[target]
        scores[target] = (
            _round(100 * (raw[target] - lo[target]), span)
            if target in touched and span != 0
            else None
        )
    overall: int | None = None
    band: str | None = None
    ranking: list[str] = []
    if assessment.dimensions:
        weighted = [(scores[d.id], d.weight) for d in assessment.dimensions]
        total_weight = sum(w for s, w in weighted if s is not None)
        if total_weight > 0:
            overall = _round(sum(s * w for s, w in weighted if s is not None), total_weight)
        if overall is not None:
            eligible = [b for b in assessment.bands if b.min <= overall]
            if eligible:
                band = max(eligible, key=lambda b: b.min).id
    else:
        order = {t: i for i, t in enumerate(targets)}
        ranking = sorted(
            targets,
            key=lambda t: (scores[t] is None, -(scores[t] or 0), order[t]),
        )
    return {
        "assessment": assessment.id,
        "version": assessment.version,
        "answered": answered,
        "total": len(assessment.questions),
        "scores": scores,
        "overall": overall,
        "band": band,
        "ranking": ranking,
    }


def answers_from(data: Any) -> dict[str, str]:
    """Accept ``{question: choice}`` or an exported results file (``{"answers": {...}}``)."""
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object of {questionId: choiceId} or a results file")
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


# --- interface strings --------------------------------------------------------------


@cache
def _strings_file(language: str) -> dict[str, str] | None:
    node = resources.files("generator").joinpath("strings").joinpath(f"{language}.yml")
    if not node.is_file():
        return None
    # libyaml's parser where it is installed: these files are read on every build.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(node.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ProjectError(f"generator/strings/{language}.yml must map keys to plain strings")
    return {str(k): v for k, v in data.items()}


def strings_languages() -> list[str]:
    """The languages the assessment interface ships strings for."""
    folder = resources.files("generator").joinpath("strings")
    return sorted(n.name.removesuffix(".yml") for n in folder.iterdir() if n.name.endswith(".yml"))


def ui_strings(language: str) -> dict[str, str]:
    """The interface strings for ``language`` ('de', 'de-CH', 'pt_BR'), English as fallback."""
    strings = dict(_strings_file(FALLBACK_LANGUAGE) or {})
    primary = re.split(r"[-_]", language, maxsplit=1)[0].lower()
    for candidate in dict.fromkeys((primary, language)):
        if candidate != FALLBACK_LANGUAGE and re.fullmatch(r"[A-Za-z_-]+", candidate):
            strings.update(_strings_file(candidate) or {})
    return strings


def fill(template: str, **values: str) -> str:
    """Replace ``{name}`` placeholders by plain substitution (values may contain braces)."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


# --- the page and its data ----------------------------------------------------------


def _asset_url(name: str, page: str) -> str:
    """The relative URL of a generated asset from a page (MkDocs leaves raw HTML alone)."""
    return posixpath.relpath(f"{ASSET_DIR}/{name}", posixpath.dirname(page) or ".")


def _one_line(markdown: Markup | str) -> Markup:
    """Markdown text as one line, so it fits an inline element such as a ``legend``."""
    return Markup(" ".join(str(markdown).split()))


def _contact(playbook: Playbook) -> tuple[str, str] | None:
    """The brand's call to action as (label, url), if the brand has one."""
    contact = getattr(playbook.brand.model, "contact", None)
    label, url = getattr(contact, "label", None), getattr(contact, "url", None)
    if isinstance(label, str) and isinstance(url, str) and url.startswith(("https:", "mailto:")):
        return label, url
    return None


def install_page_helpers(env: jinja2.Environment, playbook: Playbook) -> None:
    """Give templates the interface strings and the helpers the assessment page uses."""
    env.globals["ui"] = ui_strings(playbook.brand.model.language)
    env.globals["asset_url"] = _asset_url
    env.globals["contact"] = _contact(playbook)
    env.filters["one_line"] = _one_line


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable plain text (link labels kept), for CSV and charts."""
    return " ".join(_MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", markdown)).split())


def assessment_data(playbook: Playbook) -> dict[str, Any]:
    """What the browser needs to score every assessment and label its result."""
    data: dict[str, Any] = {}
    brand = playbook.brand.model.name
    for item in playbook.assessments:
        a = item.model
        data[a.id] = {
            "id": a.id,
            "version": a.version,
            "style": a.style,
            "title": a.title.replace(BRAND_PLACEHOLDER, brand),
            "targets": [
                {"id": t.id, "title": t.title, "weight": getattr(t, "weight", 1)}
                for t in (a.dimensions or a.outcomes)
            ],
            "questions": [
                {
                    "id": q.id,
                    "text": plain_text(q.text.replace(BRAND_PLACEHOLDER, brand)),
                    "choices": [
                        {
                            "id": c.id,
                            "label": c.label,
                            "na": c.not_applicable,
                            "points": a.points_of(q, c),
                        }
                        for c in a.choices_of(q)
                    ],
                }
                for q in a.questions
            ],
            "bands": [{"id": b.id, "min": b.min, "title": b.title} for b in a.bands],
        }
    return data


def assessment_assets(playbook: Playbook) -> dict[str, bytes]:
    """The generated script that hands the assessment data and strings to the page."""
    if not playbook.assessments:
        return {}
    payload = json.dumps(
        {
            "playbook": playbook.info.model.id,
            "brand": playbook.brand.model.name,
            "language": playbook.brand.model.language,
            # The PDF's and the ZIP's texts stay out of the page's script.
            "strings": {
                k: v
                for k, v in ui_strings(playbook.brand.model.language).items()
                if not k.startswith(("print_", "zip_"))
            },
            "assessments": assessment_data(playbook),
        },
        ensure_ascii=True,
        sort_keys=True,
        separators=(",", ":"),
    ).replace("</", "<\\/")
    script = f"window.ccoPlaybookData = {payload};\n"
    return {f"{ASSET_DIR}/assessment-data.js": script.encode("utf-8")}
