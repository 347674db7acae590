// Prints where the markers, highlight boxes and arrows of a mock-up are,
// in the screenshot's pixels, as the "annotations" of a guide's picture.
// The marks are laid out but not drawn (common.css): guidepress draws them
// over the picture. Opened with ?annotations (make-images.sh --annotations
// does it through chromium --dump-dom), the page writes the list into a
// <pre id="annotations"> element; otherwise it does nothing.
window.addEventListener("DOMContentLoaded", () => {
  if (!location.search.includes("annotations")) return;
  const px = (v) => Math.round(v);
  const out = [];
  for (const el of document.querySelectorAll(".target")) {
    // The element itself: guidepress draws the frame just outside it.
    const r = el.getBoundingClientRect();
    out.push({ type: "box", at: [px(r.left), px(r.top)], size: [px(r.width), px(r.height)] });
  }
  for (const el of document.querySelectorAll(".mark")) {
    const r = el.getBoundingClientRect();
    out.push({ type: "marker", n: Number(el.textContent), at: [px(r.left + r.width / 2), px(r.top + r.height / 2)] });
  }
  for (const el of document.querySelectorAll(".arrow")) {
    const r = el.getBoundingClientRect();
    const y = px(r.top + r.height / 2);
    out.push({ type: "arrow", from: [px(r.left), y], to: [px(r.right), y] });
  }
  const pre = document.createElement("pre");
  pre.id = "annotations";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
