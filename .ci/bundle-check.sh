#!/usr/bin/env bash
# Builds the release bundle of the bundled guides twice — once here, once
# from a copy in another folder, with files created in reverse order and one
# thread — then checks that the two zips are byte-identical, that they unzip,
# and that `sha256sum -c` accepts their SHA256SUMS.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GUIDEPRESS:-target/release/guidepress}
[ -x "$bin" ] || cargo build --release --quiet
bin=$(realpath "$bin")
if ! command -v unzip >/dev/null; then
  apt-get update -qq && apt-get install -y -qq unzip >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" check --format github
"$bin" bundle --out "$tmp/a"
zip_a=$(ls "$tmp"/a/bundle/*.zip)

# The same sources elsewhere, listed in another order, on one thread.
mkdir -p "$tmp/copy"
for sub in guides images files; do
  mkdir -p "$tmp/copy/$sub"
  for f in $(ls -r "$sub"); do cp -r "$sub/$f" "$tmp/copy/$sub/"; done
done
(cd "$tmp/copy" && "$bin" bundle --jobs 1 --out out >/dev/null)
zip_b=$(ls "$tmp"/copy/out/bundle/*.zip)
cmp "$zip_a" "$zip_b" || { echo "bundle: not reproducible ($zip_a vs $zip_b)"; exit 1; }

mkdir "$tmp/x"
unzip -q "$zip_a" -d "$tmp/x"
(cd "$tmp/x" && sha256sum -c --quiet SHA256SUMS)
for d in print pack site; do
  [ -n "$(ls "$tmp/x/$d")" ] || { echo "bundle: $d/ is empty"; exit 1; }
done
echo "bundle checks: $(basename "$zip_a") reproducible, $(wc -l < "$tmp/x/SHA256SUMS") files verified"
