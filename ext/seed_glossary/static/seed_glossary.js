/* sphinx-seed-glossary: show a term's definition when a link to it is hovered
 * or focused, and make search results for glossary entries answer.
 * Data: window.seedGlossaryPreviews (seed_glossary_data.js), a map from
 * "page#anchor" (relative to the site root) to {k: entry key, t: term,
 * a: aliases, s: summary, f: first sentence, n: the alias of this anchor}.
 * Seed text is untrusted: it is only ever set with textContent. */
(function () {
  "use strict";

  var data = window.seedGlossaryPreviews;
  if (!data) {
    return;
  }

  // Resolve the data's root-relative URLs the way the browser resolves links.
  var rootAttr = document.documentElement.getAttribute("data-content_root");
  var root = new URL(rootAttr === null ? "./" : rootAttr || "./", document.baseURI);
  var entries = new Map();
  Object.keys(data).forEach(function (url) {
    entries.set(new URL(url, root).href, data[url]);
  });

  var popover = null;
  var owner = null;
  var hideTimer = null;

  function build() {
    popover = document.createElement("div");
    popover.id = "sg-preview";
    popover.className = "sg-preview";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.addEventListener("mouseenter", cancelHide);
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
  }

  function line(tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  }

  function show(link, entry) {
    cancelHide();
    if (!popover) {
      build();
    }
    popover.replaceChildren();
    popover.appendChild(line("div", "sg-preview-term", entry.t));
    if (entry.a && entry.a.length) {
      popover.appendChild(line("div", "sg-preview-aliases", entry.a.join(", ")));
    }
    if (entry.s) {
      popover.appendChild(line("p", "sg-preview-text", entry.s));
    }
    popover.hidden = false;
    place(link);
    if (owner && owner !== link) {
      owner.removeAttribute("aria-describedby");
    }
    owner = link;
    link.setAttribute("aria-describedby", popover.id);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
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

  function entryFor(target) {
    var link = target && target.closest ? target.closest("a.reference.internal") : null;
    if (!link || link.closest(".sg-az") || !link.href) {
      return null;
    }
    var entry = entries.get(link.href);
    return entry ? { link: link, entry: entry } : null;
  }

  function onEnter(event) {
    var found = entryFor(event.target);
    if (found) {
      show(found.link, found.entry);
    }
  }

  function onLeave(event) {
    if (entryFor(event.target)) {
      scheduleHide();
    }
  }

  document.addEventListener("mouseover", onEnter);
  document.addEventListener("focusin", onEnter);
  document.addEventListener("mouseout", onLeave);
  document.addEventListener("focusout", onLeave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover && !popover.hidden) {
      hide();
    }
  });

  /* Search: Sphinx lists a glossary term as an index entry titled with the
   * page's name. Each result that opens an entry is retitled with the term
   * (an alias result: "alias → term"), gets the first sentence of the
   * definition, comes before other results, and is listed once per entry.
   * Results arrive one by one, so a MutationObserver follows the list. */
  var results = document.getElementById("search-results");
  if (!results || !window.MutationObserver) {
    return;
  }
  var shown = new Map(); // entry key -> its result item

  function searchEntry(item) {
    var link = item.querySelector("a[href]");
    if (!link) {
      return null;
    }
    var entry = entries.get(new URL(link.getAttribute("href"), document.baseURI).href);
    return entry ? { link: link, entry: entry } : null;
  }

  function answer(item) {
    if (item.classList.contains("sg-search-entry")) {
      return;
    }
    var found = searchEntry(item);
    if (!found) {
      return;
    }
    var entry = found.entry;
    if (shown.has(entry.k)) {
      item.remove(); // the entry is listed already
      return;
    }
    shown.set(entry.k, item);
    item.classList.add("sg-search-entry");
    found.link.textContent = entry.n ? entry.n + " \u2192 " + entry.t : entry.t;
    if (entry.f) {
      var summary = document.createElement("p");
      summary.className = "sg-search-summary";
      summary.textContent = entry.f;
      item.appendChild(summary);
    }
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
        if (node.tagName === "LI") {
          answer(node);
        } else {
          node.querySelectorAll("li").forEach(answer);
        }
      });
    });
  }).observe(results, { childList: true, subtree: true });
})();
