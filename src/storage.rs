//! History persistence over any key-value backend (localStorage in the browser,
//! a map in tests): key layout, schema version, recovery, never losing data.
//!
//! One key per record, so a corrupt or half-written value costs one record, not
//! the history: `<ns>:meta` (`{"schema":3}`), `<ns>:e:<id>` (an entry, in the
//! compact form of `history::compact`: about 180 characters with its key for a
//! full form with some context), `<ns>:event:<id>`, `<ns>:draft`. The one
//! exception is an import's entries, stored in packs of up to `PACK_SIZE`:
//! `<ns>:p:<id of its first entry>`, one line per entry, `<id> <compact record>`
//! (JSON escapes line breaks, so a line is always one record). Each line is read
//! on its own, so a damaged one still costs one record. A pack is written once
//! and changed only to take out an entry the person deletes (read afresh from
//! storage first, so a removal made meanwhile in another tab stays made); an
//! entry saved again under its own key wins over its line. Packs exist because
//! each `setItem` costs far more than its characters: 2,000 single-entry writes
//! took most of an import's time in the browser.
//! Keys outside these exact patterns belong to someone else: their values are
//! never read, written or removed.
//!
//! Older layouts are migrated copy-on-write when the store opens: each entry is
//! copied to its `e:` key and read back, the meta is written last, and the
//! old data stays until a later start finds every copy in place. An interrupted
//! migration leaves the old data complete and simply runs again; once done,
//! opening writes nothing. Until then entries not yet copied are shown from the
//! old data, and a damaged old record is listed and never removed.
//! - Schema 0, the first layout, kept the whole history in one key,
//!   `<ns>:history` (a JSON array of entries without ids, no meta).
//! - Schema 1 kept each entry with its whole result under `<ns>:entry:<id>`
//!   (about 1,430 characters with its key); events and the draft are unchanged.
//! - Schema 2 is schema 3 without packs: nothing to migrate, and the meta
//!   becomes 3 at the first write (so a schema-2 version of the tool, still open
//!   in another tab, turns read-only instead of missing the packs).
//!
//! A meta that cannot be read leaves the schema unknown (it may be a newer
//! one's), so opening then migrates nothing; the first save writes a good meta.
//!
//! Writes that cannot be stored never lose the record: it stays in memory
//! (`is_saved` false, and in every export) and the error says why. Removals in a
//! store that has no backend succeed in memory, since nothing stored is left behind.

use crate::cat::{cat, int};
use crate::error::{Error, ErrorKind, Result};
use crate::history::compact;
use crate::history::exchange::{self, MergeSummary};
use crate::history::record::{entry_from_json, entry_id, event_from_json, event_to_json, is_valid_id};
use crate::history::{Entry, Event, History};
use crate::json::{as_num, parse, Json};
use std::cell::RefCell;
use crate::vecmap::{VecMap, VecSet};

/// Bump when the key layout or the stored record shape changes. Storage
/// written by a newer schema is shown read-only, never rewritten.
pub const SCHEMA_VERSION: u32 = 3;
/// What joins the namespace and a record's id in its key: `<ns>:e:<id>`, `<ns>:event:<id>`.
const ENTRY_KEY: &str = ":e:";
const EVENT_KEY: &str = ":event:";
/// An import's pack of entries: `<ns>:p:<id of its first entry>`.
const PACK_KEY: &str = ":p:";
/// Entries per pack: about 18,000 characters for full forms. In a page at 4x
/// CPU, 2,000 `setItem` calls of 170 characters took 100-440 ms and the same
/// characters in 40 keys 7-15 ms; a removal rewrites one pack.
pub const PACK_SIZE: usize = 100;

/// Shown when no backend is given and the caller gave no reason of its own.
const NO_STORAGE: &str = "This browser does not let this page keep data, so your history lasts only while the page is open. You can still export it.";
/// Shown when the backend fails to list or read keys.
const STORAGE_UNREADABLE: &str = "This browser's storage could not be read, so your history lasts only while the page is open. You can still export it.";
/// Shown when the stored schema is newer than ours.
const NEWER_SCHEMA: &str = "This history was saved by a newer version of burnout-check, so it is shown here but not changed. Update the tool to add to it.";

/// Key-value storage. Every method may fail; nothing may panic.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>>;
    /// Err kind `Quota` when full, `Storage` for anything else.
    fn set(&mut self, key: &str, value: &str) -> Result<()>;
    fn remove(&mut self, key: &str) -> Result<()>;
    /// All keys of the origin, ours and everyone else's; the store filters.
    fn keys(&self) -> Result<Vec<String>>;

    /// Sets `key` and reads it back. When it reads back differently (or cannot
    /// be read), puts back what was there before, best effort, and returns
    /// `Ok(false)`. A backend may do this in fewer steps (the browser's does it
    /// without copying the value back into wasm); it must do the same.
    fn set_checked(&mut self, key: &str, value: &str) -> Result<bool> {
        let previous = self.get(key)?;
        self.set(key, value)?;
        if matches!(self.get(key), Ok(Some(back)) if back == value) {
            return Ok(true);
        }
        let _ = match &previous {
            Some(p) => self.set(key, p),
            None => self.remove(key),
        };
        Ok(false)
    }
}

