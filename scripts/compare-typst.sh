#!/usr/bin/env bash
# Runs the reference sheet through guidepress and, when `typst` is installed,
# through Typst too, and prints both side by side with their ratio.
#   bash scripts/compare-typst.sh [N]      (N sheets in one process, default 100)
# The Typst source is benches/reference/typst/guide.typ (or $TYPST_DOC), the
# same sheet as benches/reference/guides; it needs DejaVu Sans (Debian:
# fonts-dejavu-core). How the published peer figures were measured:
# docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
doc=${TYPST_DOC:-benches/reference/typst/guide.typ}
# Typst reads files only under --root; the picture is in benches/reference/images.
root=${TYPST_ROOT:-benches/reference}
cargo build --release --quiet
bin=target/release/guidepress
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ms() { python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.1f}')" "$1"; }
# Wall time of a command in seconds (Python's start-up is not counted).
timeit() {
  python3 -c 'import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(time.perf_counter() - t)' "$@"
}

# One sheet, one process (median of 5).
one_gp=$(for i in 1 2 3 4 5; do rm -rf "$tmp/one"; timeit "$bin" build benches/reference/guides --out "$tmp/one"; done | sort -n | sed -n 3p)
# N sheets in one process.
mkdir -p "$tmp/many/guides"
cp -r benches/reference/images "$tmp/many/"
cp benches/reference/guides/collection.json "$tmp/many/guides/"
for i in $(seq 1 "$n"); do
  sed "s/\"id\": \"exception-firefox\"/\"id\": \"fiche-$i\"/" benches/reference/guides/exception-firefox.json > "$tmp/many/guides/fiche-$i.json"
done
many_gp=$(timeit "$bin" build "$tmp/many/guides" --out "$tmp/many-out")
size_gp=$(stat -c %s "$tmp/one/pdf/exception-firefox.pdf")

printf '%-28s %12s %12s %8s\n' "" guidepress typst ratio
if command -v typst >/dev/null && [ -f "$doc" ]; then
  export SOURCE_DATE_EPOCH=1647129600
  one_ty=$(for i in 1 2 3 4 5; do timeit typst compile --root "$root" "$doc" "$tmp/typst.pdf"; done | sort -n | sed -n 3p)
  size_ty=$(stat -c %s "$tmp/typst.pdf")
  many_ty=$(timeit bash -c "for i in \$(seq 1 $n); do typst compile --root '$root' '$doc' '$tmp/t.pdf'; done")
  printf '%-28s %10s ms %10s ms %7.1fx\n' "one sheet" "$(ms "$one_gp")" "$(ms "$one_ty")" "$(python3 -c "print($one_ty/$one_gp)")"
  printf '%-28s %10s ms %10s ms %7.1fx\n' "$n sheets" "$(ms "$many_gp")" "$(ms "$many_ty")" "$(python3 -c "print($many_ty/$many_gp)")"
  printf '%-28s %10s B  %10s B  %7.2fx\n' "output size" "$size_gp" "$size_ty" "$(python3 -c "print($size_ty/$size_gp)")"
else
  printf '%-28s %10s ms %12s\n' "one sheet" "$(ms "$one_gp")" "(no typst)"
  printf '%-28s %10s ms %12s\n' "$n sheets" "$(ms "$many_gp")" "(no typst)"
  printf '%-28s %10s B  %12s\n' "output size" "$size_gp" "(no typst)"
  echo "typst not found: install it with 'cargo install typst-cli --locked' to compare in the same run"
fi
