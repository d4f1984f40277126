/* cco-playbook self-assessment: untrusted input, checked and cleaned (no DOM).
 *
 * The URL fragment of a shared result, answers saved in localStorage and imported
 * results files are data: they are checked against the assessment's own ids here and
 * never reach innerHTML anywhere. KEEP IN STEP with generator/results.py, which
 * applies the same checks for `cco-playbook score`.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.scoring || api.input) return;
  var own = api.scoring.own;
  var hasOwn = Object.prototype.hasOwnProperty;
  var MAX_FRAGMENT = 8192;
  var MAX_FILE = 1048576;
  var MAX_KEYS = 500;
  var MAX_LABEL = 80;

  /* Keep only {questionId: choiceId} pairs this assessment knows; count the rest. */
  function cleanAnswers(spec, input) {
    var answers = Object.create(null);
    var ignored = 0;
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      return { answers: answers, ignored: input === undefined ? 0 : 1 };
    }
    var valid = Object.create(null);
    spec.questions.forEach(function (q) {
      valid[q.id] = Object.create(null);
      q.choices.forEach(function (c) { valid[q.id][c.id] = true; });
    });
    var keys = Object.keys(input);
    if (keys.length > MAX_KEYS) return { answers: answers, ignored: keys.length };
    keys.forEach(function (key) {
      var value = input[key];
      if (typeof value === "string" && hasOwn.call(valid, key) && hasOwn.call(valid[key], value)) {
        answers[key] = value;
      } else {
        ignored += 1;
      }
    });
    return { answers: answers, ignored: ignored };
  }

  function plainAnswers(answers) {
    var copy = {};
    Object.keys(answers).forEach(function (k) { copy[k] = answers[k]; });
    return copy;
  }

  /* A label the reader typed, or one read from a file: one plain line, length-limited.
   * Control, line-separator and bidi-override characters go (they could disguise it). */
  function cleanLabel(value) {
    if (typeof value !== "string") return "";
    return value.slice(0, 4 * MAX_LABEL)
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, " ")
      .replace(/\s+/g, " ").trim().slice(0, MAX_LABEL);
  }

  /* An export date from a file, as YYYY-MM-DD, or "" when it is not an ISO date. */
  function cleanDate(value) {
    var iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
    return typeof value === "string" && iso.test(value) ? value.slice(0, 10) : "";
  }

  /* Check a share link, saved record or results file against this assessment and
   * version. Returns {answers, ignored} to use, or {notice, values} saying why it cannot
   * be used. Every way in goes through here, so they accept the same things. */
  function checkResult(spec, input, source) {
    var unreadable = source === "link" ? "unreadable_link" : "unreadable_file";
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      return { notice: unreadable };
    }
    var stamped = own(input, "assessment") || own(input, "version");
    if (stamped && input.assessment !== spec.id) {
      if (typeof input.assessment === "string" && /^[a-z0-9][a-z0-9-]{0,80}$/.test(input.assessment)) {
        return { notice: "other_assessment", values: { id: input.assessment } };
      }
      return { notice: unreadable };
    }
    if (stamped && input.version !== spec.version) {
      var linked = typeof input.version === "number" && isFinite(input.version) ? input.version : "?";
      return { notice: "old_version", values: { linked: String(linked).slice(0, 12), current: spec.version } };
    }
    var answers = stamped ? input.answers : own(input, "answers") ? input.answers : input;
    if (answers === null || typeof answers !== "object" || Array.isArray(answers)) {
      return { notice: unreadable };
    }
    return cleanAnswers(spec, answers);
  }

  /* "#assessment=readiness&version=1&answers=goals:yes,roadmap:no" -> parts, or null for a
   * plain anchor (#goals) that is not a share link at all. */
  function parseFragment(hash) {
    var text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
    if (text === "" || /^[A-Za-z0-9_.-]+$/.test(text)) return null;
    if (text.length > MAX_FRAGMENT) return { error: "unreadable_link" };
    var params = Object.create(null);
    var parts = text.split("&");
    for (var i = 0; i < parts.length; i += 1) {
      var at = parts[i].indexOf("=");
      if (at < 0) continue;
      var key, value;
      try {
        key = decodeURIComponent(parts[i].slice(0, at));
        value = decodeURIComponent(parts[i].slice(at + 1));
      } catch (e) {
        return { error: "unreadable_link" };
      }
      if (key === "assessment" || key === "version" || key === "answers") params[key] = value;
    }
    if (typeof params.assessment !== "string" || !/^\d{1,9}$/.test(params.version || "")) {
      return { error: "unreadable_link" };
    }
    var answers = Object.create(null);
    (params.answers || "").split(",").forEach(function (pair) {
      var colon = pair.indexOf(":");
      if (colon > 0) answers[pair.slice(0, colon)] = pair.slice(colon + 1);
    });
    return { assessment: params.assessment, version: Number(params.version), answers: answers };
  }

  function fragmentFor(spec, answers) {
    var pairs = Object.keys(answers).map(function (q) { return q + ":" + answers[q]; });
    return "assessment=" + encodeURIComponent(spec.id) + "&version=" + spec.version +
      "&answers=" + encodeURIComponent(pairs.join(",")).replace(/%2C/g, ",").replace(/%3A/g, ":");
  }

  /* Every file:// site shares one origin: the key names the playbook, the brand, the
   * assessment and its version, so two playbooks on one laptop never meet. */
  function storageKey(spec) {
    var data = api.scoring.allData();
    return ["cco-playbook", data.playbook, data.brand, spec.id, "v" + spec.version]
      .map(function (part) { return encodeURIComponent(String(part)); }).join(":");
  }

  /* A saved record ({answers, label, shown}) from its stored text; null when unreadable. */
  function readRecord(spec, stored) {
    var record;
    try {
      record = JSON.parse(stored);
    } catch (e) {
      return null;
    }
    if (!own(record, "answers")) return null;
    var cleaned = cleanAnswers(spec, record.answers);
    return {
      answers: cleaned.answers, ignored: cleaned.ignored, label: cleanLabel(record.label),
      shown: record.shown === true
    };
  }

  function csvCell(value) {
    var cell = value === null || value === undefined ? "" : String(value);
    // A leading = + - @ would make spreadsheets run the cell as a formula.
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return /[",\r\n']/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  function fileName(spec, extension, label) {
    var parts = [api.scoring.allData().playbook, spec.id, "v" + spec.version];
    if (label) parts.push(label.slice(0, 40));
    var base = parts.join("-").toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    return base.replace(/-+/g, "-").replace(/-$/, "") + "." + extension;
  }

  api.input = {
    MAX_FILE: MAX_FILE, MAX_LABEL: MAX_LABEL, cleanAnswers: cleanAnswers,
    plainAnswers: plainAnswers, cleanLabel: cleanLabel, cleanDate: cleanDate,
    checkResult: checkResult, parseFragment: parseFragment, fragmentFor: fragmentFor,
    storageKey: storageKey, readRecord: readRecord, csvCell: csvCell, fileName: fileName
  };
  api.parseFragment = parseFragment;
})();