/// A backend in memory, with knobs that make it fail the way browsers do.
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    pub map: VecMap<String, String>,
    /// Total bytes of keys and values it holds before `set` fails with `Quota`.
    pub quota_bytes: Option<usize>,
    /// `keys()` fails (storage blocked).
    pub fail_keys: bool,
    /// `get()` fails.
    pub fail_get: bool,
    /// `set()` and `remove()` fail with `Storage`.
    pub fail_writes: bool,
    /// After this many more successful `set`s, every `set` fails with `Quota`.
    pub sets_before_quota: Option<usize>,
    /// The next this many `set`s store a mangled value (a read-back mismatch).
    pub garble_sets: usize,
    /// Every `set`/`remove` attempted, as `set <key>` / `remove <key>`.
    pub writes: Vec<String>,
    /// Every key whose value was asked for.
    pub reads: RefCell<Vec<String>>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// A backend already holding `pairs`.
    pub fn with(pairs: &[(&str, &str)]) -> Self {
        MemoryBackend {
            map: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            ..Self::default()
        }
    }

    fn bytes_after_set(&self, key: &str, value: &str) -> usize {
        let total: usize = self.map.iter().map(|(k, v)| k.len() + v.len()).sum();
        let old = self.map.get(key).map_or(0, |v| key.len() + v.len());
        total - old + key.len() + value.len()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>> {
        self.reads.borrow_mut().push(key.to_string());
        if self.fail_get {
            return Err(Error::new(ErrorKind::Unavailable, key, "reading is blocked"));
        }
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<()> {
        self.writes.push(format!("set {key}"));
        if self.fail_writes {
            return Err(Error::new(ErrorKind::Storage, key, "writing is blocked"));
        }
        let full = || Error::new(ErrorKind::Quota, key, "quota exceeded");
        match &mut self.sets_before_quota {
            Some(0) => return Err(full()),
            Some(n) => *n -= 1,
            None => {}
        }
        if self.quota_bytes.is_some_and(|q| self.bytes_after_set(key, value) > q) {
            return Err(full());
        }
        let stored = if self.garble_sets > 0 {
            self.garble_sets -= 1;
            // What a flaky storage might keep: the first half, cut at a character boundary.
            value.chars().take(value.chars().count() / 2).collect()
        } else {
            value.to_string()
        };
        self.map.insert(key.to_string(), stored);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<()> {
        self.writes.push(format!("remove {key}"));
        if self.fail_writes {
            return Err(Error::new(ErrorKind::Storage, key, "writing is blocked"));
        }
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>> {
        if self.fail_keys {
            return Err(Error::new(ErrorKind::Unavailable, "", "listing keys is blocked"));
        }
        Ok(self.map.keys().cloned().collect())
    }
}

/// Whether history is kept, and if not, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// A backend is in use (history survives the page).
    pub persistent: bool,
    /// Stored by a newer schema: shown, never written.
    pub read_only: bool,
    /// A sentence for the person when history cannot be kept or changed.
    pub reason: Option<String>,
    /// The stored schema (ours when nothing valid is stored yet).
    pub schema: u32,
}

/// A stored record that could not be read, kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub key: String,
    /// The stored text, byte for byte.
    pub raw: String,
    pub error: String,
}

impl Status {
    /// `status()` as JS sees it.
    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("persistent", Json::Bool(self.persistent)),
            ("read_only", Json::Bool(self.read_only)),
            ("reason", Json::opt_str(self.reason.as_deref())),
            ("schema", Json::Num(f64::from(self.schema))),
        ])
    }
}

impl Unreadable {
    pub fn to_json(&self) -> Json {
        Json::obj(vec![("key", Json::str(&self.key)), ("raw", Json::str(&self.raw)), ("error", Json::str(&self.error))])
    }
}

/// Which of our keys a key is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum OwnKey<'a> {
    Meta,
    Draft,
    /// Schema 0's single key holding every entry.
    Legacy,
    Entry(&'a str),
    /// An import's pack of entries (named after its first; the lines give each id).
    Pack,
    /// A schema-1 entry (`entry:<id>`), with its whole result.
    OldEntry(&'a str),
    Event(&'a str),
}

/// `Some` only when `key` is exactly `<ns>:` + one of our patterns.
fn own_key<'a>(ns: &str, key: &'a str) -> Option<OwnKey<'a>> {
    let rest = key.strip_prefix(ns)?.strip_prefix(':')?;
    let id = |prefix: &str| rest.strip_prefix(prefix).filter(|id| is_valid_id(id));
    let entry_id = |prefix: &str| rest.strip_prefix(prefix).filter(|id| is_entry_id(id));
    match rest {
        "meta" => Some(OwnKey::Meta),
        "draft" => Some(OwnKey::Draft),
        LEGACY_KEY => Some(OwnKey::Legacy),
        // Entry ids start with `e`: `<ns>:e:meta` is a sibling namespace's meta, not ours
        // (and `<ns>:p:meta` the meta of namespace `<ns>:p`).
        _ => entry_id("e:")
            .map(OwnKey::Entry)
            .or_else(|| entry_id("p:").map(|_| OwnKey::Pack))
            .or_else(|| id("entry:").map(OwnKey::OldEntry))
            .or_else(|| id("event:").map(OwnKey::Event)),
    }
}

