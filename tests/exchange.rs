//! Export, import and merge of a history: what goes out comes back the same,
//! nothing is doubled, and every malformed file is refused with its field named.

mod common;

use burnout_check::date::Date;
use burnout_check::error::ErrorKind;
use burnout_check::history::exchange::{
    export_csv, export_json, import_json, merge, read_export_fast, read_export_tree, MergeSummary, MAX_IMPORT_BYTES,
};
use burnout_check::history::record::{entry_from_json, entry_id, entry_to_json, event_id};
use burnout_check::history::{AnswerId, Entry, Event, EventKind, History};
use burnout_check::json::{parse, Json};
use burnout_check::model::{Band, ChangeWhat, Construct, Duration, Flag, Form, Locale, Profile, RestType, Scope, Secondary};
use burnout_check::scoring::{Context, Indices, Outcome};
use proptest::prelude::*;
use burnout_check::vecmap::VecMap;

fn fixture(name: &str) -> String {
    let file = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn day(s: &str) -> Date {
    Date::parse(s, "test").unwrap()
}

/// A quick check taken at `at_ms` with a note, scored as a strained, mismatched week.
fn quick_check(at_ms: i64, note: Option<&str>) -> Entry {
    let mut answers = VecMap::new();
    answers.insert("fatigue_1".into(), 3);
    answers.insert("cost_1".into(), 4);
    let context = Context { duration: Some(Duration::M3To6), scope: Some(Scope::Work), secondary: vec![] };
    let mut constructs = VecMap::new();
    constructs.insert(Construct::UnrelievedFatigue, Some(75.0));
    constructs.insert(Construct::IntrinsicCost, Some(100.0));
    constructs.insert(Construct::Control, None);
    Entry {
        id: entry_id(at_ms, Form::Quick, &answers, &context),
        at_ms,
        date: Date((at_ms / 86_400_000) as i32),
        form: Form::Quick,
        questionnaire_version: 1,
        scoring_version: 1,
        locale: Locale::En,
        answers,
        context,
        outcome: Outcome {
            form: Form::Quick,
            constructs,
            indices: Indices { strain: Some(62.5), wear: None, load: Some(12.5), mismatch: Some(87.5), compensation: None },
            band: Some(Band::High),
            profile: Profile::Mismatch,
            flags: vec![Flag::SecondaryFactors],
            top_areas: vec![Construct::IntrinsicCost],
        },
        note: note.map(String::from),
    }
}

fn rest(start: &str, end: &str, note: Option<&str>) -> Event {
    let kind = EventKind::Rest { start: day(start), end: day(end), rest_type: RestType::Vacation };
    Event { id: event_id(&kind), kind, note: note.map(String::from) }
}

fn change(date: &str, what: ChangeWhat) -> Event {
    let kind = EventKind::Change { date: day(date), what };
    Event { id: event_id(&kind), kind, note: None }
}

fn history(entries: Vec<Entry>, events: Vec<Event>) -> History {
    let mut h = History::default();
    merge(&mut h, History { entries, events });
    h
}

fn a_few_months() -> History {
    history(
        vec![quick_check(1_772_443_800_000, Some("after the release")), quick_check(1_774_517_400_000, None)],
        vec![rest("2026-03-07", "2026-03-21", Some("sea")), change("2026-05-01", ChangeWhat::Manager)],
    )
}

// ---- the fixtures ----

#[test]
fn a_hand_written_v1_export_imports_with_its_ids_kept() {
    let h = import_json(&fixture("export_v1.json")).unwrap();
    assert_eq!(h.entries.len(), 2);
    assert_eq!(h.events.len(), 2);
    // The ids were not derived by us; they are identity all the same.
    assert_eq!(h.entries[0].id, "e3f1a9c07b2d4e581");
    assert_eq!(h.entries[1].id, "e0b44d2e9c1a77f03");
    let first = &h.entries[0];
    assert_eq!(first.date, day("2026-03-02"));
    assert_eq!(first.answers.get("restart_1"), Some(&3));
    assert_eq!(first.context.duration, Some(Duration::M6To12));
    assert_eq!(first.outcome.indices.strain, Some(70.0));
    assert_eq!(first.outcome.constructs.get(&Construct::Control), Some(&None));
    assert_eq!(first.outcome.flags, vec![Flag::Chronic, Flag::SeekSupport]);
    // Secondary answers come back in the model's order, whatever the file said.
    assert_eq!(h.entries[1].context.secondary, vec![Secondary::Health, Secondary::Care]);
    assert_eq!(h.entries[1].locale, Locale::De);
    assert!(matches!(h.events[0].kind, EventKind::Rest { rest_type: RestType::Vacation, .. }));
    assert_eq!(h.events[1].note, None);
}

#[test]
fn a_file_from_a_newer_version_is_refused_with_a_reason() {
    let e = import_json(&fixture("export_newer.json")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NewerVersion);
    assert_eq!(e.field, "version");
    assert_eq!(
        e.to_string(),
        "version: this file comes from a newer version of burnout-check (99); update the tool to import it"
    );
}

#[test]
fn a_truncated_file_is_not_taken_for_an_export() {
    let e = import_json(&fixture("export_truncated.json")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.to_string().starts_with("this is not a burnout-check export"), "{e}");
}

#[test]
fn html_and_script_in_notes_are_just_text_kept_exactly() {
    let h = import_json(&fixture("export_html_note.json")).unwrap();
    let note = "<script>alert(\"boo\")</script><img src=x onerror=alert(1)> & &amp; \u{2028} done";
    assert_eq!(h.entries[0].note.as_deref(), Some(note));
    assert_eq!(h.events[0].note.as_deref(), Some("</textarea><b onclick=\"x()\">new team</b>"));
    let again = import_json(&export_json(&h, 0)).unwrap();
    assert_eq!(again, h);
}

// ---- round trip and merge ----

#[test]
fn export_then_import_gives_back_the_same_history() {
    let h = a_few_months();
    assert_eq!(import_json(&export_json(&h, 1_775_030_400_000)).unwrap(), h);
}

#[test]
fn the_export_says_what_it_is() {
    let v = parse(&export_json(&a_few_months(), 42), "").unwrap();
    assert_eq!(v.get("format"), Some(&Json::str("burnout-check/history")));
    assert_eq!(v.get("version"), Some(&Json::Num(2.0)));
    assert_eq!(v.get("exported_at"), Some(&Json::Num(42.0)));
}

/// Full and quick checks scored by the scorer, as the store saves them.
fn scored_checks() -> History {
    let mut entries = Vec::new();
    for (k, form) in ["full", "quick", "full"].iter().enumerate() {
        let v = parse(&format!(r#"{{"form":"{form}","answers":{{}},"context":{{"duration":"6_12m"}}}}"#), "").unwrap();
        let mut input = burnout_check::scoring::parse_input(&v).unwrap();
        for (i, item) in burnout_check::questionnaire::items(input.form).enumerate() {
            if i % 7 != 3 {
                input.answers.insert(item.id, ((i + k) % 5) as u8);
            }
        }
        let at = 1_772_443_800_000 + k as i64 * 86_400_000;
        entries.push(burnout_check::history::record::new_entry(&input, at, Date((at / 86_400_000) as i32), None));
    }
    history(entries, vec![change("2026-05-01", ChangeWhat::Manager)])
}

/// The entries of an export's text, as JSON.
fn exported_entries(text: &str) -> Vec<Json> {
    match parse(text, "").unwrap().get("entries") {
        Some(Json::Arr(entries)) => entries.clone(),
        _ => panic!("no entries: {text}"),
    }
}

#[test]
fn an_export_holds_each_entry_as_stored_with_the_export_names() {
    let h = scored_checks();
    let entries = exported_entries(&export_json(&h, 0));
    for (e, json) in h.entries.iter().zip(&entries) {
        // Digits in the form's order, and no result: the scorer gives it back.
        let Some(Json::Str(digits)) = json.get("answers") else { panic!("answers not digits: {}", json.to_text()) };
        assert_eq!(digits.len(), burnout_check::questionnaire::items(e.form).count());
        assert_eq!(json.get("result"), None);
        assert_eq!(json.get("id"), Some(&Json::str(&e.id)));
    }
    // A sixth or so of the first version's text, which held each result in full.
    let v1: usize = h.entries.iter().map(|e| burnout_check::history::record::entry_record(e).to_text().len()).sum();
    let v2: usize = entries.iter().map(|e| e.to_text().len()).sum();
    assert!(v2 * 4 < v1, "{v2} characters against {v1}");
}

#[test]
fn a_result_the_scorer_would_not_give_back_is_exported_with_its_entry() {
    let mut h = scored_checks();
    assert!(!export_json(&h, 0).contains("\"result\""));
    h.entries[0].outcome.indices.strain = Some(12.5); // edited by hand, say
    let text = export_json(&h, 0);
    assert!(text.contains("\"strain\":12.5") && text.matches("\"result\"").count() == 1, "{text}");
    assert_eq!(import_json(&text).unwrap(), h);
}

#[test]
fn digits_of_another_questionnaire_version_are_refused() {
    let text = export_json(&scored_checks(), 0);
    let other = text.replacen("\"questionnaire_version\":1", "\"questionnaire_version\":2", 1);
    assert_eq!(
        import_json(&other).unwrap_err().to_string(),
        "entries[0].answers: answers of questionnaire version 2 must name their items"
    );
}

#[test]
fn a_version_2_entry_is_checked_as_closely_as_a_version_1_entry() {
    let text = export_json(&scored_checks(), 0);
    let entries = exported_entries(&text);
    let Some(Json::Str(digits)) = entries[0].get("answers") else { panic!("answers not digits") };
    let short = text.replacen(&format!("\"answers\":\"{digits}\""), "\"answers\":\"0123\"", 1);
    assert!(import_json(&short).unwrap_err().to_string().starts_with("entries[0].answers: has 4 characters"), "{short}");
    let mut bad = digits.clone().into_bytes();
    bad[0] = b'7';
    let seven = text.replacen(digits.as_str(), std::str::from_utf8(&bad).unwrap(), 1);
    assert!(import_json(&seven).unwrap_err().to_string().starts_with("entries[0].answers."));
    // The first version held every result: digits and a missing result are not its shape.
    let as_v1 = text.replacen("\"version\":2", "\"version\":1", 1);
    assert!(import_json(&as_v1).unwrap_err().to_string().starts_with("entries[0].answers: expected an object"));
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let file = fixture("export_v1.json");
    let mut mine = History::default();
    let first = merge(&mut mine, import_json(&file).unwrap());
    assert_eq!(first, MergeSummary { entries_added: 2, events_added: 2, skipped: 0 });
    let before = mine.clone();
    let second = merge(&mut mine, import_json(&file).unwrap());
    assert_eq!(second, MergeSummary { entries_added: 0, events_added: 0, skipped: 4 });
    assert_eq!(mine, before);
}

#[test]
fn merging_keeps_entries_by_time_and_events_by_date() {
    let mut mine = history(vec![quick_check(3_000, None)], vec![change("2026-05-01", ChangeWhat::Team)]);
    let theirs = history(
        vec![quick_check(5_000, None), quick_check(1_000, None)],
        vec![rest("2026-06-01", "2026-06-02", None), rest("2026-01-10", "2026-01-20", None)],
    );
    let summary = merge(&mut mine, theirs);
    assert_eq!(summary.entries_added, 2);
    assert_eq!(mine.entries.iter().map(|e| e.at_ms).collect::<Vec<_>>(), vec![1_000, 3_000, 5_000]);
    let dates: Vec<String> = mine
        .events
        .iter()
        .map(|e| match e.kind {
            EventKind::Rest { start, .. } => start.to_string(),
            EventKind::Change { date, .. } => date.to_string(),
        })
        .collect();
    assert_eq!(dates, ["2026-01-10", "2026-05-01", "2026-06-01"]);
}

#[test]
fn repeated_records_inside_one_file_collapse() {
    let h = a_few_months();
    let mut doubled = h.clone();
    doubled.entries.extend(h.entries.clone());
    doubled.events.extend(h.events.clone());
    assert_eq!(import_json(&export_json(&doubled, 0)).unwrap(), h);
}

#[test]
fn an_entry_whose_id_does_not_match_its_content_keeps_its_id() {
    let mut e = quick_check(1_000, None);
    e.id = "e-imported-elsewhere".to_string();
    let h = import_json(&export_json(&history(vec![e], vec![]), 0)).unwrap();
    assert_eq!(h.entries[0].id, "e-imported-elsewhere");
}

// ---- refusals ----

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading_it() {
    let text = " ".repeat(MAX_IMPORT_BYTES + 1);
    let e = import_json(&text).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains(&format!("over {} MB", MAX_IMPORT_BYTES / (1024 * 1024))), "{e}");
}

#[test]
fn other_json_is_not_taken_for_an_export() {
    for text in ["[]", "{}", r#"{"format":"something-else","version":1}"#, "\"burnout-check/history\""] {
        let e = import_json(text).unwrap_err();
        assert_eq!((e.kind, e.field.as_str()), (ErrorKind::Invalid, "format"), "{text}");
        assert!(e.message.contains("not a burnout-check export"), "{text}");
    }
    assert!(import_json("undefined").unwrap_err().to_string().contains("not a burnout-check export"));
}

/// The v1 fixture with its first occurrence of `from` replaced by `to`.
fn broken(from: &str, to: &str) -> String {
    let text = fixture("export_v1.json");
    assert!(text.contains(from), "fixture lacks {from}");
    text.replacen(from, to, 1)
}

#[test]
fn wrong_values_deep_inside_are_named_by_their_path() {
    let cases = [
        ("\"id\": \"e3f1a9c07b2d4e581\"", "\"id\": \"x1\"", "entries[0].id: \"x1\" is not an entry id"),
        ("\"id\": \"v5c2e81f0a9d3b644\"", "\"id\": \"e5c2e81f0a9d3b644\"", "events[0].id: \"e5c2e81f0a9d3b644\" is not an event id"),
        ("\"fatigue_1\": 3", "\"fatigue_1\": 7", "entries[0].answers.fatigue_1: 7 is outside 0..4"),
        ("\"fatigue_1\": 3", "\"fatigue_1\": 2.5", "entries[0].answers.fatigue_1: 2.5 is not a whole number"),
        ("\"fatigue_1\": 3", "\"fatigue_1\": \"3\"", "entries[0].answers.fatigue_1: expected a number, got a string"),
        ("\"load\": 37.5", "\"load\": 137.5", "entries[1].result.indices.load: 137.5 is outside 0..100"),
        ("\"date\": \"2026-03-26\"", "\"date\": \"2026-02-30\"", "entries[1].date: \"2026-02-30\" is not a real calendar date"),
        ("\"form\": \"quick\"", "\"form\": \"long\"", "entries[0].form: \"long\" is not one of full, quick"),
        ("\"flags\": [\"chronic\"", "\"flags\": [\"tired\"", "entries[0].result.flags[0]: \"tired\" is not one of masking, structural_load, chronic, seek_support, secondary_factors"),
        ("\"secondary\": [\"health\"", "\"secondary\": [\"hobby\"", "entries[1].context.secondary[0]: \"hobby\" is not one of health, care, money, life_event"),
        ("\"control\": null", "\"control\": true", "entries[0].result.constructs.control: expected a number, got a boolean"),
        ("\"at\": 1772443800000", "\"at\": 1772443800000.5", "entries[0].at: 1772443800000.5 is not a whole number of milliseconds"),
        ("\"end\": \"2026-03-21\"", "\"end\": \"2026-03-01\"", "events[0].end: 2026-03-01 is before start 2026-03-07"),
        ("\"kind\": \"change\"", "\"kind\": \"holiday\"", "events[1].kind: \"holiday\" is not one of rest, change"),
        ("\"what\": \"manager\"", "\"what\": \"boss\"", "events[1].what: \"boss\" is not one of role, manager, team, hours, workplace, other"),
        ("\"entries\": [", "\"entries\": {\"x\": 1}, \"old\": [", "entries: expected an array, got an object"),
    ];
    for (from, to, expected) in cases {
        let e = import_json(&broken(from, to)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(e.to_string(), expected);
    }
}

#[test]
fn unknown_item_ids_from_older_forms_are_kept() {
    let h = import_json(&broken("\"fatigue_1\": 3", "\"fatigue_old\": 3")).unwrap();
    assert_eq!(h.entries[0].answers.get("fatigue_old"), Some(&3));
}

#[test]
fn a_note_longer_than_2000_characters_is_refused() {
    let long = "é".repeat(2001);
    let text = broken("\"note\": null", &format!("\"note\": \"{long}\""));
    assert_eq!(import_json(&text).unwrap_err().field, "entries[1].note");
    let fits = broken("\"note\": null", &format!("\"note\": \"{}\"", "é".repeat(2000)));
    assert!(import_json(&fits).is_ok());
}

#[test]
fn the_js_view_carries_saved_and_still_reads_back() {
    let e = quick_check(1_000, Some("hi"));
    let view = entry_to_json(&e, false);
    assert_eq!(view.get("saved"), Some(&Json::Bool(false)));
    assert_eq!(entry_from_json(&view, "").unwrap(), e);
}

// ---- CSV ----

/// A minimal RFC 4180 reader, to check what a spreadsheet would see.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "rows end in CRLF"),
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => cell.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(row.is_empty() && cell.is_empty(), "the last row ends in CRLF");
    rows
}

#[test]
fn csv_defuses_formulas_and_quotes_separators() {
    let notes = ["=1+2", "+x", "-x", "@x", "\tx", "say \"hi\"", "a,b", "line one\nline two", "\r\nstart", "plain"];
    let entries = notes.iter().enumerate().map(|(i, n)| quick_check(i as i64 * 1000, Some(n))).collect();
    let rows = read_csv(&export_csv(&history(entries, vec![])));
    assert_eq!(rows.len(), 1 + notes.len());
    let note_col = rows[0].iter().position(|h| h == "note").unwrap();
    let seen: Vec<&str> = rows[1..].iter().map(|r| r[note_col].as_str()).collect();
    assert_eq!(
        seen,
        ["'=1+2", "'+x", "'-x", "'@x", "'\tx", "say \"hi\"", "a,b", "line one\nline two", "'\r\nstart", "plain"]
    );
}

#[test]
fn csv_has_one_row_per_entry_then_per_event() {
    let rows = read_csv(&export_csv(&a_few_months()));
    assert_eq!(rows[0][..4], ["kind", "id", "at", "date"]);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let kinds: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(kinds, ["entry", "entry", "rest", "change"]);
    let first = &rows[1];
    assert_eq!(first[col("at")], "2026-03-02T09:30:00Z");
    assert_eq!(first[col("strain")], "62.5");
    assert_eq!(first[col("wear")], "");
    assert_eq!(first[col("band")], "high");
    assert_eq!(first[col("flags")], "secondary_factors");
    assert_eq!(rows[3][col("start")], "2026-03-07");
    assert_eq!(rows[3][col("type")], "vacation");
    assert_eq!(rows[4][col("what")], "manager");
}

// ---- the reader without a tree (`read_export_fast`) ----

#[path = "../examples/support/export.rs"]
mod support;

#[test]
fn an_export_as_the_tool_writes_it_is_read_without_a_tree_into_the_records_the_tree_gives() {
    let text = support::export();
    let fast = read_export_fast(&text).expect("read without a tree");
    assert_eq!(fast.0.entries.len(), support::ENTRIES);
    assert!(fast.1.iter().all(|&recomputed| recomputed), "each result recomputed, as the file leaves them out");
    assert_eq!(Ok(&fast), read_export_tree(&text).as_ref());
    // Spaced out as a person's editor might save it: still read without a tree, the same.
    let spaced = text.replace(",\"", ",\n  \"").replace("\":", "\" : ").replace('{', "{ ").replace('[', "[\n");
    assert_eq!(read_export_fast(&spaced).as_ref(), Some(&fast));
    // Null where a value may be left out: read as the tree reads it.
    for nulled in [text.replacen("\"exported_at\":0", "\"exported_at\":null", 1), text.replacen("\"events\":[]", "\"events\":null", 1)] {
        assert_ne!(nulled, text);
        assert_eq!(read_export_fast(&nulled).as_ref(), Some(&fast));
        assert_eq!(read_export_tree(&nulled).as_ref(), Ok(&fast));
    }
    // Its members in another order: left to the tree, which reads the same records.
    let head = "{\"format\":\"burnout-check/history\",\"version\":2,";
    assert!(text.starts_with(head));
    let reordered = text.replacen(head, "{\"version\":2,\"format\":\"burnout-check/history\",", 1);
    assert_eq!(read_export_fast(&reordered), None);
    assert_eq!(import_json(&reordered).unwrap(), import_json(&text).unwrap());
}

#[test]
fn what_the_reader_without_a_tree_leaves_to_the_tree() {
    let text = support::export();
    let cases = [
        // Not ours, not JSON, or not whole.
        text.replacen("burnout-check/history", "something-else", 1),
        text[..text.len() - 1].to_string(),
        format!("{text}x"),
        // A newer version, a version that is not one.
        text.replacen("\"version\":2", "\"version\":3", 1),
        text.replacen("\"version\":2", "\"version\":1.5", 1),
        // A member it does not know, a long decimal, a damaged entry.
        text.replacen("\"events\":[]", "\"events\":[],\"extra\":1", 1),
        text.replacen("\"exported_at\":0", "\"exported_at\":0.1234567890123456789", 1),
        text.replacen("\"form\":\"full\"", "\"form\":\"long\"", 1),
        text.replacen("\"answers\":\"", "\"answers\":\"9", 1),
    ];
    for case in &cases {
        assert_eq!(read_export_fast(case), None, "{}", &case[..80.min(case.len())]);
        // And the import says what is wrong (or reads it), as before.
        let _ = import_json(case);
    }
    assert_eq!(import_json(&cases[3]).unwrap_err().kind, ErrorKind::NewerVersion);
    assert!(import_json(&cases[7]).unwrap_err().field.starts_with("entries[0]"));
}

// ---- properties ----

fn any_entry() -> impl Strategy<Value = Entry> {
    let score = || prop::option::of(0.0f64..=100.0);
    let subset = |n: usize| prop::collection::vec(any::<bool>(), n);
    let outcome = (
        prop::collection::btree_map(prop::sample::select(Construct::ALL), score(), 0..24),
        (score(), score(), score(), score(), score()),
        prop::option::of(prop::sample::select(Band::ALL)),
        prop::sample::select(Profile::ALL),
        subset(Flag::ALL.len()),
        prop::collection::vec(prop::sample::select(Construct::ALL), 0..4),
    )
        .prop_map(|(constructs, (strain, wear, load, mismatch, compensation), band, profile, flags, top_areas)| Outcome {
            form: Form::Full,
            constructs: constructs.into_iter().collect(),
            indices: Indices { strain, wear, load, mismatch, compensation },
            band,
            profile,
            flags: Flag::ALL.iter().zip(flags).filter(|(_, on)| *on).map(|(f, _)| *f).collect(),
            top_areas,
        });
    let context = (
        prop::option::of(prop::sample::select(Duration::ALL)),
        prop::option::of(prop::sample::select(Scope::ALL)),
        subset(Secondary::ALL.len()),
    )
        .prop_map(|(duration, scope, on)| Context {
            duration,
            scope,
            secondary: Secondary::ALL.iter().zip(on).filter(|(_, on)| *on).map(|(s, _)| *s).collect(),
        });
    let note = prop::option::of(prop::collection::vec(any::<char>(), 0..80).prop_map(String::from_iter));
    (
        -8_640_000_000_000_000i64..=8_640_000_000_000_000,
        -719_162i32..=2_932_896,
        prop::sample::select(Form::ALL),
        prop::sample::select(Locale::ALL),
        (any::<u32>(), any::<u32>()),
        prop::collection::btree_map("[a-z_0-9]{1,12}", 0u8..=4, 0..12),
        context,
        outcome,
        note,
    )
        .prop_map(|(at_ms, day, form, locale, (qv, sv), answers, context, mut outcome, note)| {
            let answers: VecMap<AnswerId, u8> = answers.into_iter().map(|(k, v): (String, u8)| (AnswerId::from(k), v)).collect();
            outcome.form = form;
            Entry {
                id: entry_id(at_ms, form, &answers, &context),
                at_ms,
                date: Date(day),
                form,
                questionnaire_version: qv,
                scoring_version: sv,
                locale,
                answers,
                context,
                outcome,
                note,
            }
        })
}

fn any_event() -> impl Strategy<Value = Event> {
    let note = prop::option::of("\\PC{0,40}");
    let kind = prop_oneof![
        (-719_162i32..=2_932_000, 0i32..60, prop::sample::select(RestType::ALL))
            .prop_map(|(s, len, rest_type)| EventKind::Rest { start: Date(s), end: Date(s + len), rest_type }),
        (-719_162i32..=2_932_896, prop::sample::select(ChangeWhat::ALL))
            .prop_map(|(d, what)| EventKind::Change { date: Date(d), what }),
    ];
    (kind, note).prop_map(|(kind, note)| Event { id: event_id(&kind), kind, note })
}

proptest! {
    #[test]
    fn any_history_survives_export_and_import(
        entries in prop::collection::vec(any_entry(), 0..8),
        events in prop::collection::vec(any_event(), 0..6),
        exported_at in any::<i64>().prop_map(|n| n % 8_640_000_000_000_000),
    ) {
        let h = history(entries, events);
        let back = import_json(&export_json(&h, exported_at)).unwrap();
        prop_assert_eq!(&back, &h);
        let mut merged = back;
        prop_assert_eq!(merge(&mut merged, h.clone()).skipped, h.entries.len() + h.events.len());
        prop_assert_eq!(merged, h);
    }

    #[test]
    fn a_merge_keeps_the_first_of_each_id_as_a_plain_set_would(
        pool in prop::collection::vec(any_entry(), 1..6),
        event_pool in prop::collection::vec(any_event(), 1..5),
        mine_picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..5),
        their_picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<bool>()), 0..12),
    ) {
        let mine = history(
            mine_picks.iter().map(|(e, _)| e.get(&pool).clone()).collect(),
            mine_picks.iter().map(|(_, v)| v.get(&event_pool).clone()).collect(),
        );
        // Repeats, of each other and of mine, some with another note: the first must win.
        let marked = |note: &Option<String>, again: bool| if again { Some("again".to_string()) } else { note.clone() };
        let theirs = History {
            entries: their_picks.iter().map(|(e, _, again)| { let mut e = e.get(&pool).clone(); e.note = marked(&e.note, *again); e }).collect(),
            events: their_picks.iter().map(|(_, v, again)| { let mut v = v.get(&event_pool).clone(); v.note = marked(&v.note, *again); v }).collect(),
        };
        let mut want_entries: Vec<Entry> = mine.entries.clone();
        for e in &theirs.entries {
            if !want_entries.iter().any(|w| w.id == e.id) { want_entries.push(e.clone()); }
        }
        let mut want_events: Vec<Event> = mine.events.clone();
        for v in &theirs.events {
            if !want_events.iter().any(|w| w.id == v.id) { want_events.push(v.clone()); }
        }
        let mut merged = mine.clone();
        let summary = merge(&mut merged, theirs);
        prop_assert_eq!(summary, MergeSummary {
            entries_added: want_entries.len() - mine.entries.len(),
            events_added: want_events.len() - mine.events.len(),
            skipped: 2 * their_picks.len() - (want_entries.len() - mine.entries.len()) - (want_events.len() - mine.events.len()),
        });
        let by_id = |mut v: Vec<(String, String)>| { v.sort(); v };
        prop_assert_eq!(
            by_id(merged.entries.iter().map(|e| (e.id.clone(), format!("{e:?}"))).collect()),
            by_id(want_entries.iter().map(|e| (e.id.clone(), format!("{e:?}"))).collect())
        );
        prop_assert_eq!(
            by_id(merged.events.iter().map(|v| (v.id.clone(), format!("{v:?}"))).collect()),
            by_id(want_events.iter().map(|v| (v.id.clone(), format!("{v:?}"))).collect())
        );
    }

    #[test]
    fn any_json_is_refused_or_read_never_a_panic(v in common::any_json()) {
        let _ = entry_from_json(&v, "entries[0]");
        let envelope = Json::obj(vec![
            ("format", Json::str("burnout-check/history")),
            ("version", Json::Num(1.0)),
            ("entries", Json::Arr(vec![v.clone()])),
            ("events", Json::Arr(vec![v])),
        ]);
        let _ = import_json(&envelope.to_text());
    }
}

