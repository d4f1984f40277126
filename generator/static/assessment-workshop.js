/* cco-playbook workshop: the group view's panel, its files and its settings.
 *
 * A facilitator drops or chooses exported results (this round, and optionally an
 * earlier one). Each file is read here, checked (assessment-group-files.js) and scored
 * again; the group is computed by assessment-group.js and drawn by the view, the pack
 * and the facilitator view. Files, names and typed notes stay in this page: nothing is
 * stored or sent. Loaded before assessment.js, which adds the control to its toolbar;
 * the page object it is given provides {spec, t, root, live}.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.groupFiles || !api.WorkshopView || !api.Facilitator || !api.WorkshopPack || api.Workshop) return;
  var el = api.view.el;

  function Workshop(page, toolbar) {
    this.page = page;
    this.spec = page.spec;
    this.t = page.t;
    this.toolbar = toolbar;
    this.section = null;
    this.playbook = api.scoring.allData().playbook;
    this.reset();
    this.view = new api.WorkshopView(this);
    this.facilitator = new api.Facilitator(this, this.view);
    // A plain function, so that lists can map over it.
    this.nameOf = function (entry) { return entry.label || entry.file; };
  }

  Workshop.prototype.reset = function () {
    this.files = { round: [], earlier: [] };
    this.anonymous = true;
    this.minGroup = api.group.DEFAULT_MIN_GROUP;
    this.teamOverrides = Object.create(null);
    this.agreed = Object.create(null);
    this.found = { entries: [], skipped: [] };
    this.before = null;
    this.group = null;
    this.scored = [];
  };

  Workshop.prototype.entries = function () { return this.found.entries; };
  Workshop.prototype.respondents = function () {
    return this.found.entries.map(function (e) { return e.respondent; });
  };
  Workshop.prototype.results = function () { return this.scored; };

  Workshop.prototype.agreedOn = function (questionId) {
    if (!this.agreed[questionId]) this.agreed[questionId] = { action: "", owner: "", date: "" };
    return this.agreed[questionId];
  };

  Workshop.prototype.setTeam = function (entry, value) {
    var team = api.input.cleanLabel(value);
    if (this.teamOverrides[entry.file] === team) return;
    this.teamOverrides[entry.file] = team;
    var index = this.found.entries.indexOf(entry);
    this.update();
    // The table was drawn again: back to the same field.
    var field = this.output.querySelector("[data-workshop-team='" + index + "']");
    if (field) field.focus();
  };

  Workshop.prototype.control = function () {
    var self = this;
    var button = el("button", "md-button cco-workshop__open", this.t("workshop"));
    button.type = "button";
    button.setAttribute("data-assessment-workshop", "");
    button.addEventListener("click", function () {
      if (self.section) self.section.focus();
      else self.open();
    });
    this.opener = button;
    return button;
  };

  Workshop.prototype.open = function () {
    var t = this.t;
    this.reset();
    var section = el("section", "cco-workshop");
    section.setAttribute("data-assessment-workshop-panel", "");
    section.tabIndex = -1;
    var heading = section.appendChild(el("h2", "cco-workshop__heading", t("workshop_heading")));
    heading.id = "cco-workshop-" + this.spec.id;
    section.setAttribute("aria-labelledby", heading.id);
    section.appendChild(el("p", "cco-workshop__pack-title", t("workshop_pack_title", { title: this.spec.title })));
    this.printed = section.appendChild(el("p", "cco-workshop__pack-date"));
    section.appendChild(el("p", "cco-workshop__intro", t("workshop_intro")));
    section.appendChild(this.guide());
    var inputs = section.appendChild(el("div", "cco-workshop__inputs"));
    inputs.appendChild(this.dropZone("round", "workshop_files", "workshop_files_hint", "data-workshop-files"));
    inputs.appendChild(this.dropZone("earlier", "workshop_baseline", "workshop_baseline_hint", "data-workshop-baseline"));
    section.appendChild(this.settings());
    this.notices = section.appendChild(el("div", "cco-workshop__notices"));
    this.notices.setAttribute("data-workshop-notices", "");
    this.notices.setAttribute("role", "status");
    this.output = section.appendChild(el("div"));
    section.appendChild(this.tools());
    this.toolbar.parentNode.insertBefore(section, this.toolbar.nextSibling);
    this.section = section;
    this.page.root.classList.add("cco-assessment--workshop");
    this.update();
    section.focus();
  };

  Workshop.prototype.close = function () {
    this.facilitator.close();
    if (this.section && this.section.parentNode) this.section.parentNode.removeChild(this.section);
    this.section = null;
    this.page.root.classList.remove("cco-assessment--workshop");
    this.reset();
    if (this.opener) this.opener.focus();
  };

  /* The facilitator's guide: how participants export, how to gather, what stays private. */
  Workshop.prototype.guide = function () {
    var t = this.t;
    var details = el("details", "cco-workshop__guide");
    details.setAttribute("data-workshop-guide", "");
    details.appendChild(el("summary", null, t("workshop_collect_heading")));
    var steps = details.appendChild(el("ol"));
    [1, 2, 3, 4, 5].forEach(function (n) { steps.appendChild(el("li", null, t("workshop_collect_" + n))); });
    details.appendChild(el("p", null, t("workshop_collect_private")));
    return details;
  };

  /* A drop target holding a real file input in a label, so a keyboard reaches it. */
  Workshop.prototype.dropZone = function (which, titleKey, hintKey, hook) {
    var self = this, t = this.t;
    var zone = el("div", "cco-drop");
    zone.setAttribute(hook + "-zone", "");
    zone.appendChild(el("p", "cco-drop__title", t(titleKey)));
    zone.appendChild(el("p", "cco-drop__hint", t(hintKey)));
    var label = zone.appendChild(el("label", "md-button cco-import"));
    label.appendChild(el("span", null, t("workshop_pick")));
    var file = label.appendChild(el("input"));
    file.type = "file";
    file.multiple = true;
    file.accept = ".json,application/json";
    file.setAttribute(hook, "");
    file.setAttribute("aria-label", t(titleKey) + ": " + t("workshop_pick"));
    file.addEventListener("change", function () {
      if (file.files && file.files.length) self.add(which, Array.prototype.slice.call(file.files));
      file.value = "";
    });
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("cco-drop--over");
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("cco-drop--over"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("cco-drop--over");
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) self.add(which, Array.prototype.slice.call(files));
    });
    return zone;
  };

  Workshop.prototype.settings = function () {
    var self = this, t = this.t;
    var box = el("fieldset", "cco-workshop__settings");
    box.appendChild(el("legend", null, t("workshop_settings")));
    var hide = box.appendChild(el("label", "cco-workshop__setting"));
    var check = hide.appendChild(el("input"));
    check.type = "checkbox";
    check.checked = this.anonymous;
    check.setAttribute("data-workshop-anonymous", "");
    hide.appendChild(el("span", null, t("workshop_anonymous")));
    var size = box.appendChild(el("label", "cco-workshop__setting"));
    size.appendChild(el("span", null, t("workshop_min_group", { min: api.group.LOWEST_MIN_GROUP })));
    var number = size.appendChild(el("input"));
    number.type = "number";
    number.min = String(api.group.LOWEST_MIN_GROUP);
    number.max = "99";
    number.step = "1";
    number.value = String(this.minGroup);
    number.setAttribute("data-workshop-min-group", "");
    check.addEventListener("change", function () {
      self.anonymous = check.checked;
      number.disabled = !check.checked;
      self.update();
    });
    number.addEventListener("change", function () {
      var value = Math.floor(Number(number.value));
      // Never below the lowest: a smaller group would show who answered what.
      self.minGroup = isFinite(value) ? Math.max(api.group.LOWEST_MIN_GROUP, Math.min(99, value)) : api.group.DEFAULT_MIN_GROUP;
      number.value = String(self.minGroup);
      self.update();
    });
    return box;
  };

  /* Read the files in the order given, then count the whole set again. */
  Workshop.prototype.add = function (which, files) {
    var self = this, list = this.files[which];
    var pending = files.length, read = new Array(files.length);
    files.forEach(function (file, i) {
      var name = api.input.cleanLabel(file.name) || "?";
      if (file.size > api.input.MAX_FILE) {
        read[i] = { name: name, text: null, tooLarge: true };
        if (--pending === 0) done();
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        read[i] = { name: name, text: String(reader.result), tooLarge: false };
        if (--pending === 0) done();
      };
      reader.onerror = function () {
        read[i] = { name: name, text: null, tooLarge: false };
        if (--pending === 0) done();
      };
      reader.readAsText(file);
    });
    function done() {
      Array.prototype.push.apply(list, read);
      self.update();
      if (self.page.live && self.group) {
        self.page.live.textContent = self.t("workshop_done", { count: self.group.respondents });
      }
    }
  };

  Workshop.prototype.gatherAll = function () {
    var spec = this.spec, overrides = this.teamOverrides;
    this.found = api.groupFiles.gather(spec, this.playbook, this.files.round);
    this.found.entries.forEach(function (e) {
      if (e.file in overrides) e.respondent.team = overrides[e.file];
    });
    this.before = this.files.earlier.length ? api.groupFiles.gather(spec, this.playbook, this.files.earlier) : null;
    this.scored = this.found.entries.map(function (e) { return api.score(spec.id, e.respondent.answers); });
  };

  Workshop.prototype.update = function () {
    // Replacing the output blurs a field in it, whose change event would come back here.
    if (!this.section || this.updating) return;
    this.updating = true;
    try {
      this.redraw();
    } finally {
      this.updating = false;
    }
  };

  Workshop.prototype.redraw = function () {
    var self = this, t = this.t;
    this.gatherAll();
    this.group = api.group.aggregate(this.spec.id, this.respondents(), {
      minGroup: this.anonymous ? this.minGroup : null,
      baseline: this.before ? this.before.entries.map(function (e) { return e.respondent; }) : null
    });
    this.notices.textContent = "";
    function note(skip, earlier) {
      var message = t("workshop_skip_" + skip.reason, Object.assign({ file: skip.file }, skip.values));
      var p = self.notices.appendChild(el("p", "cco-notice", earlier ? t("workshop_baseline_note", { message: message }) : message));
      p.setAttribute("data-skip-reason", skip.reason);
      p.setAttribute("data-skip-round", earlier ? "earlier" : "round");
    }
    this.found.skipped.forEach(function (s) { note(s, false); });
    if (this.before) this.before.skipped.forEach(function (s) { note(s, true); });
    var total = this.files.round.length;
    if (total) {
      this.notices.appendChild(el("p", "cco-workshop__counted",
        t("workshop_counted", { count: this.found.entries.length, skipped: this.found.skipped.length })));
    }
    var shown = !this.group.hidden && this.group.respondents > 0;
    var topics = shown ? api.WorkshopPack.topics(this.view, this.group) : null;
    var output = this.view.render(this.group, this.anonymous ? [] : this.found.entries, topics);
    this.output.parentNode.replaceChild(output, this.output);
    this.output = output;
    var none = this.group.respondents === 0;
    this.groupButtons.forEach(function (b) { b.disabled = none; });
    this.facilitateButton.disabled = this.group.hidden || !this.group.topics.length;
  };

  Workshop.prototype.tools = function () {
    var self = this, t = this.t, spec = this.spec;
    var tools = el("div", "cco-workshop__tools");
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", t("workshop_tools"));
    function button(key, hook, action) {
      var b = tools.appendChild(el("button", "md-button", t(key)));
      b.type = "button";
      b.setAttribute(hook, "");
      b.addEventListener("click", action);
      return b;
    }
    this.facilitateButton = button("workshop_facilitate", "data-workshop-facilitate", function () {
      self.facilitator.open(self.group, self.facilitateButton);
    });
    this.groupButtons = [
      button("workshop_print", "data-workshop-print", function () {
        api.WorkshopPack.print(self.page.root, function () {
          self.printed.textContent = t("workshop_pack_date", { date: new Date().toISOString().slice(0, 10) });
        });
      }),
      button("workshop_download_csv", "data-workshop-csv", function () {
        api.view.download(api.input.fileName(spec, "csv", "group"), "text/csv;charset=utf-8",
          "\ufeff" + api.WorkshopPack.csv(self.view, self.group));
      }),
      button("workshop_download_json", "data-workshop-json", function () {
        // The group JSON holds counts, medians and team names: no labels, no file names.
        api.view.download(api.input.fileName(spec, "json", "group"), "application/json",
          JSON.stringify(self.group, null, 2) + "\n");
      })
    ];
    button("workshop_clear", "data-workshop-clear", function () {
      self.files = { round: [], earlier: [] };
      self.teamOverrides = Object.create(null);
      self.update();
    });
    button("workshop_close", "data-workshop-close", function () { self.close(); });
    return tools;
  };

  api.Workshop = Workshop;
})();
