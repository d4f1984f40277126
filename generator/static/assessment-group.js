/* cco-playbook workshop: several people's answers to one assessment, read together (no DOM).
 *
 * KEEP IN STEP: this is one of two implementations of one definition. The other is
 * generator/group.py, whose docstring states it (scale, group answer, spread, "discuss
 * first", anonymity, trend); change both together. tests/test_workshop_parity.py proves
 * they return the same group JSON. Each respondent is scored with this page's scorer.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.scoring || api.group) return;
  var own = api.scoring.own;
  var roundRatio = api.scoring.roundRatio;
  var DISCUSS_SPREAD = 50;
  var FALLBACK_TOPICS = 3;
  var STEADY_WITHIN = 5;
  var DEFAULT_MIN_GROUP = 5;
  var LOWEST_MIN_GROUP = 3;

  function ascending(a, b) { return a - b; }

  function lowerMedian(values) {
    return values.slice().sort(ascending)[Math.floor((values.length - 1) / 2)];
  }

  function spread(values, width) {
    if (values.length < 2 || width <= 0) return null;
    var middle = lowerMedian(values);
    var distance = 0;
    values.forEach(function (v) { distance += Math.abs(v - middle); });
    return roundRatio(200 * distance, values.length * width);
  }

  /* Counts per choice, the group answer, whether it is split, the spread and the flag. */
  function questionSummary(question, given) {
    var counts = {};
    question.choices.forEach(function (c) { counts[c.id] = 0; });
    given.forEach(function (id) { if (own(counts, id)) counts[id] += 1; });
    var scale = question.choices.filter(function (c) { return !c.na; });
    var positions = [];
    scale.forEach(function (c, p) { for (var i = 0; i < counts[c.id]; i += 1) positions.push(p); });
    var na = question.choices.filter(function (c) { return c.na; });
    var naGiven = 0;
    na.forEach(function (c) { naGiven += counts[c.id]; });
    var median = null, split = false;
    if (naGiven > positions.length) {
      na.forEach(function (c) { if (median === null || counts[c.id] > counts[median]) median = c.id; });
    } else if (positions.length) {
      median = scale[positions[Math.floor((positions.length - 1) / 2)]].id;
      var half = Math.floor(positions.length / 2);
      split = positions.length % 2 === 0 && positions[half - 1] !== positions[half];
    }
    var spreadOf = spread(positions, scale.length - 1);
    return {
      counts: counts, answered: positions.length + naGiven, median: median, split: split,
      spread: spreadOf, discuss: spreadOf !== null && spreadOf >= DISCUSS_SPREAD
    };
  }

  function scoreSummary(values) {
    var scored = values.filter(function (v) { return v !== null; });
    var spreadOf = spread(scored, 100);
    return {
      scored: scored.length,
      median: scored.length ? lowerMedian(scored) : null,
      low: scored.length ? Math.min.apply(null, scored) : null,
      high: scored.length ? Math.max.apply(null, scored) : null,
      spread: spreadOf, discuss: spreadOf !== null && spreadOf >= DISCUSS_SPREAD
    };
  }

  function given(respondents, questionId) {
    var out = [];
    respondents.forEach(function (r) { if (own(r.answers, questionId)) out.push(r.answers[questionId]); });
    return out;
  }

  function groupAnswers(spec, respondents) {
    var answers = {};
    spec.questions.forEach(function (q) {
      var median = questionSummary(q, given(respondents, q.id)).median;
      if (median !== null) answers[q.id] = median;
    });
    return answers;
  }

  /* Ids with a spread, most divided first; ties keep the assessment's order. */
  function ranked(ids, summaries) {
    return ids.filter(function (id) { return summaries[id].spread !== null; })
      .map(function (id, i) { return { id: id, i: i }; })
      .sort(function (x, y) { return (summaries[y.id].spread - summaries[x.id].spread) || (x.i - y.i); })
      .map(function (x) { return x.id; });
  }

  function isHidden(count, minGroup) {
    return minGroup !== null && count < minGroup;
  }

  function column(results, kind, id) {
    return results.map(function (r) { return r[kind][id]; });
  }

  /* A team's or a baseline's medians and the verdict of its group answers. */
  function summary(spec, respondents, results, minGroup, hidden) {
    var hide = hidden === undefined ? isHidden(respondents.length, minGroup) : hidden;
    var out = { respondents: respondents.length, hidden: hide, scores: {}, axes: {}, verdict: null, ranking: {} };
    if (hide) return out;
    spec.targets.forEach(function (t) { out.scores[t.id] = scoreSummary(column(results, "scores", t.id)).median; });
    spec.axes.forEach(function (a) { out.axes[a.id] = scoreSummary(column(results, "axes", a.id)).median; });
    var result = api.score(spec.id, groupAnswers(spec, respondents));
    out.verdict = result.verdict;
    out.ranking = result.ranking;
    return out;
  }

  /* Teams in order of first appearance, as {names, members}; a plain object would put
   * a team called "2024" first. */
  function teamsOf(respondents) {
    var names = [], members = Object.create(null);
    respondents.forEach(function (r, i) {
      if (!r.team) return;
      if (!own(members, r.team)) {
        names.push(r.team);
        members[r.team] = [];
      }
      members[r.team].push(i);
    });
    return { names: names, members: members };
  }

  function teams(spec, respondents, results, minGroup, roomHidden) {
    var found = teamsOf(respondents);
    var tagged = 0, hideAll = roomHidden;
    found.names.forEach(function (name) {
      tagged += found.members[name].length;
      if (isHidden(found.members[name].length, minGroup)) hideAll = true;
    });
    var untagged = respondents.length - tagged;
    if (untagged > 0 && isHidden(untagged, minGroup)) hideAll = true;
    var out = {};
    found.names.forEach(function (name) {
      var indexes = found.members[name];
      // A team is named by people: "__proto__" must stay a key, not reach the prototype.
      Object.defineProperty(out, name, {
        value: summary(spec, indexes.map(function (i) { return respondents[i]; }),
          indexes.map(function (i) { return results[i]; }), minGroup, hideAll),
        enumerable: true, writable: true, configurable: true
      });
    });
    return out;
  }

  function trend(spec, room, baseline) {
    var out = {};
    if (baseline === null) return out;
    var pairs = spec.targets.map(function (t) { return [t.id, "scores"]; })
      .concat(spec.axes.map(function (a) { return [a.id, "axes"]; }));
    pairs.forEach(function (pair) {
      var now = !room.hidden && own(room[pair[1]], pair[0]) ? room[pair[1]][pair[0]].median : null;
      var then = !baseline.hidden && own(baseline[pair[1]], pair[0]) ? baseline[pair[1]][pair[0]] : null;
      if (now === null || then === null) {
        out[pair[0]] = null;
        return;
      }
      var delta = now - then;
      out[pair[0]] = {
        delta: delta,
        arrow: Math.abs(delta) < STEADY_WITHIN ? "steady" : delta > 0 ? "up" : "down"
      };
    });
    return out;
  }

  function leads(result, group, outcome) {
    var ranking = own(result.ranking, group) ? result.ranking[group] : [];
    return ranking.length > 0 && ranking[0] === outcome && result.scores[outcome] !== null;
  }

  /* The group JSON for respondents ([{answers, team}], answers already checked).
   * options.minGroup: the smallest group shown (null: anonymity off; default 5);
   * options.baseline: an earlier round's respondents (null: no trend). */
  function aggregate(assessmentId, respondents, options) {
    var spec = api.scoring.findAssessment(assessmentId);
    options = options || {};
    var minGroup = own(options, "minGroup") ? options.minGroup : DEFAULT_MIN_GROUP;
    if (minGroup !== null && !(minGroup >= LOWEST_MIN_GROUP)) {
      throw new Error("the smallest group shown must be at least " + LOWEST_MIN_GROUP);
    }
    var baselineGiven = own(options, "baseline") ? options.baseline : null;
    var results = respondents.map(function (r) { return api.score(spec.id, r.answers); });
    var hidden = isHidden(respondents.length, minGroup);
    var room = {
      assessment: spec.id, version: spec.version, respondents: respondents.length,
      min_group: minGroup, hidden: hidden, questions: {}, scores: {}, axes: {}, result: null,
      verdicts: {}, no_verdict: 0, leaders: {}, ranked: { questions: [], scores: [] }, topics: []
    };
    if (!hidden) {
      spec.questions.forEach(function (q) { room.questions[q.id] = questionSummary(q, given(respondents, q.id)); });
      spec.targets.forEach(function (t) { room.scores[t.id] = scoreSummary(column(results, "scores", t.id)); });
      spec.axes.forEach(function (a) { room.axes[a.id] = scoreSummary(column(results, "axes", a.id)); });
      room.result = api.score(spec.id, groupAnswers(spec, respondents));
      spec.verdicts.forEach(function (v) {
        room.verdicts[v.id] = results.filter(function (r) { return r.verdict === v.id; }).length;
      });
      if (spec.verdicts.length) {
        room.no_verdict = results.filter(function (r) { return r.verdict === null; }).length;
      }
      spec.groups.forEach(function (g) {
        var counts = {};
        spec.targets.forEach(function (t) {
          if (t.group !== g.id) return;
          counts[t.id] = results.filter(function (r) { return leads(r, g.id, t.id); }).length;
        });
        room.leaders[g.id] = counts;
      });
      var questionIds = spec.questions.map(function (q) { return q.id; });
      var rankedQuestions = ranked(questionIds, room.questions);
      room.ranked = {
        questions: rankedQuestions,
        scores: ranked(spec.targets.map(function (t) { return t.id; }), room.scores)
      };
      var flagged = rankedQuestions.filter(function (id) { return room.questions[id].discuss; });
      room.topics = flagged.length ? flagged : rankedQuestions.slice(0, FALLBACK_TOPICS);
    }
    room.teams = teams(spec, respondents, results, minGroup, hidden);
    var before = null;
    if (baselineGiven !== null) {
      before = summary(spec, baselineGiven,
        baselineGiven.map(function (r) { return api.score(spec.id, r.answers); }), minGroup);
    }
    room.baseline = before;
    room.trend = trend(spec, room, before);
    return room;
  }

  api.group = {
    DISCUSS_SPREAD: DISCUSS_SPREAD, DEFAULT_MIN_GROUP: DEFAULT_MIN_GROUP,
    LOWEST_MIN_GROUP: LOWEST_MIN_GROUP, aggregate: aggregate, teamsOf: teamsOf,
    questionSummary: questionSummary, spread: spread, lowerMedian: lowerMedian
  };
})();
