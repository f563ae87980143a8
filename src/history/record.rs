//! Entries and events to and from JSON, with validation that names the field.
//! The same shape is exported, shown to JS and was stored by schema 1; schema 2
//! stores entries in the short form of `compact`, read by the same reader.

use super::{AnswerId, Entry, Event, EventKind};
use crate::cat::{cat, int, push_hex};
use crate::date::Date;
use crate::error::{path, Error, Result};
use crate::json::{as_arr, as_num, as_obj, as_str, fractional_texts, member, only_keys, optional, write_num, write_str, Json};
use crate::model::{parse_id, Band, ChangeWhat, Construct, Flag, Form, Locale, Profile, RestType};
use crate::scoring::{Context, Indices, Outcome};
use crate::num;
use crate::vecmap::VecMap;

/// A note longer than this is refused: enough for a few sentences, small enough for storage.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Record ids are short and key-safe, so `<ns>:entry:<id>` is always one of our keys.
pub const MAX_ID_CHARS: usize = 64;
/// JavaScript dates reach this many milliseconds either side of the epoch.
const MAX_AT_MS: f64 = 8.64e15;

const ENTRY_KEYS: &[&str] = &[
    "id",
    "at",
    "date",
    "form",
    "locale",
    "questionnaire_version",
    "scoring_version",
    "answers",
    "context",
    "result",
    "note",
    // Only in the JS view; accepted and ignored so a view can be read back.
    "saved",
];
const RESULT_KEYS: &[&str] = &["profile", "band", "flags", "indices", "constructs", "top_areas"];
const INDEX_KEYS: [&str; 5] = ["strain", "wear", "load", "mismatch", "compensation"];

// ---- ids: derived from content, so the same record always has the same id ----

/// FNV-1a, 64 bit: tiny, stable across platforms and versions, enough to tell records apart.
fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The id of an entry: its time, form, answers and context (not its note, which may be edited).
pub fn entry_id(at_ms: i64, form: Form, answers: &VecMap<AnswerId, u8>, context: &Context) -> String {
    // A JSON array is an unambiguous canonical text even for odd item ids.
    let canonical = Json::Arr(vec![
        Json::str("entry"),
        Json::str(int(at_ms)),
        Json::str(form.id()),
        answers_json(answers),
        Json::opt_str(context.duration.map(|d| d.id())),
        Json::opt_str(context.scope.map(|s| s.id())),
        Json::Arr(context.secondary.iter().map(|s| Json::str(s.id())).collect()),
    ]);
    hash_id('e', &canonical.to_text())
}

/// The id of an event: what happened and when (not its note).
pub fn event_id(kind: &EventKind) -> String {
    let canonical = match kind {
        EventKind::Rest { start, end, rest_type } => cat(&["rest|", &start.text(), "|", &end.text(), "|", rest_type.id()]),
        EventKind::Change { date, what } => cat(&["change|", &date.text(), "|", what.id()]),
    };
    hash_id('v', &canonical)
}

/// `prefix` and the FNV-1a hash of `text` in 16 hex digits, as `format!("{prefix}{:016x}", fnv1a64(text))`.
fn hash_id(prefix: char, text: &str) -> String {
    let mut id = String::with_capacity(17);
    id.push(prefix);
    push_hex(&mut id, fnv1a64(text), 16);
    id
}

/// Whether `s` can be a record id: 1..=64 ASCII letters, digits, `-` or `_`.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_ID_CHARS && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

// ---- new records ----

/// A new entry for a validated assessment input, scored now.
pub fn new_entry(input: &crate::scoring::Input, at_ms: i64, date: Date, note: Option<String>) -> Entry {
    let outcome = crate::scoring::score(input.form, &input.answers, &input.context);
    let mut answers = VecMap::new();
    for (k, v) in &input.answers {
        answers.insert(AnswerId::Borrowed(k), *v);
    }
    Entry {
        id: entry_id(at_ms, input.form, &answers, &input.context),
        at_ms,
        date,
        form: input.form,
        questionnaire_version: crate::questionnaire::QUESTIONNAIRE_VERSION,
        scoring_version: crate::thresholds::SCORING_VERSION,
        locale: input.locale,
        answers,
        context: input.context.clone(),
        outcome,
        note,
    }
}

