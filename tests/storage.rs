//! The store over a key-value backend: what it writes and when, how it
//! recovers from damaged storage, and that it never loses a record or touches
//! anyone else's keys.

use burnout_check::date::Date;
use burnout_check::error::ErrorKind;
use burnout_check::history::exchange::{export_json, import_json};
use burnout_check::history::compact;
use burnout_check::history::record::{new_entry, parse_event_input};
use burnout_check::history::{Entry, Event, History};
use burnout_check::json::{parse, Json};
use burnout_check::scoring::parse_input;
use burnout_check::storage::{MemoryBackend, Store, PACK_SIZE, SCHEMA_VERSION};

mod shared_backend;
use shared_backend::Shared;

const NS: &str = "bc";

/// A quick check taken at `at_ms`, tired to the degree `fatigue` (0..4).
fn check_in(at_ms: i64, fatigue: u8) -> Entry {
    let input = parse_input(
        &parse(
            &format!(r#"{{"form":"quick","answers":{{"fatigue_1":{fatigue},"cost_1":3,"volume_1":1}},"context":{{"scope":"work"}}}}"#),
            "",
        )
        .unwrap(),
    )
    .unwrap();
    new_entry(&input, at_ms, Date((at_ms / 86_400_000) as i32), None)
}

fn vacation(start: &str, end: &str) -> Event {
    parse_event_input(&parse(&format!(r#"{{"kind":"rest","start":"{start}","end":"{end}","type":"vacation"}}"#), "").unwrap())
        .unwrap()
}

/// Storage holding exactly `pairs`, shared with every store the test opens.
fn shared_with(pairs: &[(&str, &str)]) -> Shared {
    Shared::new(NS, MemoryBackend::with(pairs))
}

fn open(b: MemoryBackend) -> Store<MemoryBackend> {
    Store::open(NS, Some(b), None)
}


/// An entry as schema 2 stores it, under `bc:e:<id>`.
fn stored_text(e: &Entry) -> String {
    compact::to_record(e).to_text()
}

// ---- opening ----

#[test]
fn opening_empty_storage_writes_nothing() {
    let b = Shared::new(NS, MemoryBackend::default());
    let s = b.open();
    assert!(s.history().entries.is_empty());
    let st = s.status();
    assert!(st.persistent && !st.read_only);
    assert_eq!((st.reason, st.schema), (None, SCHEMA_VERSION));
    assert!(b.writes().is_empty());
}

#[test]
fn the_first_record_writes_the_meta_then_itself() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    let e = check_in(1_000, 3);
    s.save_entry(e.clone()).unwrap();
    assert_eq!(b.get("bc:meta").as_deref(), Some(r#"{"schema":3}"#));
    assert_eq!(b.get(&format!("bc:e:{}", e.id)), Some(stored_text(&e)));
    assert_eq!(b.writes(), vec!["set bc:meta".to_string(), format!("set bc:e:{}", e.id)]);
    assert!(s.is_saved(&e.id));
    // The second record does not write the meta again.
    s.add_event(vacation("2026-03-07", "2026-03-21")).unwrap();
    assert_eq!(b.writes().iter().filter(|w| *w == "set bc:meta").count(), 1);
}

#[test]
fn records_come_back_on_the_next_visit_in_order() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    for at in [5_000, 1_000, 3_000] {
        s.save_entry(check_in(at, 2)).unwrap();
    }
    s.add_event(vacation("2026-06-01", "2026-06-02")).unwrap();
    s.add_event(vacation("2026-01-10", "2026-01-20")).unwrap();
    let again = b.open();
    assert_eq!(again.history(), s.history());
    assert_eq!(again.history().entries.iter().map(|e| e.at_ms).collect::<Vec<_>>(), [1_000, 3_000, 5_000]);
    assert!(again.history().entries.iter().all(|e| again.is_saved(&e.id)));
}

#[test]
fn storage_from_a_newer_schema_is_shown_but_never_written() {
    let e = check_in(1_000, 3);
    let b = shared_with(&[("bc:meta", r#"{"schema":4}"#), (&format!("bc:e:{}", e.id), &stored_text(&e))]);
    let mut s = b.open();
    assert_eq!(s.history().entries, vec![e.clone()]);
    let st = s.status();
    assert!(st.read_only && st.persistent);
    assert_eq!(st.schema, 4);
    assert!(st.reason.unwrap().contains("newer version"));

    let later = check_in(2_000, 1);
    assert_eq!(s.save_entry(later.clone()).unwrap_err().kind, ErrorKind::ReadOnly);
    assert!(s.history().entries.contains(&later) && !s.is_saved(&later.id));
    assert_eq!(s.add_event(vacation("2026-03-07", "2026-03-08")).unwrap_err().kind, ErrorKind::ReadOnly);
    assert_eq!(s.remove(&e.id).unwrap_err().kind, ErrorKind::ReadOnly);
    assert_eq!(s.clear().unwrap_err().kind, ErrorKind::ReadOnly);
    assert_eq!(s.save_draft(&Json::Null).unwrap_err().kind, ErrorKind::ReadOnly);
    assert_eq!(s.clear_draft().unwrap_err().kind, ErrorKind::ReadOnly);
    let file = export_json(&History { entries: vec![check_in(9_000, 0)], events: vec![] }, 0);
    assert_eq!(s.import_json(&file).unwrap_err().kind, ErrorKind::ReadOnly);
    assert!(b.writes().is_empty());
    assert!(s.history().entries.iter().any(|x| x.id == e.id), "a refused remove keeps the record");
}

#[test]
fn a_corrupt_meta_is_recovered_from_and_replaced_only_by_a_good_write() {
    let e = check_in(1_000, 3);
    let b = shared_with(&[("bc:meta", "{\"schema\":"), (&format!("bc:e:{}", e.id), &stored_text(&e))]);
    let mut s = b.open();
    assert_eq!(s.history().entries, vec![e]);
    assert_eq!(s.status().reason, None);
    assert!(!s.status().read_only);
    assert!(s.unreadable().is_empty());
    // A failed write leaves the damaged meta exactly as it was ...
    b.knobs().fail_writes = true;
    assert!(s.save_entry(check_in(2_000, 1)).is_err());
    assert_eq!(b.get("bc:meta").as_deref(), Some("{\"schema\":"));
    // ... and the next good one replaces it.
    b.knobs().fail_writes = false;
    s.save_entry(check_in(3_000, 1)).unwrap();
    assert_eq!(b.get("bc:meta").as_deref(), Some(r#"{"schema":3}"#));
}

#[test]
fn damaged_records_are_listed_with_their_exact_text_and_the_rest_load() {
    let good = check_in(1_000, 3);
    let truncated = &stored_text(&good)[..40];
    let b = shared_with(&[
        (&format!("bc:e:{}", good.id), &stored_text(&good)),
        ("bc:e:e1", truncated),
        ("bc:e:e2", "undefined"),
        ("bc:e:e3", r#"{"t":"yesterday"}"#),
        ("bc:event:v1", ""),
        ("bc:e:e4", "{\"x\":\"caf\u{e9} \u{1F600}\"}"),
    ]);
    let s = b.open();
    assert_eq!(s.history().entries, vec![good]);
    let listed: Vec<(&str, &str)> = s.unreadable().iter().map(|u| (u.key.as_str(), u.raw.as_str())).collect();
    assert_eq!(
        listed,
        [
            ("bc:e:e1", truncated),
            ("bc:e:e2", "undefined"),
            ("bc:e:e3", r#"{"t":"yesterday"}"#),
            ("bc:e:e4", "{\"x\":\"caf\u{e9} \u{1F600}\"}"),
            ("bc:event:v1", ""),
        ]
    );
    assert!(s.unreadable()[2].error.starts_with("at: expected a number"), "{}", s.unreadable()[2].error);
    assert!(b.writes().is_empty());
}

#[test]
fn a_record_under_another_records_key_is_not_trusted() {
    let e = check_in(1_000, 3);
    // Schema 1 kept the id in the record too (schema 2 keeps it only in the key).
    let b = shared_with(&[("bc:entry:e0000", &burnout_check::history::record::entry_record(&e).to_text())]);
    let s = b.open();
    assert!(s.history().entries.is_empty());
    assert!(s.unreadable()[0].error.contains("does not match its key"));
}

// ---- failing writes ----

#[test]
fn a_write_that_reads_back_differently_is_undone() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    let mut e = check_in(1_000, 3);
    s.save_entry(e.clone()).unwrap();
    let key = format!("bc:e:{}", e.id);
    let before = b.get(&key);

    e.note = Some("edited later".into());
    b.knobs().garble_sets = 1;
    let err = s.save_entry(e.clone()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::WriteMismatch);
    assert_eq!(b.get(&key), before, "the older value is put back");
    assert!(!s.is_saved(&e.id));
    assert_eq!(s.history().entries[0].note.as_deref(), Some("edited later"));

    // With nothing there before, nothing is left behind.
    let fresh = check_in(2_000, 1);
    b.knobs().garble_sets = 1;
    assert_eq!(s.save_entry(fresh.clone()).unwrap_err().kind, ErrorKind::WriteMismatch);
    assert_eq!(b.get(&format!("bc:e:{}", fresh.id)), None);
}

#[test]
fn a_full_storage_keeps_the_new_entry_in_memory_and_the_old_ones_intact() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    let first = check_in(1_000, 3);
    s.save_entry(first.clone()).unwrap();
    let stored_before = b.map();
    let used: usize = stored_before.iter().map(|(k, v)| k.len() + v.len()).sum();
    b.knobs().quota_bytes = Some(used + 10);

    let second = check_in(2_000, 4);
    let err = s.save_entry(second.clone()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Quota);
    assert!(err.to_string().starts_with("storage: this browser's storage for the page is full"), "{err}");
    assert_eq!(b.map(), stored_before);
    assert!(s.is_saved(&first.id) && !s.is_saved(&second.id));
    assert_eq!(s.history().entries.len(), 2);
    let exported = import_json(&s.export_json(0)).unwrap();
    assert!(exported.entries.contains(&second), "an unsaved entry is still exported");

    // Once there is room, saving it again stores it.
    b.knobs().quota_bytes = None;
    s.save_entry(second.clone()).unwrap();
    assert!(s.is_saved(&second.id));
}

#[test]
fn unsaved_records_survive_a_refresh() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    b.knobs().fail_writes = true;
    let e = check_in(1_000, 3);
    assert_eq!(s.save_entry(e.clone()).unwrap_err().kind, ErrorKind::Storage);
    s.refresh();
    assert_eq!(s.history().entries, vec![e.clone()]);
    assert!(!s.is_saved(&e.id));
}

// ---- unavailable storage ----

#[test]
fn without_a_backend_history_lives_in_memory_and_says_why() {
    let mut s: Store<MemoryBackend> = Store::open(NS, None, Some("Storage is blocked in this frame.".into()));
    let st = s.status();
    assert!(!st.persistent);
    assert_eq!(st.reason.as_deref(), Some("Storage is blocked in this frame."));
    let e = check_in(1_000, 3);
    assert_eq!(s.save_entry(e.clone()).unwrap_err().kind, ErrorKind::Unavailable);
    assert_eq!(s.history().entries, vec![e.clone()]);
    assert!(!s.is_saved(&e.id));
    assert!(s.remove(&e.id).unwrap());
    s.clear().unwrap();
    assert!(Store::<MemoryBackend>::open(NS, None, None).status().reason.is_some());
}

#[test]
fn a_backend_that_cannot_list_or_read_is_treated_as_unavailable() {
    for fail_keys in [true, false] {
        let e = check_in(1_000, 3);
        let mut b = MemoryBackend::with(&[(&format!("bc:e:{}", e.id), &stored_text(&e))]);
        b.fail_keys = fail_keys;
        b.fail_get = !fail_keys;
        let mut s = open(b);
        let st = s.status();
        assert!(!st.persistent && st.reason.is_some());
        assert_eq!(s.save_entry(e.clone()).unwrap_err().kind, ErrorKind::Unavailable);
        assert_eq!(s.history().entries, vec![e]);
    }
}

// ---- import ----

#[test]
fn an_import_stores_each_new_record_once() {
    let file = export_json(
        &History { entries: vec![check_in(1_000, 1), check_in(2_000, 2)], events: vec![vacation("2026-03-07", "2026-03-21")] },
        0,
    );
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    let summary = s.import_json(&file).unwrap();
    assert_eq!((summary.entries_added, summary.events_added, summary.skipped), (2, 1, 0));
    assert_eq!(b.open().history(), s.history());
    let writes = b.writes().len();
    let again = s.import_json(&file).unwrap();
    assert_eq!((again.entries_added, again.events_added, again.skipped), (0, 0, 3));
    assert_eq!(b.writes().len(), writes, "a second import writes nothing");
}

#[test]
fn an_import_that_fails_midway_keeps_what_was_stored_and_says_how_far_it_got() {
    // Two and a half packs.
    let entries: Vec<Entry> = (1..=(2 * PACK_SIZE + PACK_SIZE / 2) as i64).map(|i| check_in(i * 1_000, 2)).collect();
    let file = export_json(&History { entries: entries.clone(), events: vec![vacation("2026-03-07", "2026-03-21")] }, 0);
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    b.knobs().sets_before_quota = Some(3); // the meta and two packs
    let err = s.import_json(&file).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Quota);
    let total = entries.len() + 1;
    assert!(err.message.contains(&format!("{} of {total} imported records were saved", 2 * PACK_SIZE)), "{err}");
    assert_eq!(s.history().entries, entries, "all of them are kept in memory");
    let saved: Vec<bool> = entries.iter().map(|e| s.is_saved(&e.id)).collect();
    let expected: Vec<bool> = (0..entries.len()).map(|i| i < 2 * PACK_SIZE).collect();
    assert_eq!(saved, expected, "the two packs' entries are saved, the rest are not");
    assert!(!s.is_saved(&s.history().events[0].id), "nor the event after them");
    assert_eq!(b.open().history().entries, entries[..2 * PACK_SIZE]);
    assert_eq!(b.packs().len(), 2);
}

#[test]
fn an_import_stores_its_entries_in_packs_read_line_by_line() {
    let entries: Vec<Entry> = (1..=(PACK_SIZE + 3) as i64).map(|i| check_in(i * 1_000, (i % 5) as u8)).collect();
    let event = vacation("2026-03-07", "2026-03-21");
    let file = export_json(&History { entries: entries.clone(), events: vec![event.clone()] }, 0);
    let b = Shared::new(NS, MemoryBackend::default());
    b.open().import_json(&file).unwrap();
    // The meta, two packs and the event, in that order.
    let packs = [format!("bc:p:{}", entries[0].id), format!("bc:p:{}", entries[PACK_SIZE].id)];
    let mut listed = packs.to_vec();
    listed.sort();
    assert_eq!(b.packs(), listed);
    assert_eq!(b.writes(), ["set bc:meta".to_string(), format!("set {}", packs[0]), format!("set {}", packs[1]), format!("set bc:event:{}", event.id)]);
    // Each line is `<id> <the record its own key would hold>`.
    let lines: Vec<String> = packs.iter().flat_map(|k| b.get(k).unwrap().split('\n').map(str::to_string).collect::<Vec<_>>()).collect();
    let expected: Vec<String> = entries.iter().map(|e| format!("{} {}", e.id, stored_text(e))).collect();
    assert_eq!(lines, expected);
    let next = b.open();
    assert_eq!(next.history().entries, entries);
    assert!(next.unreadable().is_empty());
    assert!(entries.iter().all(|e| next.is_saved(&e.id)));
}

#[test]
fn a_damaged_line_costs_its_pack_one_entry_and_is_kept_as_it_was() {
    let entries: Vec<Entry> = (1..=4).map(|i| check_in(i * 1_000, 1)).collect();
    let b = Shared::new(NS, MemoryBackend::default());
    b.open().import_json(&export_json(&History { entries: entries.clone(), events: vec![] }, 0)).unwrap();
    let key = b.packs().remove(0);
    let pack = b.get(&key).unwrap();
    let mut lines: Vec<String> = pack.split('\n').map(str::to_string).collect();
    let cut = lines[1].len() - 5;
    lines[1].truncate(cut); // cut short
    lines[2] = "undefined".into(); // not even an id
    let damaged = lines.join("\n");
    b.set_raw(&key, &damaged);
    let mut s = b.open();
    assert_eq!(s.history().entries, [entries[0].clone(), entries[3].clone()]);
    let unreadable = s.unreadable();
    assert_eq!(unreadable.len(), 2);
    assert_eq!((unreadable[0].key.as_str(), unreadable[0].raw.as_str()), (key.as_str(), lines[1].as_str()));
    assert_eq!((unreadable[1].key.as_str(), unreadable[1].raw.as_str()), (key.as_str(), "undefined"));
    assert!(unreadable[1].error.contains("is not an entry id followed by its record"), "{}", unreadable[1].error);
    // Nothing rewrites it; the raw export has the pack byte for byte.
    let writes = b.writes().len();
    drop(b.open());
    assert_eq!(b.writes().len(), writes);
    let raw = parse(&s.export_raw(), "").unwrap();
    assert_eq!(raw.get(&key), Some(&Json::str(&damaged)));
    assert!(raw.get(&format!("bc:e:{}", entries[0].id)).is_none(), "no key is made up for an entry in a pack");
    // The damaged line that still starts with an id goes with that id.
    assert!(s.remove(&entries[1].id).unwrap());
    assert_eq!(s.unreadable().len(), 1);
    assert_eq!(b.get(&key).unwrap(), [lines[0].as_str(), "undefined", lines[3].as_str()].join("\n"));
}

#[test]
fn removing_an_entry_takes_its_line_out_of_the_pack_as_stored_now() {
    let entries: Vec<Entry> = (1..=3).map(|i| check_in(i * 1_000, 3)).collect();
    let b = Shared::new(NS, MemoryBackend::default());
    let mut one = b.open();
    one.import_json(&export_json(&History { entries: entries.clone(), events: vec![] }, 0)).unwrap();
    let key = b.packs().remove(0);
    // Another tab takes out the first entry; this one, not refreshed, the second.
    assert!(b.open().remove(&entries[0].id).unwrap());
    assert!(one.remove(&entries[1].id).unwrap());
    assert_eq!(b.open().history().entries, [entries[2].clone()], "the other tab's removal stays made");
    assert_eq!(b.get(&key).unwrap(), format!("{} {}", entries[2].id, stored_text(&entries[2])));
    // The last one takes the pack with it.
    assert!(one.remove(&entries[2].id).unwrap());
    assert!(b.packs().is_empty());
    assert!(b.open().history().entries.is_empty());
}

#[test]
fn an_entry_saved_again_under_its_own_key_wins_over_its_line_until_removed() {
    let e = check_in(1_000, 2);
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    s.import_json(&export_json(&History { entries: vec![e.clone()], events: vec![] }, 0)).unwrap();
    let noted = Entry { note: Some("a later note".into()), ..e.clone() };
    s.save_entry(noted.clone()).unwrap();
    assert_eq!(b.open().history().entries, std::slice::from_ref(&noted));
    assert_eq!(b.stored(&e.id), Some(stored_text(&noted)));
    assert!(s.remove(&e.id).unwrap());
    assert!(b.packs().is_empty() && b.get(&format!("bc:e:{}", e.id)).is_none(), "both copies are gone");
    assert!(b.open().history().entries.is_empty());
}

#[test]
fn one_id_in_two_places_is_one_entry_whatever_their_times() {
    // The same id under its own key, in a pack, and in a later pack, each edited
    // by hand to another time: the own key's record is the one shown.
    let e = check_in(5_000, 2);
    let moved = |at: i64| Entry { at_ms: at, ..e.clone() };
    let line = |at: i64| format!("{} {}", e.id, stored_text(&moved(at)));
    let other = check_in(9_000, 1);
    let b = shared_with(&[
        ("bc:meta", r#"{"schema":3}"#),
        (&format!("bc:e:{}", e.id), &stored_text(&e)),
        (&format!("bc:p:{}", e.id), &[line(1_000), format!("{} {}", other.id, stored_text(&other))].join("\n")),
        (&format!("bc:p:{}-2", e.id), &line(99_000)),
    ]);
    let s = b.open();
    assert_eq!(s.history().entries, [e.clone(), other.clone()]);
    // Without the own key, the first pack's line.
    b.knobs().map.remove(&format!("bc:e:{}", e.id));
    assert_eq!(b.open().history().entries, [moved(1_000), other]);
}

#[test]
fn a_pack_key_holding_something_else_is_never_overwritten() {
    let entries: Vec<Entry> = (1..=2).map(|i| check_in(i * 1_000, 4)).collect();
    let taken = format!("bc:p:{}", entries[0].id);
    let b = shared_with(&[(&taken, "another tab's pack")]);
    let mut s = b.open();
    s.import_json(&export_json(&History { entries: entries.clone(), events: vec![] }, 0)).unwrap();
    assert_eq!(b.get(&taken).as_deref(), Some("another tab's pack"));
    assert!(b.get(&format!("{taken}-2")).is_some());
    assert_eq!(b.open().history().entries, entries);
}

#[test]
fn an_import_refused_as_a_whole_changes_nothing() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    let e = s.import_json(r#"{"format":"burnout-check/history","version":7}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NewerVersion);
    assert!(s.history().entries.is_empty() && b.writes().is_empty());
}

// ---- remove, clear, drafts, refresh ----

#[test]
fn remove_deletes_the_record_and_reports_unknown_ids() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    let e = check_in(1_000, 3);
    let v = vacation("2026-03-07", "2026-03-21");
    s.save_entry(e.clone()).unwrap();
    s.add_event(v.clone()).unwrap();
    assert!(s.remove(&e.id).unwrap());
    assert!(s.remove(&v.id).unwrap());
    assert!(!s.remove("e-not-there").unwrap());
    assert!(s.history().entries.is_empty() && s.history().events.is_empty());
    assert_eq!(b.get(&format!("bc:e:{}", e.id)), None);
    assert!(b.open().history().entries.is_empty());
}

#[test]
fn an_unreadable_record_can_be_removed_by_its_id() {
    let b = shared_with(&[("bc:e:e1", "undefined")]);
    let mut s = b.open();
    assert!(s.remove("e1").unwrap());
    assert!(s.unreadable().is_empty());
    assert_eq!(b.get("bc:e:e1"), None);
}

#[test]
fn drafts_are_kept_across_visits_until_cleared() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    assert_eq!(s.load_draft(), None);
    let draft = parse(r#"{"form":"full","answers":{"fatigue_1":2}}"#, "").unwrap();
    s.save_draft(&draft).unwrap();
    assert_eq!(b.open().load_draft(), Some(draft));
    s.clear_draft().unwrap();
    assert_eq!(b.get("bc:draft"), None);
    assert_eq!(b.open().load_draft(), None);
    b.set_raw("bc:draft", "{not json");
    assert_eq!(b.open().load_draft(), None);
}

#[test]
fn refresh_sees_what_another_tab_wrote() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut tab_a = b.open();
    let mut tab_b = b.open();
    let e = check_in(1_000, 3);
    tab_a.save_entry(e.clone()).unwrap();
    assert!(tab_b.history().entries.is_empty());
    tab_b.refresh();
    assert_eq!(tab_b.history().entries, vec![e.clone()]);
    tab_a.remove(&e.id).unwrap();
    tab_b.refresh();
    assert!(tab_b.history().entries.is_empty());
}

/// Keys that are not ours, with values that are not JSON: none may be read, changed or removed.
const FOREIGN: &[(&str, &str)] = &[
    ("other-app:token", "s3cr3t"),
    ("bc:b:entry:e1", "a sibling namespace's record"),
    ("bc:b:meta", r#"{"schema":99}"#),
    ("bcd:meta", "{"),
    ("bc", "bare namespace"),
    ("bc:", ""),
    ("bc:entry:", "empty id"),
    ("bc:Entry:e1", "wrong case"),
    ("bc:meta:x", "meta with a suffix"),
    ("bc:entry:e1 ", "id with a space"),
    ("bc:entry:e/../x", "id with a path"),
    ("bc:e:", "empty id, schema 2"),
    ("bc:e:v1", "not an entry id"),
    ("bc:e:meta", "a sibling namespace bc:e"),
    ("bc:p:", "empty pack id"),
    ("bc:p:meta", "a sibling namespace bc:p"),
    ("bc:p:p:e1", "that namespace's pack"),
    ("bc:p:x1", "not an entry id, schema 3"),
    ("bc:p:e1 ", "pack id with a space"),
    ("bc:e:e1:x", "id with a colon"),
    ("bc:drafts", "\u{0}\u{FFFD} not json \r\n"),
    ("lang", "de"),
];

#[test]
fn other_keys_are_never_read_changed_or_removed_by_any_operation() {
    let b = shared_with(FOREIGN);
    let mut s = b.open();
    let e = check_in(1_000, 3);
    s.save_entry(e.clone()).unwrap();
    s.add_event(vacation("2026-03-07", "2026-03-21")).unwrap();
    s.save_draft(&Json::str("draft")).unwrap();
    s.import_json(&export_json(&History { entries: vec![check_in(2_000, 1)], events: vec![] }, 0)).unwrap();
    s.remove(&e.id).unwrap();
    s.refresh();
    let raw = parse(&s.export_raw(), "").unwrap();
    s.clear_draft().unwrap();
    s.clear().unwrap();

    for (k, v) in FOREIGN {
        assert_eq!(b.get(k).as_deref(), Some(*v), "{k:?} changed");
        assert!(raw.get(k).is_none(), "{k:?} is in the raw export");
    }
    let map = b.knobs();
    assert_eq!(map.map.len(), FOREIGN.len(), "clear left only the foreign keys");
    let reads = map.reads.borrow();
    let touched: Vec<&String> = map
        .writes
        .iter()
        .chain(reads.iter())
        .filter(|w| FOREIGN.iter().any(|(k, _)| w.ends_with(&format!(" {k}")) || *w == k))
        .collect();
    assert!(touched.is_empty(), "{touched:?}");
}

#[test]
fn the_raw_export_keeps_unreadable_text_exactly() {
    let good = check_in(1_000, 3);
    let b = shared_with(&[("bc:e:e1", "{\"id\":\"e1\",\u{1}"), (&format!("bc:e:{}", good.id), &stored_text(&good))]);
    let s = b.open();
    let raw = parse(&s.export_raw(), "").unwrap();
    assert_eq!(raw.get("bc:e:e1"), Some(&Json::str("{\"id\":\"e1\",\u{1}")));
    assert_eq!(raw.get(&format!("bc:e:{}", good.id)), Some(&Json::str(stored_text(&good))));
}

#[test]
fn clear_starts_over_and_the_next_record_writes_a_fresh_meta() {
    let b = Shared::new(NS, MemoryBackend::default());
    let mut s = b.open();
    s.save_entry(check_in(1_000, 3)).unwrap();
    s.clear().unwrap();
    assert!(b.map().is_empty());
    assert!(s.history().entries.is_empty());
    s.save_entry(check_in(2_000, 3)).unwrap();
    assert_eq!(b.get("bc:meta").as_deref(), Some(r#"{"schema":3}"#));
}

// ---- property: whatever fails, nothing is lost and nothing foreign is touched ----

mod ops {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    #[derive(Debug, Clone)]
    pub enum Op {
        Save(u8),
        Event(u8),
        Remove(u8),
        Import(Vec<u8>),
        Draft,
        Refresh,
        Clear,
        Quota(Option<usize>),
        FailWrites(bool),
        Garble,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0u8..8).prop_map(Op::Save),
            2 => (0u8..4).prop_map(Op::Event),
            2 => (0u8..8).prop_map(Op::Remove),
            1 => prop::collection::vec(0u8..8, 0..4).prop_map(Op::Import),
            1 => Just(Op::Draft),
            1 => Just(Op::Refresh),
            1 => Just(Op::Clear),
            1 => prop::option::of(0usize..4000).prop_map(Op::Quota),
            1 => any::<bool>().prop_map(Op::FailWrites),
            1 => Just(Op::Garble),
        ]
    }

    fn entry(i: u8) -> Entry {
        check_in(i64::from(i) * 86_400_000, i % 5)
    }

    fn event(i: u8) -> Event {
        vacation(&format!("2026-03-0{}", i + 1), "2026-03-09")
    }

    fn ids(s: &Store<Shared>) -> BTreeSet<String> {
        let h = s.history();
        h.entries.iter().map(|e| e.id.clone()).chain(h.events.iter().map(|e| e.id.clone())).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn no_sequence_of_operations_and_failures_loses_a_record(ops in prop::collection::vec(op(), 1..30)) {
            let b = shared_with(FOREIGN);
            let mut s = b.open();
            let mut expected = BTreeSet::new();
            for op in ops {
                match op {
                    Op::Save(i) => { let _ = s.save_entry(entry(i)); expected.insert(entry(i).id); }
                    Op::Event(i) => { let _ = s.add_event(event(i)); expected.insert(event(i).id); }
                    Op::Remove(i) => {
                        if let Ok(true) = s.remove(&entry(i).id) { expected.remove(&entry(i).id); }
                    }
                    Op::Import(list) => {
                        let h = History { entries: list.iter().map(|i| entry(*i)).collect(), events: vec![] };
                        let _ = s.import_json(&export_json(&h, 0));
                        expected.extend(h.entries.into_iter().map(|e| e.id));
                    }
                    Op::Draft => { let _ = s.save_draft(&Json::Num(1.0)); }
                    Op::Refresh => s.refresh(),
                    Op::Clear => {
                        let before = ids(&s);
                        let _ = s.clear();
                        prop_assert!(ids(&s).is_subset(&before));
                        expected = ids(&s);
                    }
                    Op::Quota(q) => b.knobs().quota_bytes = q.map(|q| q + 1200),
                    Op::FailWrites(f) => b.knobs().fail_writes = f,
                    Op::Garble => b.knobs().garble_sets = 1,
                }
                prop_assert_eq!(ids(&s), expected.clone(), "a record went missing");
                // What counts as saved is in storage exactly as it would be written.
                for e in &s.history().entries {
                    if s.is_saved(&e.id) {
                        prop_assert_eq!(b.stored(&e.id), Some(stored_text(e)));
                    }
                }
                for (k, v) in FOREIGN {
                    prop_assert_eq!(b.get(k), Some(v.to_string()));
                }
            }
            // The next visit finds exactly what was saved.
            b.knobs().fail_writes = false;
            let saved: BTreeSet<String> = ids(&s).into_iter().filter(|id| s.is_saved(id)).collect();
            let next = b.open();
            prop_assert_eq!(ids(&next), saved);
        }
    }
}
