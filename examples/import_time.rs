//! `cargo run --release --example import_time`: the core's part of an import of
//! 2,000 full-form entries timed natively (the export bench/export.mjs makes; the
//! same one import_allocs counts), best of N=50 runs: parsing the export's JSON,
//! reading it into records (`exchange::import_json`), `Store::import_json` into a
//! memory backend, and the overview's text after it. A yardstick for the wasm's
//! figures at 4x in bench/import-parts.mjs, on the same machine.

use burnout_check::history::{exchange, record};
use burnout_check::json::parse;
use burnout_check::storage::{MemoryBackend, Store};
use std::time::Instant;
#[path = "support/export.rs"]
mod support;
use support::export;
fn main() {
    let text = export();
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let mut best = [f64::MAX; 4];
    for _ in 0..n {
        let t = Instant::now();
        drop(parse(&text, "").unwrap());
        best[0] = best[0].min(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let h = exchange::import_json(&text).unwrap();
        best[1] = best[1].min(t.elapsed().as_secs_f64() * 1e3);
        drop(h);
        let t = Instant::now();
        let mut store = Store::open("bench", Some(MemoryBackend::new()), None);
        store.import_json(&text).unwrap();
        best[2] = best[2].min(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let o = record::columns_text(&store.history().entries, |_| true);
        best[3] = best[3].min(t.elapsed().as_secs_f64() * 1e3);
        drop(o);
    }
    println!(
        "json::parse {:.2} ms, exchange::import_json {:.2} ms, Store::import_json {:.2} ms, overview text {:.2} ms (best of {n})",
        best[0], best[1], best[2], best[3]
    );
}
