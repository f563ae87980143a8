//! Answers -> constructs -> indices -> band, profile, flags, top areas, exactly
//! as MODEL.md says. Thresholds come from `thresholds`; texts from `explain`.
//! SKELETON: the scoring helper implements `score`, `parse_input` and the tests.

use crate::error::Result;
use crate::json::Json;
use crate::model::{Band, Construct, Duration, Flag, Form, Index, Locale, Profile, Scope, Secondary};
use serde::Serialize;
use std::collections::BTreeMap;

/// Answers by item id, each 0..=4 (validated). Unanswered items are absent.
pub type Answers = BTreeMap<&'static str, u8>;

/// The optional context answers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    pub duration: Option<Duration>,
    pub scope: Option<Scope>,
    /// Without duplicates, in `Secondary::ALL` order.
    pub secondary: Vec<Secondary>,
}

/// The five indices, each 0..100 or null.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Indices {
    pub strain: Option<f64>,
    pub wear: Option<f64>,
    pub load: Option<f64>,
    pub mismatch: Option<f64>,
    pub compensation: Option<f64>,
}

impl Indices {
    pub fn get(&self, index: Index) -> Option<f64> {
        match index {
            Index::Strain => self.strain,
            Index::Wear => self.wear,
            Index::Load => self.load,
            Index::Mismatch => self.mismatch,
            Index::Compensation => self.compensation,
        }
    }
}

/// Everything one assessment's numbers decide, before any text.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub form: Form,
    /// Every construct, null when not asked or too few answers; unrounded.
    pub constructs: BTreeMap<Construct, Option<f64>>,
    pub indices: Indices,
    pub band: Option<Band>,
    pub profile: Profile,
    /// In `Flag::ALL` order.
    pub flags: Vec<Flag>,
    pub top_areas: Vec<Construct>,
}

/// What `assess()` returns to JS (MODEL.md "The public API").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub profile: Profile,
    pub band: Option<Band>,
    pub flags: Vec<Flag>,
    pub indices: Indices,
    pub constructs: BTreeMap<Construct, Option<f64>>,
    pub top_areas: Vec<Construct>,
    pub explanation: String,
    pub next_steps: Vec<String>,
    pub form: Form,
    pub questionnaire_version: u32,
    pub scoring_version: u32,
}

/// Validated input of `assess()`.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub form: Form,
    pub locale: Locale,
    pub answers: Answers,
    pub context: Context,
}

/// Scores answers of `form` (already validated).
pub fn score(form: Form, answers: &Answers, context: &Context) -> Outcome {
    let _ = (answers, context);
    Outcome {
        form,
        constructs: BTreeMap::new(),
        indices: Indices::default(),
        band: None,
        profile: Profile::Incomplete,
        flags: vec![],
        top_areas: vec![],
    }
}

/// Validates the JSON input of `assess()`; errors name the field.
pub fn parse_input(input: &Json) -> Result<Input> {
    let _ = input;
    Err(crate::error::Error::invalid("", "not implemented"))
}

/// Scores and explains: the whole of `assess()`.
pub fn assess(input: &Input) -> Assessment {
    let o = score(input.form, &input.answers, &input.context);
    let (explanation, next_steps) = crate::explain::explain(&o, &input.context, input.locale);
    Assessment {
        profile: o.profile,
        band: o.band,
        flags: o.flags,
        indices: o.indices,
        constructs: o.constructs,
        top_areas: o.top_areas,
        explanation,
        next_steps,
        form: o.form,
        questionnaire_version: crate::questionnaire::QUESTIONNAIRE_VERSION,
        scoring_version: crate::thresholds::SCORING_VERSION,
    }
}
