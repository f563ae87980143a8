//! Every `#[wasm_bindgen]` export. Converts JS values to [`Json`], hands them to
//! the core, and turns results into plain objects and failures into JS `Error`s
//! with a `kind` property. No logic of the model lives here.
//!
//! Values cross the boundary without serde: inputs are walked once into [`Json`]
//! (so every refusal can name its field), outputs leave as JSON text for
//! `JSON.parse`. That drops serde's per-type code from the module and spares
//! thousands of boundary crossings when a long history is loaded.

use crate::date::Date;
use crate::error::{path, Error};
use crate::history::{analyze as analysis, exchange, record, History};
use crate::json::{self, Json, MAX_DEPTH};
use crate::model::{parse_id, Form, Locale, RestState};
use crate::cat::cat;
use crate::storage::Store;
use crate::web_storage::LocalStorage;
use crate::{explain, questionnaire as q, scoring, text};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type JsResult<T> = std::result::Result<T, JsValue>;

/// Checks in `HistoryStore.warmUp`'s made-up history, a week apart. Enough for
/// the browser to compile the import's busiest functions a second time, optimised,
/// and not only reach them once: a person's first import of 2,000 checks in a
/// page at 4x took 74 ms after a warm-up of 12, 63 ms after 100, 58 after 200 and
/// 52 after 400 (medians of 5 pages, with a build whose warm-up took the count),
/// near a second import's time. The warm-up itself takes about 45 ms at 4x,
/// once, while the file dialog is open. (Four warm-ups of 100 in separate idle
/// moments gave 58 ms: one run long enough is what gets the code optimised.)
const WARM_ENTRIES: i32 = 400;

/// A JS `Error` with the message `field: what` and `kind` set to the error code.
fn to_js(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.text());
    let _ = js_sys::Reflect::set(&err, &"kind".into(), &e.kind.code().into());
    err.into()
}

#[wasm_bindgen]
extern "C" {
    // `catch`: a hostile getter or proxy trap becomes an `Err`, never an exception
    // unwinding through wasm (which would leave a `HistoryStore` borrowed for good).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(v: &JsValue) -> JsResult<js_sys::Array>;
    // `Uint8Array.prototype.set.call(into, from)`: copies `from` into our memory, as
    // `Uint8Array::to_vec` does, without its length assertion (which compiled in
    // the formatting of a panic message, 0.6 KB).
    #[wasm_bindgen(js_namespace = Uint8Array, js_name = "prototype.set.call")]
    fn copy_bytes(into: &mut [u8], from: &js_sys::Uint8Array);
}

/// Any JS value -> our Json. Plain data only: functions, symbols, BigInt,
/// NaN and infinities are refused where they sit (`answers.x: ...`), so NaN can
/// never pass for "not answered"; a cycle ends at MAX_DEPTH. `undefined` reads as null.
fn input(v: JsValue, field: &str) -> JsResult<Json> {
    from_js(&v, field, 0).map_err(to_js)
}

fn from_js(v: &JsValue, at: &str, depth: usize) -> crate::error::Result<Json> {
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return match n.is_finite() {
            true => Ok(Json::Num(n)),
            false if n.is_nan() => Err(Error::invalid(at, "NaN is not a number")),
            false => Err(Error::invalid(at, "an infinite number is not allowed")),
        };
    }
    if let Some(s) = v.as_string() {
        return Ok(Json::Str(s));
    }
    if !v.is_object() {
        // What is left: functions, symbols, BigInt.
        let kind = v.js_typeof().as_string().unwrap_or_default();
        return Err(Error::invalid(at, cat(&["expected plain data, got a ", &kind])));
    }
    if depth >= MAX_DEPTH {
        return Err(Error::invalid(at, "is nested too deeply (or contains itself)"));
    }
    let unreadable = |at: &str| Error::invalid(at, "could not be read");
    if js_sys::Array::is_array(v) {
        let len = js_sys::Reflect::get(v, &"length".into()).map_err(|_| unreadable(at))?;
        let mut out = Vec::new();
        for i in 0..len.as_f64().unwrap_or(0.0) as u32 {
            let at = crate::error::index_path(at, i as usize);
            let item = js_sys::Reflect::get_u32(v, i).map_err(|_| unreadable(&at))?;
            out.push(from_js(&item, &at, depth + 1)?);
        }
        return Ok(Json::Arr(out));
    }
    let mut out = Vec::new();
    for key in object_keys(v).map_err(|_| unreadable(at))?.iter() {
        let name = key.as_string().unwrap_or_default();
        let at = path(at, &name);
        let value = js_sys::Reflect::get(v, &key).map_err(|_| unreadable(&at))?;
        let item = from_js(&value, &at, depth + 1)?;
        out.push((name.into(), item));
    }
    Ok(Json::Obj(out))
}

