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

/// Any JSON tree, a few levels deep, objects keyed mostly by known words.
pub fn any_json() -> impl Strategy<Value = Json> {
    any_leaf().prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            prop::collection::vec((any_word(), inner), 0..8).prop_map(Json::Obj),
        ]
    })
}

/// An object shaped roughly like an `assess()` input: the right keys, sometimes
/// missing, sometimes extra, with values that are often right and often not.
pub fn assess_like_json() -> impl Strategy<Value = Json> {
    let answer = prop_oneof![4 => any_number().prop_map(Json::Num), 1 => Just(Json::Null), 1 => any_leaf()];
    let item_id = prop_oneof![3 => prop::sample::select(ITEMS.iter().map(|i| i.id.to_string()).collect::<Vec<_>>()), 1 => any_word()];
    let answers = prop_oneof![
        4 => prop::collection::vec((item_id, answer), 0..40).prop_map(Json::Obj),
        1 => any_json(),
    ];
    let word = || prop_oneof![3 => any_word().prop_map(Json::Str), 1 => any_leaf()];
    let secondary =
        prop_oneof![3 => prop::collection::vec(word(), 0..6).prop_map(Json::Arr), 1 => any_leaf()];
    let context = prop_oneof![
        3 => (prop::option::of(word()), prop::option::of(word()), prop::option::of(secondary), prop::option::of(any_leaf()))
            .prop_map(|(d, s, sec, extra)| {
                let mut m = Vec::new();
                d.into_iter().for_each(|v| m.push(("duration".to_string(), v)));
                s.into_iter().for_each(|v| m.push(("scope".to_string(), v)));
                sec.into_iter().for_each(|v| m.push(("secondary".to_string(), v)));
                extra.into_iter().for_each(|v| m.push(("mood".to_string(), v)));
                Json::Obj(m)
            }),
        1 => any_json(),
    ];
    let id_of = |ids: Vec<String>| prop_oneof![4 => prop::sample::select(ids).prop_map(Json::Str), 1 => word()];
    let form = id_of(Form::ALL.iter().map(|f| f.id().to_string()).collect());
    let locale = id_of(Locale::ALL.iter().map(|l| l.id().to_string()).collect());
    (prop::option::of(form), prop::option::of(locale), prop::option::of(answers), prop::option::of(context), 0u8..8)
        .prop_map(|(form, locale, answers, context, extra)| {
            let mut m = Vec::new();
            form.into_iter().for_each(|v| m.push(("form".to_string(), v)));
            locale.into_iter().for_each(|v| m.push(("locale".to_string(), v)));
            answers.into_iter().for_each(|v| m.push(("answers".to_string(), v)));
            context.into_iter().for_each(|v| m.push(("context".to_string(), v)));
            if extra == 0 {
                m.push(("extra".to_string(), Json::Null));
            }
            Json::Obj(m)
        })
}
