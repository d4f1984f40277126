/* cco-playbook workshop: exported results files, each checked, counted or skipped (no DOM).
 *
 * KEEP IN STEP with generator/group_files.py, whose docstring lists the checks in
 * order: the page and `cco-playbook aggregate` count and skip the same files for the
 * same reasons. A file is data: its label is read as plain text, only to tell
 * respondents and teams apart, and never reaches the group JSON or any markup.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.input || !api.group || api.groupFiles) return;
  var own = api.scoring.own;
  var MAX_FILES = 500;
  var MAX_KEYS = 500;
  var EXPORT_FORMAT = "cco-playbook-assessment";
  var EXPORTED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
  var MARKUP = /<[A-Za-z\/!?]/;
  var FORMULA = /^[=+\-@\t\r]/;

  function shownId(value) {
    return typeof value === "string" && /^[a-z0-9][a-z0-9-]{0,80}$/.test(value) ? value : "?";
  }

  function hostile(raw, cleaned) {
    return MARKUP.test(raw) || FORMULA.test(raw) || FORMULA.test(cleaned);
  }

  function skip(name, reason, values) {
    return { file: name, reason: reason, values: values || {} };
  }

  /* A parsed file checked against this playbook and assessment (duplicates aside):
   * {entry} to count, or {skip} saying why not. */
  function checkEntry(spec, playbook, name, data) {
    if (data === null || typeof data !== "object" || Array.isArray(data)) return { skip: skip(name, "unreadable") };
    var stamped = own(data, "assessment") && own(data, "version") && own(data, "answers");
    if (!stamped || (own(data, "format") && data.format !== EXPORT_FORMAT)) {
      return { skip: skip(name, "not_export") };
    }
    if (own(data, "playbook") && data.playbook !== playbook) {
      return { skip: skip(name, "other_playbook", { id: shownId(data.playbook) }) };
    }
    if (data.assessment !== spec.id) return { skip: skip(name, "other_assessment", { id: shownId(data.assessment) }) };
    var version = data.version;
    if (version !== spec.version) {
      var shown = Number.isInteger(version) && Math.abs(version) < 1e9 ? version : "?";
      return { skip: skip(name, "other_version", { version: shown, current: spec.version }) };
    }
    var answers = data.answers;
    var label = own(data, "label") ? data.label : "";
    var team = own(data, "team") ? data.team : "";
    if (answers === null || typeof answers !== "object" || Array.isArray(answers) ||
        typeof label !== "string" || typeof team !== "string") {
      return { skip: skip(name, "unreadable") };
    }
    var keys = Object.keys(answers);
    var cleaned = api.input.cleanAnswers(spec, answers);
    var bad = keys.length > MAX_KEYS ? keys.length : cleaned.ignored;
    if (bad) return { skip: skip(name, "mismatched", { count: bad }) };
    var cleanLabel = api.input.cleanLabel(label), cleanTeam = api.input.cleanLabel(team);
    if (hostile(label, cleanLabel) || hostile(team, cleanTeam)) return { skip: skip(name, "hostile") };
    if (!keys.length) return { skip: skip(name, "no_answers") };
    if (!cleanTeam && cleanLabel.indexOf(":") >= 0) {
      cleanTeam = api.input.cleanLabel(cleanLabel.slice(0, cleanLabel.indexOf(":")));
    }
    var exported = typeof data.exported === "string" && EXPORTED.test(data.exported) ? data.exported : "";
    return {
      entry: {
        file: name, label: cleanLabel, exported: exported,
        respondent: { answers: api.input.plainAnswers(cleaned.answers), team: cleanTeam }
      }
    };
  }

  function identity(spec, entry) {
    if (entry.label) return "label\u0000" + entry.label;
    if (!entry.exported) return null;
    var answers = entry.respondent.answers;
    return "export\u0000" + entry.exported + "\u0000" + spec.questions.map(function (q) {
      return q.id + "=" + (own(answers, q.id) ? answers[q.id] : "");
    }).join("\u0000");
  }

  /* Check [{name, text}] in order (text null: too large or unreadable to read);
   * returns {entries, skipped}, entries in the order given. */
  function gather(spec, playbook, files) {
    var found = { entries: [], skipped: [] };
    var kept = Object.create(null);
    files.forEach(function (file, position) {
      if (position >= MAX_FILES) {
        found.skipped.push(skip(file.name, "too_many", { max: MAX_FILES }));
        return;
      }
      if (file.text === null) {
        found.skipped.push(skip(file.name, file.tooLarge ? "too_large" : "unreadable"));
        return;
      }
      var data;
      try {
        data = JSON.parse(file.text);
      } catch (e) {
        found.skipped.push(skip(file.name, "unreadable"));
        return;
      }
      var checked = checkEntry(spec, playbook, file.name, data);
      if (checked.skip) {
        found.skipped.push(checked.skip);
        return;
      }
      var entry = checked.entry, key = identity(spec, entry);
      if (key === null || kept[key] === undefined) {
        if (key !== null) kept[key] = found.entries.length;
        found.entries.push(entry);
        return;
      }
      var earlier = found.entries[kept[key]];
      if (entry.exported && earlier.exported && entry.exported > earlier.exported) {
        found.skipped.push(skip(earlier.file, "duplicate", { other: entry.file }));
        found.entries[kept[key]] = entry;
      } else {
        found.skipped.push(skip(entry.file, "duplicate", { other: earlier.file }));
      }
    });
    return found;
  }

  api.groupFiles = { MAX_FILES: MAX_FILES, checkEntry: checkEntry, gather: gather };
})();
