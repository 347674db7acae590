// Opens every page of a built site in headless Chromium (Debian's, driven by
// puppeteer-core) at 390 px and 1280 px wide and checks what a parent's
// browser does with it: no WCAG 2.1 A/AA violation found by axe-core, no
// sideways scrolling at 390 px, no console message or page error, and no
// request leaving the folder. On the index, the search box finds a guide by
// one of its keywords.
//
// Usage: node .ci/web-check.mjs SITE_DIR   (run by .ci/web-check.sh)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const site = path.resolve(process.argv[2] || "out/site");
const pages = fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort();
const widths = [
  { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  { width: 1280, height: 900 },
];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const problems = [];
let checks = 0;
for (const file of pages) {
  for (const viewport of widths) {
    const where = `${file} at ${viewport.width} px`;
    const page = await browser.newPage();
    await page.setViewport(viewport);
    page.on("console", (m) => problems.push(`${where}: console ${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`${where}: page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`${where}: ${r.url()} failed`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) {
        problems.push(`${where}: outside request ${r.url()}`);
      }
    });
    await page.goto("file://" + path.join(site, file), { waitUntil: "load" });
    // Lazy pictures: scroll to the end so that they load too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 20));
      }
      window.scrollTo(0, 0);
    });
    // Wider than the screen: content past its edge, or a layout viewport
    // wider than the device (no viewport meta), which a phone shows zoomed out.
    const wide = await page.evaluate((w) =>
      Math.max(document.documentElement.scrollWidth, window.innerWidth) - w, viewport.width);
    if (viewport.width === 390 && wide > 0) {
      problems.push(`${where}: the page scrolls sideways by ${wide} px`);
    }
    const broken = await page.evaluate(() =>
      [...document.images].filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src));
    for (const b of broken) problems.push(`${where}: picture ${b} did not load`);
    // preload: false: axe-core reads the stylesheets from the page rather
    // than fetching them again, which a page opened from the disk may not do.
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      axe.run(document, { preload: false, runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    for (const v of result.violations) {
      const nodes = v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ");
      problems.push(`${where}: axe ${v.id} (${v.impact}): ${v.help} — ${nodes}`);
    }
    if (file === "index.html" && viewport.width === 390) {
      const found = await page.evaluate(() => {
        const card = document.querySelector(".guides > li[data-keywords]");
        if (!card) return "no card with keywords";
        const word = card.getAttribute("data-keywords").split(" · ").pop();
        const input = document.getElementById("q");
        if (!input || document.getElementById("find").hidden) return "no search box";
        input.value = word;
        input.dispatchEvent(new Event("input"));
        const shown = [...document.querySelectorAll(".guides > li")].filter((c) => !c.hidden);
        return shown.includes(card) ? "" : `the keyword "${word}" does not find its guide`;
      });
      if (found) problems.push(`${where}: search: ${found}`);
    }
    checks++;
    await page.close();
  }
}
await browser.close();
if (problems.length) {
  console.error("web-check: " + site);
  for (const p of problems) console.error("  - " + p);
  process.exit(1);
}
console.log(`web-check: ok (${pages.length} pages, ${checks} page views, axe-core WCAG 2.1 A/AA)`);
