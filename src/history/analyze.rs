//! Trend, chronicity, rest response and structural change over the readings:
//! MODEL.md "What the history adds". Pure functions over plain values; the
//! stateless `analyze()` export validates its input with [`parse_input`].

use crate::cat::cat;
use crate::date::Date;
use crate::error::{path, Error, Result};
use crate::history::{Event, EventKind, Reading};
use crate::json::{as_arr, as_num, as_str, member, only_keys, optional, Json};
use crate::model::{ChangeWhat, Direction, RestState, RestType};
use crate::thresholds::{
    CHANGE_READINGS, CHRONIC_HIGH, RELIABLE_CHANGE, REST_BASELINE_DAYS, REST_FOLLOW_FROM, REST_FOLLOW_TO,
    REST_KEPT_SHARE, REST_RELIEF_MIN, REST_RETURN_DAYS, SLOW_RISE_TOTAL,
};

/// What the stateless `analyze()` receives, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalyzeInput {
    /// In the order given (ties on a date keep it).
    pub readings: Vec<Reading>,
    pub events: Vec<Event>,
    pub today: Date,
}

/// The whole history analysis; serializes to MODEL.md's `analyze()` output.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub trend: Trend,
    /// First reading of the latest unbroken run at `CHRONIC_HIGH` or more.
    pub high_since: Option<Date>,
    /// One per rest event, by start date.
    pub rest: Vec<RestResponse>,
    /// One per change event, by date.
    pub changes: Vec<ChangeEffect>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// Latest reading minus the one before it; null with fewer than two.
    pub change: Option<f64>,
    pub reliable: bool,
    pub direction: Direction,
    pub slow_rise: bool,
}

/// How one rest period worked out, as far as the readings can tell yet.
#[derive(Debug, Clone, PartialEq)]
pub struct RestResponse {
    pub start: Date,
    pub end: Date,
    pub rest_type: RestType,
    pub state: RestState,
    /// baseline - return.
    pub relief: Option<f64>,
    /// baseline - follow-up.
    pub kept: Option<f64>,
    /// Only while `pending`: when a reading would move the state on.
    pub next_check: Option<Date>,
    /// Readings in the baseline, return and follow-up windows.
    pub counts: [usize; 3],
    /// The three window means (extra to MODEL.md; the front end can draw them).
    pub baseline: Option<f64>,
    pub back: Option<f64>,
    pub follow_up: Option<f64>,
}

/// Strain around one change in structure.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEffect {
    pub date: Date,
    pub what: ChangeWhat,
    pub strain_before: Option<f64>,
    pub strain_after: Option<f64>,
    /// How many readings each mean used (at most `CHANGE_READINGS`).
    pub counts: [usize; 2],
}

/// The three windows of a rest period, each inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestWindows {
    pub baseline: (Date, Date),
    pub back: (Date, Date),
    pub follow_up: (Date, Date),
}

/// Saturating, so that no date handed to the analysis can overflow it.
fn shift(d: Date, days: i32) -> Date {
    Date(d.0.saturating_add(days))
}

impl RestWindows {
    pub fn new(start: Date, end: Date) -> RestWindows {
        RestWindows {
            baseline: (shift(start, -REST_BASELINE_DAYS), start),
            back: (shift(end, 1), shift(end, REST_RETURN_DAYS)),
            follow_up: (shift(end, REST_FOLLOW_FROM), shift(end, REST_FOLLOW_TO)),
        }
    }
}

/// Mean and count of the points dated in `[from, to]`; the bindings reuse it for
/// the load index at follow-up.
pub fn window_mean(points: &[(Date, f64)], from: Date, to: Date) -> (Option<f64>, usize) {
    let (sum, n) = points
        .iter()
        .filter(|(d, _)| from <= *d && *d <= to)
        .fold((0.0, 0usize), |(s, n), (_, v)| (s + v, n + 1));
    (if n == 0 { None } else { Some(sum / n as f64) }, n)
}

fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() { None } else { Some(values.iter().sum::<f64>() / values.len() as f64) }
}

