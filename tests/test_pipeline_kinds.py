"""The table of content kinds is the one place every stage reads."""

from __future__ import annotations

from importlib import resources

import pytest

from generator.contrib.schema import SCHEMAS, schema_name_for
from generator.model import KINDS, Entity, Kind, Ref
from generator.model.kinds import SCAFFOLDS
from generator.model.playbook import PlaybookInfo

TEMPLATES = resources.files("generator").joinpath("templates")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_has_its_model_templates_schema_and_links(kind: Kind) -> None:
    assert issubclass(kind.model, Entity)
    assert TEMPLATES.joinpath(kind.template).is_file()
    assert TEMPLATES.joinpath(kind.index_template).is_file()
    assert SCHEMAS[kind.schema] is kind.model
    assert schema_name_for(f"{kind.name}/x.yml") == kind.schema
    assert Ref(f"{kind.name}/some-id").target == kind.page("some-id")


def test_sections_accept_exactly_the_kinds() -> None:
    section = {"title": "T", "intro": "I"}
    info = {"id": "p", "title": "P", "version": "1", "description": "D", "nav": []}
    valid = PlaybookInfo.model_validate({**info, "sections": {k.name: section for k in KINDS}})
    assert set(valid.sections) == {k.name for k in KINDS}
    with pytest.raises(ValueError, match="metrics"):
        PlaybookInfo.model_validate({**info, "sections": {"metric-list": section}})


def test_new_scaffolds_every_kind_that_has_one() -> None:
    assert set(SCAFFOLDS) == {k.schema for k in KINDS if k.scaffold is not None}
    assert {"role", "structure", "starting-point"} <= set(SCAFFOLDS)
