#!/usr/bin/env bash
# Checks the print pack with independent tools: one pack per layout, then
# qpdf (structure), pdfinfo (tagged, page size and orientation), pdftotext
# (contents page numbers = pages where each title is found) and pdftoppm +
# zbarimg (every QR code decodes, to exactly the guides' links).
# Usage: bash .ci/pack-check.sh [GUIDEPRESS]   (default: target/release/guidepress)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/guidepress}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
handout_id=vider-cache

# The URLs a set of guides links to, one per line, sorted (what the QR codes must say).
urls() {
  python3 - "$@" <<'PY'
import json, os, re, sys
urls = set()
# A local attachment is linked (and QR-coded) through its web copy,
# <base_url>files/<path>, when the collection has a base_url.
base = None
for f in sys.argv[1:]:
    if f.endswith("collection.json"):
        b = json.load(open(f)).get("base_url")
        base = b if not b or b.endswith("/") else b + "/"
def attachment(href):
    if re.match(r"^(https?|mailto):", href) or not base:
        return href
    rest = href[len("files/"):] if href.startswith("files/") else href
    return base + "files/" + rest
def walk(v):
    if isinstance(v, dict):
        if v.get("type") == "qr":
            urls.add(v["url"])
        if v.get("type") == "attachment":
            urls.add(attachment(v["href"]))
        for k, x in v.items():
            if k not in ("url", "href", "src"):
                walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
    elif isinstance(v, str):
        urls.update(re.findall(r"\]\(((?:https?|mailto):[^)\s]+)\)", v))
        urls.update(re.findall(r"<(https?://[^>\s]+)>", v))
for f in sys.argv[1:]:
    g = json.load(open(f))
    if f.endswith("collection.json"):
        if g.get("base_url"):
            u = g["base_url"]
            urls.add(u if u.endswith("/") else u + "/")
        continue
    walk(g["body"])
print("\n".join(sorted(urls)))
PY
}

for layout in single 2up booklet handout; do
  pdf="$tmp/$layout.pdf"
  args=(pack guides --layout "$layout" --out "$pdf")
  [ "$layout" = handout ] && args+=(--only "$handout_id")
  "$bin" "${args[@]}" >/dev/null
  qpdf --check "$pdf" >/dev/null 2>&1 || { echo "$layout: qpdf --check failed"; fail=1; }
  info=$(pdfinfo "$pdf" 2>/dev/null)
  echo "$info" | grep -q "^Tagged: *yes" || { echo "$layout: not tagged"; fail=1; }
  size=$(echo "$info" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
  case "$layout" in
    single) want="595.276 841.89" ;;
    *) want="841.89 595.276" ;;
  esac
  [ "$size" = "$want" ] || { echo "$layout: page size $size, expected $want"; fail=1; }

  # QR codes: the decoded set equals the links of the packed guides.
  if [ "$layout" = handout ]; then
    expected=$(urls "guides/$handout_id.json")
  else
    expected=$(urls guides/*.json)
  fi
  pdftoppm -r 200 -png "$pdf" "$tmp/$layout" 2>/dev/null
  decoded=$(zbarimg -q --raw "$tmp/$layout"*.png 2>/dev/null | sort -u || true)
  rm -f "$tmp/$layout"*.png
  if [ "$decoded" != "$expected" ]; then
    echo "$layout: QR codes decode to a different set of URLs"
    diff <(echo "$expected") <(echo "$decoded") | sed 's/^/  /'
    fail=1
  fi
done

# Contents of the single pack: each number is the page where pdftotext finds the title.
pdf="$tmp/single.pdf"
pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
checked=0
while IFS=$'\t' read -r title number; do
  checked=$((checked + 1))
  # The first page with the title on a line of its own (its heading; a
  # cross-reference to it sits inside a sentence, the footer adds "page N / M").
  found=""
  for ((p = 3; p <= pages; p++)); do
    if pdftotext -layout -f "$p" -l "$p" "$pdf" - 2>/dev/null | sed 's/^ *//; s/ *$//' | grep -qxF -- "$title"; then
      found=$p
      break
    fi
  done
  [ "$found" = "$number" ] || { echo "contents: \"$title\" listed on page $number, found on page ${found:-none}"; fail=1; }
done < <(pdftotext -layout -f 2 -l 2 "$pdf" - 2>/dev/null | python3 -c '
import json, re, sys, glob
titles = {json.load(open(f))["title"] for f in glob.glob("guides/*.json") if not f.endswith("collection.json")}
for line in sys.stdin:
    m = re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
    if m and m.group(1) in titles:  # a guide line, not a section of the same name
        titles.discard(m.group(1))
        print(m.group(1) + "\t" + m.group(2))
')
guides=$(ls guides/*.json | grep -vc collection.json)
[ "$checked" -eq "$guides" ] || { echo "contents: $checked of $guides guides found in the contents"; fail=1; }
[ $fail -eq 0 ] && echo "pack checks: 4 layouts ok"
exit $fail
