//! The forms as data. `items.rs` is the one source of truth for every item, its
//! construct, keying, quick-check membership and its text in every locale.

mod items;

use crate::json::Json;
use crate::model::{Construct, Form, Locale};
use crate::text::Text;

pub use items::{CONTEXT, ITEMS, SCALE};

/// Bump when an item is added, removed, reworded in meaning or re-keyed.
pub const QUESTIONNAIRE_VERSION: u32 = 1;

/// One scaled item. The full form asks every item in `ITEMS` order; the quick
/// check asks those with `quick`, in the same order and with the same ids.
#[derive(Debug)]
pub struct Item {
    pub id: &'static str,
    pub construct: Construct,
    /// Scored `4 - answer`.
    pub reverse: bool,
    pub quick: bool,
    pub text: Text,
}

/// A context question (not scaled, optional).
#[derive(Debug)]
pub struct ContextQuestion {
    /// `duration`, `scope` or `secondary`.
    pub id: &'static str,
    pub text: Text,
    pub multiple: bool,
    /// Option ids are those of `model::{Duration, Scope, Secondary}`.
    pub options: &'static [(&'static str, Text)],
}

/// The items a form asks, in order.
pub fn items(form: Form) -> impl Iterator<Item = &'static Item> {
    ITEMS.iter().filter(move |i| form == Form::Full || i.quick)
}

/// The item `id` if the form asks it.
pub fn find_item(form: Form, id: &str) -> Option<&'static Item> {
    items(form).find(|i| i.id == id)
}

/// Whether the form asks about `construct` at all.
pub fn asks(form: Form, construct: Construct) -> bool {
    items(form).any(|i| i.construct == construct)
}

/// The stable id of a form's definition, e.g. `full` / `quick`.
pub fn form_id(form: Form) -> &'static str {
    form.id()
}

// ---- what `questionnaire()` returns to JS ----

#[derive(Debug)]
pub struct Questionnaire {
    pub id: String,
    pub version: u32,
    pub form: Form,
    pub locale: Locale,
    pub scale: Vec<ScalePoint>,
    pub items: Vec<ItemView>,
    pub context: Vec<ContextView>,
}

#[derive(Debug)]
pub struct ScalePoint {
    pub value: u8,
    pub label: &'static str,
}

#[derive(Debug)]
pub struct ItemView {
    pub id: &'static str,
    pub construct: Construct,
    pub reverse: bool,
    pub text: &'static str,
}

#[derive(Debug)]
pub struct ContextView {
    pub id: &'static str,
    pub text: &'static str,
    pub multiple: bool,
    pub options: Vec<OptionView>,
}

#[derive(Debug)]
pub struct OptionView {
    pub id: &'static str,
    pub label: &'static str,
}

impl Questionnaire {
    /// What `questionnaire()` returns to JS, field for field.
    pub fn to_json(&self) -> Json {
        let s = |t: &str| Json::str(t);
        Json::obj(vec![
            ("id", s(&self.id)),
            ("version", Json::Num(f64::from(self.version))),
            ("form", s(self.form.id())),
            ("locale", s(self.locale.id())),
            (
                "scale",
                Json::Arr(
                    self.scale
                        .iter()
                        .map(|p| Json::obj(vec![("value", Json::Num(f64::from(p.value))), ("label", s(p.label))]))
                        .collect(),
                ),
            ),
            (
                "items",
                Json::Arr(
                    self.items
                        .iter()
                        .map(|i| {
                            Json::obj(vec![
                                ("id", s(i.id)),
                                ("construct", s(i.construct.id())),
                                ("reverse", Json::Bool(i.reverse)),
                                ("text", s(i.text)),
                            ])
                        })
                        .collect(),
                ),
            ),
            (
                "context",
                Json::Arr(
                    self.context
                        .iter()
                        .map(|c| {
                            let options =
                                c.options.iter().map(|o| Json::obj(vec![("id", s(o.id)), ("label", s(o.label))])).collect();
                            Json::obj(vec![
                                ("id", s(c.id)),
                                ("text", s(c.text)),
                                ("multiple", Json::Bool(c.multiple)),
                                ("options", Json::Arr(options)),
                            ])
                        })
                        .collect(),
                ),
            ),
        ])
    }
}

/// The questionnaire of `form` in `locale`.
pub fn questionnaire(form: Form, locale: Locale) -> Questionnaire {
    Questionnaire {
        id: format!("burnout-check/{}", form.id()),
        version: QUESTIONNAIRE_VERSION,
        form,
        locale,
        scale: SCALE.iter().enumerate().map(|(v, t)| ScalePoint { value: v as u8, label: t.get(locale) }).collect(),
        items: items(form)
            .map(|i| ItemView { id: i.id, construct: i.construct, reverse: i.reverse, text: i.text.get(locale) })
            .collect(),
        context: CONTEXT
            .iter()
            .map(|q| ContextView {
                id: q.id,
                text: q.text.get(locale),
                multiple: q.multiple,
                options: q.options.iter().map(|(id, t)| OptionView { id, label: t.get(locale) }).collect(),
            })
            .collect(),
    }
}

/// Every text of the forms (`text::all` gathers them for the tables).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn texts() -> Vec<Text> {
    let mut v: Vec<Text> = SCALE.to_vec();
    v.extend(ITEMS.iter().map(|i| i.text));
    for q in CONTEXT {
        v.push(q.text);
        v.extend(q.options.iter().map(|(_, t)| *t));
    }
    v
}

/// Validates the input of `questionnaire()`: `{ form, locale? }`.
pub fn parse_request(input: &crate::json::Json) -> crate::error::Result<(Form, Locale)> {
    use crate::json::{member, only_keys};
    use crate::model::parse_id;
    only_keys(input, "", &["form", "locale"])?;
    let form = parse_id(member(input, "", "form")?, "form")?;
    Ok((form, crate::text::requested_locale(input)?))
}
