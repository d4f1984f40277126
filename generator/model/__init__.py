"""Stage 2: typed content models and the validation of a whole playbook."""

from generator.model.assessment import Assessment, Band, Choice, Dimension, Outcome, Question
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
from generator.model.playbook import Item, Playbook

__all__ = [
    "KINDS",
    "Assessment",
    "Band",
    "Brand",
    "Choice",
    "Dimension",
    "Factors",
    "Glossary",
    "Item",
    "Outcome",
    "Playbook",
    "PlaybookInfo",
    "Question",
    "Ref",
    "Role",
    "Slug",
    "StartingPoint",
    "Structure",
    "Text",
]
