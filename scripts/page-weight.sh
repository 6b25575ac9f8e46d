#!/usr/bin/env bash
# Measures what a visitor downloads per page, compressed (HTML + the CSS and JavaScript it links), against a
# running portal, e.g. `make run` in another terminal:  scripts/page-weight.sh [http://localhost:5080]
# The budget (ENGINEERING.md) is 50 KB per page, all from this site; Portal.Tests checks it too, this prints figures.
set -euo pipefail
base=${1:-http://localhost:5080}
pages=(/ /help /account/register /account/sign-in /account/sign-in-link /account/forgot-password /error/404)
size() { curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$base$1"; }
printf '%-28s %8s %8s %8s\n' page html assets total
for page in "${pages[@]}"; do
  html=$(size "$page")
  assets=0
  for asset in $(curl -s "$base$page" | grep -oE '(src|href)="/[^"]+\.(css|js)[^"]*"' | sed -E 's/^(src|href)="//; s/"$//' | sort -u); do
    assets=$((assets + $(size "$asset")))
  done
  printf '%-28s %8d %8d %8d\n' "$page" "$html" "$assets" $((html + assets))
done
