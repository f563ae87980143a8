//! The error (or the record read) for each of about 6,000 damaged imports,
//! stored records and inputs, pinned by a digest of their texts: reading an
//! import names a field's path only when there is an error, and this checks
//! every path and message stayed as it was when paths were built up front
//! (the digest was taken from that code, at 73ed710). Changed on purpose once
//! since: a member with an empty name is named `""` wherever it is, as inputs
//! already named it at the top (`entries[1].: is not a known field` is now
//! `entries[1]."": is not a known field`; items of a list are read at the empty
//! path, with their errors placed under them, so `entries[1].` could not be made).

use burnout_check::history::record::parse_event_input;
use burnout_check::history::{compact, exchange};
use burnout_check::json::{parse, Json};
use burnout_check::scoring::parse_input;

const EXPORT: &str = include_str!("fixtures/export_v1.json");
/// A full-form entry as an export has it, with a result that needs 17 digits.
const FULL: &str = r#"{"id":"e94f3110394288505","at":1421830800000,"date":"2015-01-21","form":"full","locale":"en","questionnaire_version":1,"scoring_version":1,"answers":{"activation_1":4,"attention_1":1,"blunting_1":0,"community_1":3,"control_1":1,"cost_1":1,"cost_2":2,"curiosity_1":4,"curiosity_2":2,"fairness_1":1,"fatigue_1":0,"fatigue_2":3,"flattening_1":2,"flattening_2":3,"peak_1":4,"performance_1":2,"pushing_1":3,"pushing_2":3,"recovery_1":4,"relapse_1":0,"relapse_2":0,"relief_1":0,"relief_2":0,"resistance_1":1,"restart_1":1,"restart_2":2,"reward_1":2,"tolerance_1":3,"tolerance_2":4,"unseen_1":4,"values_1":1,"volume_1":3,"volume_2":0},"context":{"duration":"6_12m","scope":"work","secondary":[]},"result":{"profile":"unclear_source","band":"high","flags":["masking","chronic"],"indices":{"strain":60,"wear":56.25,"load":45.833333333333336,"mismatch":39.0625,"compensation":75},"constructs":{"unrelieved_fatigue":37.5,"lost_curiosity":75,"low_tolerance":87.5,"emotional_flattening":62.5,"restart_difficulty":37.5,"stress_activation":100,"reward_blunting":0,"narrowed_attention":25,"slow_recovery":100,"demand_volume":37.5,"demand_peak":100,"rest_relief":0,"intrinsic_cost":37.5,"inner_resistance":25,"rest_relapse":0,"control":75,"reward":50,"community":25,"fairness":25,"values":75,"sustained_performance":50,"invisible_strain":100,"pushing_through":75},"top_areas":["control","values","reward"]},"note":"a note of a few words"}"#;

fn variants() -> Vec<Json> {
    vec![
        Json::Null,
        Json::Bool(true),
        Json::Num(1.5),
        Json::Num(-1.0),
        Json::Num(101.0),
        Json::Num(3.0),
        Json::Num(1e300),
        Json::str("x"),
        Json::str(""),
        Json::str("2026-02-30"),
        Json::str("e1"),
        Json::str("full"),
        Json::str("money"),
        Json::Arr(vec![]),
        Json::Arr(vec![Json::str("x")]),
        Json::Arr(vec![Json::Num(1.0)]),
        Json::Obj(vec![]),
        Json::Obj(vec![("x".into(), Json::Num(1.0))]),
        Json::Obj(vec![("".into(), Json::Num(1.0))]),
    ]
}

/// `v` with each node replaced by each variant, each member removed, and a member added to each object.
fn mutations(v: &Json) -> Vec<Json> {
    let mut out = variants();
    match v {
        Json::Obj(m) => {
            for i in 0..m.len() {
                let mut less = m.clone();
                less.remove(i);
                out.push(Json::Obj(less));
                for s in mutations(&m[i].1) {
                    let mut c = m.clone();
                    c[i].1 = s;
                    out.push(Json::Obj(c));
                }
            }
            for k in ["zz", ""] {
                let mut more = m.clone();
                more.push((k.into(), Json::Num(1.0)));
                out.push(Json::Obj(more));
            }
        }
        Json::Arr(a) => {
            for i in 0..a.len() {
                for s in mutations(&a[i]) {
                    let mut c = a.clone();
                    c[i] = s;
                    out.push(Json::Arr(c));
                }
            }
            let mut more = a.clone();
            more.push(Json::str("x"));
            out.push(Json::Arr(more));
        }
        _ => {}
    }
    out
}

