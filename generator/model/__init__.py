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
from generator.model.base import Ref, Slug, Text
from generator.model.brand import Brand
from generator.model.content import Entity, Factors, Glossary, Role, StartingPoint, Structure
from generator.model.kinds import KINDS, Kind
from generator.model.playbook import Item, Playbook, PlaybookInfo

__all__ = [
    "KINDS",
    "Action",
    "Assessment",
    "Axis",
    "Brand",
    "Choice",
    "Conditions",
    "Dimension",
    "Entity",
    "Factors",
    "Glossary",
    "Item",
    "Kind",
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
]
