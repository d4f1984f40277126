/* cco-playbook self-assessment page: form, results, keep / share / export.
 *
 * Vanilla JavaScript, no network: the data comes from assessment-data.js
 * (window.ccoPlaybookData). Scoring lives in assessment-score.js, loaded first.
 * KEEP IN STEP: that scorer mirrors score() in generator/assessment.py; change both
 * together (tests/test_assessment_parity.py proves they agree). Anything from the URL
 * fragment, localStorage or an imported file is data: it is checked against the
 * assessment's own ids and never reaches innerHTML. Content shown in the result is
 * cloned from blocks the build rendered into the page ([data-content]).
 */
(function () {
  "use strict";

  if (window.ccoPlaybook && window.ccoPlaybook.init) {
    // Loaded again by instant navigation: just bind the new page.
    window.ccoPlaybook.init();
    return;
  }

  var MAX_FRAGMENT = 8192;
  var MAX_FILE = 1048576;
  var MAX_KEYS = 500;
  var MAX_LABEL = 80;
  var WEAK = 70;
  var ACTIONS_PER_DIMENSION = 3;
  var hasOwn = Object.prototype.hasOwnProperty;
  var bound = new WeakMap();

  var scoring = window.ccoPlaybook && window.ccoPlaybook.scoring;
  if (!scoring) {
    // assessment-score.js did not load: the page stays a plain worksheet.
    if (window.console) window.console.warn("cco-playbook: assessment-score.js is missing");
    return;
  }
  var score = window.ccoPlaybook.score;
  var own = scoring.own;
  var allData = scoring.allData;
  var findAssessment = scoring.findAssessment;

  // --- untrusted answers ------------------------------------------------------------

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

  /* Check a share link or results file against this assessment and version. Returns
   * {answers, ignored} to use, or {notice, values} saying why it cannot be used. The
   * re-import and the comparison both go through here, so they accept the same files. */
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

  // --- the page ---------------------------------------------------------------------

  function text(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) {
      return values && hasOwn.call(values, name) ? String(values[name]) : all;
    });
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function storageKey(spec) {
    var data = allData();
    return ["cco-playbook", data.playbook, data.brand, spec.id, "v" + spec.version]
      .map(function (part) { return encodeURIComponent(String(part)); }).join(":");
  }

  function Assessment(form) {
    this.form = form;
    this.spec = findAssessment(form.getAttribute("data-assessment"));
    this.strings = allData().strings || {};
    this.root = form.closest(".cco-assessment") || form.parentNode;
    this.notices = this.root.querySelector("[data-assessment-notice]");
    this.content = this.root.querySelector("[data-assessment-content]");
    this.key = storageKey(this.spec);
    this.fromLink = false;
    this.label = "";
  }

  Assessment.prototype.t = function (key, values) {
    return text(hasOwn.call(this.strings, key) ? this.strings[key] : key, values);
  };

  Assessment.prototype.notice = function (key, values) {
    if (!this.notices) return;
    this.notices.appendChild(el("p", "cco-notice", this.t(key, values)));
  };

  Assessment.prototype.clearNotices = function () {
    if (this.notices) this.notices.textContent = "";
  };

  Assessment.prototype.answers = function () {
    var answers = {};
    var inputs = this.form.querySelectorAll("input[type=radio]:checked");
    for (var i = 0; i < inputs.length; i += 1) answers[inputs[i].name] = inputs[i].value;
    return cleanAnswers(this.spec, answers).answers;
  };

  Assessment.prototype.fill = function (answers) {
    var inputs = this.form.querySelectorAll("input[type=radio]");
    for (var i = 0; i < inputs.length; i += 1) {
      var input = inputs[i];
      input.checked = hasOwn.call(answers, input.name) && answers[input.name] === input.value;
    }
  };

  Assessment.prototype.save = function (shown) {
    try {
      window.localStorage.setItem(this.key, JSON.stringify({
        assessment: this.spec.id, version: this.spec.version,
        answers: plainAnswers(this.answers()), shown: Boolean(shown),
        label: this.label
      }));
    } catch (e) {
      if (!this.storageWarned) this.notice("storage_unavailable");
      this.storageWarned = true;
    }
  };

  Assessment.prototype.restore = function () {
    var stored;
    try {
      stored = window.localStorage.getItem(this.key);
    } catch (e) {
      this.notice("storage_unavailable");
      this.storageWarned = true;
      return;
    }
    if (stored === null) return;
    var record;
    try {
      record = JSON.parse(stored);
    } catch (e) {
      record = null;
    }
    if (!own(record, "answers")) {
      this.notice("unreadable_storage");
      return;
    }
    var cleaned = cleanAnswers(this.spec, record.answers);
    if (cleaned.ignored > 0) this.notice("ignored_answers", { count: cleaned.ignored });
    this.fill(cleaned.answers);
    this.label = cleanLabel(record.label);
    if (record.shown === true && Object.keys(cleaned.answers).length > 0) this.showResult();
  };

  /* A share link or imported file: apply it only if it is for this assessment and version. */
  Assessment.prototype.accept = function (input, source) {
    var checked = checkResult(this.spec, input, source);
    if (checked.notice) {
      this.notice(checked.notice, checked.values);
      return false;
    }
    if (checked.ignored > 0) this.notice("ignored_answers", { count: checked.ignored });
    this.fill(checked.answers);
    return true;
  };

  Assessment.prototype.readFragment = function () {
    var parsed = parseFragment(window.location.hash);
    if (parsed === null) return false;
    if (parsed.error) {
      this.notice(parsed.error);
      return false;
    }
    if (!this.accept(parsed, "link")) return false;
    this.fromLink = true;
    this.notice("shared_loaded");
    this.showResult();
    return true;
  };

  Assessment.prototype.clear = function () {
    try {
      window.localStorage.removeItem(this.key);
    } catch (e) { /* nothing stored, nothing to clear */ }
    this.fill({});
    this.label = "";
    this.hideResult();
    this.clearNotices();
    if (parseFragment(window.location.hash) !== null && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.href.split("#")[0]);
    }
    this.fromLink = false;
    this.notice("cleared");
  };

  Assessment.prototype.hideResult = function () {
    var old = this.root.querySelector("[data-assessment-result]");
    if (old) old.parentNode.removeChild(old);
    this.root.classList.remove("cco-assessment--result");
  };

  Assessment.prototype.bind = function () {
    var self = this;
    this.form.setAttribute("data-assessment-ready", "");
    bound.set(this.form, this);
    this.live = el("p", "cco-sr-only");
    this.live.setAttribute("role", "status");
    this.live.setAttribute("aria-live", "polite");
    this.root.appendChild(this.live);
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.clearNotices();
      var shown = self.showResult(true);
      if (!self.fromLink) self.save(shown);
    });
    this.form.addEventListener("change", function () {
      // Answers are kept as soon as they are given, not only on submit.
      self.fromLink = false;
      self.save(Boolean(self.root.querySelector("[data-assessment-result]")));
    });
    this.form.parentNode.insertBefore(this.toolbar(), this.form.nextSibling);
    if (!this.readFragment()) this.restore();
  };

  Assessment.prototype.toolbar = function () {
    var self = this;
    var bar = el("div", "cco-assessment__tools");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", this.t("toolbar_label"));
    var clear = el("button", "md-button cco-clear", this.t("clear"));
    clear.type = "button";
    clear.setAttribute("data-assessment-clear", "");
    clear.addEventListener("click", function () { self.clear(); });
    var label = el("label", "md-button cco-import");
    label.appendChild(el("span", null, this.t("import")));
    var file = el("input");
    file.type = "file";
    file.accept = ".json,application/json";
    file.setAttribute("data-assessment-import", "");
    file.addEventListener("change", function () {
      if (file.files && file.files[0]) self.importFile(file.files[0]);
      file.value = "";
    });
    label.appendChild(file);
    bar.appendChild(clear);
    bar.appendChild(label);
    // The comparison (assessment-compare.js) is optional: without it, import still works.
    var Comparison = window.ccoPlaybook.Comparison;
    if (typeof Comparison === "function") bar.appendChild(new Comparison(this, bar).control());
    this.tools = bar;
    return bar;
  };

  Assessment.prototype.importFile = function (blob) {
    var self = this;
    this.clearNotices();
    if (blob.size > MAX_FILE) {
      this.notice("unreadable_file");
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var parsed;
      try {
        parsed = JSON.parse(String(reader.result));
      } catch (e) {
        self.notice("unreadable_file");
        return;
      }
      if (self.accept(parsed, "file")) {
        self.fromLink = false;
        self.label = cleanLabel(parsed.label);
        self.notice("imported");
        self.save(self.showResult());
      }
    };
    reader.onerror = function () { self.notice("unreadable_file"); };
    reader.readAsText(blob);
  };

  // --- the result -------------------------------------------------------------------

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, String(attributes[k])); });
    return node;
  }

  function fileName(spec, extension, label) {
    var parts = [allData().playbook, spec.id, "v" + spec.version];
    if (label) parts.push(label.slice(0, 40));
    var base = parts.join("-").toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    return base.replace(/-+/g, "-").replace(/-$/, "") + "." + extension;
  }

  function download(name, type, body) {
    var url = URL.createObjectURL(new Blob([body], { type: type }));
    var link = el("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
      link.parentNode.removeChild(link);
    }, 1000);
  }

  function csvCell(value) {
    var cell = value === null || value === undefined ? "" : String(value);
    // A leading = + - @ would make spreadsheets run the cell as a formula.
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return /[",\r\n']/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  Assessment.prototype.block = function (name) {
    var blocks = this.content ? this.content.querySelectorAll("[data-content]") : [];
    for (var i = 0; i < blocks.length; i += 1) {
      if (blocks[i].getAttribute("data-content") === name) return blocks[i];
    }
    return null;
  };

  Assessment.prototype.listItems = function (name, limit) {
    var block = this.block(name);
    var items = block ? Array.prototype.slice.call(block.querySelectorAll("li")) : [];
    return items.slice(0, limit === undefined ? items.length : limit)
      .map(function (li) { return li.cloneNode(true); });
  };

  Assessment.prototype.cloneBlock = function (name, className) {
    var block = this.block(name);
    if (!block) return null;
    var copy = el("div", className);
    Array.prototype.forEach.call(block.childNodes, function (n) { copy.appendChild(n.cloneNode(true)); });
    return copy;
  };

  Assessment.prototype.titleOf = function (id) {
    var found = this.spec.targets.filter(function (t) { return t.id === id; })[0];
    return found ? found.title : id;
  };

  Assessment.prototype.rows = function (result) {
    var self = this;
    var ids = this.spec.style === "readiness" ? this.spec.targets.map(function (t) { return t.id; })
      : result.ranking;
    return ids.map(function (id) {
      var target = self.spec.targets.filter(function (t) { return t.id === id; })[0];
      return { id: id, title: target.title, weight: target.weight, score: result.scores[id] };
    });
  };

  Assessment.prototype.chart = function (rows) {
    var figure = el("figure", "cco-result__chart");
    // The table below carries the same numbers for screen readers.
    figure.setAttribute("aria-hidden", "true");
    var rowHeight = 44, width = 640, bar = 560;
    var picture = svg("svg", {
      viewBox: "0 0 " + width + " " + rows.length * rowHeight, width: "100%", "aria-hidden": "true",
      focusable: "false", "class": "cco-chart"
    });
    var self = this;
    rows.forEach(function (row, i) {
      var y = i * rowHeight;
      var label = svg("text", { x: 0, y: y + 14, "class": "cco-chart__label" });
      label.textContent = row.title;
      picture.appendChild(label);
      picture.appendChild(svg("rect", { x: 0, y: y + 20, width: bar, height: 14, rx: 3, "class": "cco-chart__track" }));
      if (row.score !== null) {
        picture.appendChild(svg("rect", {
          x: 0, y: y + 20, width: Math.max(2, bar * row.score / 100), height: 14, rx: 3,
          "class": "cco-chart__bar"
        }));
      }
      var value = svg("text", { x: bar + 8, y: y + 32, "class": "cco-chart__value" });
      value.textContent = row.score === null ? "–" : String(row.score);
      picture.appendChild(value);
    });
    figure.appendChild(picture);
    figure.appendChild(el("figcaption", null,
      this.t(this.spec.style === "readiness" ? "chart_dimensions" : "chart_outcomes")));
    return figure;
  };

  Assessment.prototype.table = function (rows) {
    var readiness = this.spec.style === "readiness";
    var wrapper = el("div", "cco-result__table");
    // No class on the table itself: Material styles only plain tables.
    var table = wrapper.appendChild(el("table"));
    table.appendChild(el("caption", null, this.t(readiness ? "chart_dimensions" : "chart_outcomes")));
    var head = el("tr");
    var columns = readiness ? ["col_dimension", "col_score", "col_weight"] : ["col_rank", "col_option", "col_score"];
    var self = this;
    columns.forEach(function (key) {
      var th = el("th", null, self.t(key));
      th.scope = "col";
      head.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    rows.forEach(function (row, i) {
      var tr = body.appendChild(el("tr"));
      var shown = row.score === null ? self.t("not_scored") : String(row.score);
      var cells = readiness ? [row.title, shown, String(row.weight)] : [String(i + 1), row.title, shown];
      cells.forEach(function (cell, c) {
        var td = el(c === (readiness ? 0 : 1) ? "th" : "td", null, cell);
        if (td.tagName === "TH") td.scope = "row";
        tr.appendChild(td);
      });
    });
    return wrapper;
  };

  /* The weakest scored dimensions (below WEAK, weakest first), or the weakest one. */
  Assessment.prototype.weakDimensions = function (result) {
    var scored = this.rows(result).filter(function (r) { return r.score !== null; });
    scored.sort(function (a, b) { return a.score - b.score; });
    var weak = scored.filter(function (r) { return r.score < WEAK; });
    return weak.length ? weak : scored.slice(0, 1);
  };

  Assessment.prototype.section = function (parent, headingKey, items, className) {
    if (!items.length) return;
    parent.appendChild(el("h3", null, this.t(headingKey)));
    var list = parent.appendChild(el(className === "cco-result__actions" ? "ol" : "ul", className));
    items.forEach(function (item) { list.appendChild(item); });
  };

  Assessment.prototype.showResult = function (focus) {
    var self = this;
    var answers = this.answers();
    this.hideResult();
    if (Object.keys(answers).length === 0) {
      this.notice("no_answers");
      return false;
    }
    var result = score(this.spec.id, answers);
    var readiness = this.spec.style === "readiness";
    var section = el("section", "cco-result");
    section.setAttribute("data-assessment-result", "");
    section.tabIndex = -1;
    var heading = section.appendChild(el("h2", "cco-result__heading", this.t("result_heading")));
    heading.id = "cco-result-" + this.spec.id;
    section.setAttribute("aria-labelledby", heading.id);
    var verdict;
    if (readiness && result.overall !== null) {
      var band = this.spec.bands.filter(function (b) { return b.id === result.band; })[0];
      verdict = (band ? band.title + ". " : "") + this.t("overall", { overall: result.overall });
      section.appendChild(el("p", "cco-result__verdict", band ? band.title : ""))
        .setAttribute("data-band", result.band || "");
      section.appendChild(el("p", "cco-result__overall", this.t("overall", { overall: result.overall })));
      var summary = band ? this.cloneBlock("band-" + band.id, "cco-result__summary") : null;
      if (summary) section.appendChild(summary);
    } else if (!readiness && result.ranking.length && result.scores[result.ranking[0]] !== null) {
      verdict = this.t("best_fit", { title: this.titleOf(result.ranking[0]) });
      section.appendChild(el("p", "cco-result__verdict", verdict))
        .setAttribute("data-outcome", result.ranking[0]);
    } else {
      verdict = this.t(readiness ? "no_overall" : "no_ranking");
      section.appendChild(el("p", "cco-result__verdict", verdict));
    }
    var answered = this.t("answered", { answered: result.answered, total: result.total });
    section.appendChild(el("p", "cco-result__answered", answered));
    var rows = this.rows(result);
    section.appendChild(this.chart(rows));
    section.appendChild(this.table(rows));

    var links = [], actions = [];
    if (readiness) {
      if (result.band) links = this.listItems("recommend-" + result.band);
      if (result.overall !== null) {
        this.weakDimensions(result).forEach(function (row) {
          links = links.concat(self.listItems("related-" + row.id));
          actions = actions.concat(self.listItems("actions-" + row.id, ACTIONS_PER_DIMENSION));
        });
      }
    } else {
      result.ranking.filter(function (id) { return result.scores[id] !== null; }).slice(0, 3)
        .forEach(function (id) { links = links.concat(self.listItems("outcome-" + id)); });
      if (result.ranking.length && result.scores[result.ranking[0]] !== null) {
        actions = this.listItems("actions-" + result.ranking[0]);
      }
    }
    var seen = Object.create(null);
    links = links.filter(function (li) {
      var a = li.querySelector("a");
      var href = a ? a.getAttribute("href") : li.textContent;
      if (seen[href]) return false;
      seen[href] = true;
      return true;
    });
    this.section(section, "recommendations_heading", links, "cco-result__links");
    this.section(section, "actions_heading", actions, "cco-result__actions");
    var contact = this.cloneBlock("contact", "cco-result__contact");
    if (contact) {
      section.appendChild(el("h3", null, this.t("contact_heading")));
      section.appendChild(contact);
    }
    section.appendChild(this.labelBox());
    section.appendChild(this.resultTools(answers, result));
    this.root.insertBefore(section, this.content);
    this.root.classList.add("cco-assessment--result");
    if (this.live) this.live.textContent = verdict + " " + answered;
    if (focus) section.focus();
    return true;
  };

  /* The reader's own name for this result ("Sales leadership, Q3"), carried by exports
   * so that a comparison can tell results apart. */
  Assessment.prototype.labelBox = function () {
    var self = this;
    var box = el("p", "cco-result__label");
    var label = box.appendChild(el("label", null, this.t("label_label")));
    var input = label.appendChild(el("input"));
    input.type = "text";
    input.maxLength = MAX_LABEL;
    input.autocomplete = "off";
    input.value = this.label;
    input.setAttribute("data-assessment-label", "");
    input.addEventListener("input", function () {
      self.label = cleanLabel(input.value);
      if (!self.fromLink) self.save(true);
    });
    return box;
  };

  Assessment.prototype.resultTools = function (answers, result) {
    var self = this, spec = this.spec, data = allData();
    var tools = el("div", "cco-result__tools");
    function button(key, action, hook) {
      var b = tools.appendChild(el("button", "md-button", self.t(key)));
      b.type = "button";
      b.setAttribute(hook, "");
      b.addEventListener("click", action);
      return b;
    }
    button("print", function () { window.print(); }, "data-assessment-print");
    button("download_json", function () {
      // Built on click, so the label and date are the ones at the time of export.
      var exported = {
        format: "cco-playbook-assessment", playbook: data.playbook, brand: data.brand,
        assessment: spec.id, version: spec.version, label: self.label,
        exported: new Date().toISOString(), answers: plainAnswers(answers), result: result
      };
      download(fileName(spec, "json", self.label), "application/json",
        JSON.stringify(exported, null, 2) + "\n");
    }, "data-assessment-json");
    button("download_csv", function () {
      download(fileName(spec, "csv", self.label), "text/csv;charset=utf-8",
        "\ufeff" + self.csv(answers, result, new Date().toISOString()));
    }, "data-assessment-csv");
    var shareBox = el("p", "cco-result__share");
    var shareLabel = el("label", null, this.t("share_label"));
    var output = el("input");
    output.type = "text";
    output.readOnly = true;
    output.setAttribute("data-assessment-share-link", "");
    var status = el("span", "cco-result__share-status");
    status.setAttribute("role", "status");
    shareLabel.appendChild(output);
    shareBox.appendChild(shareLabel);
    shareBox.appendChild(status);
    shareBox.hidden = true;
    button("share", function () {
      var url = window.location.href.split("#")[0] + "#" + fragmentFor(spec, answers);
      output.value = url;
      shareBox.hidden = false;
      output.select();
      status.textContent = self.t("share_ready");
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = self.t("share_copied");
        }, function () { /* the link is shown to copy by hand */ });
      }
    }, "data-assessment-share");
    tools.appendChild(shareBox);
    return tools;
  };

  Assessment.prototype.csv = function (answers, result, exported) {
    var self = this;
    var lines = [[this.t("csv_kind"), this.t("csv_id"), this.t("csv_title"), this.t("csv_value")]];
    lines.push([this.t("csv_label"), "", "", this.label]);
    lines.push([this.t("csv_exported"), "", "", exported]);
    this.spec.questions.forEach(function (q) {
      var choice = q.choices.filter(function (c) { return c.id === answers[q.id]; })[0];
      lines.push([self.t("csv_question"), q.id, q.text, choice ? choice.label : ""]);
    });
    this.rows(result).forEach(function (row, i) {
      var kind = self.spec.style === "readiness" ? self.t("csv_score") : self.t("csv_rank") + " " + (i + 1);
      lines.push([kind, row.id, row.title, row.score]);
    });
    if (this.spec.style === "readiness") {
      var band = this.spec.bands.filter(function (b) { return b.id === result.band; })[0];
      lines.push([this.t("csv_overall"), "", "", result.overall]);
      lines.push([this.t("csv_band"), result.band || "", band ? band.title : "", ""]);
    }
    return lines.map(function (cells) { return cells.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  };

  window.ccoPlaybook.parseFragment = parseFragment;
  window.ccoPlaybook.Assessment = Assessment;
  window.ccoPlaybook.internals = {
    el: el, own: own, fragmentFor: fragmentFor, plainAnswers: plainAnswers, WEAK: WEAK,
    svg: svg, text: text, download: download, csvCell: csvCell, fileName: fileName,
    checkResult: checkResult, cleanLabel: cleanLabel, cleanDate: cleanDate, MAX_FILE: MAX_FILE,
    ACTIONS_PER_DIMENSION: ACTIONS_PER_DIMENSION
  };

  function init() {
    var forms = document.querySelectorAll("form[data-assessment]:not([data-assessment-ready])");
    for (var i = 0; i < forms.length; i += 1) {
      try {
        new Assessment(forms[i]).bind();
      } catch (e) {
        // An unknown id means the data file is missing or stale: the worksheet still works.
        if (window.console) window.console.warn("cco-playbook:", e.message);
      }
    }
  }

  window.ccoPlaybook.init = init;
  window.addEventListener("hashchange", function () {
    var forms = document.querySelectorAll("form[data-assessment][data-assessment-ready]");
    for (var i = 0; i < forms.length; i += 1) {
      var page = bound.get(forms[i]);
      if (!page) continue;
      page.clearNotices();
      page.readFragment();
    }
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
