#!/usr/bin/env bash
# Every test: native core, wasm bindings in headless Chromium, then the browser suite.
source "$(dirname "$0")/ensure.sh"
ensure_rust
ensure_wasm_bindgen
ensure_node_modules
ensure_chromium

say "native tests (cargo test)"
cargo test --quiet

# The build first: it writes the text tables the wasm binding tests load.
bash scripts/build.sh

say "wasm binding tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web

say "the generated module from Node (initSync + questionnaire/assess/analyze)"
node --test tests/node/

say "browser tests (playwright-core + Debian chromium)"
node --test --test-concurrency=1 tests/browser/

if [ -f scripts/budget.mjs ]; then say "size budgets"; node scripts/budget.mjs; fi
say "all tests passed"
