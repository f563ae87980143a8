//! The stored entry (schema 2 on): only what cannot be recomputed, with short keys.
//!
//! A schema-1 record held the answers *and* everything scored from them (about
//! 1,400 characters for a full form); storage quotas count UTF-16 bytes, so
//! 2,000 of them did not fit 5 MB. Here the result is recomputed on reading by
//! the deterministic scorer, and stored only when recomputing would not give it
//! back exactly (another scoring or questionnaire version, answers to items the
//! form does not ask, a result edited by hand): nothing is ever lost.
//!
//! `{"t":at, "d":date, "f":form, "l":locale, "q":questionnaire_version,
//!   "s":scoring_version, "a":answers, "c":context, "n":note, "r":result}`,
//! each value as an export has it (`record::SHORT` names them), except:
//! - the id is the key's (`<ns>:e:<id>`), so it is not repeated;
//! - `a`: one character per item of the form in its order, `0`..`4` or `-` for
//!   unanswered, when the current questionnaire asks every answered item;
//!   otherwise the export's object `{itemId: n}`;
//! - `c`, `n`: left out when empty; `c` without the parts not answered;
//! - `r`: left out when the scorer gives it back exactly.

use super::record::{answers_json, read_entry, result_to_json};
use super::{AnswerId, Entry};
use crate::cat::{cat, int, push_int};
use crate::error::{path, Error, Result};
use crate::json::{write_num, write_str, Json};
use crate::model::Form;
use crate::questionnaire::{self, QUESTIONNAIRE_VERSION};
use crate::scoring::{self, Context, Outcome};
use crate::thresholds::{ANSWER_MAX, SCORING_VERSION};
use crate::vecmap::VecMap;

const UNANSWERED: u8 = b'-';

/// The entry as stored since schema 2 (its id lives in the key or its pack line), as a `Json` value.
/// Storage writes `record_text`, the same text without building this; tests read
/// this one as the reference it is pinned to.
pub fn to_record(e: &Entry) -> Json {
    let mut m: Vec<(&str, Json)> = vec![
        ("t", Json::Num(e.at_ms as f64)),
        ("d", Json::str(e.date.text())),
        ("f", Json::str(e.form.id())),
        ("l", Json::str(e.locale.id())),
        ("q", Json::Num(f64::from(e.questionnaire_version))),
        ("s", Json::Num(f64::from(e.scoring_version))),
    ];
    let digits = form_digits(e.form, e.questionnaire_version, &e.answers);
    let scorable = digits.is_some();
    let answers = digits.map_or_else(|| answers_json(&e.answers), |d| Json::str(d.as_str()));
    m.push(("a", answers));
    if e.context != Context::default() {
        m.push(("c", context_json(&e.context)));
    }
    if let Some(n) = &e.note {
        m.push(("n", Json::str(n)));
    }
    let recomputed = (scorable && e.scoring_version == SCORING_VERSION).then(|| scoring::score(e.form, &e.answers.borrowed(), &e.context));
    if recomputed.as_ref() != Some(&e.outcome) {
        m.push(("r", result_to_json(&e.outcome)));
    }
    Json::obj(m)
}

/// `to_record(e).to_text()`, written straight out: building the record as a
/// `Json` first (a `String` per key and value) cost an import of a long
/// history tens of thousands of allocations. The same text (a property test pins it).
pub fn record_text(e: &Entry) -> String {
    let mut out = String::with_capacity(192);
    push_record(e, false, &mut out);
    out
}

/// `record_text(e)` written at the end of `out` (a pack's line); with
/// `recomputed` (its result was just recomputed from its answers) without
/// scoring them again to tell whether to store the result.
pub fn push_record(e: &Entry, recomputed: bool, out: &mut String) {
    write_entry(e, &SHORT_KEYS, false, recomputed, out);
}

