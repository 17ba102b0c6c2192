/* sphinx-seed-glossary: show a term's definition when a link to it is hovered
 * or focused, and make search results for glossary entries answer.
 * Data, classic scripts that only the pages that need them load:
 * - window.seedGlossaryPreviews (_static/seed_glossary/pages/<page>.js): the
 *   entries this page links on other pages, a map from "page#anchor"
 *   (relative to the site root) to {t: term, a: aliases, s: summary,
 *   n: the alias of this anchor}. Entries on this page are read from it.
 * - window.seedGlossaryNames (_static/seed_glossary/names.js, search page
 *   only): every entry's names and anchors; first sentences are loaded for
 *   the results shown, seedGlossaryDefinitions(chunk, sentences).
 * Seed text is untrusted: it is only ever set with textContent. */
(function () {
  "use strict";

  // seed_glossary_previews = False leaves this attribute out: no previews.
  var ours = document.currentScript;
  var previewsOn = Boolean(ours && ours.hasAttribute("data-sg-previews"));
  // Names for readers of screens, in the manual's language (set by the build).
  var labels = (ours && ours.dataset) || {};

  // Each A–Z bar is a navigation landmark with a name.
  Array.prototype.forEach.call(document.querySelectorAll("p.sg-az"), function (bar) {
    bar.setAttribute("role", "navigation");
    if (labels.sgAzLabel) {
      bar.setAttribute("aria-label", labels.sgAzLabel);
    }
  });

  /* The A–Z bar is at the top of its glossary: once a letter has taken the
   * reader down the page, a small link (a 44 px target) brings the bar back.
   * It shows while a glossary is on screen and the bar above it is not. (A
   * sticky bar would not stick in most themes: their content sits in a box
   * with overflow set, and on a phone the bar is four rows tall.) */
  var bars = Array.prototype.slice.call(document.querySelectorAll("p.sg-az"));
  if (bars.length && window.IntersectionObserver) {
    var back = document.createElement("a");
    back.className = "sg-az-return";
    back.textContent = "\u2191 A\u2013Z";
    if (labels.sgAzReturn) {
      back.setAttribute("aria-label", labels.sgAzReturn);
    }
    back.hidden = true;
    var seen = new Map(); // element -> is it on screen
    var pairs = [];
    bars.forEach(function (bar, index) {
      if (!bar.id) {
        bar.id = index ? "sg-az-" + (index + 1) : "sg-az";
      }
      var list = bar.nextElementSibling;
      while (list && !list.matches("dl.sg-glossary, p.sg-az")) {
        list = list.nextElementSibling;
      }
      if (list && list.matches("dl.sg-glossary")) {
        pairs.push([bar, list]);
      }
    });
    var watch = new IntersectionObserver(function (changes) {
      changes.forEach(function (change) {
        seen.set(change.target, change.isIntersecting);
      });
      var wanted = null;
      pairs.forEach(function (pair) {
        if (!wanted && seen.get(pair[1]) && !seen.get(pair[0])) {
          wanted = pair[0];
        }
      });
      if (wanted) {
        back.setAttribute("href", "#" + wanted.id);
        pagePalette(back);
      }
      back.hidden = !wanted;
    });
    pairs.forEach(function (pair) {
      watch.observe(pair[0]);
      watch.observe(pair[1]);
    });
    if (pairs.length) {
      document.body.appendChild(back);
    }
  }

  /* Themes without colour variables: the colours of the page, read when a
   * box is shown (a theme may switch modes at any time). */
  function pagePalette(element) {
    var body = window.getComputedStyle(document.body);
    var background = body.backgroundColor;
    if (transparent(background)) {
      background = window.getComputedStyle(document.documentElement).backgroundColor;
    }
    element.style.setProperty("--sg-page-color", body.color);
    if (!transparent(background)) {
      element.style.setProperty("--sg-page-background", background);
    }
  }

  function transparent(colour) {
    return colour === "transparent" || /^rgba\(.*,\s*0\)$/.test(colour);
  }

  // Resolve the data's root-relative URLs the way the browser resolves links.
  var rootAttr = document.documentElement.getAttribute("data-content_root");
  var root = new URL(rootAttr === null ? "./" : rootAttr || "./", document.baseURI);
  var entries = null; // absolute URL -> entry, made on first use

  function previews() {
    if (entries === null) {
      entries = new Map();
      addPreviews(window.seedGlossaryPreviews || {});
    }
    return entries;
  }

  function addPreviews(data) {
    Object.keys(data).forEach(function (url) {
      entries.set(new URL(url, root).href, data[url]);
    });
  }

  /* A page that links many entries has its data in parts, loaded on the
   * first hover, focus or tap of a link that needs one (as a classic script,
   * which file:// allows): window.seedGlossaryPreviewParts = {count, prefix};
   * a link's part is the FNV-1a hash of its anchor's UTF-8 bytes, modulo
   * count, as the build computes it. */
  var parts = window.seedGlossaryPreviewParts || null;
  var partsLoaded = new Map(); // part number -> true, or the functions waiting

  window.seedGlossaryPreviewPart = function (number, data) {
    previews();
    addPreviews(data);
    var waiting = partsLoaded.get(number);
    partsLoaded.set(number, true);
    if (Array.isArray(waiting)) {
      waiting.forEach(function (then) {
        then();
      });
    }
  };

  function partOf(link) {
    var href = link.href;
    var hash = href.indexOf("#");
    if (!parts || hash < 0 || withoutHash(href) === withoutHash(document.URL)) {
      return -1;
    }
    var bytes = new TextEncoder().encode(decodeURIComponent(href.slice(hash + 1)));
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0;
    }
    return value % parts.count;
  }

  /* Load the part that may hold the entry of *link*, then call *then*;
   * false when there is nothing to load. */
  function whenLoaded(link, then) {
    var number = partOf(link);
    var state = partsLoaded.get(number);
    if (number < 0 || state === true) {
      return false;
    }
    if (state === undefined) {
      state = [];
      partsLoaded.set(number, state);
      var script = document.createElement("script");
      script.src = new URL("_static/" + parts.prefix + number + ".js", root).href;
      document.head.appendChild(script);
    }
    state.push(then);
    return true;
  }

  function withoutHash(url) {
    var index = url.indexOf("#");
    return index < 0 ? url : url.slice(0, index);
  }

  /* An entry on this page, from the page itself: the names of its dt lines
   * and the first block of its dd (the data of other pages' entries holds
   * the same, from the same doctree). */
  function fromPage(id) {
    var line = id ? document.getElementById(id) : null;
    if (!line || line.tagName !== "DT" || !line.closest("dl.glossary")) {
      return null;
    }
    var first = line;
    while (first.previousElementSibling && first.previousElementSibling.tagName === "DT") {
      first = first.previousElementSibling;
    }
    var names = [];
    var node = first;
    for (; node && node.tagName === "DT"; node = node.nextElementSibling) {
      names.push(termText(node));
    }
    var entry = { t: names[0], a: names.slice(1), s: "" };
    if (line !== first) {
      entry.n = termText(line);
    }
    var block = node && node.tagName === "DD" ? node.firstElementChild : null;
    if (block && block.classList.contains("sg-see")) {
      var targets = Array.prototype.map.call(block.querySelectorAll("a"), function (a) {
        return a.textContent;
      });
      entry.s = "\u2192 " + targets.join("; ");
    } else if (
      block &&
      !block.classList.contains("rubric") &&
      !block.classList.contains("sg-backlinks") &&
      !block.classList.contains("seealso")
    ) {
      entry.s = block.textContent.replace(/\s+/g, " ").trim();
    }
    return entry;
  }

  function termText(line) {
    var text = "";
    line.childNodes.forEach(function (child) {
      if (!(child.nodeType === 1 && child.classList.contains("headerlink"))) {
        text += child.textContent;
      }
    });
    return text.replace(/\s+/g, " ").trim();
  }

  function lookup(href) {
    var entry = previews().get(href);
    if (!entry && withoutHash(href) === withoutHash(document.URL)) {
      entry = fromPage(decodeURIComponent(href.slice(href.indexOf("#") + 1)));
    }
    return entry || null;
  }

  var popover = null;
  var owner = null; // the link whose preview is shown
  var tapped = null; // the link whose preview a tap opened: a second tap follows it
  var hideTimer = null;
  var lastPointer = "";

  function build() {
    popover = document.createElement("div");
    popover.id = "sg-preview";
    popover.className = "sg-preview";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.addEventListener("pointerenter", cancelHide);
    popover.addEventListener("pointerleave", function (event) {
      if (event.pointerType !== "touch") {
        scheduleHide();
      }
    });
    document.body.appendChild(popover);
  }

  function line(tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  }

  /* Show the preview of *entry* for *link*: next to the line of the link
   * under the pointer (x, y), or its first line. On a touch screen the term
   * is a link to the entry. The link is described by the definition. */
  function show(link, entry, x, y, touch) {
    cancelHide();
    if (!popover) {
      build();
    }
    popover.replaceChildren();
    var term = line(touch ? "a" : "div", "sg-preview-term", entry.t);
    if (touch) {
      term.setAttribute("href", link.getAttribute("href"));
    }
    popover.appendChild(term);
    if (entry.a && entry.a.length) {
      popover.appendChild(line("div", "sg-preview-aliases", entry.a.join(", ")));
    }
    if (entry.s) {
      var text = popover.appendChild(line("p", "sg-preview-text", entry.s));
      text.id = "sg-preview-text";
    }
    pagePalette(popover);
    popover.hidden = false;
    place(link, x, y);
    if (owner && owner !== link) {
      owner.removeAttribute("aria-describedby");
    }
    owner = link;
    tapped = touch ? link : null;
    if (entry.s) {
      link.setAttribute("aria-describedby", "sg-preview-text");
    }
  }

  /* The line box of *link* that holds (x, y), or the nearest; the first one
   * without a point (keyboard focus). A link that wraps has one per line. */
  function lineBox(link, x, y) {
    var rects = Array.prototype.slice.call(link.getClientRects());
    if (!rects.length) {
      return link.getBoundingClientRect();
    }
    if (x === undefined) {
      return rects[0];
    }
    var best = rects[0];
    var bestDistance = Infinity;
    rects.forEach(function (rect) {
      var dx = Math.max(rect.left - x, 0, x - rect.right);
      var dy = Math.max(rect.top - y, 0, y - rect.bottom);
      var distance = dx * dx + dy * dy;
      if (distance < bestDistance) {
        best = rect;
        bestDistance = distance;
      }
    });
    return best;
  }

  function place(link, x, y) {
    var box = lineBox(link, x, y);
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    var top = box.bottom + 6;
    if (top + popover.offsetHeight > window.innerHeight && box.top > popover.offsetHeight + 6) {
      top = box.top - popover.offsetHeight - 6;
    }
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  function hide() {
    cancelHide();
    if (popover) {
      popover.hidden = true;
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
      owner = null;
    }
    tapped = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, 150);
  }

  function cancelHide() {
    if (hideTimer !== null) {
      window.clearTimeout(hideTimer);
      hideTimer = null;
    }
  }

  function ourLink(target) {
    var link =
      previewsOn && target && target.closest ? target.closest("a.reference.internal") : null;
    return link && !link.closest(".sg-az") && link.href ? link : null;
  }

  function entryFor(target) {
    var link = ourLink(target);
    var entry = link ? lookup(link.href) : null;
    return entry ? { link: link, entry: entry } : null;
  }

  var pending = null; // the link whose data is on its way

  /* Show the preview of *link* once its part is there, if the link still
   * wants it then. */
  function showWhenLoaded(link, x, y, touch) {
    pending = link;
    return whenLoaded(link, function () {
      var wanted = pending === link;
      var found = wanted ? entryFor(link) : null;
      pending = null;
      if (found) {
        show(found.link, found.entry, x, y, touch);
      } else if (wanted && touch) {
        window.location.assign(link.href); // a tap on a link to no entry
      }
    });
  }

  function inPopover(node) {
    return Boolean(popover && node && popover.contains(node));
  }

  // A mouse or a pen shows the preview on hover; a touch does not hover.
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") {
      return;
    }
    var found = entryFor(event.target);
    if (found) {
      show(found.link, found.entry, event.clientX, event.clientY, false);
    } else if (ourLink(event.target)) {
      showWhenLoaded(ourLink(event.target), event.clientX, event.clientY, false);
    }
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "touch" && pending && pending === ourLink(event.target)) {
      pending = null;
    }
    if (event.pointerType !== "touch" && entryFor(event.target) && tapped === null) {
      scheduleHide();
    }
  });
  document.addEventListener("focusin", function (event) {
    var found = entryFor(event.target);
    if (found && owner !== found.link) {
      show(found.link, found.entry, undefined, undefined, false);
    } else if (found || inPopover(event.target)) {
      cancelHide();
    } else if (ourLink(event.target)) {
      showWhenLoaded(ourLink(event.target), undefined, undefined, false);
    }
  });
  document.addEventListener("focusout", function (event) {
    if (
      (entryFor(event.target) || inPopover(event.target)) &&
      !inPopover(event.relatedTarget) &&
      tapped === null
    ) {
      scheduleHide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover && !popover.hidden) {
      hide();
    }
  });

  /* Touch: the first tap on a link to an entry shows its preview, whose term
   * links to the entry; a second tap on the same link follows it; a tap
   * anywhere else closes the preview. */
  document.addEventListener(
    "pointerdown",
    function (event) {
      lastPointer = event.pointerType;
      if (
        event.pointerType === "touch" &&
        popover &&
        !popover.hidden &&
        !inPopover(event.target) &&
        !(owner && owner.contains(event.target))
      ) {
        hide();
      }
    },
    true
  );
  document.addEventListener(
    "click",
    function (event) {
      // Chromium and Firefox tell a click's pointer; others: the last pointerdown.
      var kind = "pointerType" in event ? event.pointerType : lastPointer;
      lastPointer = "";
      if (kind !== "touch" || event.defaultPrevented) {
        return;
      }
      var found = entryFor(event.target);
      var link = ourLink(event.target);
      if (!found && link && showWhenLoaded(link, event.clientX, event.clientY, true)) {
        event.preventDefault(); // its preview is on its way
        return;
      }
      if (!found || tapped === found.link) {
        return; // not ours, or the second tap: follow the link
      }
      event.preventDefault();
      show(found.link, found.entry, event.clientX, event.clientY, true);
    },
    true
  );

  /* Search: each result that opens a glossary entry answers. Entries whose
   * term or alias matches the query are listed first, from our own data
   * (Sphinx's index entries of a page are lost when an incremental build does
   * not read it again, sphinx-doc/sphinx#12599), titled with the term (an
   * alias: "alias -> term") and with the first sentence of the definition.
   * Sphinx's own results for the same entries are retitled the same way, or
   * dropped when the entry is listed already. Results arrive one by one, so a
   * MutationObserver follows the list. */
  var index = window.seedGlossaryNames;
  var results = document.getElementById("search-results");
  if (!index || !results || !window.MutationObserver) {
    return;
  }
  var query = normalise(new URLSearchParams(window.location.search).get("q") || "");
  var shown = new Map(); // entry number -> its result item
  var named = new Map(); // absolute URL -> {k: entry number, t: term, n: alias, url}
  index.entries.forEach(function (row, number) {
    var page = index.pages[row[0]];
    for (var j = 1; j < row.length; j += 2) {
      // An empty anchor is the one Sphinx makes of a plain name.
      var url = page + "#" + (row[j + 1] || "term-" + row[j].replace(/ /g, "-"));
      named.set(new URL(url, root).href, { k: number, t: row[1], n: j > 1 ? row[j] : "", url: url });
    }
  });

  function fromHere(url) {
    return rootAttr === null || rootAttr === "./" ? url : rootAttr + url;
  }

  /* First sentences come in files of index.chunk entries, loaded for the
   * entries a search lists, as classic scripts (file:// allows them). */
  var loaded = new Map(); // file number -> its sentences
  var waiting = new Map(); // file number -> functions to call with them
  window.seedGlossaryDefinitions = function (number, sentences) {
    loaded.set(number, sentences);
    (waiting.get(number) || []).forEach(function (then) {
      then(sentences);
    });
    waiting.delete(number);
  };

  function sentence(number, then) {
    var file = Math.floor(number / index.chunk);
    var pick = function (sentences) {
      then(sentences[number % index.chunk] || "");
    };
    if (loaded.has(file)) {
      pick(loaded.get(file));
      return;
    }
    if (!waiting.has(file)) {
      waiting.set(file, []);
      var script = document.createElement("script");
      script.src = new URL("_static/" + index.sentences + file + ".js", root).href;
      document.head.appendChild(script);
    }
    waiting.get(file).push(pick);
  }

  function normalise(text) {
    return text.toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* Entries one of whose names holds the query, as Sphinx matches index
   * entries (the query is at least half the name): best first. */
  function matchingEntries() {
    var best = new Map(); // entry number -> [score, entry]
    named.forEach(function (entry) {
      var name = normalise(entry.n || entry.t);
      var score = 0;
      if (name === query) {
        score = 2;
      } else if (query && name.indexOf(query) >= 0 && query.length >= name.length / 2) {
        score = query.length / name.length;
      }
      var previous = best.get(entry.k);
      if (score > 0 && (!previous || score > previous[0])) {
        best.set(entry.k, [score, entry]);
      }
    });
    return Array.from(best.values()).sort(function (a, b) {
      return b[0] - a[0] || (a[1].n || a[1].t).localeCompare(b[1].n || b[1].t);
    });
  }

  var matches = matchingEntries();
  // Ask for their sentences now: they arrive while Sphinx searches.
  matches.forEach(function (match) {
    sentence(match[1].k, function () {});
  });

  function dress(item, link, entry) {
    shown.set(entry.k, item);
    item.classList.add("sg-search-entry");
    link.textContent = entry.n ? entry.n + " \u2192 " + entry.t : entry.t;
    item.setAttribute("aria-busy", "true"); // until its sentence is there
    sentence(entry.k, function (text) {
      item.removeAttribute("aria-busy");
      if (text) {
        var summary = document.createElement("p");
        summary.className = "sg-search-summary";
        summary.textContent = text;
        item.appendChild(summary);
      }
    });
  }

  function listEntries(list) {
    var first = list.firstElementChild;
    matches.forEach(function (match) {
      var item = document.createElement("li");
      item.className = "kind-index";
      var link = item.appendChild(document.createElement("a"));
      link.setAttribute("href", fromHere(match[1].url));
      dress(item, link, match[1]);
      list.insertBefore(item, first);
    });
  }

  function answer(item) {
    if (item.classList.contains("sg-search-entry")) {
      return;
    }
    var link = item.querySelector("a[href]");
    var entry = link && named.get(new URL(link.getAttribute("href"), document.baseURI).href);
    if (!entry) {
      return;
    }
    if (shown.has(entry.k)) {
      item.remove(); // the entry is listed already
      return;
    }
    dress(item, link, entry);
    // Before the first result that is not an entry, after the other entries.
    var list = item.parentNode;
    var first = list.firstElementChild;
    while (first && first !== item && first.classList.contains("sg-search-entry")) {
      first = first.nextElementSibling;
    }
    if (first && first !== item) {
      list.insertBefore(item, first);
    }
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) {
          return;
        }
        if (node.tagName === "UL" && node.classList.contains("search")) {
          listEntries(node);
        } else if (node.tagName === "LI") {
          answer(node);
        }
      });
    });
  }).observe(results, { childList: true, subtree: true });
})();
