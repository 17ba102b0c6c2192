/* sphinx-seed-glossary: search results that answer. Needs seed_glossary.js,
 * and window.seedGlossaryNames (_static/seed_glossary/names.js): every
 * entry's names and anchors, and where their first sentences are.
 *
 * Each result that opens a glossary entry answers. Entries whose term or
 * alias matches the query are listed first, from our own data (Sphinx's
 * index entries of a page are lost when an incremental build does not read
 * it again, sphinx-doc/sphinx#12599), titled with the term (an alias:
 * "alias -> term") and with the first sentence of the definition. Sphinx's
 * own results for the same entries are retitled the same way, or dropped
 * when the entry is listed already. Results arrive one by one, so a
 * MutationObserver follows the list. */
(function () {
  "use strict";

  var sg = window.seedGlossary;
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
      named.set(new URL(url, sg.root).href, { k: number, t: row[1], n: j > 1 ? row[j] : "", url: url });
    }
  });

  // A root-relative URL as a link of this page writes it.
  function fromHere(url) {
    return sg.rootAttr === null || sg.rootAttr === "./" ? url : sg.rootAttr + url;
  }

  /* First sentences come in files of index.chunk entries, loaded for the
   * entries a search lists. */
  var loaded = new Map(); // file number -> its sentences
  var waiting = new Map(); // file number -> functions to call with them

  // Called by each file of sentences.
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
      sg.loadData(index.sentences + file);
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
