#!/usr/bin/env bash
# Builds and starts the portal with demo data on SQLite (data/portal.db).
# Installs what it needs first. Pass --release for an optimised build.
# Any setting from the README's configuration table can be given in the environment.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

profile=dev
[ "${1:-}" = "--release" ] && profile=release

# The wasm-bindgen CLI (when missing) compiles while the server does.
ensure_wasm_tools
cd "$ROOT" || exit 1
# Only the server binary: the test crate's dependencies (browser driver,
# HTTP client) are not needed to start the portal.
if [ "$profile" = release ]; then
  log "building the server (release)"
  cargo build -p server --bin portal --release
  bin="$TARGET_DIR/release/portal"
else
  log "building the server"
  cargo build -p server --bin portal
  bin="$TARGET_DIR/debug/portal"
fi
build_site "$profile"
export PORTAL_DEMO_DATA=${PORTAL_DEMO_DATA:-true}
log "starting the portal (Ctrl-C to stop)"
exec "$bin"