/// A new event from the UI: `{kind:"rest", start, end, type, note?}` or
/// `{kind:"change", date, what, note?}`. The id is computed, never given.
pub fn parse_event_input(v: &Json) -> Result<Event> {
    let kind = parse_event_kind(v, "", &[])?;
    let note = parse_note(optional(v, "note"), "", "note")?;
    Ok(Event { id: event_id(&kind), kind, note })
}

/// An optional note at `path(at, key)`: a string of at most `MAX_NOTE_CHARS`,
/// kept exactly as given. The path is built only for an error.
pub fn parse_note(v: Option<&Json>, at: &str, key: &str) -> Result<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    let s = as_str(v, "").map_err(|e| Error::invalid(path(at, key), e.message))?;
    // `chars().count()`, without core's 0.9 KB of counting code: one start byte per character.
    let n = s.bytes().filter(|&b| b & 0xC0 != 0x80).count();
    if n > MAX_NOTE_CHARS {
        return Err(Error::invalid(path(at, key), cat(&["is ", &int(n as i64), " characters long; at most ", &int(MAX_NOTE_CHARS as i64), " fit"])));
    }
    Ok(Some(s.to_string()))
}

// ---- entries ----

/// The entry as stored and exported; with `saved`, the JS view (`saved` is never stored).
pub fn entry_to_json(e: &Entry, saved: bool) -> Json {
    let mut v = entry_record(e);
    if let Json::Obj(m) = &mut v {
        m.push(("saved".into(), Json::Bool(saved)));
    }
    v
}

/// What a list of checks shows of the entries (`overview()` in JS), as columns:
/// `{ id, at, date, form, saved, profile, strain, top_areas }`, each an array
/// with one place per entry in their order; `strain` null where there is none,
/// each entry's top areas one string of construct ids separated by spaces.
/// Columns, not an object per entry: the page's `JSON.parse` of 2,000 entries
/// made 8,000 objects of them, and took four times as long as of these arrays.
/// The module writes this with `columns_text`; this is the reference a property
/// test holds that text to.
pub fn entry_columns(entries: &[Entry], saved: impl Fn(&Entry) -> bool) -> Json {
    let column = |value: &dyn Fn(&Entry) -> Json| Json::Arr(entries.iter().map(value).collect());
    Json::obj(vec![
        ("id", column(&|e| Json::str(&e.id))),
        ("at", column(&|e| Json::Num(e.at_ms as f64))),
        ("date", column(&|e| Json::str(e.date.text()))),
        ("form", column(&|e| Json::str(e.form.id()))),
        ("saved", column(&|e| Json::Bool(saved(e)))),
        ("profile", column(&|e| Json::str(e.outcome.profile.id()))),
        ("strain", column(&|e| Json::opt_num(e.outcome.indices.strain))),
        ("top_areas", column(&|e| Json::str(e.outcome.top_areas.iter().map(|c| c.id()).collect::<Vec<_>>().join(" ")))),
    ])
}

/// `entry_columns` as text, written straight out: a `Json` per value cost
/// opening the history view tens of thousands of allocations for a long
/// history. The same text (a test pins it).
pub fn columns_text(entries: &[Entry], saved: impl Fn(&Entry) -> bool) -> String {
    // Fractional numbers formatted all at once, as `Json::to_text` does; only the strains can be.
    let fractional: Vec<f64> = entries.iter().filter_map(|e| e.outcome.indices.strain).filter(|n| Json::is_fractional(*n)).collect();
    let texts = fractional_texts(&fractional);
    let texts = &mut texts.split([',']);
    let mut out = String::with_capacity(entries.len() * 110 + 100);
    // Each column in turn: its name, then its values (a loop each: one closure
    // called through `dyn` for every column compiled 0.3 KB larger).
    macro_rules! column {
        ($head:expr, |$e:ident| $write:expr) => {
            out.push_str($head);
            for (i, $e) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                $write;
            }
            out.push(']');
        };
    }
    column!("{\"id\":[", |e| write_str(&e.id, &mut out));
    column!(",\"at\":[", |e| write_num(e.at_ms as f64, &mut out, texts));
    column!(",\"date\":[", |e| write_str(&e.date.text(), &mut out));
    column!(",\"form\":[", |e| write_str(e.form.id(), &mut out));
    column!(",\"saved\":[", |e| out.push_str(if saved(e) { "true" } else { "false" }));
    column!(",\"profile\":[", |e| write_str(e.outcome.profile.id(), &mut out));
    column!(",\"strain\":[", |e| write_num(e.outcome.indices.strain.unwrap_or(f64::NAN), &mut out, texts));
    column!(",\"top_areas\":[", |e| {
        // Construct ids: nothing in them to escape.
        out.push('"');
        for (j, c) in e.outcome.top_areas.iter().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            out.push_str(c.id());
        }
        out.push('"');
    });
    out.push('}');
    out
}

