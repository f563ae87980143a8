//! Properties of the history analyses that must hold for any history: no
//! panics, states from the model only, nulls exactly where nothing can be
//! computed, and window counts and states that agree with an independent
//! reading of MODEL.md.

mod common;

use burnout_check::date::Date;
use burnout_check::history::analyze::{analyze, parse_input, RestResponse};
use burnout_check::history::{Event, EventKind, Reading};
use burnout_check::json::Json;
use burnout_check::model::{ChangeWhat, RestState, RestType};
use proptest::prelude::*;

// ---- strategies ----

/// Around early 2026, so that readings, rests and today interleave often.
fn near_day() -> impl Strategy<Value = Date> + Clone {
    (20_400i32..20_700).prop_map(Date)
}

/// Any day number at all, including ones no calendar can print.
fn any_day() -> impl Strategy<Value = Date> {
    prop_oneof![4 => near_day(), 1 => any::<i32>().prop_map(Date)]
}

fn strain() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (0u32..=20).prop_map(|n| f64::from(n) * 5.0),
        2 => 0.0f64..=100.0,
        1 => prop::sample::select(vec![0.0, 100.0, 50.0, 49.999, 21.47]),
    ]
}

fn readings(day: impl Strategy<Value = Date>) -> impl Strategy<Value = Vec<Reading>> {
    prop::collection::vec((day, strain()).prop_map(|(date, strain)| Reading { date, strain }), 0..40)
}

fn events(day: impl Strategy<Value = Date> + Clone + 'static) -> impl Strategy<Value = Vec<Event>> {
    let rest = (day.clone(), 0i32..30, prop::sample::select(RestType::ALL.to_vec())).prop_map(|(start, len, rest_type)| {
        Event { id: String::new(), kind: EventKind::Rest { start, end: Date(start.0.saturating_add(len)), rest_type }, note: None }
    });
    let change = (day, prop::sample::select(ChangeWhat::ALL.to_vec()))
        .prop_map(|(date, what)| Event { id: String::new(), kind: EventKind::Change { date, what }, note: None });
    prop::collection::vec(prop_oneof![rest, change], 0..6)
}

/// Events with any day numbers, ends before starts included.
fn wild_events() -> impl Strategy<Value = Vec<Event>> {
    let rest = (any_day(), any_day()).prop_map(|(start, end)| Event {
        id: String::new(),
        kind: EventKind::Rest { start, end, rest_type: RestType::Other },
        note: None,
    });
    let change = any_day()
        .prop_map(|date| Event { id: String::new(), kind: EventKind::Change { date, what: ChangeWhat::Other }, note: None });
    prop::collection::vec(prop_oneof![rest, change], 0..6)
}

/// A history the way `parse_input` would hand it over: nothing after today.
fn valid_history() -> impl Strategy<Value = (Vec<Reading>, Vec<Event>, Date)> {
    (readings(near_day()), events(near_day()), near_day()).prop_map(|(rs, es, today)| {
        (rs.into_iter().filter(|r| r.date <= today).collect(), es, today)
    })
}

// ---- an independent reading of the rest-response rules ----

fn count_in(readings: &[Reading], from: i32, to: i32) -> (usize, Option<f64>) {
    let inside: Vec<f64> = readings.iter().filter(|r| from <= r.date.0 && r.date.0 <= to).map(|r| r.strain).collect();
    let mean = if inside.is_empty() { None } else { Some(inside.iter().sum::<f64>() / inside.len() as f64) };
    (inside.len(), mean)
}

/// The windows MODEL.md names, by their first and last day.
fn windows(start: Date, end: Date) -> [(i32, i32); 3] {
    [(start.0 - 21, start.0), (end.0 + 1, end.0 + 7), (end.0 + 14, end.0 + 42)]
}

