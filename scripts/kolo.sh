#!/usr/bin/env bash
# Sets up everything a fresh machine needs, then runs the demo or every test.
#   bash scripts/kolo.sh demo   Kolo's server (PGlite) + the demo on http://127.0.0.1:5173
#   bash scripts/kolo.sh test   run every test suite; the last line says "N passed, N failed"
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "kolo: '$*' needs root (or sudo)" >&2; return 1
  fi
}

ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    echo "kolo: installing pnpm $PNPM_VERSION"
    npm install -g "pnpm@$PNPM_VERSION" --no-audit --no-fund --loglevel=error
  fi
  pnpm install --frozen-lockfile --reporter=append-only
}

ensure_chromium() {
  if [ -z "${CHROME_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
    echo "kolo: installing Debian's chromium for the browser tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
    echo "kolo: installing Debian's postgresql for the server tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

case "${1:-}" in
  demo)
    ensure_pnpm
    exec pnpm --filter @kolo/demo start
    ;;
  test)
    ensure_chromium
    ensure_postgres
    ensure_pnpm
    exec node scripts/test-all.mjs
    ;;
  *)
    echo "usage: bash scripts/kolo.sh demo|test" >&2
    exit 2
    ;;
esac
