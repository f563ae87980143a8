//! A long randomized run over everything a person (or a page, or a file) can
//! hand the core: `assess`, `analyze` and `describe` input as any JSON value
//! close to the real shape, import files (valid exports cut, flipped and
//! spliced), and storage holding anything under our keys. Nothing may panic:
//! in the browser a panic is a wasm trap.
//!
//! `FUZZ_CASES` sets the number of cases per property (default 2500, about ten
//! seconds in all); e.g. `FUZZ_CASES=100000 cargo test --release --test fuzz_long`.

use burnout_check::history::analyze as analysis;
use burnout_check::history::exchange;
use burnout_check::history::record;
use burnout_check::json::{parse, Json};
use burnout_check::model::Locale;
use burnout_check::scoring;
use burnout_check::storage::{MemoryBackend, Store};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2500)
}

/// Keys the core knows, so random values land where they are read.
const KEYS: &[&str] = &[
    "form", "locale", "answers", "context", "duration", "scope", "secondary", "readings", "events", "today", "at",
    "strain", "kind", "start", "end", "type", "date", "what", "note", "result", "profile", "band", "flags", "indices",
    "constructs", "top_areas", "id", "format", "version", "entries", "exported_at", "fatigue_1", "cost_1",
    "volume_1", "questionnaire_version", "scoring_version", "wear", "load", "mismatch", "compensation",
];
/// Strings the core gives meaning to, and some it must refuse.
const WORDS: &[&str] = &[
    "full", "quick", "en", "de", "es", "fr", "work", "beyond", "6_12m", "lt_1m", "rest", "change", "vacation",
    "manager", "2026-03-01", "2026-02-30", "9999-12-31", "0000-01-01", "-1", "", "burnout-check/history",
    "mismatch", "overload", "very_high", "chronic", "e1", "v1", "\u{0}", "\u{FFFD}", "NaN",
];

fn leaf() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![(-5i32..110).prop_map(f64::from), any::<f64>().prop_filter("finite", |n| n.is_finite()), Just(1e300), Just(-0.0), Just(2.5)]
            .prop_map(Json::Num),
        prop_oneof![prop::sample::select(WORDS).prop_map(String::from), ".{0,12}"].prop_map(Json::Str),
    ]
}

fn value() -> impl Strategy<Value = Json> {
    leaf().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            prop::collection::vec((prop_oneof![4 => prop::sample::select(KEYS).prop_map(String::from), 1 => ".{0,6}"], inner), 0..8)
                .prop_map(|m| Json::Obj(m.into_iter().map(|(k, v)| (k.into(), v)).collect())),
        ]
    })
}

/// A valid export to damage.
const EXPORT: &str = include_str!("fixtures/export_v1.json");

#[derive(Debug, Clone)]
enum Damage {
    Cut(usize),
    Flip(usize, u8),
    Insert(usize, String),
    Splice(usize, usize),
}

fn damage() -> impl Strategy<Value = Vec<Damage>> {
    let at = 0..EXPORT.len();
    prop::collection::vec(
        prop_oneof![
            at.clone().prop_map(Damage::Cut),
            (at.clone(), any::<u8>()).prop_map(|(i, b)| Damage::Flip(i, b)),
            (at.clone(), prop_oneof![prop::sample::select(WORDS).prop_map(|w| format!("\"{w}\"")), "[\\[\\]{}:,\"0-9.e-]{1,4}"])
                .prop_map(|(i, s)| Damage::Insert(i, s)),
            (at.clone(), at).prop_map(|(a, b)| Damage::Splice(a, b)),
        ],
        1..4,
    )
}

