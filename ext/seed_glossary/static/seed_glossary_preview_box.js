/* sphinx-seed-glossary: the preview box. It is made on first use at the end
 * of the body, filled with textContent only, placed next to the line of the
 * link, and names the link's description while it is open. Needs
 * seed_glossary.js and seed_glossary_preview_data.js. */
(function () {
  "use strict";

  var sg = window.seedGlossary;
  var data = sg.previewData;
  var popover = null;
  var owner = null; // the link whose preview is shown
  var tapped = null; // the link whose preview a tap opened: a second tap follows it
  var pending = null; // the link whose data is on its way
  var hideTimer = null;

  function build() {
    popover = document.createElement("div");
    popover.id = "sg-preview";
    popover.className = "sg-preview";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    // The pointer may move onto the box (to select its text) and keep it.
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
    sg.pagePalette(popover);
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

  // Below the line, or above it when there is no room below; in the window.
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

  // A short delay: the pointer may be on its way from the link to the box.
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

  /* Show the preview of *link* once its part of the data is there, if the
   * link still wants it then; false when there is nothing to load. */
  function showWhenLoaded(link, x, y, touch) {
    pending = link;
    return data.whenLoaded(link, function () {
      var wanted = pending === link;
      var found = wanted ? data.entryFor(link) : null;
      pending = null;
      if (found) {
        show(found.link, found.entry, x, y, touch);
      } else if (wanted && touch) {
        window.location.assign(link.href); // a tap on a link to no entry
      }
    });
  }

  // The pointer left *link* before its data came: show nothing then.
  function forgetPending(link) {
    if (pending && pending === link) {
      pending = null;
    }
  }

  sg.previewBox = {
    show: show,
    hide: hide,
    scheduleHide: scheduleHide,
    cancelHide: cancelHide,
    showWhenLoaded: showWhenLoaded,
    forgetPending: forgetPending,
    isOpen: function () {
      return Boolean(popover && !popover.hidden);
    },
    contains: function (node) {
      return Boolean(popover && node && popover.contains(node));
    },
    owner: function () {
      return owner;
    },
    tapped: function () {
      return tapped;
    },
  };
})();