/// `e` with short numbers, which the reader without a tree reads itself (a long
/// one it leaves to the tree): every score a multiple of a quarter, its time
/// within 1840-2100 (one further out is written with an exponent).
fn short_numbers(mut e: Entry) -> Entry {
    e.at_ms %= 4_102_444_800_000;
    let quarter = |v: &mut Option<f64>| *v = v.map(|x| (x * 4.0).round() / 4.0);
    e.outcome.constructs = e.outcome.constructs.iter().map(|(&c, &v)| (c, v.map(|x| (x * 4.0).round() / 4.0))).collect();
    let i = &mut e.outcome.indices;
    for v in [&mut i.strain, &mut i.wear, &mut i.load, &mut i.mismatch, &mut i.compensation] {
        quarter(v);
    }
    e
}

/// For damaging an export: JSON's own characters, a digit, a letter and, most
/// often, whitespace (which leaves it JSON, or changes a text inside it).
const DAMAGE: &[u8] = b"{}[],:\"\\0e-.a \n\t \n\t \n\t \n\t";

proptest! {
    #[test]
    fn any_export_read_without_a_tree_gives_the_records_the_tree_gives(
        entries in prop::collection::vec(any_entry().prop_map(short_numbers), 0..8),
        events in prop::collection::vec(any_event(), 0..6),
        // Up to 2100: a time so far out is written with an exponent, a long number.
        exported_at in 0i64..4_102_444_800_000,
    ) {
        let text = export_json(&history(entries, events), exported_at);
        let fast = read_export_fast(&text);
        prop_assert!(fast.is_some(), "an export of short numbers is read without a tree");
        prop_assert_eq!(fast, read_export_tree(&text).ok());
    }

    #[test]
    fn a_damaged_export_is_read_without_a_tree_only_as_the_tree_reads_it(
        keep in 1usize..6,
        events in prop::collection::vec(any_event(), 0..3),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..2, prop::sample::select(DAMAGE)), 1..4),
    ) {
        // A few checks as the tool saves them, and some events.
        static SAVED: std::sync::OnceLock<History> = std::sync::OnceLock::new();
        let mut h = SAVED.get_or_init(|| import_json(&support::export()).unwrap()).clone();
        h.entries.truncate(keep);
        h.events = events;
        let mut text = export_json(&h, 0).into_bytes();
        for (at, cut, byte) in edits {
            let at = at.index(text.len() + 1);
            text.splice(at..(at + cut).min(text.len()), [byte]);
        }
        // Cuts may split a note's character; a file that is not UTF-8 never gets this far.
        if let Ok(text) = String::from_utf8(text) {
            if let Some(fast) = read_export_fast(&text) {
                prop_assert_eq!(read_export_tree(&text).ok(), Some(fast));
            }
        }
    }
}
