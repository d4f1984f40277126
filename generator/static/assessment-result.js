/* cco-playbook self-assessment: the result, drawn from a score (DOM, no state).
 *
 * Readiness-style: the verdict first, in plain words, with the answers that decided it
 * (or the questions still needed for one), then the staged plan, the scores and what
 * to read next. Fit-style: each group ranked on its own with its reasons, the options
 * the answers ruled out, a cross-check with the reader's readiness result, the plan.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.explain || !api.view || api.Result) return;
  var own = api.scoring.own;
  var byId = api.explain.byId;
  var el = api.view.el;

  /* page: {spec, t, blocks} -- the assessment, its words and its rendered content. */
  function Result(page) {
    this.spec = page.spec;
    this.t = page.t;
    this.blocks = page.blocks;
  }

  Result.prototype.number = function (questionId) {
    for (var i = 0; i < this.spec.questions.length; i += 1) {
      if (this.spec.questions[i].id === questionId) return i + 1;
    }
    return 0;
  };

  /* "3. Someone sets the goals — “No”": the question, linked, and the answer given. */
  Result.prototype.answerItem = function (questionId, answers) {
    var question = byId(this.spec.questions, questionId);
    var choice = byId(question.choices, answers[questionId]);
    var li = el("li");
    li.appendChild(api.view.questionLink(question, this.number(questionId)));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "cco-result__answer", this.t("your_answer", { answer: choice ? choice.label : "" })));
    return li;
  };

  Result.prototype.questionList = function (ids, answers, className) {
    var self = this;
    var list = el("ul", className);
    ids.forEach(function (id) {
      if (own(answers, id)) list.appendChild(self.answerItem(id, answers));
      else list.appendChild(el("li")).appendChild(api.view.questionLink(byId(self.spec.questions, id), self.number(id)));
    });
    return list;
  };

  Result.prototype.heading = function (parent, key, level) {
    return parent.appendChild(el(level || "h3", null, this.t(key)));
  };

  /* The readiness verdict with its reasons, or what is still needed for one. */
  Result.prototype.verdict = function (section, result, answers) {
    if (result.verdict === null) {
      var needed = api.explain.missing(this.spec, result, answers);
      var note = section.appendChild(el("div", "cco-result__missing"));
      note.appendChild(el("p", "cco-result__verdict", this.t("no_verdict")));
      note.appendChild(el("p", null, this.t(needed.length ? "verdict_missing" : "verdict_open")));
      if (needed.length) note.appendChild(this.questionList(needed, answers, "cco-result__needed"));
      return this.t("no_verdict");
    }
    var verdict = byId(this.spec.verdicts, result.verdict);
    var box = section.appendChild(el("div", "cco-result__decision"));
    box.setAttribute("data-verdict", verdict.id);
    box.appendChild(el("p", "cco-result__verdict", verdict.title));
    var summary = this.blocks.clone("verdict-" + verdict.id, "div", "cco-result__summary");
    if (summary) box.appendChild(summary);
    var decided = api.explain.decisive(this.spec, result, answers);
    if (decided.length) {
      box.appendChild(el("p", "cco-result__why-heading", this.t("why_heading")));
      box.appendChild(this.questionList(decided, answers, "cco-result__why"));
    }
    return verdict.title;
  };

  Result.prototype.plan = function (section, result) {
    var self = this;
    var stages = api.explain.stages(this.spec, result);
    if (!stages.length) return;
    this.heading(section, "actions_heading");
    var wrapper = section.appendChild(el("div", "cco-plan"));
    stages.forEach(function (stage) {
      wrapper.appendChild(el("h4", "cco-plan__stage", self.t("stage_" + stage.stage)));
      var list = wrapper.appendChild(el("ol", "cco-plan__actions"));
      stage.actions.forEach(function (id) {
        var item = self.blocks.clone("action-" + id, "li", "cco-plan__action");
        if (item) {
          item.setAttribute("data-action", id);
          list.appendChild(item);
        }
      });
    });
  };

  /* One chart and one table: axes first (they carry the verdict), then dimensions. */
  Result.prototype.scores = function (section, result) {
    var self = this, spec = this.spec;
    var rows = [], cells = [];
    spec.axes.forEach(function (axis) {
      rows.push({ title: axis.title, score: result.axes[axis.id], strong: true });
      cells.push([axis.title, self.shown(result.axes[axis.id]), self.t("counts_verdict")]);
    });
    spec.targets.forEach(function (t) {
      var score = result.scores[t.id];
      rows.push({ title: t.title, score: score, strong: false });
      cells.push([t.title, self.shown(score), self.countsTowards(t)]);
    });
    this.heading(section, "scores_heading");
    section.appendChild(api.view.bars(rows, this.t("not_scored")));
    section.appendChild(api.view.table(this.t("scores_caption"),
      [this.t("col_measure"), this.t("col_score"), this.t(spec.style === "fit" ? "col_group" : "col_counts")],
      cells));
  };

  Result.prototype.shown = function (score) {
    return score === null ? this.t("not_scored") : String(score);
  };

  Result.prototype.countsTowards = function (target) {
    var self = this;
    if (target.group !== null) {
      var group = byId(this.spec.groups, target.group);
      return group ? group.title : "";
    }
    return this.spec.axes.filter(function (axis) {
      return axis.dimensions.some(function (pair) { return pair[0] === target.id; });
    }).map(function (axis) {
      var weight = axis.dimensions.filter(function (pair) { return pair[0] === target.id; })[0][1];
      return self.t("weight_in", { axis: axis.title, weight: weight });
    }).join("; ");
  };

  /* Fit: each group ranked on its own, with reasons; then what the answers ruled out. */
  Result.prototype.groups = function (section, result, answers) {
    var self = this, spec = this.spec, firsts = [];
    spec.groups.forEach(function (group) {
      var ranked = (result.ranking[group.id] || []).filter(function (id) { return result.scores[id] !== null; });
      var part = section.appendChild(el("section", "cco-result__group"));
      part.setAttribute("data-group", group.id);
      part.appendChild(el("h3", null, group.title));
      if (!ranked.length) {
        part.appendChild(el("p", "cco-result__missing", self.t("group_missing")));
      } else {
        firsts.push(byId(spec.targets, ranked[0]).title);
        var list = part.appendChild(el("ol", "cco-result__ranking"));
        ranked.forEach(function (id) { list.appendChild(self.option(id, result, answers)); });
      }
      var out = spec.targets.filter(function (t) { return t.group === group.id && own(result.excluded, t.id); });
      if (out.length) {
        part.appendChild(el("p", "cco-result__out-heading", self.t("ruled_out_heading")));
        var ruled = part.appendChild(el("ul", "cco-result__excluded"));
        out.forEach(function (t) { ruled.appendChild(self.ruledOut(t.id, result, answers)); });
      }
    });
    var needed = api.explain.missing(spec, result, answers);
    if (needed.length) {
      section.appendChild(el("p", null, this.t("fit_missing")));
      section.appendChild(this.questionList(needed, answers, "cco-result__needed"));
    }
    return firsts.length ? this.t("best_fit", { title: firsts.join("; ") }) : this.t("no_ranking");
  };

  Result.prototype.option = function (id, result, answers) {
    var li = el("li", "cco-result__option");
    li.setAttribute("data-outcome", id);
    var head = this.blocks.clone("outcome-" + id, "div", "cco-result__option-title");
    if (head) li.appendChild(head);
    li.appendChild(el("span", "cco-result__score", this.t("fit_score", { score: result.scores[id] })));
    var reasons = result.reasons[id] || [];
    if (reasons.length) {
      li.appendChild(el("span", "cco-result__because", this.t("because")));
      li.appendChild(this.questionList(reasons, answers, "cco-result__reasons"));
    }
    return li;
  };

  Result.prototype.ruledOut = function (id, result, answers) {
    var li = el("li");
    li.setAttribute("data-excluded", id);
    li.appendChild(el("span", null, byId(this.spec.targets, id).title + " "));
    li.appendChild(el("span", "cco-result__because", this.t("ruled_out_by")));
    li.appendChild(this.questionList(result.excluded[id], answers, "cco-result__reasons"));
    return li;
  };

  /* How the reader's stored readiness result reads against this ranking. */
  Result.prototype.crossCheck = function (section, result, other) {
    var found = api.explain.crossCheck(this.spec, result, other);
    if (found === null) return;
    var otherSpec = api.scoring.findAssessment(this.spec.crossCheck.assessment);
    var verdict = byId(otherSpec.verdicts, found.verdict);
    var option = found.outcome === null ? null : byId(this.spec.targets, found.outcome);
    var box = section.appendChild(el("div", "cco-result__cross"));
    box.setAttribute("data-cross-check", found.standing);
    box.appendChild(el("p", "cco-result__why-heading", this.t("cross_heading")));
    box.appendChild(el("p", null, this.t("cross_" + found.standing, {
      assessment: otherSpec.title, verdict: verdict ? verdict.title : found.verdict,
      option: option ? option.title : "", place: found.place
    })));
  };

  /* "Read next": the verdict's recommendations, or the first option of each group;
   * every entry a described link. */
  Result.prototype.readNext = function (section, result) {
    var self = this, items = [];
    if (result.verdict !== null) items = this.blocks.items("read-" + result.verdict);
    this.spec.groups.forEach(function (group) {
      var first = (result.ranking[group.id] || [])[0];
      if (first !== undefined && result.scores[first] !== null) {
        var li = self.blocks.clone("outcome-" + first, "li");
        if (li) items.push(li);
      }
    });
    if (!items.length) return;
    this.heading(section, "recommendations_heading");
    var list = section.appendChild(el("ul", "cco-result__links"));
    items.forEach(function (li) { list.appendChild(li); });
  };

  /* The whole result section; returns it with the words for the live region. */
  Result.prototype.render = function (result, answers, other) {
    var section = el("section", "cco-result");
    section.setAttribute("data-assessment-result", "");
    section.tabIndex = -1;
    var heading = section.appendChild(el("h2", "cco-result__heading", this.t("result_heading")));
    heading.id = "cco-result-" + this.spec.id;
    section.setAttribute("aria-labelledby", heading.id);
    var said = this.spec.style === "fit" ? "" : this.verdict(section, result, answers);
    var answered = this.t("answered", { answered: result.answered, total: result.total });
    section.appendChild(el("p", "cco-result__answered", answered));
    if (this.spec.style === "fit") {
      var headline = section.insertBefore(el("p", "cco-result__verdict"), section.lastChild);
      this.crossCheck(section, result, other);
      said = this.groups(section, result, answers);
      headline.textContent = said;
    }
    this.plan(section, result);
    this.scores(section, result);
    this.readNext(section, result);
    var contact = this.blocks.clone("contact", "div", "cco-result__contact");
    if (contact) {
      this.heading(section, "contact_heading");
      section.appendChild(contact);
    }
    return { section: section, said: said + " " + answered };
  };

  api.Result = Result;
})();