/// An entry as an export of version 2 holds it: the stored record with the
/// export's names, its id first (`exchange::export_json`).
pub fn push_export_entry(e: &Entry, out: &mut String) {
    write_entry(e, &LONG_KEYS, true, false, out);
}

/// The keys `write_entry` writes, in its order: at, date, form, locale, the two
/// versions, answers, context, note, result.
type Keys = [&'static str; 10];
const SHORT_KEYS: Keys = ["t", "d", "f", "l", "q", "s", "a", "c", "n", "r"];
const LONG_KEYS: Keys =
    ["at", "date", "form", "locale", "questionnaire_version", "scoring_version", "answers", "context", "note", "result"];

/// Writes the compact record of `e` under `keys` (all plain ASCII), with its id
/// first when `with_id`; `recomputed` as for `recomputed_record_text`.
fn write_entry(e: &Entry, keys: &Keys, with_id: bool, recomputed: bool, out: &mut String) {
    let [at, date, form, locale, q, s, answers, context, note, result] = keys;
    let key = |out: &mut String, sep: &str, k: &str| {
        out.push_str(sep);
        out.push('"');
        out.push_str(k);
        out.push_str("\":");
    };
    out.push('{');
    if with_id {
        key(out, "", "id");
        write_str(&e.id, out);
        out.push(',');
    }
    key(out, "", at);
    write_num(e.at_ms as f64, out, &mut std::iter::empty());
    key(out, ",", date);
    write_str(&e.date.text(), out);
    key(out, ",", form);
    write_str(e.form.id(), out);
    key(out, ",", locale);
    write_str(e.locale.id(), out);
    key(out, ",", q);
    push_int(out, i64::from(e.questionnaire_version));
    key(out, ",", s);
    push_int(out, i64::from(e.scoring_version));
    key(out, ",", answers);
    let scorable = match form_digits(e.form, e.questionnaire_version, &e.answers) {
        Some(digits) => {
            write_str(digits.as_str(), out);
            true
        }
        None => {
            out.push_str(&answers_json(&e.answers).to_text());
            false
        }
    };
    let c = &e.context;
    if *c != Context::default() {
        // As `context_json` writes it, without building it.
        key(out, ",", context);
        out.push('{');
        let mut sep = "";
        if let Some(d) = c.duration {
            out.push_str("\"duration\":");
            write_str(d.id(), out);
            sep = ",";
        }
        if let Some(s) = c.scope {
            out.push_str(sep);
            out.push_str("\"scope\":");
            write_str(s.id(), out);
            sep = ",";
        }
        if !c.secondary.is_empty() {
            out.push_str(sep);
            out.push_str("\"secondary\":[");
            for (i, s) in c.secondary.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(s.id(), out);
            }
            out.push(']');
        }
        out.push('}');
    }
    if let Some(n) = &e.note {
        key(out, ",", note);
        write_str(n, out);
    }
    let scored = || (scorable && e.scoring_version == SCORING_VERSION).then(|| scoring::score(e.form, &e.answers.borrowed(), &e.context));
    if !recomputed && scored().as_ref() != Some(&e.outcome) {
        key(out, ",", result);
        out.push_str(&result_to_json(&e.outcome).to_text());
    }
    out.push('}');
}

/// Each short key with the export's name for it.
const NAMES: [(&str, &str); 10] = [
    ("t", "at"),
    ("d", "date"),
    ("f", "form"),
    ("l", "locale"),
    ("q", "questionnaire_version"),
    ("s", "scoring_version"),
    ("a", "answers"),
    ("c", "context"),
    ("r", "result"),
    ("n", "note"),
];

