/* sphinx-seed-glossary: show a term's definition when a link to it is hovered
 * or focused. Data: window.seedGlossaryPreviews (seed_glossary_data.js), a map
 * from "page#anchor" (relative to the site root) to {t: term, a: aliases,
 * s: summary}. Seed text is untrusted: it is only ever set with textContent. */
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
})();