/// Every analysis at once. Assumes validated input (no reading after `today`),
/// but never panics on any.
pub fn analyze(readings: &[Reading], events: &[Event], today: Date) -> Analysis {
    let mut sorted = readings.to_vec();
    // Stable: readings on one date keep the order they were given in.
    crate::sort::sort_by_key(&mut sorted, |r| r.date);
    // Plain loops rather than `map`/`collect` chains in this module: less wasm.
    let mut points: Vec<(Date, f64)> = Vec::with_capacity(sorted.len());
    for r in &sorted {
        points.push((r.date, r.strain));
    }

    let mut rests: Vec<(Date, Date, RestType)> = Vec::new();
    let mut changes: Vec<(Date, ChangeWhat)> = Vec::new();
    for e in events {
        match e.kind {
            EventKind::Rest { start, end, rest_type } => rests.push((start, end, rest_type)),
            EventKind::Change { date, what } => changes.push((date, what)),
        }
    }
    crate::sort::sort_by_key(&mut rests, |r| r.0);
    crate::sort::sort_by_key(&mut changes, |c| c.0);

    let mut rest = Vec::with_capacity(rests.len());
    for (s, e, t) in rests {
        rest.push(rest_response(&points, s, e, t, today));
    }
    let mut effects = Vec::with_capacity(changes.len());
    for (d, w) in changes {
        effects.push(change_effect(&sorted, d, w));
    }
    Analysis { trend: trend(&sorted), high_since: high_since(&sorted), rest, changes: effects }
}

/// `sorted` by date.
fn trend(sorted: &[Reading]) -> Trend {
    let n = sorted.len();
    let last = |k: usize| if n >= k { sorted.get(n - k).map(|r| r.strain) } else { None };
    let change = match (last(1), last(2)) {
        (Some(r2), Some(r1)) => Some(r2 - r1),
        _ => None,
    };
    let reliable = change.is_some_and(|c| c.abs() >= RELIABLE_CHANGE);
    let direction = match change {
        Some(c) if reliable && c > 0.0 => Direction::Up,
        Some(c) if reliable && c < 0.0 => Direction::Down,
        _ => Direction::None,
    };
    // The pattern that builds quietly: each reading a little higher, enough in all.
    let slow_rise = match (last(3), last(2), last(1)) {
        (Some(r1), Some(r2), Some(r3)) => r1 < r2 && r2 < r3 && r3 - r1 >= SLOW_RISE_TOTAL,
        _ => false,
    };
    Trend { change, reliable, direction, slow_rise }
}

/// `sorted` by date.
fn high_since(sorted: &[Reading]) -> Option<Date> {
    let mut since = None;
    for r in sorted.iter().rev() {
        if r.strain >= CHRONIC_HIGH {
            since = Some(r.date);
        } else {
            break;
        }
    }
    since
}

/// One window the state may need: its days and what it holds.
struct Window {
    last_day: Date,
    first_day: Date,
    mean: Option<f64>,
}

/// Why a needed window gives no value yet: still open, or closed empty.
fn missing(w: &Window, today: Date) -> (RestState, Option<Date>) {
    if today <= w.last_day {
        (RestState::Pending, Some(today.max(w.first_day)))
    } else {
        (RestState::Insufficient, None)
    }
}

fn rest_response(points: &[(Date, f64)], start: Date, end: Date, rest_type: RestType, today: Date) -> RestResponse {
    let w = RestWindows::new(start, end);
    let window = |(from, to): (Date, Date)| {
        let (mean, count) = window_mean(points, from, to);
        (Window { first_day: from, last_day: to, mean }, count)
    };
    let (baseline, nb) = window(w.baseline);
    let (back, nr) = window(w.back);
    let (follow_up, nf) = window(w.follow_up);

    let diff = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a - b);
    let relief = diff(baseline.mean, back.mean);
    let kept = diff(baseline.mean, follow_up.mean);

    // Decide in window order; each step needs only the windows before it, so
    // a rest that brought no relief is known before its follow-up exists.
    let (state, next_check) = match (relief, kept) {
        _ if baseline.mean.is_none() => missing(&baseline, today),
        _ if back.mean.is_none() => missing(&back, today),
        (Some(r), _) if r < REST_RELIEF_MIN => (RestState::NoRelief, None),
        (_, None) => missing(&follow_up, today),
        (Some(r), Some(k)) if k >= r * REST_KEPT_SHARE => (RestState::Restorative, None),
        _ => (RestState::Faded, None),
    };

    RestResponse {
        start,
        end,
        rest_type,
        state,
        relief,
        kept,
        next_check,
        counts: [nb, nr, nf],
        baseline: baseline.mean,
        back: back.mean,
        follow_up: follow_up.mean,
    }
}

