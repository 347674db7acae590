#!/usr/bin/env bash
# Checks the format's additions (keys, menu paths, sub-steps, variants,
# annotated pictures) in real PDFs with poppler and qpdf, independently of
# the pure-Rust read-back in `cargo test`:
#   pdftotext           keys read "Ctrl+Maj+Suppr", menu paths "☰, puis
#                       Paramètres" (their ActualText), sub-steps a) b) c);
#   pdfinfo -struct-text  variant labels are H3 headings, each in its own
#                       Sect; sub-steps are a LowerAlpha list; an annotated
#                       picture's marker digits belong to its Figure;
#   qpdf --qdf          every picture of a guide keeps its alt text (/Alt);
# for the sheets, and for the print pack in A5 (2up) and in large print.
# Usage: bash .ci/additions-check.sh [GUIDEPRESS]   (default: target/release/guidepress)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/guidepress}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "additions: $*"; fail=1; }

"$bin" build guides --out "$tmp/out" >/dev/null
"$bin" pack guides --layout 2up --out "$tmp/2up.pdf" >/dev/null
"$bin" pack guides --large-print --out "$tmp/large.pdf" >/dev/null

# pdftotext, with lines joined: a key combination or a menu path may break
# across lines (only after a "+" or a "›").
text() { pdftotext "$1" - 2>/dev/null | tr -s ' \n' ' '; }
for pdf in "$tmp/out/pdf/vider-cache.pdf" "$tmp/2up.pdf" "$tmp/large.pdf"; do
  t=$(text "$pdf")
  name=$(basename "$pdf")
  for want in "Ctrl+Maj+Suppr" "Cmd+Maj+R" "le menu ☰, puis Paramètres" \
    "a) décochez" "b) laissez cochée" "c) cliquez sur Effacer" \
    "…, puis Paramètres, puis Confidentialité, recherche et services, puis Choisir les éléments à effacer"; do
    grep -qF -- "$want" <<<"$t" || bad "$name: pdftotext lacks \"$want\""
  done
  # The keycaps' names are not read twice, nor the separators.
  grep -qF -- "Ctrl Maj Suppr" <<<"$t" && bad "$name: a key combination reads as separate words"
  grep -qF -- "☰ › Paramètres" <<<"$t" && bad "$name: a menu path reads its › separators"
done
t=$(text "$tmp/out/pdf/mettre-a-jour-navigateur.pdf")
for want in "⋮, puis Aide, puis À propos de Google Chrome" "Ctrl+L"; do
  grep -qF -- "$want" <<<"$t" || bad "mettre-a-jour-navigateur.pdf: pdftotext lacks \"$want\""
done

# The tag tree, as poppler reads it.
for id in vider-cache mettre-a-jour-navigateur; do
  s=$(pdfinfo -struct-text "$tmp/out/pdf/$id.pdf" 2>/dev/null)
  for label in Firefox Chrome Edge; do
    grep -qE "^ *H3 \"$label\" \(block\)" <<<"$s" || bad "$id: the variant label $label is not an H3 heading"
  done
  # Each variant heading opens its own Sect.
  n=$(grep -B1 -E '^ *H3 "(Firefox|Chrome|Edge)"' <<<"$s" | grep -cE '^ *Sect$' || true)
  [ "$n" -eq 3 ] || bad "$id: $n of the 3 variant headings open a Sect"
done
s=$(pdfinfo -struct-text "$tmp/out/pdf/vider-cache.pdf" 2>/dev/null)
grep -q "/ListNumbering /LowerAlpha" <<<"$s" || bad "vider-cache: the sub-steps are not a LowerAlpha list"
for l in 'a)' 'b)' 'c)'; do
  grep -qF "\"$l\"" <<<"$s" || bad "vider-cache: no sub-step label $l in the tag tree"
done
# The markers 1, 2, 3 of the "Effacer les données" picture are inside its Figure.
fig=$(awk '/Figure:/{f=1; d=""; next} f && /Caption/{print d; f=0} f && /^ *"[0-9]"$/{gsub(/[ "]/,""); d=d $0}' <<<"$s")
grep -qx "123" <<<"$fig" || bad "vider-cache: the markers 1, 2, 3 are not inside a Figure (got: $(echo $fig))"

# Alt texts: every picture of every guide, in the sheet's /Alt entries.
for pdf in "$tmp"/out/pdf/*.pdf; do
  id=$(basename "$pdf" .pdf)
  qpdf --qdf --object-streams=disable "$pdf" "$tmp/$id.qdf.pdf"
  python3 - "guides/$id.json" "$tmp/$id.qdf.pdf" <<'PY' || fail=1
import json, re, sys
guide, pdf = sys.argv[1], sys.argv[2]
def alts(v):
    if isinstance(v, dict):
        if "src" in v and "alt" in v:
            yield v["alt"]
        for x in v.values():
            yield from alts(x)
    elif isinstance(v, list):
        for x in v:
            yield from alts(x)
want = list(alts(json.load(open(guide))))
raw = open(pdf, "rb").read()
got = set()
for m in re.finditer(rb"/Alt\s*(<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\))", raw):
    s = m.group(1)
    if s.startswith(b"<"):
        b = bytes.fromhex(re.sub(rb"\s", b"", s[1:-1]).decode())
        got.add(b[2:].decode("utf-16-be") if b.startswith(b"\xfe\xff") else b.decode("latin-1"))
    else:
        got.add(s[1:-1].decode("latin-1"))
missing = [a for a in want if a not in got]
for a in missing:
    print(f"additions: {guide}: no /Alt for the picture {a[:60]!r}…")
sys.exit(1 if missing else 0)
PY
done

[ $fail -eq 0 ] && echo "additions checks: keys, menu paths, sub-steps, variants, annotations, alt texts ok"
exit $fail
