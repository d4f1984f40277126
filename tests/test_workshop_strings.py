"""Every word of the workshop view comes from the strings files, in English and German."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.group_files import MESSAGES

STATIC = Path(__file__).resolve().parent.parent / "generator" / "static"
STRINGS = Path(__file__).resolve().parent.parent / "generator" / "strings"
SCRIPTS = [
    "assessment-workshop.js",
    "assessment-workshop-view.js",
    "assessment-workshop-pack.js",
    "assessment-facilitator.js",
]
# Keys put together at run time: a skip reason, a trend arrow, a step of the guide.
BUILT = {
    "workshop_skip_": list(MESSAGES),
    "workshop_trend_": ["up", "down", "steady"],
    "workshop_collect_": ["1", "2", "3", "4", "5"],
}


def named_keys() -> set[str]:
    text = "\n".join((STATIC / name).read_text(encoding="utf-8") for name in SCRIPTS)
    keys = set(
        re.findall(r"""["'](workshop|(?:workshop|share|compare|csv)_[a-z_0-9]+)["']""", text)
    )
    for prefix, endings in BUILT.items():
        assert prefix in keys or any(k.startswith(prefix) for k in keys)
        keys.discard(prefix)
        keys |= {prefix + ending for ending in endings}
    return keys


def test_every_key_the_workshop_names_exists_in_every_language() -> None:
    keys = named_keys()
    for language in ("en", "de"):
        strings = yaml.safe_load((STRINGS / f"{language}.yml").read_text(encoding="utf-8"))
        assert keys - set(strings) == set(), language
        unused = {k for k in strings if k.startswith("workshop") and k not in keys}
        assert unused == set(), language


def test_the_page_and_aggregate_know_the_same_skip_reasons() -> None:
    files = (STATIC / "assessment-group-files.js").read_text(encoding="utf-8")
    found = re.findall(r"""skip\([^,]+, (?:[\w.]+ \? )?"([a-z_]+)"(?: : "([a-z_]+)")?""", files)
    assert {reason for pair in found for reason in pair if reason} == set(MESSAGES)
