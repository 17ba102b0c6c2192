/* sphinx-seed-glossary: which glossary entry a link opens, and its preview:
 * from the page's data script (entries on other pages) or from the page
 * itself (entries on this page). Needs seed_glossary.js. */
(function () {
  "use strict";

  var sg = window.seedGlossary;
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
      entries.set(new URL(url, sg.root).href, data[url]);
    });
  }

  /* A page that links many entries has its data in parts, loaded on the
   * first hover, focus or tap of a link that needs one (as a classic script,
   * which file:// allows): window.seedGlossaryPreviewParts = {count, prefix};
   * a link's part is the FNV-1a hash of its anchor's UTF-8 bytes, modulo
   * count, as the build computes it. */
  var parts = window.seedGlossaryPreviewParts || null;
  var partsLoaded = new Map(); // part number -> true, or the functions waiting

  // Called by each part's file.
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
    if (!parts || hash < 0 || sg.withoutHash(href) === sg.withoutHash(document.URL)) {
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
      sg.loadData(parts.prefix + number);
    }
    state.push(then);
    return true;
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

  // A dt's text without its "¶" permalink.
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
    if (!entry && sg.withoutHash(href) === sg.withoutHash(document.URL)) {
      entry = fromPage(decodeURIComponent(href.slice(href.indexOf("#") + 1)));
    }
    return entry || null;
  }

  /* The link around *target* that may open an entry: an internal link in
   * the text, not a letter of the A–Z bar. */
  function ourLink(target) {
    var link =
      sg.previewsOn && target && target.closest
        ? target.closest("a.reference.internal")
        : null;
    return link && !link.closest(".sg-az") && link.href ? link : null;
  }

  // {link, entry} when *target* is in a link to an entry whose preview is here.
  function entryFor(target) {
    var link = ourLink(target);
    var entry = link ? lookup(link.href) : null;
    return entry ? { link: link, entry: entry } : null;
  }

  sg.previewData = { ourLink: ourLink, entryFor: entryFor, whenLoaded: whenLoaded };
})();
