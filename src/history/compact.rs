//! The stored entry of schema 2: only what cannot be recomputed, with short keys.
//!
//! A schema-1 record held the answers *and* everything scored from them (about
//! 1,400 characters for a full form); storage quotas count UTF-16 bytes, so
//! 2,000 of them did not fit 5 MB. Here the result is recomputed on reading by
//! the deterministic scorer, and stored only when recomputing would not give it
//! back exactly (another scoring or questionnaire version, answers to items the
//! form no longer asks, a result edited by hand): nothing is ever lost.
//!
//! `{"t":at_ms, "d":days, "f":form, "l":locale, "q":questionnaire_version,
//!   "s":scoring_version, "a":answers, "c":context, "n":note, "r":result}`
//! - the id is the key's (`<ns>:e:<id>`), so it is not repeated;
//! - `d`: the local date minus the UTC date of `t`, absent when 0;
//! - `a`: one character per item of the form in its order, `0`..`4` or `-` for
//!   unanswered; an object `{itemId: n}` when that cannot hold the answers;
//! - `c`: `duration/scope/secondary+secondary`, each part empty when unanswered;
//!   absent when nothing was answered;
//! - `n`: absent without a note; `r`: as an export's `result`, absent when recomputed.

use super::record::{parse_at_ms, parse_note, parse_result, parse_stored_answers, parse_version, result_to_json};
use super::Entry;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::json::{as_num, as_str, member, only_keys, optional, Json};
use crate::model::{parse_id, Duration, Form, Id, Scope, Secondary};
use crate::questionnaire::{self, QUESTIONNAIRE_VERSION};
use crate::scoring::{self, Answers, Context, Outcome};
use crate::thresholds::{ANSWER_MAX, SCORING_VERSION};

const KEYS: &[&str] = &["t", "d", "f", "l", "q", "s", "a", "c", "n", "r"];
const UNANSWERED: u8 = b'-';
const MS_PER_DAY: i64 = 86_400_000;

/// The entry as stored in schema 2 (its id lives in the key).
pub fn to_record(e: &Entry) -> Json {
    let mut m: Vec<(&str, Json)> = vec![("t", Json::Num(e.at_ms as f64))];
    let offset = i64::from(e.date.0) - utc_day(e.at_ms);
    if offset != 0 {
        m.push(("d", Json::Num(offset as f64)));
    }
    m.push(("f", Json::str(e.form.id())));
    m.push(("l", Json::str(e.locale.id())));
    m.push(("q", Json::Num(f64::from(e.questionnaire_version))));
    m.push(("s", Json::Num(f64::from(e.scoring_version))));
    let scorable = form_answers(e.form, e.questionnaire_version, &e.answers);
    m.push((
        "a",
        match &scorable {
            Some(a) => Json::Str(digits(e.form, a)),
            None => Json::Obj(e.answers.iter().map(|(k, v)| (k.clone(), Json::Num(f64::from(*v)))).collect()),
        },
    ));
    if e.context != Context::default() {
        m.push(("c", Json::Str(context_text(&e.context))));
    }
    if let Some(n) = &e.note {
        m.push(("n", Json::str(n)));
    }
    if recompute(e.form, e.scoring_version, scorable.as_ref(), &e.context).as_ref() != Some(&e.outcome) {
        m.push(("r", result_to_json(&e.outcome)));
    }
    Json::obj(m)
}

