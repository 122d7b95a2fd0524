# shellcheck shell=bash
# Shared by scripts/run.sh and scripts/test.sh: installs what a fresh machine
# lacks (wasm target, wasm-bindgen-cli, Debian packages) and builds the browser
# bundle into the site folder. Source it; do not run it.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
SITE_ROOT=${PORTAL_SITE_ROOT:-$ROOT/target/site}
export PORTAL_SITE_ROOT=$SITE_ROOT

# The host-side packages the tests build together. The run command builds
# the server alone (see scripts/run.sh).
# shellcheck disable=SC2034 # used by the scripts that source this file
HOST_PACKAGES=(-p app -p server -p migration -p integration-tests)
# Debian packages the test command needs.
# shellcheck disable=SC2034
TEST_PACKAGES=(chromium chromium-driver postgresql python3)

log() { printf '==> %s\n' "$*" >&2; }

# Commands to run when the script ends, however it ends (a trap holds one).
EXIT_HOOKS=()
at_exit() {
  local hook
  for hook in "${EXIT_HOOKS[@]}"; do [ "$hook" = "$1" ] && return 0; done
  EXIT_HOOKS+=("$1")
  trap run_exit_hooks EXIT
}
run_exit_hooks() {
  local hook
  for hook in "${EXIT_HOOKS[@]}"; do "$hook" || true; done
}

# Ends an install still running in the background (a failed step leaves it).
stop_background() {
  local pid
  for pid in ${WASM_TOOL_PID:-}; do
    kill "$pid" 2>/dev/null || true
  done
}
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs Debian packages that are missing (as root, or through sudo).
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "please install: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "please install (as root): ${missing[*]}"
    sudo="sudo"
  fi
  log "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm target and a wasm-bindgen CLI of exactly the version in Cargo.lock
# (a different version produces JS glue that does not match the WASM). The CLI
# compiles in the background while the caller builds the portal; build_site
# waits for it. PORTAL_TOOLS_ROOT names a folder of its own for the CLI
# (`cargo install --root`), PORTAL_TOOLS_TARGET a build folder that makes a
# repeat install quick; without them cargo's usual places serve.
WASM_TOOL_PID=""
ensure_wasm_tools() {
  # Idempotent and quick when the target is there already.
  rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
    || rustup target add wasm32-unknown-unknown \
    || die "could not add the wasm32-unknown-unknown target"
  if [ -n "${PORTAL_TOOLS_ROOT:-}" ]; then
    mkdir -p "$PORTAL_TOOLS_ROOT/bin"
    export PATH="$PORTAL_TOOLS_ROOT/bin:$PATH"
  fi
  local want
  want=$(wasm_bindgen_wanted)
  [ "$(wasm_bindgen_found)" = "$want" ] && return 0
  log "installing wasm-bindgen-cli $want in the background (once, a few minutes)"
  local install=(cargo install wasm-bindgen-cli --version "$want" --force --quiet)
  [ -n "${PORTAL_TOOLS_ROOT:-}" ] && install+=(--root "$PORTAL_TOOLS_ROOT")
  [ -n "${PORTAL_TOOLS_TARGET:-}" ] && install+=(--target-dir "$PORTAL_TOOLS_TARGET")
  # Without --locked: the CLI's own lock file names a crate version the
  # registry no longer has. CARGO_TARGET_DIR is unset, not emptied: cargo
  # refuses an empty value.
  env -u CARGO_TARGET_DIR "${install[@]}" &
  WASM_TOOL_PID=$!
  at_exit stop_background
}

# The wasm-bindgen version Cargo.lock pins.
wasm_bindgen_wanted() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  printf '%s\n' "$want"
}

# The version of the wasm-bindgen CLI this script would run (empty if none).
wasm_bindgen_found() {
  if [ -n "${PORTAL_TOOLS_ROOT:-}" ]; then
    "$PORTAL_TOOLS_ROOT/bin/wasm-bindgen" --version 2>/dev/null | awk '{ print $2 }' || true
  else
    wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true
  fi
}

# Waits for a background install and checks that the pinned CLI now runs.
wait_wasm_tools() {
  if [ -n "$WASM_TOOL_PID" ]; then
    wait "$WASM_TOOL_PID" || die "installing wasm-bindgen-cli failed (see above)"
    WASM_TOOL_PID=""
  fi
  local want have
  want=$(wasm_bindgen_wanted)
  have=$(wasm_bindgen_found)
  [ "$have" = "$want" ] || die "wasm-bindgen $want is needed, found '${have:-none}'"
}

