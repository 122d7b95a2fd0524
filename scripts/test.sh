#!/usr/bin/env bash
# Runs the whole test suite: unit and property tests, then the integration and
# browser tests on SQLite and again on PostgreSQL. Installs what it needs first
# (Chromium, chromedriver, PostgreSQL, the wasm target, wasm-bindgen-cli) and
# starts a throw-away PostgreSQL unless PORTAL_TEST_POSTGRES_URL names one.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"

apt_install "${TEST_PACKAGES[@]}"
# The wasm-bindgen CLI (when missing) compiles while the tests do.
ensure_wasm_tools
cd "$ROOT" || exit 1

if [ -z "${PORTAL_TEST_POSTGRES_URL:-}" ]; then
  pg_start
fi

log "building the tests"
cargo test "${HOST_PACKAGES[@]}" --no-run
# The crash test starts the real server binary and kills it.
cargo build "${HOST_PACKAGES[@]}" --bins
build_site dev
cd "$ROOT" || exit 1

# A hung test fails the run after 20 minutes instead of holding it forever.
log "tests on SQLite"
PORTAL_TEST_DB=sqlite timeout 1200 cargo test "${HOST_PACKAGES[@]}"

log "integration and browser tests on PostgreSQL"
PORTAL_TEST_DB=postgres timeout 1200 cargo test "${HOST_PACKAGES[@]}" --test integration