/// The state as MODEL.md words it: the first needed window without a reading
/// decides between pending and insufficient; with all needed ones read, the
/// numbers decide. no_relief needs only the first two windows.
fn expected_state(readings: &[Reading], start: Date, end: Date, today: Date) -> (RestState, Option<Date>) {
    let w = windows(start, end);
    let means: Vec<Option<f64>> = w.iter().map(|&(a, b)| count_in(readings, a, b).1).collect();
    let relief = match (means[0], means[1]) {
        (Some(b), Some(r)) => Some(b - r),
        _ => None,
    };
    let needed = if relief.is_some_and(|r| r < 10.0) { 2 } else { 3 };
    if let Some(k) = (0..needed).find(|&k| means[k].is_none()) {
        let (first, last) = w[k];
        return if today.0 <= last {
            (RestState::Pending, Some(Date(today.0.max(first))))
        } else {
            (RestState::Insufficient, None)
        };
    }
    match (relief, means[0], means[2]) {
        (Some(r), _, _) if r < 10.0 => (RestState::NoRelief, None),
        (Some(r), Some(b), Some(f)) if b - f >= r / 2.0 => (RestState::Restorative, None),
        _ => (RestState::Faded, None),
    }
}

fn rest_of(e: &Event) -> Option<(Date, Date)> {
    match e.kind {
        EventKind::Rest { start, end, .. } => Some((start, end)),
        EventKind::Change { .. } => None,
    }
}

fn check_rest(r: &RestResponse, readings: &[Reading], today: Date) -> Result<(), TestCaseError> {
    let w = windows(r.start, r.end);
    let counts: Vec<usize> = w.iter().map(|&(a, b)| count_in(readings, a, b).0).collect();
    prop_assert_eq!(r.counts.to_vec(), counts);
    prop_assert_eq!(r.relief.is_some(), r.counts[0] > 0 && r.counts[1] > 0);
    prop_assert_eq!(r.kept.is_some(), r.counts[0] > 0 && r.counts[2] > 0);
    prop_assert_eq!(r.next_check.is_some(), r.state == RestState::Pending);
    if let Some(next) = r.next_check {
        prop_assert!(next >= today, "a next check is never in the past");
    }
    prop_assert_eq!((r.state, r.next_check), expected_state(readings, r.start, r.end, today));
    Ok(())
}

// ---- properties ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn analyze_never_panics_on_any_day_numbers(
        rs in readings(any_day()), es in wild_events(), today in any_day()
    ) {
        let a = analyze(&rs, &es, today);
        prop_assert_eq!(a.rest.len() + a.changes.len(), es.len());
        let _ = a.to_json().to_text();
    }

    #[test]
    fn every_rest_response_follows_the_model((rs, es, today) in valid_history()) {
        let a = analyze(&rs, &es, today);
        prop_assert_eq!(a.rest.len(), es.iter().filter_map(rest_of).count());
        for r in &a.rest {
            prop_assert!(RestState::ALL.contains(&r.state));
            check_rest(r, &rs, today)?;
        }
        let starts: Vec<Date> = a.rest.iter().map(|r| r.start).collect();
        prop_assert!(starts.windows(2).all(|p| p[0] <= p[1]), "rests come by start date");
        let dates: Vec<Date> = a.changes.iter().map(|c| c.date).collect();
        prop_assert!(dates.windows(2).all(|p| p[0] <= p[1]), "changes come by date");
    }

    #[test]
    fn changes_count_what_lies_on_each_side((rs, es, today) in valid_history()) {
        for c in analyze(&rs, &es, today).changes {
            let before = rs.iter().filter(|r| r.date < c.date).count().min(3);
            let after = rs.iter().filter(|r| r.date >= c.date).count().min(3);
            prop_assert_eq!(c.counts, [before, after]);
            prop_assert_eq!(c.strain_before.is_some(), before > 0);
            prop_assert_eq!(c.strain_after.is_some(), after > 0);
        }
    }

    #[test]
    fn trend_and_chronicity_agree_with_the_latest_readings((rs, es, today) in valid_history()) {
        let a = analyze(&rs, &es, today);
        prop_assert_eq!(a.trend.change.is_some(), rs.len() >= 2);
        prop_assert_eq!(a.trend.reliable, a.trend.change.is_some_and(|c| c.abs() >= 21.47));
        let latest = rs.iter().enumerate().max_by_key(|(i, r)| (r.date, *i)).map(|(_, r)| r.strain);
        prop_assert_eq!(a.high_since.is_some(), latest.is_some_and(|s| s >= 50.0));
    }

    #[test]
    fn readings_on_distinct_days_may_come_in_any_order(
        (rs, es, today) in valid_history(), seed in any::<u64>()
    ) {
        let mut distinct = rs.clone();
        distinct.sort_by_key(|r| r.date);
        distinct.dedup_by_key(|r| r.date);
        let mut shuffled = distinct.clone();
        // A cheap deterministic shuffle is enough here.
        let n = shuffled.len();
        for i in 0..n {
            let j = (seed.wrapping_mul(i as u64 + 1).wrapping_add(7) % n as u64) as usize;
            shuffled.swap(i, j);
        }
        prop_assert_eq!(analyze(&distinct, &es, today), analyze(&shuffled, &es, today));
    }

    #[test]
    fn parse_input_never_panics_on_any_json(v in common::any_json()) {
        let _ = parse_input(&v);
    }

    #[test]
    fn parse_input_never_panics_on_near_misses(v in analyze_like_json()) {
        if let Err(e) = parse_input(&v) {
            prop_assert!(!e.field.is_empty(), "{}", e);
        }
    }

    #[test]
    fn a_well_formed_input_always_parses((rs, es, today) in valid_history()) {
        let parsed = parse_input(&to_input(&rs, &es, today));
        prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
        if let Ok(p) = parsed {
            prop_assert_eq!(p.today, today);
            prop_assert_eq!(p.readings, rs);
            prop_assert_eq!(p.events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
                            es.iter().map(|e| e.kind.clone()).collect::<Vec<_>>());
        }
    }
}