/// `sorted` by date.
fn change_effect(sorted: &[Reading], date: Date, what: ChangeWhat) -> ChangeEffect {
    let split = sorted.partition_point(|r| r.date < date);
    let (before, after) = sorted.split_at(split);
    // The nearest readings on each side, nearest first (as `mean` sums them).
    let (mut b, mut a) = (Vec::new(), Vec::new());
    for r in before.iter().rev() {
        if b.len() < CHANGE_READINGS {
            b.push(r.strain);
        }
    }
    for r in after {
        if a.len() < CHANGE_READINGS {
            a.push(r.strain);
        }
    }
    let (before, after) = (b, a);
    ChangeEffect {
        date,
        what,
        strain_before: mean(&before),
        strain_after: mean(&after),
        counts: [before.len(), after.len()],
    }
}

// ---- output: one shape, for JS and native tests alike ----

fn date_json(d: Date) -> Json {
    Json::str(d.text())
}

fn opt_date_json(d: Option<Date>) -> Json {
    d.map_or(Json::Null, date_json)
}

fn counts_json(counts: &[usize]) -> Json {
    let mut out = Vec::with_capacity(counts.len());
    for &n in counts {
        out.push(Json::Num(n as f64));
    }
    Json::Arr(out)
}

impl Analysis {
    /// MODEL.md's `analyze()` output, field for field.
    pub fn to_json(&self) -> Json {
        let t = &self.trend;
        let (mut rest, mut changes) = (Vec::new(), Vec::new());
        for r in &self.rest {
            rest.push(r.to_json());
        }
        for c in &self.changes {
            changes.push(c.to_json());
        }
        Json::obj(vec![
            (
                "trend",
                Json::obj(vec![
                    ("change", Json::opt_num(t.change)),
                    ("reliable", Json::Bool(t.reliable)),
                    ("direction", Json::str(t.direction.id())),
                    ("slow_rise", Json::Bool(t.slow_rise)),
                ]),
            ),
            ("high_since", opt_date_json(self.high_since)),
            ("rest", Json::Arr(rest)),
            ("changes", Json::Arr(changes)),
        ])
    }
}

impl RestResponse {
    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("start", date_json(self.start)),
            ("end", date_json(self.end)),
            ("type", Json::str(self.rest_type.id())),
            ("state", Json::str(self.state.id())),
            ("relief", Json::opt_num(self.relief)),
            ("kept", Json::opt_num(self.kept)),
            ("next_check", opt_date_json(self.next_check)),
            ("counts", counts_json(&self.counts)),
            ("baseline", Json::opt_num(self.baseline)),
            ("back", Json::opt_num(self.back)),
            ("follow_up", Json::opt_num(self.follow_up)),
        ])
    }
}

impl ChangeEffect {
    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("date", date_json(self.date)),
            ("what", Json::str(self.what.id())),
            ("strain_before", Json::opt_num(self.strain_before)),
            ("strain_after", Json::opt_num(self.strain_after)),
            ("counts", counts_json(&self.counts)),
        ])
    }
}

// ---- input: `analyze({ readings, events, today })` ----

/// Validates the stateless `analyze()` input; every error names its field.
pub fn parse_input(input: &Json) -> Result<AnalyzeInput> {
    only_keys(input, "", &["readings", "events", "today"])?;
    // `today` first: every reading is checked against it.
    let today = Date::parse(as_str(member(input, "", "today")?, "today")?, "today")?;
    let list = |key: &str| -> Result<&[Json]> {
        match optional(input, key) {
            None => Ok(&[]),
            Some(v) => as_arr(v, key),
        }
    };
    let readings = crate::json::each(list("readings")?, "readings", &mut |v| parse_reading(v, "", today))?;
    let events = crate::json::each(list("events")?, "events", &mut |v| parse_event(v, ""))?;
    Ok(AnalyzeInput { readings, events, today })
}

fn parse_reading(v: &Json, at: &str, today: Date) -> Result<Reading> {
    only_keys(v, at, &["at", "strain"])?;
    let date = Date::parse_member(v, at, "at")?;
    if date > today {
        return Err(Error::invalid(path(at, "at"), cat(&[&date.text(), " is after today (", &today.text(), ")"])));
    }
    let field = path(at, "strain");
    let strain = as_num(member(v, at, "strain")?, &field)?;
    // Written as a negated range check so that NaN is refused too.
    if !(0.0..=100.0).contains(&strain) {
        return Err(Error::invalid(field, cat(&[&crate::num::shortest(strain), " is outside 0..100"])));
    }
    Ok(Reading { date, strain })
}

fn parse_event(v: &Json, at: &str) -> Result<Event> {
    let kind = crate::history::record::parse_event_kind(v, at, &[])?;
    let note = crate::history::record::parse_note(optional(v, "note"), at, "note")?;
    Ok(Event { id: crate::history::record::event_id(&kind), kind, note })
}
