/* cco-playbook self-assessment: compare several exported results, all in the browser.
 *
 * The reader picks exported JSON files (several people or teams, or one team over
 * time). Each goes through the same check as the re-import (checkResult in
 * assessment-input.js) and is scored again with this page's scorer: the numbers stored
 * in a file are never shown. Labels and file names are untrusted: textContent only.
 * Loaded before assessment.js, which adds the control to its toolbar when this file is
 * there; the page object it is given provides {spec, t, root, live, notice, clearNotices}.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.input || !api.view || api.Comparison) return;

  var MAX_FILES = 20;
  var PATTERNS = ["stripes", "dots", "cross"];

  function Comparison(page, toolbar) {
    this.page = page;
    this.spec = page.spec;
    this.toolbar = toolbar;
    this.x = {
      el: api.view.el, svg: api.view.svg, download: api.view.download, series: api.view.series,
      cleanLabel: api.input.cleanLabel, cleanDate: api.input.cleanDate,
      checkResult: api.input.checkResult, csvCell: api.input.csvCell,
      fileName: api.input.fileName, MAX_FILE: api.input.MAX_FILE
    };
    this.section = null;
  }

  Comparison.prototype.t = function (key, values) {
    return this.page.t(key, values);
  };

  /* A button-styled label holding a real file input, so it is keyboard-reachable. */
  Comparison.prototype.control = function () {
    var self = this, el = this.x.el;
    var label = el("label", "md-button cco-import cco-compare__pick");
    label.appendChild(el("span", null, this.t("compare")));
    var file = label.appendChild(el("input"));
    file.type = "file";
    file.multiple = true;
    file.accept = ".json,application/json";
    file.setAttribute("data-assessment-compare", "");
    file.addEventListener("change", function () {
      if (file.files && file.files.length) self.load(Array.prototype.slice.call(file.files));
      file.value = "";
    });
    return label;
  };

  /* Read every file, then report in the order the files were given. */
  Comparison.prototype.load = function (files) {
    var self = this;
    this.page.clearNotices();
    var notes = [];
    if (files.length > MAX_FILES) {
      notes.push(["compare_too_many", { max: MAX_FILES }]);
      files = files.slice(0, MAX_FILES);
    }
    var outcomes = new Array(files.length);
    var pending = files.length;
    files.forEach(function (file, i) {
      self.read(file, function (outcome) {
        outcomes[i] = outcome;
        pending -= 1;
        if (pending > 0) return;
        var entries = [];
        outcomes.forEach(function (o) {
          notes = notes.concat(o.notes);
          if (o.entry) entries.push(o.entry);
        });
        notes.forEach(function (n) { self.page.notice(n[0], n[1]); });
        self.show(entries);
      });
    });
  };

  Comparison.prototype.read = function (file, done) {
    var self = this, x = this.x, spec = this.spec;
    var name = x.cleanLabel(file.name) || "?";
    function leftOut(key, values) {
      done({ notes: [["compare_left_out", { file: name, reason: self.t(key, values) }]] });
    }
    if (file.size > x.MAX_FILE) {
      leftOut("unreadable_file");
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () { leftOut("unreadable_file"); };
    reader.onload = function () {
      var parsed;
      try {
        parsed = JSON.parse(String(reader.result));
      } catch (e) {
        leftOut("unreadable_file");
        return;
      }
      var checked = x.checkResult(spec, parsed, "file");
      if (checked.notice) {
        leftOut(checked.notice, checked.values);
        return;
      }
      var notes = [];
      if (checked.ignored > 0) notes.push(["compare_ignored", { file: name, count: checked.ignored }]);
      if (Object.keys(checked.answers).length === 0) {
        done({ notes: notes.concat([["compare_no_answers", { file: name }]]) });
        return;
      }
      var label = x.cleanLabel(parsed.label);
      done({
        notes: notes,
        entry: {
          name: label || name,
          date: x.cleanDate(parsed.exported),
          // Re-scored here: the "result" stored in the file is not trusted.
          result: api.score(spec.id, checked.answers)
        }
      });
    };
    reader.readAsText(file);
  };

  /* One row per dimension or outcome, then the axes and the verdict (readiness) or
   * each group's ranking (fit), then the number of answers. Table, chart and CSV all
   * read these. */
  Comparison.prototype.rows = function (entries) {
    var self = this, spec = this.spec, byId = api.explain.byId;
    var rows = spec.axes.map(function (axis) {
      return {
        kind: "csv_axis", id: axis.id, title: axis.title, bar: true,
        cells: entries.map(function (e) { return e.result.axes[axis.id]; })
      };
    });
    spec.targets.forEach(function (target) {
      rows.push({
        kind: "csv_score", id: target.id, title: target.title, bar: true,
        cells: entries.map(function (e) { return e.result.scores[target.id]; })
      });
    });
    if (spec.verdicts.length) {
      rows.push({
        kind: "csv_verdict", id: "", title: this.t("compare_verdict"),
        cells: entries.map(function (e) {
          var verdict = e.result.verdict === null ? null : byId(spec.verdicts, e.result.verdict);
          return verdict ? verdict.title : null;
        })
      });
    }
    spec.groups.forEach(function (group) {
      var size = spec.targets.filter(function (t) { return t.group === group.id; }).length;
      for (var rank = 0; rank < size; rank += 1) {
        rows.push(self.rankRow(entries, group, rank));
      }
    });
    rows.push({
      kind: "csv_answered", id: "", title: this.t("compare_answered", { total: spec.questions.length }),
      cells: entries.map(function (e) { return e.result.answered; })
    });
    return rows;
  };

  Comparison.prototype.rankRow = function (entries, group, rank) {
    var spec = this.spec;
    return {
      kind: "csv_rank", id: group.id + "-" + (rank + 1),
      title: this.t("compare_rank", { group: group.title, rank: rank + 1 }),
      cells: entries.map(function (e) {
        var id = (e.result.ranking[group.id] || [])[rank];
        return id !== undefined && e.result.scores[id] !== null ? api.explain.byId(spec.targets, id).title : null;
      })
    };
  };

  Comparison.prototype.hide = function () {
    if (this.section && this.section.parentNode) this.section.parentNode.removeChild(this.section);
    this.section = null;
    this.page.root.classList.remove("cco-assessment--compare");
  };

  Comparison.prototype.show = function (entries) {
    var self = this, el = this.x.el;
    this.hide();
    if (!entries.length) {
      this.page.notice("compare_none");
      return;
    }
    var rows = this.rows(entries);
    var section = el("section", "cco-compare");
    section.setAttribute("data-assessment-comparison", "");
    section.tabIndex = -1;
    var heading = section.appendChild(el("h2", "cco-compare__heading", this.t("compare_heading")));
    heading.id = "cco-compare-" + this.spec.id;
    section.setAttribute("aria-labelledby", heading.id);
    section.appendChild(el("p", null, this.t("compare_intro", { count: entries.length })));
    section.appendChild(this.legend(entries));
    section.appendChild(this.chart(entries, rows.filter(function (r) { return r.bar; })));
    section.appendChild(this.table(entries, rows));
    section.appendChild(this.tools(entries, rows));
    this.toolbar.parentNode.insertBefore(section, this.toolbar.nextSibling);
    this.section = section;
    this.page.root.classList.add("cco-assessment--compare");
    if (this.page.live) this.page.live.textContent = this.t("compare_done", { count: entries.length });
    section.focus();
  };

  Comparison.prototype.caption = function () {
    return this.t(this.spec.style === "readiness" ? "compare_chart_dimensions" : "compare_chart_outcomes");
  };

  Comparison.prototype.legend = function (entries) {
    var self = this, el = this.x.el, series = this.x.series;
    var list = el("ul", "cco-compare__legend");
    entries.forEach(function (entry, i) {
      var item = list.appendChild(el("li"));
      item.appendChild(el("span", "cco-compare__swatch " + series(i)));
      item.appendChild(el("span", null, self.t("compare_series", { number: i + 1, name: entry.name })));
      if (entry.date) item.appendChild(el("span", "cco-compare__date", entry.date));
    });
    return list;
  };

  /* Grouped horizontal bars: one group per row, one bar per result, in legend order,
   * each led by its result's number and followed by its value (colour is never the only
   * cue; past eight results a pattern joins the colour). */
  Comparison.prototype.chart = function (entries, rows) {
    var x = this.x, el = x.el, svg = x.svg;
    var bar = 12, gap = 3, labelHeight = 20, groupGap = 14, width = 640, start = 30, track = 530;
    var groupHeight = labelHeight + entries.length * (bar + gap) + groupGap;
    var figure = el("figure", "cco-compare__chart");
    var caption = el("figcaption", null, this.caption() + ". " + this.t("compare_chart_note"));
    caption.id = "cco-compare-chart-" + this.spec.id;
    var picture = svg("svg", {
      viewBox: "0 0 " + width + " " + rows.length * groupHeight, width: "100%", role: "img",
      "aria-labelledby": caption.id, focusable: "false", "class": "cco-chart cco-compare__svg"
    });
    picture.appendChild(this.patterns(PATTERNS));
    var patternId = this.patternId;
    rows.forEach(function (row, r) {
      var top = r * groupHeight;
      var label = picture.appendChild(svg("text", { x: 0, y: top + 14, "class": "cco-chart__label" }));
      label.textContent = row.title;
      row.cells.forEach(function (value, i) {
        var y = top + labelHeight + i * (bar + gap);
        var group = picture.appendChild(svg("g", { "class": x.series(i) }));
        var hover = group.appendChild(svg("title"));
        hover.textContent = entries[i].name + ": " + (value === null ? "–" : value);
        var which = group.appendChild(svg("text", { x: 0, y: y + bar - 1, "class": "cco-chart__series" }));
        which.textContent = String(i + 1);
        group.appendChild(svg("rect", { x: start, y: y, width: track, height: bar, rx: 2, "class": "cco-chart__track" }));
        if (value !== null) {
          var size = { x: start, y: y, width: Math.max(2, track * value / 100), height: bar, rx: 2 };
          group.appendChild(svg("rect", Object.assign({ "class": "cco-compare__bar" }, size)));
          var pattern = Math.floor(i / 8) % 4;
          if (pattern > 0) {
            group.appendChild(svg("rect", Object.assign({ fill: "url(#" + patternId + PATTERNS[pattern - 1] + ")" }, size)));
          }
        }
        var number = group.appendChild(svg("text", { x: start + track + 8, y: y + bar - 1, "class": "cco-chart__value" }));
        number.textContent = value === null ? "–" : String(value);
      });
    });
    figure.appendChild(picture);
    figure.appendChild(caption);
    return figure;
  };

  /* Stripes, dots and a cross-hatch in white over the series colour, for results 9 on. */
  Comparison.prototype.patterns = function (names) {
    var svg = this.x.svg;
    this.patternId = "cco-compare-" + this.spec.id + "-";
    var defs = svg("defs");
    var marks = {
      stripes: [["path", { d: "M0 6L6 0", "stroke-width": 1.6 }]],
      dots: [["circle", { cx: 3, cy: 3, r: 1.3 }]],
      cross: [["path", { d: "M0 0L6 6M6 0L0 6", "stroke-width": 1.1 }]]
    };
    var id = this.patternId;
    names.forEach(function (name) {
      var pattern = defs.appendChild(svg("pattern", { id: id + name, width: 6, height: 6, patternUnits: "userSpaceOnUse" }));
      marks[name].forEach(function (m) {
        pattern.appendChild(svg(m[0], Object.assign({ fill: "#fff", stroke: "#fff" }, m[1])));
      });
    });
    return defs;
  };

  Comparison.prototype.table = function (entries, rows) {
    var self = this, el = this.x.el;
    var wrapper = el("div", "cco-compare__table");
    var table = wrapper.appendChild(el("table"));
    table.appendChild(el("caption", null, this.caption()));
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    var corner = head.appendChild(el("th", null,
      this.t("col_measure")));
    corner.scope = "col";
    entries.forEach(function (entry) {
      var th = head.appendChild(el("th"));
      th.scope = "col";
      th.appendChild(el("span", "cco-compare__name", entry.name));
      if (entry.date) th.appendChild(el("span", "cco-compare__date", entry.date));
    });
    var body = table.appendChild(el("tbody"));
    rows.forEach(function (row) {
      var tr = body.appendChild(el("tr"));
      tr.setAttribute("data-row", row.kind.replace(/^csv_/, "") + (row.id ? ":" + row.id : ""));
      var th = tr.appendChild(el("th", null, row.title));
      th.scope = "row";
      row.cells.forEach(function (value) {
        tr.appendChild(el("td", null, value === null ? self.t("not_scored") : String(value)));
      });
    });
    return wrapper;
  };

  Comparison.prototype.csv = function (entries, rows) {
    var self = this, cell = this.x.csvCell;
    var lines = [[this.t("csv_kind"), this.t("csv_id"), this.t("csv_title")]
      .concat(entries.map(function (e) { return e.name; }))];
    lines.push([this.t("csv_date"), "", ""].concat(entries.map(function (e) { return e.date; })));
    rows.forEach(function (row) {
      lines.push([self.t(row.kind), row.id, row.title].concat(row.cells));
    });
    return lines.map(function (cells) { return cells.map(cell).join(","); }).join("\r\n") + "\r\n";
  };

  Comparison.prototype.tools = function (entries, rows) {
    var self = this, x = this.x;
    var tools = x.el("div", "cco-compare__tools");
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", this.t("compare_tools"));
    function button(key, hook, action) {
      var b = tools.appendChild(x.el("button", "md-button", self.t(key)));
      b.type = "button";
      b.setAttribute(hook, "");
      b.addEventListener("click", action);
    }
    button("compare_download_csv", "data-assessment-compare-csv", function () {
      var name = x.fileName(self.spec, "csv", "comparison");
      x.download(name, "text/csv;charset=utf-8", "\ufeff" + self.csv(entries, rows));
    });
    button("compare_print", "data-assessment-compare-print", function () {
      // Print only the comparison; the class goes once the print dialog closes.
      var root = self.page.root;
      root.classList.add("cco-assessment--print-compare");
      window.addEventListener("afterprint", function done() {
        root.classList.remove("cco-assessment--print-compare");
        window.removeEventListener("afterprint", done);
      });
      window.print();
    });
    button("compare_close", "data-assessment-compare-close", function () {
      self.hide();
      var pick = self.toolbar.querySelector("[data-assessment-compare]");
      if (pick) pick.focus();
    });
    return tools;
  };

  window.ccoPlaybook.Comparison = Comparison;
})();
