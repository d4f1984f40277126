/* cco-playbook workshop: the discussion topics, the printed pack and the CSV.
 *
 * The topics are the questions flagged "discuss first" (or, when none is, the most
 * divided ones), each with fields for the agreed action, its owner and a date that the
 * facilitator types in or that are written on paper. Printing the pack prints the
 * summary, then one page per topic. No names are printed or exported.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.group || !api.view || api.WorkshopPack) return;
  var el = api.view.el, byId = function (list, id) { return api.explain.byId(list, id); };
  var FIELDS = [["action", "workshop_agreed_action"], ["owner", "workshop_owner"], ["date", "workshop_date"]];

  /* The titles of the dimensions or outcomes a question gives points to. */
  function countsTowards(spec, question) {
    var scored = api.scoring.scoredChoices(question);
    return spec.targets.filter(function (t) { return scored.gives(t.id); })
      .map(function (t) { return t.title; });
  }

  function topic(view, group, id, number) {
    var w = view.w, t = view.t, spec = view.spec;
    var q = byId(spec.questions, id), s = group.questions[id];
    var box = el("section", "cco-topic");
    box.setAttribute("data-topic", id);
    var heading = box.appendChild(el("h4", "cco-topic__heading", t("workshop_topic", { number: number, question: q.text })));
    if (s.discuss) heading.appendChild(el("span", "cco-flag", t("workshop_flag")));
    var towards = countsTowards(spec, q);
    if (towards.length) box.appendChild(el("p", "cco-topic__towards", t("workshop_counts_towards", { titles: towards.join(", ") })));
    box.appendChild(view.distribution(q, s, true));
    var facts = box.appendChild(el("p", "cco-topic__facts"));
    facts.appendChild(el("strong", null, t("workshop_group_answer", { answer: view.choiceLabel(q, s.median) })));
    facts.appendChild(document.createTextNode(" · " + t("workshop_spread", { spread: s.spread === null ? "–" : s.spread })));
    if (s.split) box.appendChild(el("p", "cco-topic__split", t("workshop_split")));
    var agreed = w.agreedOn(id);
    var fields = box.appendChild(el("div", "cco-topic__fields"));
    FIELDS.forEach(function (f) {
      var label = fields.appendChild(el("label", "cco-topic__field cco-topic__field--" + f[0]));
      label.appendChild(el("span", null, t(f[1])));
      var input = label.appendChild(el(f[0] === "action" ? "textarea" : "input"));
      if (f[0] !== "action") input.type = "text";
      else input.rows = 3;
      input.maxLength = 500;
      input.value = agreed[f[0]];
      input.setAttribute("data-agreed", f[0]);
      input.addEventListener("input", function () { agreed[f[0]] = input.value; });
    });
    return box;
  }

  function topics(view, group) {
    var t = view.t;
    var box = el("section", "cco-workshop__part cco-workshop__topics");
    box.setAttribute("data-workshop-topics", "");
    box.appendChild(el("h3", null, t("workshop_discuss_heading")));
    var flagged = group.topics.some(function (id) { return group.questions[id].discuss; });
    box.appendChild(el("p", null, t(flagged ? "workshop_discuss_intro" : "workshop_no_discuss", { threshold: api.group.DISCUSS_SPREAD })));
    box.appendChild(el("p", "cco-topic__hint", t("workshop_fields_hint")));
    group.topics.forEach(function (id, i) { box.appendChild(topic(view, group, id, i + 1)); });
    return box;
  }

  /* A cell: numbers as they are, text (labels, team names, typed notes) neutralised. */
  function cell(value) {
    return typeof value === "number" && isFinite(value) ? String(value) : api.input.csvCell(value);
  }

  function csv(view, group) {
    var t = view.t, spec = view.spec, w = view.w;
    var yes = t("workshop_csv_yes"), no = t("workshop_csv_no");
    var lines = [[t("csv_kind"), t("csv_id"), t("csv_title"), t("workshop_csv_median"), t("workshop_csv_low"),
      t("workshop_csv_high"), t("workshop_csv_spread"), t("workshop_csv_discuss"), t("workshop_csv_detail")]];
    lines.push([t("workshop_csv_respondents"), "", spec.title, group.respondents, "", "", "", "", ""]);
    if (!group.hidden && group.respondents > 0) {
      if (spec.verdicts.length) {
        var verdict = group.result.verdict === null ? null : byId(spec.verdicts, group.result.verdict);
        lines.push([t("csv_verdict"), verdict ? verdict.id : "", verdict ? verdict.title : "", "", "", "", "", "",
          spec.verdicts.map(function (v) { return t("workshop_count_of", { title: v.title, count: group.verdicts[v.id] }); })
            .concat([t("workshop_no_verdict_count", { count: group.no_verdict })]).join("; ")]);
      }
      spec.groups.forEach(function (g) {
        var first = (group.result.ranking[g.id] || [])[0];
        var best = first !== undefined && group.result.scores[first] !== null ? byId(spec.targets, first) : null;
        lines.push([t("csv_rank"), g.id, g.title, best ? best.title : "", "", "", "", "",
          spec.targets.filter(function (o) { return o.group === g.id; }).map(function (o) {
            return t("workshop_count_of", { title: o.title, count: group.leaders[g.id][o.id] });
          }).join("; ")]);
      });
      view.scoreRows(group).forEach(function (row) {
        var s = row.summary, change = group.trend[row.id];
        lines.push([t(row.kind === "axes" ? "csv_axis" : "csv_score"), row.id, row.title, s.median, s.low, s.high,
          s.spread, s.discuss ? yes : no,
          change ? t("workshop_trend_" + change.arrow, { delta: (change.delta > 0 ? "+" : "") + change.delta }) : ""]);
      });
      group.ranked.questions.concat(spec.questions.map(function (q) { return q.id; })
        .filter(function (id) { return group.ranked.questions.indexOf(id) < 0; })).forEach(function (id) {
        var q = byId(spec.questions, id), s = group.questions[id];
        lines.push([t("csv_question"), id, q.text, view.choiceLabel(q, s.median), "", "", s.spread, s.discuss ? yes : no,
          q.choices.map(function (c) { return t("workshop_answer_count", { answer: c.label, count: s.counts[c.id] }); }).join("; ")]);
      });
      group.topics.forEach(function (id) {
        var agreed = w.agreedOn(id);
        if (!agreed.action && !agreed.owner && !agreed.date) return;
        lines.push([t("workshop_agreed_action"), id, byId(spec.questions, id).text, agreed.action, "", "", "", "",
          t("workshop_owner") + ": " + agreed.owner + "; " + t("workshop_date") + ": " + agreed.date]);
      });
    }
    api.group.teamsOf(w.respondents()).names.forEach(function (name) {
      var team = group.teams[name];
      lines.push([t("workshop_csv_team"), name, view.verdictText(team), "", "", "", "", "",
        t("workshop_respondents", { count: team.respondents })]);
    });
    if (group.baseline !== null) {
      lines.push([t("workshop_col_earlier"), "", view.verdictText(group.baseline), "", "", "", "", "",
        t("workshop_respondents", { count: group.baseline.respondents })]);
    }
    return lines.map(function (cells) { return cells.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  /* Prints the pack alone, dated: the class goes once the print dialog closes. */
  function print(root, dated) {
    if (dated) dated();
    root.classList.add("cco-assessment--print-workshop");
    window.addEventListener("afterprint", function done() {
      root.classList.remove("cco-assessment--print-workshop");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  }

  api.WorkshopPack = { topics: topics, csv: csv, print: print, countsTowards: countsTowards };
})();
