/* cco-playbook self-assessment: the scoring definition, and nothing else.
 *
 * KEEP IN STEP: this is one of two implementations of one definition. The other is
 * generator/scoring.py; change both together (design.md states the definition,
 * tests/test_assessment_parity.py proves they agree on generated answer sets). No DOM
 * here: it reads the build's data (window.ccoPlaybookData, from assessment-data.js) and
 * exposes window.ccoPlaybook.score for the page and for tests.
 */
(function () {
  "use strict";

  var MAX_REASONS = 3;
  var hasOwn = Object.prototype.hasOwnProperty;

  function own(object, key) {
    return object !== null && typeof object === "object" && hasOwn.call(object, key);
  }

  function allData() {
    var data = window.ccoPlaybookData;
    return data && typeof data === "object" ? data : { assessments: {} };
  }

  function findAssessment(id) {
    var all = allData().assessments;
    if (typeof id !== "string" || !own(all, id)) {
      throw new Error("unknown assessment: " + String(id));
    }
    return all[id];
  }

  // floor(n / d + 0.5) for integers, exact (no floating point surprises).
  function roundRatio(n, d) {
    var a = 2 * n + d;
    var b = 2 * d;
    var q = Math.floor(a / b);
    if (q * b > a) q -= 1;
    else if ((q + 1) * b <= a) q += 1;
    return q;
  }

  /* {questionId: choice} for the answers that name a question and one of its choices. */
  function chosenAnswers(spec, answers) {
    var chosen = Object.create(null);
    answers = answers !== null && typeof answers === "object" ? answers : {};
    spec.questions.forEach(function (q) {
      var value = own(answers, q.id) ? answers[q.id] : undefined;
      for (var i = 0; i < q.choices.length; i += 1) {
        if (q.choices[i].id === value) {
          chosen[q.id] = q.choices[i];
          return;
        }
      }
    });
    return chosen;
  }

  /* Per question, the points each scored choice gives, and the targets it gives any to. */
  function scoredChoices(question) {
    var scored = question.choices.filter(function (c) { return !c.na; })
      .map(function (c) { return c.points; });
    return {
      points: scored,
      gives: function (t) { return scored.some(function (p) { return own(p, t); }); },
      values: function (t) { return scored.map(function (p) { return own(p, t) ? p[t] : 0; }); }
    };
  }

  function tallies(spec, chosen) {
    var all = Object.create(null);
    spec.targets.forEach(function (t) {
      all[t.id] = { questions: 0, scored: 0, raw: 0, lo: 0, hi: 0, lifts: [] };
    });
    spec.questions.forEach(function (question, index) {
      var scored = scoredChoices(question);
      var choice = own(chosen, question.id) ? chosen[question.id] : null;
      var picked = choice !== null && !choice.na ? choice.points : null;
      spec.targets.forEach(function (t) {
        if (!scored.gives(t.id)) return;
        var tally = all[t.id];
        tally.questions += 1;
        if (picked === null) return;
        var values = scored.values(t.id);
        var low = Math.min.apply(null, values);
        var got = own(picked, t.id) ? picked[t.id] : 0;
        tally.scored += 1;
        tally.raw += got;
        tally.lo += low;
        tally.hi += Math.max.apply(null, values);
        tally.lifts.push({ lift: got - low, index: index, id: question.id });
      });
    });
    return all;
  }

  /* Whether every condition holds; a condition on a null score is false. */
  function holds(conditions, scores, axes, chosen) {
    var i;
    for (i = 0; i < conditions.scores.length; i += 1) {
      var c = conditions.scores[i];
      var value = own(axes, c[0]) ? axes[c[0]] : own(scores, c[0]) ? scores[c[0]] : null;
      if (value === null || value < c[1] || value > c[2]) return false;
    }
    for (i = 0; i < conditions.answers.length; i += 1) {
      var a = conditions.answers[i];
      var choice = own(chosen, a[0]) ? chosen[a[0]] : null;
      if (choice === null || a[1].indexOf(choice.id) < 0) return false;
    }
    return true;
  }

  function plan(spec, verdict, top, scores, axes, chosen) {
    var hasVerdicts = spec.verdicts.length > 0;
    var picked = [];
    spec.actions.forEach(function (action, index) {
      if (hasVerdicts && (verdict === null ||
          (action.verdicts.length > 0 && action.verdicts.indexOf(verdict) < 0))) return;
      if (action.outcomes.length > 0 &&
          !action.outcomes.some(function (o) { return top[o] === true; })) return;
      if (action.when !== null && !holds(action.when, scores, axes, chosen)) return;
      picked.push({ action: action, index: index });
    });
    picked.sort(function (x, y) {
      return (x.action.stage - y.action.stage) || (x.action.priority - y.action.priority) ||
        (x.index - y.index);
    });
    var perStage = Object.create(null);
    var out = [];
    picked.forEach(function (p) {
      var stage = p.action.stage;
      perStage[stage] = (perStage[stage] || 0) + 1;
      if (perStage[stage] <= spec.actionsPerStage) out.push(p.action.id);
    });
    return out;
  }

  function score(assessmentId, answers) {
    var spec = findAssessment(assessmentId);
    var chosen = chosenAnswers(spec, answers);
    var all = tallies(spec, chosen);
    var scores = {};
    spec.targets.forEach(function (t) {
      var tally = all[t.id];
      var needed = t.minimum === null ? Math.floor((tally.questions + 1) / 2) : t.minimum;
      var span = tally.hi - tally.lo;
      var ok = tally.scored > 0 && tally.scored >= needed && span !== 0;
      scores[t.id] = ok ? roundRatio(100 * (tally.raw - tally.lo), span) : null;
    });
    var axes = {};
    spec.axes.forEach(function (axis) {
      var sum = 0, weight = 0, count = 0;
      axis.dimensions.forEach(function (pair) {
        var s = own(scores, pair[0]) ? scores[pair[0]] : null;
        if (s === null) return;
        sum += s * pair[1];
        weight += pair[1];
        count += 1;
      });
      var needed = axis.minimum === null ? axis.dimensions.length : axis.minimum;
      axes[axis.id] = count >= needed && weight > 0 ? roundRatio(sum, weight) : null;
    });
    var verdict = null;
    for (var v = 0; v < spec.verdicts.length && verdict === null; v += 1) {
      if (holds(spec.verdicts[v].when, scores, axes, chosen)) verdict = spec.verdicts[v].id;
    }
    var excluded = {};
    spec.targets.forEach(function (t) {
      if (t.group === null) return;
      var by = spec.questions.filter(function (q) {
        return own(chosen, q.id) && chosen[q.id].excludes.indexOf(t.id) >= 0;
      }).map(function (q) { return q.id; });
      if (by.length) excluded[t.id] = by;
    });
    var ranking = {}, top = Object.create(null);
    spec.groups.forEach(function (group) {
      var members = [];
      spec.targets.forEach(function (t, i) {
        if (t.group === group.id && !own(excluded, t.id)) members.push({ id: t.id, s: scores[t.id], i: i });
      });
      members.sort(function (x, y) {
        if ((x.s === null) !== (y.s === null)) return x.s === null ? 1 : -1;
        if (x.s !== y.s) return y.s - x.s;
        return x.i - y.i;
      });
      ranking[group.id] = members.map(function (m) { return m.id; });
      if (members.length && members[0].s !== null) top[members[0].id] = true;
    });
    var reasons = {};
    spec.targets.forEach(function (t) {
      if (t.group === null || own(excluded, t.id)) return;
      var lifts = all[t.id].lifts.filter(function (l) { return l.lift > 0; });
      lifts.sort(function (x, y) { return (y.lift - x.lift) || (x.index - y.index); });
      reasons[t.id] = lifts.slice(0, MAX_REASONS).map(function (l) { return l.id; });
    });
    return {
      assessment: spec.id, version: spec.version,
      answered: Object.keys(chosen).length, total: spec.questions.length,
      scores: scores, axes: axes, verdict: verdict, ranking: ranking, reasons: reasons,
      excluded: excluded, plan: plan(spec, verdict, top, scores, axes, chosen)
    };
  }

  var api = window.ccoPlaybook = window.ccoPlaybook || {};
  api.score = score;
  api.scoring = {
    own: own, allData: allData, findAssessment: findAssessment, chosenAnswers: chosenAnswers,
    scoredChoices: scoredChoices, holds: holds, roundRatio: roundRatio
  };
})();
