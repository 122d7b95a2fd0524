#!/usr/bin/env bash
# Builds and starts the portal with demo data on SQLite (data/portal.db).
# Installs what it needs first. Pass --release for an optimised build.
# Any setting from the README's configuration table can be given in the environment.
source "$(dirname "$0")/lib.sh"

profile=dev
[ "${1:-}" = "--release" ] && profile=release

ensure_wasm_tools
build_site "$profile"
cd "$ROOT"
if [ "$profile" = release ]; then
  cargo build "${HOST_PACKAGES[@]}" --release
  bin="$TARGET_DIR/release/portal"
else
  cargo build "${HOST_PACKAGES[@]}"
  bin="$TARGET_DIR/debug/portal"
fi
export PORTAL_DEMO_DATA=${PORTAL_DEMO_DATA:-true}
log "starting the portal (Ctrl-C to stop)"
exec "$bin"
