//! `cargo run --release --example import_time`: the core's part of an import of
//! 2,000 full-form entries timed natively (the export bench/export.mjs makes; the
//! same one import_allocs counts), best of N=50 runs: parsing the export's JSON,
//! reading it into records (`exchange::import_json`), `Store::import_json` into a
//! memory backend, and the overview's text after it. A yardstick for the wasm's
//! figures at 4x in bench/import-parts.mjs, on the same machine.

use burnout_check::date::Date;
use burnout_check::history::{exchange, record, History};
use burnout_check::json::parse;
use burnout_check::model::Form;
use burnout_check::questionnaire;
use burnout_check::scoring::parse_input;
use burnout_check::storage::{MemoryBackend, Store};
use std::time::Instant;
const ENTRIES: usize = 2000;
/// bench/export.mjs's history: a check every two days from 2015, answers drifting.
fn export() -> String {
    let ids: Vec<&str> = questionnaire::items(Form::Full).map(|i| i.id).collect();
    let mut entries = Vec::with_capacity(ENTRIES);
    let start = Date::from_ymd(2015, 1, 1).expect("a date");
    for n in 0..ENTRIES {
        let answers: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| format!("\"{id}\":{}", (n + k * 3 + n / 50) % 5))
            .collect();
        let input = format!(
            r#"{{"form":"full","locale":"en","answers":{{{}}},"context":{{"duration":"6_12m","scope":"work","secondary":[]}}}}"#,
            answers.join(",")
        );
        let input = parse_input(&parse(&input, "").expect("JSON")).expect("an input");
        let at_ms = 1_420_070_400_000 + n as i64 * 2 * 86_400_000 + 9 * 3_600_000;
        let note = (n % 10 == 0).then(|| "a note of a few words".to_string());
        entries.push(record::new_entry(
            &input,
            at_ms,
            start.add_days(2 * n as i32),
            note,
        ));
    }
    exchange::export_json(
        &History {
            entries,
            events: vec![],
        },
        0,
    )
}

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
        let o = record::briefs_text(&store.history().entries, |_| true);
        best[3] = best[3].min(t.elapsed().as_secs_f64() * 1e3);
        drop(o);
    }
    println!(
        "json::parse {:.2} ms, exchange::import_json {:.2} ms, Store::import_json {:.2} ms, overview text {:.2} ms (best of {n})",
        best[0], best[1], best[2], best[3]
    );
}
