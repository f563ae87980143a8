//! The export envelope (JSON), CSV export, import validation and merge.
//! Records are identified by their id, so merging is idempotent and a file
//! imported twice adds nothing.

use super::compact;
use super::record::{event_from_json, event_to_json, read_entry};
use super::{Entry, Event, EventKind, History};
use crate::cat::{cat, push_int, push_padded};
use crate::date::Date;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{as_arr, as_num, optional, parse, Json, Reader};

/// What `format` says in every export: how we recognise our own files.
pub const EXPORT_FORMAT: &str = "burnout-check/history";
/// Bump when the export shape changes; files from a newer version are refused, not guessed at.
pub const EXPORT_VERSION: u32 = 2;
/// Years of weekly checks are well under 1 MB; anything past this is not ours.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// What a merge did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub entries_added: usize,
    pub events_added: usize,
    /// Records already present (by id), or repeated in the file.
    pub skipped: usize,
}

impl MergeSummary {
    /// `importJson()`'s result as JS sees it.
    pub fn to_json(&self) -> Json {
        let n = |c: usize| Json::Num(c as f64);
        Json::obj(vec![
            ("entries_added", n(self.entries_added)),
            ("events_added", n(self.events_added)),
            ("skipped", n(self.skipped)),
        ])
    }
}

/// The versioned export of a whole history. Since version 2 each entry is its
/// stored record with the export's names (`compact::push_export_entry`): the
/// answers as one digit per item of its form, in the order of its questionnaire
/// version (what `questionnaire()` lists; only the current version's are read),
/// and the result only where the scorer would not give it back exactly. That is
/// about a sixth of version 1's text, which held every result in full.
pub fn export_json(h: &History, exported_at_ms: i64) -> String {
    let mut out = String::with_capacity(256 + h.entries.len() * 260 + h.events.len() * 100);
    out.push_str("{\"format\":");
    crate::json::write_str(EXPORT_FORMAT, &mut out);
    out.push_str(",\"version\":");
    push_int(&mut out, i64::from(EXPORT_VERSION));
    out.push_str(",\"exported_at\":");
    out.push_str(&Json::Num(exported_at_ms as f64).to_text());
    out.push_str(",\"entries\":[");
    for (i, e) in h.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        compact::push_export_entry(e, &mut out);
    }
    out.push_str("],\"events\":");
    out.push_str(&Json::Arr(h.events.iter().map(event_to_json).collect()).to_text());
    out.push('}');
    out
}

/// Reads an export, validating every record; errors name `entries[i]...`.
pub fn import_json(text: &str) -> Result<History> {
    let (incoming, _) = read_export(text)?;
    // Repeats inside the file collapse exactly as a merge would.
    let mut h = History::default();
    merge(&mut h, incoming);
    Ok(h)
}

/// The records of an export in the file's order, repeats included, and for each
/// entry whether its result was recomputed (the file left it out, so storing it
/// needs no scoring to tell that the scorer gives it back).
pub(crate) fn read_export(text: &str) -> Result<(History, Vec<bool>)> {
    if text.len() > MAX_IMPORT_BYTES {
        // Says MAX_IMPORT_BYTES (a test holds them together).
        return Err(Error::new(ErrorKind::TooLarge, "", "this file is over 5 MB; a burnout-check export is never that large"));
    }
    match read_export_fast(text) {
        Some(read) => Ok(read),
        None => read_export_tree(text),
    }
}

/// `read_export` of a file laid out as `export_json` writes it (its members in
/// that order), with no tree of the whole file: each entry is read into one
/// reused object and checked by `read_entry` as in the tree, so its strings and
/// objects are not allocated and freed again for every entry (the tree of an
/// export of 2,000 entries held some 22,000 allocations). `None` for any other
/// layout (a hand-edited file, say), a long decimal, and any error:
/// `read_export` then reads the file as a tree, which names the error. Where it
/// gives records they are the tree's (tests/exchange.rs holds the two
/// together, on exports and on damaged ones).
pub fn read_export_fast(text: &str) -> Option<(History, Vec<bool>)> {
    let mut r = Reader::new(text);
    if !r.take(b'{') || !matches!(r.member("format")?, Json::Str(f) if f == EXPORT_FORMAT) || !r.take(b',') {
        return None;
    }
    let Json::Num(version) = r.member("version")? else { return None };
    if version.fract() != 0.0 || !(1.0..=f64::from(EXPORT_VERSION)).contains(&version) || !r.take(b',') {
        return None;
    }
    if !matches!(r.member("exported_at")?, Json::Num(_) | Json::Null) || !r.take(b',') || &*r.key()? != "entries" {
        return None;
    }
    let (entries, recomputed) = read_entries_fast(&mut r, version >= 2.0)?;
    if !r.take(b',') {
        return None;
    }
    let events = match r.member("events")? {
        Json::Null => Vec::new(),
        list => crate::json::each(as_arr(&list, "events").ok()?, "events", &mut |e| event_from_json(e, "")).ok()?,
    };
    (r.take(b'}') && r.at_end()).then_some((History { entries, events }, recomputed))
}

