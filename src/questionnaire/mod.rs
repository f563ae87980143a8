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

/// `ITEMS`' places in the order of their ids, the order every answers map keeps:
/// walking this beside a map meets each item's answer in one step, where a
/// search per item compared ids several times (an import scores thousands of
/// entries). A test checks it against `ITEMS`; add an item, and it says where.
pub static BY_ID: &[u8] = &[8, 22, 15, 21, 7, 2, 24, 3, 19, 27, 0, 16, 9, 26, 13, 4, 11, 31, 28, 10, 30, 5, 25, 17, 12, 29, 14, 6, 23, 18, 32, 1, 20];

/// The items a form asks, in order.
pub fn items(form: Form) -> impl Iterator<Item = &'static Item> {
    ITEMS.iter().filter(move |i| asked(form, i))
}

/// Whether `form` asks `item`. (Loops over `ITEMS` with this test compile
/// smaller than the `items()` iterator with a second adapter.)
pub fn asked(form: Form, item: &Item) -> bool {
    form == Form::Full || item.quick
}

/// The item `id` if the form asks it.
pub fn find_item(form: Form, id: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| asked(form, i) && i.id == id)
}

/// Whether the form asks about `construct` at all.
pub fn asks(form: Form, construct: Construct) -> bool {
    ITEMS.iter().any(|i| asked(form, i) && i.construct == construct)
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
    /// What `questionnaire()` returns to JS, field for field. Plain loops here
    /// and in [`questionnaire`]: the `map`/`filter`/`collect` chains they
    /// replace compiled to 0.8 KB more of gzipped wasm.
    pub fn to_json(&self) -> Json {
        let s = |t: &str| Json::str(t);
        let mut scale = Vec::new();
        for p in &self.scale {
            scale.push(Json::obj(vec![("value", Json::Num(f64::from(p.value))), ("label", s(p.label))]));
        }
        let mut items = Vec::new();
        for i in &self.items {
            items.push(Json::obj(vec![
                ("id", s(i.id)),
                ("construct", s(i.construct.id())),
                ("reverse", Json::Bool(i.reverse)),
                ("text", s(i.text)),
            ]));
        }
        let mut context = Vec::new();
        for c in &self.context {
            let mut options = Vec::new();
            for o in &c.options {
                options.push(Json::obj(vec![("id", s(o.id)), ("label", s(o.label))]));
            }
            context.push(Json::obj(vec![
                ("id", s(c.id)),
                ("text", s(c.text)),
                ("multiple", Json::Bool(c.multiple)),
                ("options", Json::Arr(options)),
            ]));
        }
        Json::obj(vec![
            ("id", s(&self.id)),
            ("version", Json::Num(f64::from(self.version))),
            ("form", s(self.form.id())),
            ("locale", s(self.locale.id())),
            ("scale", Json::Arr(scale)),
            ("items", Json::Arr(items)),
            ("context", Json::Arr(context)),
        ])
    }
}

/// The questionnaire of `form` in `locale`.
pub fn questionnaire(form: Form, locale: Locale) -> Questionnaire {
    let mut scale = Vec::new();
    for (v, t) in SCALE.iter().enumerate() {
        scale.push(ScalePoint { value: v as u8, label: t.get(locale) });
    }
    let mut items = Vec::new();
    for i in ITEMS {
        if asked(form, i) {
            items.push(ItemView { id: i.id, construct: i.construct, reverse: i.reverse, text: i.text.get(locale) });
        }
    }
    let mut context = Vec::new();
    for q in CONTEXT {
        let mut options = Vec::new();
        for (id, t) in q.options {
            options.push(OptionView { id, label: t.get(locale) });
        }
        context.push(ContextView { id: q.id, text: q.text.get(locale), multiple: q.multiple, options });
    }
    Questionnaire { id: crate::cat::cat(&["burnout-check/", form.id()]), version: QUESTIONNAIRE_VERSION, form, locale, scale, items, context }
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
    let form = parse_id(member(input, "", "form")?, "", "form")?;
    Ok((form, crate::text::requested_locale(input)?))
}