// ---- input builders ----

fn to_input(rs: &[Reading], es: &[Event], today: Date) -> Json {
    let day = |d: Date| Json::str(d.to_string());
    let readings = rs.iter().map(|r| Json::obj(vec![("at", day(r.date)), ("strain", Json::Num(r.strain))])).collect();
    let events = es
        .iter()
        .map(|e| match e.kind {
            EventKind::Rest { start, end, rest_type } => Json::obj(vec![
                ("kind", Json::str("rest")),
                ("start", day(start)),
                ("end", day(end)),
                ("type", Json::str(rest_type.id())),
            ]),
            EventKind::Change { date, what } => {
                Json::obj(vec![("kind", Json::str("change")), ("date", day(date)), ("what", Json::str(what.id()))])
            }
        })
        .collect();
    Json::obj(vec![("readings", Json::Arr(readings)), ("events", Json::Arr(events)), ("today", day(today))])
}

/// Mostly the right shape, with one part often wrong.
fn analyze_like_json() -> impl Strategy<Value = Json> {
    let value = || prop_oneof![3 => common::any_leaf(), 1 => common::any_json()];
    let member = || (common::any_word(), value());
    let object = || prop::collection::vec(member(), 0..6).prop_map(common::obj);
    let reading = prop_oneof![
        3 => (near_day(), common::any_number())
            .prop_map(|(d, s)| Json::obj(vec![("at", Json::str(d.to_string())), ("strain", Json::Num(s))])),
        1 => object(),
    ];
    let event = prop_oneof![
        2 => (near_day(), near_day(), common::any_word(), prop::option::of(value())).prop_map(|(s, e, t, note)| {
            let mut m = vec![("kind", Json::str("rest")), ("start", Json::str(s.to_string())),
                             ("end", Json::str(e.to_string())), ("type", Json::Str(t))];
            if let Some(n) = note { m.push(("note", n)); }
            Json::obj(m)
        }),
        2 => (near_day(), common::any_word()).prop_map(|(d, w)| {
            Json::obj(vec![("kind", Json::str("change")), ("date", Json::str(d.to_string())), ("what", Json::Str(w))])
        }),
        1 => object(),
    ];
    (
        prop::collection::vec(reading, 0..6),
        prop::collection::vec(event, 0..4),
        prop_oneof![3 => near_day().prop_map(|d| Json::str(d.to_string())), 1 => value()],
        0u8..6,
    )
        .prop_map(|(rs, es, today, extra)| {
            let mut m = vec![("readings", Json::Arr(rs)), ("events", Json::Arr(es))];
            if extra != 0 { m.push(("today", today)); }
            if extra == 1 { m.push(("extra", Json::Null)); }
            Json::obj(m)
        })
}