/// An export's list of entries, each read into one reused object and checked
/// by `read_entry`; with, for each, whether its result was recomputed.
fn read_entries_fast(r: &mut Reader, compact: bool) -> Option<(Vec<Entry>, Vec<bool>)> {
    let (mut entries, mut recomputed) = (Vec::new(), Vec::new());
    let mut entry = Json::Null;
    if !r.take(b'[') {
        return None;
    }
    if r.take(b']') {
        return Some((entries, recomputed));
    }
    loop {
        r.object_into(&mut entry, 2)?;
        entries.push(read_export_entry(&entry, compact, &mut recomputed).ok()?);
        if r.take(b']') {
            return Some((entries, recomputed));
        }
        if !r.take(b',') {
            return None;
        }
    }
}

/// An export's entry, as both readers read it; notes in `recomputed` whether its
/// result was left out (and so recomputed), for a `compact` export (version 2).
fn read_export_entry(e: &Json, compact: bool, recomputed: &mut Vec<bool>) -> Result<Entry> {
    recomputed.push(compact && optional(e, "result").is_none());
    read_entry(e, "", compact)
}

/// `read_export` through a JSON tree of the whole file: every version, and the
/// error named for any file that is not an export it can read.
pub fn read_export_tree(text: &str) -> Result<(History, Vec<bool>)> {
    let not_ours = |why: String| Error::invalid("", cat(&["this is not a burnout-check export (", &why, ")"]));
    let v = parse(text, "").map_err(|e| not_ours(e.message))?;
    if !matches!(v, Json::Obj(_)) || v.get("format") != Some(&Json::str(EXPORT_FORMAT)) {
        return Err(Error::invalid("format", "this is not a burnout-check export"));
    }
    // The version first: a newer file may have any shape after it.
    let version = match v.get("version") {
        Some(n) => as_num(n, "version")?,
        None => return Err(Error::invalid("version", "is missing")),
    };
    if version.fract() != 0.0 || version < 1.0 {
        return Err(Error::invalid("version", cat(&[&crate::num::shortest(version), " is not a version number"])));
    }
    if version > f64::from(EXPORT_VERSION) {
        return Err(Error::new(
            ErrorKind::NewerVersion,
            "version",
            cat(&["this file comes from a newer version of burnout-check (", &crate::num::shortest(version), "); update the tool to import it"]),
        ));
    }
    if let Some(at) = optional(&v, "exported_at") {
        as_num(at, "exported_at")?;
    }
    let list = |key: &str| -> Result<&[Json]> {
        match optional(&v, key) {
            None => Ok(&[]),
            Some(a) => as_arr(a, key),
        }
    };
    // Version 2 writes entries as they are stored: answers as digits, results left out.
    let compact = version >= 2.0;
    let mut recomputed = Vec::new();
    let entries = crate::json::each(list("entries")?, "entries", &mut |e| read_export_entry(e, compact, &mut recomputed))?;
    let events = crate::json::each(list("events")?, "events", &mut |e| event_from_json(e, ""))?;
    Ok((History { entries, events }, recomputed))
}

/// Adds the records of `other` whose ids `into` lacks; never duplicates, idempotent.
pub fn merge(into: &mut History, other: History) -> MergeSummary {
    let fresh = fresh(into, &other);
    merge_fresh(into, other, &fresh)
}

/// For each entry of `other` and then each of its events, whether it is new: its
/// id is not in `into`, nor on a record before it in `other`. Entry and event ids
/// never collide (`e…` / `v…`), so one sorted list serves both.
///
/// All ids are sorted once, each with its place (0 for `into`'s, so those come
/// first among equals); the first of each id is new when it is `other`'s. Adding
/// each id to a sorted set instead moved half the set along per id: quadratic in
/// an import of 2,000 entries.
pub fn fresh(into: &History, other: &History) -> Vec<bool> {
    // Plain loops: the iterator adapters for this compiled to 1 KB more.
    let mut all: Vec<(&str, usize)> = Vec::new();
    for e in &into.entries {
        all.push((&e.id, 0));
    }
    for e in &into.events {
        all.push((&e.id, 0));
    }
    let mut place = 0;
    for e in &other.entries {
        place += 1;
        all.push((&e.id, place));
    }
    for e in &other.events {
        place += 1;
        all.push((&e.id, place));
    }
    crate::sort::sort_by(&mut all, |a, b| a.cmp(b));
    let mut fresh = vec![false; other.entries.len() + other.events.len()];
    let mut last = None;
    for &(id, place) in &all {
        if last != Some(id) {
            if let Some(f) = place.checked_sub(1).and_then(|i| fresh.get_mut(i)) {
                *f = true;
            }
        }
        last = Some(id);
    }
    fresh
}

