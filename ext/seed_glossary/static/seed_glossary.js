/* sphinx-seed-glossary: what the modules of the page script share.
 *
 * The page script is a few small files, one per job. The build adds to each
 * page the ones it needs, all with defer, so they run in the order of the
 * page, after it is parsed: this one first, then
 *   seed_glossary_az.js              the A–Z bar: its name, its return link
 *   seed_glossary_preview_data.js    the entry a link opens, and its preview
 *   seed_glossary_preview_box.js     the preview box: fill, place, hide
 *   seed_glossary_preview_pointer.js previews on hover and keyboard focus
 *   seed_glossary_preview_touch.js   previews on a touch screen
 *   seed_glossary_search.js          search results that answer (search page)
 * They are classic scripts, not ES modules: a page opened from disk
 * (file://) may not load modules, nor fetch() data. Each is a function run
 * once; they share one object, window.seedGlossary, and make no other
 * global but the functions that our data files call.
 *
 * Data, classic scripts that only the pages that need them load, before
 * these (the build gives them a lower priority):
 * - window.seedGlossaryPreviews (_static/seed_glossary/pages/<page>.js): the
 *   entries this page links on other pages, a map from "page#anchor"
 *   (relative to the site root) to {t: term, a: aliases, s: summary,
 *   n: the alias of this anchor}. Entries on this page are read from it.
 * - window.seedGlossaryNames (_static/seed_glossary/names.js, search page
 *   only): every entry's names and anchors.
 * Seed text is untrusted: it is only ever set with textContent. */
(function () {
  "use strict";

  // This file's own tag carries the build's settings as data attributes.
  var ours = document.currentScript;
  var settings = (ours && ours.dataset) || {};
  // Resolve the data's root-relative URLs the way the browser resolves links.
  var rootAttr = document.documentElement.getAttribute("data-content_root");
  var root = new URL(rootAttr === null ? "./" : rootAttr || "./", document.baseURI);

  function withoutHash(url) {
    var index = url.indexOf("#");
    return index < 0 ? url : url.slice(0, index);
  }

  /* Load one of our data files, *path* under _static without ".js". A
   * classic script added to the page: file:// allows it, fetch() not. */
  function loadData(path) {
    var script = document.createElement("script");
    script.src = new URL("_static/" + path + ".js", root).href;
    document.head.appendChild(script);
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

  window.seedGlossary = {
    // seed_glossary_previews = False leaves this attribute out: no previews.
    previewsOn: Boolean(ours && ours.hasAttribute("data-sg-previews")),
    // Names for readers of screens, in the manual's language (set by the build).
    azLabel: settings.sgAzLabel || "",
    azReturnLabel: settings.sgAzReturn || "",
    // data-content_root as written (null without it), and as a URL.
    rootAttr: rootAttr,
    root: root,
    withoutHash: withoutHash,
    loadData: loadData,
    pagePalette: pagePalette,
  };
})();
