//! Properties of schema 2's compact entry record: any entry reads back exactly
//! (answers, notes, odd item ids, results that the scorer would not give), and
//! any schema-1 store migrates keeping every entry with its result as stored;
//! the history's overview, written straight out, is the text its `Json` gives.

use burnout_check::date::Date;
use burnout_check::history::compact::{from_record, record_text, to_record};
use burnout_check::history::record::{columns_text, entry_columns, entry_id, entry_record};
use burnout_check::history::{AnswerId, Entry};
use burnout_check::json::parse;
use burnout_check::model::{Duration, Form, Locale, Scope, Secondary};
use burnout_check::questionnaire::{self, Item};
use burnout_check::scoring::{score, Answers, Context};
use burnout_check::storage::{MemoryBackend, Store};
use burnout_check::vecmap::VecMap;
use proptest::prelude::*;

mod shared_backend;
use shared_backend::Shared;

fn any_context() -> impl Strategy<Value = Context> {
    (
        prop::option::of(prop::sample::select(Duration::ALL.to_vec())),
        prop::option::of(prop::sample::select(Scope::ALL.to_vec())),
        prop::sample::subsequence(Secondary::ALL.to_vec(), 0..=Secondary::ALL.len()),
    )
        .prop_map(|(duration, scope, secondary)| Context { duration, scope, secondary })
}

/// How an entry's stored data can differ from what the scorer gives today.
#[derive(Debug, Clone)]
enum Oddity {
    None,
    /// Another scoring version: its result cannot be recomputed.
    ScoringVersion(u32),
    /// Another questionnaire version: its answers cannot be digits.
    QuestionnaireVersion(u32),
    /// An answer to an item the form does not ask (an older form's).
    StrayItem(String, u8),
    /// A result edited by hand (or by a scorer with a bug since fixed).
    OtherStrain(f64),
}

fn any_oddity() -> impl Strategy<Value = Oddity> {
    prop_oneof![
        4 => Just(Oddity::None),
        1 => (2u32..5).prop_map(Oddity::ScoringVersion),
        1 => (2u32..5).prop_map(Oddity::QuestionnaireVersion),
        1 => ("[a-z_]{1,12}[0-9]", 0u8..=4).prop_map(|(id, v)| Oddity::StrayItem(id, v)),
        1 => (0.0f64..=100.0).prop_map(Oddity::OtherStrain),
    ]
}

fn any_entry() -> impl Strategy<Value = Entry> {
    let form = prop::sample::select(Form::ALL.to_vec());
    form.prop_flat_map(|form| {
        let items: Vec<&'static Item> = questionnaire::items(form).collect();
        (
            Just(form),
            prop::collection::vec(prop::option::weighted(0.85, 0u8..=4), items.len()),
            any_context(),
            -8_640_000_000_000_000i64..8_640_000_000_000_000,
            -1i32..=1,
            prop::sample::select(Locale::ALL.to_vec()),
            prop::option::of(".{0,40}"),
            any_oddity(),
        )
            .prop_map(move |(form, values, context, at_ms, offset, locale, note, oddity)| {
                let answers: Answers = items.iter().zip(values).filter_map(|(i, v)| v.map(|v| (i.id, v))).collect();
                let outcome = score(form, &answers, &context);
                let mut stored: VecMap<AnswerId, u8> = answers.iter().map(|(k, v)| (AnswerId::Borrowed(k), *v)).collect();
                let (mut qv, mut sv, mut outcome) = (1, 1, outcome);
                match oddity {
                    Oddity::None => {}
                    Oddity::ScoringVersion(v) => sv = v,
                    Oddity::QuestionnaireVersion(v) => qv = v,
                    Oddity::StrayItem(id, v) => {
                        stored.insert(id.into(), v);
                    }
                    Oddity::OtherStrain(s) => outcome.indices.strain = Some(s),
                }
                // The local date is the UTC one or a day either side, within the years we read.
                let day = Date((at_ms.div_euclid(86_400_000)) as i32).add_days(offset);
                let (y, _, _) = day.ymd();
                let date = if (1..=9999).contains(&y) { day } else { Date(0) };
                Entry {
                    id: entry_id(at_ms, form, &stored, &context),
                    at_ms,
                    date,
                    form,
                    questionnaire_version: qv,
                    scoring_version: sv,
                    locale,
                    answers: stored,
                    context,
                    outcome,
                    note,
                }
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_overview_written_straight_out_is_the_columns_text_to_the_byte(entries in prop::collection::vec(any_entry(), 0..8)) {
        // Every other entry unsaved, so both spellings of `saved` are written.
        let saved = |e: &Entry| entries.iter().position(|x| x.id == e.id).is_some_and(|i| i % 2 == 0);
        let want = entry_columns(&entries, saved).to_text();
        prop_assert_eq!(columns_text(&entries, saved), want);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_entry_reads_back_exactly_from_its_compact_record(e in any_entry()) {
        let text = to_record(&e).to_text();
        let back = from_record(parse(&text, "").unwrap(), &e.id).unwrap();
        prop_assert_eq!(&back, &e);
        // A result is stored only when recomputing would not give it back.
        let recomputes = e.questionnaire_version == 1 && e.scoring_version == 1
            && e.answers.keys().all(|k| questionnaire::find_item(e.form, k).is_some())
            && e.outcome == score(e.form, &e.answers.iter().map(|(k, v)| (questionnaire::find_item(e.form, k).unwrap().id, *v)).collect(), &e.context);
        prop_assert_eq!(text.contains("\"r\":"), !recomputes, "{}", text);
        // What storage is given, written straight out, is the record's text to the byte.
        prop_assert_eq!(record_text(&e), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_schema_1_store_migrates_keeping_every_entry_and_result(entries in prop::collection::vec(any_entry(), 0..12)) {
        let mut map = VecMap::new();
        map.insert("bc:meta".to_string(), r#"{"schema":1}"#.to_string());
        let mut expected = VecMap::new();
        for e in &entries {
            map.insert(format!("bc:entry:{}", e.id), entry_record(e).to_text());
            expected.insert(e.id.clone(), e.clone());
        }
        let b = Shared::new("bc", MemoryBackend { map, ..MemoryBackend::default() });
        let expected: Vec<Entry> = {
            let mut v: Vec<Entry> = expected.into_iter().map(|(_, e)| e).collect();
            v.sort_by(|a, c| (a.at_ms, &a.id).cmp(&(c.at_ms, &c.id)));
            v
        };
        for start in 0..3 {
            let s: Store<Shared> = b.open();
            prop_assert_eq!(&s.history().entries, &expected, "start {}", start);
            prop_assert!(s.unreadable().is_empty());
        }
        let map = b.map();
        prop_assert!(map.keys().all(|k| !k.starts_with("bc:entry:")), "the old keys went on the second start");
        // With nothing to copy, opening writes nothing; the first save writes the meta.
        let meta = if expected.is_empty() { r#"{"schema":1}"# } else { r#"{"schema":3}"# };
        prop_assert_eq!(map.get("bc:meta").map(String::as_str), Some(meta));
        prop_assert_eq!(map.keys().filter(|k| k.starts_with("bc:e:")).count(), expected.len());
        // And the copies really are the compact form.
        for e in &expected {
            prop_assert_eq!(map.get(&format!("bc:e:{}", e.id)), Some(&to_record(e).to_text()));
        }
    }
}
