"""Decision rights: who is accountable, responsible, consulted and informed for each
customer decision, in each team structure.

The rows (decisions) and columns (parties) live once, in ``playbook/decisions.yml``; each
structure has a matrix (``playbook/decision-rights/<structure-id>.yml``) that assigns the
letters. A row's own rules (one accountable party, someone doing the work) are checked
here; whether its decisions and parties exist is checked against the catalogue in
:func:`check_matrices`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.errors import ContentError, KeyPath, suggestion
from generator.load import SourceFile
from generator.model.base import Model, Ref, Slug, Text
from generator.model.content import Entity

#: The letters of a matrix: accountable, responsible, both, consulted, informed.
Letter = Literal["A", "R", "AR", "C", "I"]
_ACCOUNTABLE = frozenset({"A", "AR"})
_RESPONSIBLE = frozenset({"R", "AR"})


class Party(Model):
    """A column: someone who takes part in customer decisions."""

    id: Slug
    title: str
    role: Ref | None = Field(default=None, description="The playbook role, when there is one.")


class Decision(Model):
    """A row: one customer decision."""

    id: Slug
    title: str
    description: Text
    related: list[Ref] = Field(default_factory=list)


class DecisionCatalogue(Model):
    """``playbook/decisions.yml``: the rows and columns every matrix uses."""

    intro: Text = Field(description="How to read the matrices: the letters and their use.")
    parties: list[Party] = Field(min_length=2)
    decisions: list[Decision] = Field(min_length=1)
    related: list[Ref] = Field(default_factory=list)


class DecisionMatrix(Entity):
    """One structure's matrix (``playbook/decision-rights/<structure-id>.yml``)."""

    structure: Ref = Field(description="The structure this matrix is for: structures/<id>.")
    matrix: dict[Slug, dict[Slug, Letter]] = Field(
        description="Decision id -> party id -> A, R, AR, C or I; a party left out has no part."
    )
    notes: dict[Slug, Text] = Field(
        default_factory=dict, description="Decision id -> why the row is set so."
    )

    def linked_from(self) -> list[Ref]:
        return [self.structure]


def check_matrices(
    matrices: list[tuple[DecisionMatrix, SourceFile]],
    catalogue: DecisionCatalogue | None,
    catalogue_file: str,
) -> list[ContentError]:
    """Each matrix against the catalogue and its structure, every error located."""
    errors: list[ContentError] = []
    if catalogue is None:
        for _, source in matrices[:1]:
            errors.append(
                source.error(
                    (),
                    f"decision-rights matrices need the catalogue {catalogue_file}",
                    "create it with the parties and decisions the matrices use",
                )
            )
        return errors
    decisions = [d.id for d in catalogue.decisions]
    parties = [p.id for p in catalogue.parties]
    for matrix, source in matrices:
        errors += _check_matrix(matrix, source, decisions, parties)
    return errors


def _check_matrix(
    matrix: DecisionMatrix, source: SourceFile, decisions: list[str], parties: list[str]
) -> list[ContentError]:
    errors: list[ContentError] = []
    if matrix.structure != f"structures/{matrix.id}":
        errors.append(
            source.error(
                ("structure",),
                f"a matrix is named after its structure: expected 'structures/{matrix.id}',"
                f" found '{matrix.structure}'",
                "name the file after the structure it is for",
            )
        )
    for decision, row in matrix.matrix.items():
        if decision not in decisions:
            errors.append(_unknown(source, ("matrix", decision), "decision", decision, decisions))
        errors += _row_rules(source, decision, row)
        for party in row:
            if party not in parties:
                errors.append(
                    _unknown(source, ("matrix", decision, party), "party", party, parties)
                )
    missing = [d for d in decisions if d not in matrix.matrix]
    if missing:
        errors.append(
            source.error(
                ("matrix",),
                f"no row for {', '.join(repr(d) for d in missing)}: every matrix decides"
                " every decision of the catalogue",
                "add the row; leave out the parties that have no part",
            )
        )
    for decision in matrix.notes:
        if decision not in decisions:
            errors.append(_unknown(source, ("notes", decision), "decision", decision, decisions))
    return errors


def _row_rules(source: SourceFile, decision: str, row: dict[str, Letter]) -> list[ContentError]:
    """One accountable party, and someone doing the work."""
    accountable = [party for party, letter in row.items() if letter in _ACCOUNTABLE]
    if len(accountable) != 1:
        found = ", ".join(accountable) if accountable else "none"
        return [
            source.error(
                ("matrix", decision),
                f"'{decision}' needs exactly one accountable party (A or AR), found {found}",
                "one person makes the final call: give the others R, C or I",
            )
        ]
    if not any(letter in _RESPONSIBLE for letter in row.values()):
        return [
            source.error(
                ("matrix", decision),
                f"'{decision}' has nobody responsible (R or AR)",
                "say who does the work: mark them R (or AR if the accountable party does it)",
            )
        ]
    return []


def _unknown(
    source: SourceFile, path: KeyPath, what: str, value: str, known: list[str]
) -> ContentError:
    return source.error(path, f"unknown {what} '{value}'", suggestion(value, known), key=True)
