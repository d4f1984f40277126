"""The Python reference of the scoring definition, and the browser's assessment data.

The same definition is implemented in ``static/assessment.js``; a test proves the
two agree on generated answer sets. Keep them in step.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.model import Assessment, Playbook
from generator.render import ASSET_DIR


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


def assessment_data(playbook: Playbook) -> dict[str, Any]:
    """What the browser needs to score every assessment: ids, points, weights, bands."""
    data: dict[str, Any] = {}
    for item in playbook.assessments:
        a = item.model
        data[a.id] = {
            "id": a.id,
            "version": a.version,
            "style": a.style,
            "targets": [
                {"id": t.id, "title": t.title, "weight": getattr(t, "weight", 1)}
                for t in (a.dimensions or a.outcomes)
            ],
            "questions": [
                {
                    "id": q.id,
                    "choices": [
                        {
                            "id": c.id,
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
    """The generated script that hands the assessment data to the page."""
    if not playbook.assessments:
        return {}
    payload = json.dumps(
        {
            "playbook": playbook.info.model.id,
            "brand": playbook.brand.model.name,
            "assessments": assessment_data(playbook),
        },
        ensure_ascii=True,
        sort_keys=True,
        separators=(",", ":"),
    ).replace("</", "<\\/")
    script = f"window.ccoPlaybookData = {payload};\n"
    return {f"{ASSET_DIR}/assessment-data.js": script.encode("utf-8")}
