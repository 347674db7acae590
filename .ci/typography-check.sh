#!/usr/bin/env bash
# Checks the typography rules on the text pdftotext reads back from the PDFs
# of the typography corpus (tests/typography/): sheets, web PDFs and every
# pack layout, each in large print too. `cargo test --test typography`
# checks the same rules on the page description; this checks what a reader
# (and a screen reader, a search engine) gets from the files themselves.
#
#  - a line that ends with a soft hyphen (U+00AD in `pdftotext -raw`) ends
#    a word of 6 letters or more, with 2 letters before and 3 after, without
#    digits or address characters, not a name nor a heading;
#  - every address and code of the corpus breaks only after / or before
#    . ? & = - _ # %, keeps 3 characters on each side, is never hyphenated,
#    and a short code is never split;
#  - no page holds fewer than 4 lines besides its header, footer and the
#    disclaimer (blank pages aside; a picture counts as 4 lines; on imposed
#    sheets, where pdfimages cannot tell the halves apart, a short half is
#    only reported when its sheet has no picture);
#  - no mailto: address is printed; check reports words cut without a
#    hyphen for the last-resort guide only.
#
# Usage: bash .ci/typography-check.sh [GUIDEPRESS]   (default: target/release/guidepress)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/guidepress}
corpus=tests/typography
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every edition, one PDF (or one folder of PDFs) each.
"$bin" build "$corpus/guides" --out "$tmp/build" >/dev/null 2>&1
"$bin" site "$corpus/guides" --out "$tmp/site" >/dev/null 2>&1
for lp in "" --large-print; do
  for layout in single 2up booklet; do
    "$bin" pack "$corpus/guides" --layout "$layout" $lp --out "$tmp/pack-$layout$lp.pdf" >/dev/null 2>&1
  done
  for g in "$corpus"/guides/*.json; do
    id=$(basename "$g" .json)
    [ "$id" = collection ] && continue
    "$bin" pack "$corpus/guides" --layout handout --only "$id" $lp --out "$tmp/handout-$id$lp.pdf" >/dev/null 2>&1
  done
done
"$bin" check "$corpus/guides" --format json > "$tmp/check.json" || true

python3 - "$tmp" "$corpus" <<'PY'
import glob, json, os, re, subprocess, sys

tmp, corpus = sys.argv[1], sys.argv[2]
LAST_RESORT = "dernier-recours"
SOFT = "\u00ad"
guides = {}
for f in sorted(glob.glob(f"{corpus}/guides/*.json")):
    g = json.load(open(f))
    if f.endswith("collection.json"):
        collection = g
    else:
        guides[g.get("id") or os.path.basename(f)[:-5]] = g
disclaimer = re.sub(r"\s", "", collection["disclaimer"])
exceptions = {k.lower(): v for k, v in collection.get("hyphenation", {}).items()}

def strings(v):
    if isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, str):
        yield v

# What the corpus prints as addresses and codes, read from its sources.
addresses, codes, headings = set(), set(), set()
for gid, g in guides.items():
    if gid == LAST_RESORT:
        continue
    headings.add(g["title"])
    for b in g["body"]:
        if b.get("type") == "heading":
            headings.add(b["text"])
    for s in strings(g):
        for c in re.findall(r"`([^`]+)`", s):
            (codes if len(c) <= 25 else addresses).add(c)
        for u in re.findall(r"\]\((https?://[^)\s]+)\)", s):
            addresses.add(u)
        for u in re.findall(r"<((?:https?://|mailto:)[^>\s]+)>", s):
            addresses.add(u.replace("mailto:", "", 1))
        for u in re.findall(r"(?<![\w<(])((?:https?://|www\.)[^\s<>`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", s):
            addresses.add(u.rstrip(".,;:!?)»"))
    if g.get("source_url"):
        addresses.add(g["source_url"])
names = ["Firefox", "Pronote", "EduConnect", "FranceConnect", "Thunderbird", "Chrome", "Safari"]

faults = []

def page_texts(pdf):
    """The text of each page (each half of an imposed sheet), as pdftotext -raw reads it."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    halves = [(0, 0, w, h)] if h > w else [(0, 0, w / 2, h), (w / 2, 0, w / 2, h)]
    out = []
    for p in range(1, pages + 1):
        for (x, y, ww, hh) in halves:
            r = subprocess.run(["pdftotext", "-raw", "-f", str(p), "-l", str(p), "-x", str(int(x)),
                                "-y", str(int(y)), "-W", str(int(ww)), "-H", str(int(hh)), pdf, "-"],
                               capture_output=True, text=True)
            out.append(r.stdout.replace("\f", ""))
    return out

def letters_end(s):
    return re.search(r"[^\W\d_]*$", s).group(0)

def letters_start(s):
    return re.match(r"[^\W\d_]*", s).group(0)

def check_lines(name, lines):
    stream = "\n".join(lines)
    if "mailto:" in stream:
        faults.append(f"{name}: a mailto: address is printed")
    for i, line in enumerate(lines):
        if not line.endswith(SOFT):
            if SOFT in line:
                faults.append(f"{name}: soft hyphen inside a line: {line!r}")
            continue
        body = line[:-1]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        before, after = letters_end(body), letters_start(nxt.lstrip())
        word = before + after
        token = (body.split()[-1] if body.split() else "") + (nxt.split()[0] if nxt.split() else "")
        token = token.rstrip(".,;:!?)»").replace(SOFT, "")
        why = []
        if len(before) < 2 or len(after) < 3:
            why.append("fewer than 2 letters before or 3 after")
        if len(word) < 6:
            why.append("a word under 6 letters")
        if re.search(r"[\d@/\\:=?&%#_]", token) or "." in token:
            why.append("in an address, a code or a word with digits")
        if any(c.isupper() for c in word[1:]) or word in names:
            why.append("a name")
        if word.lower() in exceptions:
            allowed = [len(p) for p in exceptions[word.lower()].split("-")[:-1]]
            cuts = [sum(allowed[:k + 1]) for k in range(len(allowed))]
            if len(before) not in cuts:
                why.append("not where the collection's list allows")
        if why:
            faults.append(f"{name}: {before}-{after} ({', '.join(why)})")
    # Headings are never hyphenated.
    for h in headings:
        pattern = r"\s*".join(re.escape(w) for w in h.split())
        for m in re.finditer(pattern.replace(r"\ ", r"\s*"), stream.replace(SOFT + "\n", SOFT)):
            if SOFT in m.group(0):
                faults.append(f"{name}: heading hyphenated: {h!r}")
    # Addresses and codes.
    for addr, may_split in [(a, True) for a in addresses] + [(c, False) for c in codes]:
        pat = "[\n" + SOFT + "]?".join(re.escape(ch) for ch in addr)
        for m in re.finditer(pat, stream):
            text = m.group(0)
            if not may_split and m.start() > 0 and (stream[m.start() - 1].isalnum() or stream[m.start() - 1] in "=/&?.-_"):
                continue  # inside a longer address
            if SOFT in text:
                faults.append(f"{name}: {addr} is hyphenated")
            k, last = 0, 0
            for ch in text:
                if ch == "\n":
                    if not may_split:
                        faults.append(f"{name}: {addr} is split though it fits a line")
                    p, c = addr[k - 1], addr[k]
                    visible = (p in "/\\" and c not in "/\\") or c in ".?&=-_#%"
                    if not visible or k - last < 3 or len(addr) - k < 3:
                        faults.append(f"{name}: {addr} broken after {addr[:k]!r}")
                    last = k
                elif ch != SOFT:
                    k += 1

def content_lines(text, pictures):
    n = 0
    for line in text.splitlines():
        s = re.sub(r"\s", "", line).replace(SOFT, "")
        if not s or re.fullmatch(r"page\d+/\d+", s) or s in disclaimer:
            continue
        n += 1
    return n + 4 * pictures

pdfs = sorted(glob.glob(f"{tmp}/*.pdf")) + sorted(glob.glob(f"{tmp}/build/pdf/*.pdf")) + sorted(glob.glob(f"{tmp}/site/pdf/*.pdf"))
titles = {g["title"]: gid for gid, g in guides.items()}
checked = 0
for pdf in pdfs:
    name = os.path.relpath(pdf, tmp)
    imposed = any(k in name for k in ("2up", "booklet", "handout"))
    texts = page_texts(pdf)
    lines = []
    for n, text in enumerate(texts):
        if not text.strip():
            continue  # a blank page or half
        # (The scissors of a handout's cut line are no text of the page.)
        page_lines = [l for l in text.splitlines() if l.replace("\u2702", "").strip()]
        if not page_lines:
            continue
        # The footer: "page N / M" and the guide's title (perhaps cut with …).
        body = [l for l in page_lines if not re.fullmatch(r"page \d+ / \d+", l.strip())]
        foot_title, body = body[-1].strip().rstrip("…").strip(), body[:-1]
        owner = next((gid for t, gid in titles.items() if foot_title and t.startswith(foot_title)), None)
        if owner != LAST_RESORT:
            lines.extend(body)
        first = "›" in text  # the breadcrumb opens a guide's first page
        if owner is None or first:
            continue  # front matter, or a first page (its header, title, summary)
        sheet = n // 2 + 1 if imposed else n + 1
        listing = subprocess.run(["pdfimages", "-list", "-f", str(sheet), "-l", str(sheet), pdf],
                                 capture_output=True, text=True).stdout
        pictures = max(0, len(listing.splitlines()) - 2)
        count = content_lines("\n".join(body), 0 if imposed else pictures)
        # On an imposed sheet the pictures cannot be told apart by half: a
        # short half is a fault only when its sheet holds no picture.
        if count < 4 and not (imposed and pictures):
            faults.append(f"{name}: page {n + 1} ({owner}) holds {count} lines")
    check_lines(name, lines)
    checked += 1

# check: words cut without a hyphen are reported, for the last-resort guide only.
report = json.load(open(f"{tmp}/check.json"))
forced = [d for d in report["diagnostics"] if d["code"] == "forced-break"]
if not forced:
    faults.append("check reports no forced-break warning for the last-resort guide")
for d in forced:
    if not d["file"].endswith(f"{LAST_RESORT}.json"):
        faults.append(f"check: unexpected forced-break: {d['file']}: {d['message']}")

if faults:
    print(f"typography checks: {len(faults)} faults")
    for f in faults:
        print("  " + f)
    sys.exit(1)
print(f"typography checks: {checked} PDFs ok ({len(addresses)} addresses, {len(codes)} codes, {len(headings)} headings)")
PY