/// Answers as an object of item ids: a record's as the export names them, and
/// in a stored record those its form's digits cannot hold (another questionnaire
/// version, items the form does not ask).
pub(crate) fn answers_json(answers: &VecMap<AnswerId, u8>) -> Json {
    Json::Obj(answers.iter().map(|(k, v)| (k.clone(), Json::Num(f64::from(*v)))).collect())
}

/// The entry exactly as it is stored in an export (and in schema 1).
pub fn entry_record(e: &Entry) -> Json {
    let ids = |v: Vec<&str>| Json::Arr(v.into_iter().map(Json::str).collect());
    Json::obj(vec![
        ("id", Json::str(&e.id)),
        ("at", Json::Num(e.at_ms as f64)),
        ("date", Json::str(e.date.text())),
        ("form", Json::str(e.form.id())),
        ("locale", Json::str(e.locale.id())),
        ("questionnaire_version", Json::Num(f64::from(e.questionnaire_version))),
        ("scoring_version", Json::Num(f64::from(e.scoring_version))),
        ("answers", answers_json(&e.answers)),
        (
            "context",
            Json::obj(vec![
                ("duration", Json::opt_str(e.context.duration.map(|d| d.id()))),
                ("scope", Json::opt_str(e.context.scope.map(|s| s.id()))),
                ("secondary", ids(e.context.secondary.iter().map(|s| s.id()).collect())),
            ]),
        ),
        ("result", result_to_json(&e.outcome)),
        ("note", Json::opt_str(e.note.as_deref())),
    ])
}

/// A result as stored and exported (`result` of an entry).
pub fn result_to_json(o: &Outcome) -> Json {
    let ids = |v: Vec<&str>| Json::Arr(v.into_iter().map(Json::str).collect());
    Json::obj(vec![
        ("profile", Json::str(o.profile.id())),
        ("band", Json::opt_str(o.band.map(|b| b.id()))),
        ("flags", ids(o.flags.iter().map(|f| f.id()).collect())),
        (
            "indices",
            Json::obj(vec![
                ("strain", Json::opt_num(o.indices.strain)),
                ("wear", Json::opt_num(o.indices.wear)),
                ("load", Json::opt_num(o.indices.load)),
                ("mismatch", Json::opt_num(o.indices.mismatch)),
                ("compensation", Json::opt_num(o.indices.compensation)),
            ]),
        ),
        ("constructs", Json::Obj(o.constructs.iter().map(|(c, v)| (c.id().into(), Json::opt_num(*v))).collect())),
        ("top_areas", ids(o.top_areas.iter().map(|c| c.id()).collect())),
    ])
}

/// Reads an entry; every error names its field under `at` (e.g. `entries[3].answers.x`).
pub fn entry_from_json(v: &Json, at: &str) -> Result<Entry> {
    read_entry(v, at, false)
}

/// As `entry_from_json`; with `compact` (a schema-2 record renamed to these
/// names by `compact::from_record`) the answers may be digits and a result
/// that the scorer gives back may be left out.
pub(crate) fn read_entry(v: &Json, at: &str, compact: bool) -> Result<Entry> {
    only_keys(v, at, ENTRY_KEYS)?;
    let id = parse_record_id(v, at, 'e')?;
    let at_ms = parse_at_ms(member(v, at, "at")?, &path(at, "at"))?;
    let date = Date::parse_member(v, at, "date")?;
    let form: Form = parse_id(member(v, at, "form")?, at, "form")?;
    let locale: Locale = parse_id(member(v, at, "locale")?, at, "locale")?;
    let questionnaire_version = parse_version(v, at, "questionnaire_version")?;
    let scoring_version = parse_version(v, at, "scoring_version")?;
    let (answers, from_digits) = match member(v, at, "answers")? {
        Json::Str(digits) if compact => (super::compact::parse_digits(form, questionnaire_version, digits, &path(at, "answers"))?, true),
        other => (parse_stored_answers(other, &path(at, "answers"))?, false),
    };
    let context = match optional(v, "context") {
        None => Context::default(),
        Some(c) => crate::scoring::parse_context(c, &path(at, "context"))?,
    };
    let outcome = match optional(v, "result") {
        None if compact => super::compact::recompute(form, questionnaire_version, scoring_version, &answers, from_digits, &context)
            .ok_or_else(|| Error::invalid(path(at, "result"), "is missing, and cannot be recomputed from these answers and versions"))?,
        _ => parse_result(member(v, at, "result")?, &path(at, "result"), form)?,
    };
    let note = parse_note(optional(v, "note"), at, "note")?;
    Ok(Entry { id, at_ms, date, form, questionnaire_version, scoring_version, locale, answers, context, outcome, note })
}