/// Our Json -> a plain JS value: one string across the boundary and one `JSON.parse`,
/// cheaper than building objects member by member, even for a long history.
fn output(v: &Json) -> JsResult<JsValue> {
    parse_output(&v.to_text())
}

fn parse_output(text: &str) -> JsResult<JsValue> {
    js_sys::JSON::parse(text).map_err(|_| to_js(Error::invalid("", "could not build the result")))
}

/// `questionnaire({ form, locale })`: the form's items, scale and context questions.
#[wasm_bindgen]
pub fn questionnaire(request: JsValue) -> JsResult<JsValue> {
    let (form, locale) = q::parse_request(&input(request, "")?).map_err(to_js)?;
    output(&q::questionnaire(form, locale).to_json())
}

/// `questionCount(form)`: how many scaled items the form asks (no texts needed,
/// so the start screen can say it before any text table is loaded).
#[wasm_bindgen(js_name = questionCount)]
pub fn question_count(form: &str) -> JsResult<u32> {
    let form: crate::model::Form = parse_id(&Json::Str(form.into()), "", "form").map_err(to_js)?;
    Ok(q::items(form).count() as u32)
}

/// `assess({ form, locale, answers, context })`: scores, profile, flags, explanation.
#[wasm_bindgen]
pub fn assess(request: JsValue) -> JsResult<JsValue> {
    let parsed = scoring::parse_input(&input(request, "")?).map_err(to_js)?;
    output(&scoring::assess(&parsed).to_json())
}

/// `analyze({ readings, events, today })`: trend, chronicity, rest response, changes.
#[wasm_bindgen]
pub fn analyze(request: JsValue) -> JsResult<JsValue> {
    let a = analysis::parse_input(&input(request, "")?).map_err(to_js)?;
    output(&analysis::analyze(&a.readings, &a.events, a.today).to_json())
}

/// `describe({ result, context, locale })`: the explanation and next steps of a stored result, in any locale.
#[wasm_bindgen]
pub fn describe(request: JsValue) -> JsResult<JsValue> {
    let v = input(request, "")?;
    let locale = locale_of(&v)?;
    let (outcome, context) = record::outcome_from_json(&v).map_err(to_js)?;
    let (explanation, next_steps) = explain::explain(&outcome, &context, locale);
    let mut steps = Vec::new();
    for s in next_steps {
        steps.push(Json::Str(s));
    }
    output(&Json::obj(vec![("explanation", Json::Str(explanation)), ("next_steps", Json::Arr(steps))]))
}

/// `restExplanation({ state, load, locale })`: how to read a rest response.
#[wasm_bindgen(js_name = restExplanation)]
pub fn rest_explanation(request: JsValue) -> JsResult<String> {
    let v = input(request, "")?;
    let locale = locale_of(&v)?;
    let state: RestState = parse_id(json::member(&v, "", "state").map_err(to_js)?, "", "state").map_err(to_js)?;
    let load = match json::optional(&v, "load") {
        Some(n) => Some(json::as_num(n, "load").map_err(to_js)?),
        None => None,
    };
    Ok(explain::rest_explanation(state, load, locale))
}

fn locale_of(v: &Json) -> JsResult<Locale> {
    text::requested_locale(v).map_err(to_js)
}

/// `setTexts(json)`: loads the texts of one language (the text of
/// `pkg/texts-<locale>.json`, written by the build); returns the locale.
#[wasm_bindgen(js_name = setTexts)]
pub fn set_texts(table: &str) -> JsResult<String> {
    text::loaded::load(table).map(|l| l.id().to_string()).map_err(to_js)
}

/// `hasTexts(locale)`: whether the texts of `locale` are loaded.
#[wasm_bindgen(js_name = hasTexts)]
pub fn has_texts(locale: &str) -> bool {
    Locale::from_id(locale).is_some_and(text::loaded::has)
}

