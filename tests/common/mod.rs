//! Shared test helpers: an arbitrary-`Json` strategy for "never panics" properties.
//! Use with `mod common;` from any integration test.
#![allow(dead_code)]

use burnout_check::json::Json;
use burnout_check::model::{Duration, Form, Locale, Scope, Secondary};
use burnout_check::questionnaire::ITEMS;
use proptest::prelude::*;

/// Keys and string values our validators look for, so that arbitrary trees
/// often get past the first check and reach the deeper ones.
pub fn known_words() -> Vec<String> {
    let mut words: Vec<String> = [
        "form", "locale", "answers", "context", "duration", "scope", "secondary", "readings", "events", "today",
        "at", "strain", "kind", "rest", "change", "start", "end", "type", "date", "what", "note", "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    words.extend(ITEMS.iter().map(|i| i.id.to_string()));
    words.extend(Form::ALL.iter().map(|f| f.id().to_string()));
    words.extend(Locale::ALL.iter().map(|l| l.id().to_string()));
    words.extend(Duration::ALL.iter().map(|d| d.id().to_string()));
    words.extend(Scope::ALL.iter().map(|s| s.id().to_string()));
    words.extend(Secondary::ALL.iter().map(|s| s.id().to_string()));
    words.extend(["2026-03-02", "2026-02-30", "0000-01-01", "9999-12-31"].iter().map(|s| s.to_string()));
    words
}

/// A string: usually a known word, sometimes anything at all.
pub fn any_word() -> impl Strategy<Value = String> {
    prop_oneof![4 => prop::sample::select(known_words()), 1 => any::<String>()]
}

/// Numbers that matter to validators: answers in and out of range, fractions,
/// negatives, huge and tiny magnitudes, negative zero, and any finite f64.
pub fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (0u8..=4).prop_map(f64::from),
        1 => (-3i32..=8).prop_map(f64::from),
        1 => -10.0f64..110.0,
        1 => prop::sample::select(vec![-0.0, 0.5, 2.5, 3.999_999, 4.000_001, 1e300, -1e300, 1e-300, f64::MAX, f64::MIN, f64::EPSILON]),
        1 => any::<f64>().prop_filter("JSON numbers are finite", |n| n.is_finite()),
    ]
}

/// A leaf value.
pub fn any_leaf() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any_number().prop_map(Json::Num),
        any_word().prop_map(Json::Str),
    ]
}

/// An object of these members (names owned, as the parser reads unknown ones).
pub fn obj(members: Vec<(String, Json)>) -> Json {
    Json::Obj(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
}

/// Any JSON tree, a few levels deep, objects keyed mostly by known words.
pub fn any_json() -> impl Strategy<Value = Json> {
    any_leaf().prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            prop::collection::vec((any_word(), inner), 0..8).prop_map(obj),
        ]
    })
}

/// An object shaped roughly like an `assess()` input: the right keys, sometimes
/// missing, sometimes extra, with values that are often right and often not.
pub fn assess_like_json() -> impl Strategy<Value = Json> {
    let word = || prop_oneof![3 => any_word().prop_map(Json::Str), 1 => any_leaf()];
    let id_of = |ids: Vec<String>| prop_oneof![8 => prop::sample::select(ids).prop_map(Json::Str), 1 => word()];
    let ids = |all: &[&str]| all.iter().map(|s| s.to_string()).collect::<Vec<_>>();

    let item_ids = || prop::sample::select(ITEMS.iter().map(|i| i.id.to_string()).collect::<Vec<_>>());
    let valid_answer = prop_oneof![6 => (0u8..=4).prop_map(|v| Json::Num(f64::from(v))), 1 => Just(Json::Null)];
    let answer = prop_oneof![4 => any_number().prop_map(Json::Num), 1 => Just(Json::Null), 1 => any_leaf()];
    let item_id = prop_oneof![3 => item_ids(), 1 => any_word()];
    let answers = prop_oneof![
        4 => prop::collection::vec((item_ids(), valid_answer), 0..34).prop_map(obj),
        2 => prop::collection::vec((item_id, answer), 0..40).prop_map(obj),
        1 => any_json(),
    ];

    let duration = id_of(ids(&Duration::ALL.iter().map(|d| d.id()).collect::<Vec<_>>()));
    let scope = id_of(ids(&Scope::ALL.iter().map(|s| s.id()).collect::<Vec<_>>()));
    let secondary_id = id_of(ids(&Secondary::ALL.iter().map(|s| s.id()).collect::<Vec<_>>()));
    let secondary = prop_oneof![4 => prop::collection::vec(secondary_id, 0..6).prop_map(Json::Arr), 1 => any_leaf()];
    let extra = prop::option::weighted(0.1, any_leaf());
    let context = prop_oneof![
        3 => (prop::option::of(duration), prop::option::of(scope), prop::option::of(secondary), extra)
            .prop_map(|(d, s, sec, extra)| object(vec![("duration", d), ("scope", s), ("secondary", sec), ("mood", extra)])),
        1 => any_json(),
    ];

    let form = id_of(ids(&Form::ALL.iter().map(|f| f.id()).collect::<Vec<_>>()));
    let locale = id_of(ids(&Locale::ALL.iter().map(|l| l.id()).collect::<Vec<_>>()));
    (
        prop::option::weighted(0.95, form),
        prop::option::weighted(0.6, locale),
        prop::option::weighted(0.95, answers),
        prop::option::weighted(0.6, context),
        prop::option::weighted(0.06, any_leaf()),
    )
        .prop_map(|(form, locale, answers, context, extra)| {
            object(vec![("form", form), ("locale", locale), ("answers", answers), ("context", context), ("extra", extra)])
        })
}

/// An object of the members that are present, in the order given.
fn object(members: Vec<(&str, Option<Json>)>) -> Json {
    Json::Obj(members.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string().into(), v))).collect())
}
