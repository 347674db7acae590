#!/usr/bin/env bash
# Times `guidepress bundle`: cold (empty cache), no-op rebuild, and rebuild
# after one guide changed, for the bundled collection and for a generated
# collection of N guides (default 500: the bundled six, copied with new ids).
# Usage: benches/bundle.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
cargo build --release --quiet
bin=$(realpath target/release/guidepress)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

secs() { local s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }

run() { # name dir
  local dir=$1 name=$2 one=$3
  cd "$dir"
  local cold noop one_changed
  cold=$(secs "$bin" bundle)
  noop=$(secs "$bin" bundle)
  sed -i '0,/"title": "/s//"title": "Modifié : /' "guides/$one.json"
  one_changed=$(secs "$bin" bundle)
  printf '%-28s cold %6.2f s   no-op %6.2f s   one guide changed %6.2f s   (%s)\n' \
    "$name" "$cold" "$noop" "$one_changed" "$(ls out/bundle/*.zip | xargs du -h | cut -f1)"
  cd - >/dev/null
}

mkdir -p "$tmp/bundled"
cp -r guides images files "$tmp/bundled/"
run "$tmp/bundled" "bundled (6 guides)" vider-cache

mkdir -p "$tmp/gen/guides"
cp -r images files "$tmp/gen/"
cp guides/*.json "$tmp/gen/guides/"
originals=(aide-acces-icart bouclier-securite exception-securite mettre-a-jour-navigateur premiere-connexion vider-cache)
i=0
while [ "$(ls "$tmp/gen/guides" | wc -l)" -le "$n" ]; do
  src=${originals[$((i % 6))]}
  sed "s/\"id\": \"$src\"/\"id\": \"$src-$i\"/" "guides/$src.json" > "$tmp/gen/guides/$src-$i.json"
  i=$((i + 1))
done
# Every guide in "order", so the run is not about warnings.
python3 - "$tmp/gen/guides" <<'PY'
import json, os, sys
d = sys.argv[1]
c = json.load(open(os.path.join(d, "collection.json")))
c["order"] = sorted(f[:-5] for f in os.listdir(d) if f != "collection.json")
json.dump(c, open(os.path.join(d, "collection.json"), "w"), ensure_ascii=False)
PY
run "$tmp/gen" "generated ($n guides)" vider-cache-5
