"""What pointed at a hidden item, resolved: a hidden item leaves no trace and no gap.

A link inside a text keeps its words and loses its target; a related page drops out of
its list; an item of a list whose own link points at a hidden page (an outcome, an
action, a recommendation, a metric's contributor) goes with it; a page whose one link
points at a hidden page (a decision matrix's structure, a metric's owner) is hidden too.
In an assessment a hidden outcome leaves the points, exclusions, plans and cross-check
that name it, and a hidden question leaves the conditions that read its answer. What
cannot be resolved this way is left for validation to report, at the line that hid it.
"""

from __future__ import annotations

import re
from typing import Any

from generator.model.base import Ref, Text, internal_link
from generator.model.texts import step
from generator.model.validate import options

_MARKDOWN_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)


def page_of(ref: str) -> str:
    """The page a reference names, as hides name it: ``roles/cco`` or ``why-a-cco.md``."""
    target = Ref(ref).target if Ref.pattern.fullmatch(ref) else ref.split("#", 1)[0]
    return target.removesuffix(".md") if "/" in target else target


def is_ref(annotation: Any) -> bool:
    return any(option is Ref for option in options(annotation))


def is_markdown(annotation: Any) -> bool:
    return any(option is Text for option in options(annotation))


def unlink(text: str, hidden: frozenset[str]) -> str:
    """``text`` with every Markdown link to a hidden page replaced by its words."""

    def swap(m: re.Match[str]) -> str:
        ref = internal_link(m.group(3))
        if m.group(1) or ref is None or page_of(ref) not in hidden:
            return m.group(0)
        return m.group(2)

    return _MARKDOWN_LINK.sub(swap, text)


class Pruned(Exception):
    """The whole item points at a hidden page: it is hidden with it."""

    def __init__(self, ref: str) -> None:
        super().__init__(ref)
        self.ref = ref


def prune(value: Any, annotation: Any, hidden: frozenset[str]) -> Any:
    """``value`` with every reference to a hidden page resolved (see the module)."""
    if isinstance(value, dict):
        result = {}
        for key, child in value.items():
            inner = step(annotation, key)
            if isinstance(child, str) and is_ref(inner) and page_of(child) in hidden:
                raise Pruned(child)
            result[key] = prune(child, inner, hidden)
        return result
    if isinstance(value, list):
        kept = []
        for i, child in enumerate(value):
            inner = step(annotation, i)
            if isinstance(child, str) and is_ref(inner) and page_of(child) in hidden:
                continue
            try:
                kept.append(prune(child, inner, hidden))
            except Pruned:
                continue
        return kept
    if isinstance(value, str) and is_markdown(annotation) and hidden:
        return unlink(value, hidden)
    return value


def first_hidden_ref(data: Any, model: Any, hidden: frozenset[str]) -> str | None:
    """The hidden page a whole item's own link names (then it is hidden too), if any."""
    if not isinstance(data, dict):
        return None
    for key, child in data.items():
        if isinstance(child, str) and is_ref(step(model, key)) and page_of(child) in hidden:
            return child
    return None


def prune_assessment(
    data: dict[str, Any], outcomes: set[str], questions: set[str], hidden: frozenset[str]
) -> None:
    """Take hidden outcomes and questions out of everything in an assessment that names
    them (in place): points, exclusions, plan actions, conditions and the cross-check."""
    gone_outcomes = outcomes | {
        str(o.get("id"))
        for o in _dicts(data.get("outcomes"))
        if isinstance(o.get("link"), str) and page_of(o["link"]) in hidden
    }
    data["outcomes"] = [o for o in _dicts(data.get("outcomes")) if o.get("id") not in gone_outcomes]
    for question in _dicts(data.get("questions")):
        for choice in _dicts(question.get("choices")):
            points = choice.get("points")
            if isinstance(points, dict):
                choice["points"] = {k: v for k, v in points.items() if k not in gone_outcomes}
            if isinstance(choice.get("excludes"), list):
                choice["excludes"] = [o for o in choice["excludes"] if o not in gone_outcomes]
    actions = []
    for action in _dicts(data.get("actions")):
        named = action.get("outcomes")
        if isinstance(named, list) and named:
            left = [o for o in named if o not in gone_outcomes]
            if not left:
                continue
            action["outcomes"] = left
        _drop_answers(action.get("when"), questions)
        actions.append(action)
    if "actions" in data:
        data["actions"] = actions
    for verdict in _dicts(data.get("verdicts")):
        _drop_answers(verdict.get("when"), questions)
        _drop_answers(verdict.get("why"), questions)
    check = data.get("cross_check")
    if isinstance(check, dict) and isinstance(check.get("verdicts"), dict):
        check["verdicts"] = {k: v for k, v in check["verdicts"].items() if v not in gone_outcomes}


def _drop_answers(conditions: Any, questions: set[str]) -> None:
    if isinstance(conditions, dict) and isinstance(conditions.get("answers"), dict):
        answers = conditions["answers"]
        conditions["answers"] = {k: v for k, v in answers.items() if k not in questions}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
