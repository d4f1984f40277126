/* cco-playbook self-assessment: what a result means, in data (no DOM).
 *
 * Reads a result from assessment-score.js and says which answers decided the verdict,
 * which questions are still needed for one, how the plan falls into stages, and how a
 * readiness verdict compares with a fit ranking. The page draws these; tests call them.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.scoring || api.explain) return;
  var own = api.scoring.own;
  var MAX_DECISIVE = 3;

  function byId(list, id) {
    for (var i = 0; i < list.length; i += 1) if (list[i].id === id) return list[i];
    return null;
  }

  /* The dimension or outcome ids a score id stands for: an axis's dimensions, or itself. */
  function targetsOf(spec, scoreId) {
    var axis = byId(spec.axes, scoreId);
    return axis ? axis.dimensions.map(function (pair) { return pair[0]; }) : [scoreId];
  }

  /* The largest weight, in an axis, of the dimensions a question scores (1 outside axes). */
  function weightOf(spec, scoreId, question) {
    var axis = byId(spec.axes, scoreId);
    var scored = api.scoring.scoredChoices(question);
    var weight = 1;
    (axis ? axis.dimensions : []).forEach(function (pair) {
      if (scored.gives(pair[0]) && pair[1] > weight) weight = pair[1];
    });
    return weight;
  }

  /* Answered questions that pushed a score up ("high") or down ("low"), strongest first:
   * each answer's place between its question's lowest and highest points for the score. */
  function pushers(spec, chosen, scoreId, direction) {
    var targets = targetsOf(spec, scoreId);
    var found = [];
    spec.questions.forEach(function (q, index) {
      var choice = own(chosen, q.id) ? chosen[q.id] : null;
      if (choice === null || choice.na) return;
      var scored = api.scoring.scoredChoices(q);
      var got = 0, span = 0;
      targets.forEach(function (t) {
        if (!scored.gives(t)) return;
        var values = scored.values(t);
        var low = Math.min.apply(null, values);
        got += (own(choice.points, t) ? choice.points[t] : 0) - low;
        span += Math.max.apply(null, values) - low;
      });
      if (span === 0) return;
      var place = got / span;
      if (direction === "high" ? place > 0.5 : place < 0.5) {
        found.push({ id: q.id, place: place, weight: weightOf(spec, scoreId, q), index: index });
      }
    });
    // Most extreme first; among equals, the answer whose dimension weighs most.
    found.sort(function (x, y) {
      return (direction === "high" ? y.place - x.place : x.place - y.place) ||
        (y.weight - x.weight) || (x.index - y.index);
    });
    return found.map(function (f) { return f.id; });
  }

  /* Up to three answers that decided the verdict, as question ids: one from each of its
   * reasons in turn ('why', or else its conditions), answers about the company first. */
  function decisive(spec, result, answers) {
    var verdict = result.verdict === null ? null : byId(spec.verdicts, result.verdict);
    if (verdict === null) return [];
    var chosen = api.scoring.chosenAnswers(spec, answers);
    var conditions = verdict.why || verdict.when;
    var lists = [];
    conditions.answers.forEach(function (pair) {
      var question = byId(spec.questions, pair[0]);
      var narrows = question !== null && pair[1].length < question.choices.length;
      if (narrows && own(chosen, pair[0]) && pair[1].indexOf(chosen[pair[0]].id) >= 0) {
        lists.push([pair[0]]);
      }
    });
    conditions.scores.forEach(function (c) {
      var direction = c[1] > 0 ? "high" : c[2] < 100 ? "low" : null;
      if (direction !== null) lists.push(pushers(spec, chosen, c[0], direction));
    });
    var picked = [];
    for (var round = 0; picked.length < MAX_DECISIVE; round += 1) {
      var more = false;
      for (var i = 0; i < lists.length && picked.length < MAX_DECISIVE; i += 1) {
        if (round >= lists[i].length) continue;
        more = true;
        if (picked.indexOf(lists[i][round]) < 0) picked.push(lists[i][round]);
      }
      if (!more) break;
    }
    return picked;
  }

  /* Unanswered questions that feed a score id (through its dimensions or outcomes). */
  function unansweredFor(spec, chosen, scoreIds, nullOnly, result) {
    var wanted = Object.create(null);
    scoreIds.forEach(function (id) {
      targetsOf(spec, id).forEach(function (t) {
        if (!nullOnly || result.scores[t] === null) wanted[t] = true;
      });
    });
    return spec.questions.filter(function (q) {
      if (own(chosen, q.id)) return false;
      var scored = api.scoring.scoredChoices(q);
      return Object.keys(wanted).some(function (t) { return scored.gives(t); });
    }).map(function (q) { return q.id; });
  }

  /* The questions to answer before a verdict (readiness) or a ranking (fit) can be given:
   * unanswered ones behind every score still null that a verdict reads, and every
   * unanswered question a verdict names; in the order of the questionnaire. */
  function missing(spec, result, answers) {
    var chosen = api.scoring.chosenAnswers(spec, answers);
    var scoreIds = [], named = Object.create(null);
    if (spec.verdicts.length) {
      if (result.verdict !== null) return [];
      spec.verdicts.forEach(function (v) {
        v.when.scores.forEach(function (c) {
          var value = own(result.axes, c[0]) ? result.axes[c[0]] : result.scores[c[0]];
          if (value === null && scoreIds.indexOf(c[0]) < 0) scoreIds.push(c[0]);
        });
        v.when.answers.forEach(function (a) { if (!own(chosen, a[0])) named[a[0]] = true; });
      });
    } else {
      spec.groups.forEach(function (g) {
        var ranked = result.ranking[g.id] || [];
        if (ranked.length && result.scores[ranked[0]] !== null) return;
        ranked.forEach(function (id) { scoreIds.push(id); });
      });
    }
    var needed = unansweredFor(spec, chosen, scoreIds, true, result);
    return spec.questions.filter(function (q) {
      return named[q.id] === true || needed.indexOf(q.id) >= 0;
    }).map(function (q) { return q.id; });
  }

  /* The plan in its stages: [{stage: 1, actions: [ids]}, ...], empty stages left out. */
  function stages(spec, result) {
    var out = [];
    result.plan.forEach(function (id) {
      var action = byId(spec.actions, id);
      if (action === null) return;
      var last = out[out.length - 1];
      if (!last || last.stage !== action.stage) out.push({ stage: action.stage, actions: [] });
      out[out.length - 1].actions.push(id);
    });
    return out;
  }

  /* How a readiness-style verdict reads against this fit result: the option the verdict
   * points to, and where it stands here ("first", "ranked" with its place, "excluded",
   * or "none" when the verdict points to no option). Null without a verdict to compare. */
  function crossCheck(spec, result, other) {
    var check = spec.crossCheck;
    if (!check || !other || other.verdict === null) return null;
    var outcome = null;
    check.verdicts.forEach(function (pair) { if (pair[0] === other.verdict) outcome = pair[1]; });
    if (outcome === null) return { verdict: other.verdict, outcome: null, standing: "none" };
    if (own(result.excluded, outcome)) {
      return { verdict: other.verdict, outcome: outcome, standing: "excluded" };
    }
    var ranked = result.ranking[check.group] || [];
    var place = ranked.indexOf(outcome);
    var scored = place >= 0 && result.scores[outcome] !== null;
    return {
      verdict: other.verdict, outcome: outcome, place: place + 1,
      standing: !scored ? "unscored" : place === 0 ? "first" : "ranked"
    };
  }

  api.explain = {
    byId: byId, decisive: decisive, missing: missing, stages: stages, crossCheck: crossCheck,
    pushers: pushers
  };
})();