fn apply(text: &str, damage: &[Damage]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for d in damage {
        let n = bytes.len().max(1);
        match d {
            Damage::Cut(i) => bytes.truncate(i % n),
            Damage::Flip(i, b) => {
                if let Some(x) = bytes.get_mut(i % n) {
                    *x = *b;
                }
            }
            Damage::Insert(i, s) => {
                let at = (i % n).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
            Damage::Splice(a, b) => {
                let (a, b) = ((a % n).min(bytes.len()), (b % n).min(bytes.len()));
                let (a, b) = (a.min(b), a.max(b));
                let copy = bytes[a..b].to_vec();
                bytes.extend(copy);
            }
        }
    }
    // A file read as text in the browser is always valid UTF-8 (invalid bytes become U+FFFD).
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Storage with anything under our keys.
fn own_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop_oneof![
        Just("bc:meta".to_string()),
        Just("bc:draft".to_string()),
        Just("bc:history".to_string()),
        "bc:entry:e[0-9a-f]{1,4}",
        "bc:e:e[0-9a-f]{1,4}",
        "bc:event:v[0-9a-f]{1,4}",
    ];
    // Objects with schema 2's short keys reach deeper into the compact reader than arbitrary JSON.
    let short = prop::sample::select(vec!["t", "d", "f", "l", "q", "s", "a", "c", "n", "r"]);
    let compact = prop::collection::vec((short, value()), 0..10)
        .prop_map(|m| Json::Obj(m.into_iter().map(|(k, v)| (k.to_string().into(), v)).collect()).to_text());
    let raw = prop_oneof![value().prop_map(|v| v.to_text()), compact, ".{0,20}", Just("undefined".to_string())];
    prop::collection::vec((key, raw), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn assess_analyze_and_describe_never_panic_on_any_input(v in value()) {
        if let Ok(input) = scoring::parse_input(&v) {
            let a = scoring::assess(&input);
            // The output is always JSON that parses again.
            prop_assert!(parse(&a.to_json().to_text(), "").is_ok());
        }
        if let Ok(a) = analysis::parse_input(&v) {
            let _ = analysis::analyze(&a.readings, &a.events, a.today).to_json();
        }
        if let Ok((outcome, context)) = record::outcome_from_json(&v) {
            for locale in [Locale::En, Locale::De, Locale::Es] {
                let _ = burnout_check::explain::explain(&outcome, &context, locale);
            }
        }
        let _ = record::parse_event_input(&v);
        let _ = record::entry_from_json(&v, "");
    }

    #[test]
    fn a_damaged_export_is_imported_or_refused_never_a_panic(d in damage()) {
        let text = apply(EXPORT, &d);
        if let Ok(h) = exchange::import_json(&text) {
            // Whatever was accepted exports and imports again to the same records.
            let again = exchange::import_json(&exchange::export_json(&h, 0)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again.entries.len(), h.entries.len());
        }
        let mut s = Store::open("bc", Some(MemoryBackend::new()), None);
        let first = s.import_json(&text);
        let count = s.history().entries.len() + s.history().events.len();
        if first.is_ok() {
            prop_assert!(s.import_json(&text).is_ok());
            prop_assert_eq!(s.history().entries.len() + s.history().events.len(), count, "a second import adds nothing");
        }
    }

    #[test]
    fn any_json_value_as_an_import_is_refused_or_taken_never_a_panic(v in value()) {
        let _ = exchange::import_json(&v.to_text());
        let mut obj = match v { Json::Obj(m) => m, other => vec![("entries".into(), other)] };
        obj.push(("format".into(), Json::str("burnout-check/history")));
        obj.push(("version".into(), Json::Num(1.0)));
        let _ = exchange::import_json(&Json::Obj(obj).to_text());
    }

    #[test]
    fn storage_holding_anything_opens_and_every_operation_keeps_it_readable(pairs in own_pairs()) {
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mut s = Store::open("bc", Some(MemoryBackend::with(&refs)), None);
        let _ = s.export_raw();
        let _ = s.export_json(0);
        let _ = s.export_csv();
        let _ = s.load_draft();
        let _ = s.import_json(EXPORT);
        s.refresh();
        let ids: Vec<String> = s.history().entries.iter().map(|e| e.id.clone()).collect();
        for id in ids.iter().take(2) {
            let _ = s.remove(id);
        }
        let _ = s.clear();
    }
}
