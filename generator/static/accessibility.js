/* Accessibility fixes for the theme's own markup, on every page. They live here rather
   than in template overrides so that any engine building the plugin-free project
   (MkDocs with Material, Zensical) keeps them: a copy of a Material partial breaks
   Zensical's search, whose partials differ.

   - Names: Material's search dialog and the navigation of a section that has an index
     page have no accessible name (WCAG 4.1.2); they take the words the theme already
     shows, its localised "Search" label and the section's title.
   - Wide tables: Material wraps each table in a box that scrolls sideways when the
     table is wider than the screen (and a table on its own may scroll too); whatever
     scrolls takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
     Tables that scripts add later (an assessment's comparison) count. */
(function () {
  "use strict";

  function nameLandmarks() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.getAttribute("aria-label") && !dialog.getAttribute("aria-labelledby")) {
      var input = dialog.querySelector("input[aria-label]");
      if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (label && label.textContent.trim()) return;
      var title = nav.querySelector(".md-nav__title");
      var text = title ? title.textContent.trim() : "";
      if (text) {
        nav.removeAttribute("aria-labelledby");
        nav.setAttribute("aria-label", text);
      }
    });
  }

  var SCROLLERS = ".md-typeset__scrollwrap, .md-typeset table";

  function scrolls(box) {
    var overflow = window.getComputedStyle(box).overflowX;
    return (overflow === "auto" || overflow === "scroll") && box.scrollWidth > box.clientWidth + 1;
  }

  function update() {
    document.querySelectorAll(SCROLLERS).forEach(function (box) {
      if (scrolls(box)) {
        if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }

  var pending = 0;
  function soon() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  }

  function start() {
    nameLandmarks();
    soon();
    new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  }

  // Material wraps the tables when its document$ stream emits (again after each
  // instant-navigation page change); without it, the page's own load will do.
  var stream = window.document$;
  if (stream && typeof stream.subscribe === "function") stream.subscribe(soon);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  window.addEventListener("resize", soon);
})();
