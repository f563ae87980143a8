//! The store over the committed storage snapshots in tests/fixtures/storage/
//! (the same ones the browser tests seed into real localStorage): schemas 0 and
//! 1 migrated copy-on-write, damaged and foreign keys left as they were, a newer
//! schema never written.

use burnout_check::error::ErrorKind;
use burnout_check::history::exchange::export_json;
use burnout_check::history::History;
use burnout_check::json::{parse, Json};
use burnout_check::storage::{MemoryBackend, Store, SCHEMA_VERSION};
use burnout_check::vecmap::VecMap;

mod shared_backend;
use shared_backend::Shared;

const NS: &str = "burnout-check";

/// Storage holding the snapshot `name`, shared with every store the test opens.
fn shared_of(name: &str) -> Shared {
    Shared::new(NS, MemoryBackend { map: snapshot(name), ..MemoryBackend::default() })
}

/// A snapshot file: key -> raw value.
fn snapshot(name: &str) -> VecMap<String, String> {
    let path = format!("{}/tests/fixtures/storage/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    match parse(&text, "").unwrap() {
        Json::Obj(members) => members
            .into_iter()
            .map(|(k, v)| match v {
                Json::Str(s) => (k.into_owned(), s),
                other => panic!("{k} is not a string: {other:?}"),
            })
            .collect(),
        _ => panic!("{name} is not an object"),
    }
}


/// The schema-2 entry keys (the copies a migration makes).
fn entry_keys(map: &VecMap<String, String>) -> Vec<String> {
    map.keys().filter(|k| k.starts_with("burnout-check:e:")).cloned().collect()
}

/// The schema-1 entry keys.
fn old_keys(map: &VecMap<String, String>) -> Vec<String> {
    map.keys().filter(|k| k.starts_with("burnout-check:entry:")).cloned().collect()
}

fn dates(s: &Store<Shared>) -> Vec<String> {
    s.history().entries.iter().map(|e| e.date.to_string()).collect()
}

/// Every key of `before` not in our namespace's patterns, unchanged in `after`.
fn assert_foreign_unchanged(before: &VecMap<String, String>, after: &VecMap<String, String>) {
    for (k, v) in before {
        let ours = k == "burnout-check:meta"
            || k == "burnout-check:history"
            || k == "burnout-check:draft"
            || k.strip_prefix("burnout-check:entry:").is_some_and(|id| id.starts_with('e') && !id.contains('/'))
            || k.strip_prefix("burnout-check:e:").is_some_and(|id| id.starts_with('e') && !id.contains('/'))
            || k.strip_prefix("burnout-check:event:").is_some_and(|id| id.starts_with('v'));
        if !ours {
            assert_eq!(after.get(k), Some(v), "{k:?} changed");
        }
    }
}

// ---- schema 0 ----

