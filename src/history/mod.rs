//! The person's history: saved assessments (entries) and logged events, what
//! the analyses read from them, and how they travel (export, import, merge).

pub mod analyze;
pub mod record;
pub mod compact;
pub mod exchange;

use crate::date::Date;
use crate::model::{ChangeWhat, Form, Locale, RestType};
use crate::scoring::{Context, Outcome};
use crate::vecmap::VecMap;
use std::borrow::Cow;

/// An answered item's id: borrowed from the questionnaire where it comes from it
/// (a new check, answers stored as digits), owned where it was read as a name.
pub type AnswerId = Cow<'static, str>;

/// One saved assessment: its answers and its results as they were.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Derived from the content (`record::entry_id`), so the same assessment
    /// imported twice is recognised.
    pub id: String,
    /// When it was taken, milliseconds since the Unix epoch (UTC).
    pub at_ms: i64,
    /// Its calendar date in the person's own time zone at the time.
    pub date: Date,
    pub form: Form,
    pub questionnaire_version: u32,
    pub scoring_version: u32,
    /// The language it was taken in.
    pub locale: Locale,
    /// Item id -> 0..=4. Kept as strings so entries of older forms stay readable;
    /// read from digits, an id borrows the item's own (no allocation per answer).
    pub answers: VecMap<AnswerId, u8>,
    pub context: Context,
    /// The numbers as scored then (texts are rendered anew in the reader's language).
    pub outcome: Outcome,
    pub note: Option<String>,
}

/// A logged event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Derived from the content (`record::event_id`).
    pub id: String,
    pub kind: EventKind,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EventKind {
    /// A period off, first and last day off inclusive; may lie in the future.
    Rest { start: Date, end: Date, rest_type: RestType },
    /// A change in structure.
    Change { date: Date, what: ChangeWhat },
}

/// One strain value on a calendar date: what the analyses read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub date: Date,
    pub strain: f64,
}

/// Everything stored for one person.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Oldest first (by `at_ms`, then id).
    pub entries: Vec<Entry>,
    /// By date (rest start / change date), then id.
    pub events: Vec<Event>,
}

impl History {
    /// One reading per entry that has a strain value, in entry order.
    pub fn readings(&self) -> Vec<Reading> {
        // A loop rather than `filter_map`/`collect`: less wasm.
        let mut out = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            if let Some(strain) = e.outcome.indices.strain {
                out.push(Reading { date: e.date, strain });
            }
        }
        out
    }
}
