#!/usr/bin/env bash
# Creates a local certificate and key (PEM) so Worklens serves HTTPS on this machine: Slack only
# accepts https:// redirect URLs, even for localhost. Uses mkcert when installed (a locally
# trusted CA), else openssl (self-signed: the browser asks once to accept it).
#   scripts/local-https.sh [folder]      default folder: ./data/tls
# Then set in .env:  TLS_CERT_FILE=…/cert.pem  TLS_KEY_FILE=…/key.pem  APP_BASE_URL=https://localhost:8080
set -euo pipefail
dir="${1:-data/tls}"
mkdir -p "$dir"
cert="$dir/cert.pem"
key="$dir/key.pem"

if command -v mkcert >/dev/null 2>&1; then
  mkcert -install >/dev/null 2>&1 || true
  mkcert -cert-file "$cert" -key-file "$key" localhost 127.0.0.1 ::1
else
  command -v openssl >/dev/null 2>&1 || { echo "Install mkcert or openssl first." >&2; exit 2; }
  openssl req -x509 -newkey rsa:2048 -sha256 -days 825 -nodes \
    -keyout "$key" -out "$cert" -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" 2>/dev/null
fi
chmod 600 "$key"
echo "Wrote $cert and $key. Add to .env:"
echo "  TLS_CERT_FILE=$cert"
echo "  TLS_KEY_FILE=$key"
echo "  APP_BASE_URL=https://localhost:\${PORT:-8080}"
