/* sphinx-seed-glossary: the A–Z bar for screen readers, and a way back to it.
 * Needs seed_glossary.js. */
(function () {
  "use strict";

  var sg = window.seedGlossary;
  var bars = Array.prototype.slice.call(document.querySelectorAll("p.sg-az"));

  // Each A–Z bar is a navigation landmark with a name. (The bar is a <p> in
  // the HTML: the same node is a paragraph in the PDF and the ePub.)
  bars.forEach(function (bar) {
    bar.setAttribute("role", "navigation");
    if (sg.azLabel) {
      bar.setAttribute("aria-label", sg.azLabel);
    }
  });

  /* The A–Z bar is at the top of its glossary: once a letter has taken the
   * reader down the page, a small link (a 44 px target) brings the bar back.
   * It shows while a glossary is on screen and the bar above it is not. (A
   * sticky bar would not stick in most themes: their content sits in a box
   * with overflow set, and on a phone the bar is four rows tall.) */
  if (!bars.length || !window.IntersectionObserver) {
    return;
  }
  var back = document.createElement("a");
  back.className = "sg-az-return";
  back.textContent = "\u2191 A\u2013Z";
  // The text is an arrow and two letters: say what the link does.
  if (sg.azReturnLabel) {
    back.setAttribute("aria-label", sg.azReturnLabel);
  }
  back.hidden = true;

  var pairs = []; // [bar, the glossary below it]
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
  if (!pairs.length) {
    return;
  }

  var seen = new Map(); // element -> is it on screen
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
      sg.pagePalette(back);
    }
    back.hidden = !wanted;
  });
  pairs.forEach(function (pair) {
    watch.observe(pair[0]);
    watch.observe(pair[1]);
  });
  document.body.appendChild(back);
})();