fn fnv(h: u64, text: &str) -> u64 {
    text.bytes().chain([b'\n']).fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn every_damaged_input_gets_the_error_it_always_got() {
    let export = parse(EXPORT, "").unwrap();
    let entries = match export.get("entries") {
        Some(Json::Arr(a)) => a.clone(),
        _ => unreachable!(),
    };
    let events = export.get("events").cloned().unwrap();
    let full = parse(FULL, "").unwrap();
    let envelope = |es: Vec<Json>, evs: Json| {
        Json::obj(vec![("format", Json::str("burnout-check/history")), ("version", Json::Num(1.0)), ("entries", Json::Arr(es)), ("events", evs)])
    };
    let mut outcomes: Vec<String> = Vec::new();
    let import = |v: &Json| match exchange::import_json(&v.to_text()) {
        Ok(h) => format!("ok {} {}", h.entries.len(), h.events.len()),
        Err(e) => format!("{:?} {}", e.kind, e.text()),
    };
    for base in [&full, &entries[0], &entries[1]] {
        for m in mutations(base) {
            outcomes.push(import(&envelope(vec![entries[1].clone(), m], events.clone())));
        }
    }
    for m in mutations(&events) {
        outcomes.push(import(&envelope(vec![], m)));
    }
    for m in mutations(&envelope(vec![entries[0].clone()], events.clone())) {
        outcomes.push(import(&m));
    }
    // Stored records, with and without a result.
    let h = exchange::import_json(&envelope(vec![full.clone(), entries[0].clone()], Json::Arr(vec![])).to_text()).unwrap();
    for e in &h.entries {
        let mut with_result = compact::to_record(e);
        if let Json::Obj(m) = &mut with_result {
            if !m.iter().any(|(k, _)| k == "r") {
                m.push(("r".into(), burnout_check::history::record::result_to_json(&e.outcome)));
            }
        }
        for record in [compact::to_record(e), with_result] {
            for m in mutations(&record) {
                outcomes.push(match compact::from_record(m.clone(), "e1") {
                    Ok(x) => format!("ok {}", compact::to_record(&x).to_text()),
                    Err(e) => format!("{:?} {}", e.kind, e.text()),
                });
            }
        }
    }
    // Inputs sharing the validators: an assessment's and an event's.
    let input = parse(r#"{"form":"quick","locale":"en","answers":{"fatigue_1":2,"volume_1":null},"context":{"duration":"6_12m","scope":"work","secondary":["money"]}}"#, "").unwrap();
    for m in mutations(&input) {
        outcomes.push(match parse_input(&m) {
            Ok(x) => format!("ok {x:?}"),
            Err(e) => format!("{:?} {}", e.kind, e.text()),
        });
    }
    for event in [r#"{"kind":"rest","start":"2026-03-07","end":"2026-03-21","type":"vacation","note":"n"}"#, r#"{"kind":"change","date":"2026-03-07","what":"role"}"#] {
        for m in mutations(&parse(event, "").unwrap()) {
            outcomes.push(match parse_event_input(&m) {
                Ok(x) => format!("ok {x:?}"),
                Err(e) => format!("{:?} {}", e.kind, e.text()),
            });
        }
    }
    let digest = outcomes.iter().fold(0xcbf2_9ce4_8422_2325, |h, t| fnv(h, t));
    let errors = outcomes.iter().filter(|o| !o.starts_with("ok")).count();
    assert_eq!((outcomes.len(), errors, format!("{digest:016x}").as_str()), (8600, 7574, "ede935aa0288ab95"));
}
