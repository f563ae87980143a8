# Sourced by build.sh and test.sh: installs what a fresh machine lacks, or says plainly what is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '\033[1m[burnout-check]\033[0m %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

ensure_rust() {
  command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)."
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown || die "could not add the wasm32-unknown-unknown target"
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
ensure_wasm_bindgen() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  [ -n "$want" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes about 2 minutes once"
    cargo install wasm-bindgen-cli --version "$want" --locked \
      || cargo install wasm-bindgen-cli --version "$want" \
      || die "could not install wasm-bindgen-cli $want with cargo"
  fi
}

ensure_node_modules() {
  command -v npm >/dev/null || die "npm is missing: install Node.js 20 or newer."
  if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ] || [ ! -d node_modules/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  say "installing Debian chromium and chromium-driver for the browser tests"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  command -v apt-get >/dev/null || die "chromium is missing and apt-get is not available: install Chromium at /usr/bin/chromium"
  $sudo apt-get update -q >/dev/null \
    && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver >/dev/null \
    || die "could not install chromium with apt-get"
}