/// An id as stored: entry ids start with `e`, event ids with `v`, so the two never collide.
fn parse_record_id(v: &Json, at: &str, prefix: char) -> Result<String> {
    let field = path(at, "id");
    let id = as_str(member(v, at, "id")?, &field)?;
    if !is_valid_id(id) || !id.starts_with(prefix) {
        let what = if prefix == 'e' { "an entry" } else { "an event" };
        return Err(Error::invalid(field, cat(&[&Json::str(id).to_text(), " is not ", what, " id"])));
    }
    Ok(id.to_string())
}

fn parse_at_ms(v: &Json, at: &str) -> Result<i64> {
    let n = as_num(v, at)?;
    if n.fract() != 0.0 {
        return Err(Error::invalid(at, cat(&[&num::shortest(n), " is not a whole number of milliseconds"])));
    }
    // Negated so NaN is refused too.
    if !(-MAX_AT_MS..=MAX_AT_MS).contains(&n) {
        return Err(Error::invalid(at, cat(&[&num::shortest(n), " is outside the range of dates"])));
    }
    // Whole and within +-8.64e15, so the cast is exact.
    Ok(n as i64)
}

pub(crate) fn parse_version(obj: &Json, at: &str, key: &str) -> Result<u32> {
    let field = path(at, key);
    let n = as_num(member(obj, at, key)?, &field)?;
    if n.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&n) {
        return Err(Error::invalid(field, cat(&[&num::shortest(n), " is not a version number"])));
    }
    Ok(n as u32)
}

/// Stored answers: any item id (older forms had others), each a whole number 0..=4.
fn parse_stored_answers(v: &Json, at: &str) -> Result<VecMap<AnswerId, u8>> {
    let members = as_obj(v, at)?;
    // Sized up front: growing it one answer at a time reallocated it several times per entry.
    let mut answers = VecMap::with_capacity(members.len());
    for (id, value) in members {
        // The path is built only for an error: an import reads tens of thousands of answers.
        let field = || path(at, id);
        if id.is_empty() {
            return Err(Error::invalid(field(), "an item id cannot be empty"));
        }
        let n = as_num(value, "").map_err(|e| Error::invalid(field(), e.message))?;
        if n.fract() != 0.0 {
            return Err(Error::invalid(field(), cat(&[&num::shortest(n), " is not a whole number"])));
        }
        let max = crate::thresholds::ANSWER_MAX;
        if !(0.0..=f64::from(max)).contains(&n) {
            return Err(Error::invalid(field(), cat(&[&num::shortest(n), " is outside 0..", &int(i64::from(max))])));
        }
        answers.insert(id.clone(), n as u8);
    }
    Ok(answers)
}

/// Ids at `at`; errors name `at[i]`, built only for an error (`json::each` built one per id).
fn parse_id_list<T: crate::model::Id>(v: Option<&Json>, at: &str) -> Result<Vec<T>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let items = as_arr(v, at)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, s) in items.iter().enumerate() {
        out.push(parse_id(s, "", "").map_err(|e| Error { field: crate::error::index_path(at, i), ..e })?);
    }
    Ok(out)
}

/// A score at `path(at, key)`: 0..100 or null. The path is built only for an error.
fn parse_score(v: Option<&Json>, at: &str, key: &str) -> Result<Option<f64>> {
    let Some(v) = v else { return Ok(None) };
    let n = as_num(v, "").map_err(|e| Error::invalid(path(at, key), e.message))?;
    if !(0.0..=100.0).contains(&n) {
        return Err(Error::invalid(path(at, key), cat(&[&num::shortest(n), " is outside 0..100"])));
    }
    Ok(Some(n))
}

