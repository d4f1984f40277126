/* cco-playbook self-assessment: keep, share and export a result (label, JSON, CSV, link).
 *
 * Works for the page object it is given ({spec, t, blocks, label, save}); nothing here
 * reads the page script itself, which loads after this file.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.Result || api.Export) return;
  var input = api.input, view = api.view, el = view.el;

  function Export(page) {
    this.page = page;
    this.spec = page.spec;
    this.t = page.t;
  }

  /* The reader's own name for this result ("Sales leadership, Q3"), carried by exports
   * so that a comparison can tell results apart. */
  Export.prototype.labelBox = function () {
    var page = this.page;
    var box = el("p", "cco-result__label");
    var label = box.appendChild(el("label", null, this.t("label_label")));
    var field = label.appendChild(el("input"));
    field.type = "text";
    field.maxLength = input.MAX_LABEL;
    field.autocomplete = "off";
    field.value = page.label;
    field.setAttribute("data-assessment-label", "");
    field.addEventListener("input", function () {
      page.label = input.cleanLabel(field.value);
      page.save(true);
    });
    return box;
  };

  Export.prototype.tools = function (answers, result) {
    var self = this, spec = this.spec, page = this.page, data = api.scoring.allData();
    var tools = el("div", "cco-result__tools");
    function button(key, action, hook) {
      var b = tools.appendChild(el("button", "md-button", self.t(key)));
      b.type = "button";
      b.setAttribute(hook, "");
      b.addEventListener("click", action);
    }
    button("print", function () { window.print(); }, "data-assessment-print");
    function downloadJson() {
      // Built on click, so the label and date are the ones at the time of export.
      var exported = {
        format: "cco-playbook-assessment", playbook: data.playbook, brand: data.brand,
        assessment: spec.id, version: spec.version, label: page.label,
        exported: new Date().toISOString(), answers: input.plainAnswers(answers), result: result
      };
      view.download(input.fileName(spec, "json", page.label), "application/json",
        JSON.stringify(exported, null, 2) + "\n");
    }
    button("download_json", downloadJson, "data-assessment-json");
    button("download_csv", function () {
      view.download(input.fileName(spec, "csv", page.label), "text/csv;charset=utf-8",
        "\ufeff" + self.csv(answers, result, new Date().toISOString()));
    }, "data-assessment-csv");
    var shareBox = el("p", "cco-result__share");
    var shareLabel = shareBox.appendChild(el("label", null, this.t("share_label")));
    var output = shareLabel.appendChild(el("input"));
    output.type = "text";
    output.readOnly = true;
    output.setAttribute("data-assessment-share-link", "");
    var status = shareBox.appendChild(el("span", "cco-result__share-status"));
    status.setAttribute("role", "status");
    // From a folder or an unpacked ZIP the link names a file on this disk: say so, and
    // offer the file export, which does travel.
    var local = window.location.protocol === "file:";
    if (local) {
      var instead = shareBox.appendChild(el("button", "md-button cco-result__share-instead", this.t("share_download_instead")));
      instead.type = "button";
      instead.setAttribute("data-assessment-share-export", "");
      instead.addEventListener("click", downloadJson);
    }
    shareBox.hidden = true;
    button("share", function () {
      var url = window.location.href.split("#")[0] + "#" + input.fragmentFor(spec, answers);
      output.value = url;
      shareBox.hidden = false;
      output.select();
      if (local) {
        status.textContent = self.t("share_local");
        status.setAttribute("data-assessment-share-local", "");
        return;
      }
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

  /* The result as CSV rows: answers, scores, axes, verdict or ranking, ruled-out options
   * and the plan, each row "kind, id, title, value". */
  Export.prototype.csv = function (answers, result, exported) {
    var self = this, spec = this.spec, t = this.t, byId = api.explain.byId;
    var lines = [[t("csv_kind"), t("csv_id"), t("csv_title"), t("csv_value")]];
    lines.push([t("csv_label"), "", "", this.page.label]);
    lines.push([t("csv_exported"), "", "", exported]);
    spec.questions.forEach(function (q) {
      var choice = byId(q.choices, answers[q.id]);
      lines.push([t("csv_question"), q.id, q.text, choice ? choice.label : ""]);
    });
    spec.axes.forEach(function (axis) {
      lines.push([t("csv_axis"), axis.id, axis.title, result.axes[axis.id]]);
    });
    spec.targets.forEach(function (target) {
      lines.push([t("csv_score"), target.id, target.title, result.scores[target.id]]);
    });
    if (spec.verdicts.length) {
      var verdict = result.verdict === null ? null : byId(spec.verdicts, result.verdict);
      lines.push([t("csv_verdict"), result.verdict || "", verdict ? verdict.title : "", ""]);
    }
    spec.groups.forEach(function (group) {
      (result.ranking[group.id] || []).forEach(function (id, i) {
        lines.push([t("csv_rank"), id, byId(spec.targets, id).title, group.title + " " + (i + 1)]);
      });
    });
    Object.keys(result.excluded).forEach(function (id) {
      lines.push([t("csv_excluded"), id, byId(spec.targets, id).title, result.excluded[id].join(" ")]);
    });
    api.explain.stages(spec, result).forEach(function (stage) {
      stage.actions.forEach(function (id) {
        var block = self.page.blocks.get("action-" + id);
        var words = block ? block.textContent.replace(/\s+/g, " ").trim() : "";
        lines.push([t("csv_plan"), id, words, t("stage_" + stage.stage)]);
      });
    });
    return lines.map(function (cells) { return cells.map(input.csvCell).join(","); }).join("\r\n") + "\r\n";
  };

  api.Export = Export;
})();
