#!/usr/bin/env bash
# Checks built PDFs with independent tools: qpdf (structure), pdffonts
# (subset + ToUnicode), pdftotext (text fidelity), pdfinfo (metadata),
# pdftoppm + zbarimg (QR codes decode to their URL).
set -euo pipefail
out=${1:-out}
fail=0
shopt -s nullglob
pdfs=("$out"/pdf/*.pdf)
[ ${#pdfs[@]} -gt 0 ] || { echo "no PDF in $out/pdf"; exit 1; }
for f in "${pdfs[@]}"; do
  id=$(basename "$f" .pdf)
  qpdf --check "$f" >/dev/null 2>&1 || { echo "$id: qpdf --check failed"; fail=1; }
  # Every font subset (ABCDEF+ prefix), embedded, with ToUnicode.
  fonts=$(pdffonts "$f" 2>/dev/null | tail -n +3)
  if echo "$fonts" | grep -Ev '^[A-Z]{6}\+' | grep -q .; then
    echo "$id: a font is not subset"; echo "$fonts"; fail=1; fi
  # Columns emb, sub, uni must all be "yes".
  if echo "$fonts" | grep -Ev ' yes +yes +yes +[0-9]+ +[0-9]+ *$' | grep -q .; then
    echo "$id: a font is not embedded or lacks ToUnicode"; echo "$fonts"; fail=1; fi
  # The title read back by pdftotext equals the guide's.
  title=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["title"])' "guides/$id.json" | sed 's/\*//g; s/`//g')
  text=$(pdftotext -layout "$f" - 2>/dev/null | tr -s ' \n' ' ')
  first=$(echo "$title" | cut -d' ' -f1-3)
  echo "$text" | grep -F -- "$first" >/dev/null || { echo "$id: title not found by pdftotext"; fail=1; }
  pdfinfo "$f" 2>/dev/null | grep -q "^Tagged: *yes" || { echo "$id: not tagged"; fail=1; }
  pdfinfo "$f" 2>/dev/null | grep -q "^Title:" || { echo "$id: no title"; fail=1; }
done
# QR codes: render pages and decode with zbarimg; every qr block's URL must be found.
tmp=$(mktemp -d)
for f in "${pdfs[@]}"; do
  id=$(basename "$f" .pdf)
  urls=$(python3 - "guides/$id.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
for b in g["body"]:
    if b.get("type") == "qr":
        print(b["url"])
PY
)
  [ -n "$urls" ] || continue
  pdftoppm -r 200 -png "$f" "$tmp/$id" 2>/dev/null
  decoded=$(zbarimg -q --raw "$tmp/$id"*.png 2>/dev/null || true)
  while read -r u; do
    echo "$decoded" | grep -Fx -- "$u" >/dev/null || { echo "$id: QR code for $u not decoded (got: $decoded)"; fail=1; }
  done <<< "$urls"
done
rm -rf "$tmp"
[ $fail -eq 0 ] && echo "output checks: ${#pdfs[@]} PDFs ok"
exit $fail
