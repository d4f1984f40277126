"""An assessment as a worksheet to fill in and score on paper (the PDF's version of it).

Every question with its choices and their points, then a scoring grid: the rows to add
up, their lowest and highest totals, the axes and their weights, and the verdicts with
their conditions in words (readiness), or the options to rank per group (fit). A
workshop can reach the same result as the page without a computer.
"""

from __future__ import annotations

import html

import markdown  # type: ignore[import-untyped]

from generator.model.assessment import Assessment, Choice, Conditions, Question
from generator.render import resolve_links
from generator.scoring import default_minimum
from generator.ui_strings import fill

WORKSHEET_CSS = """
.print-worksheet fieldset { border: 1px solid #999; border-radius: 2mm; margin: 0 0 4mm;
  padding: 2mm 4mm; break-inside: avoid; }
.print-worksheet ul.print-choices { list-style: none; padding-left: 0; margin: 1mm 0; }
.md-typeset .print-worksheet ul.print-choices li { margin: 0 0 1mm; }
.print-worksheet ul.print-choices li::before { content: "\\2610\\00a0\\00a0"; font-size: 13pt; }
.print-worksheet .print-points, .print-worksheet .print-counts { color: #555; font-size: 9pt; }
/* Prefixed to outweigh Material's table rules, whose minimum column widths would make
   the grids wider than A4, and Chromium would then shrink every page to fit them. */
.md-typeset .print-worksheet table { display: table; width: 100%; border-collapse: collapse;
  break-inside: avoid; font-size: 9.5pt; }
.md-typeset .print-worksheet table th, .md-typeset .print-worksheet table td {
  min-width: 0; border: 1px solid #999; padding: 1.5mm 2mm; vertical-align: top;
  text-align: left; }
.md-typeset .print-worksheet table tbody th { width: 28%; }
.md-typeset .print-worksheet table td.print-blank { min-width: 14mm; }
.md-typeset .print-worksheet table.print-fields th { width: 12%; }
.md-typeset .print-worksheet table.print-fields td { height: 9mm; width: 38%; }
.print-worksheet p:has(+ table) { break-after: avoid; }
/* Notes get a sheet of their own: a box squeezed under the grid, or pushed alone onto a
   nearly empty page, would serve a workshop less well than a full page. */
.print-worksheet :is(h2, h3, h4):has(+ .print-notes) { break-before: page; }
.print-worksheet .print-notes { border: 1px solid #999; height: 215mm; break-inside: avoid; }
"""


def _markdown(text: str | None, page: str) -> str:
    if not text:
        return ""
    return str(markdown.markdown(resolve_links(str(text), page), extensions=["attr_list"]))


def _inline(text: str, page: str) -> str:
    return _markdown(text, page).removeprefix("<p>").removesuffix("</p>")