# Builds the browser bundles and assembles the site folder:
#   $SITE_ROOT/pkg/portal.js, portal.wasm: the whole bundle;
#   $SITE_ROOT/pkg/portal-partners.js, portal-partners.wasm: every page but
#     the house's own, for customers, factories and visitors
#     (app::domain::bundles);
#   $SITE_ROOT/pkg/portal-factory.js, .wasm, portal-factory-line.js, .wasm,
#     portal-customer.js, .wasm, portal-order.js, .wasm, portal-quotes.js,
#     .wasm, portal-complaints.js, .wasm and portal-account.js, .wasm: no
#     page, only the islands of the factory's list, the factory's line page,
#     the customer's first page, the customer's order page, the customer's
#     inquiry and quotation pages, or the complaint, account and notification
#     pages of both;
#   $SITE_ROOT/pkg/portal.css.
# (Building it beside the server instead, in a target folder of its own, was
# slower on two cores: 946 s against 903 s for a first start.)
build_site() {
  local profile=${1:-dev} wasm_dir=debug strip=() cargo_profile=()
  cd "$ROOT" || exit 1
  if [ "$profile" = release ]; then
    cargo_profile=(--profile wasm-release)
    wasm_dir=wasm-release
    # Function names are for debuggers; in a release bundle they are over
    # half of the file.
    strip=(--remove-name-section --remove-producers-section)
  fi
  mkdir -p "$SITE_ROOT/pkg"
  local bundle name features
  for bundle in "portal:" "portal-partners:--no-default-features" \
    "portal-factory:--no-default-features --features factory-islands" \
    "portal-factory-line:--no-default-features --features line-islands" \
    "portal-customer:--no-default-features --features customer-islands" \
    "portal-order:--no-default-features --features order-islands" \
    "portal-quotes:--no-default-features --features quote-islands" \
    "portal-complaints:--no-default-features --features complaint-islands" \
    "portal-account:--no-default-features --features account-islands"; do
    name=${bundle%%:*} features=${bundle#*:}
    log "building the browser bundle $name ($profile)"
    # shellcheck disable=SC2086 # $features is flags or none
    cargo build -p frontend --lib --target wasm32-unknown-unknown "${cargo_profile[@]}" $features
    wait_wasm_tools
    wasm-bindgen --target web --no-typescript "${strip[@]}" --out-dir "$SITE_ROOT/pkg" --out-name "$name" \
      "$TARGET_DIR/wasm32-unknown-unknown/$wasm_dir/frontend.wasm"
    # Leptos asks for <name>.wasm when LEPTOS_OUTPUT_NAME is set at compile time.
    mv -f "$SITE_ROOT/pkg/${name}_bg.wasm" "$SITE_ROOT/pkg/$name.wasm"
  done
  cp "$ROOT/style/main.css" "$SITE_ROOT/pkg/portal.css"
  # The browser fetches its reader's catalogue alone (`app::i18n`).
  rm -rf "$SITE_ROOT/pkg/messages"
  mkdir -p "$SITE_ROOT/pkg/messages"
  local catalogue
  for catalogue in "$ROOT"/app/locales/*/portal.ftl; do
    cp "$catalogue" "$SITE_ROOT/pkg/messages/$(basename "$(dirname "$catalogue")").ftl"
  done
  if [ -d "$ROOT/public" ]; then cp -R "$ROOT/public/." "$SITE_ROOT/"; fi
  compress_site "$profile"
}

# Compressed copies beside the bundle files: the portal sends `x.br` or
# `x.gz` to browsers that accept them, so a release bundle travels at a
# quarter of its size. Brotli (smaller still) only when the tool is there.
compress_site() {
  local profile=$1 file level=6
  [ "$profile" = release ] && level=9
  if [ "$profile" = release ] && ! command -v brotli >/dev/null; then
    ( apt_install brotli ) || log "warning: no brotli; the bundle is sent as gzip"
  fi
  for file in "$SITE_ROOT"/pkg/portal{,-partners,-factory,-factory-line,-customer,-order,-quotes,-complaints,-account}.{wasm,js} "$SITE_ROOT/pkg/portal.css" \
    "$SITE_ROOT"/pkg/messages/*.ftl; do
    gzip -"$level" -k -f -n "$file"
    rm -f "$file.br"
    if [ "$profile" = release ] && command -v brotli >/dev/null; then
      brotli -q 11 -k -f "$file"
    fi
  done
}