/// Schema 0's key, under the namespace.
const LEGACY_KEY: &str = "history";

/// Schema 0's history as read: the entries it holds and whether all of it could be read.
#[derive(Debug, Clone)]
struct Legacy {
    entries: Vec<Entry>,
    /// Items that could not be read, with why; while any remain the key is never removed.
    problems: Vec<String>,
    /// The array's items as parsed, to rewrite it without one the person deletes.
    items: Vec<Json>,
}

/// Reads schema 0: an array of entries, each as stored today but without an id
/// (ids came with schema 1 and are derived from the content, so they match).
fn read_legacy(raw: &str) -> Legacy {
    let items = match parse(raw, "") {
        Ok(Json::Arr(items)) => items,
        Ok(_) => return Legacy { entries: Vec::new(), problems: vec!["is not a list of entries".into()], items: Vec::new() },
        Err(e) => return Legacy { entries: Vec::new(), problems: vec![e.text()], items: Vec::new() },
    };
    let mut out = Legacy { entries: Vec::new(), problems: Vec::new(), items: Vec::new() };
    for (i, item) in items.into_iter().enumerate() {
        match legacy_entry(&item, &cat(&["[", &int(i as i64), "]"])) {
            Ok(e) => out.entries.push(e),
            Err(e) => out.problems.push(e.text()),
        }
        out.items.push(item);
    }
    out
}

fn legacy_entry(item: &Json, at: &str) -> Result<Entry> {
    let Json::Obj(members) = item else { return Err(Error::invalid(at, "is not an entry")) };
    if item.get("id").is_some() {
        return entry_from_json(item, at);
    }
    // A placeholder id to pass validation; the real one is derived below.
    let mut with_id = members.clone();
    with_id.push(("id".into(), Json::str("e0")));
    let mut e = entry_from_json(&Json::Obj(with_id), at)?;
    e.id = entry_id(e.at_ms, e.form, &e.answers, &e.context);
    Ok(e)
}

/// What `<ns>:meta` says.
enum Meta {
    Missing,
    /// A schema we can write (ours or older).
    Known(u32),
    Newer(u32),
    /// Unparseable: left as it is until a fresh meta is written successfully.
    Corrupt,
}

fn read_meta(raw: Option<&str>) -> Meta {
    let Some(raw) = raw else { return Meta::Missing };
    let schema = parse(raw, "meta").ok().and_then(|v| v.get("schema").and_then(|s| as_num(s, "schema").ok()));
    match schema {
        Some(n) if n.fract() == 0.0 && n >= 1.0 && n <= f64::from(SCHEMA_VERSION) => Meta::Known(n as u32),
        // Saturates past u32::MAX, which is still newer.
        Some(n) if n.fract() == 0.0 && n > f64::from(SCHEMA_VERSION) => Meta::Newer(n as u32),
        _ => Meta::Corrupt,
    }
}

/// Everything read from the backend in one pass.
struct Loaded {
    meta: Meta,
    history: History,
    unreadable: Vec<Unreadable>,
    draft: Option<String>,
    legacy: Option<String>,
    /// Readable schema-1 entries.
    old: Vec<Entry>,
}

fn read_all<B: Backend>(ns: &str, b: &B) -> Result<Loaded> {
    let mut keys = b.keys()?;
    crate::sort::sort_by(&mut keys, |a, b| a.cmp(b));
    let mut out = Loaded { meta: Meta::Missing, history: History::default(), unreadable: Vec::new(), draft: None, legacy: None, old: Vec::new() };
    // Entries read from packs, added once every key is read (see below).
    let mut packed: Vec<Entry> = Vec::new();
    for key in &keys {
        let Some(own) = own_key(ns, key) else { continue };
        // A key listed a moment ago may be gone (another tab): skip it.
        let Some(raw) = b.get(key)? else { continue };
        let record = match own {
            OwnKey::Meta => {
                out.meta = read_meta(Some(&raw));
                continue;
            }
            OwnKey::Draft => {
                out.draft = Some(raw);
                continue;
            }
            OwnKey::Legacy => {
                out.legacy = Some(raw);
                continue;
            }
            OwnKey::Pack => {
                for line in pack_lines(&raw) {
                    match read_line(line) {
                        Ok(e) => packed.push(e),
                        Err(e) => out.unreadable.push(Unreadable { key: key.clone(), raw: line.to_string(), error: e.text() }),
                    }
                }
                continue;
            }
            OwnKey::Entry(id) => parse(&raw, "").and_then(|v| compact::from_record(v, id)).map(|e| out.history.entries.push(e)),
            OwnKey::OldEntry(id) => read_record(&raw, id, entry_from_json).map(|e| out.old.push(e)),
            OwnKey::Event(id) => read_record(&raw, id, event_from_json).map(|e| out.history.events.push(e)),
        };
        if let Err(e) = record {
            out.unreadable.push(Unreadable { key: key.clone(), raw, error: e.text() });
        }
    }
    if !packed.is_empty() {
        // An entry under its own key (saved again, say with a new note) wins over
        // its line, and an earlier pack over a later one: in a stable order by id
        // of own keys' entries then the packs' lines, the first of each id stays.
        // (By id, not after the sort by time: a record edited by hand may carry
        // another's id with another time.)
        out.history.entries.append(&mut packed);
        crate::sort::sort_by(&mut out.history.entries, |a, b| a.id.cmp(&b.id));
        out.history.entries.dedup_by(|later, first| later.id == first.id);
    }
    exchange::sort(&mut out.history);
    Ok(out)
}

