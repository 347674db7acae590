#!/usr/bin/env bash
# Opens a built site's index.html in headless Chromium and checks what a
# browser sees: no console messages, the right lang and title, headings in
# order, every picture with alt text, every link with text, and every local
# link and picture resolving to a file in the site.
#
# Usage: .ci/site-browser-check.sh OUTDIR   (the folder holding index.html)
set -euo pipefail

site="${1:?usage: $0 OUTDIR}"
site="$(cd "$site" && pwd)"
index="$site/index.html"
[ -f "$index" ] || { echo "site-browser-check: no $index" >&2; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "site-browser-check: chromium is not installed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-quic --no-first-run --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
    --dump-dom "file://$index" >"$work/dom.html" 2>"$work/log.txt" || {
    echo "site-browser-check: chromium failed" >&2
    cat "$work/log.txt" >&2
    exit 1
}

if grep -q 'CONSOLE' "$work/log.txt"; then
    echo "site-browser-check: console messages on $index:" >&2
    grep 'CONSOLE' "$work/log.txt" >&2
    exit 1
fi

python3 - "$site" "$work/dom.html" <<'EOF'
import json, os, sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

site, dom_file = sys.argv[1], sys.argv[2]
with open(os.path.join(site, "manifest.json"), encoding="utf-8") as f:
    manifest = json.load(f)

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.stack = []
        self.headings = []
        self.refs = []
        self.problems = []
        self.link_text = None
        self.hidden_link = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "img":
            # A thumbnail repeating a named link is hidden, with alt="".
            if a.get("alt") is None or (not a["alt"].strip() and not self.hidden_link):
                self.problems.append(f"picture {a.get('src')} has no alt text")
            if not a.get("width") or not a.get("height"):
                self.problems.append(f"picture {a.get('src')} has no width/height")
            self.refs.append(a.get("src") or "")
            if self.link_text is not None:
                self.link_text += a.get("alt") or ""
        if tag == "a":
            self.refs.append(a.get("href") or "")
            self.link_text = ""
            self.hidden_link = a.get("aria-hidden") == "true"
        if tag == "link" and a.get("href"):
            self.refs.append(a["href"])
        if tag not in ("meta", "img", "br", "link"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag == "a" and self.link_text is not None:
            if not self.link_text.strip() and not self.hidden_link:
                self.problems.append("a link has no text")
            self.link_text = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.title += data
        if self.link_text is not None:
            self.link_text += data

p = Page()
with open(dom_file, encoding="utf-8") as f:
    p.feed(f.read())

problems = list(p.problems)
if p.lang != manifest["lang"]:
    problems.append(f"<html lang> is {p.lang!r}, expected {manifest['lang']!r}")
if p.title.strip() != manifest["title"]:
    problems.append(f"<title> is {p.title.strip()!r}, expected {manifest['title']!r}")
if not p.headings or p.headings[0] != 1 or p.headings.count(1) != 1:
    problems.append(f"headings {p.headings}: expected one h1, first")
for prev, cur in zip(p.headings, p.headings[1:]):
    if cur > prev + 1:
        problems.append(f"heading h{cur} follows h{prev}")
if len([h for h in p.headings if h == 2]) != len(manifest["guides"]):
    problems.append("expected one h2 per guide of the manifest")
checked = 0
for ref in p.refs:
    parts = urlsplit(ref)
    if parts.scheme in ("http", "https", "mailto") or (not parts.path and parts.fragment):
        continue
    if parts.scheme or not parts.path or parts.path.startswith("/"):
        problems.append(f"{ref!r} is not a link inside the site")
        continue
    target = os.path.normpath(os.path.join(site, unquote(parts.path)))
    if not target.startswith(site + os.sep) or not os.path.isfile(target):
        problems.append(f"{ref!r} does not resolve to a file in the site")
    checked += 1

if problems:
    print("site-browser-check: " + os.path.join(site, "index.html"), file=sys.stderr)
    for pr in problems:
        print("  - " + pr, file=sys.stderr)
    sys.exit(1)
print(f"site-browser-check: ok ({checked} local links and pictures, lang {p.lang}, "
      f"{len(p.headings)} headings)")
EOF
