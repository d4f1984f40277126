"""The practitioner kinds: metrics, methods and decision rights, each mistake located."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.playbook import check
from generator.render import render_site

MATRIX = "playbook/decision-rights/line-dedicated.yml"


def errors_of(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        check(project / "mkdocs.yml")
    return [str(e) for e in info.value.errors]


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "renewal: {ceo: I, cco: AR, sales: C}",
            "renewal: {ceo: A, cco: AR, sales: C}",
            f"{MATRIX}:6:12: matrix.renewal: 'renewal' needs exactly one accountable party"
            " (A or AR), found ceo, cco (one person makes the final call: give the others R,"
            " C or I)",
        ),
        (
            "budget: {ceo: A, cco: R, sales: I}",
            "budget: {ceo: A, cco: C, sales: I}",
            f"{MATRIX}:7:11: matrix.budget: 'budget' has nobody responsible (R or AR) (say who"
            " does the work: mark them R (or AR if the accountable party does it))",
        ),
        (
            "sales: C}",
            "saels: C}",
            f"{MATRIX}:6:30: matrix.renewal.saels: unknown party 'saels' (did you mean 'sales'?)",
        ),
        (
            "  renewal: {",
            "  renewel: {",
            f"{MATRIX}:6:3: matrix.renewel: unknown decision 'renewel' (did you mean 'renewal'?)",
        ),
        (
            "structure: structures/line-dedicated",
            "structure: structures/other",
            f"{MATRIX}:3:12: structure: a matrix is named after its structure: expected"
            " 'structures/line-dedicated', found 'structures/other' (name the file after the"
            " structure it is for)",
        ),
        (
            "  budget: {ceo: A, cco: R, sales: I}\n",
            "",
            f"{MATRIX}:6:3: matrix: no row for 'budget': every matrix decides every decision"
            " of the catalogue (add the row; leave out the parties that have no part)",
        ),
        (
            "sales: C}",
            "sales: X}",
            f"{MATRIX}:6:37: matrix.renewal.sales: 'X' is not allowed here (expected 'A', 'R',"
            " 'AR', 'C' or 'I')",
        ),
    ],
    ids=[
        "two-accountable",
        "nobody-responsible",
        "party",
        "decision",
        "structure",
        "row",
        "letter",
    ],
)
def test_a_broken_matrix_is_located(mini_project: Path, old: str, new: str, expected: str) -> None:
    edit(mini_project, MATRIX, old, new)
    errors = errors_of(mini_project)
    assert expected in errors, errors


def test_an_owner_must_be_a_role(mini_project: Path) -> None:
    edit(
        mini_project,
        "playbook/metrics/grr.yml",
        "owner: roles/cco",
        "owner: structures/line-dedicated",
    )
    assert errors_of(mini_project) == [
        "playbook/metrics/grr.yml:19:8: owner: 'structures/line-dedicated' is not a role:"
        " write a role reference such as 'roles/cco'"
    ]


def test_a_method_needs_two_steps(mini_project: Path) -> None:
    path = mini_project / "playbook" / "methods" / "journey-mapping.yml"
    text = path.read_text(encoding="utf-8")
    cut = text.index("  - title: Walk it with customers")
    path.write_text(text[:cut] + text[text.index("outputs:") :], encoding="utf-8")
    (error,) = errors_of(mini_project)
    assert error.startswith("playbook/methods/journey-mapping.yml:10:3: steps: ")
    assert "at least 2" in error


def test_matrices_need_the_catalogue(mini_project: Path) -> None:
    (mini_project / "playbook" / "decisions.yml").unlink()
    assert errors_of(mini_project) == [
        f"{MATRIX}:1:1: decision-rights matrices need the catalogue playbook/decisions.yml"
        " (create it with the parties and decisions the matrices use)"
    ]


def test_owners_and_structures_list_what_they_own_or_govern(mini_project: Path) -> None:
    pages = render_site(check(mini_project / "mkdocs.yml")).pages
    assert "- [Gross revenue retention](../metrics/grr.md)" in pages["roles/ceo.md"]
    assert "- [Journey mapping](../methods/journey-mapping.md)" in pages["roles/cco.md"]
    assert (
        "- [Line leader, dedicated team: who decides what](../decision-rights/line-dedicated.md)"
        in pages["structures/line-dedicated.md"]
    )
    matrix = pages["decision-rights/line-dedicated.md"]
    assert "| [Own renewal](index.md#renewal) | I | AR | C |" in matrix
    assert "| [Set the customer budget](index.md#budget) | A | R | I |" in matrix
    assert "### Own renewal {: #renewal }" in pages["decision-rights/index.md"]
