#!/usr/bin/env bash
# Prints the Slack app manifest with the redirect URL filled in from APP_BASE_URL
# (the environment, else the .env file in the current folder).
#   APP_BASE_URL=https://worklens.example.com scripts/slack-manifest.sh > slack-app-manifest.yml
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="$here/deploy/slack-app-manifest.template.yml"

base="${APP_BASE_URL:-}"
if [[ -z "$base" && -f .env ]]; then
  base="$(sed -n 's/^[[:space:]]*APP_BASE_URL[[:space:]]*=[[:space:]]*//p' .env | tail -n 1 | tr -d '"'"'"'\r')"
fi
if [[ -z "$base" ]]; then
  echo "Set APP_BASE_URL (e.g. https://localhost:8443) in the environment or in .env." >&2
  exit 2
fi
base="${base%/}"
case "$base" in
  https://*) ;;
  *) echo "Slack refuses plain-http redirect URLs, even for localhost: APP_BASE_URL must start with https:// (see scripts/local-https.sh)." >&2
     exit 2 ;;
esac
# the URL goes into a sed replacement: escape its special characters
escaped="$(printf '%s' "$base" | sed 's/[&|\\]/\\&/g')"
sed "s|\${APP_BASE_URL}|$escaped|g" "$template"
