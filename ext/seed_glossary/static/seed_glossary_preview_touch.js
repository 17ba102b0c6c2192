/* sphinx-seed-glossary: previews on a touch screen, where nothing hovers.
 * The first tap on a link to an entry shows its preview, whose term links
 * to the entry; a second tap on the same link follows it; a tap anywhere
 * else closes the preview. Needs seed_glossary.js,
 * seed_glossary_preview_data.js and seed_glossary_preview_box.js. */
(function () {
  "use strict";

  var data = window.seedGlossary.previewData;
  var box = window.seedGlossary.previewBox;
  var lastPointer = "";

  // Capture: before the page's own handlers, and before the click follows.
  document.addEventListener(
    "pointerdown",
    function (event) {
      lastPointer = event.pointerType;
      var owner = box.owner();
      if (
        event.pointerType === "touch" &&
        box.isOpen() &&
        !box.contains(event.target) &&
        !(owner && owner.contains(event.target))
      ) {
        box.hide();
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
      var found = data.entryFor(event.target);
      var link = data.ourLink(event.target);
      if (!found && link && box.showWhenLoaded(link, event.clientX, event.clientY, true)) {
        event.preventDefault(); // its preview is on its way
        return;
      }
      if (!found || box.tapped() === found.link) {
        return; // not ours, or the second tap: follow the link
      }
      event.preventDefault();
      box.show(found.link, found.entry, event.clientX, event.clientY, true);
    },
    true
  );
})();