/// The person's history in this browser, under one namespace of localStorage
/// (or in memory for this page when storage cannot be used).
#[wasm_bindgen]
pub struct HistoryStore {
    inner: cached::Cached,
}

mod cached {
    use crate::storage::Store;
    use crate::web_storage::LocalStorage;
    use std::cell::Cell;

    /// The store, and its `overview()` text as last written. Every change to the
    /// store goes through `get_mut`, which drops the text, so it is never stale:
    /// the history view opened again (after a check, from another view) reads
    /// it back instead of writing it again (15-20 ms at 4x for 2,000 entries,
    /// where its `JSON.parse` takes about 10).
    pub struct Cached {
        store: Store<LocalStorage>,
        overview: Cell<Option<String>>,
    }

    impl Cached {
        pub fn new(store: Store<LocalStorage>) -> Self {
            Cached { store, overview: Cell::new(None) }
        }
        pub fn get(&self) -> &Store<LocalStorage> {
            &self.store
        }
        pub fn get_mut(&mut self) -> &mut Store<LocalStorage> {
            self.overview.set(None);
            &mut self.store
        }
        /// `read` of the overview text, which `write` writes when the store changed since it last did.
        pub fn with_overview<R>(&self, write: impl FnOnce(&Store<LocalStorage>) -> String, read: impl FnOnce(&str) -> R) -> R {
            let text = self.overview.take().unwrap_or_else(|| write(&self.store));
            let out = read(&text);
            self.overview.set(Some(text));
            out
        }
    }
}

/// `{ entries, events, unreadable }` as text, around the entries' text.
fn listing_text(store: &Store<LocalStorage>, entries: &str) -> String {
    let events = Json::Arr(store.history().events.iter().map(record::event_to_json).collect()).to_text();
    let unreadable = Json::Arr(store.unreadable().iter().map(|u| u.to_json()).collect()).to_text();
    cat(&["{\"entries\":", entries, ",\"events\":", &events, ",\"unreadable\":", &unreadable, "}"])
}

#[wasm_bindgen]
impl HistoryStore {
    /// Never throws: when storage is blocked or missing, history lives in memory and `status()` says so.
    #[wasm_bindgen(constructor)]
    pub fn new(namespace: Option<String>) -> HistoryStore {
        let ns = namespace.filter(|n| !n.is_empty()).unwrap_or_else(|| "burnout-check".to_string());
        let inner = match LocalStorage::probe(&ns) {
            Ok(backend) => Store::open(&ns, Some(backend), None),
            Err(reason) => Store::open(&ns, None, Some(reason)),
        };
        HistoryStore { inner: cached::Cached::new(inner) }
    }

    pub fn status(&self) -> JsResult<JsValue> {
        output(&self.inner.get().status().to_json())
    }

    /// `{ entries (oldest first), events, unreadable }`.
    pub fn load(&self) -> JsResult<JsValue> {
        let store = self.inner.get();
        let entries = Json::Arr(store.history().entries.iter().map(|e| record::entry_to_json(e, !store.is_unsaved(&e.id))).collect());
        parse_output(&listing_text(store, &entries.to_text()))
    }

    /// `{ entries, events, unreadable }` as `load()`, with the entries cut to what
    /// a list of checks shows and given as columns (`record::entry_columns`):
    /// `{ id:[…], at:[…], date:[…], form:[…], saved:[…], profile:[…], strain:[…],
    /// top_areas:[…] }`. A tenth of the text for a long history; `entry(id)`
    /// gives a whole entry.
    pub fn overview(&self) -> JsResult<JsValue> {
        let write = |s: &Store<LocalStorage>| listing_text(s, &record::columns_text(&s.history().entries, |e| !s.is_unsaved(&e.id)));
        self.inner.with_overview(write, parse_output)
    }

    /// One entry as `load()` gives it, or null when there is none with this id.
    pub fn entry(&self, id: String) -> JsResult<JsValue> {
        let store = self.inner.get();
        match store.history().entries.iter().find(|e| e.id == id) {
            Some(e) => output(&record::entry_to_json(e, !store.is_unsaved(&e.id))),
            None => Ok(JsValue::NULL),
        }
    }

