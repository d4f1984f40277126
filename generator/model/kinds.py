"""The kinds of content, one row each; every stage reads this table.

A kind is a folder of YAML files in the playbook, one per entity, each published as
``<kind>/<id>.md`` beside an index page ``<kind>/index.md``. Loading, validation, the
navigation check, the page templates, the JSON Schemas, the ``new`` scaffolds and the
change report all go by these rows. Adding a kind (say ``metrics``) is one row here, a
model derived from :class:`~generator.model.content.Entity` and two templates
(``metric.md.j2`` and ``metrics-index.md.j2``).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.assessment import Assessment
from generator.model.content import Entity, Role, StartingPoint, Structure
from generator.model.decisions import DecisionMatrix
from generator.model.practice import Method, Metric


@dataclass(frozen=True)
class Kind:
    """One kind of entity and everything the stages need to know about it."""

    #: The folder in the playbook and in the site; its key under ``sections`` and in ``nav``.
    name: str
    model: type[Entity]
    #: The template of one entity's page; the index page uses ``<name>-index.md.j2``.
    template: str
    #: ``schema/<schema>.schema.json``; also the word ``cco-playbook new`` takes.
    schema: str
    #: The heading of this kind's part of the change report.
    title: str
    #: For ``cco-playbook new``: the YAML after the keys every entity has (None: no scaffold).
    scaffold: str | None = None

    @property
    def index_template(self) -> str:
        return f"{self.name}-index.md.j2"

    @property
    def index_page(self) -> str:
        return f"{self.name}/index.md"

    @property
    def words(self) -> str:
        """The kind's name as words in a sentence (``starting points``)."""
        return self.name.replace("-", " ")

    def page(self, entity_id: str) -> str:
        """The page of one entity of this kind (``roles/cco.md``)."""
        return f"{self.name}/{entity_id}.md"


KINDS: tuple[Kind, ...] = (
    Kind(
        "roles",
        Role,
        template="role.md.j2",
        schema="role",
        title="Roles",
        scaffold="""\
abbreviation: null
purpose: What this role is for, in one or two sentences.
accountabilities:
  - Something this role answers for.
not_this:
  - Something people mistake this role for.
fits_when:
  - A situation in which this role fits.
signals:
  - A sign that a company needs this role.
first_steps:
  - The first thing to do in this role.
""",
    ),
    Kind(
        "structures",
        Structure,
        template="structure.md.j2",
        schema="structure",
        title="Team structures",
        scaffold="""\
leader: staff
team: dedicated
description: How this structure works, in one or two sentences.
fits_when:
  - A situation in which this structure fits.
strengths:
  - What this structure does well.
tradeoffs:
  - What this structure costs.
first_steps:
  - The first thing to do to set it up.
""",
    ),
    Kind(
        "starting-points",
        StartingPoint,
        template="starting-point.md.j2",
        schema="starting-point",
        title="Starting points",
        scaffold="""\
kind: origin
definition: What this starting point is, in one or two sentences.
strengths:
  - What this starting point does well.
risks:
  - What can go wrong.
conditions:
  - What it needs to succeed.
first_steps:
  - The first thing to do.
""",
    ),
    Kind(
        "metrics",
        Metric,
        template="metric.md.j2",
        schema="metric",
        title="Metrics",
        scaffold="""\
abbreviation: null
category: retention-and-revenue
answers: The business question this metric answers, as a question?
formula: |
  **Metric = what you count ÷ what you compare it with × 100**
example: |
  Example: round numbers that show the formula at work.
collect: Where the data comes from, how often, and who produces it.
use_when:
  - A situation in which this metric is a good choice.
avoid_when:
  - A situation in which it misleads.
pitfalls:
  - A common way it goes wrong.
owner: roles/cco
contributors: []
""",
    ),
    Kind(
        "methods",
        Method,
        template="method.md.j2",
        schema="method",
        title="Methods",
        scaffold="""\
purpose: The problem this method solves, in one or two sentences.
use_when:
  - A situation in which this method is the right tool.
steps:
  - title: The first step, as an instruction
    text: What to do and why.
  - title: The next step
    text: What to do and why.
outputs:
  - What you have when it is done.
pitfalls:
  - A common way it goes wrong.
owner: roles/cco
contributors: []
""",
    ),
    Kind(
        "decision-rights",
        DecisionMatrix,
        template="decision-matrix.md.j2",
        schema="decision-rights",
        title="Decision rights",
    ),
    Kind(
        "assessments",
        Assessment,
        template="assessment.md.j2",
        schema="assessment",
        title="Assessments",
    ),
)
#: The kinds by name.
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
#: The kinds' names in table order.
KIND_NAMES: tuple[str, ...] = tuple(BY_NAME)
#: The kinds ``cco-playbook new`` writes a file for, by the word it takes.
SCAFFOLDS: dict[str, Kind] = {kind.schema: kind for kind in KINDS if kind.scaffold is not None}