class _Sheet:
    """One assessment's worksheet, in the words of one language."""

    def __init__(self, assessment: Assessment, page: str, ui: dict[str, str]) -> None:
        self.a = assessment
        self.page = page.removesuffix(".html") + ".md"
        self.ui = ui
        self.numbers = {q.id: n for n, q in enumerate(assessment.questions, start=1)}
        self.titles = {d.id: d.title for d in assessment.dimensions}
        self.titles |= {o.id: o.title for o in assessment.outcomes}
        self.titles |= {x.id: x.title for x in assessment.axes}

    def t(self, key: str, **values: object) -> str:
        return html.escape(fill(self.ui[key], **{k: str(v) for k, v in values.items()}))

    def points(self, question: Question, choice: Choice) -> str:
        if choice.not_applicable:
            return self.t("print_no_points")
        given = self.a.points_of(question, choice)
        if not given:
            return ""
        if len(given) == 1 and question.dimension in given:
            return str(given[question.dimension])
        return ", ".join(f"{html.escape(self.titles[t])} {p:+d}" for t, p in given.items())

    def question(self, question: Question) -> str:
        items = []
        for choice in self.a.choices_of(question):
            notes = [self.points(question, choice)]
            if choice.excludes:
                names = ", ".join(html.escape(self.titles[o]) for o in choice.excludes)
                notes.append(self.t("print_rules_out", options=names))
            shown = "; ".join(n for n in notes if n)
            extra = f' <span class="print-points">({shown})</span>' if shown else ""
            items.append(f"<li>{html.escape(choice.label)}{extra}</li>")
        targets = sorted(
            {t for c in self.a.choices_of(question) for t in self.a.points_of(question, c)},
            key=list(self.titles).index,
        )
        counts = (
            f'<p class="print-counts">'
            f"{self.t('print_counts', targets=', '.join(self.titles[t] for t in targets))}</p>"
            if targets
            else ""
        )
        return (
            f'<fieldset id="{html.escape(question.id)}"><p><strong>'
            f"{self.numbers[question.id]}.</strong> {_inline(question.text, self.page)}</p>"
            f'<ul class="print-choices">{"".join(items)}</ul>{counts}</fieldset>'
        )

    def questions(self) -> str:
        parts = {p.id: p for p in self.a.parts}
        out: list[str] = []
        previous: str | None = None
        for question in self.a.questions:
            if question.part is not None and question.part != previous:
                part = parts[question.part]
                out.append(f"<h2>{html.escape(part.title)}</h2>")
                out.append(_markdown(part.intro, self.page))
            previous = question.part
            out.append(self.question(question))
        return "".join(out)

    def totals(self, target: str) -> tuple[list[int], int, int]:
        """The questions that score ``target``, and its lowest and highest total."""
        numbers: list[int] = []
        lo = hi = 0
        for question in self.a.questions:
            scored = [
                self.a.points_of(question, c)
                for c in self.a.choices_of(question)
                if not c.not_applicable
            ]
            if not any(target in p for p in scored):
                continue
            values = [p.get(target, 0) for p in scored]
            numbers.append(self.numbers[question.id])
            lo, hi = lo + min(values), hi + max(values)
        return numbers, lo, hi

    def grid(self, targets: list[tuple[str, int | None]], *, rank: bool) -> str:
        head = [
            "print_col_option" if rank else "print_col_dimension",
            "print_col_questions",
            "print_col_needs",
            "print_col_lowest",
            "print_col_highest",
            "print_col_points",
            "print_col_score",
        ] + (["print_col_rank"] if rank else [])
        rows = []
        for target, minimum in targets:
            numbers, lo, hi = self.totals(target)
            needs = default_minimum(len(numbers)) if minimum is None else minimum
            blanks = '<td class="print-blank"></td>' * (3 if rank else 2)
            rows.append(
                f"<tr><th>{html.escape(self.titles[target])}</th>"
                f"<td>{', '.join(map(str, numbers))}</td>"
                f"<td>{self.t('print_answers', count=needs)}</td><td>{lo}</td><td>{hi}</td>"
                f"{blanks}</tr>"
            )
        return _table(head, rows, self)

    def axes(self) -> str:
        rows = []
        for axis in self.a.axes:
            weights = ", ".join(
                f"{html.escape(self.titles[d])} × {w}" for d, w in axis.dimensions.items()
            )
            needs = len(axis.dimensions) if axis.minimum is None else axis.minimum
            rows.append(
                f"<tr><th>{html.escape(axis.title)}</th><td>{weights}</td>"
                f"<td>{self.t('print_dimensions_needed', count=needs)}</td>"
                '<td class="print-blank"></td></tr>'
            )
        head = ["print_col_axis", "print_col_weights", "print_col_needs", "print_col_score"]
        return _table(head, rows, self)

    def conditions(self, conditions: Conditions) -> str:
        parts = []
        for score_id, wanted in conditions.scores.items():
            name = self.titles[score_id]
            if wanted.min > 0 and wanted.max < 100:
                parts.append(self.t("print_between", score=name, min=wanted.min, max=wanted.max))
            elif wanted.min > 0:
                parts.append(self.t("print_at_least", score=name, min=wanted.min))
            elif wanted.max < 100:
                parts.append(self.t("print_at_most", score=name, max=wanted.max))
            else:
                parts.append(self.t("print_worked_out", score=name))
        questions = {q.id: q for q in self.a.questions}
        for question_id, allowed in conditions.answers.items():
            labels = {c.id: c.label for c in self.a.choices_of(questions[question_id])}
            choices = self.ui["print_or"].join(f"“{labels[c]}”" for c in allowed)
            parts.append(
                self.t("print_answer_is", number=self.numbers[question_id], choices=choices)
            )
        return html.escape(self.ui["print_and"]).join(parts)

    def verdicts(self) -> str:
        rows = [
            f"<tr><td>{n}</td><th>{html.escape(v.title)}</th><td>{self.conditions(v.when)}</td></tr>"
            for n, v in enumerate(self.a.verdicts, start=1)
        ]
        return _table(["", "print_col_verdict", "print_col_when"], rows, self)

    def scoring(self) -> str:
        out = [f"<h2>{self.t('print_scoring_heading')}</h2>"]
        if self.a.dimensions:
            out.append(f"<p>{self.t('print_dimensions_step')}</p>")
            out.append(self.grid([(d.id, d.minimum) for d in self.a.dimensions], rank=False))
        if self.a.axes:
            out.append(f"<p>{self.t('print_axes_step')}</p>{self.axes()}")
        if self.a.verdicts:
            out.append(f"<p>{self.t('print_verdicts_step')}</p>{self.verdicts()}")
        if self.a.outcomes:
            out.append(f"<p>{self.t('print_dimensions_step')}</p>")
            out.append(f"<p>{self.t('print_ranking_step')}</p>")
            for group in self.a.groups:
                members = [(o.id, o.minimum) for o in self.a.outcomes if o.group == group.id]
                out.append(f"<h3>{html.escape(group.title)}</h3>{self.grid(members, rank=True)}")
        return "".join(out)


def _table(head: list[str], rows: list[str], sheet: _Sheet) -> str:
    cells = "".join(f"<th>{sheet.t(key) if key else ''}</th>" for key in head)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def worksheet(assessment: Assessment, page: str, ui: dict[str, str]) -> str:
    """An assessment as a worksheet to fill in and score on paper."""
    sheet = _Sheet(assessment, page, ui)
    fields = (
        f'<table class="print-fields"><tr><th>{sheet.t("print_name")}</th><td></td>'
        f"<th>{sheet.t('print_date')}</th><td></td></tr></table>"
    )
    parts = [
        f'<h1 id="top">{html.escape(assessment.title)}</h1>',
        _markdown(assessment.summary, sheet.page),
        _markdown(assessment.intro, sheet.page),
        f"<p><em>{sheet.t('print_worksheet_hint')}</em></p>",
        fields,
        sheet.questions(),
        sheet.scoring(),
        f'<h2>{sheet.t("print_notes")}</h2><div class="print-notes"></div>',
    ]
    return f'<div class="print-worksheet">{"".join(parts)}</div>'