    /// Scores and saves `{ form, locale, answers, context, at, date, note }`; returns `{ entry, assessment }`.
    /// On a storage failure the entry stays in memory (and in exports) and the error is thrown.
    pub fn save(&mut self, request: JsValue) -> JsResult<JsValue> {
        let v = input(request, "")?;
        let (parsed, at_ms, date, note) = parse_save(&v).map_err(to_js)?;
        let assessment = scoring::assess(&parsed);
        let entry = record::new_entry(&parsed, at_ms, date, note);
        let id = entry.id.clone();
        let store = self.inner.get_mut();
        let saved = store.save_entry(entry);
        let view =
            store.history().entries.iter().find(|e| e.id == id).map(|e| record::entry_to_json(e, !store.is_unsaved(&id))).unwrap_or(Json::Null);
        saved.map_err(to_js)?;
        output(&Json::obj(vec![("entry", view), ("assessment", assessment.to_json())]))
    }

    #[wasm_bindgen(js_name = addEvent)]
    pub fn add_event(&mut self, request: JsValue) -> JsResult<JsValue> {
        let event = record::parse_event_input(&input(request, "")?).map_err(to_js)?;
        let view = record::event_to_json(&event);
        self.inner.get_mut().add_event(event).map_err(to_js)?;
        output(&view)
    }

    pub fn remove(&mut self, id: String) -> JsResult<bool> {
        self.inner.get_mut().remove(&id).map_err(to_js)
    }

    pub fn clear(&mut self) -> JsResult<()> {
        self.inner.get_mut().clear().map_err(to_js)
    }

    /// `analyze()` over the stored history; each rest response also carries `explanation`.
    pub fn analyze(&self, today: String, locale: Option<String>) -> JsResult<JsValue> {
        let today = Date::parse(&today, "today").map_err(to_js)?;
        let locale = match locale {
            Some(l) => parse_id(&Json::Str(l), "", "locale").map_err(to_js)?,
            None => Locale::En,
        };
        let locale = text::require(locale, "locale").map_err(to_js)?;
        let h = self.inner.get().history();
        // Readings after `today` (a clock set back) are left out rather than refused.
        let readings: Vec<_> = h.readings().into_iter().filter(|r| r.date <= today).collect();
        let result = analysis::analyze(&readings, &h.events, today);
        let loads: Vec<(Date, f64)> =
            h.entries.iter().filter_map(|e| e.outcome.indices.load.map(|l| (e.date, l))).collect();
        let mut out = result.to_json();
        // Each rest response gains the interpretation, read with the load at follow-up.
        if let Json::Obj(members) = &mut out {
            if let Some((_, Json::Arr(items))) = members.iter_mut().find(|(k, _)| k == "rest") {
                for (item, r) in items.iter_mut().zip(&result.rest) {
                    let (from, to) = analysis::RestWindows::new(r.start, r.end).follow_up;
                    let (load, _) = analysis::window_mean(&loads, from, to);
                    if let Json::Obj(fields) = item {
                        fields.push(("explanation".into(), Json::Str(explain::rest_explanation(r.state, load, locale))));
                    }
                }
            }
        }
        output(&out)
    }

    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        self.inner.get().export_json(js_sys::Date::now() as i64)
    }

    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> String {
        self.inner.get().export_csv()
    }

    #[wasm_bindgen(js_name = exportRaw)]
    pub fn export_raw(&self) -> String {
        self.inner.get().export_raw()
    }

    /// Merges an export file, given as its text or as its bytes (a `Uint8Array`
    /// of UTF-8, as `file.arrayBuffer()` reads it); `{ entries_added, events_added, skipped }`.
    /// Bytes skip decoding the file into a JS string and encoding it back, which a
    /// string crossing into wasm costs (a loop over every character in the glue).
    /// Anything else reads as no bytes, which is no export.
    #[wasm_bindgen(js_name = importJson)]
    pub fn import_json(&mut self, file: JsValue) -> JsResult<JsValue> {
        let text = match file.as_string() {
            Some(text) => text,
            None => {
                let bytes = file.dyn_ref::<js_sys::Uint8Array>();
                let mut into = vec![0; bytes.map_or(0, |b| b.length() as usize)];
                if let Some(b) = bytes {
                    copy_bytes(&mut into, b);
                }
                String::from_utf8(into).map_err(|_| to_js(Error::invalid("", "this is not a burnout-check export (it is not UTF-8 text)")))?
            }
        };
        // A file's byte order mark is not part of its text (`file.text()` drops it too).
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        output(&self.inner.get_mut().import_json(text).map_err(to_js)?.to_json())
    }

    /// Runs what the history view and an import run, once, over a made-up history
    /// of `WARM_ENTRIES` checks in a store in memory, storing nothing anywhere.
    /// The browser compiles each function of the module when it is first called,
    /// quickly and plainly, and again, optimised, once it has run a while: for a
    /// person's first import in a page that was about a third of its time at 4x.
    /// The element calls this while idle once the file dialog of an import has
    /// opened, before the person can have picked a file. Its errors are its own
    /// (nothing to tell anyone).
    /// Gives the number of checks the made-up import added (`WARM_ENTRIES`).
    /// `locale` is the one the view reads the analyses in (its texts loaded), as `analyze` takes it.
    #[wasm_bindgen(js_name = warmUp)]
    pub fn warm_up(locale: Option<String>) -> JsResult<u32> {
        let start = Date::from_ymd(2020, 1, 6).ok_or(JsValue::NULL)?;
        let entries = (0..WARM_ENTRIES)
            .map(|n| {
                // Answers that drift, so the scorer takes its different paths.
                let answers = q::items(Form::Full).enumerate().map(|(k, item)| (item.id, ((k as i32 + n) % 5) as u8)).collect();
                let input = scoring::Input { form: Form::Full, locale: Locale::En, answers, context: scoring::Context::default() };
                // At 09:00 UTC on its date (a `Date` counts days from 1970-01-01).
                let date = start.add_days(7 * n);
                record::new_entry(&input, i64::from(date.0) * 86_400_000 + 9 * 3_600_000, date, None)
            })
            .collect();
        let text = exchange::export_json(&History { entries, events: Vec::new() }, 0);
        let mut store = HistoryStore { inner: cached::Cached::new(Store::open("warm-up", None, None)) };
        // With no storage behind it the import keeps the checks in memory and says
        // none were saved: that error is expected here (the count below is the check).
        // As bytes, the way the history view passes a file.
        let _ = store.import_json(js_sys::Uint8Array::from(text.as_bytes()).into());
        store.status()?;
        store.overview()?;
        store.analyze(start.add_days(7 * WARM_ENTRIES).text(), locale)?;
        Ok(store.inner.get().history().entries.len() as u32)
    }

    #[wasm_bindgen(js_name = saveDraft)]
    pub fn save_draft(&mut self, draft: JsValue) -> JsResult<()> {
        self.inner.get_mut().save_draft(&input(draft, "draft")?).map_err(to_js)
    }

    #[wasm_bindgen(js_name = loadDraft)]
    pub fn load_draft(&self) -> JsResult<JsValue> {
        match self.inner.get().load_draft() {
            Some(d) => output(&d),
            None => Ok(JsValue::NULL),
        }
    }

    #[wasm_bindgen(js_name = clearDraft)]
    pub fn clear_draft(&mut self) -> JsResult<()> {
        self.inner.get_mut().clear_draft().map_err(to_js)
    }

    /// Re-reads storage, e.g. after another tab saved (`storage` event).
    pub fn refresh(&mut self) {
        self.inner.get_mut().refresh();
    }
}

