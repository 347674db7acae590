#!/usr/bin/env bash
# Checks a built site's HTML as the web sees it: the W3C Nu HTML Checker
# (npm vnu-jar, run with the machine's Java) on index.html, every guide page
# and the stylesheet, then axe-core in headless Chromium at 390 px and
# 1280 px (.ci/web-check.mjs). The npm packages are pinned in
# .ci/package.json and .ci/package-lock.json and installed with `npm ci`.
#
# Usage: .ci/web-check.sh SITE_DIR   (the folder holding index.html)
set -euo pipefail

site="${1:?usage: $0 SITE_DIR}"
site="$(cd "$site" && pwd)"
ci="$(cd "$(dirname "$0")" && pwd)"
[ -f "$site/index.html" ] || { echo "web-check: no $site/index.html" >&2; exit 1; }

# The packages, as locked (vnu-jar's install script, which would download a
# Java runtime, is not run: the machine's Java runs the checker).
if [ ! -d "$ci/node_modules/vnu-jar" ] || [ ! -d "$ci/node_modules/puppeteer-core" ] \
    || [ ! -d "$ci/node_modules/axe-core" ]; then
    (cd "$ci" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
export PUPPETEER_SKIP_DOWNLOAD=1

pages=("$site"/*.html)
java -jar "$ci/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "${pages[@]}"
java -jar "$ci/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --css "$site/style.css"
echo "web-check: Nu HTML Checker: no errors in ${#pages[@]} pages and style.css"

CHROMIUM="$(command -v chromium || command -v chromium-browser)" \
    node "$ci/web-check.mjs" "$site"
