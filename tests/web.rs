//! The exported API in a real browser (headless Chromium via wasm-bindgen-test):
//! what a host page or the element sees, including thrown errors and real localStorage.
#![cfg(target_arch = "wasm32")]

use burnout_check::bindings::{analyze, assess, has_texts, question_count, questionnaire, set_texts, HistoryStore};
use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

fn error_of(r: Result<JsValue, JsValue>) -> (String, String) {
    let e = r.expect_err("should throw");
    let err: js_sys::Error = e.clone().dyn_into().expect("a JS Error");
    (String::from(err.message()), get(&e, "kind").as_string().unwrap_or_default())
}

/// The text tables of this build (`npm run build` writes them first:
/// scripts/test.sh builds before it runs these tests). Every test that asks
/// for texts loads them: the tests share one instance, in no set order.
fn load_tables() {
    assert_eq!(set_texts(include_str!("../www/pkg/texts-en.json")).unwrap(), "en");
    assert_eq!(set_texts(include_str!("../www/pkg/texts-de.json")).unwrap(), "de");
    assert_eq!(set_texts(include_str!("../www/pkg/texts-es.json")).unwrap(), "es");
}

fn item_ids(form: &str) -> Vec<String> {
    load_tables();
    let q = questionnaire(js(&format!(r#"{{"form":"{form}","locale":"de"}}"#))).unwrap();
    let items: js_sys::Array = get(&q, "items").dyn_into().unwrap();
    items.iter().map(|i| get(&i, "id").as_string().unwrap()).collect()
}

fn all_answered(form: &str, value: u8) -> String {
    let answers: Vec<String> = item_ids(form).iter().map(|id| format!(r#""{id}":{value}"#)).collect();
    format!(r#"{{"form":"{form}","answers":{{{}}}}}"#, answers.join(","))
}

#[wasm_bindgen_test]
fn questionnaire_lists_the_forms_items_in_the_locale() {
    assert!((30..=34).contains(&item_ids("full").len()));
    assert!((8..=9).contains(&item_ids("quick").len()));
    let q = questionnaire(js(r#"{"form":"quick","locale":"es"}"#)).unwrap();
    assert_eq!(get(&q, "locale").as_string().as_deref(), Some("es"));
    assert_eq!(js_sys::Array::from(&get(&q, "scale")).length(), 5);
}

#[wasm_bindgen_test]
fn question_counts_need_no_texts_and_match_the_questionnaire() {
    assert_eq!(question_count("full").unwrap() as usize, item_ids("full").len());
    assert_eq!(question_count("quick").unwrap() as usize, item_ids("quick").len());
    let e = question_count("long").expect_err("an unknown form");
    let err: js_sys::Error = e.dyn_into().expect("a JS Error");
    assert!(String::from(err.message()).starts_with("form: "), "{}", String::from(err.message()));
}

#[wasm_bindgen_test]
fn the_english_table_gives_the_english_texts() {
    load_tables();
    let q = questionnaire(js(r#"{"form":"quick"}"#)).unwrap();
    let first = js_sys::Array::from(&get(&q, "items")).get(0);
    assert_eq!(get(&first, "text").as_string().as_deref(), Some("I feel tired even after a good night's sleep."));
}

#[wasm_bindgen_test]
fn the_german_table_gives_german_texts_and_a_newer_table_is_refused() {
    load_tables();
    assert!(has_texts("de") && has_texts("es") && has_texts("en") && !has_texts("fr"));
    let q = questionnaire(js(r#"{"form":"quick","locale":"de"}"#)).unwrap();
    let first = js_sys::Array::from(&get(&q, "items")).get(0);
    assert_eq!(get(&first, "text").as_string().as_deref(), Some("Ich bin müde, auch wenn ich gut geschlafen habe."));
    let newer = include_str!("../www/pkg/texts-de.json").replacen(r#""version":1"#, r#""version":2"#, 1);
    let e = set_texts(&newer).expect_err("a newer table");
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("newer_version"));
    assert!(has_texts("de"), "the loaded table stays");
}

#[wasm_bindgen_test]
fn assess_returns_plain_objects_with_every_index() {
    let r = assess(js(&all_answered("full", 3))).unwrap();
    assert!(get(&r, "profile").is_string());
    let indices = get(&r, "indices");
    for k in ["strain", "wear", "load", "mismatch", "compensation"] {
        assert!(get(&indices, k).as_f64().is_some(), "{k}");
    }
    assert!(js_sys::Array::is_array(&get(&r, "next_steps")));
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_naming_the_field() {
    let first = item_ids("quick")[0].clone();
    let (msg, kind) = error_of(assess(js(&format!(r#"{{"form":"quick","answers":{{"{first}":5}}}}"#))));
    assert_eq!(msg, format!("answers.{first}: 5 is outside 0..4"));
    assert_eq!(kind, "invalid");
    let (msg, _) = error_of(assess(js(&format!(r#"{{"form":"quick","answers":{{"{first}":2.5}}}}"#))));
    assert!(msg.starts_with(&format!("answers.{first}:")), "{msg}");
    let (msg, _) = error_of(assess(js(r#"{"form":"quick","answers":{"no_such_item":1}}"#)));
    assert!(msg.starts_with("answers.no_such_item:"), "{msg}");
    let (msg, _) = error_of(questionnaire(js(r#"{"form":"long"}"#)));
    assert!(msg.starts_with("form:"), "{msg}");
    let (msg, _) = error_of(questionnaire(js(r#"{"form":"full","locale":"fr"}"#)));
    assert!(msg.starts_with("locale:"), "{msg}");
    let (msg, _) = error_of(analyze(js(r#"{"readings":[{"at":"2026-02-30","strain":50}],"events":[],"today":"2026-04-01"}"#)));
    assert!(msg.starts_with("readings[0].at:"), "{msg}");
    // Not even plain data: a function.
    let (msg, kind) = error_of(assess(js_sys::Function::new_no_args("return 1").into()));
    assert!(!msg.is_empty());
    assert_eq!(kind, "invalid");
}

#[wasm_bindgen_test]
fn analyze_reads_a_faded_vacation() {
    let r = analyze(js(r#"{"readings":[
        {"at":"2026-03-01","strain":70},{"at":"2026-03-23","strain":40},{"at":"2026-04-10","strain":68}],
        "events":[{"kind":"rest","start":"2026-03-07","end":"2026-03-21","type":"vacation"}],
        "today":"2026-04-20"}"#))
    .unwrap();
    let rest = get(&r, "rest");
    let first = Reflect::get_u32(&rest, 0).unwrap();
    assert_eq!(get(&first, "state").as_string().as_deref(), Some("faded"));
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn save_request(value: u8, at: f64, date: &str) -> JsValue {
    let body = all_answered("quick", value);
    js(&format!(r#"{{{}, "at":{at}, "date":"{date}", "note":"<b>kept</b>"}}"#, &body[1..body.len() - 1]))
}

#[wasm_bindgen_test]
fn the_store_keeps_history_in_local_storage_and_leaves_other_keys_alone() {
    let s = storage();
    s.set_item("other-app", "{not json").unwrap();
    let mut store = HistoryStore::new(Some("wbt-a".into()));
    store.clear().unwrap();
    store.save(save_request(3, 1_767_000_000_000.0, "2025-12-29")).unwrap();
    store.save(save_request(1, 1_768_000_000_000.0, "2026-01-09")).unwrap();
    let reopened = HistoryStore::new(Some("wbt-a".into()));
    let loaded = reopened.load().unwrap();
    let entries = js_sys::Array::from(&get(&loaded, "entries"));
    assert_eq!(entries.length(), 2);
    assert_eq!(get(&entries.get(0), "note").as_string().as_deref(), Some("<b>kept</b>"));
    assert_eq!(get(&entries.get(0), "saved").as_bool(), Some(true));
    let mut reopened = reopened;
    reopened.clear().unwrap();
    assert_eq!(s.get_item("other-app").unwrap().as_deref(), Some("{not json"));
    assert_eq!(js_sys::Array::from(&get(&HistoryStore::new(Some("wbt-a".into())).load().unwrap(), "entries")).length(), 0);
    s.remove_item("other-app").unwrap();
}

#[wasm_bindgen_test]
fn entries_are_stored_compact_and_a_schema_1_entry_in_real_storage_is_migrated() {
    let s = storage();
    let mut store = HistoryStore::new(Some("wbt-c".into()));
    store.clear().unwrap();
    let saved = store.save(save_request(3, 1_767_000_000_000.0, "2025-12-29")).unwrap();
    let entry = get(&saved, "entry");
    let id = get(&entry, "id").as_string().unwrap();
    let key = format!("wbt-c:e:{id}");
    let stored = s.get_item(&key).unwrap().unwrap();
    assert!(key.len() + stored.len() < 200, "{stored}");
    assert!(!stored.contains("\"r\""), "the result is recomputed, not stored: {stored}");
    // The whole entry on demand, and the brief one in the list.
    assert_eq!(JSON::stringify(&store.entry(id.clone()).unwrap()).unwrap(), JSON::stringify(&entry).unwrap());
    let columns = get(&store.overview().unwrap(), "entries");
    assert_eq!(js_sys::Array::from(&get(&columns, "strain")).get(0).as_f64(), get(&get(&get(&entry, "result"), "indices"), "strain").as_f64());
    // The same entry as schema 1 stored it: copied compact, the old key kept until the next start.
    let old = store.entry(id.clone()).unwrap(); // schema 1 held what `entry` gives, but `saved`
    js_sys::Reflect::delete_property(&old.clone().into(), &"saved".into()).unwrap();
    store.clear().unwrap();
    s.set_item("wbt-c:meta", r#"{"schema":1}"#).unwrap();
    s.set_item(&format!("wbt-c:entry:{id}"), &String::from(JSON::stringify(&old).unwrap())).unwrap();
    let first = HistoryStore::new(Some("wbt-c".into()));
    assert_eq!(s.get_item(&key).unwrap().as_deref(), Some(stored.as_str()), "copied to the same compact text");
    assert!(s.get_item(&format!("wbt-c:entry:{id}")).unwrap().is_some());
    assert_eq!(s.get_item("wbt-c:meta").unwrap().as_deref(), Some(r#"{"schema":3}"#));
    Reflect::set(&old, &"saved".into(), &JsValue::TRUE).unwrap();
    let loaded = js_sys::Array::from(&get(&first.load().unwrap(), "entries")).get(0);
    assert_eq!(JSON::stringify(&loaded).unwrap(), JSON::stringify(&old).unwrap());
    let mut second = HistoryStore::new(Some("wbt-c".into()));
    assert!(s.get_item(&format!("wbt-c:entry:{id}")).unwrap().is_none(), "removed on the next start");
    second.clear().unwrap();
}

#[wasm_bindgen_test]
fn an_import_in_real_storage_goes_in_packs_that_a_new_store_reads_and_a_removal_rewrites() {
    let s = storage();
    let mut from = HistoryStore::new(Some("wbt-p-from".into()));
    from.clear().unwrap();
    let ids: Vec<String> = (0..3)
        .map(|i| {
            let saved = from.save(save_request(i, 1_767_000_000_000.0 + f64::from(i) * 86_400_000.0, &format!("2025-12-2{}", 6 + i))).unwrap();
            get(&get(&saved, "entry"), "id").as_string().unwrap()
        })
        .collect();
    let mut to = HistoryStore::new(Some("wbt-p".into()));
    to.clear().unwrap();
    to.import_json(from.export_json().into()).unwrap();
    let packs: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).filter(|k| k.starts_with("wbt-p:p:")).collect();
    assert_eq!(packs.len(), 1, "{packs:?}");
    let pack = s.get_item(&packs[0]).unwrap().unwrap();
    let mut line_ids: Vec<&str> = pack.split('\n').map(|l| l.split(' ').next().unwrap()).collect();
    line_ids.sort();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(line_ids, sorted);
    assert!((0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).all(|k| !k.starts_with("wbt-p:e:")), "no entry under its own key");
    // A new store reads them; a removal takes one line out; the last takes the pack.
    let mut again = HistoryStore::new(Some("wbt-p".into()));
    assert_eq!(overview_of(&again).0.len(), 3);
    again.remove(ids[1].clone()).unwrap();
    assert_eq!(s.get_item(&packs[0]).unwrap().unwrap().split('\n').count(), 2);
    assert_eq!(overview_of(&HistoryStore::new(Some("wbt-p".into()))).0.len(), 2);
    again.remove(ids[0].clone()).unwrap();
    again.remove(ids[2].clone()).unwrap();
    assert!(s.get_item(&packs[0]).unwrap().is_none());
    again.clear().unwrap();
    from.clear().unwrap();
}

#[wasm_bindgen_test]
fn an_import_reads_a_file_as_bytes_and_refuses_what_is_not_utf8_text_keeping_the_history() {
    let mut from = HistoryStore::new(Some("wbt-b-from".into()));
    from.clear().unwrap();
    from.save(save_request(3, 1_767_000_000_000.0, "2025-12-29")).unwrap();
    from.save(save_request(1, 1_768_000_000_000.0, "2026-01-09")).unwrap();
    // A note that is not ASCII, so the bytes are not one per character.
    from.add_event(js(r#"{"kind":"change","date":"2026-01-02","what":"team","note":"équipe — 新しい"}"#)).unwrap();
    let text = from.export_json();
    let mut to = HistoryStore::new(Some("wbt-b".into()));
    to.clear().unwrap();
    // With a byte order mark, as some editors save a file.
    let bytes = js_sys::Uint8Array::from([&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat().as_slice());
    let added = to.import_json(bytes.into()).unwrap();
    assert_eq!((get(&added, "entries_added").as_f64(), get(&added, "events_added").as_f64()), (Some(2.0), Some(1.0)));
    assert!(to.export_json().contains("équipe — 新しい"), "the note read as UTF-8");
    // Not UTF-8, not a file at all: clear errors, and nothing lost.
    let (msg, kind) = error_of(to.import_json(js_sys::Uint8Array::from(&[0x7b, 0xff, 0xfe, 0x7d][..]).into()));
    assert_eq!((msg.as_str(), kind.as_str()), ("this is not a burnout-check export (it is not UTF-8 text)", "invalid"));
    for not_a_file in [JsValue::from(42), JsValue::NULL, js(r#"{"entries":[]}"#), js_sys::Uint8Array::new_with_length(0).into()] {
        let (msg, _) = error_of(to.import_json(not_a_file));
        assert!(msg.contains("not a burnout-check export"), "{msg}");
    }
    assert_eq!(overview_of(&to).0.len(), 2);
    assert_eq!(overview_of(&HistoryStore::new(Some("wbt-b".into()))).0.len(), 2, "and in storage");
    // The same file again, as text: all skipped.
    assert_eq!(get(&to.import_json(text.into()).unwrap(), "skipped").as_f64(), Some(3.0));
    to.clear().unwrap();
    from.clear().unwrap();
}

/// The overview's entries as `id:saved` pairs, and its events' count.
fn overview_of(store: &HistoryStore) -> (Vec<String>, u32) {
    let o = store.overview().unwrap();
    let column = |name: &str| js_sys::Array::from(&get(&get(&o, "entries"), name));
    let ids = column("id").iter().zip(column("saved").iter()).map(|(id, saved)| format!("{}:{}", id.as_string().unwrap(), saved.as_bool().unwrap())).collect();
    (ids, js_sys::Array::from(&get(&o, "events")).length())
}

#[wasm_bindgen_test]
fn the_overview_kept_between_calls_follows_every_change() {
    let s = storage();
    let mut store = HistoryStore::new(Some("wbt-o".into()));
    store.clear().unwrap();
    assert_eq!(overview_of(&store), (vec![], 0));
    let a = get(&get(&store.save(save_request(3, 1_767_000_000_000.0, "2025-12-29")).unwrap(), "entry"), "id").as_string().unwrap();
    assert_eq!(overview_of(&store), (vec![format!("{a}:true")], 0), "a save");
    // A fresh object each time: changing one does not change the next.
    Reflect::set(&store.overview().unwrap(), &"entries".into(), &JsValue::NULL).unwrap();
    assert_eq!(overview_of(&store).0.len(), 1);
    store.add_event(js(r#"{"kind":"change","date":"2025-12-30","what":"role"}"#)).unwrap();
    assert_eq!(overview_of(&store).1, 1, "an event");
    // Another tab saves: seen after refresh().
    let mut other = HistoryStore::new(Some("wbt-o".into()));
    let b = get(&get(&other.save(save_request(1, 1_768_000_000_000.0, "2026-01-09")).unwrap(), "entry"), "id").as_string().unwrap();
    assert_eq!(overview_of(&store).0.len(), 1, "not before refresh()");
    store.refresh();
    assert_eq!(overview_of(&store), (vec![format!("{a}:true"), format!("{b}:true")], 1), "refresh()");
    // An import of what the other tab holds adds nothing; a removal and a save that cannot be stored show.
    store.import_json(other.export_json().into()).unwrap();
    assert_eq!(overview_of(&store).0.len(), 2);
    store.remove(b.clone()).unwrap();
    assert_eq!(overview_of(&store), (vec![format!("{a}:true")], 1), "a removal");
    let blocked = Reflect::get(&js_sys::global(), &"Storage".into()).unwrap();
    let proto = Reflect::get(&blocked, &"prototype".into()).unwrap();
    let real = Reflect::get(&proto, &"setItem".into()).unwrap();
    Reflect::set(&proto, &"setItem".into(), &js_sys::Function::new_no_args("throw new DOMException('full', 'QuotaExceededError')")).unwrap();
    let unsaved = store.save(save_request(0, 1_769_000_000_000.0, "2026-01-21"));
    Reflect::set(&proto, &"setItem".into(), &real).unwrap();
    assert!(unsaved.is_err());
    let (ids, _) = overview_of(&store);
    assert_eq!(ids.len(), 2);
    assert!(ids[1].ends_with(":false"), "kept in memory, marked unsaved: {ids:?}");
    store.clear().unwrap();
    assert_eq!(overview_of(&store), (vec![], 0), "clear()");
    other.clear().unwrap();
    assert!(s.get_item("wbt-o:meta").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_full_quota_is_a_typed_error_and_the_entry_stays_in_memory() {
    let mut store = HistoryStore::new(Some("wbt-b".into()));
    store.clear().unwrap();
    store.save(save_request(2, 1_767_000_000_000.0, "2025-12-29")).unwrap();
    // Make setItem throw a non-Error value, then a DOMException named QuotaExceededError.
    let proto = Reflect::get(&js_sys::global(), &"Storage".into()).and_then(|s| Reflect::get(&s, &"prototype".into())).unwrap();
    let original = Reflect::get(&proto, &"setItem".into()).unwrap();
    let throw_string = js_sys::Function::new_no_args("throw 'nope'");
    Reflect::set(&proto, &"setItem".into(), &throw_string).unwrap();
    let (_, kind) = error_of(store.save(save_request(3, 1_768_000_000_000.0, "2026-01-09")));
    assert_eq!(kind, "storage");
    let throw_quota = js_sys::Function::new_no_args("throw new DOMException('full', 'QuotaExceededError')");
    Reflect::set(&proto, &"setItem".into(), &throw_quota).unwrap();
    let (msg, kind) = error_of(store.save(save_request(4, 1_769_000_000_000.0, "2026-01-20")));
    Reflect::set(&proto, &"setItem".into(), &original).unwrap();
    assert_eq!(kind, "quota", "{msg}");
    let entries = js_sys::Array::from(&get(&store.load().unwrap(), "entries"));
    assert_eq!(entries.length(), 3, "the unsaved results stay in memory");
    assert_eq!(get(&entries.get(0), "saved").as_bool(), Some(true));
    assert_eq!(get(&entries.get(2), "saved").as_bool(), Some(false));
    assert!(store.export_json().contains(&get(&entries.get(2), "id").as_string().unwrap()));
    let reopened = HistoryStore::new(Some("wbt-b".into()));
    assert_eq!(js_sys::Array::from(&get(&reopened.load().unwrap(), "entries")).length(), 1, "older entry untouched");
    store.clear().unwrap();
}

#[wasm_bindgen_test]
fn the_warm_up_imports_a_made_up_history_in_memory_and_touches_no_storage() {
    load_tables(); // as in the page: the element loads its texts before anything opens
    let s = storage();
    s.set_item("wbt-w:other", "kept").unwrap();
    let snapshot = |s: &web_sys::Storage| -> Vec<(String, String)> {
        let mut all: Vec<_> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).map(|k| { let v = s.get_item(&k).unwrap().unwrap(); (k, v) }).collect();
        all.sort();
        all
    };
    let before = snapshot(&s);
    // Any write would throw: the warm-up must not need one.
    let proto = Reflect::get(&js_sys::global(), &"Storage".into()).and_then(|s| Reflect::get(&s, &"prototype".into())).unwrap();
    let originals: Vec<_> = ["setItem", "removeItem", "clear"].iter().map(|n| (*n, Reflect::get(&proto, &(*n).into()).unwrap())).collect();
    let throw = js_sys::Function::new_no_args("throw new Error('the warm-up wrote to storage')");
    for (n, _) in &originals {
        Reflect::set(&proto, &(*n).into(), &throw).unwrap();
    }
    let added = HistoryStore::warm_up(Some("de".into()));
    for (n, f) in &originals {
        Reflect::set(&proto, &(*n).into(), f).unwrap();
    }
    assert_eq!(added.unwrap(), 400, "every made-up check imported");
    assert_eq!(snapshot(&s), before);
    s.remove_item("wbt-w:other").unwrap();
}
