/* cco-playbook self-assessment: the scoring definition, and nothing else.
 *
 * KEEP IN STEP: this is one of two implementations of one definition. The other is
 * score() in generator/assessment.py; change both together (design.md states the
 * definition, tests/test_assessment_parity.py proves they agree on generated answer
 * sets). No DOM here: it reads the build's data (window.ccoPlaybookData, from
 * assessment-data.js) and exposes window.ccoPlaybook.score for the page and for tests.
 */
(function () {
  "use strict";

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

  function score(assessmentId, answers) {
    var spec = findAssessment(assessmentId);
    answers = answers !== null && typeof answers === "object" ? answers : {};
    var targets = spec.targets.map(function (t) { return t.id; });
    var raw = Object.create(null), lo = Object.create(null), hi = Object.create(null);
    var touched = Object.create(null);
    targets.forEach(function (t) { raw[t] = 0; lo[t] = 0; hi[t] = 0; });
    var answered = 0;
    spec.questions.forEach(function (question) {
      var chosenId = own(answers, question.id) ? answers[question.id] : undefined;
      var chosen = null;
      question.choices.forEach(function (c) { if (chosen === null && c.id === chosenId) chosen = c; });
      if (chosen === null) return;
      answered += 1;
      if (chosen.na) return;
      var scored = question.choices.filter(function (c) { return !c.na; })
        .map(function (c) { return c.points; });
      targets.forEach(function (target) {
        var gives = scored.some(function (p) { return own(p, target); });
        if (!gives) return;
        touched[target] = true;
        var values = scored.map(function (p) { return own(p, target) ? p[target] : 0; });
        raw[target] += own(chosen.points, target) ? chosen.points[target] : 0;
        lo[target] += Math.min.apply(null, values);
        hi[target] += Math.max.apply(null, values);
      });
    });
    var scores = {};
    targets.forEach(function (t) {
      var span = hi[t] - lo[t];
      scores[t] = touched[t] === true && span !== 0 ? roundRatio(100 * (raw[t] - lo[t]), span) : null;
    });
    var overall = null, band = null, ranking = [];
    if (spec.style === "readiness") {
      var sum = 0, weight = 0;
      spec.targets.forEach(function (t) {
        if (scores[t.id] !== null) { sum += scores[t.id] * t.weight; weight += t.weight; }
      });
      if (weight > 0) overall = roundRatio(sum, weight);
      if (overall !== null) {
        var best = null;
        spec.bands.forEach(function (b) {
          if (b.min <= overall && (best === null || b.min > best.min)) best = b;
        });
        band = best === null ? null : best.id;
      }
    } else {
      ranking = targets.map(function (t, i) { return { id: t, s: scores[t], i: i }; });
      ranking.sort(function (x, y) {
        if ((x.s === null) !== (y.s === null)) return x.s === null ? 1 : -1;
        if (x.s !== y.s) return y.s - x.s;
        return x.i - y.i;
      });
      ranking = ranking.map(function (r) { return r.id; });
    }
    return {
      assessment: spec.id, version: spec.version, answered: answered,
      total: spec.questions.length, scores: scores, overall: overall, band: band,
      ranking: ranking
    };
  }

  var api = window.ccoPlaybook = window.ccoPlaybook || {};
  api.score = score;
  api.scoring = { own: own, allData: allData, findAssessment: findAssessment };
})();