/// Reads a schema-2 record stored under entry id `id`: renamed to the export's
/// names and read by the same reader, so errors name the field by that name.
/// Takes the record, so its values move into the renamed one (copying them cost
/// an allocation per answer string, context and note of every entry read).
pub fn from_record(v: Json, id: &str) -> Result<Entry> {
    let members = match v {
        Json::Obj(members) => members,
        other => return Err(Error::invalid("", cat(&["expected an object, got ", other.type_name()]))),
    };
    let mut long = Vec::with_capacity(members.len() + 1);
    long.push(("id".into(), Json::str(id)));
    for (k, value) in members {
        let Some((_, name)) = NAMES.iter().find(|(short, _)| *short == k) else {
            return Err(Error::invalid(k, "is not a known field"));
        };
        long.push(((*name).into(), value));
    }
    read_entry(&Json::Obj(long), "", true)
}

/// The result the scorer gives these answers, when it is the scorer and the
/// questionnaire that wrote the versions and the form asks every answered item
/// (as it does when they were read from the form's digits: `from_digits`).
pub(crate) fn recompute(
    form: Form,
    questionnaire_version: u32,
    scoring_version: u32,
    answers: &VecMap<AnswerId, u8>,
    from_digits: bool,
    context: &Context,
) -> Option<Outcome> {
    let asked = from_digits || form_digits(form, questionnaire_version, answers).is_some();
    (scoring_version == SCORING_VERSION && asked).then(|| scoring::score(form, &answers.borrowed(), context))
}

/// Room for a digit per item of the questionnaire (a test holds it to that).
const MAX_ITEMS: usize = 64;

/// A form's answers as digits (`form_digits`), held on the stack: storing an
/// import of 2,000 entries allocated a string for each one's digits.
struct Digits {
    bytes: [u8; MAX_ITEMS],
    len: usize,
}