/// A pack's line: `<id> <compact record>`.
fn read_line(line: &str) -> Result<Entry> {
    let Some((id, record)) = split_at_byte(line, b' ').filter(|(id, _)| is_entry_id(id)) else {
        return Err(Error::invalid("", "is not an entry id followed by its record"));
    };
    compact::from_record(parse(record, "")?, id)
}

/// Whether `id` can be an entry's: a record id starting with `e` (events' start
/// with `v`; `<ns>:e:meta` and `<ns>:p:meta` are sibling namespaces' metas).
fn is_entry_id(id: &str) -> bool {
    is_valid_id(id) && id.starts_with('e')
}

/// The id a pack's line is for, when it has one.
fn line_id(line: &str) -> Option<&str> {
    split_at_byte(line, b' ').map(|(id, _)| id)
}

/// A pack's lines. (`str::split` and `split_once` with a `char` brought in the
/// char searcher and slicing panics: about 1 KB of wasm.)
fn pack_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        let (line, after) = split_at_byte(t, b'\n').map_or((t, None), |(l, a)| (l, Some(a)));
        rest = after;
        Some(line)
    })
}

/// `s` before and after the first `byte` (ASCII), when it has one.
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// A record whose id must match its key, or removing it later would miss the key.
fn read_record<T: HasId>(raw: &str, key_id: &str, from_json: fn(&Json, &str) -> Result<T>) -> Result<T> {
    let record = from_json(&parse(raw, "")?, "")?;
    if record.id() != key_id {
        // Quoted as JSON writes it: `{:?}` would keep Rust's escaping code and its Unicode tables (about 4 KB of wasm) for this one message.
        return Err(Error::invalid("id", cat(&[&Json::str(record.id()).to_text(), " does not match its key"])));
    }
    Ok(record)
}

trait HasId {
    fn id(&self) -> &str;
}
impl HasId for Entry {
    fn id(&self) -> &str {
        &self.id
    }
}
impl HasId for Event {
    fn id(&self) -> &str {
        &self.id
    }
}

/// The person's history over a backend, or in memory when there is none.
pub struct Store<B: Backend> {
    ns: String,
    backend: Option<B>,
    read_only: bool,
    reason: Option<String>,
    schema: u32,
    /// A meta of our schema is stored; until then the first write writes one.
    meta_current: bool,
    history: History,
    unreadable: Vec<Unreadable>,
    /// Ids of records kept only in memory (a write failed, or there is no backend).
    unsaved: VecSet<String>,
    draft: Option<String>,
    /// Schema 0's key while it exists: its raw text and what it holds.
    legacy: Option<(String, Legacy)>,
    /// Readable schema-1 entries while their keys exist.
    old: Vec<Entry>,
    /// Ids read from schema-2 entry keys at the last refresh: the copies a migration finds in place.
    copied: VecSet<String>,
    /// The meta could not be read, so the stored schema is unknown.
    meta_corrupt: bool,
}

impl<B: Backend> Store<B> {
    /// Opens the history under `namespace`. Never fails: without a backend, or
    /// when it cannot be read, history lives in memory and `status()` says why.
    pub fn open(namespace: &str, backend: Option<B>, unavailable_reason: Option<String>) -> Self {
        let reason = match backend {
            None => Some(unavailable_reason.unwrap_or_else(|| NO_STORAGE.to_string())),
            Some(_) => None,
        };
        let mut store = Store {
            ns: namespace.to_string(),
            backend,
            read_only: false,
            reason,
            schema: SCHEMA_VERSION,
            meta_current: false,
            history: History::default(),
            unreadable: Vec::new(),
            unsaved: VecSet::new(),
            draft: None,
            legacy: None,
            old: Vec::new(),
            copied: VecSet::new(),
            meta_corrupt: false,
        };
        store.refresh();
        store.migrate();
        store
    }

