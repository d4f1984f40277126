/* Keyboard access to wide tables on every page. Material wraps each table in a box that
   scrolls sideways when the table is wider than the screen (and a table on its own may
   scroll too); whatever scrolls takes keyboard focus, so it can be scrolled without a
   mouse (WCAG 2.1.1). Tables that scripts add later (an assessment's comparison) count. */
(function () {
  "use strict";

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
