/* cco-playbook self-assessment page: the form, its saved answers, shared views, exports.
 *
 * Vanilla JavaScript, no network. Loaded last: the data (assessment-data.js), the
 * scorer (assessment-score.js), what a result means (assessment-explain.js), untrusted
 * input (assessment-input.js), DOM helpers (assessment-view.js), the result
 * (assessment-result.js), exports (assessment-export.js), the comparison
 * (assessment-compare.js) and the workshop view (assessment-group*.js,
 * assessment-workshop*.js, assessment-facilitator.js) come first.
 *
 * A share link opens a shared view: the reader's own saved answers and label are left
 * as they are until they choose to keep the shared ones.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (api && api.init) {
    // Loaded again by instant navigation: just bind the new page.
    api.init();
    return;
  }
  if (!api || !api.Result || !api.Export) {
    // A script before this one did not load: the page stays a plain worksheet.
    if (window.console) window.console.warn("cco-playbook: an assessment script is missing");
    return;
  }
  var input = api.input, view = api.view, el = view.el;
  var hasOwn = Object.prototype.hasOwnProperty;
  var bound = new WeakMap();

  function Assessment(form) {
    var data = api.scoring.allData();
    this.form = form;
    this.spec = api.scoring.findAssessment(form.getAttribute("data-assessment"));
    this.t = view.translator(data.strings || {});
    this.root = form.closest(".cco-assessment") || form.parentNode;
    this.notices = this.root.querySelector("[data-assessment-notice]");
    this.blocks = new view.Blocks(this.root.querySelector("[data-assessment-content]"));
    this.content = this.root.querySelector("[data-assessment-content]");
    this.key = input.storageKey(this.spec);
    this.shared = false;
    this.label = "";
  }

  /* A notice; a lasting one (storage unavailable) stays when the others are cleared. */
  Assessment.prototype.notice = function (key, values, lasting) {
    if (!this.notices) return null;
    var p = this.notices.appendChild(el("p", "cco-notice", this.t(key, values)));
    if (lasting) p.setAttribute("data-lasting", "");
    return p;
  };

  Assessment.prototype.clearNotices = function () {
    if (!this.notices) return;
    var shown = this.notices.querySelectorAll(".cco-notice:not([data-lasting])");
    for (var i = 0; i < shown.length; i += 1) shown[i].parentNode.removeChild(shown[i]);
  };

  Assessment.prototype.storageProblem = function () {
    if (this.storageWarned) return;
    this.storageWarned = true;
    this.notice("storage_unavailable", null, true);
  };

  Assessment.prototype.answers = function () {
    var answers = {};
    var inputs = this.form.querySelectorAll("input[type=radio]:checked");
    for (var i = 0; i < inputs.length; i += 1) answers[inputs[i].name] = inputs[i].value;
    return input.cleanAnswers(this.spec, answers).answers;
  };

  Assessment.prototype.fill = function (answers) {
    var inputs = this.form.querySelectorAll("input[type=radio]");
    for (var i = 0; i < inputs.length; i += 1) {
      inputs[i].checked = hasOwn.call(answers, inputs[i].name) && answers[inputs[i].name] === inputs[i].value;
    }
  };

  /* Saves the reader's own answers; a shared view never writes. */
  Assessment.prototype.save = function (shown) {
    if (this.shared) return;
    try {
      window.localStorage.setItem(this.key, JSON.stringify({
        assessment: this.spec.id, version: this.spec.version,
        answers: input.plainAnswers(this.answers()), shown: Boolean(shown), label: this.label
      }));
    } catch (e) {
      this.storageProblem();
    }
  };

  Assessment.prototype.stored = function (key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      this.storageProblem();
      return null;
    }
  };

  Assessment.prototype.restore = function () {
    this.fill({});
    this.label = "";
    var stored = this.stored(this.key);
    if (stored === null) return;
    var record = input.readRecord(this.spec, stored);
    if (record === null) {
      this.notice("unreadable_storage");
      return;
    }
    if (record.ignored > 0) this.notice("ignored_answers", { count: record.ignored });
    this.fill(record.answers);
    this.label = record.label;
    if (record.shown && Object.keys(record.answers).length > 0) this.showResult();
  };

  /* A share link or imported file: used only if it is for this assessment and version. */
  Assessment.prototype.accept = function (given, source) {
    var checked = input.checkResult(this.spec, given, source);
    if (checked.notice) {
      this.notice(checked.notice, checked.values);
      return false;
    }
    if (checked.ignored > 0) this.notice("ignored_answers", { count: checked.ignored });
    this.fill(checked.answers);
    return true;
  };

  Assessment.prototype.readFragment = function () {
    var parsed = input.parseFragment(window.location.hash);
    if (parsed === null) return false;
    if (parsed.error) {
      this.notice(parsed.error);
      return false;
    }
    if (!this.accept(parsed, "link")) return false;
    this.shared = true;
    this.label = "";
    this.sharedNotice();
    this.showResult();
    return true;
  };

  /* Says the view is shared, with the two ways out of it. */
  Assessment.prototype.sharedNotice = function () {
    var self = this;
    this.dropSharedNotice();
    var p = this.notice("shared_loaded", null, true);
    if (!p) return;
    p.setAttribute("data-assessment-shared", "");
    [["keep_shared", "data-assessment-keep", function () { self.keepShared(); }],
      ["back_to_mine", "data-assessment-mine", function () { self.backToMine(); }]
    ].forEach(function (b) {
      p.appendChild(document.createTextNode(" "));
      var button = p.appendChild(el("button", "md-button cco-notice__button", self.t(b[0])));
      button.type = "button";
      button.setAttribute(b[1], "");
      button.addEventListener("click", b[2]);
    });
  };

  Assessment.prototype.dropSharedNotice = function () {
    var old = this.notices ? this.notices.querySelector("[data-assessment-shared]") : null;
    if (old) old.parentNode.removeChild(old);
  };

  Assessment.prototype.leaveShared = function () {
    this.shared = false;
    this.dropSharedNotice();
    if (input.parseFragment(window.location.hash) !== null && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.href.split("#")[0]);
    }
  };

  Assessment.prototype.keepShared = function () {
    this.leaveShared();
    this.clearNotices();
    this.save(Boolean(this.root.querySelector("[data-assessment-result]")));
    this.notice("kept_shared");
  };

  Assessment.prototype.backToMine = function () {
    this.leaveShared();
    this.clearNotices();
    this.hideResult();
    this.restore();
    this.notice("restored");
  };

  Assessment.prototype.clear = function () {
    var wasShared = this.shared;
    this.leaveShared();
    if (!wasShared) {
      try {
        window.localStorage.removeItem(this.key);
      } catch (e) { /* nothing stored, nothing to clear */ }
    }
    this.fill({});
    this.label = "";
    this.hideResult();
    this.clearNotices();
    this.notice(wasShared ? "shared_cleared" : "cleared");
  };

  Assessment.prototype.hideResult = function () {
    var old = this.root.querySelector("[data-assessment-result]");
    if (old) old.parentNode.removeChild(old);
    this.root.classList.remove("cco-assessment--result");
  };

  /* The reader's own result of the assessment this one cross-checks, if one is stored. */
  Assessment.prototype.otherResult = function () {
    var check = this.spec.crossCheck;
    if (!check || !hasOwn.call(api.scoring.allData().assessments, check.assessment)) return null;
    var other = api.scoring.findAssessment(check.assessment);
    var stored = this.stored(input.storageKey(other));
    var record = stored === null ? null : input.readRecord(other, stored);
    return record === null ? null : api.score(other.id, record.answers);
  };

  Assessment.prototype.showResult = function (focus) {
    var answers = this.answers();
    this.hideResult();
    if (Object.keys(answers).length === 0) {
      this.notice("no_answers");
      return false;
    }
    var result = api.score(this.spec.id, answers);
    var drawn = new api.Result(this).render(result, answers, this.otherResult());
    var section = drawn.section;
    var exports = new api.Export(this);
    section.appendChild(exports.labelBox());
    section.appendChild(exports.tools(answers, result));
    this.root.insertBefore(section, this.content);
    this.root.classList.add("cco-assessment--result");
    if (this.live) this.live.textContent = drawn.said;
    if (focus) section.focus();
    return true;
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
      self.save(self.showResult(true));
    });
    this.form.addEventListener("change", function () {
      // The reader's own answers are kept as soon as they are given, not only on submit.
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
    var clear = bar.appendChild(el("button", "md-button cco-clear", this.t("clear")));
    clear.type = "button";
    clear.setAttribute("data-assessment-clear", "");
    clear.addEventListener("click", function () { self.clear(); });
    var label = bar.appendChild(el("label", "md-button cco-import"));
    label.appendChild(el("span", null, this.t("import")));
    var file = label.appendChild(el("input"));
    file.type = "file";
    file.accept = ".json,application/json";
    file.setAttribute("data-assessment-import", "");
    file.addEventListener("change", function () {
      if (file.files && file.files[0]) self.importFile(file.files[0]);
      file.value = "";
    });
    // The comparison and the workshop view are optional: without them, import still works.
    if (typeof api.Comparison === "function") bar.appendChild(new api.Comparison(this, bar).control());
    if (typeof api.Workshop === "function") bar.appendChild(new api.Workshop(this, bar).control());
    return bar;
  };

  /* An imported file is the reader's own: it replaces the saved answers and label. */
  Assessment.prototype.importFile = function (blob) {
    var self = this;
    this.clearNotices();
    if (blob.size > input.MAX_FILE) {
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
        self.leaveShared();
        self.label = input.cleanLabel(parsed.label);
        self.notice("imported");
        self.save(self.showResult());
      }
    };
    reader.onerror = function () { self.notice("unreadable_file"); };
    reader.readAsText(blob);
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

  api.Assessment = Assessment;
  api.init = init;
  window.addEventListener("hashchange", function () {
    // A plain anchor (a question's link) moves the view and nothing else.
    if (input.parseFragment(window.location.hash) === null) return;
    var forms = document.querySelectorAll("form[data-assessment][data-assessment-ready]");
    for (var i = 0; i < forms.length; i += 1) {
      var page = bound.get(forms[i]);
      if (!page) continue;
      page.clearNotices();
      page.hideResult();
      page.readFragment();
    }
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