/// Reads a schema-2 record stored under entry id `id`; errors name the short key.
pub fn from_record(v: &Json, id: &str) -> Result<Entry> {
    if !id.starts_with('e') {
        return Err(Error::invalid("id", format!("{} is not an entry id", Json::str(id).to_text())));
    }
    only_keys(v, "", KEYS)?;
    let at_ms = parse_at_ms(member(v, "", "t")?, "t")?;
    let date = match optional(v, "d") {
        None => day(utc_day(at_ms)).ok_or_else(|| Error::invalid("t", "is outside the years 1 to 9999"))?,
        Some(d) => {
            let n = as_num(d, "d")?;
            // Any real offset is a day or two; the bound only keeps the sum exact.
            if n.fract() != 0.0 || n.abs() > 1e9 {
                return Err(Error::invalid("d", format!("{} is not a number of days", crate::num::shortest(n))));
            }
            day(utc_day(at_ms) + n as i64).ok_or_else(|| Error::invalid("d", "gives a date outside the years 1 to 9999"))?
        }
    };
    let form: Form = parse_id(member(v, "", "f")?, "f")?;
    let locale = parse_id(member(v, "", "l")?, "l")?;
    let questionnaire_version = parse_version(v, "", "q")?;
    let scoring_version = parse_version(v, "", "s")?;
    let answers = match member(v, "", "a")? {
        Json::Str(s) => parse_digits(form, questionnaire_version, s)?,
        other => parse_stored_answers(other, "a")?,
    };
    let context = match optional(v, "c") {
        None => Context::default(),
        Some(c) => parse_context_text(as_str(c, "c")?)?,
    };
    let note = parse_note(optional(v, "n"), "n")?;
    let outcome = match optional(v, "r") {
        Some(r) => parse_result(r, "r", form)?,
        None => {
            let scorable = form_answers(form, questionnaire_version, &answers);
            recompute(form, scoring_version, scorable.as_ref(), &context).ok_or_else(|| {
                Error::invalid("r", format!("is missing, and scoring version {scoring_version} cannot be recomputed from these answers"))
            })?
        }
    };
    Ok(Entry { id: id.to_string(), at_ms, date, form, questionnaire_version, scoring_version, locale, answers, context, outcome, note })
}

/// The UTC calendar day of a time, as days since 1970-01-01.
fn utc_day(at_ms: i64) -> i64 {
    at_ms.div_euclid(MS_PER_DAY)
}

/// A day number as a date of the years we accept (those `Date::parse` reads).
fn day(n: i64) -> Option<Date> {
    let d = Date(i32::try_from(n).ok()?);
    (1..=9999).contains(&d.ymd().0).then_some(d)
}

/// The answers keyed by the form's own item ids, when the form of this
/// questionnaire version asks every one of them; `None` otherwise.
fn form_answers(form: Form, version: u32, answers: &crate::vecmap::VecMap<String, u8>) -> Option<Answers> {
    if version != QUESTIONNAIRE_VERSION {
        return None;
    }
    let mut out = Answers::new();
    for (id, v) in answers {
        out.insert(questionnaire::find_item(form, id)?.id, *v);
    }
    Some(out)
}

/// The result the scorer gives, when it is the scorer that wrote `scoring_version`.
fn recompute(form: Form, scoring_version: u32, answers: Option<&Answers>, context: &Context) -> Option<Outcome> {
    (scoring_version == SCORING_VERSION).then(|| answers.map(|a| scoring::score(form, a, context))).flatten()
}

fn digits(form: Form, answers: &Answers) -> String {
    questionnaire::items(form).map(|i| answers.get(i.id).map_or(UNANSWERED as char, |v| char::from(b'0' + v))).collect()
}

fn parse_digits(form: Form, version: u32, s: &str) -> Result<crate::vecmap::VecMap<String, u8>> {
    if version != QUESTIONNAIRE_VERSION {
        return Err(Error::invalid("a", format!("answers of questionnaire version {version} must name their items")));
    }
    let n = questionnaire::items(form).count();
    if s.len() != n {
        return Err(Error::invalid("a", format!("has {} answers; the {} form has {n} items", s.chars().count(), form.id())));
    }
    let mut out = crate::vecmap::VecMap::new();
    for (item, b) in questionnaire::items(form).zip(s.bytes()) {
        match b {
            UNANSWERED => {}
            b'0'..=b'9' if b - b'0' <= ANSWER_MAX => {
                out.insert(item.id.to_string(), b - b'0');
            }
            _ => return Err(Error::invalid(crate::error::path("a", item.id), format!("{:?} is not 0..{ANSWER_MAX} or -", char::from(b)))),
        }
    }
    Ok(out)
}