#[test]
fn schema_0_is_shown_at_once_and_copied_entry_by_entry_with_the_old_key_kept() {
    let b = shared_of("schema0.json");
    let before = b.map();
    let s = b.open();
    assert_eq!(dates(&s), ["2026-03-02", "2026-03-26", "2026-04-06"]);
    assert!(s.history().entries.iter().all(|e| s.is_saved(&e.id)));
    let after = b.map();
    assert_eq!(after.get("burnout-check:history"), before.get("burnout-check:history"), "the old key is kept byte for byte");
    assert_eq!(entry_keys(&after).len(), 3);
    assert_eq!(after.get("burnout-check:meta").map(String::as_str), Some(r#"{"schema":3}"#));
    assert_eq!(s.status().schema, SCHEMA_VERSION);
    // The meta comes last: storage never claims schema 2 before every copy is in.
    assert_eq!(b.writes().last().map(String::as_str), Some("set burnout-check:meta"));
    assert_foreign_unchanged(&before, &after);
    // The note with markup came across exactly.
    assert!(s.history().entries.iter().any(|e| e.note.as_deref() == Some("<b>bold?</b> & fine")));
}

#[test]
fn the_next_start_finds_every_copy_and_only_then_removes_the_old_key_and_after_that_opening_writes_nothing() {
    let b = shared_of("schema0.json");
    let first = dates(&b.open());
    let copies = entry_keys(&b.map());
    let second = b.open();
    assert!(!b.map().contains_key("burnout-check:history"), "removed on the next start");
    assert_eq!(dates(&second), first);
    assert_eq!(entry_keys(&b.map()), copies);

    let writes = b.writes().len();
    let third = b.open();
    assert_eq!(b.writes().len(), writes, "re-running the migration is a no-op");
    assert_eq!(dates(&third), first);
}

#[test]
fn a_full_storage_halfway_through_the_migration_leaves_the_old_key_complete_and_the_next_start_finishes() {
    let b = shared_of("schema0.json");
    let before = b.map();
    b.knobs().sets_before_quota = Some(1);
    let s = b.open();
    assert_eq!(dates(&s), ["2026-03-02", "2026-03-26", "2026-04-06"], "all shown from the old key");
    let after = b.map();
    assert_eq!(after.get("burnout-check:history"), before.get("burnout-check:history"));
    assert_eq!(entry_keys(&after).len(), 1, "one copy made before the quota");
    assert!(!after.contains_key("burnout-check:meta"), "no meta while copies are missing");
    assert_eq!(s.status().schema, 0);

    b.knobs().sets_before_quota = None;
    let s = b.open();
    assert_eq!(entry_keys(&b.map()).len(), 3, "no duplicates");
    assert!(b.map().contains_key("burnout-check:history"), "kept until the start after the copies");
    assert_eq!(dates(&s), ["2026-03-02", "2026-03-26", "2026-04-06"]);
    b.open();
    assert!(!b.map().contains_key("burnout-check:history"));
    assert_eq!(dates(&b.open()), ["2026-03-02", "2026-03-26", "2026-04-06"]);
}

#[test]
fn a_copy_that_reads_back_differently_stops_the_migration_and_keeps_the_old_key() {
    let b = shared_of("schema0.json");
    let before = b.map();
    b.knobs().garble_sets = 1;
    let s = b.open();
    assert_eq!(s.history().entries.len(), 3);
    assert_eq!(b.map().get("burnout-check:history"), before.get("burnout-check:history"));
    assert!(entry_keys(&b.map()).is_empty(), "the garbled copy was undone");
    b.open();
    b.open();
    assert_eq!(entry_keys(&b.map()).len(), 3);
    assert!(!b.map().contains_key("burnout-check:history"));
}

#[test]
fn an_entry_deleted_during_the_migration_window_does_not_come_back() {
    let b = shared_of("schema0.json");
    let mut s = b.open();
    let id = s.history().entries[1].id.clone();
    assert!(s.remove(&id).unwrap());
    assert_eq!(dates(&b.open()), ["2026-03-02", "2026-04-06"]);
    assert_eq!(dates(&b.open()), ["2026-03-02", "2026-04-06"]);
}

#[test]
fn a_damaged_old_history_is_listed_and_never_removed() {
    let mut map = snapshot("schema0.json");
    let raw = map["burnout-check:history"].clone();
    let damaged = format!("{}, {{\"at\": \"soon\"}}]", &raw[..raw.len() - 1]);
    map.insert("burnout-check:history".into(), damaged.clone());
    let b = Shared::new(NS, MemoryBackend { map, ..MemoryBackend::default() });
    let s = b.open();
    assert_eq!(s.history().entries.len(), 3, "the readable items are shown");
    assert_eq!(s.unreadable().len(), 1);
    assert_eq!(s.unreadable()[0].raw, damaged);
    b.open();
    b.open();
    assert_eq!(b.map().get("burnout-check:history"), Some(&damaged));
    assert_eq!(entry_keys(&b.map()).len(), 3);
}

#[test]
fn newer_storage_with_an_old_key_beside_it_is_not_migrated() {
    let mut map = snapshot("newer_schema.json");
    map.insert("burnout-check:history".into(), snapshot("schema0.json")["burnout-check:history"].clone());
    let b = Shared::new(NS, MemoryBackend { map, ..MemoryBackend::default() });
    let s = b.open();
    assert!(s.status().read_only);
    assert!(b.writes().is_empty());
}

// ---- schema 1: each entry with its whole result under `entry:<id>` ----

/// The schema-1 entries of the snapshot as that schema's reader saw them.
fn schema1_entries() -> Vec<burnout_check::history::Entry> {
    let map = snapshot("schema1.json");
    let mut out: Vec<_> = old_keys(&map)
        .iter()
        .filter_map(|k| burnout_check::history::record::entry_from_json(&parse(&map[k.as_str()], "").ok()?, "").ok())
        .collect();
    out.sort_by(|a, b| (a.at_ms, &a.id).cmp(&(b.at_ms, &b.id)));
    out
}

#[test]
fn schema_1_is_copied_compact_with_every_result_as_it_was_and_the_old_keys_kept() {
    let b = shared_of("schema1.json");
    let before = b.map();
    let s = b.open();
    let expected = schema1_entries();
    assert_eq!(expected.len(), 5);
    assert_eq!(s.history().entries, expected, "every entry, answers, notes and results exactly as stored");
    assert!(s.history().entries.iter().all(|e| s.is_saved(&e.id)));
    assert_eq!(s.history().events.len(), 1);
    let after = b.map();
    for k in old_keys(&before) {
        assert_eq!(after.get(&k), before.get(&k), "{k} kept byte for byte");
    }
    assert_eq!(entry_keys(&after).len(), 5, "one compact copy per readable entry");
    for k in entry_keys(&after) {
        assert!(after[k.as_str()].len() < before[k.replace(":e:", ":entry:").as_str()].len(), "{k} is shorter");
    }
    // A result the scorer gives back is left out: the full-form check the tool
    // itself saved (every context answer and a note) takes 1,486 characters with
    // its key in schema 1 and 250 here. The hand-written ones keep their results
    // (their constructs are partial, so recomputing would not give them back).
    let saved_by_the_tool = "burnout-check:e:e273f5cbbf2505dcb";
    assert!(!after[saved_by_the_tool].contains("\"r\""));
    assert!(saved_by_the_tool.len() + after[saved_by_the_tool].len() <= 250, "{}", after[saved_by_the_tool]);
    assert!(after["burnout-check:e:e3f1a9c07b2d4e581"].contains("\"r\""));
    // The damaged record is listed with its raw text, never copied.
    assert_eq!(s.unreadable().len(), 1);
    assert_eq!((s.unreadable()[0].key.as_str(), s.unreadable()[0].raw.as_str()), ("burnout-check:entry:e99undefined00001", "undefined"));
    assert_eq!(after.get("burnout-check:meta").map(String::as_str), Some(r#"{"schema":3}"#));
    assert_eq!(b.writes().last().map(String::as_str), Some("set burnout-check:meta"), "the meta comes last");
    assert_eq!(s.status().schema, SCHEMA_VERSION);
    assert_foreign_unchanged(&before, &after);
}

#[test]
fn schema_1_keys_go_only_on_the_start_after_the_copies_and_the_damaged_one_stays() {
    let b = shared_of("schema1.json");
    let first = b.open().history().clone();
    let second = b.open();
    assert_eq!(second.history(), &first);
    assert_eq!(old_keys(&b.map()), ["burnout-check:entry:e99undefined00001"], "only the damaged record is left");
    assert_eq!(second.unreadable().len(), 1);
    let writes = b.writes().len();
    let third = b.open();
    assert_eq!(b.writes().len(), writes, "after that, opening writes nothing");
    assert_eq!(third.history(), &first);
    assert_eq!(third.unreadable()[0].raw, "undefined");
}

#[test]
fn a_full_storage_halfway_through_migrating_schema_1_keeps_every_old_key_and_the_next_start_finishes() {
    let b = shared_of("schema1.json");
    let before = b.map();
    b.knobs().sets_before_quota = Some(2);
    let s = b.open();
    assert_eq!(s.history().entries, schema1_entries(), "all shown, copied or not");
    let after = b.map();
    assert_eq!(entry_keys(&after).len(), 2, "two copies made before the quota");
    assert_eq!(old_keys(&after), old_keys(&before));
    assert_eq!(after.get("burnout-check:meta"), before.get("burnout-check:meta"), "no new meta while copies are missing");
    assert_eq!(s.status().schema, 1);

    b.knobs().sets_before_quota = None;
    let s = b.open();
    assert_eq!(entry_keys(&b.map()).len(), 5, "no duplicates");
    assert_eq!(old_keys(&b.map()).len(), 6, "kept until the start after the copies");
    assert_eq!(s.history().entries, schema1_entries());
    assert_eq!(b.open().history().entries, schema1_entries());
    assert_eq!(old_keys(&b.map()).len(), 1);
}

#[test]
fn a_schema_1_copy_that_reads_back_differently_is_undone_and_the_old_key_kept() {
    let b = shared_of("schema1.json");
    let before = b.map();
    b.knobs().garble_sets = 1;
    let s = b.open();
    assert_eq!(s.history().entries, schema1_entries());
    assert!(entry_keys(&b.map()).is_empty(), "the garbled copy was undone and the migration stopped");
    assert_eq!(old_keys(&b.map()), old_keys(&before));
    b.open();
    b.open();
    assert_eq!(entry_keys(&b.map()).len(), 5);
    assert_eq!(b.open().history().entries, schema1_entries());
}

#[test]
fn a_schema_1_entry_deleted_during_the_migration_window_does_not_come_back() {
    let b = shared_of("schema1.json");
    let mut s = b.open();
    let id = s.history().entries[1].id.clone();
    assert!(s.remove(&id).unwrap());
    assert!(!b.map().contains_key(&format!("burnout-check:entry:{id}")));
    assert!(!b.map().contains_key(&format!("burnout-check:e:{id}")));
    assert_eq!(b.open().history().entries.len(), 4);
    assert_eq!(b.open().history().entries.len(), 4);
}

#[test]
fn schema_1_under_a_corrupt_meta_is_not_migrated_until_a_save_writes_a_good_meta() {
    let mut map = snapshot("schema1.json");
    map.insert("burnout-check:meta".into(), "{\"sche".into());
    let b = Shared::new(NS, MemoryBackend { map, ..MemoryBackend::default() });
    let mut s = b.open();
    assert_eq!(s.history().entries, schema1_entries(), "shown from the old keys");
    assert!(b.writes().is_empty(), "the schema is unknown: opening writes nothing");
    let event = burnout_check::history::record::parse_event_input(&parse(r#"{"kind":"change","date":"2026-04-01","what":"team"}"#, "").unwrap()).unwrap();
    s.add_event(event).unwrap();
    assert_eq!(b.get("burnout-check:meta").as_deref(), Some(r#"{"schema":3}"#));
    b.open();
    assert_eq!(entry_keys(&b.map()).len(), 5, "the next start copies them");
    assert_eq!(b.open().history().entries, schema1_entries());
}

#[test]
fn newer_storage_with_schema_1_keys_beside_it_is_not_migrated() {
    let mut map = snapshot("newer_schema.json");
    for (k, v) in snapshot("schema1.json") {
        if k.starts_with("burnout-check:entry:") {
            map.insert(k, v);
        }
    }
    let b = Shared::new(NS, MemoryBackend { map, ..MemoryBackend::default() });
    let s = b.open();
    assert!(s.status().read_only);
    assert!(b.writes().is_empty());
    assert!(s.history().entries.len() >= 4, "what can be read is shown");
}

// ---- snapshots of the other faults ----

#[test]
fn a_newer_schema_is_read_only_and_no_operation_writes_a_byte() {
    let b = shared_of("newer_schema.json");
    let before = b.map();
    let mut s = b.open();
    let st = s.status();
    assert!(st.read_only && st.persistent);
    assert_eq!(st.schema, 4);
    assert!(st.reason.is_some());
    let e = s.history().entries.first().cloned().unwrap();
    assert_eq!(s.save_entry(e.clone()).map_err(|e| e.kind), Ok(()), "an identical stored entry needs no write");
    let mut changed = e.clone();
    changed.note = Some("later".into());
    assert_eq!(s.save_entry(changed).unwrap_err().kind, ErrorKind::ReadOnly);
    assert_eq!(s.remove(&e.id).unwrap_err().kind, ErrorKind::ReadOnly);
    assert_eq!(s.clear().unwrap_err().kind, ErrorKind::ReadOnly);
    assert_eq!(s.save_draft(&Json::Num(1.0)).unwrap_err().kind, ErrorKind::ReadOnly);
    assert!(s.import_json(&export_json(&History::default(), 0)).is_ok());
    s.refresh();
    assert!(b.writes().is_empty(), "{:?}", b.writes());
    assert_eq!(b.map(), before);
}

#[test]
fn a_corrupt_meta_rebuilds_from_the_entry_keys_and_overwrites_no_entry() {
    let b = shared_of("corrupt_meta.json");
    let before = b.map();
    let s = b.open();
    assert_eq!(dates(&s), ["2026-03-02", "2026-03-26"]);
    assert!(b.writes().is_empty(), "opening writes nothing");
    assert!(!s.status().read_only);
    let raw = parse(&s.export_raw(), "").unwrap();
    assert_eq!(raw.get("burnout-check:meta"), Some(&Json::str("{\"sche")), "the damaged meta is in the raw export");
    let mut s = s;
    s.import_json(&export_json(&History { entries: vec![], events: vec![] }, 0)).unwrap();
    s.add_event(s.history().events.first().cloned().unwrap_or_else(|| burnout_check::history::record::parse_event_input(
        &parse(r#"{"kind":"change","date":"2026-04-01","what":"team"}"#, "").unwrap()).unwrap())).unwrap();
    let after = b.map();
    for k in entry_keys(&before) {
        assert_eq!(after.get(&k), before.get(&k), "{k} rewritten");
    }
    assert_eq!(after.get("burnout-check:meta").map(String::as_str), Some(r#"{"schema":3}"#));
    assert_eq!(after.get("theme").map(String::as_str), Some("dark"));
}

#[test]
fn corrupt_entries_are_listed_with_their_raw_text_and_every_operation_keeps_them() {
    let b = shared_of("corrupt_entry.json");
    let before = b.map();
    let mut s = b.open();
    assert_eq!(dates(&s), ["2026-03-02"]);
    let unreadable: VecMap<_, _> = s.unreadable().iter().map(|u| (u.key.clone(), u.raw.clone())).collect();
    assert_eq!(unreadable.len(), 2);
    for (k, raw) in &unreadable {
        assert_eq!(Some(raw), before.get(k), "{k} raw text kept exactly");
    }
    assert_eq!(unreadable.get("burnout-check:e:e99undefined00001").map(String::as_str), Some("undefined"));
    s.import_json(&export_json(&History::default(), 0)).unwrap();
    s.save_draft(&Json::Num(1.0)).unwrap();
    let raw = parse(&s.export_raw(), "").unwrap();
    for (k, v) in &unreadable {
        assert_eq!(raw.get(k), Some(&Json::str(v)));
    }
    let after = b.map();
    for k in unreadable.keys() {
        assert_eq!(after.get(k), before.get(k));
    }
}

#[test]
fn foreign_keys_survive_every_operation_including_delete_all() {
    let b = shared_of("foreign_keys.json");
    let before = b.map();
    let mut s = b.open();
    assert_eq!(s.history().entries.len(), 2);
    let id = s.history().entries[0].id.clone();
    s.save_draft(&Json::str("x")).unwrap();
    s.remove(&id).unwrap();
    s.import_json(&export_json(&History::default(), 0)).unwrap();
    let raw = parse(&s.export_raw(), "").unwrap();
    s.clear().unwrap();
    let after = b.map();
    assert_foreign_unchanged(&before, &after);
    assert!(after.keys().all(|k| before.contains_key(k)));
    assert_eq!(after.len(), before.len() - 4, "exactly our four keys went");
    for k in before.keys().filter(|k| !k.starts_with("burnout-check:e") && *k != "burnout-check:meta") {
        assert!(raw.get(k).is_none(), "{k} is in the raw export");
    }
}
