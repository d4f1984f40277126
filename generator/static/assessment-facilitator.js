/* cco-playbook workshop: the facilitator view, one discussion topic at a time.
 *
 * Full screen where the browser allows it (a fixed overlay otherwise), large type for a
 * projector, stepped with the keyboard. Each topic shows the room's answers first; names
 * appear only on request, and only when anonymity is off.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.WorkshopView || api.Facilitator) return;
  var el = api.view.el;
  var NEXT = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };

  function Facilitator(workshop, view) {
    this.w = workshop;
    this.view = view;
    this.t = workshop.t;
    this.overlay = null;
  }

  Facilitator.prototype.open = function (group, opener) {
    var self = this, t = this.t;
    this.close();
    this.group = group;
    this.topics = group.topics;
    this.index = 0;
    this.opener = opener || null;
    // md-typeset: Material's button and text styles, outside the article too.
    var overlay = el("div", "cco-facilitator md-typeset");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", t("workshop_facilitate"));
    overlay.setAttribute("data-workshop-facilitator", "");
    overlay.tabIndex = -1;
    var bar = overlay.appendChild(el("div", "cco-facilitator__bar"));
    this.position = bar.appendChild(el("p", "cco-facilitator__position"));
    this.position.setAttribute("aria-live", "polite");
    function button(key, hook, action) {
      var b = bar.appendChild(el("button", "md-button", t(key)));
      b.type = "button";
      b.setAttribute(hook, "");
      b.addEventListener("click", action);
      return b;
    }
    button("workshop_previous", "data-facilitator-previous", function () { self.step(-1); });
    button("workshop_next", "data-facilitator-next", function () { self.step(1); });
    if (!this.w.anonymous) this.reveal = button("workshop_reveal", "data-facilitator-reveal", function () { self.showNames(); });
    button("workshop_exit", "data-facilitator-close", function () { self.close(); });
    this.stage = overlay.appendChild(el("div", "cco-facilitator__stage"));
    overlay.appendChild(el("p", "cco-facilitator__keys", t("workshop_keys")));
    overlay.addEventListener("keydown", function (event) { self.key(event); });
    document.body.appendChild(overlay);
    this.overlay = overlay;
    document.documentElement.classList.add("cco-facilitating");
    if (overlay.requestFullscreen) {
      // Refused without a user gesture or in a frame: the overlay fills the window anyway.
      overlay.requestFullscreen().catch(function () {});
    }
    this.show();
    overlay.focus();
  };

  /* Tab stays inside the dialog: past the last button it comes back to the first. */
  Facilitator.prototype.trap = function (event) {
    var buttons = Array.prototype.filter.call(this.overlay.querySelectorAll("button"), function (b) {
      return !b.hidden && !b.disabled;
    });
    if (!buttons.length) return;
    var at = buttons.indexOf(document.activeElement);
    var next = event.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
    event.preventDefault();
    buttons[next].focus();
  };

  Facilitator.prototype.key = function (event) {
    if (event.key === "Tab") {
      this.trap(event);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (event.key === " " && target && target.tagName === "BUTTON") return;
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      this.index = event.key === "Home" ? 0 : Math.max(0, this.topics.length - 1);
      this.show();
    } else if (Object.prototype.hasOwnProperty.call(NEXT, event.key)) {
      event.preventDefault();
      this.step(NEXT[event.key]);
    }
  };

  Facilitator.prototype.step = function (by) {
    var next = Math.max(0, Math.min(this.topics.length - 1, this.index + by));
    if (next === this.index) return;
    this.index = next;
    this.show();
  };

  /* The topic's question and answers, big; no names until asked for. */
  Facilitator.prototype.show = function () {
    var t = this.t, view = this.view, spec = view.spec;
    this.stage.textContent = "";
    if (this.reveal) this.reveal.hidden = false;
    if (!this.topics.length) {
      this.position.textContent = t("workshop_no_answer");
      return;
    }
    var id = this.topics[this.index], group = this.group;
    var q = api.explain.byId(spec.questions, id), s = group.questions[id];
    this.position.textContent = t("workshop_step", { number: this.index + 1, total: this.topics.length });
    this.stage.setAttribute("data-topic", id);
    if (s.discuss) this.stage.appendChild(el("p", "cco-flag cco-facilitator__flag", t("workshop_flag")));
    this.stage.appendChild(el("h2", "cco-facilitator__question", q.text));
    this.stage.appendChild(view.distribution(q, s, true));
    var facts = this.stage.appendChild(el("p", "cco-facilitator__facts"));
    facts.appendChild(el("strong", null, t("workshop_group_answer", { answer: view.choiceLabel(q, s.median) })));
    facts.appendChild(document.createTextNode(" · " + t("workshop_spread", { spread: s.spread === null ? "–" : s.spread })));
    if (s.split) this.stage.appendChild(el("p", null, t("workshop_split")));
    this.names = this.stage.appendChild(el("ul", "cco-facilitator__names"));
    this.names.hidden = true;
    this.names.setAttribute("data-facilitator-names", "");
  };

  /* Who gave which answer: only with anonymity off, only on request. */
  Facilitator.prototype.showNames = function () {
    if (this.w.anonymous || !this.names || !this.topics.length) return;
    var t = this.t, w = this.w, id = this.topics[this.index];
    var q = api.explain.byId(this.view.spec.questions, id);
    var names = this.names;
    names.textContent = "";
    q.choices.forEach(function (c) {
      var who = w.entries().filter(function (e) { return e.respondent.answers[id] === c.id; }).map(w.nameOf);
      if (who.length) names.appendChild(el("li", null, t("workshop_who", { answer: c.label, names: who.join(", ") })));
    });
    names.hidden = false;
    if (this.reveal) this.reveal.hidden = true;
    // The button that had the focus is gone: keep the keys working.
    this.overlay.focus();
  };

  Facilitator.prototype.close = function () {
    if (!this.overlay) return;
    if (document.fullscreenElement === this.overlay && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
    this.overlay.parentNode.removeChild(this.overlay);
    this.overlay = null;
    document.documentElement.classList.remove("cco-facilitating");
    if (this.opener && document.body.contains(this.opener)) this.opener.focus();
  };

  api.Facilitator = Facilitator;
})();
