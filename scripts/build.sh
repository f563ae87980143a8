#!/usr/bin/env bash
# Compiles the Rust core to wasm, generates the JS glue into www/pkg and shrinks the
# module, writes the text tables, then dist/ (what is served and deployed).
source "$(dirname "$0")/ensure.sh"
ensure_rust
ensure_wasm_bindgen
ensure_node_modules

say "compiling the core to wasm (release)"
cargo build --release --lib --target wasm32-unknown-unknown --quiet
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/burnout_check.wasm

say "optimising with wasm-opt -Oz --converge"
# --strip-producers/--strip-target-features: two custom sections no browser reads (0.2 KB gzip).
# --low-memory-unused: lets wasm-opt fold pointer arithmetic into load/store offsets
# (0.4 KB gzip). It assumes addresses below 1024 are never used: Rust puts its
# 1 MiB stack first (data starts at 1 MiB), so those bytes are the bottom of the
# stack, reached only by a stack about to overflow (input nesting is capped at 64).
# -ocimfs 30: a function with one caller is inlined into it only when small (by
# default always). Inlining the big ones made huge functions that gzip worse:
# 3.7 KB gzip less this way (2 KB more raw), measured over -ocimfs 0-60; 30 was the least.
node_modules/binaryen/bin/wasm-opt -Oz -ocimfs 30 --converge --strip-producers --strip-target-features --low-memory-unused \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/burnout_check_bg.wasm -o www/pkg/burnout_check_bg.wasm

say "giving the core's imports and exports short names (wasm and glue)"
node scripts/short-names.mjs

say "writing the text tables (src/text.rs)"
cargo run --quiet --example texts -- www/pkg

say "writing dist/: www/ with the element's modules bundled, scripts and styles minified"
node scripts/dist.mjs
node scripts/postbuild.mjs
say "built www/pkg: $(wc -c < www/pkg/burnout_check_bg.wasm) bytes of wasm"
