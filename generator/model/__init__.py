"""Stage 2: typed content models and the validation of a whole playbook."""

from generator.model.assessment import (
    Action,
    Assessment,
    Axis,
    Choice,
    Conditions,
    Dimension,
    Outcome,
    OutcomeGroup,
    Question,
    Verdict,
)
from generator.model.base import KINDS, Ref, Slug, Text
from generator.model.brand import Brand
from generator.model.content import (
    Factors,
    Glossary,
    PlaybookInfo,
    Role,
    StartingPoint,
    Structure,
)
from generator.model.project import Item, Playbook, load_playbook

__all__ = [
    "KINDS",
    "Action",
    "Assessment",
    "Axis",
    "Brand",
    "Choice",
    "Conditions",
    "Dimension",
    "Factors",
    "Glossary",
    "Item",
    "Outcome",
    "OutcomeGroup",
    "Playbook",
    "PlaybookInfo",
    "Question",
    "Ref",
    "Role",
    "Slug",
    "StartingPoint",
    "Structure",
    "Text",
    "Verdict",
    "load_playbook",
]