impl Digits {
    fn as_str(&self) -> &str {
        // Only ASCII digits and `-`, so this always succeeds.
        self.bytes.get(..self.len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default()
    }
}

/// The answers as digits in the form's item order, when the form of this
/// questionnaire version asks every one of them; `None` otherwise.
fn form_digits(form: Form, version: u32, answers: &VecMap<AnswerId, u8>) -> Option<Digits> {
    if version != QUESTIONNAIRE_VERSION {
        return None;
    }
    let len = questionnaire::items(form).count();
    let mut bytes = [UNANSWERED; MAX_ITEMS];
    let digits = bytes.get_mut(..len)?;
    // Answers and `BY_ID` are both in id order, so each answer's item is found
    // by going on from the last one's: one pass for them all. (A scan of the
    // form per answer cost an import of a long history more than the scoring.)
    let mut ids = questionnaire::BY_ID.iter();
    for (id, &v) in answers {
        let i = ids.find(|&&i| questionnaire::ITEMS.get(usize::from(i)).is_some_and(|item| item.id == id.as_ref()))?;
        *digits.get_mut(place(form, *i)?)? = b'0' + v;
    }
    Some(Digits { bytes, len })
}

/// Where `ITEMS[i]` is among the items `form` asks (the place of its digit), if it asks it.
fn place(form: Form, i: u8) -> Option<usize> {
    let i = usize::from(i);
    // The full form asks every item, in order; another form counts the ones it asks before.
    if form == Form::Full {
        return questionnaire::ITEMS.get(i).map(|_| i);
    }
    let asked = |item| questionnaire::asked(form, item);
    questionnaire::ITEMS.get(i).filter(|item| asked(item)).map(|_| questionnaire::ITEMS.iter().take(i).filter(|item| asked(item)).count())
}

/// Answers as digits in the form's item order; errors name `at` or `at.<item>`.
pub(crate) fn parse_digits(form: Form, version: u32, s: &str, at: &str) -> Result<VecMap<AnswerId, u8>> {
    if version != QUESTIONNAIRE_VERSION {
        return Err(Error::invalid(at, cat(&["answers of questionnaire version ", &int(i64::from(version)), " must name their items"])));
    }
    let n = questionnaire::items(form).count();
    if s.len() != n {
        return Err(Error::invalid(at, cat(&["has ", &int(s.len() as i64), " characters; the ", form.id(), " form has ", &int(n as i64), " items"])));
    }
    // Taken in id order, the map's own (a search and a shift per answer before).
    let mut out = Vec::with_capacity(n);
    for &i in questionnaire::BY_ID {
        let (Some(item), Some(&b)) = (questionnaire::ITEMS.get(usize::from(i)), place(form, i).and_then(|p| s.as_bytes().get(p))) else { continue };
        match b {
            UNANSWERED => {}
            b'0'..=b'9' if b - b'0' <= ANSWER_MAX => out.push((AnswerId::Borrowed(item.id), b - b'0')),
            _ => return Err(Error::invalid(path(at, item.id), "is not one of 0 to 4 or -")),
        }
    }
    Ok(VecMap::from_sorted(out))
}

/// The context as `parse_context` reads it, leaving out what was not answered.
fn context_json(c: &Context) -> Json {
    let mut m = Vec::new();
    if let Some(d) = c.duration {
        m.push(("duration", Json::str(d.id())));
    }
    if let Some(s) = c.scope {
        m.push(("scope", Json::str(s.id())));
    }
    if !c.secondary.is_empty() {
        m.push(("secondary", Json::Arr(c.secondary.iter().map(|s| Json::str(s.id())).collect())));
    }
    Json::obj(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::json::parse;

    #[test]
    fn every_item_of_the_questionnaire_has_room_for_its_digit() {
        assert!(questionnaire::ITEMS.len() <= MAX_ITEMS, "{} items", questionnaire::ITEMS.len());
        assert!(questionnaire::items(Form::Full).count() > 1);
    }

    #[test]
    fn a_full_form_entry_is_short_and_reads_back_equal() {
        let mut input = scoring::parse_input(
            &parse(r#"{"form":"full","answers":{},"context":{"duration":"6_12m","secondary":["money","health"]}}"#, "").unwrap(),
        )
        .unwrap();
        for (k, item) in questionnaire::items(Form::Full).enumerate() {
            input.answers.insert(item.id, (k % 5) as u8);
        }
        let e = super::super::record::new_entry(&input, 1_767_225_600_000, Date::parse("2025-12-31", "").unwrap(), Some("x".into()));
        let text = to_record(&e).to_text();
        assert!(text.len() < 175, "{} characters: {text}", text.len());
        assert!(text.contains(r#""c":{"duration":"6_12m","secondary":["health","money"]}"#) && !text.contains(r#""r""#), "{text}");
        assert_eq!(from_record(parse(&text, "").unwrap(), &e.id).unwrap(), e);
    }

    #[test]
    fn damaged_fields_are_named() {
        let bad = |text: &str| from_record(parse(text, "").unwrap(), "e1").unwrap_err().to_string();
        let q = r#""t":0,"d":"1970-01-01","f":"quick","l":"en","q":1"#;
        assert!(bad(&format!(r#"{{{q},"s":1,"a":"0123"}}"#)).starts_with("answers: has 4 characters"));
        assert!(bad(&format!(r#"{{{q},"s":1,"a":"01234567-"}}"#)).starts_with("answers."));
        assert!(bad(&format!(r#"{{{q},"s":2,"a":"---------"}}"#)).starts_with("result: is missing"));
        assert!(bad(&format!(r#"{{{q},"s":1,"a":"---------","c":{{"scope":"nope"}}}}"#)).starts_with("context.scope: "));
        assert!(bad(&format!(r#"{{{q},"s":1,"a":"---------","x":1}}"#)).starts_with("x: "));
        assert!(bad(&format!(r#"{{{q},"s":1,"a":"---------","id":"e2"}}"#)).starts_with("id: "));
        assert!(bad(r#"{"t":0,"d":"1970-02-30","f":"quick","l":"en","q":1,"s":1,"a":"---------"}"#).starts_with("date: "));
        assert!(from_record(parse(&format!(r#"{{{q},"s":1,"a":"---------"}}"#), "").unwrap(), "v1").is_err());
    }
}