    pub fn status(&self) -> Status {
        Status {
            persistent: self.backend.is_some(),
            read_only: self.read_only,
            reason: self.reason.clone(),
            schema: self.schema,
        }
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    /// Whether a record of the history is kept only in memory (a write failed,
    /// or there is no backend). Cheaper than `is_saved` for a known record.
    pub fn is_unsaved(&self, id: &str) -> bool {
        self.unsaved.contains(id)
    }

    /// Whether the record is in storage; false for one kept only in memory.
    pub fn is_saved(&self, id: &str) -> bool {
        let known = self.history.entries.iter().any(|e| e.id == id) || self.history.events.iter().any(|e| e.id == id);
        known && !self.unsaved.contains(id)
    }

    /// Keeps the entry (replacing one with the same id) and stores it. On
    /// failure the entry stays in memory, unsaved, and the error says why.
    pub fn save_entry(&mut self, e: Entry) -> Result<()> {
        let (id, key, text) = (e.id.clone(), self.entry_key(&e.id), compact::record_text(&e));
        if keep(&mut self.history.entries, e, &self.unsaved) {
            exchange::sort(&mut self.history);
            return self.store_record(&id, key, &text);
        }
        Ok(())
    }

    /// As `save_entry`, for an event.
    pub fn add_event(&mut self, e: Event) -> Result<()> {
        let (id, key, text) = (e.id.clone(), self.event_key(&e.id), event_to_json(&e).to_text());
        if keep(&mut self.history.events, e, &self.unsaved) {
            exchange::sort(&mut self.history);
            return self.store_record(&id, key, &text);
        }
        Ok(())
    }

    /// Removes a record (or an unreadable one under that id); false when there is none.
    pub fn remove(&mut self, id: &str) -> Result<bool> {
        let keys = [self.entry_key(id), self.key(&cat(&["entry:", id])), self.event_key(id)];
        let in_history = self.history.entries.iter().any(|e| e.id == id) || self.history.events.iter().any(|e| e.id == id);
        // Its own keys' unreadable records, and a pack's damaged line that still starts with the id.
        let pack = cat(&[&self.ns, PACK_KEY]);
        let its = |u: &Unreadable| keys.contains(&u.key) || (u.key.starts_with(&pack) && line_id(&u.raw) == Some(id));
        let in_unreadable = self.unreadable.iter().any(its);
        if !in_history && !in_unreadable {
            return Ok(false);
        }
        // A record only in memory needs no storage; anything stored must really go.
        // (An unsaved edit of a record may still have an older version stored.)
        // Its packs, read now, each with the text it has without the id's lines.
        let packs = self.packs_without(id);
        let in_pack = !matches!(&packs, Ok(p) if p.is_empty());
        let stored = |b: &B| in_pack || keys.iter().any(|k| !matches!(b.get(k), Ok(None)));
        let memory_only = in_history && !in_unreadable && self.unsaved.contains(id) && !self.backend.as_ref().is_some_and(stored);
        match self.writable() {
            Err(_) if memory_only => {}
            Err(e) => return Err(e),
            Ok(()) => {
                for key in &keys {
                    self.delete(key)?;
                }
                for (key, rest) in packs.map_err(storage_error)? {
                    if rest.is_empty() {
                        self.delete(&key)?;
                    } else {
                        self.write(&key, &rest)?;
                    }
                }
                self.remove_from_legacy(id)?;
            }
        }
        self.old.retain(|e| e.id != id);
        self.history.entries.retain(|e| e.id != id);
        self.history.events.retain(|e| e.id != id);
        self.unreadable.retain(|u| !its(u));
        self.unsaved.remove(id);
        Ok(true)
    }

    /// Removes every key of this namespace (and only those), then shows what
    /// is left: nothing, unless a removal failed.
    pub fn clear(&mut self) -> Result<()> {
        if self.read_only {
            return Err(self.read_only_error());
        }
        self.history = History::default();
        self.unreadable.clear();
        self.unsaved.clear();
        self.draft = None;
        let Some(b) = self.backend.as_mut() else { return Ok(()) };
        let ns = self.ns.clone();
        let result = b.keys().map_err(storage_error).and_then(|keys| {
            let mut first_failure = None;
            for key in keys.iter().filter(|k| own_key(&ns, k).is_some()) {
                if let Err(e) = b.remove(key) {
                    first_failure.get_or_insert(storage_error(e));
                }
            }
            first_failure.map_or(Ok(()), Err)
        });
        self.refresh();
        result
    }

    /// The versioned export, unsaved records included.
    pub fn export_json(&self, now_ms: i64) -> String {
        exchange::export_json(&self.history, now_ms)
    }

    pub fn export_csv(&self) -> String {
        exchange::export_csv(&self.history)
    }

    /// Every key of this namespace with its value as stored, unreadable ones
    /// included; records kept only in memory appear as they would be stored.
    pub fn export_raw(&self) -> String {
        let mut raw = VecMap::new();
        // Made up only where storage cannot tell: without a backend, every record;
        // with one, those kept only in memory (a stored one is read below, in its
        // own key or its pack's).
        let made_up = |id: &str| self.backend.is_none() || self.unsaved.contains(id);
        for e in self.history.entries.iter().filter(|e| made_up(&e.id)) {
            raw.insert(self.entry_key(&e.id), compact::record_text(e));
        }
        for e in self.history.events.iter().filter(|e| made_up(&e.id)) {
            raw.insert(self.event_key(&e.id), event_to_json(e).to_text());
        }
        for u in &self.unreadable {
            raw.insert(u.key.clone(), u.raw.clone());
        }
        if let Some(d) = &self.draft {
            raw.insert(self.key("draft"), d.clone());
        }
        // What storage holds wins: that is what "raw" promises.
        if let Some(b) = &self.backend {
            for key in b.keys().unwrap_or_default() {
                if own_key(&self.ns, &key).is_some() {
                    if let Ok(Some(v)) = b.get(&key) {
                        raw.insert(key, v);
                    }
                }
            }
        }
        Json::Obj(raw.into_iter().map(|(k, v)| (k.into(), Json::Str(v))).collect()).to_text()
    }

    /// Merges an export and stores each new record: entries in packs of
    /// `PACK_SIZE`, events each under its own key. On a failure midway the
    /// records stored so far stay stored, the rest stay in memory, and the error says so.
    pub fn import_json(&mut self, text: &str) -> Result<MergeSummary> {
        let (incoming, recomputed) = exchange::read_export(text)?;
        // The records new to us, each once, to store after the merge.
        let fresh = exchange::fresh(&self.history, &incoming);
        let (fresh_entries, fresh_events) = fresh.split_at(incoming.entries.len().min(fresh.len()));
        // Each write as (key, text, where the id starts in an event's key; None for a pack,
        // whose lines start with theirs): the ids are needed only if a write fails.
        let mut pending: Vec<(String, String, Option<usize>)> = Vec::new();
        let mut lines = 0;
        for ((e, &recomputed), _) in incoming.entries.iter().zip(&recomputed).zip(fresh_entries).filter(|(_, &f)| f) {
            if lines % PACK_SIZE == 0 {
                pending.push((e.id.clone(), String::with_capacity(PACK_SIZE * 192), None));
            } else if let Some((_, pack, _)) = pending.last_mut() {
                pack.push('\n');
            }
            if let Some((_, pack, _)) = pending.last_mut() {
                pack.push_str(&e.id);
                pack.push(' ');
                compact::push_record(e, recomputed, pack);
            }
            lines += 1;
        }
        // Each pack's key, named after its first entry (which the first slot held
        // so far); one already holding something else gets a number after it.
        for (key, pack, _) in &mut pending {
            *key = self.free_pack_key(key, pack);
        }
        for (e, _) in incoming.events.iter().zip(fresh_events).filter(|(_, &f)| f) {
            pending.push((self.event_key(&e.id), event_to_json(e).to_text(), Some(self.ns.len() + EVENT_KEY.len())));
        }
        let total = lines + pending.iter().filter(|(_, _, id)| id.is_some()).count();
        // Repeats inside the file are skipped as records already here are.
        let summary = exchange::merge_fresh(&mut self.history, incoming, &fresh);
        let mut done = 0;
        for (i, write) in pending.iter().enumerate() {
            // Marked unsaved only when a write fails, from that record on: marking
            // all first and clearing each after its write cost thousands of
            // sorted-set shifts for a long history.
            if let Err(mut e) = self.write_record(&write.0, &write.1) {
                for (key, text, at) in pending.get(i..).unwrap_or_default() {
                    match at {
                        Some(at) => {
                            self.unsaved.insert(key.get(*at..).unwrap_or_default().to_string());
                        }
                        None => {
                            for id in pack_lines(text).filter_map(line_id) {
                                self.unsaved.insert(id.to_string());
                            }
                        }
                    }
                }
                e.message = cat(&[
                    &e.message,
                    " (",
                    &int(done as i64),
                    " of ",
                    &int(total as i64),
                    " imported records were saved; the rest are kept while this page is open)",
                ]);
                return Err(e);
            }
            done += if write.2.is_some() { 1 } else { pack_lines(&write.1).count() };
            if !self.unreadable.is_empty() {
                // A good record under this key replaces an unreadable one.
                self.unreadable.retain(|u| u.key != write.0);
            }
        }
        Ok(summary)
    }

    /// `<ns>:p:<first>`, or with `-2`, `-3`… after it while that key holds
    /// something other than `pack` (another tab's import that began with the same entry).
    fn free_pack_key(&self, first: &str, pack: &str) -> String {
        let mut n = 1;
        loop {
            let key = if n == 1 { cat(&[&self.ns, PACK_KEY, first]) } else { cat(&[&self.ns, PACK_KEY, first, "-", &int(n)]) };
            match self.backend.as_ref().map(|b| b.get(&key)) {
                Some(Ok(Some(held))) if held != pack => n += 1,
                _ => return key,
            }
        }
    }

    /// Keeps the answers in progress (any JSON), in memory and in storage.
    pub fn save_draft(&mut self, draft: &Json) -> Result<()> {
        let text = draft.to_text();
        self.draft = Some(text.clone());
        self.write_record(&self.key("draft"), &text)
    }

    pub fn load_draft(&self) -> Option<Json> {
        self.draft.as_deref().and_then(|t| parse(t, "draft").ok())
    }

    pub fn clear_draft(&mut self) -> Result<()> {
        self.draft = None;
        if self.backend.is_none() {
            return Ok(());
        }
        self.writable()?;
        self.delete(&self.key("draft"))
    }

    /// Re-reads storage (another tab wrote). Records kept only in memory stay,
    /// unless storage now has them. A backend that cannot be read is dropped:
    /// from then on history lives in memory, and `status()` says why.
    pub fn refresh(&mut self) {
        let Some(b) = &self.backend else { return };
        let loaded = match read_all(&self.ns, b) {
            Ok(l) => l,
            Err(_) => {
                self.backend = None;
                self.reason = Some(STORAGE_UNREADABLE.to_string());
                return;
            }
        };
        self.meta_corrupt = matches!(loaded.meta, Meta::Corrupt);
        (self.read_only, self.meta_current, self.schema) = match loaded.meta {
            Meta::Newer(n) => (true, false, n),
            Meta::Known(n) => (false, n == SCHEMA_VERSION, n),
            Meta::Missing if loaded.legacy.is_some() => (false, false, 0),
            Meta::Missing if !loaded.old.is_empty() => (false, false, 1),
            Meta::Missing | Meta::Corrupt => (false, false, SCHEMA_VERSION),
        };
        self.reason = self.read_only.then(|| NEWER_SCHEMA.to_string());
        let mut history = loaded.history;
        let mut unreadable = loaded.unreadable;
        self.copied = history.entries.iter().map(|e| e.id.clone()).collect();
        // Entries not yet copied to schema-2 keys are shown from the older data;
        // schema 1 before schema 0, since its record may carry a later note.
        let mut shown = self.copied.clone();
        for e in &loaded.old {
            if shown.insert(e.id.clone()) {
                history.entries.push(e.clone());
            }
        }
        self.old = loaded.old;
        self.legacy = loaded.legacy.map(|raw| {
            let legacy = read_legacy(&raw);
            for e in &legacy.entries {
                if shown.insert(e.id.clone()) {
                    history.entries.push(e.clone());
                }
            }
            if !legacy.problems.is_empty() {
                let error = cat(&["part of the older history could not be read (", &crate::json::join(&legacy.problems, "; "), ")"]);
                unreadable.push(Unreadable { key: self.key(LEGACY_KEY), raw: raw.clone(), error });
            }
            (raw, legacy)
        });
        let stored: VecSet<&str> = history.entries.iter().map(|e| e.id.as_str()).chain(history.events.iter().map(|e| e.id.as_str())).collect();
        self.unsaved.retain(|id| !stored.contains(id.as_str()));
        let unsaved = &self.unsaved;
        history.entries.extend(self.history.entries.drain(..).filter(|e| unsaved.contains(&e.id)));
        history.events.extend(self.history.events.drain(..).filter(|e| unsaved.contains(&e.id)));
        exchange::sort(&mut history);
        self.history = history;
        self.unreadable = unreadable;
        self.draft = loaded.draft;
    }

    /// Copies older layouts' entries to schema-2 keys, copy-on-write (see the
    /// module docs). Any failure stops it with the old data untouched; the next start resumes.
    fn migrate(&mut self) {
        let legacy = self.legacy.as_ref().map(|(_, l)| l.clone());
        if legacy.is_none() && self.old.is_empty() {
            return;
        }
        // An unreadable meta may be a newer schema's: nothing is written until a save.
        if self.meta_corrupt || self.writable().is_err() {
            return;
        }
        let old = std::mem::take(&mut self.old);
        let result = self.copy_all(old.iter().chain(legacy.iter().flat_map(|l| l.entries.iter())));
        self.old = old;
        let Ok(wrote) = result else { return };
        // The old data goes only when an earlier start made every copy and this one
        // found them all in place: schema 1's readable keys, and schema 0's key
        // only when every item in it could be read.
        if wrote {
            return;
        }
        let old_keys: Vec<String> = self.old.iter().map(|e| self.key(&cat(&["entry:", &e.id]))).collect();
        for key in old_keys {
            if self.delete(&key).is_err() {
                return;
            }
        }
        self.old.clear();
        if legacy.is_some_and(|l| l.problems.is_empty()) && self.delete(&self.key(LEGACY_KEY)).is_ok() {
            self.legacy = None;
        }
    }

    /// Writes each entry not yet under its schema-2 key, then the meta; true
    /// when anything was written. A readable record under the key is the copy
    /// (it may carry a later note) and is never overwritten.
    fn copy_all<'a>(&mut self, entries: impl Iterator<Item = &'a Entry>) -> Result<bool> {
        let mut wrote = false;
        for e in entries {
            if self.copied.contains(&e.id) {
                continue;
            }
            let key = self.entry_key(&e.id);
            self.write(&key, &compact::record_text(e))?;
            self.copied.insert(e.id.clone());
            self.unreadable.retain(|u| u.key != key);
            wrote = true;
        }
        if !self.meta_current {
            self.write_meta()?;
            wrote = true;
        }
        Ok(wrote)
    }

