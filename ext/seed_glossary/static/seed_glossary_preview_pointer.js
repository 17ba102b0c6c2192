/* sphinx-seed-glossary: previews for a mouse or a pen (on hover) and for the
 * keyboard (on focus; Escape closes). Touch is in
 * seed_glossary_preview_touch.js. Needs seed_glossary.js,
 * seed_glossary_preview_data.js and seed_glossary_preview_box.js. */
(function () {
  "use strict";

  var data = window.seedGlossary.previewData;
  var box = window.seedGlossary.previewBox;

  // A mouse or a pen shows the preview on hover; a touch does not hover.
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") {
      return;
    }
    var found = data.entryFor(event.target);
    var link = found ? null : data.ourLink(event.target);
    if (found) {
      box.show(found.link, found.entry, event.clientX, event.clientY, false);
    } else if (link) {
      box.showWhenLoaded(link, event.clientX, event.clientY, false);
    }
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") {
      return;
    }
    box.forgetPending(data.ourLink(event.target));
    // A preview a tap opened stays until the next tap.
    if (data.entryFor(event.target) && box.tapped() === null) {
      box.scheduleHide();
    }
  });

  document.addEventListener("focusin", function (event) {
    var found = data.entryFor(event.target);
    if (found && box.owner() !== found.link) {
      box.show(found.link, found.entry, undefined, undefined, false);
    } else if (found || box.contains(event.target)) {
      box.cancelHide();
    } else if (data.ourLink(event.target)) {
      box.showWhenLoaded(data.ourLink(event.target), undefined, undefined, false);
    }
  });

  document.addEventListener("focusout", function (event) {
    if (
      (data.entryFor(event.target) || box.contains(event.target)) &&
      !box.contains(event.relatedTarget) &&
      box.tapped() === null
    ) {
      box.scheduleHide();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && box.isOpen()) {
      box.hide();
    }
  });
})();