pub(crate) fn parse_result(v: &Json, at: &str, form: Form) -> Result<Outcome> {
    only_keys(v, at, RESULT_KEYS)?;
    let profile: Profile = parse_id(member(v, at, "profile")?, at, "profile")?;
    let band: Option<Band> = optional(v, "band").map(|b| parse_id(b, at, "band")).transpose()?;
    let given: Vec<Flag> = parse_id_list(optional(v, "flags"), &path(at, "flags"))?;
    // A set: stored in `Flag::ALL` order, as `Outcome` documents.
    let flags = Flag::ALL.iter().copied().filter(|f| given.contains(f)).collect();

    let at_indices = path(at, "indices");
    let iv = member(v, at, "indices")?;
    only_keys(iv, &at_indices, &INDEX_KEYS)?;
    let index = |key: &str| parse_score(optional(iv, key), &at_indices, key);
    let indices = Indices {
        strain: index("strain")?,
        wear: index("wear")?,
        load: index("load")?,
        mismatch: index("mismatch")?,
        compensation: index("compensation")?,
    };

    let mut constructs = VecMap::with_capacity(Construct::ALL.len());
    if let Some(cv) = optional(v, "constructs") {
        let at_constructs = path(at, "constructs");
        for (key, value) in as_obj(cv, &at_constructs)? {
            // As for answers, the path only when there is an error to name.
            let field = || path(&at_constructs, key);
            let c = Construct::from_id(key).ok_or_else(|| Error::invalid(field(), "is not a construct id"))?;
            let score = match value {
                Json::Null => None,
                other => parse_score(Some(other), "", "").map_err(|e| Error::invalid(field(), e.message))?,
            };
            constructs.insert(c, score);
        }
    }
    let top_areas = parse_id_list(optional(v, "top_areas"), &path(at, "top_areas"))?;
    Ok(Outcome { form, constructs, indices, band, profile, flags, top_areas })
}

/// The input of `describe()`: `{ result, context?, form?, locale? }` (a whole
/// entry view with a `locale` also fits). Without `form`, a result lacking the
/// compensation index reads as a quick check: either way, masking was not checked.
pub fn outcome_from_json(v: &Json) -> Result<(Outcome, Context)> {
    only_keys(v, "", ENTRY_KEYS)?;
    let result = member(v, "", "result")?;
    let form = match optional(v, "form") {
        Some(f) => parse_id(f, "", "form")?,
        None => match optional(result, "indices").and_then(|i| optional(i, "compensation")) {
            None => Form::Quick,
            Some(_) => Form::Full,
        },
    };
    let outcome = parse_result(result, "result", form)?;
    let context = match optional(v, "context") {
        None => Context::default(),
        Some(c) => crate::scoring::parse_context(c, "context")?,
    };
    Ok((outcome, context))
}

// ---- events ----

/// The event as stored, exported and shown to JS.
pub fn event_to_json(e: &Event) -> Json {
    let note = ("note", Json::opt_str(e.note.as_deref()));
    match &e.kind {
        EventKind::Rest { start, end, rest_type } => Json::obj(vec![
            ("id", Json::str(&e.id)),
            ("kind", Json::str("rest")),
            ("start", Json::str(start.text())),
            ("end", Json::str(end.text())),
            ("type", Json::str(rest_type.id())),
            note,
        ]),
        EventKind::Change { date, what } => Json::obj(vec![
            ("id", Json::str(&e.id)),
            ("kind", Json::str("change")),
            ("date", Json::str(date.text())),
            ("what", Json::str(what.id())),
            note,
        ]),
    }
}

/// Reads a stored or exported event (with its id); errors name fields under `at`.
pub fn event_from_json(v: &Json, at: &str) -> Result<Event> {
    let kind = parse_event_kind(v, at, &["id"])?;
    let id = parse_record_id(v, at, 'v')?;
    let note = parse_note(optional(v, "note"), at, "note")?;
    Ok(Event { id, kind, note })
}

