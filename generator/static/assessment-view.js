/* cco-playbook self-assessment: small DOM helpers shared by the page scripts.
 *
 * Every text goes in through textContent or an attribute, never as markup; content
 * written in Markdown reaches the page as blocks the build rendered ([data-content]),
 * which are cloned.
 */
(function () {
  "use strict";

  var api = window.ccoPlaybook;
  if (!api || !api.scoring || api.view) return;
  var hasOwn = Object.prototype.hasOwnProperty;
  var SVG = "http://www.w3.org/2000/svg";

  /* "{answered} of {total}" with values filled in; unknown names stay as they are. */
  function text(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) {
      return values && hasOwn.call(values, name) ? String(values[name]) : all;
    });
  }

  /* The page's words (from the strings files, in the brand's language) as a function. */
  function translator(strings) {
    return function (key, values) {
      return text(hasOwn.call(strings, key) ? strings[key] : key, values);
    };
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, String(attributes[k])); });
    return node;
  }

  /* A link to a question of this page (#id): ids are checked slugs from the build. */
  function questionLink(question, number) {
    var a = el("a", null, number + ". " + question.text);
    a.href = "#" + question.id;
    return a;
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

  /* The content blocks the build rendered for one assessment, by name. */
  function Blocks(container) {
    this.byName = Object.create(null);
    var found = container ? container.querySelectorAll("[data-content]") : [];
    for (var i = 0; i < found.length; i += 1) {
      this.byName[found[i].getAttribute("data-content")] = found[i];
    }
  }

  Blocks.prototype.get = function (name) {
    return hasOwn.call(this.byName, name) ? this.byName[name] : null;
  };

  /* A copy of a block's content in a new element, or null when there is no such block. */
  Blocks.prototype.clone = function (name, tag, className) {
    var block = this.get(name);
    if (!block) return null;
    var copy = el(tag || "div", className);
    Array.prototype.forEach.call(block.childNodes, function (n) { copy.appendChild(n.cloneNode(true)); });
    return copy;
  };

  /* Copies of the list items of a block (none when there is no such block). */
  Blocks.prototype.items = function (name) {
    var block = this.get(name);
    var items = block ? Array.prototype.slice.call(block.querySelectorAll("li")) : [];
    return items.map(function (li) { return li.cloneNode(true); });
  };

  /* Horizontal bars drawn with HTML, so labels wrap and stay legible at any width. The
   * table beside it carries the same numbers for screen readers, so this is hidden. */
  function bars(rows, notScored) {
    var figure = el("figure", "cco-bars");
    figure.setAttribute("aria-hidden", "true");
    rows.forEach(function (row) {
      var line = figure.appendChild(el("div", "cco-bars__row" + (row.strong ? " cco-bars__row--strong" : "")));
      var label = line.appendChild(el("span", "cco-bars__label", row.title));
      label.appendChild(el("span", "cco-bars__value", row.score === null ? notScored : String(row.score)));
      var track = line.appendChild(el("span", "cco-bars__track"));
      if (row.score !== null) {
        var fill = track.appendChild(el("span", "cco-bars__fill"));
        fill.style.width = Math.max(1, Math.min(100, row.score)) + "%";
      }
    });
    return figure;
  }

  /* A plain table (Material styles only unclassed tables) with row headers. */
  function table(caption, columns, rows, className) {
    var wrapper = el("div", className || "cco-result__table");
    var t = wrapper.appendChild(el("table"));
    t.appendChild(el("caption", null, caption));
    var head = t.appendChild(el("thead")).appendChild(el("tr"));
    columns.forEach(function (name) {
      var th = head.appendChild(el("th", null, name));
      th.scope = "col";
    });
    var body = t.appendChild(el("tbody"));
    rows.forEach(function (cells) {
      var tr = body.appendChild(el("tr"));
      cells.forEach(function (cell, c) {
        var td = tr.appendChild(el(c === 0 ? "th" : "td", null, cell));
        if (c === 0) td.scope = "row";
      });
    });
    return wrapper;
  }

  /* The classes of series number i (a person, an answer): eight colour-blind-safe
   * colours, then the same colours with a pattern, so the ninth never looks like the first. */
  function series(i) {
    return "cco-series--c" + (i % 8) + " cco-series--p" + (Math.floor(i / 8) % 4);
  }

  api.view = {
    text: text, translator: translator, el: el, svg: svg, questionLink: questionLink,
    download: download, Blocks: Blocks, bars: bars, table: table, series: series
  };
})();