    /// Each pack holding a line for `id`, read now (another tab may have taken
    /// out other lines meanwhile, and writing back a copy kept in memory would
    /// bring them back), with the text it has without those lines (empty when
    /// none are left).
    fn packs_without(&self, id: &str) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        let Some(b) = &self.backend else { return Ok(out) };
        for key in b.keys()? {
            if own_key(&self.ns, &key) != Some(OwnKey::Pack) {
                continue;
            }
            let Some(raw) = b.get(&key)? else { continue };
            let (mut rest, mut kept, mut found) = (String::new(), 0, false);
            for line in pack_lines(&raw) {
                if line_id(line) == Some(id) {
                    found = true;
                    continue;
                }
                if kept > 0 {
                    rest.push('\n');
                }
                rest.push_str(line);
                kept += 1;
            }
            if found {
                out.push((key, rest));
            }
        }
        Ok(out)
    }

    /// Deletes an entry from schema 0's key too, or the next start would bring it back.
    fn remove_from_legacy(&mut self, id: &str) -> Result<()> {
        let Some((_, legacy)) = &self.legacy else { return Ok(()) };
        if !legacy.entries.iter().any(|e| e.id == id) {
            return Ok(());
        }
        let rest: Vec<Json> =
            legacy.items.iter().filter(|item| legacy_entry(item, "").map_or(true, |e| e.id != id)).cloned().collect();
        let key = self.key(LEGACY_KEY);
        if rest.is_empty() {
            self.delete(&key)?;
            self.legacy = None;
        } else {
            let text = Json::Arr(rest).to_text();
            self.write(&key, &text)?;
            self.legacy = Some((text.clone(), read_legacy(&text)));
        }
        Ok(())
    }

    // ---- writing ----

    fn key(&self, suffix: &str) -> String {
        cat(&[&self.ns, ":", suffix])
    }
    fn entry_key(&self, id: &str) -> String {
        cat(&[&self.ns, ENTRY_KEY, id])
    }
    fn event_key(&self, id: &str) -> String {
        cat(&[&self.ns, EVENT_KEY, id])
    }

    fn read_only_error(&self) -> Error {
        Error::new(ErrorKind::ReadOnly, "storage", NEWER_SCHEMA)
    }

    /// Ok when writes may reach the backend.
    fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(self.read_only_error());
        }
        if self.backend.is_none() {
            let why = self.reason.as_deref().unwrap_or(NO_STORAGE);
            return Err(Error::new(ErrorKind::Unavailable, "storage", why));
        }
        Ok(())
    }

    /// Stores a record already kept in memory; it counts as saved only on success.
    fn store_record(&mut self, id: &str, key: String, text: &str) -> Result<()> {
        self.unsaved.insert(id.to_string());
        self.write_record(&key, text)?;
        self.unsaved.remove(id);
        // A good record under this key replaces an unreadable one.
        self.unreadable.retain(|u| u.key != key);
        Ok(())
    }

    /// Writes our meta first if storage lacks a current one, then the value.
    fn write_record(&mut self, key: &str, value: &str) -> Result<()> {
        self.writable()?;
        if !self.meta_current {
            self.write_meta()?;
        }
        self.write(key, value)
    }

    fn write_meta(&mut self) -> Result<()> {
        let meta = Json::obj(vec![("schema", Json::Num(f64::from(SCHEMA_VERSION)))]).to_text();
        self.write(&self.key("meta"), &meta)?;
        (self.meta_current, self.schema) = (true, SCHEMA_VERSION);
        Ok(())
    }

    /// Sets a key and reads it back; a mismatch puts back what was there before.
    fn write(&mut self, key: &str, value: &str) -> Result<()> {
        let b = self.backend.as_mut().ok_or_else(|| Error::new(ErrorKind::Unavailable, "storage", NO_STORAGE))?;
        if b.set_checked(key, value).map_err(storage_error)? {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::WriteMismatch,
            "storage",
            "the browser did not keep what was saved (it read back differently), so it is kept only while this page is open",
        ))
    }

    /// Removes a key and checks it is gone.
    fn delete(&mut self, key: &str) -> Result<()> {
        let b = self.backend.as_mut().ok_or_else(|| Error::new(ErrorKind::Unavailable, "storage", NO_STORAGE))?;
        b.remove(key).map_err(storage_error)?;
        match b.get(key) {
            Ok(None) => Ok(()),
            _ => Err(Error::new(ErrorKind::WriteMismatch, "storage", "the browser did not remove it")),
        }
    }
}

/// Puts `item` into `list` (replacing the one with its id); false when an
/// identical, stored one is already there and nothing needs writing.
fn keep<T: HasId + PartialEq>(list: &mut Vec<T>, item: T, unsaved: &VecSet<String>) -> bool {
    match list.iter_mut().find(|x| x.id() == item.id()) {
        Some(x) if *x == item && !unsaved.contains(item.id()) => false,
        Some(x) => {
            *x = item;
            true
        }
        None => {
            list.push(item);
            true
        }
    }
}

/// A backend failure as the person reads it; the kind is kept.
fn storage_error(e: Error) -> Error {
    match e.kind {
        ErrorKind::Quota => Error::new(
            ErrorKind::Quota,
            "storage",
            "this browser's storage for the page is full, so this was not saved; it is kept while the page is open. Export your history or remove older entries to make room",
        ),
        kind => Error::new(kind, "storage", cat(&["the browser's storage refused this (", &e.text(), ")"])),
    }
}
