// The index's search box: shown by this script (the page lists every guide
// without it), it hides the cards that lack any of the words typed, in their
// title, summary, audience, date or keywords, ignoring case and accents.
(function () {
  var box = document.getElementById("find");
  var input = document.getElementById("q");
  var status = document.getElementById("q-count");
  var cards = [].slice.call(document.querySelectorAll(".guides > li"));
  if (!box || !input || !status || !"".normalize) return;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var texts = cards.map(function (c) {
    return fold(c.textContent + " " + (c.getAttribute("data-keywords") || ""));
  });
  var say = ["data-one", "data-many", "data-none"].map(function (a) {
    return box.getAttribute(a);
  });
  function run() {
    var words = fold(input.value).split(/[\s,;:.!?'’"«»()]+/).filter(Boolean);
    var n = 0;
    cards.forEach(function (c, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      c.hidden = !hit;
      if (hit) n++;
    });
    status.textContent = !words.length ? "" :
      n === 0 ? say[2] : n === 1 ? say[0] : say[1].replace("{n}", n);
  }
  input.addEventListener("input", run);
  box.hidden = false;
  if (input.value) run();
})();
