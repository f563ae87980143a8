//! Explanations and next steps for each profile and flag, in every locale,
//! following the thesis: rest for overload, a change in structure for mismatch.
//! SKELETON: the content helper writes the texts.

use crate::model::Locale;
use crate::scoring::{Context, Outcome};

/// The explanation paragraph and the ordered next steps for an outcome.
pub fn explain(outcome: &Outcome, context: &Context, locale: Locale) -> (String, Vec<String>) {
    let _ = (outcome, context, locale);
    (String::new(), Vec::new())
}