/// `{ form, locale, answers, context, at, date, note }` -> the assess input plus when and the note.
fn parse_save(v: &Json) -> crate::error::Result<(scoring::Input, i64, Date, Option<String>)> {
    let mut rest = Vec::new();
    let (mut at, mut date, mut note) = (None, None, None);
    for (k, val) in json::as_obj(v, "")? {
        match &**k {
            "at" => at = Some(val),
            "date" => date = Some(val),
            // null is "no note", as an absent member is everywhere else.
            "note" => note = Some(val).filter(|v| **v != Json::Null),
            _ => rest.push((k.clone(), val.clone())),
        }
    }
    let parsed = scoring::parse_input(&Json::Obj(rest))?;
    let at = at.ok_or_else(|| Error::invalid("at", "is missing"))?;
    let at_ms = json::as_num(at, "at")?;
    if at_ms.fract() != 0.0 || !(0.0..=8.64e15).contains(&at_ms) {
        return Err(Error::invalid("at", cat(&[&crate::num::shortest(at_ms), " is not a time in milliseconds"])));
    }
    let date = Date::parse(json::as_str(date.ok_or_else(|| Error::invalid("date", "is missing"))?, "date")?, "date")?;
    let note = record::parse_note(note, "", "note")?;
    Ok((parsed, at_ms as i64, date, note))
}