/// Adds the records of `other` that `fresh` (as `fresh(into, &other)` gives it) marks new.
pub fn merge_fresh(into: &mut History, mut other: History, fresh: &[bool]) -> MergeSummary {
    let total = other.entries.len() + other.events.len();
    let mut fresh = fresh.iter();
    other.entries.retain(|_| fresh.next() == Some(&true));
    other.events.retain(|_| fresh.next() == Some(&true));
    let summary = MergeSummary {
        entries_added: other.entries.len(),
        events_added: other.events.len(),
        skipped: total - other.entries.len() - other.events.len(),
    };
    into.entries.append(&mut other.entries);
    into.events.append(&mut other.events);
    sort(into);
    summary
}

/// The date an event is ordered by: a rest's first day off, a change's date.
pub fn event_date(e: &Event) -> Date {
    match e.kind {
        EventKind::Rest { start, .. } => start,
        EventKind::Change { date, .. } => date,
    }
}

/// Puts a history in the orders `History` documents: entries by time then id,
/// events by date then id.
pub fn sort(h: &mut History) {
    crate::sort::sort_by(&mut h.entries, |a, b| (a.at_ms, &a.id).cmp(&(b.at_ms, &b.id)));
    crate::sort::sort_by(&mut h.events, |a, b| (event_date(a), &a.id).cmp(&(event_date(b), &b.id)));
}

// ---- CSV ----

const CSV_HEADER: [&str; 19] = [
    "kind",
    "id",
    "at",
    "date",
    "form",
    "profile",
    "band",
    "strain",
    "wear",
    "load",
    "mismatch",
    "compensation",
    "flags",
    "top_areas",
    "start",
    "end",
    "type",
    "what",
    "note",
];

/// One row per entry, then one per event (`kind` tells them apart); RFC 4180
/// with CRLF, and cells that a spreadsheet would run as a formula defused.
pub fn export_csv(h: &History) -> String {
    let mut out = String::new();
    push_row(&mut out, &CSV_HEADER.map(String::from));
    for e in &h.entries {
        push_row(&mut out, &entry_row(e));
    }
    for e in &h.events {
        push_row(&mut out, &event_row(e));
    }
    out
}

fn entry_row(e: &Entry) -> [String; 19] {
    let o = &e.outcome;
    let score = |v: Option<f64>| v.map(crate::num::fixed1).unwrap_or_default();
    let joined = |ids: Vec<&str>| crate::json::join(&ids, ";");
    [
        "entry".into(),
        e.id.clone(),
        iso_utc(e.at_ms),
        e.date.text(),
        e.form.id().into(),
        o.profile.id().into(),
        o.band.map(|b| b.id()).unwrap_or_default().into(),
        score(o.indices.strain),
        score(o.indices.wear),
        score(o.indices.load),
        score(o.indices.mismatch),
        score(o.indices.compensation),
        joined(o.flags.iter().map(|f| f.id()).collect()),
        joined(o.top_areas.iter().map(|c| c.id()).collect()),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        e.note.clone().unwrap_or_default(),
    ]
}

fn event_row(e: &Event) -> [String; 19] {
    let mut row: [String; 19] = Default::default();
    row[1] = e.id.clone();
    match &e.kind {
        EventKind::Rest { start, end, rest_type } => {
            row[0] = "rest".into();
            row[14] = start.text();
            row[15] = end.text();
            row[16] = rest_type.id().into();
        }
        EventKind::Change { date, what } => {
            row[0] = "change".into();
            row[3] = date.text();
            row[17] = what.id().into();
        }
    }
    row[18] = e.note.clone().unwrap_or_default();
    row
}

fn push_row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(cell));
    }
    out.push_str("\r\n");
}

/// One CSV cell: a leading `'` stops spreadsheets from running `=`, `+`, `-`,
/// `@`, tab or CR as a formula; quotes when the cell holds `,` `"` or a line break.
pub fn csv_cell(s: &str) -> String {
    let mut cell = String::with_capacity(s.len() + 3);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.push('\'');
    }
    cell.push_str(s);
    if cell.contains([',', '"', '\n', '\r']) {
        cat(&["\"", &cell.replace(['"'], "\"\""), "\""])
    } else {
        cell
    }
}

/// `2026-03-02T09:15:00Z`: the moment in UTC, readable by spreadsheets.
fn iso_utc(at_ms: i64) -> String {
    const DAY_MS: i64 = 86_400_000;
    let day = at_ms.div_euclid(DAY_MS);
    let ms = at_ms.rem_euclid(DAY_MS);
    let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
    // Stored times are within +-8.64e15 ms, i.e. +-1e8 days, which fits an i32.
    let date = Date(i32::try_from(day).unwrap_or(0));
    let mut out = date.text();
    for (sep, n) in [('T', h), (':', m), (':', s)] {
        out.push(sep);
        push_padded(&mut out, n, 2);
    }
    out.push('Z');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_in_utc() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(1_772_443_800_000), "2026-03-02T09:30:00Z");
        assert_eq!(iso_utc(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn formulas_are_defused_and_separators_quoted() {
        assert_eq!(csv_cell("=1+2"), "'=1+2");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("-x\ny"), "\"'-x\ny\"");
        assert_eq!(csv_cell("plain"), "plain");
    }
}