/// The kind-specific part of an event; `extra` lists further allowed keys.
pub fn parse_event_kind(v: &Json, at: &str, extra: &[&str]) -> Result<EventKind> {
    let kind_field = path(at, "kind");
    let kind = as_str(member(v, at, "kind")?, &kind_field)?;
    let allowed = |keys: &[&'static str]| -> Vec<&str> { keys.iter().chain(extra).copied().collect() };
    match kind {
        "rest" => {
            only_keys(v, at, &allowed(&["kind", "start", "end", "type", "note"]))?;
            let start = Date::parse_member(v, at, "start")?;
            let end = Date::parse_member(v, at, "end")?;
            if end < start {
                return Err(Error::invalid(path(at, "end"), cat(&[&end.text(), " is before start ", &start.text()])));
            }
            let rest_type: RestType = parse_id(member(v, at, "type")?, at, "type")?;
            Ok(EventKind::Rest { start, end, rest_type })
        }
        "change" => {
            only_keys(v, at, &allowed(&["kind", "date", "what", "note"]))?;
            let date = Date::parse_member(v, at, "date")?;
            let what: ChangeWhat = parse_id(member(v, at, "what")?, at, "what")?;
            Ok(EventKind::Change { date, what })
        }
        other => Err(Error::invalid(kind_field, cat(&[&Json::str(other).to_text(), " is not one of rest, change"]))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn a_note_is_measured_in_characters_not_bytes() {
        for unit in ["a", "é", "€", "🌊", "e\u{301}"] {
            let per = unit.chars().count();
            let fits = unit.repeat(MAX_NOTE_CHARS / per);
            assert_eq!(parse_note(Some(&Json::str(&fits)), "", "note").unwrap().as_deref(), Some(fits.as_str()));
            let over = cat(&[&fits, "x"]);
            let e = parse_note(Some(&Json::str(&over)), "", "note").unwrap_err();
            assert_eq!(e.to_string(), cat(&["note: is ", &int(fits.chars().count() as i64 + 1), " characters long; at most 2000 fit"]));
        }
    }

    fn rest() -> Event {
        let kind = EventKind::Rest {
            start: Date::parse("2026-03-07", "").unwrap(),
            end: Date::parse("2026-03-21", "").unwrap(),
            rest_type: RestType::Vacation,
        };
        Event { id: event_id(&kind), kind, note: Some("<b>beach</b>".into()) }
    }

    #[test]
    fn events_round_trip_and_ids_follow_content() {
        let e = rest();
        assert_eq!(event_from_json(&event_to_json(&e), "events[0]").unwrap(), e);
        let from_ui = parse_event_input(
            &parse(r#"{"kind":"rest","start":"2026-03-07","end":"2026-03-21","type":"vacation"}"#, "").unwrap(),
        )
        .unwrap();
        assert_eq!(from_ui.id, e.id);
        assert!(from_ui.id.starts_with('v') && is_valid_id(&from_ui.id));
    }

    #[test]
    fn a_rest_that_ends_before_it_starts_is_refused() {
        let v = parse(r#"{"kind":"rest","start":"2026-03-07","end":"2026-03-01","type":"leave"}"#, "").unwrap();
        assert_eq!(parse_event_input(&v).unwrap_err().field, "end");
    }

    #[test]
    fn a_stored_result_reads_back_for_describe() {
        let v = parse(
            r#"{"result":{"profile":"overload","band":"high","flags":[],"indices":{"strain":55,"load":70},
                "constructs":{},"top_areas":[]},"context":{"scope":"work"},"locale":"de"}"#,
            "",
        )
        .unwrap();
        let (o, c) = outcome_from_json(&v).unwrap();
        assert_eq!((o.profile, o.form, o.indices.load), (Profile::Overload, Form::Quick, Some(70.0)));
        assert_eq!(c.scope, Some(crate::model::Scope::Work));
        let bad = parse(r#"{"result":{"profile":"calm"}}"#, "").unwrap();
        assert_eq!(outcome_from_json(&bad).unwrap_err().field, "result.profile");
    }

    #[test]
    fn entry_ids_ignore_the_note_but_not_the_answers() {
        let mut a = VecMap::new();
        a.insert("x".into(), 2);
        let ctx = Context::default();
        let one = entry_id(1, Form::Quick, &a, &ctx);
        assert_eq!(one, entry_id(1, Form::Quick, &a, &ctx));
        a.insert("x".into(), 3);
        assert_ne!(one, entry_id(1, Form::Quick, &a, &ctx));
        assert!(one.starts_with('e') && is_valid_id(&one));
    }
}
