/* cco-playbook workshop: the group result drawn on the page (summary, chart, tables).
 *
 * Draws what assessment-group.js computed; every text goes in through textContent.
 * Names appear only in the respondents' table, and only with anonymity off. Colour is
 * never the only cue: each answer's segment carries a pattern and its count, and the
 * same numbers are in a table.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.group || !api.view || api.WorkshopView) return;
  var el = api.view.el, byId = function (list, id) { return api.explain.byId(list, id); };
  var seriesClass = api.view.series;

  function WorkshopView(workshop) {
    this.w = workshop;
    this.spec = workshop.spec;
    this.t = workshop.t;
  }

  WorkshopView.prototype.choiceLabel = function (question, id) {
    var choice = byId(question.choices, id);
    return choice ? choice.label : this.t("workshop_no_answer");
  };

  /* A stacked bar of a question's answers: one patterned segment per choice given, each
   * with its count, then the same counts as words. */
  WorkshopView.prototype.distribution = function (question, summary, big) {
    var self = this;
    var box = el("div", "cco-dist" + (big ? " cco-dist--big" : ""));
    var bar = box.appendChild(el("div", "cco-dist__bar"));
    bar.setAttribute("aria-hidden", "true");
    var words = box.appendChild(el("ul", "cco-dist__legend"));
    var scale = 0;
    question.choices.forEach(function (c) {
      var count = summary.counts[c.id] || 0;
      var cls = c.na ? "cco-series--na" : seriesClass(scale);
      if (!c.na) scale += 1;
      var item = words.appendChild(el("li", "cco-dist__item" + (c.id === summary.median ? " cco-dist__item--median" : "")));
      item.setAttribute("data-choice", c.id);
      item.appendChild(el("span", "cco-swatch " + cls));
      item.appendChild(el("span", null, self.t("workshop_answer_count", { answer: c.label, count: count })));
      if (!count) return;
      var part = bar.appendChild(el("span", "cco-dist__part " + cls));
      part.style.flexGrow = String(count);
      // On a chip of the page's own colours: readable on any series colour or pattern.
      part.appendChild(el("span", "cco-dist__count", String(count)));
    });
    return box;
  };

  /* The whole result; ``topics`` (the discussion topics, drawn by the pack) goes after
   * the chart. ``entries`` carry names: pass none with anonymity on. */
  WorkshopView.prototype.render = function (group, entries, topics) {
    var out = el("div", "cco-workshop__output");
    out.setAttribute("data-workshop-output", "");
    out.appendChild(this.summary(group));
    if (!group.hidden && group.respondents > 0) {
      out.appendChild(this.chart(group));
      if (topics) out.appendChild(topics);
      out.appendChild(this.scoresTable(group));
      out.appendChild(this.questionsTable(group));
    }
    if (Object.keys(group.teams).length) out.appendChild(this.teamsTable(group));
    if (group.baseline !== null) out.appendChild(this.trendTable(group));
    if (!this.w.anonymous && entries.length) out.appendChild(this.people(entries));
    return out;
  };

  WorkshopView.prototype.summary = function (group) {
    var self = this, spec = this.spec, t = this.t;
    var box = el("div", "cco-workshop__summary");
    box.setAttribute("data-workshop-summary", "");
    box.appendChild(el("p", "cco-workshop__count", t("workshop_respondents", { count: group.respondents })));
    if (group.respondents === 0) {
      box.appendChild(el("p", null, t("workshop_none")));
      return box;
    }
    if (group.hidden) {
      box.appendChild(el("p", "cco-notice", t("workshop_hidden", { min: group.min_group }))).setAttribute("data-workshop-hidden", "");
      return box;
    }
    if (spec.verdicts.length) {
      var verdict = group.result.verdict === null ? null : byId(spec.verdicts, group.result.verdict);
      var p = box.appendChild(el("p", "cco-workshop__verdict", verdict
        ? t("workshop_group_verdict", { verdict: verdict.title }) : t("workshop_group_no_verdict")));
      p.setAttribute("data-group-verdict", verdict ? verdict.id : "");
      box.appendChild(el("p", null, t("workshop_individuals")));
      var list = box.appendChild(el("ul", "cco-workshop__counts"));
      spec.verdicts.forEach(function (v) {
        var li = list.appendChild(el("li", null, t("workshop_count_of", { title: v.title, count: group.verdicts[v.id] })));
        li.setAttribute("data-verdict-count", v.id);
      });
      list.appendChild(el("li", null, t("workshop_no_verdict_count", { count: group.no_verdict })))
        .setAttribute("data-verdict-count", "");
    }
    spec.groups.forEach(function (g) {
      var first = (group.result.ranking[g.id] || [])[0];
      var best = first !== undefined && group.result.scores[first] !== null ? byId(spec.targets, first) : null;
      var p = box.appendChild(el("p", "cco-workshop__verdict", best
        ? t("workshop_group_best", { group: g.title, title: best.title }) : t("group_missing")));
      p.setAttribute("data-group-best", g.id);
      box.appendChild(el("p", null, t("workshop_leaders", { group: g.title })));
      var list = box.appendChild(el("ul", "cco-workshop__counts"));
      spec.targets.forEach(function (o) {
        if (o.group !== g.id) return;
        list.appendChild(el("li", null, self.t("workshop_count_of", { title: o.title, count: group.leaders[g.id][o.id] })));
      });
    });
    return box;
  };

  /* For a projector: one row per score, each respondent a dot on 0-100, the median a
   * thick mark, the range a line; the numbers are written beside it and in the table. */
  WorkshopView.prototype.chart = function (group) {
    var t = this.t;
    var rows = this.scoreRows(group);
    var figure = el("figure", "cco-strip");
    figure.setAttribute("data-workshop-chart", "");
    figure.appendChild(el("figcaption", null, t("workshop_chart_heading") + ". " + t("workshop_chart_caption")));
    var results = this.w.results();
    rows.forEach(function (row) {
      var s = row.summary;
      var line = figure.appendChild(el("div", "cco-strip__row" + (s.discuss ? " cco-strip__row--discuss" : "")));
      line.setAttribute("data-row", row.key);
      var head = line.appendChild(el("div", "cco-strip__label", row.title));
      if (s.discuss) head.appendChild(el("span", "cco-flag", t("workshop_flag")));
      head.appendChild(el("span", "cco-strip__values", s.median === null ? t("not_scored")
        : t("workshop_chart_values", { median: s.median, low: s.low, high: s.high, spread: s.spread === null ? "–" : s.spread })));
      var track = line.appendChild(el("div", "cco-strip__track"));
      track.setAttribute("aria-hidden", "true");
      if (s.median === null) return;
      var range = track.appendChild(el("span", "cco-strip__range"));
      range.style.left = s.low + "%";
      range.style.width = (s.high - s.low) + "%";
      // The median first, so the dots stay visible in front of it.
      track.appendChild(el("span", "cco-strip__median")).style.left = s.median + "%";
      var stacked = Object.create(null);
      results.forEach(function (r) {
        var value = r[row.kind][row.id];
        if (value === null || value === undefined) return;
        stacked[value] = (stacked[value] || 0) + 1;
        var dot = track.appendChild(el("span", "cco-strip__dot"));
        dot.style.left = value + "%";
        dot.style.bottom = Math.min(stacked[value] - 1, 6) * 0.55 + "em";
      });
    });
    return figure;
  };

  /* Scores most divided first, then those without a spread, then the axes. */
  WorkshopView.prototype.scoreRows = function (group) {
    var spec = this.spec, rows = [], seen = Object.create(null);
    function add(kind, item) {
      seen[item.id] = true;
      rows.push({
        kind: kind, id: item.id, title: item.title, key: (kind === "axes" ? "axis:" : "score:") + item.id,
        summary: kind === "axes" ? group.axes[item.id] : group.scores[item.id]
      });
    }
    group.ranked.scores.forEach(function (id) { add("scores", byId(spec.targets, id)); });
    spec.targets.forEach(function (target) { if (!seen[target.id]) add("scores", target); });
    spec.axes.forEach(function (axis) { add("axes", axis); });
    return rows;
  };

  WorkshopView.prototype.scoresTable = function (group) {
    var t = this.t;
    var rows = this.scoreRows(group).map(function (row) {
      var s = row.summary;
      return [row.title, s.median === null ? t("not_scored") : String(s.median),
        s.low === null ? "–" : s.low + "–" + s.high, s.spread === null ? "–" : String(s.spread),
        s.discuss ? t("workshop_flag") : ""];
    });
    var table = api.view.table(t("workshop_scores_caption"), [t("col_measure"), t("workshop_col_median"),
      t("workshop_col_range"), t("workshop_col_spread"), t("workshop_flag")], rows, "cco-workshop__table");
    table.setAttribute("data-workshop-scores", "");
    var keys = this.scoreRows(group).map(function (row) { return row.key; });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr, i) { tr.setAttribute("data-row", keys[i]); });
    return this.section("workshop_scores_heading", table);
  };

  WorkshopView.prototype.questionsTable = function (group) {
    var self = this, t = this.t, spec = this.spec;
    var order = group.ranked.questions.slice();
    spec.questions.forEach(function (q) { if (order.indexOf(q.id) < 0) order.push(q.id); });
    var wrapper = el("div", "cco-workshop__table");
    wrapper.setAttribute("data-workshop-questions", "");
    var table = wrapper.appendChild(el("table"));
    table.appendChild(el("caption", null, t("workshop_questions_caption")));
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    ["workshop_col_question", "workshop_col_answers", "workshop_col_group_answer", "workshop_col_spread"].forEach(function (key) {
      head.appendChild(el("th", null, t(key))).scope = "col";
    });
    var body = table.appendChild(el("tbody"));
    order.forEach(function (id) {
      var q = byId(spec.questions, id), s = group.questions[id];
      var tr = body.appendChild(el("tr"));
      tr.setAttribute("data-row", "question:" + id);
      var th = tr.appendChild(el("th", null, q.text));
      th.scope = "row";
      if (s.discuss) th.appendChild(el("span", "cco-flag", t("workshop_flag")));
      tr.appendChild(el("td")).appendChild(self.distribution(q, s, false));
      tr.appendChild(el("td", null, self.choiceLabel(q, s.median)));
      tr.appendChild(el("td", null, s.spread === null ? "–" : String(s.spread)));
    });
    return this.section("workshop_questions_heading", wrapper);
  };

  WorkshopView.prototype.section = function (headingKey, content, intro) {
    var box = el("section", "cco-workshop__part");
    box.appendChild(el("h3", null, this.t(headingKey)));
    if (intro) box.appendChild(el("p", null, intro));
    box.appendChild(content);
    return box;
  };

  /* What a summary of a team or a round says about one score, axis or verdict. */
  WorkshopView.prototype.verdictText = function (summary) {
    var spec = this.spec, t = this.t;
    if (summary.hidden) return "–";
    if (spec.verdicts.length) {
      var v = summary.verdict === null ? null : byId(spec.verdicts, summary.verdict);
      return v ? v.title : t("not_scored");
    }
    return spec.groups.map(function (g) {
      var first = (summary.ranking[g.id] || [])[0];
      return g.title + ": " + (first === undefined ? t("not_scored") : byId(spec.targets, first).title);
    }).join("; ");
  };

  WorkshopView.prototype.measures = function () {
    var spec = this.spec;
    return spec.axes.map(function (a) { return { kind: "axes", id: a.id, title: a.title }; })
      .concat(spec.targets.map(function (x) { return { kind: "scores", id: x.id, title: x.title }; }));
  };

  WorkshopView.prototype.teamsTable = function (group) {
    var self = this, t = this.t;
    var names = api.group.teamsOf(this.w.respondents()).names;
    var hidden = names.some(function (n) { return group.teams[n].hidden; });
    var rows = [[t("workshop_col_respondents")].concat(names.map(function (n) { return String(group.teams[n].respondents); })),
      [t("workshop_col_verdict")].concat(names.map(function (n) { return self.verdictText(group.teams[n]); }))];
    this.measures().forEach(function (m) {
      rows.push([m.title].concat(names.map(function (n) {
        var value = group.teams[n][m.kind][m.id];
        return value === null || value === undefined ? "–" : String(value);
      })));
    });
    var table = api.view.table(t("workshop_teams_caption"), [t("workshop_col_team")].concat(names), rows, "cco-workshop__table");
    table.setAttribute("data-workshop-teams", "");
    return this.section("workshop_teams_heading", table,
      hidden ? t("workshop_teams_hidden", { min: group.min_group }) : null);
  };

  WorkshopView.prototype.trendTable = function (group) {
    var t = this.t, before = group.baseline;
    var rows = this.measures().map(function (m) {
      var now = group[m.kind][m.id], then = before[m.kind][m.id], change = group.trend[m.id];
      return [m.title, then === null || then === undefined ? "–" : String(then),
        !now || now.median === null ? "–" : String(now.median),
        change ? t("workshop_trend_" + change.arrow, { delta: (change.delta > 0 ? "+" : "") + change.delta }) : "–"];
    });
    var table = api.view.table(t("workshop_trend_caption"), [t("col_measure"), t("workshop_col_earlier"),
      t("workshop_files"), t("workshop_col_change")], rows, "cco-workshop__table");
    table.setAttribute("data-workshop-trend", "");
    var keys = this.measures().map(function (m) { return (m.kind === "axes" ? "axis:" : "score:") + m.id; });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr, i) { tr.setAttribute("data-row", keys[i]); });
    return this.section("workshop_trend_heading", table,
      before.hidden ? t("workshop_trend_hidden", { min: group.min_group }) : null);
  };

  /* With anonymity off: each respondent's name, team (editable) and own verdict. */
  WorkshopView.prototype.people = function (entries) {
    var self = this, t = this.t, w = this.w;
    var wrapper = el("div", "cco-workshop__table");
    wrapper.setAttribute("data-workshop-people", "");
    var table = wrapper.appendChild(el("table"));
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    ["workshop_col_name", "workshop_col_team", "workshop_col_own_verdict"].forEach(function (key) {
      head.appendChild(el("th", null, t(key))).scope = "col";
    });
    var body = table.appendChild(el("tbody"));
    var results = w.results();
    entries.forEach(function (entry, i) {
      var tr = body.appendChild(el("tr"));
      var name = w.nameOf(entry);
      tr.appendChild(el("th", null, name)).scope = "row";
      var field = tr.appendChild(el("td")).appendChild(el("input"));
      field.type = "text";
      field.maxLength = api.input.MAX_LABEL;
      field.value = entry.respondent.team;
      field.setAttribute("aria-label", t("workshop_team_of", { name: name }));
      field.setAttribute("data-workshop-team", String(i));
      field.addEventListener("change", function () { w.setTeam(entry, field.value); });
      tr.appendChild(el("td", null, self.verdictText({ hidden: false, verdict: results[i].verdict, ranking: results[i].ranking })));
    });
    return this.section("workshop_people_heading", wrapper, t("workshop_people_intro"));
  };

  api.WorkshopView = WorkshopView;
})();