fn context_text(c: &Context) -> String {
    let secondary: Vec<&str> = c.secondary.iter().map(|s| s.id()).collect();
    format!(
        "{}/{}/{}",
        c.duration.map_or("", |d| d.id()),
        c.scope.map_or("", |s| s.id()),
        crate::json::join(&secondary, "+")
    )
}

fn parse_context_text(s: &str) -> Result<Context> {
    let parts: Vec<&str> = s.split('/').collect();
    let [duration, scope, secondary] = parts[..] else {
        return Err(Error::invalid("c", format!("{s:?} is not duration/scope/secondary")));
    };
    fn one<T: Id>(s: &str, field: &str) -> Result<Option<T>> {
        if s.is_empty() {
            return Ok(None);
        }
        T::from_id(s).map(Some).ok_or_else(|| Error::invalid(field, format!("{s:?} is not one of {}", T::id_list())))
    }
    let mut given = Vec::new();
    for part in secondary.split('+').filter(|p| !p.is_empty()) {
        given.extend(one::<Secondary>(part, "c.secondary")?);
    }
    Ok(Context {
        duration: one::<Duration>(duration, "c.duration")?,
        scope: one::<Scope>(scope, "c.scope")?,
        // As `parse_context` keeps it: no duplicates, in the model's order.
        secondary: Secondary::ALL.iter().copied().filter(|s| given.contains(s)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn a_full_form_entry_is_short_and_reads_back_equal() {
        let input = scoring::parse_input(
            &parse(r#"{"form":"full","answers":{},"context":{"duration":"6_12m","secondary":["money","health"]}}"#, "").unwrap(),
        )
        .unwrap();
        let mut input = input;
        for (k, item) in questionnaire::items(Form::Full).enumerate() {
            input.answers.insert(item.id, (k % 5) as u8);
        }
        let e = super::super::record::new_entry(&input, 1_767_225_600_000, Date::parse("2025-12-31", "").unwrap(), Some("x".into()));
        let text = to_record(&e).to_text();
        assert!(text.len() < 150, "{} characters: {text}", text.len());
        assert!(text.contains(r#""d":-1"#) && text.contains(r#""c":"6_12m//health+money""#) && !text.contains(r#""r""#), "{text}");
        assert_eq!(from_record(&parse(&text, "").unwrap(), &e.id).unwrap(), e);
    }

    #[test]
    fn damaged_fields_are_named() {
        let bad = |text: &str| from_record(&parse(text, "").unwrap(), "e1").unwrap_err().to_string();
        assert!(bad(r#"{"t":0,"f":"quick","l":"en","q":1,"s":1,"a":"0123"}"#).starts_with("a: has 4 answers"));
        assert!(bad(r#"{"t":0,"f":"quick","l":"en","q":1,"s":1,"a":"01234567-"}"#).starts_with("a."));
        assert!(bad(r#"{"t":0,"f":"quick","l":"en","q":1,"s":2,"a":"---------"}"#).starts_with("r: is missing"));
        assert!(bad(r#"{"t":0,"f":"quick","l":"en","q":1,"s":1,"a":"---------","c":"x/y"}"#).starts_with("c: "));
        assert!(bad(r#"{"t":0,"f":"quick","l":"en","q":1,"s":1,"a":"---------","c":"/nope/"}"#).starts_with("c.scope: "));
        assert!(bad(r#"{"t":0,"d":1e12,"f":"quick","l":"en","q":1,"s":1,"a":"---------"}"#).starts_with("d: "));
        assert!(bad(r#"{"t":-8.64e15,"f":"quick","l":"en","q":1,"s":1,"a":"---------"}"#).starts_with("t: "));
        assert!(bad(r#"{"t":0,"f":"quick","l":"en","q":1,"s":1,"a":"---------","x":1}"#).starts_with("x: "));
    }
}
