#!/bin/sh
# Regenerates every picture in images/ from the HTML mock-ups in this folder.
#
#   sh docs/image-sources/make-images.sh                (from the project folder)
#   sh docs/image-sources/make-images.sh --annotations  (prints, per picture, the
#       "annotations" of its markers, boxes and arrows, in the picture's pixels,
#       to paste into the guides; no picture is written)
#
# The markers are not painted into the pictures: guidepress draws them from
# the guides' "annotations", so a picture taken again after a browser update
# keeps them without redrawing anything.
#
# Needs: chromium (headless screenshots). Optional: python3 with Pillow, to
# reduce each PNG to a 64-colour palette (files stay well under 80 KB).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../.." && pwd)/images
mkdir -p "$out"

browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$browser" ]; then
  echo "make-images.sh: chromium not found (set CHROMIUM=/path/to/browser)" >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

if [ "${1:-}" = "--annotations" ]; then
  for page in "$here"/*.html; do
    name=$(basename "$page" .html)
    json=$("$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --disable-quic --no-first-run \
      --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 \
      --window-size=900,500 --dump-dom "file://$page?annotations" 2>/dev/null \
      | sed -n 's:.*<pre id="annotations">\(.*\)</pre>.*:\1:p')
    echo "$name.png: ${json:-[]}"
  done
  exit 0
fi

for page in "$here"/*.html; do
  name=$(basename "$page" .html)
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --no-first-run \
    --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=900,500 --screenshot="$out/$name.png" "file://$page" >/dev/null 2>&1
  if [ ! -s "$out/$name.png" ]; then
    echo "make-images.sh: no screenshot for $name" >&2
    exit 1
  fi
  echo "images/$name.png"
done

if python3 -c 'import PIL' 2>/dev/null; then
  python3 - "$out" "$here"/*.html <<'PY'
import os, sys
from PIL import Image
out = sys.argv[1]
for page in sys.argv[2:]:
    path = os.path.join(out, os.path.splitext(os.path.basename(page))[0] + ".png")
    im = Image.open(path).convert("RGB")
    im = im.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    im.save(path, optimize=True)
    print(f"{os.path.basename(path)}: {os.path.getsize(path) // 1024} KB")
PY
else
  echo "make-images.sh: Pillow not installed, PNGs left unquantized" >&2
fi
